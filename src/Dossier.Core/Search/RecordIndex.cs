using System.Globalization;
using Dossier.Records;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;
using Lucene.Net.Util;
using LuceneDirectory = Lucene.Net.Store.Directory;

namespace Dossier.Search;

/// <summary>
/// This node's search index: derived data, rebuilt from the store at will. It remembers how far it has followed
/// the store's indexing tasks in its own commit data, so the position only advances when the index has committed.
/// One instance per process owns the index's writer. A rebuilt index (<c>dossier reindex</c> while a server runs)
/// is made beside it and switched to, the old one answering searches until the switch.
/// </summary>
public sealed class RecordIndex : IDisposable
{
    public const int MaxWindow = 10_000;

    private const string PositionKey = "position";
    private static readonly string[] SearchFields =
        ["title", "summary", "transcript", "source", "provenance", "donor", "translator", "type", "classification", "recordId", "language",
         "creator", "recipient", "place", "subject", "notes", "machine", "person", "organization"];
    // Lucene.NET's parser looks every field up in this map, so each field has its weight, 1 by default.
    private static readonly Dictionary<string, float> Boosts = SearchFields.ToDictionary(f => f, f => f switch
    {
        "title" or "recordId" => 4f,
        "summary" => 2f,
        "source" => 1.5f,
        // Machine-read text (a PDF's own, or OCR's) finds what no one transcribed, after what someone did.
        "machine" => 0.5f,
        // The names of the people and organizations a record names, in all their spellings: "Zhou Enlai" finds the
        // record that writes "Chou En-lai", after those that write it so.
        "person" or "organization" => 0.5f,
        _ => 1f,
    });

    /// <summary>Where a rebuilt index is made, beside the index, and the file that says it is complete.</summary>
    public const string RebuiltSuffix = ".next";
    private const string CompleteMarker = "complete";

    private readonly string path;
    private readonly FileStream ownership;
    private Generation current;
    // Held only to take a searcher from the current generation, never during a search: a switch waits for no search.
    private readonly System.Threading.Lock switching = new();
    // The position of the last commit, kept beside the commit data so that reading it never waits for a batch being
    // indexed under the write lock (health checks and metrics read it while the follower works).
    private long committedPosition;
    private const string ExactSuffix = "_exact";
    private readonly ArchiveAnalyzer folded = new();
    private readonly ExactAnalyzer exact = new();
    private readonly Lucene.Net.Analysis.Core.KeywordAnalyzer keys = new();
    private readonly Lucene.Net.Analysis.Analyzer analyzer;
    private readonly Similarity similarity = new BM25Similarity();
    private readonly System.Threading.Lock writeLock = new();

    private RecordIndex(string path, FileStream ownership)
    {
        this.path = path;
        this.ownership = ownership;
        // Every text field is kept twice: folded across stems, scripts and spellings, and as written (for quotes).
        // Keys (the id, the date, facet values) are single terms; read through an analyzer, their token streams are
        // reused from document to document instead of being made anew for each field of each record.
        var analyzers = SearchFields.ToDictionary(f => f + ExactSuffix, Lucene.Net.Analysis.Analyzer (_) => exact);
        foreach (var key in KeyFields) analyzers[key] = keys;
        analyzer = new Lucene.Net.Analysis.Miscellaneous.PerFieldAnalyzerWrapper(folded, analyzers);
        try
        {
            current = Start(path);
        }
        catch
        {
            ownership.Dispose();
            throw;
        }
        committedPosition = CurrentPosition();
    }

    /// <summary>The writer and searchers of one index folder.</summary>
    private sealed record Generation(LuceneDirectory Directory, IndexWriter Writer, SearcherManager Searchers) : IDisposable
    {
        public void Dispose()
        {
            // Searches still holding one of its searchers finish on it: a searcher's reader outlives its manager.
            Searchers.Dispose();
            Writer.Dispose();
            Directory.Dispose();
        }
    }

    private Generation Start(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        var directory = new MappedDirectory(folder);
        var config = new IndexWriterConfig(ArchiveAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE_OR_APPEND,
            // Bulk indexing flushes fewer, larger segments.
            RAMBufferSizeMB = 64,
            Similarity = similarity,
            // Compound files save file handles at the price of copying every new segment once more.
            UseCompoundFile = false,
            MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
            Codec = new ArchiveCodec(),
        };
        try
        {
            var writer = new IndexWriter(directory, config);
            return new Generation(directory, writer, new SearcherManager(writer, applyAllDeletes: true, new SimilaritySearcherFactory(similarity)));
        }
        catch (LockObtainFailedException e)
        {
            directory.Dispose();
            throw new IndexBusyException(folder, e);
        }
    }

    /// <summary>Opens (creating if needed) the index in a folder. Throws <see cref="IndexBusyException"/> when another process holds it.</summary>
    public static RecordIndex Open(string path)
    {
        path = System.IO.Path.GetFullPath(path);
        var index = new RecordIndex(path, TakeOwnership(path));
        // An index rebuilt while no server was there to switch to it (or a switch a crash interrupted) is taken now.
        index.SwitchToRebuilt();
        return index;
    }

    // Lucene.NET's own write lock does not keep a second process out on Linux; an exclusively opened file does
    // (.NET locks it for the life of the handle, and the system releases it when the process dies), so one process
    // at a time owns an index. The file lies beside the index's folder, not in it, so that it stays put while a
    // rebuilt folder is renamed into place.
    private static FileStream TakeOwnership(string folder)
    {
        System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(folder)!);
        try
        {
            return new FileStream(folder + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException e)
        {
            throw new IndexBusyException(folder, e);
        }
    }

    /// <summary>Marks a rebuilt index (at <c>path + RebuiltSuffix</c>, closed) as complete: the index's owner switches to it.</summary>
    public static void MarkRebuilt(string rebuiltPath) => File.WriteAllText(System.IO.Path.Combine(rebuiltPath, CompleteMarker), "");

    public static void UnmarkRebuilt(string rebuiltPath) => File.Delete(System.IO.Path.Combine(rebuiltPath, CompleteMarker));

    /// <summary>Whether a rebuilt index waits beside this one for its owner to switch to it.</summary>
    public static bool RebuiltIsWaiting(string path) => File.Exists(System.IO.Path.Combine(path + RebuiltSuffix, CompleteMarker));

    /// <summary>
    /// Switches to the complete rebuilt index beside this one, if there is one: searches answer from the old index
    /// until the new one takes its place (its folder renamed to this index's), then from the new. Returns whether it switched.
    /// Called between two catch-ups (as the index follower does), so that no catch-up straddles the switch: the new index
    /// follows the store from its own position.
    /// </summary>
    public bool SwitchToRebuilt()
    {
        var rebuilt = path + RebuiltSuffix;
        if (!RebuiltIsWaiting(path)) return false;
        FileStream rebuilding;
        try
        {
            rebuilding = TakeOwnership(rebuilt);
        }
        catch (IndexBusyException)
        {
            return false; // still being written
        }
        using var _ = rebuilding;
        lock (writeLock)
        {
            if (!RebuiltIsWaiting(path)) return false;
            var old = path + ".old";
            if (System.IO.Directory.Exists(old)) System.IO.Directory.Delete(old, recursive: true);
            // The old writer closes without writing (it has nothing uncommitted between two catch-ups, and must not
            // write into a folder that is about to be renamed); its searchers go on answering until the swap below,
            // and searches under way finish on them: open files follow their folder when it is renamed.
            current.Writer.Rollback();
            Generation next;
            try
            {
                System.IO.Directory.Move(path, old);
                System.IO.Directory.Move(rebuilt, path);
                next = Start(path);
            }
            catch
            {
                // The switch failed (a disk error, say): the old index goes back in place with a writer of its own,
                // so that this node goes on following the store; the rebuilt one waits for the next try.
                if (System.IO.Directory.Exists(path) && System.IO.Directory.Exists(old) && !System.IO.Directory.Exists(rebuilt)) System.IO.Directory.Move(path, rebuilt);
                if (!System.IO.Directory.Exists(path) && System.IO.Directory.Exists(old)) System.IO.Directory.Move(old, path);
                var reopened = Start(path);
                lock (switching)
                {
                    (current, reopened) = (reopened, current);
                }
                reopened.Dispose();
                throw;
            }
            File.Delete(System.IO.Path.Combine(path, CompleteMarker));
            Generation retired;
            lock (switching)
            {
                retired = current;
                current = next;
            }
            Interlocked.Exchange(ref committedPosition, CurrentPosition());
            retired.Dispose();
            System.IO.Directory.Delete(old, recursive: true);
        }
        return true;
    }

    private (Generation Generation, IndexSearcher Searcher) Acquire()
    {
        lock (switching)
        {
            var generation = current;
            return (generation, generation.Searchers.Acquire());
        }
    }

    /// <summary>The last indexing task this index has committed.</summary>
    public long Position => Interlocked.Read(ref committedPosition);

    private long CurrentPosition() =>
        current.Writer.CommitData.TryGetValue(PositionKey, out var value) && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : 0;

    public int Count
    {
        get
        {
            var (generation, searcher) = Acquire();
            try
            {
                return searcher.IndexReader.NumDocs;
            }
            finally
            {
                generation.Searchers.Release(searcher);
            }
        }
    }

    /// <summary>
    /// Indexes and removes records; with <paramref name="commit"/>, commits them with the new position and makes them
    /// searchable. Without, they wait in the writer for the next commit (a crash before it re-indexes them, which is harmless).
    /// </summary>
    public void Apply(IEnumerable<ArchivalRecord> records, IEnumerable<int> removed, long position, bool commit)
    {
        lock (writeLock)
        {
            foreach (var record in records)
            {
                // A deleted record is a tombstone in the store and nothing in the index.
                if (record.DeletedAt is not null) current.Writer.DeleteDocuments(new Term("id", Id(record.Id)));
                else current.Writer.UpdateDocument(new Term("id", Id(record.Id)), ToDocument(record));
            }
            foreach (var id in removed) current.Writer.DeleteDocuments(new Term("id", Id(id)));
            // Two catch-ups may overlap (a poke and a tick); the later commit must not move the position back.
            if (commit) Commit(Math.Max(position, CurrentPosition()));
        }
    }

    /// <summary>Empties the index (for a rebuild); the position goes back to the start.</summary>
    public void Clear()
    {
        lock (writeLock)
        {
            current.Writer.DeleteAll();
            Commit(0);
        }
    }

    private void Commit(long position)
    {
        current.Writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position.ToString(CultureInfo.InvariantCulture) });
        current.Writer.Commit();
        Interlocked.Exchange(ref committedPosition, position);
        current.Searchers.MaybeRefreshBlocking();
    }

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private static Document ToDocument(ArchivalRecord record)
    {
        var transcript = string.Join("\n\n", record.Transcripts.OrderBy(t => t.Position).Select(t => t.Text));
        var doc = new Document
        {
            new Field("id", Id(record.Id), StoredKey),
            new TextField("title", record.Title, Field.Store.YES),
            new TextField("title" + ExactSuffix, record.Title, Field.Store.NO),
            new SortedDocValuesField("date_sort", new BytesRef(record.Date ?? "")),
            new SortedDocValuesField("title_sort", new BytesRef(NameFolding.ToLatin(record.Title))),
        };
        if (record.Date is not null) doc.Add(new Field("date_key", record.Date, Key));
        doc.Add(new Field(VisibilityField, Publication.IsPublic(record) ? Public : "staff", Key));
        Facets.AddTo(doc, record);
        if (record.Date is not null) doc.Add(new StoredField("date", record.Date));
        AddText(doc, "summary", record.Summary, Field.Store.YES);
        AddText(doc, "transcript", transcript, Field.Store.YES);
        // The archive is found by every name it has had, in both scripts: source:RGANI finds what was cited as TsKhSD.
        AddText(doc, "source", string.Join("\n", new[] { record.Source.Text }.Concat(Sources.Archives.SearchNames(record.Source.Archive)).OfType<string>()), Field.Store.NO);
        AddText(doc, "provenance", record.Provenance, Field.Store.NO);
        AddText(doc, "donor", string.Join("\n", record.Donors), Field.Store.NO);
        AddText(doc, "translator", string.Join("\n", record.Translators.Concat(record.ObtainedBy)), Field.Store.NO);
        AddText(doc, "creator", string.Join("\n", record.Creators), Field.Store.NO);
        AddText(doc, "recipient", string.Join("\n", record.Recipients), Field.Store.NO);
        // place: is where a record was written, and the places it names.
        AddText(doc, "place", string.Join("\n", new[] { record.Place }.Concat(NamesOf(record, Authorities.AuthorityKind.Place)).OfType<string>()), Field.Store.NO);
        AddText(doc, "person", string.Join("\n", NamesOf(record, Authorities.AuthorityKind.Person)), Field.Store.NO);
        AddText(doc, "organization", string.Join("\n", NamesOf(record, Authorities.AuthorityKind.Organization)), Field.Store.NO);
        AddText(doc, "subject", string.Join("\n", record.Subjects), Field.Store.NO);
        AddText(doc, "notes", record.Notes, Field.Store.NO);
        AddText(doc, "machine", MachineText(record), Field.Store.NO);
        AddText(doc, "type", record.Type, Field.Store.NO);
        AddText(doc, "classification", record.Classification, Field.Store.NO);
        AddText(doc, "recordId", record.RecordId, Field.Store.NO);
        // A language is found by its code and by its English name: language:ru, language:Russian.
        AddText(doc, "language", string.Join(' ', record.Languages.SelectMany(l => new[] { l, Languages.LanguageNames.EnglishName(l) })), Field.Store.NO);
        return doc;
    }

    /// <summary>Every name (but titles) of the authorities of a kind the archive asserts a record names.</summary>
    private static IEnumerable<string> NamesOf(ArchivalRecord record, Authorities.AuthorityKind kind) =>
        Facets.Named(record).Where(a => a.Kind == kind)
            .SelectMany(a => a.Names.Where(n => n.Form != Authorities.NameForm.Title).Select(n => n.Name).Prepend(a.PreferredName))
            .Distinct(StringComparer.Ordinal);

    /// <summary>The text read from a record's originals, page after page.</summary>
    public static string MachineText(ArchivalRecord record) =>
        string.Join("\n\n", record.Originals.Where(o => o.State == Originals.ReadingState.Read).OrderBy(o => o.Position)
            .SelectMany(o => o.Pages.OrderBy(p => p.Number)).Select(p => p.Text).OfType<string>());

    private static readonly string[] KeyFields = ["id", "date_key", VisibilityField, .. Facets.TermFields];

    // Whether a visitor may see the record (see Publication.IsPublic): every search without IncludeUnpublished is
    // narrowed to it, whatever else it asks.
    private const string VisibilityField = "visibility";
    private const string Public = "public";

    /// <summary>A field that is one term, as <see cref="StringField"/>, but read through the (reused) keyword analyzer.</summary>
    internal static readonly FieldType Key = Frozen(new FieldType(StringField.TYPE_NOT_STORED) { IsTokenized = true });
    private static readonly FieldType StoredKey = Frozen(new FieldType(StringField.TYPE_STORED) { IsTokenized = true });

    // Fields a snippet is cut from keep each word's place in the text, so the snippet needs no second reading of it.
    private static readonly HashSet<string> SnippetFields = ["summary", "transcript"];
    private static readonly FieldType StoredWithOffsets = Frozen(new FieldType(TextField.TYPE_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS });
    private static readonly FieldType WithOffsets = Frozen(new FieldType(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS });

    private static FieldType Frozen(FieldType type)
    {
        type.Freeze();
        return type;
    }

    private static void AddText(Document doc, string name, string? value, Field.Store store)
    {
        if (string.IsNullOrWhiteSpace(value)) return;
        if (SnippetFields.Contains(name))
        {
            doc.Add(new Field(name, value, store == Field.Store.YES ? StoredWithOffsets : WithOffsets));
            doc.Add(new Field(name + ExactSuffix, value, WithOffsets));
            return;
        }
        doc.Add(new TextField(name, value, store));
        doc.Add(new TextField(name + ExactSuffix, value, Field.Store.NO));
    }

    /// <summary>
    /// Where in a field's text the query's words stand, hit by hit, read from the index's offsets. Each word's
    /// postings are opened once per segment and field and stepped forward from hit to hit, so the hits must be asked
    /// for in the order of their document numbers; opening them afresh for every hit was a fifth of a search.
    /// </summary>
    private sealed class HitOffsets(IndexReader reader, IReadOnlySet<string> folded, IReadOnlySet<string> exact)
    {
        private readonly Dictionary<(int Leaf, string Field, string Term), DocsAndPositionsEnum?> opened = [];

        public List<(int Start, int End, string Term)> Of(int doc, string field)
        {
            var found = new List<(int Start, int End, string Term)>();
            var leafIndex = ReaderUtil.SubIndex(doc, reader.Leaves);
            var leaf = reader.Leaves[leafIndex];
            var local = doc - leaf.DocBase;
            foreach (var (name, terms) in new[] { (field, folded), (field + ExactSuffix, exact) })
            {
                foreach (var text in terms)
                {
                    var key = (leafIndex, name, text);
                    if (!opened.TryGetValue(key, out var positions) || (positions is not null && positions.DocID > local))
                        opened[key] = positions = Open(leaf.AtomicReader, name, text);
                    if (positions is null) continue;
                    if (positions.DocID < local && positions.Advance(local) == DocIdSetIterator.NO_MORE_DOCS)
                    {
                        opened[key] = null;
                        continue;
                    }
                    if (positions.DocID != local) continue;
                    for (var i = 0; i < positions.Freq; i++)
                    {
                        positions.NextPosition();
                        if (positions.StartOffset >= 0) found.Add((positions.StartOffset, positions.EndOffset, text));
                    }
                }
            }
            return found;
        }

        private static DocsAndPositionsEnum? Open(AtomicReader reader, string field, string text)
        {
            var termsEnum = reader.GetTerms(field)?.GetEnumerator();
            if (termsEnum is null || !termsEnum.SeekExact(new BytesRef(text))) return null;
            return termsEnum.DocsAndPositions(null, null, DocsAndPositionsFlags.OFFSETS);
        }
    }

    /// <summary>
    /// Finds records: every word must match (in any field), ranked by BM25; an empty query lists all, newest first.
    /// Throws <see cref="SearchQueryException"/> for a query that cannot be read.
    /// </summary>
    public SearchResults Search(string? query, int page, int size) => Search(new SearchOptions(query, page, size));

    public SearchResults Search(SearchOptions options)
    {
        var (query, page, size) = (options.Text, options.Page, options.Size);
        ArgumentOutOfRangeException.ThrowIfLessThan(page, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(size, 1);
        var window = page * size;
        if (window > MaxWindow) throw new SearchQueryException($"page {page} of size {size} lies beyond the first {MaxWindow} results; narrow the search");

        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var parsed = Parse(query);
        var (generation, searcher) = Acquire();
        try
        {
            var looked = parsed is null ? null : WithTermStates(parsed, searcher.IndexReader.Context);
            var main = Narrowed(looked, options);

            var sort = (options.Sort, parsed) switch
            {
                (SearchSort.Relevance, not null) or (SearchSort.Default, not null) => null,
                (SearchSort.DateAscending, _) => new Sort(new SortField("date_sort", InMemorySort.Instance, false), SortField.FIELD_SCORE),
                (SearchSort.Title, _) => new Sort(new SortField("title_sort", InMemorySort.Instance, false), SortField.FIELD_SCORE),
                _ => new Sort(new SortField("date_sort", InMemorySort.Instance, true), SortField.FIELD_SCORE),
            };
            // Hits are collected in document order: Lucene's faster-looking scorer for a word's alternatives (out of
            // order, in windows of 2,048 documents) allocates its window afresh for every segment of every search,
            // and its garbage cost more than the scoring saved.
            ICollector ranking = sort is null
                ? TopScoreDocCollector.Create(window, docsScoredInOrder: true)
                : TopFieldCollector.Create(sort, window, fillFields: false, trackDocScores: parsed is not null, trackMaxScore: false, docsScoredInOrder: true);
            // Facets are counted drill-sideways: a facet the reader has chosen values of is counted as if none were
            // chosen (with every other choice standing), so its other values stay in view to be added with OR.
            var chosen = options.Selected.Where(s => s.Value.Count > 0).Select(s => s.Key).ToHashSet(StringComparer.Ordinal);
            var counting = new Facets.CountingCollector(options.Brief ? [] : Facets.Names.Where(n => !chosen.Contains(n)).ToList());
            searcher.Search(main, MultiCollector.Wrap(ranking, counting));
            var top = ranking is TopScoreDocCollector byScore ? byScore.GetTopDocs() : ((TopFieldCollector)ranking).GetTopDocs();
            var facets = counting.Results(options.FacetValues, options.Selected);
            foreach (var facet in options.Brief ? [] : chosen)
            {
                var others = options with { Selected = options.Selected.Where(s => s.Key != facet).ToDictionary() };
                var count = new Facets.CountingCollector([facet]);
                searcher.Search(Narrowed(looked, others), count);
                facets[facet] = count.Results(options.FacetValues, options.Selected)[facet];
            }

            var (foldedTerms, exactTerms) = parsed is null ? ([], []) : Terms(parsed, searcher.IndexReader);
            var offsets = new HitOffsets(searcher.IndexReader, foldedTerms, exactTerms);
            var shown = top.ScoreDocs.Skip((page - 1) * size).Take(size).ToList();
            var hits = new SearchHit[shown.Count];
            // In document order, as HitOffsets reads them; listed in the ranking's.
            foreach (var (scored, rank) in shown.Select((d, rank) => (d, rank)).OrderBy(h => h.d.Doc))
            {
                var doc = searcher.Doc(scored.Doc);
                var summary = doc.Get("summary", CultureInfo.InvariantCulture);
                var transcript = options.Brief ? null : doc.Get("transcript", CultureInfo.InvariantCulture);
                var snippet = options.Brief ? null
                    : Snippets.Build(transcript, offsets.Of(scored.Doc, "transcript"))
                      ?? Snippets.Build(summary, offsets.Of(scored.Doc, "summary"))
                      ?? Snippets.Opening(transcript);
                hits[rank] = new SearchHit(
                    int.Parse(doc.Get("id", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture),
                    doc.Get("title", CultureInfo.InvariantCulture),
                    doc.Get("date", CultureInfo.InvariantCulture),
                    summary,
                    snippet,
                    parsed is null ? null : scored.Score);
            }
            return new SearchResults(top.TotalHits, page, size, hits, System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds)
            {
                // In the facets' own order, whichever were counted sideways.
                Facets = options.Brief ? new Dictionary<string, IReadOnlyList<FacetValue>>() : Facets.Names.ToDictionary(n => n, n => facets[n]),
            };
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// The numbers of every record a search matches, unranked and without a window (an export takes them all), in
    /// ascending order. Throws <see cref="SearchQueryException"/> for a query that cannot be read.
    /// </summary>
    public IReadOnlyList<int> MatchingIds(SearchOptions options)
    {
        var parsed = Parse(options.Text);
        var (generation, searcher) = Acquire();
        try
        {
            var looked = parsed is null ? null : WithTermStates(parsed, searcher.IndexReader.Context);
            var collector = new EveryDocument();
            searcher.Search(Narrowed(looked, options), collector);
            var ids = new List<int>(collector.Documents.Count);
            var fields = new HashSet<string> { "id" };
            foreach (var doc in collector.Documents)
                ids.Add(int.Parse(searcher.Doc(doc, fields).Get("id", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture));
            ids.Sort();
            return ids;
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// How many records a search matches in each year, or each month ("1962-10"), every one of them (not the
    /// facet's first values): what the search page draws as the records over time. Undated records are not counted.
    /// </summary>
    public IReadOnlyDictionary<string, int> Timeline(SearchOptions options, bool byMonth)
    {
        var parsed = Parse(options.Text);
        var (generation, searcher) = Acquire();
        try
        {
            var looked = parsed is null ? null : WithTermStates(parsed, searcher.IndexReader.Context);
            var facet = byMonth ? Facets.Month : "year";
            var counting = new Facets.CountingCollector([facet]);
            searcher.Search(Narrowed(looked, options), counting);
            return counting.Results(int.MaxValue)[facet].ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    /// <summary>
    /// Records of any state whose title, summary or transcripts hold one of some words (folded, stemmed, in any script,
    /// as search reads them): where an authority's names may stand, to read again for its mentions.
    /// </summary>
    public IReadOnlyList<int> RecordsWithWords(IEnumerable<string> words)
    {
        var terms = words.Select(w => QueryParser.Escape(w)).Where(w => w.Length > 0).Distinct(StringComparer.Ordinal).Take(BooleanQuery.MaxClauseCount / 8).ToList();
        if (terms.Count == 0) return [];
        var query = string.Join(" OR ", terms.SelectMany(t => new[] { "title:" + t, "summary:" + t, "transcript:" + t }));
        return MatchingIds(new SearchOptions(query) { IncludeUnpublished = true });
    }

    private sealed class EveryDocument : ICollector
    {
        private int docBase;
        public List<int> Documents { get; } = [];
        public bool AcceptsDocsOutOfOrder => true;
        public void SetScorer(Scorer scorer) { }
        public void SetNextReader(AtomicReaderContext context) => docBase = context.DocBase;
        public void Collect(int doc) => Documents.Add(docBase + doc);
    }

    /// <summary>The query (all records without one) narrowed to what the reader may see and by the facets and date range chosen.</summary>
    private static Query Narrowed(Query? parsed, SearchOptions options)
    {
        Query query = parsed ?? new MatchAllDocsQuery();
        // Every search passes here: hits, totals, facet counts and snippets are all of records a visitor may see.
        var narrowing = Narrowing(options);
        return options.IncludeUnpublished && narrowing is null
            ? query
            : new FilteredQuery(query, new NarrowingFilter(VisibilityField, Public, !options.IncludeUnpublished, narrowing), NarrowingFilter.RandomAccess);
    }

    /// <summary>The facets and the date range chosen, as one query that does not score.</summary>
    private static Query? Narrowing(SearchOptions options)
    {
        var all = new BooleanQuery();
        if (Facets.Filter(options.Selected) is { } facets) all.Add(facets, Occur.MUST);
        // ISO dates compare as strings; "1962-10" as an upper bound takes in every day of that month.
        if (options.From is not null || options.To is not null)
            all.Add(TermRangeQuery.NewStringRange("date_key", options.From, options.To is null ? null : options.To + "\uffff", true, true), Occur.MUST);
        return all.Clauses.Count == 0 ? null : all;
    }

    /// <summary>
    /// How a query's words read in a text, for marking them on a record's page: the markings to pass to
    /// <see cref="Snippets.MarkAll"/>. A query that cannot be read marks nothing.
    /// </summary>
    public IReadOnlyList<Snippets.Marking> Markings(string? query)
    {
        Query? parsed;
        try
        {
            parsed = Parse(query);
        }
        catch (SearchQueryException)
        {
            return [];
        }
        if (parsed is null) return [];
        var (generation, searcher) = Acquire();
        try
        {
            var (foldedTerms, exactTerms) = Terms(parsed, searcher.IndexReader);
            return [new Snippets.Marking(folded, foldedTerms), new Snippets.Marking(exact, exactTerms)];
        }
        finally
        {
            generation.Searchers.Release(searcher);
        }
    }

    private Query? Parse(string? query)
    {
        if (string.IsNullOrWhiteSpace(query)) return null;
        var parser = new ArchiveQueryParser(SearchFields, analyzer, Boosts)
        {
            DefaultOperator = Operator.AND,
            AllowLeadingWildcard = false,
        };
        try
        {
            return Flattened(parser.Parse(query));
        }
        catch (ParseException e)
        {
            throw new SearchQueryException("the query cannot be read: " + FirstLine(e.Message), e);
        }
        catch (BooleanQuery.TooManyClausesException e)
        {
            throw new SearchQueryException("the query expands to too many terms; make it more specific", e);
        }
        catch (ArgumentException e)
        {
            throw new SearchQueryException("the query cannot be read: " + FirstLine(e.Message), e);
        }
    }

    /// <summary>
    /// The same query with alternatives inside alternatives made one list: a word is looked for in every field,
    /// and in each field as written and as its stem, and Lucene scores each nested list with a scorer of its own
    /// (and a bucket table of 2,048 entries per segment), which made a common word's search allocate megabytes.
    /// Under BM25, where coordination is always 1, the flat list scores every record as the nested one (the same terms summed
    /// in another order, so at most the float's last digit differs).
    /// </summary>
    internal static Query Flattened(Query query)
    {
        if (query is not BooleanQuery boolean) return query;
        var flat = EmptyLike(boolean);
        var alternatives = IsAlternatives(boolean);
        foreach (var clause in boolean.Clauses)
        {
            var inner = Flattened(clause.Query);
            if (alternatives && inner is BooleanQuery nested && IsAlternatives(nested)
                && flat.Clauses.Count + nested.Clauses.Count + boolean.Clauses.Count <= BooleanQuery.MaxClauseCount)
            {
                foreach (var sub in nested.Clauses)
                {
                    var lifted = (Query)sub.Query.Clone();
                    lifted.Boost *= nested.Boost;
                    flat.Add(lifted, Occur.SHOULD);
                }
            }
            else
            {
                flat.Add(inner, clause.Occur);
            }
        }
        return flat;
    }

    // Where each word of a searcher's index stands in each segment, as found for an earlier search: a search looks
    // its words up in every field of every segment (a fifth of a common word's search, and much of its garbage),
    // and readers search the same words again and again. Kept per searcher, so an index that moves on starts afresh.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IndexReaderContext, System.Collections.Concurrent.ConcurrentDictionary<Term, TermContext>> TermStates = new();
    private const int TermStatesKept = 20_000;

    /// <summary>The query with each word's places in the searcher's segments looked up once per searcher, not per search.</summary>
    private static Query WithTermStates(Query query, IndexReaderContext top) => WithTermStates(query, top, TermStates.GetValue(top, _ => new()));

    private static Query WithTermStates(Query query, IndexReaderContext top, System.Collections.Concurrent.ConcurrentDictionary<Term, TermContext> states)
    {
        switch (query)
        {
            case TermQuery term:
                if (!states.TryGetValue(term.Term, out var found))
                {
                    found = TermContext.Build(top, term.Term);
                    if (states.Count < TermStatesKept) states.TryAdd(term.Term, found);
                }
                return new TermQuery(term.Term, found) { Boost = term.Boost };
            case BooleanQuery boolean:
                var looked = EmptyLike(boolean);
                foreach (var clause in boolean.Clauses) looked.Add(WithTermStates(clause.Query, top, states), clause.Occur);
                return looked;
            default:
                return query;
        }
    }

    /// <summary>A boolean query without clauses, with the same boost, coordination and minimum of alternatives.</summary>
    private static BooleanQuery EmptyLike(BooleanQuery query) =>
        new(query.CoordDisabled) { Boost = query.Boost, MinimumNumberShouldMatch = query.MinimumNumberShouldMatch };

    private static bool IsAlternatives(BooleanQuery query) =>
        query.MinimumNumberShouldMatch == 0 && query.Clauses.All(c => c.Occur == Occur.SHOULD);

    private static string FirstLine(string message) => message.Split('\n')[0].Trim();

    /// <summary>The words a query matched, those of the folded fields apart from those of the exact ones.</summary>
    private static (HashSet<string> Folded, HashSet<string> Exact) Terms(Query query, IndexReader reader)
    {
        var terms = new HashSet<Term>();
        try
        {
            query.Rewrite(reader).ExtractTerms(terms);
        }
        catch (NotSupportedException)
        {
            // Some rewritten queries cannot list their terms; the snippet then shows the text's opening.
        }
        return (terms.Where(t => !t.Field.EndsWith(ExactSuffix, StringComparison.Ordinal)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal),
                terms.Where(t => t.Field.EndsWith(ExactSuffix, StringComparison.Ordinal)).Select(t => t.Text).ToHashSet(StringComparer.Ordinal));
    }

    public void Dispose()
    {
        current.Dispose();
        ownership.Dispose();
        analyzer.Dispose();
        keys.Dispose();
        folded.Dispose();
        exact.Dispose();
    }

    /// <summary>
    /// The classic query language without regular expressions: <c>/.../</c> can take a server's core for minutes
    /// on a large index, and readers who type slashes mean text.
    /// </summary>
    private sealed class ArchiveQueryParser(string[] fields, Lucene.Net.Analysis.Analyzer analyzer, IDictionary<string, float> boosts)
        : MultiFieldQueryParser(ArchiveAnalyzer.Version, fields, analyzer, boosts)
    {
        protected override Query GetRegexpQuery(string field, string termStr) =>
            throw new ParseException("regular expressions (/.../) are not supported; put text with slashes in quotes");

        // A quoted phrase asks for the words as written: it goes to the exact fields, without stems or folding.
        protected override Query GetFieldQuery(string field, string queryText, bool quoted) =>
            quoted ? OnExactFields(field, f => base.GetFieldQuery(f, queryText, quoted)) : base.GetFieldQuery(field, queryText, quoted);

        protected override Query GetFieldQuery(string field, string queryText, int slop) =>
            OnExactFields(field, f => base.GetFieldQuery(f, queryText, slop));

        // A fuzzy word is not analyzed: it is folded here, so that "Khrushcheff~" is near "Khrushchev".
        protected override Query GetFuzzyQuery(string field, string termStr, float minSimilarity) =>
            base.GetFuzzyQuery(field, NameFolding.Fold(termStr), minSimilarity);

        // Wildcards and prefixes are not analyzed, so they are matched against the words as written.
        protected override Query GetPrefixQuery(string field, string termStr) =>
            OnExactFields(field, f => base.GetPrefixQuery(f, termStr));

        protected override Query GetWildcardQuery(string field, string termStr) =>
            OnExactFields(field, f => base.GetWildcardQuery(f, termStr));

        private Query OnExactFields(string? field, Func<string, Query?> build)
        {
            if (field is not null) return build(field.EndsWith(ExactSuffix, StringComparison.Ordinal) ? field : field + ExactSuffix)!;
            var any = new BooleanQuery(true);
            foreach (var f in m_fields)
            {
                var q = build(f + ExactSuffix);
                if (q is null) continue;
                q.Boost = m_boosts is not null && m_boosts.TryGetValue(f, out var boost) ? boost : 1f;
                any.Add(q, Occur.SHOULD);
            }
            return any.Clauses.Count == 0 ? null! : any;
        }
    }

    private sealed class SimilaritySearcherFactory(Similarity similarity) : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = similarity };
    }
}

public sealed record SearchHit(int Id, string Title, string? Date, string? Summary, string? Snippet, float? Score);

public sealed record SearchResults(int Total, int Page, int Size, IReadOnlyList<SearchHit> Hits, double TookMs)
{
    /// <summary>The values of each facet among all the hits, with counts.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; init; } = new Dictionary<string, IReadOnlyList<FacetValue>>();
}

public enum SearchSort
{
    /// <summary>Relevance with a query, newest first without one.</summary>
    Default,
    Relevance,
    DateAscending,
    DateDescending,
    Title,
}

/// <summary>What a search asks: the query, the facet values chosen, a date range, an order, a page.</summary>
public sealed record SearchOptions(string? Text, int Page = 1, int Size = 20)
{
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Selected { get; init; } = new Dictionary<string, IReadOnlyList<string>>();

    /// <summary>Drafts, records in review, embargoed and withdrawn records too: for the staff only.</summary>
    public bool IncludeUnpublished { get; init; }

    /// <summary>ISO 8601, possibly partial; inclusive.</summary>
    public string? From { get; init; }

    /// <summary>ISO 8601, possibly partial; inclusive (a month takes in all its days).</summary>
    public string? To { get; init; }

    public SearchSort Sort { get; init; } = SearchSort.Default;

    /// <summary>How many values of each facet to count out.</summary>
    public int FacetValues { get; init; } = 20;

    /// <summary>Hits with their titles and dates only: no facets counted, no snippets read (search as you type).</summary>
    public bool Brief { get; init; }
}

/// <summary>A query that cannot be read or answered; its message says why, for a 400 answer.</summary>
public sealed class SearchQueryException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Another process (a running server) holds the index.</summary>
public sealed class IndexBusyException(string path, Exception inner)
    : Exception($"the search index at {path} is in use by another Dossier process", inner);
