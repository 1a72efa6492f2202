using Dossier.Curation;
using Dossier.Data;
using Dossier.Features.Accounts;
using Dossier.Features.Archive;
using Dossier.Features.Editing;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Documents;

/// <summary>
/// Scripted ingestion with an editor's API token: create (a draft), replace and delete records in the JSON shape of
/// <c>GET /api/documents/{id}</c>. Publication stays a step of the workflow, taken on the record's editor page.
/// </summary>
public static class DocumentsWriteApi
{
    public static IEndpointRouteBuilder MapDocumentsWriteApi(this IEndpointRouteBuilder app)
    {
        var write = app.MapGroup("/api/documents").RequireAuthorization(Policies.ApiEditors);
        write.MapPost("", CreateAsync);
        write.MapPut("/{id}", ReplaceAsync);
        write.MapDelete("/{id}", DeleteAsync);
        // One address a step, so that anything else under a record is an unknown address (404), not a refused method.
        foreach (var (name, step) in WorkflowSteps.ByName)
        {
            write.MapPost($"/{{id}}/{name}", (string id, StepRequest? request, DossierDb db, RecordIndex index, HttpContext http, UserManager<IdentityUser> users,
                TimeProvider clock, CancellationToken cancellationToken) => StepAsync(id, step, request, db, index, http, users, clock, cancellationToken));
        }
        return app;
    }

    public static async Task<Results<Created<RecordDocument>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        RecordDocument document, DossierDb db, RecordIndex index, HttpContext http, ArchiveOptions archive, UserManager<IdentityUser> users, TimeProvider clock, Dossier.Authorities.MentionPatterns mentions, CancellationToken cancellationToken)
    {
        if (Invalid(document) is { } invalid) return invalid;
        var record = JsonLinesImporter.ToRecord(document);
        RecordImport.Prepare(record);
        db.WholeArchive();
        if (await TakenAsync(db, record.RecordId, 0, cancellationToken) is { } taken) return taken;
        var now = clock.GetUtcNow().UtcDateTime;
        var user = await users.GetUserAsync(http.User);
        (record.OwnerId, record.Status, record.CreatedAt, record.UpdatedAt) = (user?.Id, PublicationStatus.Draft, now, now);
        db.Records.Add(record);
        await Curators.SaveChangeAsync(db, index, mentions, record, now, "created through the API", user, cancellationToken);
        return TypedResults.Created($"/api/documents/{record.Id}", RecordDocument.From(record, DocumentsApi.RecordUrl(http.Request, record.Id), archive.Name));
    }

    public static async Task<Results<Ok<RecordDocument>, ValidationProblem, ProblemHttpResult>> ReplaceAsync(
        string id, RecordDocument document, DossierDb db, RecordIndex index, HttpContext http, ArchiveOptions archive, UserManager<IdentityUser> users, TimeProvider clock, Dossier.Authorities.MentionPatterns mentions, CancellationToken cancellationToken)
    {
        if (!DocumentsApi.TryParseId(id, out var number)) return DocumentsApi.BadId(id);
        if (Invalid(document) is { } invalid) return invalid;
        var curator = Curators.Of(http.User, users);
        if (await Curators.FindRecordAsync(db, number, curator, cancellationToken) is not { DeletedAt: null } record) return NotFound(number);
        var edited = JsonLinesImporter.ToRecord(document);
        if (await TakenAsync(db, edited.RecordId, number, cancellationToken) is { } taken) return taken;
        RecordImport.CopyInto(record, edited);
        record.RecordId = edited.RecordId;
        RecordImport.Prepare(record);
        try
        {
            await Curators.SaveChangeAsync(db, index, mentions, record, clock.GetUtcNow().UtcDateTime, "replaced through the API", await users.GetUserAsync(http.User), cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(number);
        }
        return TypedResults.Ok(RecordDocument.From(record, DocumentsApi.RecordUrl(http.Request, number), archive.Name));
    }

    /// <summary>Deletes a record, keeping its tombstone: the workflow's delete step.</summary>
    public static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> DeleteAsync(
        string id, DossierDb db, RecordIndex index, HttpContext http, UserManager<IdentityUser> users, TimeProvider clock, CancellationToken cancellationToken) =>
        await StepAsync(id, WorkflowStep.Delete, null, db, index, http, users, clock, cancellationToken) switch
        {
            { Result: Ok<StepResponse> } => TypedResults.NoContent(),
            { Result: ValidationProblem invalid } => invalid,
            { Result: var problem } => (ProblemHttpResult)problem,
        };

    /// <summary>The body of a workflow step: an embargo date for <c>publish</c>, a reason for <c>withdraw</c>.</summary>
    public sealed record StepRequest(string? EmbargoUntil, string? Reason);

    /// <summary>
    /// <c>POST /api/documents/{id}/submit|publish|withdraw|return-to-draft|delete|restore</c>: a step of the workflow,
    /// by the same rules as the editor's buttons. Answers the record's state.
    /// </summary>
    public static async Task<Results<Ok<StepResponse>, ValidationProblem, ProblemHttpResult>> StepAsync(
        string id, WorkflowStep chosen, StepRequest? request, DossierDb db, RecordIndex index, HttpContext http, UserManager<IdentityUser> users, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (!DocumentsApi.TryParseId(id, out var number)) return DocumentsApi.BadId(id);
        DateOnly? embargo = null;
        if (!string.IsNullOrWhiteSpace(request?.EmbargoUntil))
        {
            if (!DateOnly.TryParseExact(request.EmbargoUntil, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var day))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["embargoUntil"] = [$"'{request.EmbargoUntil}' is not a date (YYYY-MM-DD)"] });
            embargo = day;
        }
        var curator = Curators.Of(http.User, users);
        // A deleted record exists for the write API only to be restored.
        if (await Curators.FindRecordAsync(db, number, curator, cancellationToken) is not { } record
            || (record.DeletedAt is not null && chosen != WorkflowStep.Restore)) return NotFound(number);
        try
        {
            await WorkflowSteps.TakeAsync(db, index, record, curator, await users.GetUserAsync(http.User), chosen, embargo, request?.Reason,
                clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (WorkflowException e)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not a step this record can take", detail: e.Message);
        }
        catch (DbUpdateConcurrencyException)
        {
            return ChangedMeanwhile(number);
        }
        return TypedResults.Ok(new StepResponse(record.Id, record.DeletedAt is null ? Workflow.Describe(record.Status) : "deleted", record.EmbargoUntil, WorkflowSteps.Done(chosen, record)));
    }

    public sealed record StepResponse(int Id, string State, DateOnly? EmbargoUntil, string Done);

    private static ValidationProblem? Invalid(RecordDocument document) =>
        JsonLinesImporter.Validate(document) is { } error ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["record"] = [error] }) : null;

    private static async Task<ProblemHttpResult?> TakenAsync(DossierDb db, string? recordId, int self, CancellationToken cancellationToken) =>
        recordId is not null && await db.WholeArchive().Records.AnyAsync(r => r.RecordId == recordId && r.Id != self, cancellationToken)
            ? TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Record ID taken", detail: $"Another record has the Record ID {recordId}.")
            : null;

    private static ProblemHttpResult ChangedMeanwhile(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Changed meanwhile", detail: $"Record {id} was changed by someone else while this request ran; nothing was saved.");

    private static ProblemHttpResult NotFound(int id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Record not found", detail: $"The archive holds no record {id} you may change.");
}
