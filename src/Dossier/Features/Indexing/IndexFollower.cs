using Dossier.Search;

namespace Dossier.Features.Indexing;

/// <summary>
/// Keeps this node's index in step with the store while the server runs: catches up at start (a node that was
/// down follows what it missed), then follows new indexing tasks, whoever wrote them (the CLI, another node).
/// It also switches to an index that <c>dossier reindex</c> rebuilt beside this one. What it is doing is read by the
/// readiness check and the metrics.
/// </summary>
public sealed class IndexFollower(IServiceScopeFactory scopes, RecordIndex index, TimeProvider clock, ILogger<IndexFollower> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    private volatile FollowerState state = FollowerState.CatchingUp;
    private long recordsIndexed;
    private long failures;
    private long behind;
    private long lastProgress = clock.GetUtcNow().UtcTicks;

    public FollowerState State => state;

    /// <summary>Records (re)indexed since the server started, counted as each round ends.</summary>
    public long RecordsIndexed => Interlocked.Read(ref recordsIndexed);

    /// <summary>Rounds that failed (each is retried) since the server started.</summary>
    public long Failures => Interlocked.Read(ref failures);

    /// <summary>The tasks it had still to follow when it last looked: 0 once a round has caught up.</summary>
    public long Behind => Interlocked.Read(ref behind);

    /// <summary>When it last indexed a batch or ended a round: a follower busy with a long import still moves.</summary>
    public DateTimeOffset LastProgress => new(Interlocked.Read(ref lastProgress), TimeSpan.Zero);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await FollowAsync(stoppingToken);
        }
        finally
        {
            state = FollowerState.Stopped;
        }
    }

    private async Task FollowAsync(CancellationToken stoppingToken)
    {
        var progress = new Progress(this);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (index.SwitchToRebuilt()) logger.LogInformation("Switched to the rebuilt search index");
                await using var scope = scopes.CreateAsyncScope();
                var indexed = await scope.ServiceProvider.GetRequiredService<RecordIndexer>().CatchUpAsync(progress, stoppingToken);
                Interlocked.Add(ref recordsIndexed, indexed);
                Interlocked.Exchange(ref behind, 0);
                Moved();
                state = FollowerState.Following;
                if (indexed > 0) logger.LogInformation("Indexed {Count} records", indexed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The index stays at its last committed position; the next round tries again.
                Interlocked.Increment(ref failures);
                state = FollowerState.Failing;
                logger.LogError(e, "Following the store's changes failed; retrying");
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private void Moved() => Interlocked.Exchange(ref lastProgress, clock.GetUtcNow().UtcTicks);

    // Reported synchronously by the catch-up itself (System.Progress would post to the thread pool, out of order).
    private sealed class Progress(IndexFollower follower) : IProgress<(int Done, int Total)>
    {
        public void Report((int Done, int Total) value)
        {
            Interlocked.Exchange(ref follower.behind, Math.Max(0, value.Total - value.Done));
            follower.Moved();
        }
    }
}

public enum FollowerState
{
    /// <summary>Since the server started, no round has reached the store's last task yet.</summary>
    CatchingUp,

    /// <summary>The last round reached the store's last task it saw.</summary>
    Following,

    /// <summary>The last round failed; the next one tries again.</summary>
    Failing,

    /// <summary>The server is stopping.</summary>
    Stopped,
}

public static class IndexingSetup
{
    public static IServiceCollection AddIndexFollower(this IServiceCollection services)
    {
        // One instance, both run by the host and read by the readiness check and the metrics.
        services.AddSingleton<IndexFollower>();
        services.AddHostedService(provider => provider.GetRequiredService<IndexFollower>());
        return services;
    }
}
