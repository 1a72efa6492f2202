using System.Globalization;
using Dossier.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Dossier.Features.Search;

public static class SearchApi
{
    public const int DefaultSize = 20;
    public const int MaxSize = 100;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search", Search);
        return app;
    }

    public static Results<Ok<SearchResponse>, ValidationProblem> Search(string? q, string? page, string? size, RecordIndex index)
    {
        var request = SearchRequest.Read(q, page, size);
        if (request.Errors.Count > 0) return TypedResults.ValidationProblem(request.Errors);
        try
        {
            var results = index.Search(request.Query, request.Page, request.Size);
            return TypedResults.Ok(new SearchResponse(results.Total, results.Page, results.Size, Math.Round(results.TookMs, 2),
                results.Hits.Select(h => new SearchResponseHit(h.Id, h.Title, h.Date, h.Summary, h.Snippet, h.Score)).ToList()));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
    }
}

/// <summary><c>tookMs</c> is the time the index took to answer, in milliseconds.</summary>
public sealed record SearchResponse(int Total, int Page, int Size, double TookMs, IReadOnlyList<SearchResponseHit> Hits);

/// <summary>A hit; <c>snippet</c> is HTML: the text is encoded and the matched words are in <c>&lt;mark&gt;</c>;
/// <c>score</c> is the BM25 relevance (null when listing without a query).</summary>
public sealed record SearchResponseHit(int Id, string Title, string? Date, string? Summary, string? Snippet, float? Score);

/// <summary>The search parameters as the page and the API both take them, checked once.</summary>
public sealed record SearchRequest(string? Query, int Page, int Size, Dictionary<string, string[]> Errors)
{
    public static SearchRequest Read(string? q, string? page, string? size)
    {
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
        return new SearchRequest(string.IsNullOrWhiteSpace(q) ? null : q.Trim(), Math.Max(p, 1), s is >= 1 and <= SearchApi.MaxSize ? s : SearchApi.DefaultSize, errors);
    }
}
