using Dossier.Citations;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Citations;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Documents;

public sealed class RecordModel(DossierDb db, ArchiveOptions archive, RecordIndex index, TimeProvider clock) : PageModel
{
    public ArchivalRecord Record { get; private set; } = null!;
    public string Citation { get; private set; } = "";

    /// <summary>The record's stable address, by its number alone: what citations and the canonical link give.</summary>
    public string Permalink { get; private set; } = "";

    /// <summary>The record in every style, for the Cite dialog.</summary>
    public IReadOnlyList<(CitationStyle Style, string Html, string Text)> Styles { get; private set; } = [];

    public RecordMetadata Metadata { get; private set; } = null!;

    /// <summary>The pages of each original shown on the page (a long file's others are in its download and the IIIF manifest).</summary>
    public const int PagesShown = 100;

    /// <summary>The files of the record's original, in order, with their pages.</summary>
    public IReadOnlyList<Dossier.Originals.Original> Originals { get; private set; } = [];

    /// <summary>The public collections the record is in.</summary>
    public IReadOnlyList<(string Slug, string Title)> InCollections { get; private set; } = [];
    public string MailTo { get; private set; } = "";

    /// <summary>The people, places and organizations the archive says the record names, in name order.</summary>
    public IReadOnlyList<NamedAuthority> Named { get; private set; } = [];

    public bool IsEditor { get; private set; }

    /// <summary>The API address of the record's citation in a style, as a download when asked.</summary>
    public string CitationUrl(CitationStyle style, bool download = false) =>
        $"/api/documents/{Record.Id}/citation?style={style.Key}" + (download ? "&download=true" : "");

    /// <summary>The transcript chosen with ?transcript=xx; the first (the translation) by default.</summary>
    public Transcript? Selected { get; private set; }

    /// <summary>?view=parallel: the translation and the original side by side.</summary>
    public bool Parallel { get; private set; }

    /// <summary>The search this record was opened from (?q=), whose words are marked in the transcripts.</summary>
    public string? SearchQuery { get; private set; }

    private IReadOnlyList<Snippets.Marking> markings = [];

    /// <summary>A paragraph as HTML: encoded, with the search's words marked when opened from a hit.</summary>
    public string Paragraph(string text) => Snippets.MarkAll(markings, text);

    /// <summary>A link to another view of this record that keeps the search's marks.</summary>
    public string Link(string? transcript = null, string? view = null)
    {
        var parameters = new List<KeyValuePair<string, string?>>();
        if (transcript is not null) parameters.Add(new("transcript", transcript));
        if (view is not null) parameters.Add(new("view", view));
        if (SearchQuery is not null) parameters.Add(new("q", SearchQuery));
        return QueryString.Create(parameters).ToUriComponent() + "#transcripts";
    }

    public IEnumerable<Transcript> Shown => Parallel ? Record.Transcripts : Selected is null ? [] : [Selected];

    public async Task<IActionResult> OnGetAsync(int id, string? slug, string? transcript, string? view, string? q, CancellationToken cancellationToken)
    {
        var record = await DocumentsApi.FindWithTranscriptsAsync(db, id, cancellationToken);
        if (record is null) return NotFound();
        // The number finds the record; words after it are for people and follow the title as it reads now.
        if (slug is not null && RecordSlug.Of(record.Title) is var current && !string.Equals(slug, current, StringComparison.Ordinal))
            return RedirectPermanent($"/documents/{id}" + (current.Length > 0 ? "/" + current : "") + Request.QueryString);
        Record = record;
        InCollections = await Collections.PublicCollections.OfRecordAsync(db, id, cancellationToken);
        Named = await NamedAuthority.OfRecordAsync(db, id, cancellationToken);
        IsEditor = Editing.Curators.IsEditor(User);
        Originals = await db.Originals.AsNoTracking().Include(o => o.Pages).Where(o => o.ArchivalRecordId == id)
            .OrderBy(o => o.Position).AsSplitQuery().ToListAsync(cancellationToken);
        var cited = CitationsApi.Cite(record, archive, Request, clock);
        Citation = ChicagoCitation.Format(cited);
        Permalink = cited.Url!;
        Styles = [.. CitationStyle.All.Select(style =>
        {
            if (style.Text is { } text)
            {
                var formatted = text(cited);
                return (style, formatted.ToHtml(), formatted.ToString());
            }
            var written = style.Write([cited]);
            return (style, System.Net.WebUtility.HtmlEncode(written), written);
        })];
        Metadata = new RecordMetadata(cited, Citation, archive.Name);
        MailTo = RecordMetadata.MailTo(cited, Citation);
        SearchQuery = string.IsNullOrWhiteSpace(q) || q.Length > 1000 ? null : q.Trim();
        markings = index.Markings(SearchQuery);
        Parallel = string.Equals(view, "parallel", StringComparison.OrdinalIgnoreCase) && record.Transcripts.Count > 1;
        Selected = record.Transcripts.FirstOrDefault(t => string.Equals(t.Language, transcript, StringComparison.OrdinalIgnoreCase))
                   ?? record.Transcripts.FirstOrDefault();
        return Page();
    }
}

/// <summary>An authority a record names, as the archive asserts it (found certain, or confirmed by an editor).</summary>
public sealed record NamedAuthority(int Id, Dossier.Authorities.AuthorityKind Kind, string Name)
{
    public static async Task<List<NamedAuthority>> OfRecordAsync(DossierDb db, int recordId, CancellationToken cancellationToken) =>
        [.. (await db.Mentions.AsNoTracking().Where(m => m.ArchivalRecordId == recordId && m.Asserted)
                .Select(m => new { m.AuthorityId, m.Authority.Kind, m.Authority.PreferredName }).ToListAsync(cancellationToken))
            .OrderBy(m => m.Kind).ThenBy(m => m.PreferredName, StringComparer.Ordinal).Select(m => new NamedAuthority(m.AuthorityId, m.Kind, m.PreferredName))];
}
