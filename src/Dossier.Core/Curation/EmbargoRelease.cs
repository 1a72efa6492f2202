using Dossier.Data;
using Dossier.Records;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Curation;

/// <summary>Publishes the embargoed records whose day has come; the server runs it every minute.</summary>
public sealed class EmbargoRelease(DossierDb db, TimeProvider clock)
{
    private readonly DossierDb db = db.WholeArchive();

    /// <summary>Returns the ids of the records it published.</summary>
    public async Task<IReadOnlyList<int>> ReleaseDueAsync(CancellationToken cancellationToken = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var due = await db.Records.Include(r => r.Transcripts)
            .Where(r => r.Status == PublicationStatus.Embargoed && r.DeletedAt == null && r.EmbargoUntil != null && r.EmbargoUntil <= today)
            .ToListAsync(cancellationToken);
        if (due.Count == 0) return [];
        foreach (var record in due)
        {
            var day = record.EmbargoUntil;
            Workflow.ReleaseDue(record, now);
            record.UpdatedAt = now;
            db.IndexingTasks.Add(IndexingTask.For(record.Id, now));
            db.AuditLog.Add(new AuditEntry { At = now, Event = AuditEvents.EmbargoEnded, RecordId = record.Id, Detail = $"embargoed until {day:yyyy-MM-dd}: published" });
        }
        await db.Revising("embargo ended: published").SaveChangesAsync(cancellationToken);
        return [.. due.Select(r => r.Id)];
    }
}
