using Dossier.Features.Operations;
using Dossier.Search;

namespace Dossier.Features.Indexing;

/// <summary>
/// Keeps this node's index in step with the store while the server runs: catches up at start (a node that was
/// down follows what it missed), then follows new indexing tasks, whoever wrote them (the CLI, another node).
/// </summary>
public sealed class IndexFollower(IServiceScopeFactory scopes, DossierMetrics metrics, ILogger<IndexFollower> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var indexed = await scope.ServiceProvider.GetRequiredService<RecordIndexer>().CatchUpAsync(metrics.IndexingProgress, stoppingToken);
                metrics.CaughtUp(indexed);
                if (indexed > 0) logger.LogInformation("Indexed {Count} records", indexed);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The index stays at its last committed position; the next round tries again.
                metrics.FollowFailed();
                logger.LogError(e, "Following the store's changes failed; retrying");
            }
            try
            {
                await Task.Delay(Interval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}

public static class IndexingSetup
{
    public static IServiceCollection AddIndexFollower(this IServiceCollection services)
    {
        services.AddHostedService<IndexFollower>();
        return services;
    }
}
