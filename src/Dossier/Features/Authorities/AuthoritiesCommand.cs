using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;

namespace Dossier.Features.Authorities;

/// <summary>
/// <c>dossier authorities import PATH...</c>: person records of the Office of the Historian (XML, a file a person, or
/// folders of them) and CSV files of people, organizations and places, with a progress bar. Importing the same
/// source again updates what it has.
/// </summary>
public static class AuthoritiesCommand
{
    public static async Task<int> ImportAsync(ArchiveOptions archive, IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var import = new AuthorityImport(scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive(), TimeProvider.System);
        // Counted first, so that the bar knows its end: a folder of 16,312 files is listed in a moment.
        var total = paths.Sum(p => Directory.Exists(p)
            ? Directory.EnumerateFiles(p, "*", SearchOption.AllDirectories).Count(f => Path.GetExtension(f).ToLowerInvariant() is ".xml" or ".csv")
            : 1);
        var report = await Progress.RunAsync("Importing authorities", progress =>
            import.RunAsync(AuthoritySources.Read(paths), new Reporting<int>(done => progress.Report((Math.Min(done, total), Math.Max(total, done)))), cancellationToken));
        Console.WriteLine($"Imported {report.Imported}, updated {report.Updated}, unchanged {report.Unchanged}, failed {report.Failures.Count}.");
        foreach (var (location, reason) in report.Failures) Console.WriteLine($"  failed: {location}: {reason}");
        return report.Failures.Count > 0 ? 1 : 0;
    }
}
