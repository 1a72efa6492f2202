using System.Globalization;
using Dossier.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Features.Search;

public sealed class SearchModel(RecordIndex index) : PageModel
{
    public SearchRequest Query { get; private set; } = null!;
    public SearchResults? Results { get; private set; }
    public string? Problem { get; private set; }

    public int Pages => Results is null ? 0 : Math.Min((Results.Total + Results.Size - 1) / Results.Size, RecordIndex.MaxWindow / Results.Size);

    public IActionResult OnGet(string? q, string? size)
    {
        // "page" is read from the query string itself: as a handler parameter Razor Pages would bind its own route value.
        Query = SearchRequest.Read(q, Request.Query["page"], size);
        if (Query.Errors.Count > 0)
        {
            Problem = string.Join(" ", Query.Errors.Values.SelectMany(v => v));
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        try
        {
            Results = index.Search(Query.Query, Query.Page, Query.Size);
        }
        catch (SearchQueryException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return Page();
    }

    public string PageUrl(int page)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (Query.Query is not null) parameters.Add(new("q", Query.Query));
        parameters.Add(new("page", page.ToString(CultureInfo.InvariantCulture)));
        if (Query.Size != SearchApi.DefaultSize) parameters.Add(new("size", Query.Size.ToString(CultureInfo.InvariantCulture)));
        return "/search" + QueryString.Create(parameters).ToUriComponent();
    }

    /// <summary>The pages around the current one, and the first and last.</summary>
    public IEnumerable<int> PageNumbers()
    {
        var current = Results!.Page;
        return new[] { 1, Pages }.Concat(Enumerable.Range(current - 3, 7)).Where(p => p >= 1 && p <= Pages).Distinct().Order();
    }
}
