using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Search;

namespace Dossier.Features.Indexing;

/// <summary><c>dossier reindex</c>: rebuilds this node's search index from the database.</summary>
public static class ReindexCommand
{
    public static async Task<int> RunAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        RecordIndex index;
        try
        {
            index = RecordIndex.Open(archive.IndexDirectory);
        }
        catch (IndexBusyException e)
        {
            await Console.Error.WriteLineAsync($"dossier: {e.Message}; stop the server first.");
            return 1;
        }
        using (index)
        {
            await using var scope = services.CreateAsyncScope();
            var indexer = new RecordIndexer(scope.ServiceProvider.GetRequiredService<DossierDb>(), index);
            var count = await Progress.RunAsync("Reindexing", progress => indexer.RebuildAsync(progress, cancellationToken));
            Console.WriteLine($"Reindexed {count} records.");
        }
        return 0;
    }
}
