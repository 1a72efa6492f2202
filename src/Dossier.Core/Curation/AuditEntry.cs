namespace Dossier.Curation;

/// <summary>
/// One line of the audit log: sign-ins (and failed ones), sign-outs, publications, withdrawals, deletions,
/// restorations, embargoes ended, accounts and roles given. Kept apart from revisions, which say what a record became.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }

    /// <summary>One of <see cref="AuditEvents"/>.</summary>
    public string Event { get; set; } = "";

    public string? UserId { get; set; }

    /// <summary>The account's email, or for a failed sign-in the address that was tried.</summary>
    public string? UserName { get; set; }

    public int? RecordId { get; set; }
    public string? Detail { get; set; }

    /// <summary>The client's network address, for sign-ins.</summary>
    public string? Address { get; set; }
}

public static class AuditEvents
{
    public const string SignedIn = "signed in";
    public const string SignInFailed = "sign-in failed";
    public const string LockedOut = "locked out";
    public const string SignedOut = "signed out";
    public const string Submitted = "submitted for review";
    public const string Published = "published";
    public const string Embargoed = "embargoed";
    public const string EmbargoEnded = "embargo ended";
    public const string Withdrawn = "withdrawn";
    public const string ReturnedToDraft = "returned to draft";
    public const string Deleted = "deleted";
    public const string Restored = "restored";
    public const string RevisionRestored = "revision restored";
    public const string AccountCreated = "account created";
    public const string RoleGranted = "role granted";
    public const string Unlocked = "unlocked";
    public const string Disabled = "account disabled";
    public const string Imported = "imported";
    public const string TokenCreated = "API token created";
    public const string TokenRevoked = "API token revoked";
    public const string CollectionCreated = "collection created";
    public const string CollectionChanged = "collection changed";
    public const string CollectionDeleted = "collection deleted";
    public const string AuthorityCreated = "authority created";
    public const string AuthorityChanged = "authority changed";
    public const string AuthoritiesMerged = "authorities merged";
    public const string AuthoritySplit = "authority split";
    public const string MentionConfirmed = "mention confirmed";
    public const string MentionRejected = "mention rejected";
    public const string MentionReopened = "mention reopened";
    public const string NameDismissed = "name dismissed";
}
