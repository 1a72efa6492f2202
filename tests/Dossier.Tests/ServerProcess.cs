using System.Diagnostics;
using System.Text;

namespace Dossier.Tests;

/// <summary>A real <c>dossier serve</c> process on a loopback port of its own, as an operator runs a node.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ServerProcess(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; private set; } = null!;
    public HttpClient Client { get; private set; } = null!;

    /// <summary>What the process has written so far, for a failing test's message.</summary>
    public string Output
    {
        get
        {
            lock (output) return output.ToString();
        }
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (output) output.AppendLine(line);
        // The server picks its own free port (port 0) and says which: no other process can take it in between.
        var at = line.IndexOf(ListeningOn, StringComparison.Ordinal);
        if (at >= 0) listening.TrySetResult(new Uri(line[(at + ListeningOn.Length)..].Trim()));
    }

    private const string ListeningOn = "Now listening on: ";

    /// <summary>Starts <c>dossier serve</c> with these arguments and waits until it says it is ready (its index caught up).</summary>
    public static async Task<ServerProcess> StartAsync(params string[] args)
    {
        var start = DossierProcess.StartInfo(["serve", "--urls", "http://127.0.0.1:0", .. args], []);
        start.RedirectStandardInput = false;
        var server = new ServerProcess(Process.Start(start)!);
        var until = Stopwatch.StartNew();
        while (server.Client is null)
        {
            if (server.process.HasExited) throw new InvalidOperationException($"dossier serve exited with {server.process.ExitCode}:\n{server.Output}");
            if (server.listening.Task.IsCompleted)
            {
                server.Address = await server.listening.Task;
                server.Client = new HttpClient { BaseAddress = server.Address };
                break;
            }
            if (until.Elapsed > TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"dossier serve did not say where it listens within a minute:\n{server.Output}");
            }
            await Task.Delay(50);
        }
        while (true)
        {
            if (server.process.HasExited) throw new InvalidOperationException($"dossier serve exited with {server.process.ExitCode}:\n{server.Output}");
            try
            {
                using var response = await server.Client.GetAsync("/health/ready");
                if (response.IsSuccessStatusCode) return server;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            if (until.Elapsed > TimeSpan.FromSeconds(60))
            {
                await server.DisposeAsync();
                throw new TimeoutException($"dossier serve did not answer within a minute:\n{server.Output}");
            }
            await Task.Delay(100);
        }
    }

    /// <summary>Stops the process at once, as a crash or a power cut would (SIGKILL).</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        Client?.Dispose();
        await KillAsync();
        process.Dispose();
    }
}
