using Dossier.Records;

namespace Dossier.Curation;

/// <summary>Who acts on a record: their account and what their roles allow.</summary>
public sealed record Curator(string UserId, bool IsEditor)
{
    public bool Owns(ArchivalRecord record) => record.OwnerId == UserId;
}

/// <summary>Why a step of the workflow was refused, in words for the person who asked.</summary>
public sealed class WorkflowException(string message) : InvalidOperationException(message);

/// <summary>
/// The steps of a record's life: draft → in review → published (or embargoed until its date, then published);
/// published → withdrawn (with a reason); deleted (a tombstone) and restored as a draft. A contributor submits their
/// own drafts; everything else is an editor's. Each step says what it changed; the caller saves it with an indexing
/// task in one transaction.
/// </summary>
public static class Workflow
{
    public static void Submit(ArchivalRecord record, Curator curator)
    {
        NotDeleted(record);
        if (!curator.IsEditor && !curator.Owns(record)) throw new WorkflowException("a contributor submits only their own records");
        if (record.Status != PublicationStatus.Draft) throw new WorkflowException($"only a draft can be submitted for review; this record is {Describe(record.Status)}");
        record.Status = PublicationStatus.InReview;
    }

    /// <summary>
    /// Publishes now, or, with an embargo date after today, holds the record until that date (see <see cref="ReleaseDue"/>).
    /// </summary>
    public static void Publish(ArchivalRecord record, Curator curator, DateOnly? embargoUntil, DateTime now)
    {
        NotDeleted(record);
        EditorOnly(curator, "publish");
        if (record.Status == PublicationStatus.Published) throw new WorkflowException("the record is already published");
        record.WithdrawalReason = null;
        if (embargoUntil is { } day && day > DateOnly.FromDateTime(now))
        {
            record.Status = PublicationStatus.Embargoed;
            record.EmbargoUntil = day;
            return;
        }
        record.Status = PublicationStatus.Published;
        record.EmbargoUntil = null;
        record.PublishedAt = now;
        record.WithdrawalReason = null;
    }

    public static void Withdraw(ArchivalRecord record, Curator curator, string? reason)
    {
        NotDeleted(record);
        EditorOnly(curator, "withdraw");
        if (record.Status is not (PublicationStatus.Published or PublicationStatus.Embargoed))
            throw new WorkflowException($"only a published or embargoed record can be withdrawn; this record is {Describe(record.Status)}");
        if (string.IsNullOrWhiteSpace(reason)) throw new WorkflowException("a withdrawal needs a reason (the staff see it, visitors do not)");
        record.Status = PublicationStatus.Withdrawn;
        record.WithdrawalReason = reason.Trim();
        record.EmbargoUntil = null;
    }

    /// <summary>
    /// Sends a record back to its describers: a record in review, embargoed or withdrawn becomes a draft again. A
    /// published record is withdrawn first, with a reason.
    /// </summary>
    public static void ReturnToDraft(ArchivalRecord record, Curator curator)
    {
        NotDeleted(record);
        EditorOnly(curator, "return a record to draft");
        if (record.Status == PublicationStatus.Draft) throw new WorkflowException("the record is already a draft");
        if (record.Status == PublicationStatus.Published) throw new WorkflowException("a published record is withdrawn first, with a reason");
        record.Status = PublicationStatus.Draft;
        record.EmbargoUntil = null;
    }

    /// <summary>Deletes a record, keeping its row as a tombstone.</summary>
    public static void Delete(ArchivalRecord record, Curator curator, DateTime now)
    {
        if (!curator.IsEditor && !(curator.Owns(record) && record.Status == PublicationStatus.Draft))
            throw new WorkflowException("a contributor deletes only their own drafts");
        NotDeleted(record);
        record.DeletedAt = now;
    }

    /// <summary>Brings a deleted record back, as a draft.</summary>
    public static void Restore(ArchivalRecord record, Curator curator)
    {
        EditorOnly(curator, "restore");
        if (record.DeletedAt is null) throw new WorkflowException("the record is not deleted");
        record.DeletedAt = null;
        record.Status = PublicationStatus.Draft;
        record.EmbargoUntil = null;
    }

    /// <summary>Whether an embargoed record's day has come (embargo dates are days in UTC).</summary>
    public static bool IsDue(ArchivalRecord record, DateTime now) =>
        record.Status == PublicationStatus.Embargoed && record.DeletedAt is null && record.EmbargoUntil is { } day && day <= DateOnly.FromDateTime(now);

    /// <summary>Publishes an embargoed record whose day has come, without anyone acting.</summary>
    public static void ReleaseDue(ArchivalRecord record, DateTime now)
    {
        if (!IsDue(record, now)) throw new WorkflowException("the record is not embargoed until today or earlier");
        record.Status = PublicationStatus.Published;
        record.PublishedAt = now;
        record.EmbargoUntil = null;
    }

    public static string Describe(PublicationStatus status) => status switch
    {
        PublicationStatus.Draft => "a draft",
        PublicationStatus.InReview => "in review",
        PublicationStatus.Embargoed => "embargoed",
        PublicationStatus.Published => "published",
        PublicationStatus.Withdrawn => "withdrawn",
        _ => status.ToString(),
    };

    private static void NotDeleted(ArchivalRecord record)
    {
        if (record.DeletedAt is not null) throw new WorkflowException("the record is deleted; restore it first");
    }

    private static void EditorOnly(Curator curator, string what)
    {
        if (!curator.IsEditor) throw new WorkflowException($"only an editor can {what}");
    }
}
