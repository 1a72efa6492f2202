using System.Security.Claims;
using Dossier.Accounts;
using Dossier.Data;
using Dossier.Originals;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace Dossier.Features.Originals;

/// <summary>
/// The originals' files and their pages' images: <c>/originals/{id}</c> downloads the file as attached (named as it
/// came), <c>/originals/{id}/pages/{page}/{width}.jpg</c> is a page at one of the widths kept. A visitor gets those of
/// published records only; the staff get every record's.
/// </summary>
public static class OriginalsRoutes
{
    public static IEndpointRouteBuilder MapOriginals(this IEndpointRouteBuilder app)
    {
        app.MapGet("/originals/{id:int}", DownloadAsync);
        app.MapGet("/originals/{id:int}/pages/{page:int}/{width:int}.jpg", PageImageAsync);
        return app;
    }

    /// <summary>
    /// An original as the asker may see it, or null: a visitor those of published records; an editor every record's;
    /// a contributor those of published records and of the records they made, as everywhere else in the editor.
    /// </summary>
    public static Task<Original?> FindAsync(DossierDb db, HttpContext http, int id, CancellationToken cancellationToken)
    {
        if (http.User.IsInRole(Roles.Administrator) || http.User.IsInRole(Roles.Editor))
            return db.WholeArchive().Originals.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
        if (IsStaff(http) && http.User.FindFirstValue(ClaimTypes.NameIdentifier) is { } me)
            return db.WholeArchive().Originals.AsNoTracking()
                .FirstOrDefaultAsync(o => o.Id == id && (o.Record!.OwnerId == me || (o.Record.Status == Records.PublicationStatus.Published && o.Record.DeletedAt == null)), cancellationToken);
        return db.Originals.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken);
    }

    private static bool IsStaff(HttpContext http) => Roles.All.Any(http.User.IsInRole);

    public static async Task<IResult> DownloadAsync(int id, HttpContext http, DossierDb db, FileStore files, CancellationToken cancellationToken)
    {
        if (await FindAsync(db, http, id, cancellationToken) is not { } original || !files.Contains(original.Sha256)) return NotFound();
        Cache(http, original);
        return TypedResults.PhysicalFile(files.PathOf(original.Sha256), original.MediaType, original.FileName,
            entityTag: new EntityTagHeaderValue($"\"{original.Sha256}\""), enableRangeProcessing: true);
    }

    public static async Task<IResult> PageImageAsync(int id, int page, int width, HttpContext http, DossierDb db, OriginalImages making,
        CancellationToken cancellationToken)
    {
        if (await FindAsync(db, http, id, cancellationToken) is not { State: ReadingState.Read } original) return NotFound();
        var fullWidth = await db.OriginalPages.IgnoreQueryFilters().Where(p => p.OriginalId == id && p.Number == page).Select(p => (int?)p.Width).FirstOrDefaultAsync(cancellationToken);
        if (fullWidth is null) return NotFound();
        var path = await making.PathAsync(original, page, fullWidth.Value, width, cancellationToken);
        if (path is null) return NotFound();
        Cache(http, original);
        return TypedResults.PhysicalFile(path, "image/jpeg", entityTag: new EntityTagHeaderValue($"\"{original.Sha256}-{page}-{width}\""));
    }

    // The bytes under a hash never change; what may change is whether a visitor may have them (a withdrawal), so
    // shared caches keep them a short while only, and the staff's view of an unpublished record not at all.
    private static void Cache(HttpContext http, Original original) =>
        http.Response.Headers.CacheControl = IsStaff(http) ? "private, no-store" : "public, max-age=300";

    private static IResult NotFound() =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: "The archive has no such original or page.");
}
