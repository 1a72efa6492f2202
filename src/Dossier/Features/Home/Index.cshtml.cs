using Dossier.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Home;

public sealed class IndexModel(DossierDb db) : PageModel
{
    public int Total { get; private set; }
    public int Transcripts { get; private set; }
    public int Languages { get; private set; }
    public IReadOnlyList<LatestRecord> Latest { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Total = await db.Records.CountAsync(cancellationToken);
        if (Total == 0) return;
        Transcripts = await db.Transcripts.CountAsync(cancellationToken);
        Languages = await db.Transcripts.Select(t => t.Language).Distinct().CountAsync(cancellationToken);
        Latest = await db.Records.OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).Take(10)
            .Select(r => new LatestRecord(r.Id, r.Title, r.Date, r.Summary))
            .ToListAsync(cancellationToken);
    }

    public sealed record LatestRecord(int Id, string Title, string? Date, string? Summary);
}
