using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Dossier.Bench;

/// <summary>The real <c>dossier</c> executable run as its own process, as an operator would run it.</summary>
public static class ArchiveProcess
{
    private static string Executable => Path.Combine(AppContext.BaseDirectory, "dossier.dll");

    public static ProcessStartInfo Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Executable);
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("DOSSIER_DATA");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // The benchmark asks as fast as it can from one address, which the search API's rate limit is there to stop.
        start.Environment["Dossier__RateLimits__SearchPerSecond"] = "0";
        return start;
    }

    /// <summary>Runs a command to its end; returns its output and the most memory it held.</summary>
    public static async Task<(string Output, long PeakBytes)> RunAsync(params string[] args)
    {
        using var process = Process.Start(Start(args))!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long peak = 0;
        while (!process.WaitForExit(250)) peak = Math.Max(peak, Memory(process.Id).Peak);
        var output = await stdout + await stderr;
        if (process.ExitCode != 0) throw new InvalidOperationException($"dossier {string.Join(' ', args)} failed ({process.ExitCode}):\n{output}");
        return (output, peak);
    }

    /// <summary>Resident and peak resident memory of a process, from /proc.</summary>
    public static (long Resident, long Peak) Memory(int pid)
    {
        try
        {
            long rss = 0, hwm = 0;
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
            }
            return (rss, hwm);
        }
        catch (IOException)
        {
            return (0, 0); // the process has just ended
        }

        static long Kilobytes(string line) =>
            long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>A running <c>dossier serve</c>; stopped when disposed.</summary>
    public sealed class Server : IAsyncDisposable
    {
        private readonly Process process;

        private Server(Process process, Uri address)
        {
            this.process = process;
            Address = address;
        }

        public Uri Address { get; }

        public int ProcessId => process.Id;

        /// <summary>Starts a server on a data directory (and on the database <paramref name="settings"/> name) and waits until it is ready.</summary>
        public static async Task<Server> StartAsync(string data, params string[] settings)
        {
            var address = new Uri($"http://127.0.0.1:{FreePort()}");
            var process = Process.Start(Start(["serve", "--data", data, "--urls", address.ToString().TrimEnd('/'), .. settings]))!;
            process.OutputDataReceived += (_, _) => { };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            var server = new Server(process, address);
            using var client = new HttpClient { BaseAddress = address };
            var deadline = Stopwatch.StartNew();
            while (deadline.Elapsed < TimeSpan.FromMinutes(10))
            {
                if (process.HasExited) throw new InvalidOperationException("the server stopped at start");
                try
                {
                    // Ready: the database answers and the node's index has caught up with it.
                    if ((await client.GetAsync(new Uri("/health/ready", UriKind.Relative))).IsSuccessStatusCode) return server;
                }
                catch (HttpRequestException)
                {
                    // not listening yet
                }
                await Task.Delay(200);
            }
            throw new TimeoutException("the server did not answer");
        }

        public async ValueTask DisposeAsync()
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
            }
            process.Dispose();
        }
    }
}
