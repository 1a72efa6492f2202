using Dossier.Authorities;
using Dossier.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Authorities;

/// <summary>People, places or organizations: found by any form of their names, in name order, 50 a page.</summary>
public sealed class AuthoritiesModel(DossierDb db) : PageModel
{
    public const int PageSize = 50;

    public AuthorityKind Kind { get; private set; }
    public string Path { get; private set; } = "";
    public string? Query { get; private set; }
    public IReadOnlyList<Authority> Items { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(string kind, string? q, CancellationToken cancellationToken)
    {
        if (!AuthoritiesApi.Kinds.TryGetValue(kind, out var found)) return NotFound();
        (Kind, Path) = (found, kind);
        Query = string.IsNullOrWhiteSpace(q) ? null : q.Trim()[..Math.Min(q.Trim().Length, 200)];
        var all = AuthoritiesApi.Find(db, Kind, Query);
        Total = await all.CountAsync(cancellationToken);
        // Read from the query string itself: as a handler parameter, "page" would bind Razor Pages' own route value.
        PageNumber = Math.Clamp(Display.PageOf(Request.Query), 1, Pages);
        ByRecords = Request.Query["sort"] == "records";
        if (ByRecords)
        {
            // Most named first: counted in the store, as the visitor may see them (asserted mentions of published records).
            var mentions = db.Mentions.Where(m => m.Asserted);
            all = all.OrderByDescending(a => mentions.Count(m => m.AuthorityId == a.Id)).ThenBy(a => a.PreferredName).ThenBy(a => a.Id);
        }
        Items = await all.Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
        Counts = await MentionCounts.RecordsNamingAsync(db, [.. Items.Select(a => a.Id)], cancellationToken);
        return Page();
    }

    /// <summary>How many published records name each authority shown.</summary>
    public IReadOnlyDictionary<int, int> Counts { get; private set; } = new Dictionary<int, int>();

    /// <summary>?sort=records: the most named first, instead of name order.</summary>
    public bool ByRecords { get; private set; }

    public string PageUrl(int page, bool? byRecords = null) =>
        $"/{Path}?page={page}" + (Query is null ? "" : "&q=" + Uri.EscapeDataString(Query)) + (byRecords ?? ByRecords ? "&sort=records" : "");
}
