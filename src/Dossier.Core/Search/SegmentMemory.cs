using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Lucene.Net.Index;

namespace Dossier.Search;

/// <summary>
/// What a search reads of a segment once and keeps in memory (which records are visible, facet and sort
/// ordinals), as long as the segment is open. A segment's documents never change (an edited record is a new
/// document in a newer segment, the old one deleted), so nothing kept here goes stale; deletions are applied by
/// each search on top.
/// </summary>
internal static class SegmentMemory
{
    private static readonly ConditionalWeakTable<object, ConcurrentDictionary<(string Kind, string Field), object>> Kept = new();

    /// <summary>What <paramref name="read"/> gives for the segment, read the first time it is asked for this kind and field.</summary>
    public static T Get<T>(AtomicReader segment, string kind, string field, Func<AtomicReader, T> read) where T : class =>
        // Two searches may both read a new segment; one reading is kept, the other is garbage.
        (T)Kept.GetValue(segment.CoreCacheKey, _ => new()).GetOrAdd((kind, field), _ => read(segment));
}
