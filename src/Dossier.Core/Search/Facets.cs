using Dossier.Records;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace Dossier.Search;

/// <summary>
/// The facets a search narrows by: each is indexed as exact terms (to filter) and as doc values (to count).
/// Lucene.NET's facet module is not available here, so counting is a collector over the doc values.
/// </summary>
public static class Facets
{
    public static readonly string[] Names = ["collection", "person", "place", "organization", "text", "type", "classification", "language", "donor", "archive", "year"];

    public const string TextFromTranscript = "transcript";
    public const string TextMachineRead = "machine-read";

    private static string TermField(string facet) => "facet_" + facet;

    /// <summary>The fields facets are filtered by, one term a value.</summary>
    public static IEnumerable<string> TermFields => Names.Select(TermField);
    private static string ValuesField(string facet) => "facet_values_" + facet;

    /// <summary>The facet values of a record.</summary>
    public static IEnumerable<(string Facet, string Value)> Of(ArchivalRecord record)
    {
        // A collection by its slug, and only a public one: the index never knows the staff's collections in progress.
        foreach (var member in record.Collections)
            if (member.Collection is { PublishedAt: not null } collection) yield return ("collection", collection.Slug);
        // The people, places and organizations the archive asserts it names (not the finder's proposals), by number.
        foreach (var authority in Named(record))
            yield return (Authorities.AuthorityKinds.Name(authority.Kind), authority.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        // Where a record's text comes from: someone's transcript, or the originals read by machine (OCR, a PDF's text).
        if (record.Transcripts.Any(t => !string.IsNullOrWhiteSpace(t.Text))) yield return ("text", TextFromTranscript);
        if (record.Originals.Any(o => o.State == Originals.ReadingState.Read && o.Pages.Any(p => p.Text is not null))) yield return ("text", TextMachineRead);
        if (!string.IsNullOrWhiteSpace(record.Type)) yield return ("type", record.Type);
        if (!string.IsNullOrWhiteSpace(record.Classification)) yield return ("classification", record.Classification);
        foreach (var language in record.Languages) yield return ("language", language);
        foreach (var donor in record.Donors) yield return ("donor", donor);
        if (!string.IsNullOrWhiteSpace(record.Source.Archive)) yield return ("archive", record.Source.Archive);
        if (PartialDate.TryParseIso(record.Date, out var date)) yield return ("year", date.Year.ToString("D4", System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The authorities the archive asserts a record names, as loaded for indexing.</summary>
    public static IEnumerable<Authorities.Authority> Named(ArchivalRecord record) =>
        record.Mentions.Where(m => m.Asserted && m.Authority is not null).Select(m => m.Authority).DistinctBy(a => a.Id);

    /// <summary>Counted for the records-over-time picture only, never shown or chosen as a facet: "1962-10".</summary>
    public const string Month = "month";

    public static void AddTo(Document doc, ArchivalRecord record)
    {
        if (PartialDate.TryParseIso(record.Date, out var date) && date.Month is { } month)
            doc.Add(new SortedSetDocValuesField(ValuesField(Month), new BytesRef(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{date.Year:D4}-{month:D2}"))));
        foreach (var (facet, value) in Of(record).Distinct())
        {
            doc.Add(new Field(TermField(facet), value, RecordIndex.Key));
            doc.Add(new SortedSetDocValuesField(ValuesField(facet), new BytesRef(value)));
        }
    }

    /// <summary>Several values of one facet combine with OR, different facets with AND.</summary>
    public static Query? Filter(IReadOnlyDictionary<string, IReadOnlyList<string>> selected)
    {
        var all = new BooleanQuery();
        foreach (var (facet, values) in selected)
        {
            if (values.Count == 0) continue;
            var any = new BooleanQuery();
            foreach (var value in values) any.Add(new TermQuery(new Term(TermField(facet), value)), Occur.SHOULD);
            all.Add(any, Occur.MUST);
        }
        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>Counts the values of some facets (all by default) in every document it is given.</summary>
    public sealed class CountingCollector : ICollector
    {
        private readonly string[] names;
        private readonly Dictionary<string, Dictionary<string, int>> counts;
        private readonly SegmentOrdinals?[] ordinals;
        private readonly int[]?[] segmentCounts;

        public CountingCollector(IReadOnlyList<string>? facets = null)
        {
            names = [.. facets ?? Names];
            counts = names.ToDictionary(n => n, _ => new Dictionary<string, int>(StringComparer.Ordinal));
            ordinals = new SegmentOrdinals?[names.Length];
            segmentCounts = new int[names.Length][];
        }

        public bool AcceptsDocsOutOfOrder => true;

        public void SetScorer(Scorer scorer)
        {
        }

        public void SetNextReader(AtomicReaderContext context)
        {
            Flush();
            for (var i = 0; i < names.Length; i++)
            {
                ordinals[i] = SegmentOrdinals.Of(context.AtomicReader, ValuesField(names[i]));
                segmentCounts[i] = ordinals[i] is { } o ? new int[o.Values.Length] : null;
            }
        }

        // Called for every hit, often for most of the archive: kept to array reads and increments.
        public void Collect(int doc)
        {
            for (var i = 0; i < names.Length; i++)
            {
                var o = ordinals[i];
                if (o is null) continue;
                var counted = segmentCounts[i]!;
                if (o.Single is { } single)
                {
                    var ord = single[doc];
                    if (ord >= 0) counted[ord]++;
                    continue;
                }
                var starts = o.Starts!;
                var all = o.Ordinals!;
                for (int k = starts[doc], end = starts[doc + 1]; k < end; k++) counted[all[k]]++;
            }
        }

        /// <summary>
        /// The values of each facet with their counts, most frequent first; values chosen by the reader are always
        /// among them, so that a choice can be seen and undone.
        /// </summary>
        public Dictionary<string, IReadOnlyList<FacetValue>> Results(int top, IReadOnlyDictionary<string, IReadOnlyList<string>>? chosen = null)
        {
            Flush();
            return counts.ToDictionary(c => c.Key, c =>
            {
                var ranked = c.Value.OrderByDescending(v => v.Value).ThenBy(v => v.Key, StringComparer.Ordinal).ToList();
                var shown = ranked.Take(top).ToList();
                if (chosen is not null && chosen.TryGetValue(c.Key, out var values))
                    shown.AddRange(ranked.Skip(top).Where(v => values.Contains(v.Key, StringComparer.Ordinal)));
                return (IReadOnlyList<FacetValue>)shown.Select(v => new FacetValue(v.Key, v.Value)).ToList();
            });
        }

        // Ordinals belong to a segment: each segment's counts are turned into values when it is done.
        private void Flush()
        {
            for (var i = 0; i < names.Length; i++)
            {
                if (ordinals[i] is not { } o || segmentCounts[i] is not { } seg) continue;
                var counted = counts[names[i]];
                for (var ord = 0; ord < seg.Length; ord++)
                {
                    if (seg[ord] == 0) continue;
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counted, o.Values[ord], out _) += seg[ord];
                }
                segmentCounts[i] = null;
                ordinals[i] = null;
            }
        }
    }

    /// <summary>
    /// A segment's facet values, document by document, in memory (<see cref="SegmentMemory"/>): the codec reads doc
    /// values from the index file a byte at a time, which made counting the facets of many hits most of a search's time.
    /// </summary>
    private sealed class SegmentOrdinals
    {
        /// <summary>Where a facet has at most one value a record (most do), each document's ordinal, -1 for none.</summary>
        public int[]? Single { get; private init; }

        /// <summary>Otherwise, where each document's ordinals begin in <see cref="Ordinals"/>; one more entry than documents.</summary>
        public int[]? Starts { get; private init; }

        public int[]? Ordinals { get; private init; }

        /// <summary>The value each ordinal stands for.</summary>
        public required string[] Values { get; init; }

        /// <summary>The segment's ordinals of a facet; null where no record of the segment has a value of it.</summary>
        public static SegmentOrdinals? Of(AtomicReader reader, string field)
        {
            var kept = SegmentMemory.Get(reader, "facet", field, r => Read(r, field) ?? None);
            return ReferenceEquals(kept, None) ? null : kept;
        }

        // What the segment memory keeps for a facet no record of the segment has (it keeps no nulls).
        private static readonly SegmentOrdinals None = new() { Values = [] };

        private static SegmentOrdinals? Read(AtomicReader reader, string field)
        {
            var values = reader.GetSortedSetDocValues(field);
            if (values is null) return null;
            var labels = new string[values.ValueCount];
            var scratch = new BytesRef();
            for (var ord = 0; ord < labels.Length; ord++)
            {
                values.LookupOrd(ord, scratch);
                labels[ord] = scratch.Utf8ToString();
            }
            var starts = new int[reader.MaxDoc + 1];
            var ordinals = new List<int>(reader.MaxDoc);
            var several = false;
            for (var doc = 0; doc < reader.MaxDoc; doc++)
            {
                starts[doc] = ordinals.Count;
                values.SetDocument(doc);
                long ord;
                while ((ord = values.NextOrd()) != SortedSetDocValues.NO_MORE_ORDS) ordinals.Add((int)ord);
                several |= ordinals.Count - starts[doc] > 1;
            }
            starts[reader.MaxDoc] = ordinals.Count;
            if (several) return new SegmentOrdinals { Starts = starts, Ordinals = [.. ordinals], Values = labels };
            var single = new int[reader.MaxDoc];
            for (var doc = 0; doc < reader.MaxDoc; doc++) single[doc] = starts[doc + 1] > starts[doc] ? ordinals[starts[doc]] : -1;
            return new SegmentOrdinals { Single = single, Values = labels };
        }
    }
}

public sealed record FacetValue(string Value, int Count);
