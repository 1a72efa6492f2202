using System.Text;
using System.Text.Encodings.Web;
using System.Text.RegularExpressions;
using System.Text.Unicode;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace Dossier.Search;

/// <summary>
/// Builds the snippet shown under a hit: the passage of the text with the most distinct matched words, HTML-encoded,
/// the matched words in <c>&lt;mark&gt;</c>. Written here because Lucene.NET's highlighter is not available;
/// it reads the text with the index's own analyzer, so stemmed and folded matches are marked too.
/// </summary>
public static partial class Snippets
{
    /// <summary>The words a query matched, as one analyzer reads them.</summary>
    public sealed record Marking(Analyzer Analyzer, IReadOnlySet<string> Terms);

    public static string? Build(Analyzer analyzer, string field, string? text, IReadOnlySet<string> terms, int length = 240) =>
        Build([new Marking(analyzer, terms)], text, length, field);

    public static string? Build(IReadOnlyList<Marking> markings, string? text, int length = 240, string field = "text")
    {
        if (string.IsNullOrEmpty(text)) return null;
        return Build(text, Find(markings, text, field), length);
    }

    private static List<(int Start, int End, string Term)> Find(IReadOnlyList<Marking> markings, string text, string field = "text")
    {
        var found = new List<(int Start, int End, string Term)>();
        foreach (var (analyzer, terms) in markings)
        {
            if (terms.Count == 0) continue;
            using var stream = analyzer.GetTokenStream(field, new StringReader(text));
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                var t = term.ToString();
                if (terms.Contains(t)) found.Add((offset.StartOffset, offset.EndOffset, t));
            }
            stream.End();
        }
        return found;
    }

    /// <summary>A snippet from the places of the matched words (start and end offsets in the text).</summary>
    public static string? Build(string? text, IReadOnlyList<(int Start, int End, string Term)> found, int length = 240)
    {
        if (string.IsNullOrEmpty(text) || found.Count == 0) return null;
        // A word matched as written and as its stem is one mark.
        var matches = found.Where(m => m.End <= text.Length && m.Start < m.End).DistinctBy(m => m.Start).OrderBy(m => m.Start).ToList();
        if (matches.Count == 0) return null;

        // The window of the given length that holds the most distinct matched words.
        int bestStart = matches[0].Start, bestEnd = matches[0].End, bestScore = -1;
        for (var i = 0; i < matches.Count; i++)
        {
            var distinct = new HashSet<string>(StringComparer.Ordinal);
            var end = matches[i].End;
            for (var j = i; j < matches.Count && matches[j].End - matches[i].Start <= length; j++)
            {
                distinct.Add(matches[j].Term);
                end = matches[j].End;
            }
            if (distinct.Count > bestScore)
            {
                bestScore = distinct.Count;
                bestStart = matches[i].Start;
                bestEnd = end;
            }
        }
        // Some context before the first match, and at least the whole window after it.
        var start = WordStart(text, Math.Max(0, bestStart - (length / 4)));
        var stop = WordEnd(text, Math.Min(text.Length, Math.Max(bestEnd, start + length)));

        var sb = new StringBuilder();
        if (start > 0) sb.Append('…');
        var cursor = start;
        foreach (var (s, e, _) in matches)
        {
            if (s < cursor || e > stop) continue;
            sb.Append(Encode(text[cursor..s])).Append("<mark>").Append(Encode(text[s..e])).Append("</mark>");
            cursor = e;
        }
        sb.Append(Encode(text[cursor..stop]));
        if (stop < text.Length) sb.Append('…');
        return sb.ToString();
    }

    /// <summary>The whole text, HTML-encoded, with every matched word in <c>&lt;mark&gt;</c>.</summary>
    public static string MarkAll(IReadOnlyList<Marking> markings, string text)
    {
        var found = Find(markings, text);
        var sb = new StringBuilder(text.Length + 64);
        var cursor = 0;
        foreach (var (s, e, _) in found.DistinctBy(m => m.Start).OrderBy(m => m.Start))
        {
            if (s < cursor) continue;
            sb.Append(Encoder.Encode(text[cursor..s])).Append("<mark>").Append(Encoder.Encode(text[s..e])).Append("</mark>");
            cursor = e;
        }
        return sb.Append(Encoder.Encode(text[cursor..])).ToString();
    }

    /// <summary>The opening of a text, encoded, for hits whose text holds none of the words (a match in the title).</summary>
    public static string? Opening(string? text, int length = 240)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var end = WordEnd(text, Math.Min(text.Length, length));
        return Encode(text[..end]) + (end < text.Length ? "…" : "");
    }

    // Every script stays readable in the snippet; only HTML's own characters are escaped.
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    private static string Encode(string text) => Encoder.Encode(Collapse(text));

    // Paragraph breaks and runs of spaces become one space: a snippet is one line of text.
    private static string Collapse(string text) => Whitespace().Replace(text, " ");

    // Cuts fall between words where there are spaces near; text without spaces (Chinese, Japanese) is cut where
    // it must, never inside a surrogate pair.
    private const int MaxWordWalk = 20;

    private static int WordStart(string text, int index)
    {
        var limit = Math.Max(0, index - MaxWordWalk);
        var i = index;
        while (i > limit && !char.IsWhiteSpace(text[i - 1])) i--;
        if (i > 0 && !char.IsWhiteSpace(text[i - 1])) i = index;
        if (i > 0 && i < text.Length && char.IsLowSurrogate(text[i])) i--;
        return i;
    }

    private static int WordEnd(string text, int index)
    {
        var limit = Math.Min(text.Length, index + MaxWordWalk);
        var i = index;
        while (i < limit && !char.IsWhiteSpace(text[i])) i++;
        if (i < text.Length && !char.IsWhiteSpace(text[i])) i = index;
        if (i > 0 && i < text.Length && char.IsLowSurrogate(text[i])) i++;
        return i;
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
