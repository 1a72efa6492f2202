using System.Globalization;
using Dossier.Data;
using Dossier.Features.Collections;
using Dossier.Features.Operations;
using Dossier.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Search;

// The page runs the same searches as the API, so it has the same limit against scraping.
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Search)]
public sealed class SearchModel(RecordIndex index, DossierMetrics metrics, DossierDb db, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>The search's facets, with public collections only; <see cref="CollectionTitles"/> names them.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<FacetValue>> Facets { get; private set; } = new Dictionary<string, IReadOnlyList<FacetValue>>();

    public IReadOnlyDictionary<string, string> CollectionTitles { get; private set; } = new Dictionary<string, string>();

    /// <summary>The preferred names of the people, places and organizations among the facets' values, by number.</summary>
    public IReadOnlyDictionary<string, string> AuthorityNames { get; private set; } = new Dictionary<string, string>();

    /// <summary>The records found over time, drawn above the results.</summary>
    public SearchTimeline? Timeline { get; private set; }

    /// <summary>How a facet's value reads: a language by its name, a collection by its title.</summary>
    public string FacetLabel(string facet, string value) => facet switch
    {
        "language" => Display.Language(value),
        "collection" => CollectionTitles.GetValueOrDefault(value, value),
        _ when Dossier.Authorities.AuthorityKinds.Of(facet) is not null => AuthorityNames.GetValueOrDefault(value, value),
        "text" => value == Dossier.Search.Facets.TextMachineRead ? text["Machine-read from the originals"] : text["Transcribed"],
        _ => value,
    };

    public SearchRequest Query { get; private set; } = null!;
    public SearchResults? Results { get; private set; }
    public string? Problem { get; private set; }

    public int Pages => Results is null ? 0 : Math.Min((Results.Total + Results.Size - 1) / Results.Size, RecordIndex.MaxWindow / Results.Size);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        // Read from the query string itself: as a handler parameter, "page" would bind Razor Pages' own route value.
        Query = SearchRequest.Read(Request.Query);
        if (Query.Errors.Count > 0)
        {
            Problem = string.Join(" ", Query.Errors.Values.SelectMany(v => v));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            var options = await PublicCollections.OnlyPublicAsync(db, Query.Options, cancellationToken);
            Results = index.Search(options);
            metrics.Searched("page", Results.TookMs);
            (Facets, CollectionTitles) = await PublicCollections.NameFacetAsync(db, Results.Facets, cancellationToken);
            AuthorityNames = await SearchApi.AuthorityNamesAsync(db, Results.Facets, Query.Options.Selected, cancellationToken);
            if (Results.Total > 0) Timeline = SearchTimeline.Of(index, options);
        }
        catch (SearchQueryException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string PageUrl(int page) => SearchUrl(Current().Where(p => p.Key != "page").Prepend(new("page", page.ToString(CultureInfo.InvariantCulture))));

    /// <summary>This search with one facet value added, or taken away when it is already chosen; back to page 1.</summary>
    public string ToggleUrl(string facet, string value)
    {
        var current = Current().Where(p => p.Key != "page").ToList();
        var chosen = current.Any(p => p.Key == facet && p.Value == value);
        return SearchUrl(chosen ? current.Where(p => !(p.Key == facet && p.Value == value)) : current.Append(new(facet, value)));
    }

    public bool IsChosen(string facet, string value) => Query.Options.Selected.TryGetValue(facet, out var values) && values.Contains(value);

    /// <summary>This search in another order, back to page 1.</summary>
    public string SortUrl(string? sort) =>
        SearchUrl(Current().Where(p => p.Key is not "page" and not "sort").Concat(sort is null ? [] : [new("sort", sort)]));

    /// <summary>The citations of this search's first hits (up to <see cref="Citations.CitationsApi.MaxExported"/>) in a style, as a file.</summary>
    public string ExportUrl(string style) =>
        "/api/search/citations" + QueryString.Create(Current().Where(p => p.Key is not "page" and not "size").Append(new("style", style))).ToUriComponent();

    /// <summary>This search narrowed to a year or a month (a bar of the timeline), back to page 1.</summary>
    public string NarrowedTo(string period) =>
        SearchUrl(Current().Where(p => p.Key is not "page" and not "from" and not "to").Append(new("from", period)).Append(new("to", period)));

    /// <summary>The timeline's figures as CSV.</summary>
    public string TimelineCsvUrl =>
        "/api/search/timeline" + QueryString.Create(Current().Where(p => p.Key is not "page" and not "size" and not "sort").Append(new("format", "csv"))).ToUriComponent();

    /// <summary>The Atom feed of the newest records this search finds.</summary>
    public string FeedUrl =>
        "/feeds/search.atom" + QueryString.Create(Current().Where(p => p.Key is not "page" and not "size" and not "sort")).ToUriComponent();

    /// <summary>Every record of this search as a file in an export format.</summary>
    public string DownloadUrl(string format) =>
        "/api/search/export" + QueryString.Create(Current().Where(p => p.Key is not "page" and not "size" and not "sort").Append(new("format", format))).ToUriComponent();

    private IEnumerable<KeyValuePair<string, string?>> Current() =>
        Request.Query.SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)))
            .Where(p => !string.IsNullOrEmpty(p.Value) && !(p.Key == "size" && p.Value == SearchApi.DefaultSize.ToString(CultureInfo.InvariantCulture)));

    // The query first, then the page, then the rest: addresses read the way people write them.
    private static string SearchUrl(IEnumerable<KeyValuePair<string, string?>> parameters)
    {
        var list = parameters.ToList();
        var ordered = list.Where(p => p.Key == "q").Concat(list.Where(p => p.Key == "page")).Concat(list.Where(p => p.Key is not "q" and not "page"));
        return "/search" + QueryString.Create(ordered).ToUriComponent();
    }

    /// <summary>The pages around the current one, and the first and last.</summary>
    public IEnumerable<int> PageNumbers()
    {
        var current = Results!.Page;
        return new[] { 1, Pages }.Concat(Enumerable.Range(current - 3, 7)).Where(p => p >= 1 && p <= Pages).Distinct().Order();
    }
}
