using Dossier.Originals;

namespace Dossier.Features.Originals;

/// <summary>
/// Reads the originals waiting to be read, one at a time, while the server runs: those attached in the editor, by
/// an import, or by <c>dossier attach --later</c>. Several nodes may each run one; a lease keeps them off each other's
/// file. <c>Dossier:Originals:Read=false</c> leaves the reading to other nodes (or to <c>dossier ocr</c>).
/// </summary>
public sealed class OriginalsWorker(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<OriginalsWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Idle = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Dossier:Originals:Read", true)) return;
        foreach (var program in ExternalTools.Missing())
            logger.LogWarning("{Program} is not installed (Debian: apt-get install {Package}): originals that need it cannot be read", program, ExternalTools.Packages[program]);
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = false;
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reading = scope.ServiceProvider.GetRequiredService<OriginalReading>();
                if (await reading.ClaimAsync(stoppingToken) is { } original)
                {
                    worked = true;
                    await reading.ReadAsync(original, null, stoppingToken);
                    logger.LogInformation("Original {Id} ({FileName}) of record {Record}: {State} {Problem}", original.Id, original.FileName,
                        original.ArchivalRecordId, original.State, original.Problem);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                // The store unreachable for a moment: the original waits, the worker tries again later.
                logger.LogError(e, "Reading originals failed; trying again shortly");
            }
            if (!worked) await Task.Delay(Idle, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }
}
