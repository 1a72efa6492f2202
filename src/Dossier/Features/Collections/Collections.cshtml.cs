using Dossier.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Features.Collections;

/// <summary>The public collections, in the order editors gave them.</summary>
public sealed class CollectionsModel(DossierDb db) : PageModel
{
    public IReadOnlyList<PublicCollections.Listed> Collections { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => Collections = await PublicCollections.ListAsync(db, cancellationToken);
}
