using System.Text.RegularExpressions;
using Dossier.Records;

namespace Dossier.Import.PageCaptures;

/// <summary>
/// The archive's citation line and its parts:
/// <c>"Title," Date, Repository, Source. Provenance.</c>
/// </summary>
public sealed partial record CitationLine(string Text, string Title, PartialDate? Date, string? Repository, string? SourceText, string? Provenance)
{
    public static bool LooksLikeCitation(string line) => TryParse(line) is not null;

    /// <summary>A line that is a citation, from its first character.</summary>
    public static CitationLine? TryParse(string line)
    {
        var text = line.Trim();
        return text.Length >= 10 && text[0] is '"' or '“' ? ParseAt(text) : null;
    }

    /// <summary>
    /// A citation anywhere in a line: pages sometimes glue it to the summary before it
    /// (<c>... economic plan."Central Committee ...," May 21, 1962, History and ...</c>); the words before it come back too.
    /// </summary>
    public static (CitationLine Citation, string Before)? Find(string line)
    {
        var text = line.Trim();
        for (var i = 0; i < text.Length - 10; i++)
        {
            if (text[i] is not ('"' or '“')) continue;
            // A citation opens the line or follows the end of a sentence.
            var before = text[..i].TrimEnd();
            if (before.Length > 0 && before[^1] is not ('.' or '?' or '!' or ')' or ']' or '”' or '"')) continue;
            if (ParseAt(text[i..]) is { } citation) return (citation, before);
        }
        return null;
    }

    private static CitationLine? ParseAt(string text)
    {
        // The title ends at the closing quote after which a date or the repository follows; titles carry
        // commas and quotes of their own, so each closing quote is tried in turn.
        for (var close = 1; close < text.Length; close++)
        {
            if (text[close] is not ('"' or '”')) continue;
            var rest = text[(close + 1)..].TrimStart(',', ' ');
            var title = text[1..close].Trim().TrimEnd(',').Trim();
            if (title.Length == 0) continue;

            PartialDate? date = null;
            var dm = LeadingDate().Match(rest);
            if (dm.Success && PartialDate.TryParseWritten(dm.Groups["date"].Value, out var d))
            {
                date = d;
                rest = rest[dm.Length..].TrimStart(',', ' ');
            }
            // The publishing archive names itself in every citation it prints: a quotation in a document
            // ("“13” June 1956", "“We have a resolution ...,” R. Kennedy replied") is no citation.
            var rm = LeadingRepository().Match(rest);
            if (!rm.Success) continue;
            var repository = rm.Groups["repository"].Value.Trim();
            rest = rest[rm.Length..].TrimStart(',', ' ');
            // The page's own address ends the citation; the Record ID is read from it elsewhere.
            rest = PageAddress().Replace(rest, "").Trim();

            var (source, provenance) = Sources.Provenance.SplitFromSource(rest);
            return new CitationLine(text, title, date, repository, source, provenance);
        }
        return null;
    }

    [GeneratedRegex(@"\s*https?://\S+\s*$")]
    private static partial Regex PageAddress();

    [GeneratedRegex(@"^(?<date>(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2},\s+[0-9]{4})|(?:[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?\s+[0-9]{4})|(?:[A-Z][a-z]{2,8}\.?,?\s+[0-9]{4})|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?))(?=\s*(?:,|\.|$))")]
    private static partial Regex LeadingDate();

    // The publishing digital archive: a name with "Archive", "Library" or "Collection" that is not a reference.
    [GeneratedRegex(@"^(?<repository>[^,]*?\b(?:Digital Archive|Digital Library|Digital Collections?|Program Digital Archive)\b[^,]*)(?=,|\.|$)")]
    private static partial Regex LeadingRepository();
}
