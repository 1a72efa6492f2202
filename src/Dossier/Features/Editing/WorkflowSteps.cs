using Dossier.Curation;
using Dossier.Data;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>A step of the workflow as the editor's buttons and the API name it.</summary>
public enum WorkflowStep
{
    Submit,
    Publish,
    Withdraw,
    ReturnToDraft,
    Delete,
    Restore,
}

/// <summary>
/// Takes a step of the workflow on a record, for the editor's page and for the API alike: the rules
/// (<see cref="Workflow"/>), the audit line, the revision, the indexing task and this server's index, in one place.
/// </summary>
public static class WorkflowSteps
{
    /// <summary>The API's names of the steps, in the address: <c>/api/documents/{id}/return-to-draft</c>.</summary>
    public static readonly IReadOnlyDictionary<string, WorkflowStep> ByName = new Dictionary<string, WorkflowStep>(StringComparer.OrdinalIgnoreCase)
    {
        ["submit"] = WorkflowStep.Submit,
        ["publish"] = WorkflowStep.Publish,
        ["withdraw"] = WorkflowStep.Withdraw,
        ["return-to-draft"] = WorkflowStep.ReturnToDraft,
        ["delete"] = WorkflowStep.Delete,
        ["restore"] = WorkflowStep.Restore,
    };

    /// <summary>Steps only an editor (or an administrator) takes; the others a contributor takes on their own records.</summary>
    public static bool EditorOnly(WorkflowStep step) => step is not (WorkflowStep.Submit or WorkflowStep.Delete);

    /// <summary>What the person who took the step is told, through the API (in English, as all its answers are).</summary>
    public static string Done(WorkflowStep step, ArchivalRecord record) => step switch
    {
        WorkflowStep.Submit => "Submitted for review.",
        WorkflowStep.Publish when record.Status == PublicationStatus.Embargoed => $"Embargoed until {record.EmbargoUntil:yyyy-MM-dd}, then published.",
        WorkflowStep.Publish => "Published.",
        WorkflowStep.Withdraw => "Withdrawn.",
        WorkflowStep.ReturnToDraft => "Returned to draft.",
        WorkflowStep.Delete => "Deleted; the record can be restored.",
        _ => "Restored as a draft.",
    };

    /// <summary>What the person who took the step on the editor's page is told, in the page's language.</summary>
    public static string Done(WorkflowStep step, ArchivalRecord record, IStringLocalizer<Text> text) => step switch
    {
        WorkflowStep.Submit => text["Submitted for review."],
        WorkflowStep.Publish when record.Status == PublicationStatus.Embargoed =>
            text["Embargoed until {0}, then published.", record.EmbargoUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ""],
        WorkflowStep.Publish => text["Published."],
        WorkflowStep.Withdraw => text["Withdrawn."],
        WorkflowStep.ReturnToDraft => text["Returned to draft."],
        WorkflowStep.Delete => text["Deleted; the record can be restored."],
        _ => text["Restored as a draft."],
    };

    /// <summary>
    /// Takes the step and saves it. Throws <see cref="WorkflowException"/> when the rules refuse it (nothing is
    /// saved), and <see cref="Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException"/> when someone else changed
    /// the record since it was read.
    /// </summary>
    public static async Task TakeAsync(DossierDb db, RecordIndex index, ArchivalRecord record, Curator curator, IdentityUser? user,
        WorkflowStep step, DateOnly? embargoUntil, string? reason, DateTime now, CancellationToken cancellationToken)
    {
        switch (step)
        {
            case WorkflowStep.Submit: Workflow.Submit(record, curator); break;
            case WorkflowStep.Publish: Workflow.Publish(record, curator, embargoUntil, now); break;
            case WorkflowStep.Withdraw: Workflow.Withdraw(record, curator, reason); break;
            case WorkflowStep.ReturnToDraft: Workflow.ReturnToDraft(record, curator); break;
            case WorkflowStep.Delete: Workflow.Delete(record, curator, now); break;
            case WorkflowStep.Restore: Workflow.Restore(record, curator); break;
        }
        var (audited, change) = Describe(step, record);
        if (audited is not null)
            db.AuditLog.Add(new AuditEntry { At = now, Event = audited, UserId = user?.Id, UserName = user?.Email, RecordId = record.Id, Detail = change });
        await Curators.SaveChangeAsync(db, index, null, record, now, change, user, cancellationToken);
    }

    /// <summary>What a step did, for the audit log (submissions are not audited, only in the record's history) and the revision.</summary>
    private static (string? Audited, string Change) Describe(WorkflowStep step, ArchivalRecord record) => step switch
    {
        WorkflowStep.Submit => (null, AuditEvents.Submitted),
        WorkflowStep.Publish when record.Status == PublicationStatus.Embargoed => (AuditEvents.Embargoed, $"{AuditEvents.Embargoed} until {record.EmbargoUntil:yyyy-MM-dd}"),
        WorkflowStep.Publish => (AuditEvents.Published, AuditEvents.Published),
        WorkflowStep.Withdraw => (AuditEvents.Withdrawn, $"{AuditEvents.Withdrawn}: {record.WithdrawalReason}"),
        WorkflowStep.ReturnToDraft => (AuditEvents.ReturnedToDraft, AuditEvents.ReturnedToDraft),
        WorkflowStep.Delete => (AuditEvents.Deleted, AuditEvents.Deleted),
        _ => (AuditEvents.Restored, AuditEvents.Restored),
    };
}
