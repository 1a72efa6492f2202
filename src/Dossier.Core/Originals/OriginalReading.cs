using Dossier.Data;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Originals;

/// <summary>
/// The reading of originals as work in the background: a worker (the server's, or <c>dossier ocr</c>) claims the next
/// original waiting, holding it for <see cref="Lease"/> (renewed page by page, so that another node's worker leaves it
/// alone and takes it over if this one dies), reads its pages and saves them as it goes, then asks the index to take
/// the record's machine-read text. A failure of the file itself (encrypted, damaged) or of the machine (a program
/// missing) is final until an editor tries again; any other failure is tried again later, at most <see cref="MaxAttempts"/> times.
/// </summary>
public sealed class OriginalReading(DossierDb db, FileStore files, OriginalReader reader, TimeProvider clock)
{
    // Longer than the slowest page can take (each program has five minutes at most): a reader renews it page by page.
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(30);
    public const int MaxAttempts = 3;

    private readonly DossierDb db = db.WholeArchive();

    /// <summary>How many originals are waiting to be read now.</summary>
    public Task<int> WaitingAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        return Due(now).CountAsync(cancellationToken);
    }

    private IQueryable<Original> Due(DateTime now) => db.Originals.Where(o =>
        (o.State == ReadingState.Waiting && (o.NextAttemptAt == null || o.NextAttemptAt <= now))
        || (o.State == ReadingState.Reading && o.LeasedUntil < now));

    /// <summary>The next original due, held for this worker; none when nothing waits.</summary>
    public async Task<Original?> ClaimAsync(CancellationToken cancellationToken = default)
    {
        var now = Now();
        foreach (var id in await Due(now).OrderBy(o => o.Id).Select(o => o.Id).Take(10).ToListAsync(cancellationToken))
        {
            // Whoever changes the row first holds it: a worker elsewhere that read the same id claims nothing.
            var claimed = await db.Originals
                .Where(o => o.Id == id && (o.State == ReadingState.Waiting || o.State == ReadingState.Reading) && (o.LeasedUntil == null || o.LeasedUntil < now))
                .ExecuteUpdateAsync(set => set.SetProperty(o => o.State, ReadingState.Reading).SetProperty(o => o.LeasedUntil, now + Lease), cancellationToken);
            if (claimed == 1)
            {
                // As the store now holds it (with this reader's lease), even where this context tracked it before.
                var original = await db.Originals.SingleAsync(o => o.Id == id, cancellationToken);
                await db.Entry(original).ReloadAsync(cancellationToken);
                return original;
            }
        }
        return null;
    }

    /// <summary>Reads every original due, one after another; reports pages read of pages known.</summary>
    public async Task<(int Read, int Failed)> ReadAllDueAsync(IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var (read, failed, pagesDone) = (0, 0, 0);
        while (await ClaimAsync(cancellationToken) is { } original)
        {
            var before = pagesDone;
            var pagesKnown = before + await db.Originals.Where(o => o.State != ReadingState.Read && o.State != ReadingState.Failed).SumAsync(o => o.PageCount ?? 1, cancellationToken);
            await ReadAsync(original, new Reporting<int>(done => progress?.Report((before + done, Math.Max(pagesKnown, before + done)))), cancellationToken);
            pagesDone += original.PagesRead;
            if (original.State == ReadingState.Read) read++;
            else if (original.State == ReadingState.Failed) failed++;
            db.ChangeTracker.Clear();
        }
        return (read, failed);
    }

    /// <summary>
    /// Reads a claimed original: its pages' text and images; then it is read, failed or waiting for another attempt.
    /// A reader that finds its lease taken over (it was too slow) or the original taken off stops without a word more.
    /// </summary>
    public async Task ReadAsync(Original original, IProgress<int>? pagesRead = null, CancellationToken cancellationToken = default)
    {
        var held = original.LeasedUntil;
        try
        {
            await ReadLeasedAsync(original, pagesRead, cancellationToken);
        }
        catch (DbUpdateException)
        {
            if (!await LostAsync(original.Id, db.Entry(original).Property(o => o.LeasedUntil).OriginalValue ?? held)) throw;
            db.ChangeTracker.Clear();
        }
    }

    private async Task<bool> LostAsync(int id, DateTime? lease) =>
        !await db.Originals.AsNoTracking().AnyAsync(o => o.Id == id && o.LeasedUntil == lease, CancellationToken.None);

    private async Task ReadLeasedAsync(Original original, IProgress<int>? pagesRead, CancellationToken cancellationToken)
    {
        await db.OriginalPages.Where(p => p.OriginalId == original.Id).ExecuteDeleteAsync(cancellationToken);
        original.Pages.Clear();
        original.PagesRead = 0;
        try
        {
            if (await ReadBeforeAsync(original, cancellationToken))
            {
                Done(original);
            }
            else
            {
                var path = files.PathOf(original.Sha256);
                if (!File.Exists(path)) throw new UnreadableFileException("the stored file is missing (run dossier verify)");
                original.PageCount = await reader.CountPagesAsync(path, original.MediaType, cancellationToken);
                if (original.PageCount > OriginalReader.MaxPages)
                    throw new UnreadableFileException($"it has {original.PageCount} pages, more than the {OriginalReader.MaxPages} an original may have here");
                await db.SaveChangesAsync(cancellationToken);
                for (var number = 1; number <= original.PageCount; number++)
                {
                    var page = await reader.ReadPageAsync(path, original.MediaType, original.Sha256, number, cancellationToken);
                    original.Pages.Add(page);
                    original.PagesRead = number;
                    original.LeasedUntil = Now() + Lease;
                    await db.SaveChangesAsync(cancellationToken);
                    pagesRead?.Report(number);
                }
                Done(original);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped (the server shuts down): the original waits for the next worker, from its first page.
            ForgetPages(original);
            original.State = ReadingState.Waiting;
            original.LeasedUntil = null;
            try
            {
                await db.SaveChangesAsync(CancellationToken.None);
            }
            catch (DbUpdateException)
            {
                // Taken over or taken off meanwhile: nothing of this reader's is to be kept.
            }
            throw;
        }
        catch (Exception e) when (e is UnreadableFileException or ToolMissingException)
        {
            ForgetPages(original);
            original.State = ReadingState.Failed;
            original.Problem = e.Message;
            original.LeasedUntil = null;
        }
        catch (Exception e)
        {
            // A save refused because another reader holds the original now is not this original's failure.
            if (e is DbUpdateException) throw;
            ForgetPages(original);
            original.Attempts++;
            original.LeasedUntil = null;
            original.Problem = $"attempt {original.Attempts} failed: {e.Message}";
            if (original.Attempts >= MaxAttempts)
            {
                original.State = ReadingState.Failed;
            }
            else
            {
                original.State = ReadingState.Waiting;
                // One minute, then five: a passing trouble (a full disk, a busy machine) has time to pass.
                original.NextAttemptAt = Now() + TimeSpan.FromMinutes(Math.Pow(5, original.Attempts - 1));
            }
        }
        if (original.Problem is { Length: > 2000 } tooLong) original.Problem = tooLong[..2000];
        await db.SaveChangesAsync(CancellationToken.None);
    }

    private void Done(Original original)
    {
        original.State = ReadingState.Read;
        original.Problem = null;
        original.LeasedUntil = null;
        original.NextAttemptAt = null;
        // The record's machine-read text is searched: every node's index takes it.
        db.IndexingTasks.Add(IndexingTask.For(original.ArchivalRecordId, Now()));
    }

    /// <summary>The same file read before (attached to another record, or attached again): its pages are taken over, not read again.</summary>
    private async Task<bool> ReadBeforeAsync(Original original, CancellationToken cancellationToken)
    {
        var before = await db.Originals.AsNoTracking().Include(o => o.Pages)
            .Where(o => o.Sha256 == original.Sha256 && o.Id != original.Id && o.State == ReadingState.Read)
            .OrderBy(o => o.Id).FirstOrDefaultAsync(cancellationToken);
        if (before is null || before.Pages.Count == 0) return false;
        original.PageCount = before.PageCount;
        original.PagesRead = before.Pages.Count;
        original.Pages.AddRange(before.Pages.OrderBy(p => p.Number).Select(p => new OriginalPage
        {
            Number = p.Number,
            Text = p.Text,
            Source = p.Source,
            Width = p.Width,
            Height = p.Height,
        }));
        return true;
    }

    private void ForgetPages(Original original)
    {
        foreach (var page in original.Pages.Where(p => db.Entry(p).State != EntityState.Detached).ToList())
            db.Entry(page).State = db.Entry(page).State == EntityState.Added ? EntityState.Detached : EntityState.Deleted;
        original.Pages.Clear();
        original.PagesRead = 0;
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

}
