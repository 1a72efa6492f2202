using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Import;
using Dossier.Search;
using Spectre.Console;

namespace Dossier.Features.Import;

/// <summary><c>dossier import PATH...</c>: brings files into the archive, then brings the index up to date.</summary>
public static class ImportCommand
{
    // Past this many records written, the database's statistics are refreshed at the end of the import.
    private const int BulkWrite = 1000;

    // The files that need a hand are listed on the console up to this many; --report lists them all.
    private const int ListedReadings = 20;

    public static async Task<int> RunAsync(ArchiveOptions archive, IReadOnlyList<string> paths, bool publish, string? map, string? reportPath, CancellationToken cancellationToken)
    {
        Dossier.Import.Csv.CsvMapping? mapping = null;
        if (map is not null)
        {
            try
            {
                mapping = Dossier.Import.Csv.CsvMapping.Load(map);
            }
            catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"dossier import: --map: {e.Message}");
                return 2;
            }
        }
        // The report's file is made before anything is imported: a path that cannot be written stops nothing half-way.
        if (reportPath is not null)
        {
            try
            {
                await File.WriteAllTextAsync(reportPath, "", cancellationToken);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                await Console.Error.WriteLineAsync($"dossier import: --report: {e.Message}");
                return 2;
            }
        }
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);

        using (var index = TryOpenIndex(archive))
        {
            await using var scope = services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<RecordImport>();
            var indexing = index is null ? null : new ImportIndexing(index, () => ActivatorUtilities.CreateInstance<DossierDb>(services));
            import.Written = indexing;
            import.Publish = publish;
            if (mapping is not null) import.Also.Add(new Dossier.Import.Csv.CsvImporter(mapping));
            var report = await ImportAsync(import, paths, cancellationToken);
            if (report.Imported + report.Updated >= BulkWrite)
                await ArchiveDatabase.RefreshStatisticsAsync(scope.ServiceProvider.GetRequiredService<DossierDb>(), cancellationToken);

            Console.WriteLine($"Imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failed}" +
                              (report.Skipped > 0 ? $", skipped {report.Skipped}" : "") + ".");
            foreach (var failure in report.Failures) Console.WriteLine($"  failed: {failure.Location}: {failure.Reason}");
            foreach (var skipped in report.Events.Where(e => e.Outcome == ImportOutcome.Skipped)) Console.WriteLine($"  skipped: {skipped.Location}: {skipped.Reason}");
            PrintReadings(report);
            if (reportPath is not null) await WriteReportAsync(report, reportPath, cancellationToken);
            if (!publish && report.Imported > 0)
                Console.WriteLine("New records are drafts: visitors see them once an editor publishes them (or import with --publish).");

            var waiting = await scope.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalReading>().WaitingAsync(cancellationToken);
            if (indexing is null)
            {
                Console.WriteLine("The running server holds the search index; it indexes the new records itself" +
                                  (waiting > 0 ? $" and reads the {waiting} originals waiting." : "."));
                return report.Failed > 0 ? 1 : 0;
            }
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
            var indexed = await Progress.RunAsync("Indexing", progress => indexing.FinishAsync(db, progress, cancellationToken));
            Console.WriteLine($"Indexed {indexed} records.");
            // No server runs on the archive (this command holds its index): the originals the records brought are read now.
            var failedReading = 0;
            if (waiting > 0) (_, failedReading) = await Originals.OriginalsCommands.ReadWaitingAsync(archive, services, cancellationToken, index);
            return report.Failed + failedReading > 0 ? 1 : 0;
        }
    }

    /// <summary>
    /// What the page captures gave: how many files yielded each main field, then the files an archivist should look at
    /// (a field missing, or a title only its place vouches for).
    /// </summary>
    private static void PrintReadings(ImportReport report)
    {
        var read = report.Events.Where(e => e.Reading is not null && e.Outcome != ImportOutcome.Failed).ToList();
        if (read.Count == 0) return;
        var counts = FieldReading.Fields.Select(field =>
        {
            var found = read.Count(e => e.Reading!.Any(r => r.Field == field && r.Found));
            var guessed = read.Count(e => e.Reading!.Any(r => r.Field == field && r.Guessed));
            return $"{field} {found}" + (guessed > 0 ? $" ({guessed} guessed)" : "");
        });
        Console.WriteLine($"Read from the {read.Count} page captures: {string.Join(", ", counts)}.");
        var needing = read.Where(e => e.Reading!.Any(r => !r.Found || r.Guessed)).ToList();
        if (needing.Count == 0) return;
        Console.WriteLine($"{needing.Count} of them need a hand:");
        foreach (var e in needing.Take(ListedReadings)) Console.WriteLine($"  {e.Location}: {FieldReading.Describe(e.Reading!)}");
        if (needing.Count > ListedReadings) Console.WriteLine($"  … and {needing.Count - ListedReadings} more (--report FILE lists every file).");
    }

    /// <summary>Every file's outcome and, for each main field, where it was read, "guessed: ..." or "missing", as CSV.</summary>
    private static async Task WriteReportAsync(ImportReport report, string path, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, append: false, new System.Text.UTF8Encoding(false)) { NewLine = "\r\n" };
        await writer.WriteLineAsync(Dossier.Export.RecordExport.CsvLine(["file", "outcome", "reason", .. FieldReading.Fields]));
        foreach (var e in report.Events)
        {
            var cells = FieldReading.Fields.Select(field => e.Reading?.FirstOrDefault(r => r.Field == field) is { } r
                ? r.Found ? (r.Guessed ? "guessed: " + r.From : r.From) : "missing"
                : "");
            await writer.WriteLineAsync(Dossier.Export.RecordExport.CsvLine([e.Location, e.Outcome.ToString().ToLowerInvariant(), e.Reason, .. cells]));
        }
        Console.WriteLine($"The report of every file is in {path}.");
    }

    /// <summary>
    /// The search index, when no server holds it: an import (or a harvest) with the index to itself indexes as it
    /// goes; else the running server follows the new records from the store.
    /// </summary>
    internal static RecordIndex? TryOpenIndex(ArchiveOptions archive)
    {
        try
        {
            return RecordIndex.Open(archive.IndexDirectory);
        }
        catch (IndexBusyException)
        {
            return null;
        }
    }

    private static async Task<ImportReport> ImportAsync(RecordImport import, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        if (!Progress.Interactive) return await import.RunAsync(paths, new LineProgress(), cancellationToken);
        ImportReport report = null!;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .StartAsync(async context =>
            {
                var task = context.AddTask("Importing", maxValue: 1);
                report = await import.RunAsync(paths, new BarProgress(task), cancellationToken);
            });
        return report;
    }

    private sealed class BarProgress(ProgressTask task) : IImportProgress
    {
        public void Started(int files) => task.MaxValue = Math.Max(1, files);

        public void Writing(string path, int records) =>
            task.Description = $"Importing {Markup.Escape(Path.GetFileName(path))}: {records:N0} records written";

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
        private int printed;

        public void Started(int files) => total = files;

        // A line every 10,000 records: a large file shows it is moving without flooding a log.
        public void Writing(string path, int records)
        {
            if (records / 10_000 > printed / 10_000) Console.WriteLine($"[{done + 1}/{total}] writing: {path}: {records} records so far");
            printed = records;
        }

        public void FileDone(string path, IReadOnlyList<ImportEvent> events)
        {
            printed = 0;
            done++;
            var outcome = events.Count == 1 ? events[0].Outcome.ToString().ToLowerInvariant() : Summarise(events);
            var reading = events is [{ Reading: { } fields }] && FieldReading.Describe(fields) is { Length: > 0 } described ? $" ({described})" : "";
            Console.WriteLine($"[{done}/{total}] {outcome}: {path}{reading}");
        }

        private static string Summarise(IReadOnlyList<ImportEvent> events) =>
            string.Join(", ", events.GroupBy(e => e.Outcome).Select(g => $"{g.Count()} {g.Key.ToString().ToLowerInvariant()}"));
    }
}
