using System.Globalization;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Documents;

public static class DocumentsApi
{
    public static IEndpointRouteBuilder MapDocumentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/documents/{id}", GetDocument).WithName("GetDocument");
        return app;
    }

    public static async Task<Results<Ok<RecordDocument>, ProblemHttpResult, ValidationProblem>> GetDocument(
        string id, DossierDb db, ArchiveOptions archive, HttpContext http, CancellationToken cancellationToken)
    {
        if (!TryParseId(id, out var number)) return BadId(id);
        var record = await db.Records.WithTranscripts().FirstOrDefaultAsync(r => r.Id == number, cancellationToken);
        if (record is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Record not found", detail: $"The archive holds no record {number}.");
        return TypedResults.Ok(RecordDocument.From(record, RecordUrl(http.Request, number), archive.Name));
    }

    /// <summary>The answer to an <c>{id}</c> that is not a record number.</summary>
    public static ValidationProblem BadId(string id) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"'{id}' is not a record number (a positive whole number)"] });

    public static bool TryParseId(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    public static string RecordUrl(HttpRequest request, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"{request.Scheme}://{request.Host}{request.PathBase}/documents/{id}");

    /// <summary>A record with its transcripts, in the order the source printed them.</summary>
    public static IQueryable<ArchivalRecord> WithTranscripts(this IQueryable<ArchivalRecord> records) =>
        records.AsNoTracking().Include(r => r.Transcripts.OrderBy(t => t.Position));
}
