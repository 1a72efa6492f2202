using Dossier.Collections;
using Dossier.Data;
using Dossier.Features.Documents;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Collections;

/// <summary>
/// Public collections as programs read them: <c>/api/collections</c> lists them, <c>/api/collections/{slug}</c> gives
/// one with its published records in the collection's order, a page at a time.
/// </summary>
public static class CollectionsApi
{
    public const int MaxPageSize = 500;

    public static IEndpointRouteBuilder MapCollectionsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/collections", ListAsync);
        app.MapGet("/api/collections/{slug}", GetAsync);
        return app;
    }

    public static async Task<Ok<CollectionList>> ListAsync(DossierDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var site = DocumentsApi.SiteUrl(http.Request);
        var collections = await PublicCollections.ListAsync(db, cancellationToken);
        return TypedResults.Ok(new CollectionList([.. collections.Select(c => Summary(site, c))]));
    }

    public static async Task<Results<Ok<CollectionPage>, ProblemHttpResult, ValidationProblem>> GetAsync(
        string slug, int? page, int? size, DossierDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1) errors["page"] = ["page is a whole number from 1"];
        if (size is < 1 or > MaxPageSize) errors["size"] = [$"size is a whole number from 1 to {MaxPageSize}"];
        else if ((long)((page ?? 1) - 1) * (size ?? 100) > int.MaxValue) errors["page"] = ["page is past any collection's end"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var collection = await PublicCollections.FindAsync(db, slug, cancellationToken);
        if (collection is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Collection not found", detail: $"The archive has no public collection '{slug}'.");
        var (number, perPage) = (page ?? 1, size ?? 100);
        var records = await PublicCollections.RecordsAsync(db, collection.Id, number, perPage, cancellationToken);
        var site = DocumentsApi.SiteUrl(http.Request);
        return TypedResults.Ok(new CollectionPage(
            Summary(site, collection), number, perPage,
            [.. records.Select(r => new CollectionRecord(r.Id, r.Title, r.Date, DocumentsApi.RecordUrl(http.Request, r.Id)))]));
    }

    private static CollectionSummary Summary(string site, PublicCollections.Listed c) => new(
        c.Slug, c.Title, c.Description, c.Records, $"{site}/collections/{c.Slug}", $"{site}/feeds/collections/{c.Slug}.atom", "collection:" + c.Slug);
}

public sealed record CollectionList(IReadOnlyList<CollectionSummary> Collections);

/// <summary>A public collection: <c>records</c> counts its published records; <c>set</c> is its OAI-PMH setSpec.</summary>
public sealed record CollectionSummary(string Slug, string Title, string? Description, int Records, string Url, string Feed, string Set);

public sealed record CollectionPage(CollectionSummary Collection, int Page, int Size, IReadOnlyList<CollectionRecord> Records);

public sealed record CollectionRecord(int Id, string Title, string? Date, string Url);

/// <summary>
/// What visitors see of collections, whoever asks: public collections and, in them, published records. Written with
/// the rules spelt out rather than left to the context's filters, as feeds and the search page serve the staff too.
/// </summary>
public static class PublicCollections
{
    public sealed record Listed(int Id, string Slug, string Title, string? Description, int Records, DateTime UpdatedAt);

    private static IQueryable<Collection> Public(DossierDb db) => db.Collections.IgnoreQueryFilters().AsNoTracking().Where(c => c.PublishedAt != null);

    private static IQueryable<CollectionMember> PublishedMembers(DossierDb db) =>
        db.CollectionMembers.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.Record!.Status == PublicationStatus.Published && m.Record.DeletedAt == null && m.Collection.PublishedAt != null);

    public static async Task<List<Listed>> ListAsync(DossierDb db, CancellationToken cancellationToken)
    {
        var collections = await Public(db).OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Slug, c.Title, c.Description, c.UpdatedAt }).ToListAsync(cancellationToken);
        var counts = await PublishedMembers(db).GroupBy(m => m.CollectionId).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        return [.. collections.Select(c => new Listed(c.Id, c.Slug, c.Title, c.Description, counts.GetValueOrDefault(c.Id), c.UpdatedAt))];
    }

    public static async Task<Listed?> FindAsync(DossierDb db, string slug, CancellationToken cancellationToken)
    {
        var c = await Public(db).Where(c => c.Slug == slug).Select(c => new { c.Id, c.Slug, c.Title, c.Description, c.UpdatedAt }).FirstOrDefaultAsync(cancellationToken);
        if (c is null) return null;
        var count = await PublishedMembers(db).CountAsync(m => m.CollectionId == c.Id, cancellationToken);
        return new Listed(c.Id, c.Slug, c.Title, c.Description, count, c.UpdatedAt);
    }

    /// <summary>A page of a collection's published records, in the collection's order.</summary>
    public static Task<List<ArchivalRecord>> RecordsAsync(DossierDb db, int collectionId, int page, int size, CancellationToken cancellationToken) =>
        PublishedMembers(db).Where(m => m.CollectionId == collectionId).OrderBy(m => m.Position).ThenBy(m => m.ArchivalRecordId)
            .Skip((page - 1) * size).Take(size).Select(m => m.Record!).ToListAsync(cancellationToken);

    /// <summary>The published records of a collection, for its feed.</summary>
    public static IQueryable<ArchivalRecord> Records(DossierDb db, int collectionId) =>
        PublishedMembers(db).Where(m => m.CollectionId == collectionId).Select(m => m.Record!);

    /// <summary>The titles of public collections by slug: what the search page shows for the collection facet's values.</summary>
    public static Task<Dictionary<string, string>> TitlesAsync(DossierDb db, CancellationToken cancellationToken) =>
        Public(db).ToDictionaryAsync(c => c.Slug, c => c.Title, StringComparer.Ordinal, cancellationToken);

    /// <summary>
    /// The search's facets with only public collections among the collection facet's values (the index may lag a
    /// collection made staff-only a moment ago), and the titles of those collections by slug.
    /// </summary>
    public static async Task<(IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets, IReadOnlyDictionary<string, string> Titles)> NameFacetAsync(
        DossierDb db, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets, CancellationToken cancellationToken)
    {
        if (!facets.TryGetValue("collection", out var values) || values.Count == 0) return (facets, new Dictionary<string, string>());
        var titles = await TitlesAsync(db, cancellationToken);
        var named = facets.ToDictionary(f => f.Key, f => f.Key == "collection" ? [.. f.Value.Where(v => titles.ContainsKey(v.Value))] : f.Value);
        return (named, titles);
    }

    /// <summary>
    /// A search's options with only public collections chosen: one made staff-only a moment ago may still be in this
    /// node's index (or another's), and must not narrow a visitor's search to its members. A collection that is not
    /// public is kept chosen but matches nothing, as an unknown one does.
    /// </summary>
    public static async Task<SearchOptions> OnlyPublicAsync(DossierDb db, SearchOptions options, CancellationToken cancellationToken)
    {
        if (!options.Selected.TryGetValue("collection", out var chosen) || chosen.Count == 0) return options;
        var titles = await TitlesAsync(db, cancellationToken);
        if (chosen.All(titles.ContainsKey)) return options;
        var selected = options.Selected.ToDictionary(s => s.Key, s => s.Key == "collection"
            ? (IReadOnlyList<string>)[.. s.Value.Select(v => titles.ContainsKey(v) ? v : "")]
            : s.Value);
        return options with { Selected = selected };
    }

    /// <summary>The public collections a published record is in.</summary>
    public static async Task<List<(string Slug, string Title)>> OfRecordAsync(DossierDb db, int recordId, CancellationToken cancellationToken)
    {
        var found = await PublishedMembers(db).Where(m => m.ArchivalRecordId == recordId).OrderBy(m => m.Collection.Position)
            .Select(m => new { m.Collection.Slug, m.Collection.Title }).ToListAsync(cancellationToken);
        return [.. found.Select(c => (c.Slug, c.Title))];
    }
}
