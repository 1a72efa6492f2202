using System.Threading.Channels;
using Dossier.Data;
using Dossier.Import;
using Dossier.Records;

namespace Dossier.Search;

/// <summary>
/// Indexes the records of an import while the import goes on, on another core, from the records the import holds
/// in memory: a bulk import then costs the longer of storing and indexing instead of their sum, and nothing is read
/// back from the store. Nothing is committed to the index until <see cref="FinishAsync"/>, which then follows the
/// store's indexing tasks as usual, skipping those of the files already indexed here; a file that failed has its
/// records put back in the index as the store has them.
/// </summary>
public sealed class ImportIndexing : IImportedRecords
{
    private readonly RecordIndex index;
    private readonly Func<DossierDb> openStore;
    private readonly Channel<Action> work = Channel.CreateBounded<Action>(new BoundedChannelOptions(4) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
    private readonly HashSet<long> indexedTasks = [];
    private readonly Task worker;
    private int indexedRecords;

    public ImportIndexing(RecordIndex index, Func<DossierDb> openStore)
    {
        this.index = index;
        this.openStore = openStore;
        worker = Task.Run(async () =>
        {
            await foreach (var next in work.Reader.ReadAllAsync()) next();
        });
    }

    public ValueTask SavedAsync(IReadOnlyList<ArchivalRecord> records, CancellationToken cancellationToken) => EnqueueAsync(() =>
    {
        index.Apply(records, [], 0, commit: false);
        indexedRecords += records.Count;
    }, cancellationToken);

    public ValueTask CommittedAsync(IReadOnlyList<long> tasks, CancellationToken cancellationToken) =>
        EnqueueAsync(() => indexedTasks.UnionWith(tasks), cancellationToken);

    public ValueTask DiscardedAsync(IReadOnlyList<int> records, CancellationToken cancellationToken) => EnqueueAsync(() =>
    {
        if (records.Count == 0) return;
        using var db = openStore().WholeArchive();
        var ids = records.Distinct().ToList();
        var stored = db.Records.ForIndexing().Where(r => ids.Contains(r.Id)).ToList();
        index.Apply(stored, ids.Except(stored.Select(r => r.Id)), 0, commit: false);
    }, cancellationToken);

    // The import waits when the indexer is four batches behind: memory stays bounded however large the file.
    private async ValueTask EnqueueAsync(Action action, CancellationToken cancellationToken)
    {
        if (worker.IsFaulted) await worker;
        await work.Writer.WriteAsync(action, cancellationToken);
    }

    /// <summary>Waits for the indexing of what was imported, follows what else the store has, and commits.</summary>
    public async Task<int> FinishAsync(DossierDb db, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        work.Writer.TryComplete();
        await worker;
        return indexedRecords + await new RecordIndexer(db, index).CatchUpAsync(progress, indexedTasks, cancellationToken);
    }
}
