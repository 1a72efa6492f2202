using System.Text;
using Dossier.Data;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Originals;

/// <summary>
/// Verifies the stored files: every file an original names is hashed again and compared with its name, its SHA-256.
/// A file whose bytes changed (a flipped bit on a disk, a careless hand) is damaged, one that is gone is missing; each
/// is reported with the records that hold it. The check and its findings are kept (<see cref="FixityCheck"/>), for
/// administrators to see when the files were last verified and what was wrong.
/// </summary>
public sealed class FixityVerification(DossierDb db, FileStore files, TimeProvider clock)
{
    private readonly DossierDb db = db.WholeArchive();

    /// <summary>When the files were last verified to the end (by any node), if ever; a verification cut short does not count.</summary>
    public Task<FixityCheck?> LastAsync(CancellationToken cancellationToken = default) =>
        db.FixityChecks.AsNoTracking().Where(c => c.FinishedAt != null).OrderByDescending(c => c.StartedAt).FirstOrDefaultAsync(cancellationToken);

    public async Task<FixityCheck> RunAsync(string? node, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        var check = new FixityCheck { StartedAt = clock.GetUtcNow().UtcDateTime, Node = node };
        db.FixityChecks.Add(check);
        await db.SaveChangesAsync(cancellationToken);

        var holders = (await db.Originals.Select(o => new { o.Sha256, o.ArchivalRecordId }).ToListAsync(cancellationToken))
            .GroupBy(o => o.Sha256, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(o => o.ArchivalRecordId).Distinct().Order().ToList(), StringComparer.Ordinal);
        var report = new StringBuilder();
        var done = 0;
        foreach (var (sha256, records) in holders.OrderBy(h => h.Key, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var hash = await files.HashAsync(sha256, cancellationToken);
            var on = $"record{(records.Count == 1 ? "" : "s")} {string.Join(", ", records)}";
            if (hash is null)
            {
                check.Missing++;
                report.Append(sha256).Append(": missing (").Append(on).Append(")\n");
            }
            else if (hash != sha256)
            {
                check.Damaged++;
                report.Append(sha256).Append(": damaged, its bytes now hash to ").Append(hash).Append(" (").Append(on).Append(")\n");
            }
            progress?.Report((++done, holders.Count));
        }
        check.Files = holders.Count;
        check.Report = report.Length == 0 ? null : report.ToString();
        check.FinishedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(CancellationToken.None);
        return check;
    }
}
