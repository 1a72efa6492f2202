using Dossier.Data;
using Dossier.Features.Search;
using Dossier.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.SavedSearches;

/// <summary>
/// A signed-in reader's saved searches: each with what is new since they last opened it, a link that opens it (and
/// marks it seen), its private Atom feed, and removal. Saving happens from the search page.
/// </summary>
// Each view of the page runs every saved search once: the search page's limit holds here too.
[Authorize]
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.Search)]
public sealed class SavedSearchesModel(DossierDb db, RecordIndex index, UserManager<IdentityUser> users, TimeProvider clock, IStringLocalizer<Text> text) : PageModel
{
    /// <summary>New records are counted up to this; "1,000 or more" is news enough.</summary>
    public const int CountedNew = 1000;

    public IReadOnlyList<(SavedSearch Search, int New)> Searches { get; private set; } = [];
    public string? Message { get; private set; }
    public bool Problem { get; private set; }

    public async Task OnGetAsync(int? saved, CancellationToken cancellationToken)
    {
        if (saved is not null) Message = text["The search is saved. Its feed tells your feed reader of new records."];
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostSaveAsync(string? query, string? name, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var kept = Keep(query);
        if (kept is null)
        {
            (Message, Problem) = (text["This search cannot be saved: its address is not a search of this archive."], true);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return Page();
        }
        var mine = db.SavedSearches.Where(s => s.UserId == userId);
        if (await mine.FirstOrDefaultAsync(s => s.Query == kept, cancellationToken) is { } existing)
            return Redirect($"/account/searches?saved={existing.Id}#saved-{existing.Id}");
        if (await mine.CountAsync(cancellationToken) >= SavedSearch.MaxPerAccount)
        {
            (Message, Problem) = (text["You have {0} saved searches, as many as an account keeps. Remove one to save another.", SavedSearch.MaxPerAccount], true);
            await LoadAsync(cancellationToken);
            Response.StatusCode = StatusCodes.Status409Conflict;
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var search = new SavedSearch
        {
            UserId = userId,
            Name = NameOf(name, kept),
            Query = kept,
            FeedKey = SavedSearch.NewFeedKey(),
            CreatedAt = now,
            SeenAt = now,
        };
        db.SavedSearches.Add(search);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/account/searches?saved={search.Id}#saved-{search.Id}");
    }

    /// <summary>Opens the search's results and marks what it finds as seen.</summary>
    public async Task<IActionResult> OnPostOpenAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var search = await db.SavedSearches.FirstOrDefaultAsync(s => s.Id == id && s.UserId == userId, cancellationToken);
        if (search is null) return NotFound();
        search.SeenAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect("/search" + search.Query);
    }

    public async Task<IActionResult> OnPostRemoveAsync(int id, CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        await db.SavedSearches.Where(s => s.Id == id && s.UserId == userId).ExecuteDeleteAsync(cancellationToken);
        return Redirect("/account/searches");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = users.GetUserId(User)!;
        var searches = await db.SavedSearches.AsNoTracking().Where(s => s.UserId == userId).OrderBy(s => s.Name).ThenBy(s => s.Id).ToListAsync(cancellationToken);
        var counted = new List<(SavedSearch, int)>();
        foreach (var search in searches)
        {
            var request = SearchRequest.ReadSaved(search.Query);
            var fresh = 0;
            if (request.Errors.Count == 0)
            {
                try
                {
                    fresh = (await Feeds.Feeds.NewestMatchingIdsAsync(db, index, request, search.SeenAt, CountedNew, cancellationToken)).Count;
                }
                catch (SearchQueryException)
                {
                    // A search saved before the query language changed: it finds nothing new rather than failing the page.
                }
            }
            counted.Add((search, fresh));
        }
        Searches = counted;
    }

    /// <summary>
    /// The search part of a search page's address ("?q=Castro&amp;language=ru"), without the page or the page size;
    /// null for anything that is not one.
    /// </summary>
    public static string? Keep(string? query)
    {
        if (query is null || query.Length > SavedSearch.MaxQueryLength) return null;
        var trimmed = query.Trim();
        if (trimmed.StartsWith("/search", StringComparison.Ordinal)) trimmed = trimmed["/search".Length..];
        if (trimmed.Length > 0 && trimmed[0] != '?') return null;
        var kept = QueryHelpers.ParseQuery(trimmed).Where(p => p.Key is not "page" and not "size" && p.Value.Any(v => !string.IsNullOrWhiteSpace(v)))
            .OrderBy(p => p.Key == "q" ? 0 : 1).ThenBy(p => p.Key, StringComparer.Ordinal)
            .SelectMany(p => p.Value.Select(v => new KeyValuePair<string, string?>(p.Key, v)));
        return QueryString.Create(kept).ToUriComponent();
    }

    private string NameOf(string? name, string query)
    {
        if (!string.IsNullOrWhiteSpace(name)) return name.Trim()[..Math.Min(name.Trim().Length, 200)];
        var q = QueryHelpers.ParseQuery(query).GetValueOrDefault("q").ToString();
        return string.IsNullOrWhiteSpace(q) ? text["All records"] : q[..Math.Min(q.Length, 200)];
    }
}
