using System.Globalization;
using System.Text.Json.Serialization;
using Dossier.Data;
using Dossier.Features.Indexing;
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
    /// How long, in seconds, a change may wait for this node's index before the node is not ready (30), unless its
    /// follower, caught up since start, is still moving (see <see cref="IndexHealthCheck"/>). 0: ready only when
    /// the index has followed every task.
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
/// This node's index against the store's indexing tasks. Ready when it has followed every task; or when the oldest
/// task it has not followed waited less than <see cref="HealthOptions.IndexDelaySeconds"/> (a following node is a
/// moment behind); or when its follower has caught up since the server started and is still moving (indexed a batch
/// within that delay): an import writes tasks faster than a node indexes them, and every node falls behind it alike,
/// so that a delay alone would take them all out of the load balancer together. A node still catching up at start
/// (back from being down), or whose following fails or has stopped, is ready only by the delay.
/// </summary>
internal sealed class IndexHealthCheck(IServiceScopeFactory scopes, RecordIndex index, IndexFollower follower, TimeProvider clock,
    IOptions<HealthOptions> options, ILogger<IndexHealthCheck> logger) : IHealthCheck
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

        var now = clock.GetUtcNow();
        var behind = oldest is null ? 0 : last - position;
        // Tasks are stamped in UTC by whichever node wrote them; the database may give the time back unmarked.
        var waited = oldest is null ? TimeSpan.Zero : now - new DateTimeOffset(DateTime.SpecifyKind(oldest.Value, DateTimeKind.Utc));
        var (ready, description) = Assess(behind, waited, follower.State, now - follower.LastProgress, TimeSpan.FromSeconds(options.Value.IndexDelaySeconds));
        var data = new Dictionary<string, object>
        {
            ["position"] = position,
            ["last"] = last,
            ["behind"] = behind,
            ["follower"] = Name(follower.State),
        };
        return new HealthCheckResult(ready ? HealthStatus.Healthy : context.Registration.FailureStatus, description, data: data);
    }

    /// <summary>Whether the node is ready, and why, from what it knows of the store and of its follower.</summary>
    public static (bool Ready, string Description) Assess(long behind, TimeSpan waited, FollowerState follower, TimeSpan sinceProgress, TimeSpan allowed)
    {
        if (behind <= 0) return (true, "up to date");
        var tasks = behind == 1 ? "1 task" : behind.ToString("N0", CultureInfo.InvariantCulture) + " tasks";
        var oldest = $"the oldest has waited {Seconds(waited)}";
        if (allowed > TimeSpan.Zero && waited <= allowed) return (true, $"{tasks} behind; {oldest}");
        if (allowed > TimeSpan.Zero && follower == FollowerState.Following && sinceProgress <= allowed)
            return (true, $"{tasks} behind, following; {oldest}");
        return (false, follower switch
        {
            FollowerState.CatchingUp => $"{tasks} behind, catching up since the server started; {oldest}",
            FollowerState.Failing => $"{tasks} behind, following fails; {oldest}",
            FollowerState.Stopped => $"{tasks} behind, not following; {oldest}",
            _ => $"{tasks} behind, no progress for {Seconds(sinceProgress)}; {oldest}",
        });
    }

    private static string Seconds(TimeSpan time) => Math.Max(0, time.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) + " s";

    private static string Name(FollowerState state) => state switch
    {
        FollowerState.CatchingUp => "catching-up",
        FollowerState.Following => "following",
        FollowerState.Failing => "failing",
        _ => "stopped",
    };
}
