using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Authorities;
using Dossier.Search;

namespace Dossier.Features.Search;

/// <summary>
/// Search as you type: <c>GET /api/suggest?q=</c> answers with the titles of published records whose words begin as
/// typed (the last word may be cut short) and the people, places and organizations whose names do, in any script —
/// what the search box offers while a reader types, chosen with the keyboard or the mouse.
/// </summary>
public static class SuggestApi
{
    public const int Titles = 5;
    public const int Authorities = 3;

    public static IEndpointRouteBuilder MapSuggestApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/suggest", SuggestAsync).RequireRateLimiting(RateLimits.Search);
        return app;
    }

    public static async Task<IResult> SuggestAsync(string? q, RecordIndex index, DossierDb db, SuggestedNames names, HttpContext http, CancellationToken cancellationToken)
    {
        if (q is { Length: > 200 }) return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = ["q is at most 200 characters"] });
        var words = AuthorityName.Words(q ?? "").Take(6).ToList();
        // One letter suggests everything and nothing.
        if (words.Count == 0 || (words.Count == 1 && words[0].Length < 2)) return TypedResults.Ok(new SuggestResponse([]));
        var suggestions = new List<Suggestion>();
        // Whole words as search reads them, the last as a beginning of the title's words as written.
        var query = "title:(" + string.Join(' ', words.Take(words.Count - 1).Select(Lucene.Net.QueryParsers.Classic.QueryParser.Escape).Append(Lucene.Net.QueryParsers.Classic.QueryParser.Escape(words[^1]) + "*")) + ")";
        try
        {
            foreach (var hit in index.Search(new SearchOptions(query, 1, Titles) { Brief = true }).Hits)
                suggestions.Add(new Suggestion("record", hit.Title, $"/documents/{hit.Id}", Display.Date(hit.Date)));
        }
        catch (SearchQueryException)
        {
            // A beginning the index cannot expand (too many words start so): no titles, the names still help.
        }
        // People, then places, then organizations, each in name order (as the lists at /people... order them).
        var named = await names.FindAsync(db, q ?? "", Authorities, cancellationToken);
        foreach (var kind in new[] { AuthorityKind.Person, AuthorityKind.Place, AuthorityKind.Organization })
            suggestions.AddRange(named.Where(a => a.Kind == kind).Select(a => new Suggestion(AuthorityKinds.Name(kind), a.PreferredName,
                $"/{AuthoritiesApi.PathOf(kind)}/{a.Id}", AuthoritiesApi.Years(a.BirthYear, a.DeathYear))));
        http.Response.Headers.CacheControl = "public, max-age=60";
        return TypedResults.Ok(new SuggestResponse(suggestions));
    }
}

/// <summary><c>kind</c>: record, person, place or organization; <c>url</c> its page; <c>detail</c> a date or life years.</summary>
public sealed record Suggestion(string Kind, string Label, string Url, string? Detail);

public sealed record SuggestResponse(IReadOnlyList<Suggestion> Suggestions);
