using Dossier.Collections;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Collections;

/// <summary>Every collection, public or not, in order: editors make new ones and move them in the list.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditorCollectionsModel(DossierDb db, CollectionCuration curation, UserManager<IdentityUser> users) : PageModel
{
    private readonly DossierDb db = db.WholeArchive();

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? Problem { get; private set; }

    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Slug { get; set; }
    [BindProperty] public string? Description { get; set; }

    public sealed record Row(int Id, string Slug, string Title, bool IsPublic, int Records);

    public Task OnGetAsync(CancellationToken cancellationToken) => LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        try
        {
            curation.Actor = (users.GetUserId(User), User.Identity?.Name);
            var made = await curation.CreateAsync(Title ?? "", Slug, Description, cancellationToken);
            return Redirect($"/editor/collections/{made.Id}");
        }
        catch (CollectionException e)
        {
            Problem = e.Message;
            await LoadAsync(cancellationToken);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostMoveAsync(int id, int by, CancellationToken cancellationToken)
    {
        if (await db.Collections.FindAsync([id], cancellationToken) is not { } collection) return NotFound();
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        await curation.MoveCollectionAsync(collection, by, cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rows = await db.Collections.AsNoTracking().OrderBy(c => c.Position).ThenBy(c => c.Id)
            .Select(c => new Row(c.Id, c.Slug, c.Title, c.PublishedAt != null, c.Members.Count))
            .ToListAsync(cancellationToken);
}
