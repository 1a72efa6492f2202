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

    public static CitationLine? TryParse(string line)
    {
        var text = line.Trim();
        if (text.Length < 10 || text[0] is not ('"' or '“')) return null;

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
            string? repository = null;
            var rm = LeadingRepository().Match(rest);
            if (rm.Success)
            {
                repository = rm.Groups["repository"].Value.Trim();
                rest = rest[rm.Length..].TrimStart(',', ' ');
            }
            if (date is null && repository is null) continue;

            var (source, provenance) = Sources.Provenance.SplitFromSource(rest);
            return new CitationLine(text, title, date, repository, source, provenance);
        }
        return null;
    }

    [GeneratedRegex(@"^(?<date>(?:[A-Z][a-z]{2,8}\.?\s+[0-9]{1,2},\s+[0-9]{4})|(?:[0-9]{1,2}\s+[A-Z][a-z]{2,8}\.?\s+[0-9]{4})|(?:[A-Z][a-z]{2,8},?\s+[0-9]{4})|(?:[0-9]{4}(?:-[0-9]{2}(?:-[0-9]{2})?)?))(?=\s*(?:,|\.|$))")]
    private static partial Regex LeadingDate();

    // The publishing digital archive: a name with "Archive", "Library" or "Collection" that is not a reference.
    [GeneratedRegex(@"^(?<repository>[^,]*?\b(?:Digital Archive|Digital Library|Digital Collections?|Program Digital Archive)\b[^,]*)(?=,|\.|$)")]
    private static partial Regex LeadingRepository();
}
