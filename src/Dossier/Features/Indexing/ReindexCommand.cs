using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Search;

namespace Dossier.Features.Indexing;

/// <summary>
/// <c>dossier reindex</c>: rebuilds this node's search index from the database, beside the index in use, and then
/// switches to it: a running server keeps answering from the old index until the new one is complete.
/// </summary>
public static class ReindexCommand
{
    private static readonly TimeSpan SwitchWait = TimeSpan.FromSeconds(30);

    public static async Task<int> RunAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        var rebuilt = archive.IndexDirectory + RecordIndex.RebuiltSuffix;
        RecordIndex index;
        try
        {
            index = RecordIndex.Open(rebuilt);
        }
        catch (IndexBusyException)
        {
            await Console.Error.WriteLineAsync($"dossier: another reindex is writing {rebuilt}; wait for it to finish.");
            return 1;
        }
        int count;
        using (index)
        {
            // A mark left by an earlier rebuild must not pass this one off as complete before it is.
            RecordIndex.UnmarkRebuilt(rebuilt);
            await using var scope = services.CreateAsyncScope();
            var indexer = new RecordIndexer(scope.ServiceProvider.GetRequiredService<DossierDb>(), index);
            count = await Progress.RunAsync("Reindexing", progress => indexer.RebuildAsync(progress, cancellationToken));
            // The changes made while it was rebuilt are followed now, so that the index switched to is as current as
            // the one it replaces (a record withdrawn meanwhile must not come back into a visitor's search).
            await indexer.CatchUpAsync(cancellationToken: cancellationToken);
        }
        RecordIndex.MarkRebuilt(rebuilt);
        Console.WriteLine($"Reindexed {count} records.");

        // With no server on the data directory, opening the index switches to the rebuilt one here; else the server does.
        try
        {
            using (RecordIndex.Open(archive.IndexDirectory)) { }
            return 0;
        }
        catch (IndexBusyException)
        {
            Console.WriteLine("The running server answers from the old index until it switches to the new one.");
        }
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (RecordIndex.RebuiltIsWaiting(archive.IndexDirectory))
        {
            if (waited.Elapsed > SwitchWait)
            {
                Console.WriteLine("The server has not switched yet; it will when its index follower next runs (at its next start at the latest).");
                return 0;
            }
            await Task.Delay(200, cancellationToken);
        }
        Console.WriteLine("The server now answers from the new index.");
        return 0;
    }
}
