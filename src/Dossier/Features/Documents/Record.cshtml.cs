using Dossier.Citations;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Documents;

public sealed class RecordModel(DossierDb db, ArchiveOptions archive) : PageModel
{
    public ArchivalRecord Record { get; private set; } = null!;
    public string Citation { get; private set; } = "";
    public string Permalink { get; private set; } = "";

    /// <summary>The transcript chosen with ?transcript=xx; the first (the translation) by default.</summary>
    public Transcript? Selected { get; private set; }

    /// <summary>?view=parallel: the translation and the original side by side.</summary>
    public bool Parallel { get; private set; }

    public IEnumerable<Transcript> Shown => Parallel ? Record.Transcripts : Selected is null ? [] : [Selected];

    public async Task<IActionResult> OnGetAsync(int id, string? transcript, string? view, CancellationToken cancellationToken)
    {
        var record = await db.Records.WithTranscripts().FirstOrDefaultAsync(r => r.Id == id, cancellationToken);
        if (record is null) return NotFound();
        Record = record;
        Citation = ChicagoCitation.Format(record, archive.Name);
        Permalink = DocumentsApi.RecordUrl(Request, id);
        Parallel = string.Equals(view, "parallel", StringComparison.OrdinalIgnoreCase) && record.Transcripts.Count > 1;
        Selected = record.Transcripts.FirstOrDefault(t => string.Equals(t.Language, transcript, StringComparison.OrdinalIgnoreCase))
                   ?? record.Transcripts.FirstOrDefault();
        return Page();
    }
}
