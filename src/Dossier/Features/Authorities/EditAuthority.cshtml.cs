using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Authorities;

/// <summary>
/// An authority as editors describe it (<c>/editor/authorities/new</c> makes one, from a name candidate when
/// <c>?name=</c> is given): its kind, names, years, description, identifiers and coordinates; merged into another,
/// or split in two by choosing the names of the other.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditAuthorityModel(DossierDb db, AuthorityCuration curation, UserManager<IdentityUser> users,
    IStringLocalizer<Text> text) : PageModel
{
    private readonly DossierDb db = db.WholeArchive();

    [BindProperty] public AuthorityForm Form { get; set; } = new();

    public Authority? Authority { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>After a change: how many records were read again for its names.</summary>
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? name, string? kind, CancellationToken cancellationToken)
    {
        if (id == "new")
        {
            Form = new AuthorityForm { PreferredName = name, Kind = Enum.TryParse<AuthorityKind>(kind, true, out var k) ? k : AuthorityKind.Person };
            return Page();
        }
        if (!int.TryParse(id, out var number) || await LoadAsync(number, cancellationToken) is null) return NotFound();
        Form = AuthorityForm.Of(Authority!);
        Done = TempData["done"] as string;
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        try
        {
            if (id == "new")
            {
                var made = await curation.CreateAsync(Form, cancellationToken);
                TempData["done"] = text["Made. The records that may name it were read again."].Value;
                return Redirect($"/editor/authorities/{made.Id}");
            }
            if (!int.TryParse(id, out var number) || await LoadAsync(number, cancellationToken) is null) return NotFound();
            await curation.UpdateAsync(number, Form, cancellationToken);
            TempData["done"] = text["Saved. The records that may name it were read again."].Value;
            return Redirect($"/editor/authorities/{number}");
        }
        catch (AuthorityException e)
        {
            Problem = e.Message;
            if (int.TryParse(id, out var number)) await LoadAsync(number, cancellationToken);
            return Page();
        }
    }

    /// <summary>Merges authority <paramref name="from"/> into this one (the route's).</summary>
    public async Task<IActionResult> OnPostMergeAsync(int id, int? from, CancellationToken cancellationToken)
    {
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        try
        {
            if (from is null) throw new AuthorityException(text["give the number of the authority to merge into this one"]);
            var merged = await curation.MergeAsync(from.Value, id, cancellationToken);
            TempData["done"] = text["Authority {0} was merged into this one.", from.Value].Value;
            return Redirect($"/editor/authorities/{merged.Id}");
        }
        catch (AuthorityException e)
        {
            return await FailAsync(id, e, cancellationToken);
        }
    }

    public async Task<IActionResult> OnPostSplitAsync(int id, List<int> names, CancellationToken cancellationToken)
    {
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        try
        {
            var split = await curation.SplitAsync(id, names, cancellationToken);
            TempData["done"] = text["Split from authority {0}.", id].Value;
            return Redirect($"/editor/authorities/{split.Id}");
        }
        catch (AuthorityException e)
        {
            return await FailAsync(id, e, cancellationToken);
        }
    }

    private async Task<IActionResult> FailAsync(int id, AuthorityException e, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is null) return NotFound();
        Form = AuthorityForm.Of(Authority!);
        Problem = e.Message;
        return Page();
    }

    private async Task<Authority?> LoadAsync(int id, CancellationToken cancellationToken) =>
        Authority = await db.Authorities.AsNoTracking().Include(a => a.Names).FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
}
