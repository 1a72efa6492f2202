using Dossier.Data;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Authorities;

/// <summary>
/// What the archive's mentions add up to, as the context's reader may see them: a visitor's context counts asserted
/// mentions of published records only (its query filters), the staff's every one.
/// </summary>
public static class MentionCounts
{
    public static async Task<(int Asserted, int Proposed)> OfArchiveAsync(DossierDb db, CancellationToken cancellationToken)
    {
        var asserted = await db.Mentions.CountAsync(m => m.Asserted, cancellationToken);
        var proposed = await db.Mentions.CountAsync(m => !m.Asserted && m.State == MentionState.Proposed, cancellationToken);
        return (asserted, proposed);
    }

    /// <summary>How many records name each of some authorities.</summary>
    public static Task<Dictionary<int, int>> RecordsNamingAsync(DossierDb db, IReadOnlyCollection<int> authorityIds, CancellationToken cancellationToken) =>
        db.Mentions.Where(m => m.Asserted && authorityIds.Contains(m.AuthorityId)).GroupBy(m => m.AuthorityId)
            .Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    /// <summary>The asserted mentions of an authority, of records the context's reader may see.</summary>
    public static IQueryable<Mention> Of(DossierDb db, int authorityId) =>
        db.Mentions.Where(m => m.AuthorityId == authorityId && m.Asserted && m.Record!.DeletedAt == null);

    /// <summary>The records naming an authority by year ("1962"; null for undated records), in year order.</summary>
    public static async Task<List<(string? Year, int Records)>> TimelineAsync(DossierDb db, int authorityId, CancellationToken cancellationToken)
    {
        var years = await Of(db, authorityId).GroupBy(m => m.Record!.Date == null ? null : m.Record.Date.Substring(0, 4))
            .Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. years.OrderBy(y => y.Key is null).ThenBy(y => y.Key, StringComparer.Ordinal).Select(y => (y.Key, y.Count))];
    }

    /// <summary>
    /// The people most often named in the same records as an authority, with how many records each shares with it,
    /// and how many records each pair of them shares: a co-mention network.
    /// </summary>
    public static async Task<(List<(int Id, int Records)> People, List<(int A, int B, int Records)> Links)> TogetherAsync(
        DossierDb db, int authorityId, int most, CancellationToken cancellationToken)
    {
        var records = Of(db, authorityId).Select(m => m.ArchivalRecordId);
        var people = await db.Mentions.Where(m => m.Asserted && m.AuthorityId != authorityId && m.Authority.Kind == AuthorityKind.Person && records.Contains(m.ArchivalRecordId))
            .GroupBy(m => m.AuthorityId).Select(g => new { g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key).Take(most).ToListAsync(cancellationToken);
        var ids = people.Select(p => p.Key).ToList();
        var shared = await db.Mentions.Where(m => m.Asserted && ids.Contains(m.AuthorityId) && records.Contains(m.ArchivalRecordId))
            .Select(m => new { m.ArchivalRecordId, m.AuthorityId }).ToListAsync(cancellationToken);
        var links = shared.GroupBy(m => m.ArchivalRecordId)
            .SelectMany(g => g.Select(m => m.AuthorityId).Order().ToList() is var named
                ? named.SelectMany((a, i) => named.Skip(i + 1).Select(b => (a, b)))
                : [])
            .GroupBy(pair => pair).Select(g => (g.Key.a, g.Key.b, g.Count())).OrderByDescending(l => l.Item3).ToList();
        return ([.. people.Select(p => (p.Key, p.Count))], links);
    }

    /// <summary>A page of the records naming an authority, oldest first (undated last).</summary>
    public static Task<List<ArchivalRecord>> RecordsAsync(DossierDb db, int authorityId, string? year, int page, int size, CancellationToken cancellationToken)
    {
        var mentions = Of(db, authorityId);
        if (year is not null) mentions = mentions.Where(m => m.Record!.Date != null && m.Record.Date.StartsWith(year));
        return mentions.Select(m => m.Record!).OrderBy(r => r.Date == null).ThenBy(r => r.Date).ThenBy(r => r.Id)
            .Skip((page - 1) * size).Take(size).AsNoTracking().ToListAsync(cancellationToken);
    }
}
