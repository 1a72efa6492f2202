using System.Globalization;
using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Editing;
using Dossier.Features.Pictures;
using Dossier.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Authorities;

/// <summary>
/// One authority record: its names, years, description and identifiers elsewhere; the published records that name
/// it, by year (a picture whose bars choose a year) and in date order; the people most often named with it (a
/// network); a place's position on a map. Editors also see how many of the finder's proposals wait for them.
/// </summary>
public sealed class AuthorityModel(DossierDb db) : PageModel
{
    public const int PageSize = 50;

    /// <summary>The people shown around an authority in its network.</summary>
    public const int Together = 12;

    public Authority Authority { get; private set; } = null!;
    public string Path { get; private set; } = "";
    public int Total { get; private set; }
    public IReadOnlyList<ArchivalRecord> Records { get; private set; } = [];
    public IReadOnlyList<(string? Year, int Records)> Timeline { get; private set; } = [];
    public IReadOnlyList<Node> People { get; private set; } = [];
    public IReadOnlyList<(int A, int B, int Records)> Links { get; private set; } = [];

    /// <summary>?year=: the records of one year only.</summary>
    public string? Year { get; private set; }

    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (YearTotal + PageSize - 1) / PageSize);
    public int YearTotal { get; private set; }
    public int Proposals { get; private set; }
    public bool IsEditor { get; private set; }

    public string Address => $"/{Path}/{Authority.Id}";

    public async Task<IActionResult> OnGetAsync(string kind, int id, string? year, CancellationToken cancellationToken)
    {
        if (!AuthoritiesApi.Kinds.TryGetValue(kind, out var found)) return NotFound();
        var authority = await db.Authorities.AsNoTracking().Include(a => a.Names).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (authority is null || authority.Kind != found)
        {
            // A merged authority's address leads on to the one it became; one of another kind to its own address.
            var target = authority ?? await AuthoritiesApi.MergedIntoAsync(db, id, cancellationToken);
            return target is null ? NotFound() : RedirectPermanent($"/{AuthoritiesApi.PathOf(target.Kind)}/{target.Id}");
        }
        (Authority, Path) = (authority, kind);
        if (year is { Length: 4 } && year.All(char.IsAsciiDigit)) Year = year;
        Timeline = await MentionCounts.TimelineAsync(db, id, cancellationToken);
        Total = Timeline.Sum(t => t.Records);
        YearTotal = Year is null ? Total : Timeline.FirstOrDefault(t => t.Year == Year).Records;
        PageNumber = Math.Clamp(Display.PageOf(Request.Query), 1, Pages);
        Records = await MentionCounts.RecordsAsync(db, id, Year, PageNumber, PageSize, cancellationToken);
        Bars = BarsOfTimeline();
        var (people, links) = await MentionCounts.TogetherAsync(db, id, Together, cancellationToken);
        var names = await AuthoritiesApi.NamesAsync(db, people.Select(p => p.Id).ToList(), cancellationToken);
        People = [.. people.Where(p => names.ContainsKey(p.Id)).Select(p => new Node(p.Id, names[p.Id], p.Records, $"/people/{p.Id}"))];
        Links = links;
        IsEditor = Curators.IsEditor(User);
        if (IsEditor)
            // The visitor's filters are lifted for this one count, not for the request's context.
            Proposals = await db.Mentions.IgnoreQueryFilters()
                .CountAsync(m => m.AuthorityId == id && !m.Asserted && m.State == MentionState.Proposed && m.Record!.DeletedAt == null, cancellationToken);
        return Page();
    }

    /// <summary>The records by year, every year from the first to the last (empty ones too: time reads evenly).</summary>
    public IReadOnlyList<Bar> Bars { get; private set; } = [];

    private IReadOnlyList<Bar> BarsOfTimeline()
    {
        var dated = Timeline.Where(t => t.Year is not null).ToDictionary(t => int.Parse(t.Year!, CultureInfo.InvariantCulture), t => t.Records);
        if (dated.Count == 0) return [];
        var (first, last) = (dated.Keys.Min(), dated.Keys.Max());
        return [.. Enumerable.Range(first, last - first + 1).Select(y =>
        {
            var label = y.ToString("D4", CultureInfo.InvariantCulture);
            return new Bar(label, dated.GetValueOrDefault(y), $"{Address}?year={label}#records");
        })];
    }

    public Node Center => new(Authority.Id, Authority.PreferredName, Total, Address);

    public string PageUrl(int page) => $"{Address}?page={page}" + (Year is null ? "" : "&year=" + Year) + "#records";
}
