using System.Text.RegularExpressions;
using Dossier.Citations;
using Dossier.Collections;
using Dossier.Languages;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Oai;

/// <summary>
/// The repository's sets (protocol 4.6): <c>collection</c> with a set per public collection (<c>collection:frus1918Russiav03</c>),
/// <c>type</c> with a set per kind of document (<c>type:memorandum-of-conversation</c>) and <c>language</c> with a set
/// per language (<c>language:ru</c>). A record in a set is in its parent too.
/// </summary>
public static partial class OaiSets
{
    public static bool IsValidSpec(string spec) => SpecPattern().IsMatch(spec);

    /// <summary>The sets of a published record, for its header.</summary>
    public static IEnumerable<string> Of(ArchivalRecord record, IEnumerable<string> collections)
    {
        foreach (var collection in collections) yield return "collection:" + collection;
        if (record.Type is { } type && RecordSlug.Of(type) is { Length: > 0 } slug) yield return "type:" + slug;
        foreach (var language in record.Languages.Distinct(StringComparer.Ordinal))
            if (IsValidSpec(language)) yield return "language:" + language;
    }

    public static async Task<IReadOnlyList<(string Spec, string Name, string? Description)>> ListAsync(IQueryable<ArchivalRecord> published, IQueryable<Collection> collections, CancellationToken cancellationToken)
    {
        var listed = await Public(collections).OrderBy(c => c.Position).ThenBy(c => c.Id).Select(c => new { c.Slug, c.Title, c.Description }).ToListAsync(cancellationToken);
        var types = await published.Where(r => r.Type != null).Select(r => r.Type!).Distinct().ToListAsync(cancellationToken);
        var languages = await published.Select(r => r.Languages).ToListAsync(cancellationToken);
        var sets = new List<(string, string, string?)> { ("collection", "Records by collection", null) };
        sets.AddRange(listed.Select(c => ("collection:" + c.Slug, c.Title, c.Description)));
        sets.Add(("type", "Records by type of document", null));
        sets.AddRange(types.GroupBy(RecordSlug.Of, StringComparer.Ordinal).Where(g => g.Key.Length > 0).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => ("type:" + g.Key, "Type: " + g.OrderBy(t => t, StringComparer.Ordinal).First(), (string?)null)));
        sets.Add(("language", "Records by language", null));
        sets.AddRange(languages.SelectMany(l => l).Distinct(StringComparer.Ordinal).Where(IsValidSpec).Order(StringComparer.Ordinal)
            .Select(code => ("language:" + code, "Language: " + LanguageNames.EnglishName(code), (string?)null)));
        return sets;
    }

    /// <summary>The records of a set; a setSpec the repository does not have matches nothing.</summary>
    public static async Task<IQueryable<ArchivalRecord>> FilterAsync(IQueryable<ArchivalRecord> records, string spec, IQueryable<ArchivalRecord> published, CancellationToken cancellationToken)
    {
        switch (spec.Split(':', 2))
        {
            case ["collection"]:
                return records.Where(r => r.Collections.Any(m => m.Collection.PublishedAt != null));
            case ["collection", var slug]:
                return records.Where(r => r.Collections.Any(m => m.Collection.Slug == slug && m.Collection.PublishedAt != null));
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

    /// <summary>The public collections of each of some records, by slug, for their headers.</summary>
    public static async Task<ILookup<int, string>> CollectionsOfAsync(IQueryable<CollectionMember> members, IReadOnlyList<int> recordIds, CancellationToken cancellationToken)
    {
        var found = await members.Where(m => recordIds.Contains(m.ArchivalRecordId) && m.Collection.PublishedAt != null)
            .OrderBy(m => m.Collection.Position).ThenBy(m => m.CollectionId)
            .Select(m => new { m.ArchivalRecordId, m.Collection.Slug }).ToListAsync(cancellationToken);
        return found.ToLookup(m => m.ArchivalRecordId, m => m.Slug);
    }

    private static IQueryable<Collection> Public(IQueryable<Collection> collections) => collections.Where(c => c.PublishedAt != null);

    // setSpec (OAI-PMH.xsd setSpecType): unreserved characters, ':' between levels.
    [GeneratedRegex(@"^[A-Za-z0-9\-_\.!~\*'\(\)]+(:[A-Za-z0-9\-_\.!~\*'\(\)]+)*$")]
    private static partial Regex SpecPattern();
}
