using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Documents;
using Dossier.Features.Originals;
using Dossier.Originals;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Iiif;

/// <summary>
/// IIIF for viewers such as Mirador and the Universal Viewer: a Presentation 3 manifest per record
/// (<c>/iiif/{id}/manifest</c>) with a canvas per page of its originals, and the Image API 3 at level 0 for each page
/// (<c>/iiif/image/{original}-{page}/info.json</c>): the full image and the smaller widths kept, as listed in its
/// <c>sizes</c>, nothing computed on request. Published records only, whoever asks; open to every origin (CORS), as
/// viewers run on other sites.
/// </summary>
public static partial class IiifRoutes
{
    public const string PresentationContext = "http://iiif.io/api/presentation/3/context.json";
    public const string ImageContext = "http://iiif.io/api/image/3/context.json";

    public static IEndpointRouteBuilder MapIiif(this IEndpointRouteBuilder app)
    {
        var iiif = app.MapGroup("/iiif").AddEndpointFilter(async (context, next) =>
        {
            context.HttpContext.Response.Headers.AccessControlAllowOrigin = "*";
            return await next(context);
        });
        iiif.MapGet("/{id:int}/manifest", ManifestAsync);
        // The Image API: the service's own address answers 303 See Other with its info.json.
        iiif.MapGet("/image/{identifier}", (string identifier, HttpContext http) =>
        {
            http.Response.Headers.Location = $"/iiif/image/{Uri.EscapeDataString(identifier)}/info.json";
            return TypedResults.StatusCode(StatusCodes.Status303SeeOther);
        });
        iiif.MapGet("/image/{identifier}/info.json", InfoAsync);
        iiif.MapGet("/image/{identifier}/{region}/{size}/{rotation}/{file}", ImageAsync);
        return app;
    }

    /// <summary>A published record's page of an original, by the image's identifier ("17-3": original 17, page 3).</summary>
    private static async Task<(Original Original, OriginalPage Page)?> FindPageAsync(DossierDb db, string identifier, CancellationToken cancellationToken)
    {
        var match = Identifier().Match(identifier);
        if (!match.Success) return null;
        var (id, number) = (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
        // The visitor's view, whoever asks: IIIF resources are public documents, cached and shared.
        var original = await db.Fresh().Originals.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.State == ReadingState.Read, cancellationToken);
        if (original is null) return null;
        var page = await db.OriginalPages.AsNoTracking().FirstOrDefaultAsync(p => p.OriginalId == id && p.Number == number, cancellationToken);
        return page is null ? null : (original, page);
    }

    public static async Task<IResult> InfoAsync(string identifier, HttpContext http, DossierDb db, CancellationToken cancellationToken)
    {
        if (await FindPageAsync(db, identifier, cancellationToken) is not var (_, page)) return NotFound("no such image");
        var sizes = new JsonArray();
        foreach (var width in PageImages.WidthsOf(page.Width).Order())
            sizes.Add(new JsonObject { ["width"] = width, ["height"] = PageImages.HeightAt(width, page.Width, page.Height) });
        var info = new JsonObject
        {
            ["@context"] = ImageContext,
            ["id"] = ImageService(http.Request, identifier),
            ["type"] = "ImageService3",
            ["protocol"] = "http://iiif.io/api/image",
            ["profile"] = "level0",
            ["width"] = page.Width,
            ["height"] = page.Height,
            ["sizes"] = sizes,
        };
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(info.ToJsonString(), $"application/ld+json;profile=\"{ImageContext}\"");
    }

    /// <summary>An image request: the full region, a size listed in info.json (max, w, or w,h), no rotation, default quality, JPEG.</summary>
    public static async Task<IResult> ImageAsync(string identifier, string region, string size, string rotation, string file, HttpContext http, DossierDb db,
        OriginalImages images, CancellationToken cancellationToken)
    {
        if (await FindPageAsync(db, identifier, cancellationToken) is not var (original, page)) return NotFound("no such image");
        if (region != "full") return Unsupported("region", $"'{region}': this level 0 service gives the full region only");
        if (rotation != "0") return Unsupported("rotation", $"'{rotation}': this level 0 service does not rotate");
        if (file != "default.jpg") return Unsupported("quality and format", $"'{file}': this level 0 service gives default.jpg only");
        var widths = PageImages.WidthsOf(page.Width);
        int? width = size switch
        {
            "max" => page.Width,
            _ when SizeParameter().Match(size) is { Success: true } m => int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var w
                && widths.Contains(w) && (!m.Groups[2].Success || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) == PageImages.HeightAt(w, page.Width, page.Height)) ? w : null,
            _ => null,
        };
        if (width is null) return Unsupported("size", $"'{size}': the sizes this level 0 service gives are listed in its info.json");
        var path = await images.PathAsync(original, page.Number, page.Width, width.Value, cancellationToken);
        if (path is null) return NotFound("the page's image is not available");
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.PhysicalFile(path, "image/jpeg");
    }

    public static async Task<IResult> ManifestAsync(int id, HttpContext http, DossierDb db, ArchiveOptions archive, CancellationToken cancellationToken)
    {
        db.Fresh();
        var record = await DocumentsApi.FindWithTranscriptsAsync(db, id, cancellationToken);
        if (record is null) return NotFound($"The archive has no published record {id}.");
        var originals = await db.Originals.AsNoTracking().Include(o => o.Pages).Where(o => o.ArchivalRecordId == id && o.State == ReadingState.Read)
            .OrderBy(o => o.Position).AsSplitQuery().ToListAsync(cancellationToken);
        if (!originals.Any(o => o.Pages.Count > 0)) return NotFound($"Record {id} has no pages of an original to show.");
        http.Response.Headers.CacheControl = "public, max-age=300";
        return TypedResults.Text(IiifManifest.Build(record, originals, DocumentsApi.SiteUrl(http.Request), archive.Name).ToJsonString(),
            $"application/ld+json;profile=\"{PresentationContext}\"");
    }

    public static string ImageService(HttpRequest request, string identifier) => $"{DocumentsApi.SiteUrl(request)}/iiif/image/{identifier}";

    private static IResult NotFound(string detail) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static IResult Unsupported(string parameter, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"Unsupported {parameter}", detail: detail);

    [GeneratedRegex(@"^(\d{1,9})-(\d{1,6})$")]
    private static partial Regex Identifier();

    [GeneratedRegex(@"^(\d{1,6}),(\d{1,6})?$")]
    private static partial Regex SizeParameter();
}
