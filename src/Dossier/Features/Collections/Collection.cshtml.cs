using Dossier.Data;
using Dossier.Records;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Features.Collections;

/// <summary>A public collection: its description and its published records in the collection's order, a page at a time.</summary>
public sealed class CollectionModel(DossierDb db) : PageModel
{
    public const int PageSize = 50;

    public PublicCollections.Listed Collection { get; private set; } = null!;
    public IReadOnlyList<ArchivalRecord> Records { get; private set; } = [];
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Collection.Records + PageSize - 1) / PageSize);

    /// <summary>The first record's number in the collection's order on this page.</summary>
    public int First => (PageNumber - 1) * PageSize + 1;

    public async Task<IActionResult> OnGetAsync(string slug, CancellationToken cancellationToken = default)
    {
        // Read from the query string itself: as a handler parameter, "page" would bind Razor Pages' own route value.
        var page = Display.PageOf(Request.Query);
        if (await PublicCollections.FindAsync(db, slug, cancellationToken) is not { } collection) return NotFound();
        Collection = collection;
        PageNumber = Math.Clamp(page, 1, Pages);
        Records = await PublicCollections.RecordsAsync(db, collection.Id, PageNumber, PageSize, cancellationToken);
        return Page();
    }
}
