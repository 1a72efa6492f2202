using Dossier.Data;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Search;

/// <summary>
/// Brings this node's index up to the store: reads the indexing tasks after the index's position, indexes the
/// records they name (or removes those that are gone) and commits the batch with its last task as the new position.
/// </summary>
public sealed class RecordIndexer(DossierDb db, RecordIndex index)
{
    // The index holds every record and its state; searches decide what a reader may see.
    private readonly DossierDb db = db.WholeArchive();

    private const int BatchSize = 500;

    // A commit (and the reopening of readers after it) costs far more than indexing one batch: a long catch-up
    // commits every so many batches, and always at its end.
    private const int BatchesPerCommit = 20;

    /// <summary>Follows every task written so far; returns how many records were (re)indexed.</summary>
    public Task<int> CatchUpAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default) =>
        CatchUpAsync(progress, new HashSet<long>(), cancellationToken);

    /// <summary>
    /// Follows every task written so far, but for those in <paramref name="alreadyIndexed"/>, whose records the index was
    /// given otherwise (by <see cref="ImportIndexing"/>, from the import that wrote them).
    /// </summary>
    public async Task<int> CatchUpAsync(IProgress<(int Done, int Total)>? progress, IReadOnlySet<long> alreadyIndexed, CancellationToken cancellationToken = default)
    {
        var position = index.Position;
        // An index that has followed tasks the store does not hold (the database was put back from an older copy and
        // the index left as it was) would skip the store's next tasks, which take those numbers again: it is rebuilt.
        if (position > 0 && position > (await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0))
            return await RebuildAsync(progress, cancellationToken);
        var total = await db.IndexingTasks.CountAsync(t => t.Id > position, cancellationToken);
        var done = 0;
        var indexed = 0;
        var batches = 0;
        while (true)
        {
            var tasks = await db.IndexingTasks.AsNoTracking()
                .Where(t => t.Id > position).OrderBy(t => t.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (tasks.Count == 0)
            {
                if (batches > 0) index.Apply([], [], position, commit: true);
                break;
            }
            var ids = tasks.Where(t => !alreadyIndexed.Contains(t.Id)).Select(t => t.RecordId).Distinct().ToList();
            var records = ids.Count == 0 ? [] : await db.Records.ForIndexing()
                .Where(r => ids.Contains(r.Id)).ToListAsync(cancellationToken);
            var removed = ids.Except(records.Select(r => r.Id));
            position = tasks[^1].Id;
            var last = tasks.Count < BatchSize;
            index.Apply(records, removed, position, commit: last || ++batches % BatchesPerCommit == 0);
            indexed += records.Count;
            done += tasks.Count;
            progress?.Report((Math.Min(done, total), Math.Max(total, done)));
        }
        return indexed;
    }

    /// <summary>
    /// Rebuilds the index from the store: empties it and indexes every record, then stands at the last task
    /// that existed when the rebuild began (later tasks are followed afterwards, which is harmless: indexing is idempotent).
    /// </summary>
    public async Task<int> RebuildAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var last = await db.IndexingTasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
        var total = await db.Records.CountAsync(cancellationToken);
        index.Clear();
        var done = 0;
        var after = 0;
        while (true)
        {
            var records = await db.Records.ForIndexing()
                .Where(r => r.Id > after).OrderBy(r => r.Id).Take(BatchSize)
                .ToListAsync(cancellationToken);
            if (records.Count == 0) break;
            after = records[^1].Id;
            index.Apply(records, [], 0, commit: false);
            done += records.Count;
            progress?.Report((done, total));
        }
        index.Apply([], [], last, commit: true);
        return done;
    }
}

public static class IndexedRecords
{
    /// <summary>Records as the index takes them: with their transcripts, the collections they are in, their originals' text and the authorities they name.</summary>
    public static IQueryable<ArchivalRecord> ForIndexing(this IQueryable<ArchivalRecord> records) =>
        records.AsNoTracking().Include(r => r.Transcripts).Include(r => r.Collections).ThenInclude(m => m.Collection)
            .Include(r => r.Originals).ThenInclude(o => o.Pages)
            .Include(r => r.Mentions.Where(m => m.Asserted)).ThenInclude(m => m.Authority).ThenInclude(a => a.Names).AsSplitQuery();

    /// <summary>
    /// Loads into records a context tracks what the index takes besides their description: their collections, their
    /// originals' pages and the authorities they name (a change indexed from memory must not drop them).
    /// </summary>
    public static async Task LoadForIndexingAsync(this DossierDb db, IReadOnlyCollection<int> recordIds, CancellationToken cancellationToken)
    {
        if (recordIds.Count == 0) return;
        await db.CollectionMembers.Include(m => m.Collection).Where(m => recordIds.Contains(m.ArchivalRecordId)).LoadAsync(cancellationToken);
        await db.Originals.Include(o => o.Pages).Where(o => recordIds.Contains(o.ArchivalRecordId)).AsSplitQuery().LoadAsync(cancellationToken);
        await db.Mentions.Include(m => m.Authority).ThenInclude(a => a.Names).Where(m => m.Asserted && recordIds.Contains(m.ArchivalRecordId)).AsSplitQuery().LoadAsync(cancellationToken);
    }
}
