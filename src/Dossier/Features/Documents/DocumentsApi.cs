using System.Collections.Concurrent;
using System.Globalization;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Records;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
        var record = await FindWithTranscriptsAsync(db, number, cancellationToken);
        if (record is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Record not found", detail: $"The archive holds no record {number}.");
        var site = SiteUrl(http.Request);
        var named = await NamedAuthority.OfRecordAsync(db, number, cancellationToken);
        return TypedResults.Ok(RecordDocument.From(record, RecordUrl(http.Request, number), archive.Name) with
        {
            Mentions = [.. named.Select(n => new MentionDocument(n.Id, Dossier.Authorities.AuthorityKinds.Name(n.Kind), n.Name,
                $"{site}/{Authorities.AuthoritiesApi.PathOf(n.Kind)}/{n.Id}"))],
        });
    }

    /// <summary>The answer to an <c>{id}</c> that is not a record number.</summary>
    public static ValidationProblem BadId(string id) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["id"] = [$"'{id}' is not a record number (a positive whole number)"] });

    public static bool TryParseId(string? text, out int id) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out id) && id > 0;

    /// <summary>Where the archive is served, as the request reached it (behind a proxy, as the proxy forwards it).</summary>
    public static string SiteUrl(HttpRequest request) => $"{request.Scheme}://{request.Host}{request.PathBase}";

    public static string RecordUrl(HttpRequest request, int id) =>
        string.Create(CultureInfo.InvariantCulture, $"{SiteUrl(request)}/documents/{id}");

    /// <summary>
    /// A record with its transcripts, in the order the source printed them, as the context's visitor may see it (its
    /// query filters apply). The record's page and JSON are the archive's busiest reads: two short compiled queries
    /// cost them less than one joined query, which SQLite planned anew on every request and EF Core looked up in its
    /// cache on every request.
    /// </summary>
    public static async Task<ArchivalRecord?> FindWithTranscriptsAsync(DossierDb db, int id, CancellationToken cancellationToken)
    {
        var queries = CompiledFor.GetOrAdd(db.Model, _ => new RecordQueries());
        if (await queries.RecordById(db, id, cancellationToken) is not { } record) return null;
        // The record has passed the visitor's filter, so its transcripts may be shown: the transcripts' own filter
        // (their record must be visible) would only ask again what was just answered.
        await foreach (var transcript in queries.TranscriptsOf(db, id).WithCancellation(cancellationToken)) record.Transcripts.Add(transcript);
        return record;
    }

    // A compiled query holds to the model it was first run with: one set per database provider (a process has one,
    // the tests have both).
    private static readonly ConcurrentDictionary<IModel, RecordQueries> CompiledFor = new();

    private sealed class RecordQueries
    {
        public readonly Func<DossierDb, int, CancellationToken, Task<ArchivalRecord?>> RecordById =
            EF.CompileAsyncQuery((DossierDb db, int id, CancellationToken _) => db.Records.AsNoTracking().FirstOrDefault(r => r.Id == id));

        public readonly Func<DossierDb, int, IAsyncEnumerable<Transcript>> TranscriptsOf =
            EF.CompileAsyncQuery<DossierDb, int, Transcript>((db, id) =>
                db.Transcripts.IgnoreQueryFilters().AsNoTracking().Where(t => t.ArchivalRecordId == id).OrderBy(t => t.Position));
    }
}
