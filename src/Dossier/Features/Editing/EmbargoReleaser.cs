using Dossier.Curation;

namespace Dossier.Features.Editing;

/// <summary>Publishes embargoed records on their day, every minute, without anyone acting.</summary>
public sealed class EmbargoReleaser(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EmbargoReleaser> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var released = await scope.ServiceProvider.GetRequiredService<EmbargoRelease>().ReleaseDueAsync(stoppingToken);
                if (released.Count > 0) log.LogInformation("Embargo ended: published records {Records}", string.Join(", ", released));
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A busy or failing store is tried again at the next tick.
                log.LogWarning(e, "Releasing embargoed records failed; trying again in a minute");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
