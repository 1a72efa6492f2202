using System.Globalization;
using Dossier.Data;
using Dossier.Features.Collections;
using Dossier.Features.Operations;
using Dossier.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Features.Search;

public static class SearchApi
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search).RequireRateLimiting(RateLimits.Search);
        app.MapGet("/api/search/timeline", TimelineAsync).RequireRateLimiting(RateLimits.Search);
        return app;
    }

    /// <summary>
    /// The records a search finds by year (or by month within two years), every period from the first to the last:
    /// JSON, or CSV with <c>format=csv</c>. What the search page draws.
    /// </summary>
    public static async Task<IResult> TimelineAsync(HttpRequest http, RecordIndex index, DossierDb db, CancellationToken cancellationToken)
    {
        var request = SearchRequest.ReadForAllHits(http.Query);
        var format = http.Query["format"].ToString();
        if (format is not ("" or "json" or "csv")) request.Errors["format"] = [$"'{format}' is not a format (json, csv)"];
        if (request.Errors.Count > 0) return TypedResults.ValidationProblem(request.Errors);
        SearchTimeline timeline;
        try
        {
            timeline = SearchTimeline.Of(index, await PublicCollections.OnlyPublicAsync(db, request.Options, cancellationToken));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
        var unit = timeline.ByMonth ? "month" : "year";
        if (format == "csv")
            return Pictures.Charts.Csv("timeline.csv", [unit, "records"], timeline.Periods.Select(p => new[] { p.Period, p.Records.ToString(CultureInfo.InvariantCulture) }));
        return TypedResults.Ok(new TimelineResponse(unit, [.. timeline.Periods.Select(p => new TimelinePeriod(p.Period, p.Records))]));
    }

    /// <summary>The preferred names of the authorities among a search's facet values (and those chosen), by number as text.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> AuthorityNamesAsync(DossierDb db, IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> facets,
        IReadOnlyDictionary<string, IReadOnlyList<string>> chosen, CancellationToken cancellationToken)
    {
        var ids = Dossier.Authorities.AuthorityKinds.Names.SelectMany(k => facets.GetValueOrDefault(k, []).Select(v => v.Value).Concat(chosen.GetValueOrDefault(k, [])))
            .Select(v => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct().ToList();
        if (ids.Count == 0) return new Dictionary<string, string>();
        var names = await Authorities.AuthoritiesApi.NamesAsync(db, ids, cancellationToken);
        return names.ToDictionary(n => n.Key.ToString(CultureInfo.InvariantCulture), n => n.Value, StringComparer.Ordinal);
    }

    public static async Task<Results<Ok<SearchResponse>, ValidationProblem>> Search(HttpRequest http, RecordIndex index, DossierMetrics metrics, DossierDb db, CancellationToken cancellationToken)
    {
        var request = SearchRequest.Read(http.Query);
        if (request.Errors.Count > 0) return TypedResults.ValidationProblem(request.Errors);
        SearchResults results;
        try
        {
            results = index.Search(await PublicCollections.OnlyPublicAsync(db, request.Options, cancellationToken));
            metrics.Searched("api", results.TookMs);
        }
        catch (SearchQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
        var (facets, _) = await PublicCollections.NameFacetAsync(db, results.Facets, cancellationToken);
        return TypedResults.Ok(new SearchResponse(results.Total, results.Page, results.Size, Math.Round(results.TookMs, 2),
            results.Hits.Select(h => new SearchResponseHit(h.Id, h.Title, h.Date, h.Summary, h.Snippet, h.Score)).ToList(),
            facets));
    }
}

/// <summary><c>unit</c> is "year" or "month"; periods run from the first to the last, empty ones included.</summary>
public sealed record TimelineResponse(string Unit, IReadOnlyList<TimelinePeriod> Periods);

public sealed record TimelinePeriod(string Period, int Records);

/// <summary><c>tookMs</c> is the time the index took to answer, in milliseconds.</summary>
public sealed record SearchResponse(int Total, int Page, int Size, double TookMs, IReadOnlyList<SearchResponseHit> Hits,
    IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets);

/// <summary>A hit; <c>snippet</c> is HTML: the text is encoded and the matched words are in <c>&lt;mark&gt;</c>;
/// <c>score</c> is the BM25 relevance (null when listing without a query).</summary>
public sealed record SearchResponseHit(int Id, string Title, string? Date, string? Summary, string? Snippet, float? Score);

/// <summary>The search parameters as the page and the API both take them, checked once.</summary>
public sealed record SearchRequest(SearchOptions Options, Dictionary<string, string[]> Errors)
{
    public string? Query => Options.Text;
    public int Page => Options.Page;
    public int Size => Options.Size;

    private static readonly Dictionary<string, SearchSort> Sorts = new(StringComparer.Ordinal)
    {
        ["relevance"] = SearchSort.Relevance,
        ["date"] = SearchSort.DateAscending,
        ["-date"] = SearchSort.DateDescending,
        ["title"] = SearchSort.Title,
    };

    public static SearchRequest Read(IQueryCollection query)
    {
        string? One(string name) => query.TryGetValue(name, out var v) ? v.ToString() : null;
        var (q, page, size) = (One("q"), One("page"), One("size"));
        var errors = new Dictionary<string, string[]>();
        var p = 1;
        if (!string.IsNullOrEmpty(page) && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p < 1))
            errors["page"] = [$"'{page}' is not a page number (1 or more)"];
        var s = SearchApi.DefaultSize;
        if (!string.IsNullOrEmpty(size) && (!int.TryParse(size, NumberStyles.None, CultureInfo.InvariantCulture, out s) || s < 1 || s > SearchApi.MaxSize))
            errors["size"] = [$"'{size}' is not a page size (1 to {SearchApi.MaxSize})"];
        if (q is { Length: > 1000 }) errors["q"] = ["the query is longer than 1,000 characters"];
        if (errors.Count == 0 && (long)p * s > RecordIndex.MaxWindow)
            errors["page"] = ["only the first " + RecordIndex.MaxWindow.ToString("N0", CultureInfo.InvariantCulture) + " results can be paged through; narrow the search"];

        var from = Date("from", One("from"), errors);
        var to = Date("to", One("to"), errors);
        if (from is not null && to is not null && string.CompareOrdinal(from, to) > 0 && !to.StartsWith(from, StringComparison.Ordinal))
            errors["to"] = [$"'{to}' comes before '{from}'"];

        var sort = SearchSort.Default;
        if (One("sort") is { Length: > 0 } sortText && !Sorts.TryGetValue(sortText, out sort))
            errors["sort"] = [$"'{sortText}' is not an order (relevance, date, -date, title)"];

        var selected = new Dictionary<string, IReadOnlyList<string>>();
        foreach (var facet in Facets.Names)
        {
            var values = query[facet].Where(v => !string.IsNullOrWhiteSpace(v)).Select(v => v!.Trim()).Distinct(StringComparer.Ordinal).ToList();
            if (values.Count == 0) continue;
            if (facet == "year" && values.FirstOrDefault(v => v.Length != 4 || !v.All(char.IsAsciiDigit)) is { } badYear)
                errors["year"] = [$"'{badYear}' is not a year (four digits)"];
            if (Dossier.Authorities.AuthorityKinds.Of(facet) is { } kind && values.FirstOrDefault(v => v.Length > 9 || !v.All(char.IsAsciiDigit)) is { } badId)
                errors[facet] = [$"'{badId}' is not the number of a {facet} (/api/{Authorities.AuthoritiesApi.PathOf(kind)} finds them)"];
            selected[facet] = values;
        }

        var options = new SearchOptions(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), Math.Max(p, 1), s is >= 1 and <= SearchApi.MaxSize ? s : SearchApi.DefaultSize)
        {
            Selected = selected,
            From = from,
            To = to,
            Sort = sort,
        };
        return new SearchRequest(options, errors);
    }

    /// <summary>
    /// The parameters of a search that takes every hit (an export, a feed): its page and size are not read, so
    /// they cannot be wrong.
    /// </summary>
    /// <summary>A saved search's query string ("?q=Castro&amp;language=ru") read as <see cref="ReadForAllHits"/> reads a request's.</summary>
    public static SearchRequest ReadSaved(string query) =>
        ReadForAllHits(new QueryCollection(Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query)));

    public static SearchRequest ReadForAllHits(IQueryCollection query)
    {
        var request = Read(query);
        request.Errors.Remove("page");
        request.Errors.Remove("size");
        return request;
    }

    private static string? Date(string name, string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        if (Records.PartialDate.TryParseIso(value.Trim(), out var date)) return date.ToIso();
        errors[name] = [$"'{value}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"];
        return null;
    }
}
