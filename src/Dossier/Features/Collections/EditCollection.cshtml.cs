using System.Globalization;
using Dossier.Collections;
using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Collections;

/// <summary>
/// One collection in the editor: its title, description and whether visitors see it; its records, in order, which
/// editors add (by number, by Record ID or every record a search finds), move, put in date order and take out.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditCollectionModel(DossierDb db, CollectionCuration curation, RecordIndex index, UserManager<IdentityUser> users,
    IStringLocalizer<Text> text) : PageModel
{
    public const int PageSize = 100;

    /// <summary>The most records one search adds: a larger set is added by narrowing the search, or by an import.</summary>
    public const int MaxFromSearch = 10_000;

    private readonly DossierDb db = db.WholeArchive();

    public Collection Collection { get; private set; } = null!;
    public IReadOnlyList<Member> Members { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public string? Problem { get; private set; }
    public string? Done { get; private set; }

    public sealed record Member(int Id, int Position, string Title, string? Date, PublicationStatus Status, bool Deleted);

    public async Task<IActionResult> OnGetAsync(int id, string? done = null, CancellationToken cancellationToken = default)
    {
        if (!await LoadAsync(id, Display.PageOf(Request.Query), cancellationToken)) return NotFound();
        Done = done;
        return Page();
    }

    public Task<IActionResult> OnPostDescribeAsync(int id, string? title, string? description, bool isPublic, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => curation.DescribeAsync(c, title ?? "", description, isPublic, cancellationToken), _ => text["Saved."], cancellationToken);

    /// <summary>Records by the archive's numbers or by their Record IDs, separated by spaces, commas or lines.</summary>
    public Task<IActionResult> OnPostAddAsync(int id, string? records, string? by, CancellationToken cancellationToken) =>
        ChangeAsync(id, async c =>
        {
            var given = (records ?? "").Split([' ', ',', ';', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (given.Length == 0) throw new CollectionException(text["name the records to add"]);
            List<int> ids;
            if (by == "recordId")
            {
                var found = await db.Records.Where(r => r.RecordId != null && given.Contains(r.RecordId)).Select(r => new { r.Id, r.RecordId }).ToListAsync(cancellationToken);
                var unknown = given.Where(g => !found.Any(f => f.RecordId == g)).ToList();
                if (unknown.Count > 0) throw new CollectionException(text["no record has the Record ID {0}", string.Join(", ", unknown.Take(10))]);
                ids = [.. given.Select(g => found.First(f => f.RecordId == g).Id)];
            }
            else
            {
                var bad = given.Where(g => !int.TryParse(g.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture, out _)).ToList();
                if (bad.Count > 0) throw new CollectionException(text["not a record number: {0}", string.Join(", ", bad.Take(10))]);
                ids = [.. given.Select(g => int.Parse(g.TrimStart('#'), NumberStyles.None, CultureInfo.InvariantCulture))];
            }
            return await curation.AddAsync(c, ids, cancellationToken);
        }, added => text.Plural(added, "{0} record added.", "{0} records added."), cancellationToken);

    /// <summary>Every record a search of the whole archive (every state) finds, best first.</summary>
    public Task<IActionResult> OnPostAddSearchAsync(int id, string? q, CancellationToken cancellationToken) =>
        ChangeAsync(id, async c =>
        {
            if (string.IsNullOrWhiteSpace(q)) throw new CollectionException(text["give the search whose records to add"]);
            IReadOnlyList<int> found;
            try
            {
                found = index.Search(new SearchOptions(q.Trim(), 1, MaxFromSearch) { IncludeUnpublished = true }).Hits.Select(h => h.Id).ToList();
            }
            catch (SearchQueryException e)
            {
                throw new CollectionException(e.Message);
            }
            if (found.Count == 0) throw new CollectionException(text["the search finds no records"]);
            // The index may still hold a record deleted a moment ago.
            var alive = await db.Records.Where(r => found.Contains(r.Id) && r.DeletedAt == null).Select(r => r.Id).ToListAsync(cancellationToken);
            return await curation.AddAsync(c, [.. found.Where(alive.Contains)], cancellationToken);
        }, added => text.Plural(added, "{0} record added.", "{0} records added."), cancellationToken);

    public Task<IActionResult> OnPostRemoveAsync(int id, int[] selected, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => selected.Length == 0 ? throw new CollectionException(text["choose the records to take out"]) : curation.RemoveAsync(c, selected, cancellationToken),
            removed => text.Plural(removed, "{0} record taken out of the collection.", "{0} records taken out of the collection."), cancellationToken);

    public Task<IActionResult> OnPostMoveAsync(int id, int record, int by, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => curation.MoveRecordAsync(c, record, by, cancellationToken), _ => text["Moved."], cancellationToken, Display.PageOf(Request.Form));


    public Task<IActionResult> OnPostOrderByDateAsync(int id, CancellationToken cancellationToken) =>
        ChangeAsync(id, c => curation.OrderByDateAsync(c, cancellationToken), _ => text["Put in date order."], cancellationToken);

    public async Task<IActionResult> OnPostDeleteAsync(int id, bool confirm, CancellationToken cancellationToken)
    {
        if (await db.Collections.FindAsync([id], cancellationToken) is not { } collection) return NotFound();
        if (!confirm)
        {
            await LoadAsync(id, 1, cancellationToken);
            Problem = text["Tick the box to confirm the collection's deletion (its records stay in the archive)."];
            return Page();
        }
        curation.Actor = Actor();
        await curation.DeleteAsync(collection, cancellationToken);
        return Redirect("/editor/collections");
    }

    private Task<IActionResult> ChangeAsync(int id, Func<Collection, Task> change, Func<int, string> done, CancellationToken cancellationToken, int page = 1) =>
        ChangeAsync(id, async c =>
        {
            await change(c);
            return 0;
        }, done, cancellationToken, page);

    // Every change: the collection found, the change made, the page shown again with what was done or why it was not.
    private async Task<IActionResult> ChangeAsync(int id, Func<Collection, Task<int>> change, Func<int, string> done, CancellationToken cancellationToken, int page = 1)
    {
        if (await db.Collections.FindAsync([id], cancellationToken) is not { } collection) return NotFound();
        curation.Actor = Actor();
        try
        {
            var count = await change(collection);
            return Redirect($"/editor/collections/{id}?page={Math.Max(1, page)}&done={Uri.EscapeDataString(done(count))}");
        }
        catch (CollectionException e)
        {
            db.ChangeTracker.Clear();
            await LoadAsync(id, page, cancellationToken);
            Problem = e.Message;
            return Page();
        }
    }

    private (string?, string?) Actor() => (users.GetUserId(User), User.Identity?.Name);

    private async Task<bool> LoadAsync(int id, int page, CancellationToken cancellationToken)
    {
        if (await db.Collections.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } collection) return false;
        Collection = collection;
        var members = db.CollectionMembers.AsNoTracking().Where(m => m.CollectionId == id);
        Total = await members.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(page, 1, Pages);
        Members = await members.OrderBy(m => m.Position).ThenBy(m => m.ArchivalRecordId)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Member(m.ArchivalRecordId, m.Position, m.Record!.Title, m.Record.Date, m.Record.Status, m.Record.DeletedAt != null))
            .ToListAsync(cancellationToken);
        return true;
    }
}
