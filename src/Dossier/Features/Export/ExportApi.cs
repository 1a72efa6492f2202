using System.Globalization;
using Dossier.Data;
using Dossier.Export;
using Dossier.Features.Archive;
using Dossier.Features.Collections;
using Dossier.Features.Documents;
using Dossier.Features.Operations;
using Dossier.Features.Search;
using Dossier.Search;

namespace Dossier.Features.Export;

/// <summary><c>GET /api/search/export?format=&amp;q=...</c>: every record a search finds, as a file.</summary>
public static class ExportApi
{
    public static IEndpointRouteBuilder MapExportApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/search/export", ExportAsync).RequireRateLimiting(RateLimits.Search);
        return app;
    }

    public static async Task<IResult> ExportAsync(HttpContext http, RecordIndex index, DossierDb db, ArchiveOptions archive, DossierMetrics metrics, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        if (ExportFormat.Find(query["format"].ToString()) is not { } format)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]>
            {
                ["format"] = [$"'{query["format"]}' is not an export format (" + string.Join(", ", ExportFormat.All.Select(f => f.Key)) + ")"],
            });
        var request = SearchRequest.ReadForAllHits(query);
        if (request.Errors.Count > 0) return TypedResults.ValidationProblem(request.Errors);
        IReadOnlyList<int> ids;
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        try
        {
            ids = index.MatchingIds(await PublicCollections.OnlyPublicAsync(db, request.Options, cancellationToken));
        }
        catch (SearchQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
        metrics.Searched("export", System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);

        http.Response.Headers["X-Total-Count"] = ids.Count.ToString(CultureInfo.InvariantCulture);
        http.Response.ContentType = format.ContentType + "; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"dossier-records{format.Extension}\"";
        // The visitor's query filter applies again: a record withdrawn since the index last heard is left out.
        var export = new RecordExport(db, archive.Name) { UrlOf = id => DocumentsApi.RecordUrl(http.Request, id) };
        await export.WriteAsync(ids, format, http.Response.Body, null, cancellationToken);
        return TypedResults.Empty;
    }
}
