using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Originals;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Administration;

/// <summary>The verifications of the stored files, latest first, with what was damaged or missing.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class FixityModel(DossierDb db) : PageModel
{
    public IReadOnlyList<FixityCheck> Checks { get; private set; } = [];
    public int Stored { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Checks = await db.FixityChecks.AsNoTracking().OrderByDescending(c => c.StartedAt).Take(20).ToListAsync(cancellationToken);
        Stored = await db.WholeArchive().Originals.Select(o => o.Sha256).Distinct().CountAsync(cancellationToken);
    }
}
