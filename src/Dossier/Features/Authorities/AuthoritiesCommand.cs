using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Search;

namespace Dossier.Features.Authorities;

/// <summary>
/// <c>dossier authorities import PATH...</c>: person records of the Office of the Historian (XML, a file a person, or
/// folders of them) and CSV files of people, organizations and places, with a progress bar. Importing the same
/// source again updates what it has. The archive's records are then read again for their names
/// (<c>dossier authorities find</c>, which also runs alone), unless <c>--no-find</c>.
/// </summary>
public static class AuthoritiesCommand
{
    public static async Task<int> ImportAsync(ArchiveOptions archive, IReadOnlyList<string> paths, bool find, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        AuthorityImportReport report;
        await using (var scope = services.CreateAsyncScope())
        {
            var import = new AuthorityImport(scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive(), TimeProvider.System);
            // Counted first, so that the bar knows its end: a folder of 16,312 files is listed in a moment.
            var total = paths.Sum(p => Directory.Exists(p)
                ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Count(f => Path.GetExtension(f).ToLowerInvariant() is ".xml" or ".csv")
                : 1);
            report = await Progress.RunAsync("Importing authorities", progress =>
                import.RunAsync(AuthoritySources.Read(paths), new Reporting<int>(done => progress.Report((Math.Min(done, total), Math.Max(total, done)))), cancellationToken));
        }
        Console.WriteLine($"Imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failures.Count}.");
        foreach (var (location, reason) in report.Failures) Console.WriteLine($"  failed: {location}: {reason}");
        if (report.UpdatedIds.Count > 0)
        {
            // Their records are searched by their names (person:, place:, organization:), which may have changed.
            await using var scope = services.CreateAsyncScope();
            var reindexed = await NamingRecords.ReindexAsync(scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive(), report.UpdatedIds, TimeProvider.System, cancellationToken);
            if (reindexed > 0) Console.WriteLine($"{reindexed:N0} records naming the authorities updated are to be indexed again.");
        }
        if (find && report.Imported + report.Updated > 0) await FindAsync(archive, services, cancellationToken);
        else if (report.UpdatedIds.Count > 0) await IndexAsync(archive, services, cancellationToken);
        return report.Failures.Count > 0 ? 1 : 0;
    }

    /// <summary><c>dossier authorities find</c>: every record's mentions read again with the authorities as they are now.</summary>
    public static async Task<int> FindAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        await FindAsync(archive, services, cancellationToken);
        return 0;
    }

    private static async Task FindAsync(ArchiveOptions archive, ServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var finder = await scope.ServiceProvider.GetRequiredService<MentionPatterns>().GetAsync(db, cancellationToken);
        Console.WriteLine($"Finding the names of the archive's authorities ({finder.Patterns:N0} forms of their names) in its records.");
        var found = await Progress.RunAsync("Finding mentions", progress =>
            RecordMentions.FindAllAsync(db, finder, TimeProvider.System, progress: progress, cancellationToken: cancellationToken));
        var counts = await MentionCounts.OfArchiveAsync(db, cancellationToken);
        Console.WriteLine($"Read {found.Records:N0} records: {counts.Asserted:N0} mentions asserted, {counts.Proposed:N0} proposed for editors " +
                          $"({found.Proposed:N0} new); {found.Reindexed:N0} records to index again.");
        await IndexAsync(archive, services, cancellationToken);
    }

    private static async Task IndexAsync(ArchiveOptions archive, ServiceProvider services, CancellationToken cancellationToken)
    {
        using var index = ImportCommand.TryOpenIndex(archive);
        if (index is null)
        {
            Console.WriteLine("The running server holds the search index; it indexes the records itself.");
            return;
        }
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var indexed = await Progress.RunAsync("Indexing", progress => new RecordIndexer(db, index).CatchUpAsync(progress, cancellationToken));
        Console.WriteLine($"Indexed {indexed} records.");
    }
}
