using Dossier.Search;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.QueryParsers.Classic;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using Lucene.Net.Store;

namespace Dossier.Core.Tests.Search;

/// <summary>
/// A word looked for in several fields, as written and as its stem, is one flat list of alternatives to Lucene
/// (see <see cref="RecordIndex.Flattened"/>): it must find the same records with exactly the same scores as the
/// nested query the parser gives (summed in another order, they differ at most in the float's last digit).
/// </summary>
public class QueryFlatteningTests
{
    private static readonly string[] Fields = ["title", "summary", "transcript"];

    [Theory]
    [InlineData("meeting")]
    [InlineData("meetings embassy")]
    [InlineData("meeting OR embassies")]
    [InlineData("embassy -nothing")]
    [InlineData("(meeting OR governments) AND minister")]
    [InlineData("\"the meeting\" OR ministers")]
    public void The_flat_query_scores_every_record_as_the_nested_one(string text)
    {
        using var directory = new RAMDirectory();
        using var analyzer = new ArchiveAnalyzer();
        var similarity = new BM25Similarity();
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArchiveAnalyzer.Version, analyzer) { Similarity = similarity }))
        {
            string[] texts =
            [
                "The meeting at the embassy", "Meetings of the ministers", "A minister met the government",
                "The embassy meets", "Governments and their ministers meeting", "Nothing of note",
            ];
            for (var i = 0; i < texts.Length; i++)
            {
                writer.AddDocument(new Document
                {
                    new TextField("title", texts[i], Field.Store.NO),
                    new TextField("summary", texts[(i + 1) % texts.Length], Field.Store.NO),
                    new TextField("transcript", string.Join(' ', Enumerable.Repeat(texts[(i + 2) % texts.Length], i + 1)), Field.Store.NO),
                });
            }
        }
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader) { Similarity = similarity };
        var boosts = new Dictionary<string, float> { ["title"] = 4f, ["summary"] = 2f, ["transcript"] = 1f };
        var nested = new MultiFieldQueryParser(ArchiveAnalyzer.Version, Fields, analyzer, boosts) { DefaultOperator = Operator.AND }.Parse(text);

        var flat = RecordIndex.Flattened(nested);

        Assert.NotEqual(nested.ToString(), flat.ToString());
        var expected = searcher.Search(nested, 10).ScoreDocs;
        var actual = searcher.Search(flat, 10).ScoreDocs;
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(d => d.Doc), actual.Select(d => d.Doc));
        // The same terms summed in another order: equal but for the float rounding of the last digit.
        foreach (var (e, a) in expected.Zip(actual)) Assert.Equal(e.Score, a.Score, tolerance: e.Score * 1e-6);
    }
}
