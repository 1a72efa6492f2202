using System.Globalization;
using System.Text;
using Dossier.Citations;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Collections;
using Dossier.Features.Documents;
using Dossier.Features.Operations;
using Dossier.Features.Search;
using Dossier.Records;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Citations;

/// <summary>
/// A record's citation in every style (<c>/api/documents/{id}/citation?style=</c>) and the citations of a search's
/// hits as one file for a reference manager (<c>/api/search/citations?style=</c>).
/// </summary>
public static class CitationsApi
{
    /// <summary>The most hits one export cites.</summary>
    public const int MaxExported = 1_000;

    public const string DefaultStyle = "chicago";

    public static IEndpointRouteBuilder MapCitationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents/{id}/citation", GetCitation);
        app.MapGet("/api/search/citations", ExportSearch).RequireRateLimiting(RateLimits.Search);
        app.MapGet("/api/documents/citations", ExportListed);
        return app;
    }

    /// <summary>
    /// The citations of records chosen by number (a reader's reading list), in the order given, as BibTeX, BibLaTeX,
    /// RIS or CSL-JSON. Published records only; numbers the archive does not show are left out.
    /// </summary>
    public static async Task<IResult> ExportListed(HttpContext http, DossierDb db, ArchiveOptions archive, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var exporting = CitationStyle.All.Where(s => s.ExportsMany).ToList();
        var style = CitationStyle.Find(query["style"].ToString());
        if (style is null || !style.ExportsMany) return UnknownStyle(query["style"].ToString(), exporting);
        var ids = new List<int>();
        foreach (var part in query["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (!DocumentsApi.TryParseId(part, out var id))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [$"'{part}' is not a record number"] });
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count is 0 or > MaxExported)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["ids"] = [$"give 1 to {MaxExported:N0} record numbers, separated by commas"] });
        // The visitor's query filter applies: unpublished and withdrawn records are not cited.
        var records = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var cited = ids.Where(records.ContainsKey).Select(id => Cite(records[id], archive, http.Request, clock)).ToList();
        return Written(style.Write(cited), style, "dossier-reading-list" + style.FileExtension);
    }

    /// <summary>The record's parts for a citation made now, at its permalink.</summary>
    public static CitedRecord Cite(ArchivalRecord record, ArchiveOptions archive, HttpRequest request, TimeProvider clock) =>
        CitedRecord.From(record, archive.Name, DocumentsApi.RecordUrl(request, record.Id), DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));

    public static async Task<IResult> GetCitation(string id, HttpContext http, DossierDb db, ArchiveOptions archive, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DocumentsApi.TryParseId(id, out var number)) return DocumentsApi.BadId(id);
        var query = http.Request.Query;
        var style = CitationStyle.Find(query["style"] is { Count: > 0 } s ? s.ToString() : DefaultStyle);
        if (style is null) return UnknownStyle(query["style"].ToString(), CitationStyle.All);
        if (!TryReadDownload(query, out var download)) return BadDownload(query["download"].ToString());

        // The visitor's query filter applies: an unpublished record is not found.
        var record = await db.Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == number, cancellationToken);
        if (record is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Record not found", detail: $"The archive holds no record {number}.");
        var fileName = "dossier-" + number.ToString(CultureInfo.InvariantCulture) + (style.FileExtension ?? ".txt");
        return Written(style.Write([Cite(record, archive, http.Request, clock)]), style, download ? fileName : null);
    }

    /// <summary>
    /// The first <see cref="MaxExported"/> hits of a search (the same parameters as <c>/api/search</c>, in its order)
    /// as BibTeX, BibLaTeX, RIS or CSL-JSON. <c>X-Total-Count</c> tells how many records matched.
    /// </summary>
    public static async Task<IResult> ExportSearch(HttpContext http, RecordIndex index, DossierDb db, ArchiveOptions archive, DossierMetrics metrics, TimeProvider clock, CancellationToken cancellationToken)
    {
        var query = http.Request.Query;
        var exporting = CitationStyle.All.Where(s => s.ExportsMany).ToList();
        var style = CitationStyle.Find(query["style"].ToString());
        if (style is null || !style.ExportsMany) return UnknownStyle(query["style"].ToString(), exporting);
        var request = SearchRequest.ReadForAllHits(query);
        if (request.Errors.Count > 0) return TypedResults.ValidationProblem(request.Errors);

        SearchResults results;
        try
        {
            results = index.Search(await PublicCollections.OnlyPublicAsync(db, request.Options, cancellationToken) with { Page = 1, Size = MaxExported, FacetValues = 0 });
        }
        catch (SearchQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
        metrics.Searched("citations", results.TookMs);

        var ids = results.Hits.Select(h => h.Id).ToList();
        // The visitor's query filter applies again: a record withdrawn since the index last heard is left out.
        var records = await db.Records.AsNoTracking().Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, cancellationToken);
        var cited = ids.Where(records.ContainsKey).Select(id => Cite(records[id], archive, http.Request, clock)).ToList();
        http.Response.Headers["X-Total-Count"] = results.Total.ToString(CultureInfo.InvariantCulture);
        return Written(style.Write(cited), style, "dossier-citations" + style.FileExtension);
    }

    private static IResult Written(string text, CitationStyle style, string? attachment)
    {
        if (attachment is null) return TypedResults.Text(text, style.ContentType + "; charset=utf-8", Encoding.UTF8);
        return TypedResults.File(Encoding.UTF8.GetBytes(text), style.ContentType + "; charset=utf-8", attachment);
    }

    private static IResult UnknownStyle(string given, IEnumerable<CitationStyle> styles) =>
        TypedResults.ValidationProblem(
            new Dictionary<string, string[]>
            {
                ["style"] = [string.IsNullOrWhiteSpace(given)
                    ? "choose a style: " + string.Join(", ", styles.Select(s => s.Key))
                    : $"'{given}' is not a citation style here (" + string.Join(", ", styles.Select(s => s.Key)) + ")"],
            },
            title: "Unknown citation style");

    private static bool TryReadDownload(IQueryCollection query, out bool download)
    {
        download = false;
        if (!query.TryGetValue("download", out var value)) return true;
        switch (value.ToString().ToLowerInvariant())
        {
            case "" or "true" or "1":
                download = true;
                return true;
            case "false" or "0":
                return true;
            default:
                return false;
        }
    }

    private static IResult BadDownload(string given) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["download"] = [$"'{given}' is not true or false"] });
}
