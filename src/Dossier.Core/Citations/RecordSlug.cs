using System.Text;
using AnyAscii;

namespace Dossier.Citations;

/// <summary>
/// The words of a record's title in its address (<c>/documents/42/record-of-conversation-with-fidel-castro</c>): for
/// people reading a link, never for finding the record, which its number alone does. Non-Latin titles are
/// transliterated, so that a link stays readable in any mail program.
/// </summary>
public static class RecordSlug
{
    public const int MaxLength = 80;

    public static string Of(string title)
    {
        var ascii = title.Transliterate();
        var slug = new StringBuilder(Math.Min(ascii.Length, MaxLength + 20));
        foreach (var c in ascii)
        {
            if (char.IsAsciiLetterOrDigit(c)) slug.Append(char.ToLowerInvariant(c));
            // Apostrophes join ("Khrushchev's" → "khrushchevs"); anything else separates words.
            else if (c is '\'' or '’') continue;
            else if (slug.Length > 0 && slug[^1] != '-') slug.Append('-');
        }
        var text = slug.ToString().TrimEnd('-');
        if (text.Length <= MaxLength) return text;
        // Cut at a word's end.
        var cut = text.LastIndexOf('-', MaxLength);
        return cut > 0 ? text[..cut] : text[..MaxLength];
    }
}
