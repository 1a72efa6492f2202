using Dossier.Accounts;
using Dossier.Authorities;
using Dossier.Curation;
using Dossier.Records;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>
/// The words the staff's pages show for stored values (a record's state, an audit event, a role, a kind of
/// authority), in the reader's language. The values themselves stay as they are stored; anything not known here is
/// shown as stored. Words whose English is another phrase's in another sense are keyed with their context
/// ("withdrawn [state]"; see <see cref="Text"/>).
/// </summary>
public static class StaffWords
{
    /// <summary>A record's state as the staff's lists name it: "a draft", "in review", "deleted"…</summary>
    public static string State(IStringLocalizer<Text> text, PublicationStatus status, bool deleted) => deleted ? text["deleted [state]"] : status switch
    {
        PublicationStatus.Draft => text["a draft"],
        PublicationStatus.InReview => text["in review [state]"],
        PublicationStatus.Embargoed => text["embargoed [state]"],
        PublicationStatus.Published => text["published [state]"],
        PublicationStatus.Withdrawn => text["withdrawn [state]"],
        _ => Workflow.Describe(status),
    };

    /// <summary>A record's state as a revision stored it ("a draft", "deleted": <see cref="Workflow.Describe"/>).</summary>
    public static string StoredState(IStringLocalizer<Text> text, string stored) => stored switch
    {
        "deleted" => text["deleted [state]"],
        "a draft" => text["a draft"],
        "in review" => text["in review [state]"],
        "embargoed" => text["embargoed [state]"],
        "published" => text["published [state]"],
        "withdrawn" => text["withdrawn [state]"],
        _ => stored,
    };

    /// <summary>An audit event (<see cref="AuditEvents"/>), or a revision's change when it is one word of them.</summary>
    public static string Event(IStringLocalizer<Text> text, string stored) => stored switch
    {
        AuditEvents.SignedIn => text["signed in"],
        AuditEvents.SignInFailed => text["sign-in failed"],
        AuditEvents.LockedOut => text["locked out"],
        AuditEvents.SignedOut => text["signed out"],
        AuditEvents.Submitted => text["submitted for review"],
        AuditEvents.Published => text["published [state]"],
        AuditEvents.Embargoed => text["embargoed [state]"],
        AuditEvents.EmbargoEnded => text["embargo ended"],
        AuditEvents.Withdrawn => text["withdrawn [state]"],
        AuditEvents.ReturnedToDraft => text["returned to draft"],
        AuditEvents.Deleted => text["deleted [state]"],
        AuditEvents.Restored => text["restored"],
        AuditEvents.RevisionRestored => text["revision restored"],
        AuditEvents.AccountCreated => text["account created"],
        AuditEvents.RoleGranted => text["role granted"],
        AuditEvents.Unlocked => text["unlocked"],
        AuditEvents.Disabled => text["account disabled"],
        AuditEvents.Imported => text["imported"],
        AuditEvents.TokenCreated => text["API token created"],
        AuditEvents.TokenRevoked => text["API token revoked"],
        AuditEvents.CollectionCreated => text["collection created"],
        AuditEvents.CollectionChanged => text["collection changed"],
        AuditEvents.CollectionDeleted => text["collection deleted"],
        AuditEvents.AuthorityCreated => text["authority created"],
        AuditEvents.AuthorityChanged => text["authority changed"],
        AuditEvents.AuthoritiesMerged => text["authorities merged"],
        AuditEvents.AuthoritySplit => text["authority split"],
        AuditEvents.MentionConfirmed => text["mention confirmed"],
        AuditEvents.MentionRejected => text["mention rejected"],
        AuditEvents.MentionReopened => text["mention reopened"],
        AuditEvents.NameDismissed => text["name dismissed"],
        // A revision's own words (Curators.SaveChangeAsync's callers).
        "created" => text["created"],
        "edited" => text["edited"],
        "created through the API" => text["created through the API"],
        "replaced through the API" => text["replaced through the API"],
        _ => stored,
    };

    /// <summary>A field of a record's revision (<see cref="RecordSnapshot.Fields"/>).</summary>
    public static string Field(IStringLocalizer<Text> text, string field) => field switch
    {
        "Title" => text["Title"],
        "Date" => text["Date"],
        "Summary" => text["Summary"],
        "Type" => text["Type"],
        "Classification" => text["Classification"],
        "Record ID" => text["Record ID"],
        "Languages" => text["Languages"],
        "Source" => text["Source"],
        "Archive" => text["Archive"],
        "Fond" => text["Fond"],
        "Opis" => text["Opis"],
        "Papka" => text["Papka"],
        "Delo" => text["Delo"],
        "Pages" => text["Pages"],
        "Reel" => text["Reel"],
        "Box" => text["Box"],
        "Item" => text["Item"],
        "Creators" => text["Creators"],
        "Recipients" => text["Recipients"],
        "Place" => text["Place"],
        "Subjects" => text["Subjects"],
        "Notes" => text["Notes"],
        "Provenance" => text["Provenance"],
        "Obtained by" => text["Obtained by"],
        "Translators" => text["Translators"],
        "Donors" => text["Donors"],
        "Rights" => text["Rights"],
        "Uploaded" => text["Uploaded"],
        "Repository" => text["Repository"],
        "State" => text["State"],
        "Embargo until" => text["Embargo until"],
        "Why withdrawn" => text["Why withdrawn"],
        _ when field.StartsWith("Transcript (", StringComparison.Ordinal) && field.EndsWith(')') => text["Transcript ({0})", field["Transcript (".Length..^1]],
        _ => field,
    };

    /// <summary>A kind of authority as a word: "person", "place", "organization".</summary>
    public static string Kind(IStringLocalizer<Text> text, AuthorityKind kind) => kind switch
    {
        AuthorityKind.Person => text["person [kind of authority]"],
        AuthorityKind.Place => text["place [kind of authority]"],
        _ => text["organization [kind of authority]"],
    };

    /// <summary>A role (<see cref="Roles"/>) by its name.</summary>
    public static string Role(IStringLocalizer<Text> text, string role) => role switch
    {
        Roles.Administrator => text["Administrator"],
        Roles.Editor => text["Editor"],
        Roles.Contributor => text["Contributor"],
        Roles.Researcher => text["Researcher"],
        _ => role,
    };
}
