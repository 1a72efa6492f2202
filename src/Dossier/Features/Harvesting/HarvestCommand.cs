using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Harvesting;
using Dossier.Import;
using Dossier.Oai;
using Dossier.Search;

namespace Dossier.Features.Harvesting;

/// <summary>
/// <c>dossier harvest URL</c>: brings the records of an OAI-PMH repository into the archive (as drafts, or published
/// with <c>--publish</c>), then brings the index up to date. Run again, it goes on where an interrupted harvest
/// stopped, or asks only for what changed since the last complete one.
/// </summary>
public static class HarvestCommand
{
    public static async Task<int> RunAsync(ArchiveOptions archive, string url, string? set, string? from, string? until, string prefix,
        bool publish, int retries, CancellationToken cancellationToken)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var baseUrl) || baseUrl.Scheme is not ("http" or "https"))
            return await FailAsync($"'{url}' is not the http(s) address of an OAI-PMH repository", 2);
        foreach (var (name, value) in new[] { ("--from", from), ("--until", until) })
            if (value is not null && !OaiDates.TryParse(value, out _, out _))
                return await FailAsync($"{name} '{value}' is not a date (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)", 2);
        if (!OaiHarvester.Formats.Contains(prefix))
            return await FailAsync($"--prefix '{prefix}' is not a format Dossier reads ({string.Join(", ", OaiHarvester.Formats)})", 2);

        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        using (var index = ImportCommand.TryOpenIndex(archive))
        using (var http = new HttpClient { Timeout = TimeSpan.FromMinutes(2) })
        {
            http.DefaultRequestHeaders.UserAgent.ParseAdd("Dossier-harvester/1.0");
            await using var scope = services.CreateAsyncScope();
            var import = scope.ServiceProvider.GetRequiredService<RecordImport>();
            var indexing = index is null ? null : new ImportIndexing(index, () => ActivatorUtilities.CreateInstance<DossierDb>(services));
            import.Written = indexing;
            import.Publish = publish;
            var harvester = new OaiHarvester(http, import, Path.Combine(archive.DataDirectory, "harvests")) { Retries = retries };

            HarvestReport report;
            try
            {
                report = await Progress.RunAsync("Harvesting", progress =>
                    harvester.RunAsync(new HarvestRequest(baseUrl, prefix, set, from, until), Console.WriteLine,
                        new Relay(progress), cancellationToken));
            }
            catch (HarvestException e)
            {
                return await FailAsync(e.Message + ". What was harvested is kept; run the same command again to go on where it stopped.", 1);
            }

            Console.WriteLine($"Harvested {report.RepositoryName}: {report.Count(ImportOutcome.Imported)} new, {report.Count(ImportOutcome.Updated) - report.Deleted} updated, " +
                              $"{report.Count(ImportOutcome.Unchanged)} unchanged, {report.Deleted} deleted, {report.Count(ImportOutcome.Failed)} failed, in {report.Pages} responses.");
            foreach (var failure in report.Events.Where(e => e.Outcome == ImportOutcome.Failed)) Console.WriteLine($"  failed: {failure.Location}: {failure.Reason}");
            foreach (var skipped in report.Events.Where(e => e.Outcome == ImportOutcome.Skipped)) Console.WriteLine($"  skipped: {skipped.Location}: {skipped.Reason}");
            if (!publish && report.Count(ImportOutcome.Imported) > 0)
                Console.WriteLine("New records are drafts: visitors see them once an editor publishes them (or harvest with --publish).");
            if (indexing is null)
            {
                Console.WriteLine("The running server holds the search index; it indexes the harvested records itself.");
            }
            else
            {
                var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
                var indexed = await Progress.RunAsync("Indexing", progress => indexing.FinishAsync(db, progress, cancellationToken));
                Console.WriteLine($"Indexed {indexed} records.");
            }
            return report.Count(ImportOutcome.Failed) > 0 ? 1 : 0;
        }
    }

    private static async Task<int> FailAsync(string message, int code)
    {
        await Console.Error.WriteLineAsync("dossier harvest: " + message);
        return code;
    }

    // A list whose size the repository does not tell is shown as done so far.
    private sealed class Relay(IProgress<(int Done, int Total)> inner) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value) => inner.Report((value.Done, Math.Max(value.Done, value.Total)));
    }
}
