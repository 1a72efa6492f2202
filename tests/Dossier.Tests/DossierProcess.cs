using System.Diagnostics;

namespace Dossier.Tests;

/// <summary>The <c>dossier</c> executable itself, as a separate process with its output redirected (as in CI or a pipe).</summary>
public static class DossierProcess
{
    public static Task<(int Code, string Output)> RunAsync(params string[] args) => RunAsync(args, []);

    public static async Task<(int Code, string Output)> RunAsync(string[] args, Dictionary<string, string> environment, string? input = null)
    {
        using var process = Process.Start(StartInfo(args, environment))!;
        if (input is not null) await process.StandardInput.WriteLineAsync(input);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung command must not outlive the test, holding its locks and connections.
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await stdout + await stderr);
    }

    /// <summary>Starts the executable and collects its output line by line, to be watched while it runs (and killed).</summary>
    public static RunningDossier Start(params string[] args) => new(Process.Start(StartInfo(args, []))!);

    /// <summary>How to start the executable built beside the tests, with no data directory or database from the environment.</summary>
    public static ProcessStartInfo StartInfo(IEnumerable<string> args, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "dossier.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment.Remove("DOSSIER_DATA");
        start.Environment.Remove("DOSSIER__DATABASE");
        foreach (var (key, value) in environment) start.Environment[key] = value;
        return start;
    }
}

/// <summary>A running <c>dossier</c> process and the lines it has written so far (standard output and error).</summary>
public sealed class RunningDossier : IDisposable
{
    private readonly Process process;
    private readonly List<string> lines = [];

    internal RunningDossier(Process process)
    {
        this.process = process;
        process.OutputDataReceived += (_, e) => Add(e.Data);
        process.ErrorDataReceived += (_, e) => Add(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        process.StandardInput.Close();
    }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (lines) return [.. lines];
        }
    }

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Waits until the output so far satisfies <paramref name="condition"/> (true), or the process ends or time runs out (false).</summary>
    public async Task<bool> WaitForAsync(Func<IReadOnlyList<string>, bool> condition, TimeSpan timeout)
    {
        var until = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < until)
        {
            if (condition(Lines)) return true;
            if (process.HasExited)
            {
                await process.WaitForExitAsync();
                return condition(Lines);
            }
            await Task.Delay(5);
        }
        return false;
    }

    /// <summary>SIGKILL: the process ends at once, in whatever it was doing; everything it had written is read.</summary>
    public async Task KillAsync()
    {
        if (!process.HasExited) process.Kill();
        await WaitForExitAsync();
    }

    /// <summary>SIGTERM: the process stops as a service manager stops it, finishing what it must on the way out.</summary>
    public async Task StopAsync()
    {
        if (!process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }
        await WaitForExitAsync();
    }

    public async Task WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        // Also waits for the end of the redirected output, so Lines holds all of it.
        await process.WaitForExitAsync(timeout.Token);
    }

    private void Add(string? line)
    {
        if (line is null) return;
        lock (lines) lines.Add(line);
    }

    public void Dispose()
    {
        if (!process.HasExited) process.Kill();
        process.Dispose();
    }
}
