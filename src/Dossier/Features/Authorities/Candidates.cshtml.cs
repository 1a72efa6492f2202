using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Authorities;

/// <summary>
/// Names that recur across records and that no authority bears: candidates for new authorities, most frequent
/// first. An editor describes one (a person, place or organization, its mentions then found) or dismisses it.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class CandidatesModel(DossierDb db, AuthorityCuration curation, UserManager<IdentityUser> users) : PageModel
{
    public const int PageSize = 50;

    /// <summary>A name is a candidate when this many records write it, at least.</summary>
    public const int Recurring = 3;

    private readonly DossierDb db = db.WholeArchive();

    public sealed record Candidate(string Key, string Name, int Records, int Example);

    public IReadOnlyList<Candidate> Candidates { get; private set; } = [];
    public int PageNumber { get; private set; }
    public bool More { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        PageNumber = Display.PageOf(Request.Query);
        var dismissed = db.DismissedNames.Select(d => d.Key);
        var known = db.AuthorityNames.Select(n => n.Key);
        var found = await db.NameCandidates.AsNoTracking()
            .Where(c => !dismissed.Contains(c.Key) && !known.Contains(c.Key))
            .GroupBy(c => c.Key)
            .Select(g => new { g.Key, Name = g.Min(c => c.Name)!, Records = g.Count(), Example = g.Min(c => c.ArchivalRecordId) })
            .Where(g => g.Records >= Recurring)
            .OrderByDescending(g => g.Records).ThenBy(g => g.Key)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize + 1)
            .ToListAsync(cancellationToken);
        More = found.Count > PageSize;
        Candidates = [.. found.Take(PageSize).Select(c => new Candidate(c.Key, c.Name, c.Records, c.Example))];
    }

    /// <summary>Dismisses a name; back to the page of the list it was on (<paramref name="at"/>).</summary>
    public async Task<IActionResult> OnPostDismissAsync(string key, int? at, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Length > Authority.MaxNameLength * 2) return BadRequest();
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        try
        {
            await curation.DismissAsync(key, cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Dismissed meanwhile by another editor (or a second click): it is dismissed.
        }
        var page = Math.Max(1, at ?? 1);
        return Redirect("/editor/authorities/candidates" + (page > 1 ? $"?page={page}" : ""));
    }
}
