using Dossier.Features.Archive;
using Dossier.Import;
using Dossier.Search;
using Spectre.Console;

namespace Dossier.Features.Import;

/// <summary><c>dossier import PATH...</c>: brings files into the archive, then brings the index up to date.</summary>
public static class ImportCommand
{
    public static async Task<int> RunAsync(string dataDirectory, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var archive = new ArchiveOptions { DataDirectory = dataDirectory };
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);

        ImportReport report;
        await using (var scope = services.CreateAsyncScope())
        {
            var import = scope.ServiceProvider.GetRequiredService<RecordImport>();
            if (Progress.Interactive)
            {
                report = null!;
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
                    .StartAsync(async context =>
                    {
                        var task = context.AddTask("Importing", maxValue: 1);
                        report = await import.RunAsync(paths, new BarProgress(task), cancellationToken);
                    });
            }
            else
            {
                report = await import.RunAsync(paths, new LineProgress(), cancellationToken);
            }
        }

        Console.WriteLine($"Imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failed}" +
                          (report.Skipped > 0 ? $", skipped {report.Skipped} (not a format Dossier imports)" : "") + ".");
        foreach (var failure in report.Failures) Console.WriteLine($"  failed: {failure.Location}: {failure.Reason}");

        await IndexAsync(services, archive, cancellationToken);
        return report.Failed > 0 ? 1 : 0;
    }

    private static async Task IndexAsync(IServiceProvider services, ArchiveOptions archive, CancellationToken cancellationToken)
    {
        RecordIndex index;
        try
        {
            index = RecordIndex.Open(archive.IndexDirectory);
        }
        catch (IndexBusyException)
        {
            Console.WriteLine("The running server holds the search index; it indexes the new records itself.");
            return;
        }
        using (index)
        {
            await using var scope = services.CreateAsyncScope();
            var indexer = new RecordIndexer(scope.ServiceProvider.GetRequiredService<Data.DossierDb>(), index);
            var indexed = await Progress.RunAsync("Indexing", progress => indexer.CatchUpAsync(progress, cancellationToken));
            Console.WriteLine($"Indexed {indexed} records.");
        }
    }

    private sealed class BarProgress(ProgressTask task) : IImportProgress
    {
        public void Started(int files) => task.MaxValue = Math.Max(1, files);

        public void FileDone(string path, IReadOnlyList<ImportEvent> events)
        {
            task.Description = "Importing " + Markup.Escape(Path.GetFileName(path));
            task.Increment(1);
        }
    }

    private sealed class LineProgress : IImportProgress
    {
        private int total;
        private int done;

        public void Started(int files) => total = files;

        public void FileDone(string path, IReadOnlyList<ImportEvent> events)
        {
            done++;
            var outcome = events.Count == 1 ? events[0].Outcome.ToString().ToLowerInvariant() : Summarise(events);
            Console.WriteLine($"[{done}/{total}] {outcome}: {path}");
        }

        private static string Summarise(IReadOnlyList<ImportEvent> events) =>
            string.Join(", ", events.GroupBy(e => e.Outcome).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
    }
}
