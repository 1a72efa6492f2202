using Dossier.Curation;
using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Originals;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>
/// A record as the staff see it, whatever its state, with the steps of the workflow its state and the reader's role
/// allow. Each step is saved with an indexing task in one transaction, so the reading room follows within a second.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RecordWorkflowModel(DossierDb db, UserManager<IdentityUser> users, TimeProvider clock, RecordIndex index, OriginalAttachment attachment,
    IConfiguration configuration, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>The largest original a browser may upload (Dossier:Originals:MaxUploadBytes, 512 MiB by default).</summary>
    public long MaxUploadBytes { get; } = configuration.GetValue("Dossier:Originals:MaxUploadBytes", DefaultMaxUploadBytes);

    public const long DefaultMaxUploadBytes = 512L * 1024 * 1024;

    /// <summary>The record's originals, in order, as the reading of each stands.</summary>
    public IReadOnlyList<Original> Originals { get; private set; } = [];

    /// <summary>What an upload did, file by file.</summary>
    public IReadOnlyList<AttachedFile> Attached { get; private set; } = [];

    private readonly DossierDb db = db.WholeArchive();

    public ArchivalRecord Record { get; private set; } = null!;
    public Curator Curator { get; private set; } = null!;
    public string? Owner { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public Task<IActionResult> OnPostSubmitAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, WorkflowStep.Submit, null, null, cancellationToken);

    public Task<IActionResult> OnPostPublishAsync(int id, DateOnly? embargoUntil, CancellationToken cancellationToken) =>
        // A date that cannot be read must not become "no embargo": that would publish at once.
        !ModelState.IsValid ? RefuseAsync(id, text["The embargo date is not a date: write it as YYYY-MM-DD, or leave it empty to publish now."], cancellationToken) :
        StepAsync(id, WorkflowStep.Publish, embargoUntil, null, cancellationToken);

    public Task<IActionResult> OnPostWithdrawAsync(int id, string? reason, CancellationToken cancellationToken) =>
        StepAsync(id, WorkflowStep.Withdraw, null, reason, cancellationToken);

    public Task<IActionResult> OnPostReturnToDraftAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, WorkflowStep.ReturnToDraft, null, null, cancellationToken);

    public Task<IActionResult> OnPostDeleteAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, WorkflowStep.Delete, null, null, cancellationToken);

    public Task<IActionResult> OnPostRestoreAsync(int id, CancellationToken cancellationToken) =>
        StepAsync(id, WorkflowStep.Restore, null, null, cancellationToken);

    /// <summary>
    /// Whether the reader may change the record's originals: an editor always; a contributor while their record is a
    /// draft (an original of a published record goes before the public only through an editor).
    /// </summary>
    public bool MayChangeOriginals => Curator.IsEditor || (Record.Status == PublicationStatus.Draft && Record.DeletedAt is null);

    /// <summary>Files uploaded as the record's original; each refused one is listed with its reason, the others attached.</summary>
    public async Task<IActionResult> OnPostAttachAsync(int id, List<IFormFile> files, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!MayChangeOriginals) return Forbid();
        if (files.Count == 0) return await RefuseAsync(id, text["Choose the files to attach."], cancellationToken);
        var tooLarge = files.Where(f => f.Length > MaxUploadBytes).Select(f => AttachedFile.Refused(f.FileName, text["larger than the {0} a file may be", Display.Bytes(MaxUploadBytes)])).ToList();
        var user = await users.GetUserAsync(User);
        Attached = [.. tooLarge, .. await attachment.AttachAsync(id, files.Where(f => f.Length <= MaxUploadBytes).Select(f => (f.FileName, (Func<Stream>)f.OpenReadStream)),
            user?.Email, cancellationToken)];
        await LoadAsync(id, cancellationToken);
        if (Attached.Any(a => a.Original is null)) Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    public async Task<IActionResult> OnPostReadAgainAsync(int id, int original, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Originals.All(o => o.Id != original)) return NotFound();
        if (!MayChangeOriginals) return Forbid();
        await attachment.ReadAgainAsync(original, cancellationToken);
        Done = text["The original will be read again shortly."];
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDetachAsync(int id, int original, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Originals.All(o => o.Id != original)) return NotFound();
        if (!MayChangeOriginals) return Forbid();
        await attachment.DetachAsync(original, cancellationToken);
        Done = text["The original was taken off the record (its file stays stored)."];
        return RedirectToPage(new { id });
    }

    private async Task<IActionResult> RefuseAsync(int id, string problem, CancellationToken cancellationToken, int status = StatusCodes.Status422UnprocessableEntity)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        ModelState.Clear();
        ModelState.AddModelError("", problem);
        Response.StatusCode = status;
        return Page();
    }

    private async Task<IActionResult> StepAsync(int id, WorkflowStep step, DateOnly? embargoUntil, string? reason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (WorkflowSteps.EditorOnly(step) && !Curator.IsEditor) return Forbid();
        try
        {
            await WorkflowSteps.TakeAsync(db, index, Record, Curator, await users.GetUserAsync(User), step, embargoUntil, reason, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (WorkflowException e)
        {
            return await RefuseAsync(id, e.Message, cancellationToken, StatusCodes.Status409Conflict);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone else (another editor, the embargo's end) changed the record since it was read: nothing was saved.
            return await RefuseAsync(id, text["The record was changed meanwhile by someone else; nothing was saved. Look at it again."], cancellationToken);
        }
        Done = WorkflowSteps.Done(step, Record, text);
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        Curator = Curators.Of(User, users);
        if (await Curators.FindRecordAsync(db, id, Curator, cancellationToken) is not { } record) return false;
        Record = record;
        Owner = record.OwnerId is null ? null : (await users.FindByIdAsync(record.OwnerId))?.Email;
        Originals = await db.Originals.AsNoTracking().Where(o => o.ArchivalRecordId == id).OrderBy(o => o.Position).ToListAsync(cancellationToken);
        return true;
    }
}
