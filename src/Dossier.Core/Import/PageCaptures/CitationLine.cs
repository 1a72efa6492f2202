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
        return text.Length >= 10 && text[0] is '"' or '“' ? Parse(text, 0) : null;
    }

    /// <summary>
    /// A citation anywhere in a line: pages sometimes glue it to the summary before it
    /// (<c>... economic plan."Central Committee ...," May 21, 1962, History and ...</c>); the words before it come back too.
    /// </summary>
    public static (CitationLine Citation, string Before)? Find(string line)
    {
        var text = line.Trim();
        // Every citation names the publishing archive; a line without it is read no further.
        if (!RepositoryName().IsMatch(text)) return null;
        for (var i = 0; i < text.Length - 10; i++)
        {
            if (text[i] is not ('"' or '“')) continue;
            // A citation opens the line or follows the end of a sentence.
            var j = i - 1;
            while (j >= 0 && text[j] == ' ') j--;
            if (j >= 0 && text[j] is not ('.' or '?' or '!' or ')' or ']' or '”' or '"')) continue;
            if (Parse(text, i) is { } citation) return (citation, text[..(j + 1)]);
        }
        return null;
    }

    // A title is a line's worth, not a page's: a quote opening more than this before the archive's name opens none.
    private const int MaxTitle = 1500;

    /// <summary>
    /// The citation opening at <paramref name="open"/>: its title ends at the closing quote after which only a date
    /// stands before the archive's name; titles carry commas and quotes of their own, so each closing quote before the
    /// name is tried in turn. Only the short stretch between a quote and the name is read again for each.
    /// </summary>
    private static CitationLine? Parse(string text, int open)
    {
        foreach (Match repositoryName in RepositoryName().Matches(text, open))
        {
            if (repositoryName.Index - open > MaxTitle) return null;
            // The repository is the whole part of the citation its name stands in ("History and Public Policy Program
            // Digital Archive"), up to the next comma or full stop.
            var segmentStart = text.LastIndexOfAny([',', '"', '”'], repositoryName.Index) + 1;
            var segmentEnd = text.IndexOfAny([',', '.'], repositoryName.Index + repositoryName.Length);
            if (segmentEnd < 0) segmentEnd = text.Length;
            for (var close = open + 1; close < segmentStart; close++)
            {
                if (text[close] is not ('"' or '”')) continue;
                var between = text.AsSpan(close + 1, segmentStart - close - 1);
                if (between.Length > 60) continue;
                var dm = DateBetween().Match(between.ToString());
                if (!dm.Success) continue;
                var title = text[(open + 1)..close].Trim().TrimEnd(',').Trim();
                if (title.Length == 0) continue;
                PartialDate? date = dm.Groups["date"].Success && PartialDate.TryParseWritten(dm.Groups["date"].Value, out var d) ? d : null;
                var repository = text[segmentStart..segmentEnd].Trim();
                // The page's own address ends the citation; the Record ID is read from it elsewhere.
                var rest = PageAddress().Replace(text[segmentEnd..].TrimStart(',', ' '), "").Trim();
                var (source, provenance) = Sources.Provenance.SplitFromSource(rest);
                return new CitationLine(text[open..], title, date, repository, source, provenance);
            }
        }
        return null;
    }

    [GeneratedRegex(@"\s*https?://\S+\s*$")]
    private static partial Regex PageAddress();

    // Between the title's closing quote and the archive's name: commas, spaces and perhaps the date.
    [GeneratedRegex(@"^[,\s]*(?:(?<date>(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2},\s+[0-9]{4})|(?:[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?\s+[0-9]{4})|(?:[A-Z][a-z]{2,8}\.?,?\s+[0-9]{4})|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?))[,.\s]*)?$")]
    private static partial Regex DateBetween();

    // The publishing digital archive names itself so; a reference does not.
    [GeneratedRegex(@"\bDigital (?:Archive|Library|Collections?)\b")]
    private static partial Regex RepositoryName();
}
