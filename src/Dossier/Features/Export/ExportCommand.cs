using Dossier.Data;
using Dossier.Export;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Search;

namespace Dossier.Features.Export;

/// <summary>
/// <c>dossier export --format jsonl|csv|oai_dc-xml|tei [--query Q] [--output FILE]</c>: the archive's published
/// records, or a search's, written out; to standard output when no file is named.
/// </summary>
public static class ExportCommand
{
    public static async Task<int> RunAsync(ArchiveOptions archive, string formatKey, string? query, string? output, CancellationToken cancellationToken)
    {
        if (ExportFormat.Find(formatKey) is not { } format)
        {
            await Console.Error.WriteLineAsync($"dossier export: '{formatKey}' is not a format ({string.Join(", ", ExportFormat.All.Select(f => f.Key))})");
            return 2;
        }
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        // What a visitor may see: the export is what the archive publishes.
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
        var export = new RecordExport(db, archive.Name);

        IReadOnlyList<int> ids;
        if (string.IsNullOrWhiteSpace(query))
        {
            ids = await export.AllIdsAsync(cancellationToken);
        }
        else
        {
            try
            {
                using var index = RecordIndex.Open(archive.IndexDirectory);
                ids = index.MatchingIds(new SearchOptions(query.Trim()));
            }
            catch (IndexBusyException)
            {
                await Console.Error.WriteLineAsync("dossier export: a running server holds the search index; download the search's records from it (/api/search/export) or stop it to export with --query");
                return 1;
            }
            catch (SearchQueryException e)
            {
                await Console.Error.WriteLineAsync($"dossier export: the query cannot be read: {e.Message}");
                return 2;
            }
        }

        if (output is null)
        {
            await using var stdout = Console.OpenStandardOutput();
            await export.WriteAsync(ids, format, stdout, null, cancellationToken);
            return 0;
        }
        var temporary = output + ".part";
        try
        {
            var written = 0;
            await using (var file = File.Create(temporary))
            {
                written = await Progress.RunAsync("Exporting", progress => export.WriteAsync(ids, format, file, progress, cancellationToken));
            }
            // Written beside and moved: an interrupted export never leaves a file that looks whole.
            File.Move(temporary, output, overwrite: true);
            Console.WriteLine($"Exported {written} records to {output} ({format.Name}).");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            File.Delete(temporary);
            await Console.Error.WriteLineAsync($"dossier export: {output} cannot be written: {e.Message}");
            return 1;
        }
    }
}
