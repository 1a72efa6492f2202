using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dossier.Search;

/// <summary>
/// What a search may return: the records a visitor may see (unless the staff ask for all), narrowed by the facet
/// values and the date range chosen. Each segment's answer is a bit set, which the query reads by random access
/// while it runs, instead of stepping through the filter and the query side by side: on a common word that
/// matches half the archive, the side-by-side walk was half of a search's time.
/// </summary>
internal sealed class NarrowingFilter(string field, string value, bool visibleOnly, Query? narrowing) : Filter
{
    private readonly string visibleKey = $"{field}:{value}";

    public override DocIdSet? GetDocIdSet(AtomicReaderContext context, IBits? acceptDocs)
    {
        var reader = context.AtomicReader;
        // Which of a segment's documents are visible is read once and kept (SegmentMemory); deletions are applied
        // on top, search by search.
        FixedBitSet? allowed = visibleOnly
            ? SegmentMemory.Get(reader, "visible", visibleKey, r => Read(new QueryWrapperFilter(new TermQuery(new Term(field, value))).GetDocIdSet(r.AtomicContext, null), r.MaxDoc))
            : null;
        if (narrowing is not null)
        {
            var narrowed = Read(new QueryWrapperFilter(narrowing).GetDocIdSet(context, null), reader.MaxDoc);
            if (allowed is not null) narrowed.And(allowed);
            allowed = narrowed;
        }
        return allowed is null ? null : BitsFilteredDocIdSet.Wrap(allowed, acceptDocs);
    }

    private static FixedBitSet Read(DocIdSet? set, int maxDoc)
    {
        var bits = new FixedBitSet(maxDoc);
        if (set?.GetIterator() is { } iterator) bits.Or(iterator);
        return bits;
    }

    /// <summary>
    /// Reads the filter by random access in bulk scoring too: Lucene's own strategy does so only for one document
    /// at a time, which keeps a query of many words and fields off the faster scorer that collects out of order.
    /// </summary>
    public static readonly FilteredQuery.FilterStrategy RandomAccess = new BulkRandomAccessStrategy();

    private sealed class BulkRandomAccessStrategy : FilteredQuery.RandomAccessFilterStrategy
    {
        public override BulkScorer? FilteredBulkScorer(AtomicReaderContext context, Weight weight, bool scoreDocsInOrder, DocIdSet docIdSet)
        {
            if (docIdSet.Bits is { } bits && docIdSet.GetIterator() is { } iterator && UseRandomAccess(bits, iterator.NextDoc()))
                return weight.GetBulkScorer(context, scoreDocsInOrder, bits);
            return base.FilteredBulkScorer(context, weight, scoreDocsInOrder, docIdSet);
        }
    }

    public override string ToString() => $"NarrowingFilter(visibleOnly={visibleOnly}, {narrowing})";
}
