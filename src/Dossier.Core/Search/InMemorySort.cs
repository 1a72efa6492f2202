using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dossier.Search;

/// <summary>
/// Sorts by a sorted doc values field (a record's date, its title) with each segment's ordinals held in memory. The
/// codec reads an ordinal from the mapped index file for every hit compared, taking and releasing the file's handle
/// each time: listing the whole archive newest first spent half its time there. A segment's ordinals are read once
/// and kept (<see cref="SegmentMemory"/>), as the facets' are.
/// </summary>
internal sealed class InMemorySort : FieldComparerSource
{
    public static readonly InMemorySort Instance = new();

    public override FieldComparer NewComparer(string fieldname, int numHits, int sortPos, bool reversed) => new Comparer(numHits, fieldname);

    private sealed class Comparer(int numHits, string field) : FieldComparer.TermOrdValComparer(numHits, field)
    {
        protected override SortedDocValues GetSortedDocValues(AtomicReaderContext context, string field)
        {
            var reader = context.AtomicReader;
            var values = reader.GetSortedDocValues(field) ?? DocValues.EMPTY_SORTED;
            var ordinals = SegmentMemory.Get(reader, "sort", field, r => Read(values, r.MaxDoc));
            return new Held(values, ordinals);
        }
    }

    private static int[] Read(SortedDocValues values, int maxDoc)
    {
        var ordinals = new int[maxDoc];
        for (var doc = 0; doc < maxDoc; doc++) ordinals[doc] = values.GetOrd(doc);
        return ordinals;
    }

    /// <summary>The ordinals from memory, the values they stand for from the index (read only for the hits kept).</summary>
    private sealed class Held(SortedDocValues values, int[] ordinals) : SortedDocValues
    {
        public override int GetOrd(int docID) => ordinals[docID];

        public override void LookupOrd(int ord, BytesRef result) => values.LookupOrd(ord, result);

        public override int ValueCount => values.ValueCount;
    }
}
