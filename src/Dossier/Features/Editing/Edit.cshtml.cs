using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Import;
using Dossier.Import.JsonLines;
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
/// The form for every field of a record, transcripts included: a new record (a draft of its author's) or an existing
/// one. An editor edits any record that is not deleted (a published record's edits are public at once); a
/// contributor edits their own drafts.
/// </summary>
[Authorize(Policy = Policies.Staff)]
public sealed class EditModel(DossierDb db, UserManager<IdentityUser> users, TimeProvider clock, RecordIndex index, Dossier.Authorities.MentionPatterns mentions,
    IStringLocalizer<Text> text) : PageModel
{
    private readonly DossierDb db = db.WholeArchive();

    [BindProperty]
    public RecordForm Form { get; set; } = new();

    public int? Id { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            Form.Transcripts.Add(new());
            return Page();
        }
        if (await EditableAsync(id.Value, cancellationToken) is not { } record) return NotFound();
        Id = id;
        Form = RecordForm.From(record);
        // An empty slot for a transcript in another language.
        Form.Transcripts.Add(new());
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        ArchivalRecord? record = null;
        if (id is not null && (record = await EditableAsync(id.Value, cancellationToken)) is null) return NotFound();
        Id = id;
        if (!ModelState.IsValid) return Invalid();

        var now = clock.GetUtcNow().UtcDateTime;
        var user = await users.GetUserAsync(User);
        var edited = JsonLinesImporter.ToRecord(Form.ToDocument());
        RecordImport.Prepare(edited);
        if (edited.RecordId is { } recordId && await db.Records.AnyAsync(r => r.RecordId == recordId && r.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError($"{nameof(Form)}.{nameof(RecordForm.RecordId)}", text["Another record has the Record ID {0}.", recordId]);
            return Invalid();
        }
        if (record is null)
        {
            record = edited;
            record.OwnerId = user?.Id;
            record.Status = PublicationStatus.Draft;
            record.CreatedAt = now;
            db.Records.Add(record);
        }
        else
        {
            // Clearing the Record ID in the form clears it; the import keeps it instead (a capture may lack it).
            RecordImport.CopyInto(record, edited);
            record.RecordId = edited.RecordId;
            RecordImport.Prepare(record);
        }
        await Curators.SaveChangeAsync(db, index, mentions, record, now, id is null ? "created" : "edited", user, cancellationToken);
        TempData[nameof(RecordWorkflowModel.Done)] = (id is null ? text["Created, as a draft."] : text["Saved."]).Value;
        return Redirect($"/editor/records/{record.Id}");
    }

    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        if (Form.Transcripts.Count == 0 || !string.IsNullOrWhiteSpace(Form.Transcripts[^1].Language)) Form.Transcripts.Add(new());
        return Page();
    }

    private async Task<ArchivalRecord?> EditableAsync(int id, CancellationToken cancellationToken)
    {
        var curator = Curators.Of(User, users);
        var record = await Curators.FindRecordAsync(db, id, curator, cancellationToken);
        if (record is null || record.DeletedAt is not null) return null;
        return curator.IsEditor || record.Status == PublicationStatus.Draft ? record : null;
    }
}
