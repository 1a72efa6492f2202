using System.Text.RegularExpressions;

namespace Dossier.Sources;

/// <summary>
/// The provenance sentence that follows a source in the archive's citations
/// ("Obtained by James G. Hershberg and translated by Gary Goldberg.", "Translated for CWIHP by Gary Goldberg.")
/// and the people it names.
/// </summary>
public static partial class Provenance
{
    /// <summary>Splits "AVP RF, f. 0104, ... l. 72. Obtained by ... Goldberg." into the reference and the provenance.</summary>
    public static (string? Source, string? Provenance) SplitFromSource(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return (null, null);
        var t = Collapse(text);
        var m = ProvenanceStart().Match(t);
        if (!m.Success) return (Clean(t) is { } whole && !NoReference().IsMatch(whole) ? whole : null, null);
        var source = Clean(t[..m.Index]);
        // "Original Archive" is what the newer pages print where the reference should be: no reference.
        if (source is not null && NoReference().IsMatch(source)) source = null;
        var provenance = Clean(t[m.Index..]);
        return (source, provenance);
    }

    public static (IReadOnlyList<string> ObtainedBy, IReadOnlyList<string> Translators) People(string? provenance)
    {
        var obtained = new List<string>();
        var translators = new List<string>();
        // A provenance is a sentence or two; the names are read from its first thousand characters.
        if (string.IsNullOrWhiteSpace(provenance)) return (obtained, translators);
        if (provenance.Length > 1000) provenance = provenance[..1000];

        var clauses = Clause().Matches(Collapse(provenance));
        foreach (Match clause in clauses)
        {
            var verbs = clause.Groups["verbs"].Value.ToLowerInvariant();
            var names = SplitNames(clause.Groups["names"].Value);
            if (verbs.Contains("obtain", StringComparison.Ordinal)) AddDistinct(obtained, names);
            if (verbs.Contains("translat", StringComparison.Ordinal)) AddDistinct(translators, names);
        }
        return (obtained, translators);
    }

    private static void AddDistinct(List<string> list, IEnumerable<string> names)
    {
        foreach (var n in names)
            if (!list.Contains(n, StringComparer.Ordinal)) list.Add(n);
    }

    private static IEnumerable<string> SplitNames(string names) =>
        NameSeparator().Split(names)
            .Select(n => TrailingPeriod().Replace(n.Trim(), ""))
            .Select(n => n.Trim())
            .Where(n => n.Length > 0 && char.IsLetter(n[0]));

    private static string Collapse(string text) => Whitespace().Replace(text, " ").Trim();

    private static string? Clean(string text)
    {
        var t = text.Trim().TrimEnd('.', ',', ';').Trim();
        return t.Length == 0 ? null : t;
    }

    // The provenance begins with a sentence that says how the document came to the archive.
    // After a full stop or a semicolon any of these; after a comma only the ones no archive's name begins with
    // ("AVP RF, copy courtesy of NSA", "Russian Foreign Ministry archives, obtained and translated by NHK").
    [GeneratedRegex(@"(?:(?<=^)|(?<=[.;]\s?))\s*(?:Document\s+)?(?:Obtained|Translated|Translation|Contributed|Donated|Provided|Courtesy|Transcribed|Edited|Reproduced|Reprinted|Original(?:ly)?\s+(?:document\s+)?(?:obtained|published)|(?:A\s+)?cop(?:y|ies)\s+(?:obtained|provided|courtesy|received|made)|Published\s+in)\b|(?<=,\s)(?:(?:obtained|translated)(?:\s+and\s+translated)?\s+(?:by|for)|translation\s+by|cop(?:y|ies)\s+(?:obtained|provided|courtesy))\b", RegexOptions.IgnoreCase)]
    private static partial Regex ProvenanceStart();

    // "obtained and translated for CWIHP by A, B and C" up to the next verb clause or the end of the sentence.
    [GeneratedRegex(@"(?<verbs>(?:obtained|translated|translation|contributed|donated|provided|transcribed|edited)(?:\s*(?:,|and|&)\s*(?:obtained|translated|contributed|donated|provided|transcribed|edited))*)(?:\s+(?:for|from|into)\s+[^.;]*?)?\s+by\s+(?<names>.+?)(?=\s*,?\s+and\s+(?:was\s+|were\s+)?(?:obtained|translated|contributed|donated|provided|transcribed|edited)\b|\s*;|(?<=\p{Ll}{2})\.(?:\s|$)|$)", RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    [GeneratedRegex(@"\s*,\s*and\s+|\s*,\s*|\s+and\s+|\s*&\s*")]
    private static partial Regex NameSeparator();

    // "Goldberg." loses its period; an initial ("J.") keeps it.
    [GeneratedRegex(@"(?<=\p{Ll}{2})\.$")]
    private static partial Regex TrailingPeriod();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"^(?:Original Archive|Source|Sources|n/a|none|unknown)$", RegexOptions.IgnoreCase)]
    private static partial Regex NoReference();
}
