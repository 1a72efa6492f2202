using System.Text.RegularExpressions;
using Dossier.Citations;
using Dossier.Records;

namespace Dossier.Collections;

/// <summary>
/// Records an editor has grouped and put in order: a documentary edition's volume, an exhibition, a donor's gift.
/// A collection is seen by visitors once an editor makes it public (<see cref="PublishedAt"/>); until then it is the
/// staff's work in progress, and no page, set, feed or search of visitors knows it. A visitor sees only the published
/// records of a public collection.
/// </summary>
public sealed partial class Collection
{
    public const int MaxSlugLength = 64;

    public int Id { get; set; }

    /// <summary>
    /// The collection's name in addresses and OAI-PMH set specs (<c>/collections/frus1918Russiav03</c>,
    /// <c>collection:frus1918Russiav03</c>): chosen when the collection is made and never changed after, so that links
    /// and harvesters' sets keep working.
    /// </summary>
    public string Slug { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>What the collection holds and why; paragraphs are separated by a blank line.</summary>
    public string? Description { get; set; }

    /// <summary>Where the collection stands in the list of collections: the smallest first.</summary>
    public int Position { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>When an editor made the collection public; none while it is the staff's alone.</summary>
    public DateTime? PublishedAt { get; set; }

    public List<CollectionMember> Members { get; set; } = [];

    public bool IsPublic => PublishedAt is not null;

    /// <summary>Letters, digits, '-', '_' and '.': safe in a URL's path and in an OAI-PMH setSpec.</summary>
    public static bool IsValidSlug(string slug) => slug.Length <= MaxSlugLength && SlugPattern().IsMatch(slug);

    /// <summary>A slug made of a title's words ("Foreign Relations, 1918" → "foreign-relations-1918").</summary>
    public static string SlugOf(string title)
    {
        var slug = RecordSlug.Of(title);
        if (slug.Length > MaxSlugLength) slug = slug[..MaxSlugLength].TrimEnd('-');
        return slug.Length == 0 ? "collection" : slug;
    }

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-_\.]*$")]
    private static partial Regex SlugPattern();
}

/// <summary>A record's place in a collection. A record may be in several collections, once in each.</summary>
public sealed class CollectionMember
{
    public int CollectionId { get; set; }
    public int ArchivalRecordId { get; set; }

    /// <summary>The record's place in the collection's order: the smallest first.</summary>
    public int Position { get; set; }

    public Collection Collection { get; set; } = null!;
    public ArchivalRecord? Record { get; set; }
}
