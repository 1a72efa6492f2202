using System.Net;
using System.Text;

namespace Dossier.Citations;

/// <summary>
/// A formatted citation: plain text with the runs a style sets in italics (an APA title, an MLA container), so that
/// the page can show and copy it as HTML and the API can give it as plain text.
/// </summary>
public sealed class CitationText
{
    private readonly List<(string Text, bool Italic)> runs = [];

    public CitationText Append(string text)
    {
        if (text.Length > 0) runs.Add((text, false));
        return this;
    }

    public CitationText AppendItalic(string text)
    {
        if (text.Length > 0) runs.Add((text, true));
        return this;
    }

    public bool IsEmpty => runs.Count == 0;

    /// <summary>The last character written, to decide the punctuation that follows it.</summary>
    public char? Last => runs.Count == 0 ? null : runs[^1].Text[^1];

    public override string ToString() => string.Concat(runs.Select(r => r.Text));

    public string ToHtml()
    {
        var html = new StringBuilder();
        foreach (var (text, italic) in runs)
        {
            if (italic) html.Append("<i>").Append(WebUtility.HtmlEncode(text)).Append("</i>");
            else html.Append(WebUtility.HtmlEncode(text));
        }
        return html.ToString();
    }
}

/// <summary>The punctuation rules every style shares: no doubled stops, no stray separators.</summary>
internal static class Punctuation
{
    /// <summary>Whether a text ends in a stop of its own ("U.S.", "Who Lost Cuba?"), which takes the place of the style's.</summary>
    public static bool EndsInStop(string text) => text.Length > 0 && text[^1] is '.' or '?' or '!';

    /// <summary>"Text." unless the text already ends in a stop (CMOS 6.118: a period is never doubled).</summary>
    public static string Sentence(string text) => EndsInStop(text) ? text : text + ".";

    /// <summary>
    /// A title set in double quotation marks: quotation marks inside it become single (CMOS 13.30, MLA 6.33), and the
    /// comma or period the style adds goes inside the closing mark unless the title ends in ? or ! (CMOS 6.119).
    /// </summary>
    public static string Quoted(string title, char? closing)
    {
        var inner = title.Replace('"', '\'').Replace('“', '‘').Replace('”', '’');
        if (closing is null || inner.Length > 0 && inner[^1] is '?' or '!') return "\u0022" + inner + "\u0022";
        if (closing == '.' && inner.EndsWith('.')) return "\u0022" + inner + "\u0022";
        return "\u0022" + inner + closing + "\u0022";
    }

    /// <summary>"A", "A and B", "A, B, and C" (the serial comma of Chicago and MLA); <paramref name="and"/> may be "&amp;" (APA).</summary>
    public static string List(IReadOnlyList<string> items, string and = "and") => items.Count switch
    {
        0 => "",
        1 => items[0],
        2 => $"{items[0]} {and} {items[1]}",
        _ => string.Join(", ", items.Take(items.Count - 1)) + $", {and} " + items[^1],
    };

    /// <summary>
    /// The authors as a note names them (CMOS 14.76): in natural order, up to three joined with "and", four or more as
    /// the first and "et al.". Empty when the record names none.
    /// </summary>
    public static string NoteAuthors(IReadOnlyList<PersonName> creators) =>
        creators.Count > 3 ? creators[0].Natural() + " et al." : List([.. creators.Select(c => c.Natural())]);

    /// <summary>Strips "https://" and "http://" (MLA 9, 5.93).</summary>
    public static string WithoutScheme(string url) =>
        url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) ? url[8..]
        : url.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? url[7..] : url;
}
