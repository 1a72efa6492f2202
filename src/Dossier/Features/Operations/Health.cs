using System.Globalization;
using System.Text.Json.Serialization;
using Dossier.Data;
using Dossier.Search;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Dossier.Features.Operations;

/// <summary>
/// <c>/health/live</c>: the process serves. <c>/health/ready</c>: the database answers and this node's index has
/// followed the store's changes, so a load balancer may send it readers. Both say only counts of indexing tasks.
/// </summary>
public static class Health
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";

    private const string Ready = "ready";

    // A load balancer's probe gives up after a few seconds; an answer, even 503, is better than none.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddHealth(this IServiceCollection services)
    {
        services.AddOptions<HealthOptions>().BindConfiguration(HealthOptions.Section)
            .Validate(o => o.IndexDelaySeconds >= 0, $"{HealthOptions.Section}:IndexDelaySeconds must be 0 or more")
            .ValidateOnStart();
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [Ready], timeout: CheckTimeout)
            .AddCheck<IndexHealthCheck>("index", tags: [Ready], timeout: CheckTimeout);
        return services;
    }

    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Anonymous and never rate-limited, whatever later becomes the default: probes come every few seconds.
        app.MapHealthChecks(LivePath, new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions { Predicate = check => check.Tags.Contains(Ready), ResponseWriter = WriteAsync })
            .AllowAnonymous().DisableRateLimiting();
        return app;
    }

    // The health check middleware already sends Cache-Control: no-store (AllowCachingResponses is off).
    private static Task WriteAsync(HttpContext http, HealthReport report) =>
        http.Response.WriteAsJsonAsync(new HealthResponse(Name(report.Status),
            report.Entries.ToDictionary(e => e.Key, e => new HealthCheckResponse(Name(e.Value.Status), e.Value.Description,
                e.Value.Data.Count == 0 ? null : e.Value.Data))));

    private static string Name(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => "healthy",
        HealthStatus.Degraded => "degraded",
        _ => "unhealthy",
    };
}

/// <summary>Settings under <c>Dossier:Health</c>.</summary>
public sealed class HealthOptions
{
    public const string Section = "Dossier:Health";

    /// <summary>
    /// How long, in seconds, a change may wait for this node's index before the node is not ready (30). A node that
    /// follows the store is a second or so behind at most; one that was down, or whose following fails, soon waits
    /// longer. 0: ready only when the index has followed every task.
    /// </summary>
    public int IndexDelaySeconds { get; set; } = 30;
}

public sealed record HealthResponse(string Status, IReadOnlyDictionary<string, HealthCheckResponse> Checks);

/// <summary>A check's answer; <c>data</c> (counts only) is left out when the check has none.</summary>
public sealed record HealthCheckResponse(string Status, string? Description,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, object>? Data);

/// <summary>The store answers a query through EF Core (whatever the provider): it is reachable and has its schema.</summary>
internal sealed class DatabaseHealthCheck(IServiceScopeFactory scopes, ILogger<DatabaseHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // A scope of its own: the checks run at once, and one context cannot serve two queries.
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<DossierDb>().IndexingTasks.AnyAsync(cancellationToken);
            return HealthCheckResult.Healthy("the database answers");
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            // The error may name hosts, files or users: it goes to the log, not to whoever asked.
            logger.LogWarning(e, "The database does not answer");
            return new HealthCheckResult(context.Registration.FailureStatus, "the database does not answer");
        }
    }
}

/// <summary>
/// This node's index against the store's indexing tasks: ready while the oldest task it has not followed is younger
/// than <see cref="HealthOptions.IndexDelaySeconds"/>. Time, not a count: an import writes thousands of tasks a
/// second that a following node takes in within moments, while a node back from being down has old tasks to follow.
/// </summary>
internal sealed class IndexHealthCheck(IServiceScopeFactory scopes, RecordIndex index, TimeProvider clock, IOptions<HealthOptions> options,
    ILogger<IndexHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        // The position first: a task written after it was read can only make the index look further behind.
        var position = index.Position;
        long last;
        DateTime? oldest;
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var tasks = scope.ServiceProvider.GetRequiredService<DossierDb>().IndexingTasks.AsNoTracking();
            last = await tasks.MaxAsync(t => (long?)t.Id, cancellationToken) ?? 0;
            oldest = last <= position ? null
                : await tasks.Where(t => t.Id > position).OrderBy(t => t.Id).Select(t => (DateTime?)t.CreatedAt).FirstOrDefaultAsync(cancellationToken);
        }
        catch (Exception e) when (!cancellationToken.IsCancellationRequested)
        {
            logger.LogWarning(e, "The store's indexing tasks could not be read");
            return new HealthCheckResult(context.Registration.FailureStatus, "the store's indexing tasks could not be read");
        }

        var behind = Math.Max(0, last - position);
        var data = new Dictionary<string, object> { ["position"] = position, ["last"] = last, ["behind"] = behind };
        if (oldest is null) return HealthCheckResult.Healthy($"up to date at task {position}", data);

        // Tasks are stamped in UTC by whichever node wrote them; the database may give the time back unmarked.
        var waited = clock.GetUtcNow() - new DateTimeOffset(DateTime.SpecifyKind(oldest.Value, DateTimeKind.Utc));
        var seconds = Math.Max(0, waited.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture);
        var count = behind == 1 ? "1 task" : behind.ToString("N0", CultureInfo.InvariantCulture) + " tasks";
        var allowed = options.Value.IndexDelaySeconds;
        return allowed > 0 && waited <= TimeSpan.FromSeconds(allowed)
            ? HealthCheckResult.Healthy($"{count} behind, following", data)
            : new HealthCheckResult(context.Registration.FailureStatus, $"{count} behind; the oldest has waited {seconds} s", data: data);
    }
}
