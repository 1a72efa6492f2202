using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>The staff's list of records in every state; a contributor sees the records they created.</summary>
[Authorize(Policy = Policies.Staff)]
public sealed class RecordsModel(DossierDb db, UserManager<IdentityUser> users, RecordIndex index, IStringLocalizer<Text> text) : PageModel
{
    private const int PageSize = 50;

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public string? State { get; private set; }

    /// <summary>Words to find records by, in every state (the index's staff view); the best 500 are listed.</summary>
    public string? Query { get; private set; }

    public string? Problem { get; private set; }
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public IReadOnlyList<(string Value, string Label)> States =>
    [
        ("", text["All"]), ("draft", text["Drafts"]), ("review", text["In review"]), ("embargoed", text["Embargoed"]), ("published", text["Published"]),
        ("withdrawn", text["Withdrawn"]), ("deleted", text["Deleted"]),
    ];

    private static readonly string[] StateValues = ["", "draft", "review", "embargoed", "published", "withdrawn", "deleted"];

    public async Task OnGetAsync(string? state, string? q, int page = 1, CancellationToken cancellationToken = default)
    {
        State = StateValues.Contains(state) ? state : "";
        PageNumber = Math.Max(1, page);
        IQueryable<ArchivalRecord> records = db.WholeArchive().Records;
        if (!string.IsNullOrWhiteSpace(q))
        {
            Query = q.Trim();
            try
            {
                var found = index.Search(new SearchOptions(Query, 1, 500) { IncludeUnpublished = true }).Hits.Select(h => h.Id).ToList();
                records = records.Where(r => found.Contains(r.Id));
            }
            catch (SearchQueryException e)
            {
                Problem = e.Message;
                records = records.Where(_ => false);
            }
        }
        if (!Curators.IsEditor(User))
        {
            var me = users.GetUserId(User);
            records = records.Where(r => r.OwnerId == me);
        }
        records = State switch
        {
            "draft" => records.Where(r => r.DeletedAt == null && r.Status == PublicationStatus.Draft),
            "review" => records.Where(r => r.DeletedAt == null && r.Status == PublicationStatus.InReview),
            "embargoed" => records.Where(r => r.DeletedAt == null && r.Status == PublicationStatus.Embargoed),
            "published" => records.Where(r => r.DeletedAt == null && r.Status == PublicationStatus.Published),
            "withdrawn" => records.Where(r => r.DeletedAt == null && r.Status == PublicationStatus.Withdrawn),
            "deleted" => records.Where(r => r.DeletedAt != null),
            _ => records.Where(r => r.DeletedAt == null),
        };
        Total = await records.CountAsync(cancellationToken);
        Rows = await records.OrderByDescending(r => r.UpdatedAt).ThenByDescending(r => r.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(r => new Row(r.Id, r.Title, r.Date, r.Status, r.EmbargoUntil, r.DeletedAt != null, r.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    public sealed record Row(int Id, string Title, string? Date, PublicationStatus Status, DateOnly? EmbargoUntil, bool Deleted, DateTime UpdatedAt);
}
