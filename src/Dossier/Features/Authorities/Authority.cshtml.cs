using Dossier.Authorities;
using Dossier.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Authorities;

/// <summary>One authority record: its names, years, description and identifiers elsewhere.</summary>
public sealed class AuthorityModel(DossierDb db) : PageModel
{
    public Authority Authority { get; private set; } = null!;
    public string Path { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string kind, int id, CancellationToken cancellationToken)
    {
        if (!AuthoritiesApi.Kinds.TryGetValue(kind, out var found)) return NotFound();
        var authority = await db.Authorities.AsNoTracking().Include(a => a.Names).FirstOrDefaultAsync(a => a.Id == id && a.Kind == found, cancellationToken);
        if (authority is null) return NotFound();
        (Authority, Path) = (authority, kind);
        return Page();
    }
}
