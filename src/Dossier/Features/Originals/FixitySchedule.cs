using Dossier.Originals;

namespace Dossier.Features.Originals;

/// <summary>
/// Verifies the stored files on a schedule: when no node has verified them for <c>Dossier:Fixity:Interval</c> (a week
/// by default; 0 turns it off), this server does. Its findings are on the administrators' page.
/// </summary>
public sealed class FixitySchedule(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<FixitySchedule> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultInterval = TimeSpan.FromDays(7);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = configuration.GetValue("Dossier:Fixity:Interval", DefaultInterval);
        if (interval <= TimeSpan.Zero) return;
        // Looked at again at most every hour, and sooner when the interval is shorter.
        var look = TimeSpan.FromTicks(Math.Min(TimeSpan.FromHours(1).Ticks, Math.Max(interval.Ticks / 4, TimeSpan.FromMilliseconds(250).Ticks)));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var verification = scope.ServiceProvider.GetRequiredService<FixityVerification>();
                var last = await verification.LastAsync(stoppingToken);
                if (last is null || clock.GetUtcNow().UtcDateTime - last.StartedAt >= interval)
                {
                    var check = await verification.RunAsync(Environment.MachineName, null, stoppingToken);
                    if (check.Passed) logger.LogInformation("Verified {Files} stored files: all intact", check.Files);
                    else logger.LogError("Verified {Files} stored files: {Damaged} damaged, {Missing} missing\n{Report}", check.Files, check.Damaged, check.Missing, check.Report);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogError(e, "The scheduled verification of the stored files failed; it is tried again later");
            }
            await Task.Delay(look, clock, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
