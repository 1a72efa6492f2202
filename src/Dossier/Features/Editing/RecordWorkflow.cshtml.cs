using Dossier.Curation;
using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Editing;

/// <summary>
/// A record as the staff see it, whatever its state, with the steps of the workflow its state and the reader's role
/// allow. Each step is saved with an indexing task in one transaction, so the reading room follows within a second.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RecordWorkflowModel(DossierDb db, UserManager<IdentityUser> users, TimeProvider clock, RecordIndex index) : PageModel
{
    private readonly DossierDb db = db.WholeArchive();

    public ArchivalRecord Record { get; private set; } = null!;
    public Curator Curator { get; private set; } = null!;
    public string? Owner { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "Submitted for review.", editorOnly: false, (record, curator, _) => Workflow.Submit(record, curator), cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, DateOnly? embargoUntil, CancellationToken cancellationToken) =>
        // A date that cannot be read must not become "no embargo": that would publish at once.
        !ModelState.IsValid ? RefuseAsync(id, "The embargo date is not a date: write it as YYYY-MM-DD, or leave it empty to publish now.", cancellationToken) :
        StepAsync(id, embargoUntil is null ? "Published." : "Published, or embargoed until its date.", editorOnly: true,
            (record, curator, now) => Workflow.Publish(record, curator, embargoUntil, now), cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, "Withdrawn.", editorOnly: true, (record, curator, _) => Workflow.Withdraw(record, curator, reason), cancellationToken);

    public Task<IActionResult> OnPostReturnToDraftAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "Returned to draft.", editorOnly: true, (record, curator, _) => Workflow.ReturnToDraft(record, curator), cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "Deleted; the record can be restored.", editorOnly: false, (record, curator, now) => Workflow.Delete(record, curator, now), cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, "Restored as a draft.", editorOnly: true, (record, curator, _) => Workflow.Restore(record, curator), cancellationToken);

    private async Task<IActionResult> RefuseAsync(int id, string problem, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        ModelState.AddModelError("", problem);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private async Task<IActionResult> StepAsync(int id, string done, bool editorOnly, Action<ArchivalRecord, Curator, DateTime> step, CancellationToken cancellationToken,
        [System.Runtime.CompilerServices.CallerMemberName] string handler = "")
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (editorOnly && !Curator.IsEditor) return Forbid();
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            step(Record, Curator, now);
        }
        catch (WorkflowException e)
        {
            ModelState.AddModelError("", e.Message);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var (audited, change) = Describe(Record, handler);
        var user = await users.GetUserAsync(User);
        if (audited is not null)
            db.AuditLog.Add(new AuditEntry { At = now, Event = audited, UserId = user?.Id, UserName = user?.Email, RecordId = Record.Id, Detail = change });
        try
        {
            await Curators.SaveChangeAsync(db, index, Record, now, change, user, cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else (another editor, the embargo's end) changed the record since it was read: nothing was saved.
            return await RefuseAsync(id, "The record was changed meanwhile by someone else; nothing was saved. Look at it again.", cancellationToken);
        }
        Done = done;
        return RedirectToPage(new { id });
    }

    /// <summary>What a step did, for the audit log (submissions are not audited, only in the record's history) and the revision.</summary>
    private static (string? Audited, string Change) Describe(ArchivalRecord record, string handler) => handler switch
    {
        nameof(OnPostSubmitAsync) => (null, AuditEvents.Submitted),
        nameof(OnPostPublishAsync) when record.Status == PublicationStatus.Embargoed => (AuditEvents.Embargoed, $"{AuditEvents.Embargoed} until {record.EmbargoUntil:yyyy-MM-dd}"),
        nameof(OnPostPublishAsync) => (AuditEvents.Published, AuditEvents.Published),
        nameof(OnPostWithdrawAsync) => (AuditEvents.Withdrawn, $"{AuditEvents.Withdrawn}: {record.WithdrawalReason}"),
        nameof(OnPostReturnToDraftAsync) => (AuditEvents.ReturnedToDraft, AuditEvents.ReturnedToDraft),
        nameof(OnPostDeleteAsync) => (AuditEvents.Deleted, AuditEvents.Deleted),
        nameof(OnPostRestoreAsync) => (AuditEvents.Restored, AuditEvents.Restored),
        _ => throw new ArgumentOutOfRangeException(nameof(handler), handler, "not a workflow step"),
    };

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Curator = Curators.Of(User, users);
        if (await Curators.FindRecordAsync(db, id, Curator, cancellationToken) is not { } record) return false;
        Record = record;
        Owner = record.OwnerId is null ? null : (await users.FindByIdAsync(record.OwnerId))?.Email;
        return true;
    }
}
