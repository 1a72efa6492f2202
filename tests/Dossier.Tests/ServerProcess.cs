using System.Diagnostics;
using System.Text.RegularExpressions;

namespace Dossier.Tests;

/// <summary>
/// A real <c>dossier serve</c> process, as an operator runs a node: on a loopback port it picks itself (port 0, read
/// back from its log, so no other process can take it in between), started once it says it is ready.
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private const string ListeningOn = "Now listening on: ";
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private readonly RunningDossier process;

    private ServerProcess(RunningDossier process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Client { get; }

    /// <summary>What the process has written so far, for a failing test's message.</summary>
    public string Output => string.Join('\n', process.Lines);

    /// <summary>Starts <c>dossier serve</c> with these arguments and waits until it says it is ready (its index caught up).</summary>
    public static async Task<ServerProcess> StartAsync(params string[] args)
    {
        var running = DossierProcess.Start(["serve", "--urls", "http://127.0.0.1:0", .. args]);
        if (!await running.WaitForAsync(lines => lines.Any(l => l.Contains(ListeningOn, StringComparison.Ordinal)), Patience))
        {
            running.Dispose();
            throw new TimeoutException($"dossier serve did not start:\n{string.Join('\n', running.Lines)}");
        }
        // The address ends the text line, or the message in a JSON log's line.
        var address = new Uri(Regex.Match(running.Lines.First(l => l.Contains(ListeningOn, StringComparison.Ordinal)), ListeningOn + @"(http://[^\s""]+)").Groups[1].Value);
        var server = new ServerProcess(running, address);
        var until = Stopwatch.StartNew();
        while (true)
        {
            if (running.HasExited) throw new InvalidOperationException($"dossier serve exited with {running.ExitCode}:\n{server.Output}");
            try
            {
                using var response = await server.Client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // Not answering yet.
            }
            if (until.Elapsed > Patience)
            {
                await server.DisposeAsync();
                throw new TimeoutException($"dossier serve was not ready within a minute:\n{server.Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>What the process has written so far, line by line.</summary>
    public IReadOnlyList<string> Lines => process.Lines;

    /// <summary>Stops the process in order (SIGTERM), as a service manager does; returns its exit code.</summary>
    public async Task<int> StopAsync()
    {
        await process.StopAsync();
        return process.ExitCode;
    }

    /// <summary>Stops the process at once, as a crash or a power cut would (SIGKILL).</summary>
    public Task KillAsync() => process.KillAsync();

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await process.KillAsync();
        process.Dispose();
    }
}
