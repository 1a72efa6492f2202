using Dossier.Curation;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Editing;

/// <summary>The audit log, newest first, 100 a page (?before= the oldest entry shown).</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class AuditLogModel(DossierDb db) : PageModel
{
    private const int PageSize = 100;

    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];
    public long? Older { get; private set; }

    public async Task OnGetAsync(long? before, CancellationToken cancellationToken)
    {
        var entries = db.AuditLog.AsNoTracking();
        if (before is { } id) entries = entries.Where(e => e.Id < id);
        var page = await entries.OrderByDescending(e => e.Id).Take(PageSize + 1).ToListAsync(cancellationToken);
        Entries = page.Take(PageSize).ToList();
        Older = page.Count > PageSize ? Entries[^1].Id : null;
    }
}
