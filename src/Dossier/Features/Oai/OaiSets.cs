using System.Text.RegularExpressions;
using Dossier.Citations;
using Dossier.Languages;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Oai;

/// <summary>
/// The repository's sets (protocol 4.6): <c>type</c> with a set per kind of document (<c>type:memorandum-of-conversation</c>)
/// and <c>language</c> with a set per language (<c>language:ru</c>). A record in a set is in its parent too.
/// </summary>
public static partial class OaiSets
{
    public static bool IsValidSpec(string spec) => SpecPattern().IsMatch(spec);

    /// <summary>The sets of a published record, for its header.</summary>
    public static IEnumerable<string> Of(ArchivalRecord record)
    {
        if (record.Type is { } type && RecordSlug.Of(type) is { Length: > 0 } slug) yield return "type:" + slug;
        foreach (var language in record.Languages.Distinct(StringComparer.Ordinal))
            if (IsValidSpec(language)) yield return "language:" + language;
    }

    public static async Task<IReadOnlyList<(string Spec, string Name)>> ListAsync(IQueryable<ArchivalRecord> published, CancellationToken cancellationToken)
    {
        var types = await published.Where(r => r.Type != null).Select(r => r.Type!).Distinct().ToListAsync(cancellationToken);
        var languages = await published.Select(r => r.Languages).ToListAsync(cancellationToken);
        var sets = new List<(string, string)> { ("type", "Records by type of document") };
        sets.AddRange(types.GroupBy(RecordSlug.Of, StringComparer.Ordinal).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ("type:" + g.Key, "Type: " + g.OrderBy(t => t, StringComparer.Ordinal).First())));
        sets.Add(("language", "Records by language"));
        sets.AddRange(languages.SelectMany(l => l).Distinct(StringComparer.Ordinal).Where(IsValidSpec).Order(StringComparer.Ordinal)
            .Select(code => ("language:" + code, "Language: " + LanguageNames.EnglishName(code))));
        return sets;
    }

    /// <summary>The records of a set; a setSpec the repository does not have matches nothing.</summary>
    public static async Task<IQueryable<ArchivalRecord>> FilterAsync(IQueryable<ArchivalRecord> records, string spec, IQueryable<ArchivalRecord> published, CancellationToken cancellationToken)
    {
        switch (spec.Split(':', 2))
        {
            case ["type"]:
                return records.Where(r => r.Type != null);
            case ["type", var slug]:
                // Types are free text: the set names every spelling whose slug it is.
                var types = await published.Where(r => r.Type != null).Select(r => r.Type!).Distinct().ToListAsync(cancellationToken);
                var matching = types.Where(t => RecordSlug.Of(t) == slug).ToList();
                return records.Where(r => r.Type != null && matching.Contains(r.Type));
            case ["language"]:
                return records.Where(r => r.Languages.Count > 0);
            case ["language", var code]:
                return records.Where(r => r.Languages.Contains(code));
            default:
                return records.Where(r => false);
        }
    }

    // setSpec (OAI-PMH.xsd setSpecType): unreserved characters, ':' between levels.
    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*$")]
    private static partial Regex SpecPattern();
}
