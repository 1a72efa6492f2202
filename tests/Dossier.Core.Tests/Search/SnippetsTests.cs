using Dossier.Search;

namespace Dossier.Core.Tests.Search;

public class SnippetsTests
{
    private static readonly ArchiveAnalyzer Analyzer = new();

    // The query's words as the index holds them: read by the same analyzer.
    private static string? Build(string text, params string[] words) =>
        Snippets.Build(Analyzer, "transcript", text, words.SelectMany(Analyze).ToHashSet(StringComparer.Ordinal));

    private static IEnumerable<string> Analyze(string word)
    {
        using var stream = Analyzer.GetTokenStream("transcript", new StringReader(word));
        var term = stream.AddAttribute<Lucene.Net.Analysis.TokenAttributes.ICharTermAttribute>();
        stream.Reset();
        var terms = new List<string>();
        while (stream.IncrementToken()) terms.Add(term.ToString());
        stream.End();
        return terms;
    }

    [Fact]
    public void The_snippet_holds_every_word_of_the_best_passage()
    {
        var filler = string.Join(' ', Enumerable.Repeat("lorem", 30));
        var text = $"{filler} alpha {filler} beta {filler} {filler} {filler}";
        var snippet = Build(text, "alpha", "beta")!;
        Assert.Contains("<mark>alpha</mark>", snippet);
        Assert.Contains("<mark>beta</mark>", snippet);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
    }

    [Fact]
    public void Text_is_encoded_and_only_marks_are_html()
    {
        var snippet = Build("<script>alert(1)</script> & Castro said \"no\"", "castro")!;
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; &amp; <mark>Castro</mark> said &quot;no&quot;", snippet);
    }

    [Fact]
    public void Folded_matches_are_marked_as_written()
    {
        Assert.Contains("<mark>Jeleń</mark>", Build("Talks with Jeleń in Warsaw", "jelen"));
    }

    [Fact]
    public void Text_without_spaces_gives_a_short_snippet()
    {
        var text = string.Concat(Enumerable.Repeat("多尔蒂科斯当着我的面认真地阅读了这封信", 500)) + " 毛泽东 " + string.Concat(Enumerable.Repeat("并表示他认为这封信是明智的", 500));
        var snippet = Build(text, "毛", "泽", "东");
        Assert.NotNull(snippet);
        Assert.True(snippet.Length < 400, $"snippet of {snippet.Length} characters");
        Assert.Contains("<mark>", snippet);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = string.Concat(Enumerable.Repeat("𠀀", 200)) + " match " + string.Concat(Enumerable.Repeat("𠀀", 200));
        var snippet = Build(text, "match")!;
        foreach (var (c, i) in snippet.Select((c, i) => (c, i)))
        {
            if (char.IsHighSurrogate(c)) Assert.True(i + 1 < snippet.Length && char.IsLowSurrogate(snippet[i + 1]));
            if (char.IsLowSurrogate(c)) Assert.True(i > 0 && char.IsHighSurrogate(snippet[i - 1]));
        }
    }

    [Fact]
    public void No_match_gives_no_snippet() => Assert.Null(Build("Nothing here", "castro"));
}
