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
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>A record's revisions: who changed what and when, the difference between any two, and restoring an older one.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class HistoryModel(DossierDb db, UserManager<IdentityUser> users, TimeProvider clock, RecordIndex index, Dossier.Authorities.MentionPatterns mentions,
    IStringLocalizer<Text> text) : PageModel
{
    private readonly DossierDb db = db.WholeArchive();

    public ArchivalRecord Record { get; private set; } = null!;
    public IReadOnlyList<Entry> Revisions { get; private set; } = [];
    public bool MayRestore { get; private set; }

    /// <summary>The two revisions compared (?a=&amp;b=), and their differences field by field.</summary>
    public (int A, int B)? Compared { get; private set; }

    public IReadOnlyList<FieldChange> Changes { get; private set; } = [];

    [TempData]
    public string? Done { get; set; }

    public async Task<IActionResult> OnGetAsync(int id, int? a, int? b, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (Revisions.Count == 0) return Page();
        var latest = Revisions[0].Number;
        // By default: what the latest change did.
        var (from, to) = (a ?? Math.Max(1, (b ?? latest) - 1), b ?? latest);
        if (from > to) (from, to) = (to, from);
        var snapshots = await db.Revisions.Where(r => r.ArchivalRecordId == id && (r.Number == from || r.Number == to))
            .ToDictionaryAsync(r => r.Number, r => RecordSnapshot.Read(r.Snapshot), cancellationToken);
        if (!snapshots.ContainsKey(from) || !snapshots.ContainsKey(to)) return NotFound();
        Compared = (from, to);
        Changes = from == to ? [] : RecordSnapshot.Diff(snapshots[from], snapshots[to]);
        return Page();
    }

    /// <summary>Puts an older revision's description and transcripts back, as a new revision; the workflow state stays.</summary>
    public async Task<IActionResult> OnPostRestoreAsync(int id, int number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)) return NotFound();
        if (!MayRestore) return Forbid();
        var revision = await db.Revisions.FirstOrDefaultAsync(r => r.ArchivalRecordId == id && r.Number == number, cancellationToken);
        if (revision is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        RecordSnapshot.Read(revision.Snapshot).RestoreInto(Record);
        var user = await users.GetUserAsync(User);
        var change = $"restored revision {number}";
        db.AuditLog.Add(new AuditEntry { At = now, Event = AuditEvents.RevisionRestored, UserId = user?.Id, UserName = user?.Email, RecordId = id, Detail = change });
        await Curators.SaveChangeAsync(db, index, mentions, Record, now, change, user, cancellationToken);
        Done = text["Revision {0} restored, as a new revision.", number];
        return RedirectToPage(new { id });
    }

    private async Task<bool> LoadAsync(int id, CancellationToken cancellationToken)
    {
        var curator = Curators.Of(User, users);
        if (await Curators.FindRecordAsync(db, id, curator, cancellationToken) is not { } record) return false;
        Record = record;
        // An editor restores any record; a contributor their own draft.
        MayRestore = record.DeletedAt is null && (curator.IsEditor || record.Status == PublicationStatus.Draft);
        Revisions = await db.Revisions.Where(r => r.ArchivalRecordId == id).OrderByDescending(r => r.Number)
            .Select(r => new Entry(r.Number, r.CreatedAt, r.UserName, r.Change)).ToListAsync(cancellationToken);
        return true;
    }

    public sealed record Entry(int Number, DateTime At, string? Who, string Change);
}
