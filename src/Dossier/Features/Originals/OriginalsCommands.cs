using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Import;
using Dossier.Originals;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Originals;

/// <summary>
/// <c>dossier attach RECORD FILE...</c> attaches files to a record as its originals and reads them (their text, their
/// page images) with a progress bar; <c>dossier ocr</c> reads every original still waiting. A server running on the
/// same archive reads waiting originals itself; these commands and it never read the same file at once.
/// </summary>
public static class OriginalsCommands
{
    public static async Task<int> AttachAsync(ArchiveOptions archive, string record, bool byRecordId, IReadOnlyList<string> paths, bool later, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        int? id = byRecordId
            ? await db.Records.Where(r => r.RecordId == record).Select(r => (int?)r.Id).FirstOrDefaultAsync(cancellationToken)
            : int.TryParse(record, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number)
              && await db.Records.AnyAsync(r => r.Id == number, cancellationToken) ? number : null;
        if (id is null)
        {
            await Console.Error.WriteLineAsync($"dossier attach: the archive has no record {(byRecordId ? "with the Record ID " : "")}{record}");
            return 2;
        }
        var missing = paths.Where(p => !File.Exists(p)).ToList();
        foreach (var path in missing) Console.WriteLine($"  refused: {path}: no such file");
        List<AttachedFile> attached;
        try
        {
            attached = await scope.ServiceProvider.GetRequiredService<OriginalAttachment>().AttachAsync(id.Value,
                paths.Except(missing).Select(p => (p, (Func<Stream>)(() => File.OpenRead(p)))), "dossier attach", cancellationToken);
        }
        catch (KeyNotFoundException e)
        {
            await Console.Error.WriteLineAsync($"dossier attach: {e.Message} (a deleted record takes no originals)");
            return 2;
        }
        foreach (var file in attached)
            Console.WriteLine(file.Original is { } o
                ? $"  attached: {file.FileName} ({FileKind.Describe(o.MediaType)}, {o.Length:N0} bytes, sha256 {o.Sha256})"
                : $"  refused: {file.FileName}: {file.Reason}");
        var count = attached.Count(f => f.Original is not null);
        Console.WriteLine($"Attached {count} of {paths.Count} files to record {id}.");
        var failed = 0;
        if (count > 0 && !later) (_, failed) = await ReadWaitingAsync(archive, services, cancellationToken);
        else if (count > 0) Console.WriteLine("They wait to be read: by a running server, or by dossier ocr.");
        return missing.Count + attached.Count(f => f.Original is null) + failed > 0 ? 1 : 0;
    }

    public static async Task<int> OcrAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        var (_, failed) = await ReadWaitingAsync(archive, services, cancellationToken);
        return failed > 0 ? 1 : 0;
    }

    /// <summary>Reads every original waiting, with progress, reports those that failed, and indexes their text (when no server holds the index).</summary>
    public static async Task<(int Read, int Failed)> ReadWaitingAsync(ArchiveOptions archive, IServiceProvider services, CancellationToken cancellationToken,
        RecordIndex? heldIndex = null)
    {
        foreach (var program in ExternalTools.Missing())
            Console.WriteLine($"Warning: {program} is not installed (Debian: apt-get install {ExternalTools.Packages[program]}); the originals that need it cannot be read.");
        await using var scope = services.CreateAsyncScope();
        var reading = scope.ServiceProvider.GetRequiredService<OriginalReading>();
        var (read, failed) = await Progress.RunAsync("Reading originals (pages)", progress => reading.ReadAllDueAsync(progress, cancellationToken));
        Console.WriteLine($"Read {read} originals, failed {failed}.");
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        foreach (var problem in await db.Originals.Where(o => o.State == ReadingState.Failed).OrderBy(o => o.Id)
                     .Select(o => new { o.Id, o.ArchivalRecordId, o.FileName, o.Problem }).ToListAsync(cancellationToken))
            Console.WriteLine($"  failed: record {problem.ArchivalRecordId}, {problem.FileName}: {problem.Problem}");

        using var opened = heldIndex is null ? ImportCommand.TryOpenIndex(archive) : null;
        var index = heldIndex ?? opened;
        if (index is null)
        {
            Console.WriteLine("The running server holds the search index; it indexes the text read itself.");
        }
        else
        {
            var indexed = await Progress.RunAsync("Indexing", progress => new RecordIndexer(db, index).CatchUpAsync(progress, cancellationToken));
            Console.WriteLine($"Indexed {indexed} records.");
        }
        return (read, failed);
    }

    /// <summary><c>dossier verify</c>: every stored file hashed again; exit code 1 when one is damaged or missing.</summary>
    public static async Task<int> VerifyAsync(ArchiveOptions archive, CancellationToken cancellationToken)
    {
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).BuildServiceProvider();
        await ArchiveSetup.MigrateAsync(services, cancellationToken);
        await using var scope = services.CreateAsyncScope();
        var verification = scope.ServiceProvider.GetRequiredService<FixityVerification>();
        var check = await Progress.RunAsync("Verifying files", progress => verification.RunAsync(Environment.MachineName, progress, cancellationToken));
        foreach (var line in (check.Report ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries)) Console.WriteLine("  " + line);
        Console.WriteLine($"Verified {check.Files} files: {check.Damaged} damaged, {check.Missing} missing.");
        return check.Passed ? 0 : 1;
    }
}
