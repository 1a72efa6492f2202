using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Dossier.Tests;

/// <summary>A real <c>dossier serve</c> process on a loopback port of its own, as an operator runs a node.</summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();

    private ServerProcess(Process process, Uri address)
    {
        this.process = process;
        Address = address;
        Client = new HttpClient { BaseAddress = address };
        process.OutputDataReceived += (_, line) => Append(line.Data);
        process.ErrorDataReceived += (_, line) => Append(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public Uri Address { get; }
    public HttpClient Client { get; }

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
    }

    /// <summary>Starts <c>dossier serve</c> with these arguments and waits until it says it is ready (its index caught up).</summary>
    public static async Task<ServerProcess> StartAsync(params string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = DossierProcess.StartInfo(["serve", "--urls", address.ToString().TrimEnd('/'), .. args], []);
        start.RedirectStandardInput = false;
        var server = new ServerProcess(Process.Start(start)!, address);
        var until = Stopwatch.StartNew();
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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await KillAsync();
        process.Dispose();
    }
}
