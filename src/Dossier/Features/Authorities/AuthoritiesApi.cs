using System.Globalization;
using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Documents;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Authorities;

/// <summary>
/// Authority records for programs: <c>/api/people?q=</c>, <c>/api/places?q=</c>, <c>/api/organizations?q=</c> find
/// them by any form of their names (folded as search folds them: "Хрущёв" finds Khrushchev), and
/// <c>/api/people/{id}</c> (and the others) gives one with all its names.
/// </summary>
public static class AuthoritiesApi
{
    public const int MaxPageSize = 100;

    /// <summary>The route's word for each kind, which is also the page's.</summary>
    public static readonly IReadOnlyDictionary<string, AuthorityKind> Kinds = new Dictionary<string, AuthorityKind>
    {
        ["people"] = AuthorityKind.Person,
        ["places"] = AuthorityKind.Place,
        ["organizations"] = AuthorityKind.Organization,
    };

    public static string PathOf(AuthorityKind kind) => Kinds.First(k => k.Value == kind).Key;

    public static IEndpointRouteBuilder MapAuthoritiesApi(this IEndpointRouteBuilder app)
    {
        foreach (var (path, kind) in Kinds)
        {
            app.MapGet($"/api/{path}", (string? q, int? page, int? size, DossierDb db, HttpContext http, CancellationToken ct) => ListAsync(kind, q, page, size, db, http, ct));
            app.MapGet($"/api/{path}/{{id:int}}", (int id, DossierDb db, HttpContext http, CancellationToken ct) => GetAsync(kind, id, db, http, ct));
            app.MapGet($"/{path}/{{id:int}}/timeline.csv", (int id, DossierDb db, CancellationToken ct) => TimelineCsvAsync(kind, id, db, ct));
            app.MapGet($"/{path}/{{id:int}}/network.csv", (int id, DossierDb db, CancellationToken ct) => NetworkCsvAsync(kind, id, db, ct));
        }
        app.MapGet("/places/{id:int}/map.csv", MapCsvAsync);
        return app;
    }

    /// <summary>The authority a merged one became (following merges of merges), if it was merged.</summary>
    public static async Task<Authority?> MergedIntoAsync(DossierDb db, int id, CancellationToken cancellationToken)
    {
        var to = await db.AuthorityRedirects.Where(r => r.FromId == id).Select(r => (int?)r.ToId).FirstOrDefaultAsync(cancellationToken);
        return to is null ? null : await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == to, cancellationToken);
    }

    /// <summary>Preferred names by number.</summary>
    public static Task<Dictionary<int, string>> NamesAsync(DossierDb db, IReadOnlyCollection<int> ids, CancellationToken cancellationToken) =>
        db.Authorities.AsNoTracking().Where(a => ids.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.PreferredName, cancellationToken);

    private static async Task<IResult> TimelineCsvAsync(AuthorityKind kind, int id, DossierDb db, CancellationToken cancellationToken)
    {
        if (!await db.Authorities.AnyAsync(a => a.Id == id && a.Kind == kind, cancellationToken)) return NotFound(kind, id);
        var timeline = await MentionCounts.TimelineAsync(db, id, cancellationToken);
        return Pictures.Charts.Csv($"{PathOf(kind)}-{id}-timeline.csv", ["year", "records"],
            timeline.Select(t => new[] { t.Year ?? "undated", t.Records.ToString(CultureInfo.InvariantCulture) }));
    }

    private static async Task<IResult> NetworkCsvAsync(AuthorityKind kind, int id, DossierDb db, CancellationToken cancellationToken)
    {
        if (!await db.Authorities.AnyAsync(a => a.Id == id && a.Kind == kind, cancellationToken)) return NotFound(kind, id);
        var (people, links) = await MentionCounts.TogetherAsync(db, id, AuthorityModel.Together, cancellationToken);
        var names = await NamesAsync(db, [id, .. people.Select(p => p.Id)], cancellationToken);
        // Every edge of the picture: the centre with each person, then the people with each other.
        var rows = people.Select(p => new[] { Id(id), names.GetValueOrDefault(id), Id(p.Id), names.GetValueOrDefault(p.Id), Id(p.Records) })
            .Concat(links.Select(l => new[] { Id(l.A), names.GetValueOrDefault(l.A), Id(l.B), names.GetValueOrDefault(l.B), Id(l.Records) }));
        return Pictures.Charts.Csv($"{PathOf(kind)}-{id}-network.csv", ["source_id", "source", "target_id", "target", "records"], rows);
    }

    private static async Task<IResult> MapCsvAsync(int id, DossierDb db, CancellationToken cancellationToken)
    {
        var place = await db.Authorities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id && a.Kind == AuthorityKind.Place, cancellationToken);
        if (place is null) return NotFound(AuthorityKind.Place, id);
        return Pictures.Charts.Csv($"places-{id}-map.csv", ["id", "name", "latitude", "longitude"],
            place.Latitude is { } lat && place.Longitude is { } lon
                ? [[Id(id), place.PreferredName, lat.ToString("R", CultureInfo.InvariantCulture), lon.ToString("R", CultureInfo.InvariantCulture)]]
                : []);
    }

    private static string Id(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static IResult NotFound(AuthorityKind kind, int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: $"The archive has no {AuthorityKinds.Name(kind)} {id}.");

    /// <summary>Authorities of a kind whose names have words beginning with the query's, in name order; all of them without a query.</summary>
    public static IQueryable<Authority> Find(DossierDb db, AuthorityKind kind, string? q) => Matching(db.Authorities.AsNoTracking().Where(a => a.Kind == kind), q);

    /// <summary>Authorities of every kind found by their names.</summary>
    public static IQueryable<Authority> FindAny(DossierDb db, string? q) => Matching(db.Authorities.AsNoTracking(), q);

    private static IQueryable<Authority> Matching(IQueryable<Authority> authorities, string? q)
    {
        foreach (var word in AuthorityName.Words(q ?? "").Select(w => Dossier.Search.NameFolding.Fold(w)).Where(w => w.Length > 0).Distinct().Take(6))
        {
            // A word's beginning, in any of the names (keys are folded words, letters and digits only: no LIKE wildcards).
            var (first, later) = (word + "%", "% " + word + "%");
            authorities = authorities.Where(a => a.Names.Any(n => n.Form != NameForm.Title && (EF.Functions.Like(n.Key, first) || EF.Functions.Like(n.Key, later))));
        }
        return authorities.OrderBy(a => a.PreferredName).ThenBy(a => a.Id);
    }

    public static async Task<Results<Ok<AuthorityList>, ValidationProblem>> ListAsync(AuthorityKind kind, string? q, int? page, int? size, DossierDb db, HttpContext http,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        if (page is < 1 or > 100_000) errors["page"] = ["page is a whole number from 1 to 100,000"];
        if (size is < 1 or > MaxPageSize) errors["size"] = [$"size is a whole number from 1 to {MaxPageSize}"];
        if (q is { Length: > 200 }) errors["q"] = ["q is at most 200 characters"];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors);
        var (number, perPage) = (page ?? 1, size ?? 20);
        var found = Find(db, kind, q);
        var total = await found.CountAsync(cancellationToken);
        var items = await found.Skip((number - 1) * perPage).Take(perPage).ToListAsync(cancellationToken);
        var counts = await MentionCounts.RecordsNamingAsync(db, [.. items.Select(a => a.Id)], cancellationToken);
        var site = DocumentsApi.SiteUrl(http.Request);
        return TypedResults.Ok(new AuthorityList(total, number, perPage, [.. items.Select(a => new AuthoritySummary(a.Id, AuthorityKinds.Name(a.Kind), a.PreferredName,
            Years(a), Display.FirstParagraph(a.Description), $"{site}/{PathOf(a.Kind)}/{a.Id}", counts.GetValueOrDefault(a.Id)))]));
    }

    public static async Task<IResult> GetAsync(AuthorityKind kind, int id, DossierDb db, HttpContext http, CancellationToken cancellationToken)
    {
        var authority = await db.Authorities.AsNoTracking().Include(a => a.Names).FirstOrDefaultAsync(a => a.Id == id && a.Kind == kind, cancellationToken);
        if (authority is null)
        {
            // A merged authority answers with the address of the one it became.
            if (await MergedIntoAsync(db, id, cancellationToken) is { } into) return TypedResults.Redirect($"/api/{PathOf(into.Kind)}/{into.Id}", permanent: true);
            return NotFound(kind, id);
        }
        var site = DocumentsApi.SiteUrl(http.Request);
        // The published records that name it, by number (the first MaxRecordIds; /api/search?person= has them all).
        var named = MentionCounts.Of(db, id);
        var count = await named.CountAsync(cancellationToken);
        var records = await named.Select(m => m.ArchivalRecordId).OrderBy(r => r).Take(MaxRecordIds).ToListAsync(cancellationToken);
        return TypedResults.Ok(new AuthorityDocument(authority.Id, AuthorityKinds.Name(authority.Kind), authority.PreferredName,
            [.. authority.Names.Where(n => n.Form == NameForm.Variant).Select(n => n.Name).Order(StringComparer.Ordinal)],
            [.. authority.Names.Where(n => n.Form == NameForm.Title).Select(n => n.Name).Order(StringComparer.Ordinal)],
            authority.BirthYear, authority.DeathYear, authority.Description, authority.Viaf, authority.Wikidata, authority.Latitude, authority.Longitude,
            $"{site}/{PathOf(authority.Kind)}/{authority.Id}", records, count,
            $"{site}/api/search?{AuthorityKinds.Name(authority.Kind)}={authority.Id}"));
    }

    /// <summary>The most record numbers an authority's JSON lists.</summary>
    public const int MaxRecordIds = 10_000;



    /// <summary>"1894–1971", "born 1918", "died 1963", or nothing.</summary>
    public static string? Years(Authority a) => Years(a.BirthYear, a.DeathYear);

    public static string? Years(int? birth, int? death) => (birth, death) switch
    {
        ({ } b, { } d) => string.Create(CultureInfo.InvariantCulture, $"{b}–{d}"),
        ({ } b, null) => string.Create(CultureInfo.InvariantCulture, $"born {b}"),
        (null, { } d) => string.Create(CultureInfo.InvariantCulture, $"died {d}"),
        _ => null,
    };
}

public sealed record AuthorityList(int Total, int Page, int Size, IReadOnlyList<AuthoritySummary> Items);

/// <summary><c>records</c>: how many published records name it.</summary>
public sealed record AuthoritySummary(int Id, string Kind, string Name, string? Years, string? Description, string Url, int Records);

/// <summary>
/// An authority record: its preferred name, its other names (variants), the titles it is named by, and the numbers
/// of the published records that name it (as the archive asserts: found certain, or confirmed by an editor): the
/// first 10,000 in <c>records</c>, how many in all in <c>recordCount</c>, and the search that finds them all.
/// </summary>
public sealed record AuthorityDocument(int Id, string Kind, string Name, IReadOnlyList<string> Variants, IReadOnlyList<string> Titles, int? BirthYear, int? DeathYear,
    string? Description, string? Viaf, string? Wikidata, double? Latitude, double? Longitude, string Url, IReadOnlyList<int> Records, int RecordCount, string RecordsSearch);
