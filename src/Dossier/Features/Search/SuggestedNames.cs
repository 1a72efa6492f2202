using Dossier.Authorities;
using Dossier.Data;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Search;

/// <summary>
/// The words of every authority's names, sorted, in memory: what search as you type looks a name's beginning up in,
/// instead of scanning every name in the store with LIKE at each letter. Rebuilt when the authorities change; one per
/// process.
/// </summary>
public sealed class SuggestedNames
{
    public sealed record Entry(int Id, AuthorityKind Kind, string PreferredName, int? BirthYear, int? DeathYear);

    // Entries in the order suggestions list them (preferred name, then number); Words sorted, Owners the entry of each.
    private sealed record Built(string Stamp, Entry[] Entries, string[] Words, int[] Owners);

    private readonly SemaphoreSlim building = new(1, 1);
    private Built? current;

    /// <summary>Up to <paramref name="each"/> authorities of each kind having, for every word typed, a name word that begins so.</summary>
    public async Task<IReadOnlyList<Entry>> FindAsync(DossierDb db, string typed, int each, CancellationToken cancellationToken)
    {
        var words = AuthorityName.Words(typed).Select(NameFolding.Fold).Where(w => w.Length > 0).Distinct().Take(6).ToList();
        if (words.Count == 0) return [];
        var built = await GetAsync(db, cancellationToken);
        HashSet<int>? found = null;
        // The rarest beginning first would be faster still; the longest is a fair guess at it.
        foreach (var word in words.OrderByDescending(w => w.Length))
        {
            var owners = new HashSet<int>();
            for (var i = LowerBound(built.Words, word); i < built.Words.Length && built.Words[i].StartsWith(word, StringComparison.Ordinal); i++)
                if (found is null || found.Contains(built.Owners[i])) owners.Add(built.Owners[i]);
            found = owners;
            if (found.Count == 0) return [];
        }
        var taken = new Dictionary<AuthorityKind, int>();
        var chosen = new List<Entry>();
        foreach (var index in found!.Order())
        {
            var entry = built.Entries[index];
            var count = taken.GetValueOrDefault(entry.Kind);
            if (count == each) continue;
            taken[entry.Kind] = count + 1;
            chosen.Add(entry);
        }
        return chosen;
    }

    private static int LowerBound(string[] words, string word)
    {
        var (lo, hi) = (0, words.Length);
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (string.CompareOrdinal(words[mid], word) < 0) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // One small query at each letter typed: every change of an authority's names moves its UpdatedAt (AuthorityCuration,
    // the authority import), and a merge removes one, which the count sees.
    private static async Task<string> StampAsync(DossierDb db, CancellationToken cancellationToken)
    {
        var count = await db.Authorities.CountAsync(cancellationToken);
        var latest = await db.Authorities.MaxAsync(a => (DateTime?)a.UpdatedAt, cancellationToken);
        return $"{count}/{latest?.Ticks}";
    }

    private async Task<Built> GetAsync(DossierDb db, CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(db, cancellationToken);
        if (Volatile.Read(ref current) is { } known && known.Stamp == stamp) return known;
        await building.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref current) is { } again && again.Stamp == stamp) return again;
            var entries = (await db.Authorities.AsNoTracking()
                    .Select(a => new Entry(a.Id, a.Kind, a.PreferredName, a.BirthYear, a.DeathYear)).ToListAsync(cancellationToken))
                .OrderBy(e => e.PreferredName, StringComparer.Ordinal).ThenBy(e => e.Id).ToArray();
            var position = entries.Select((e, i) => (e.Id, i)).ToDictionary(p => p.Id, p => p.i);
            var keys = await db.AuthorityNames.AsNoTracking().Where(n => n.Form != NameForm.Title)
                .Select(n => new { n.AuthorityId, n.Key }).ToListAsync(cancellationToken);
            var words = keys.Where(k => position.ContainsKey(k.AuthorityId))
                .SelectMany(k => k.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => (Word: w, Owner: position[k.AuthorityId])))
                .Distinct().OrderBy(p => p.Word, StringComparer.Ordinal).ThenBy(p => p.Owner).ToArray();
            var built = new Built(stamp, entries, [.. words.Select(p => p.Word)], [.. words.Select(p => p.Owner)]);
            Volatile.Write(ref current, built);
            return built;
        }
        finally
        {
            building.Release();
        }
    }
}
