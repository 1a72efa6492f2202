using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace Dossier.Originals;

/// <summary>
/// The programs that read originals, from Debian's packages: poppler's <c>pdfinfo</c>, <c>pdftotext</c> and
/// <c>pdftoppm</c>, and <c>tesseract</c> with its English and Russian models. A missing program is said by name,
/// with the package that brings it, instead of failing obscurely.
/// </summary>
public static class ExternalTools
{
    public static readonly IReadOnlyDictionary<string, string> Packages = new Dictionary<string, string>
    {
        ["pdfinfo"] = "poppler-utils",
        ["pdftotext"] = "poppler-utils",
        ["pdftoppm"] = "poppler-utils",
        ["tesseract"] = "tesseract-ocr",
    };

    /// <summary>Runs a program; its standard output, or an exception that says why not.</summary>
    public static async Task<string> RunAsync(string program, IEnumerable<string> arguments, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        // Tesseract's own threads fight the archive's other work for two cores; a page at a time on one is steadier.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new ToolMissingException(program, Packages.GetValueOrDefault(program));
        }
        catch (Win32Exception)
        {
            throw new ToolMissingException(program, Packages.GetValueOrDefault(program));
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            limit.CancelAfter(timeout);
            try
            {
                await process.WaitForExitAsync(limit.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                cancellationToken.ThrowIfCancellationRequested();
                throw new TimeoutException($"{program} took more than {timeout.TotalSeconds:0} seconds");
            }
            var text = await output;
            var problem = (await error).Trim();
            if (process.ExitCode != 0) throw new ToolFailedException(program, process.ExitCode, problem);
            return text;
        }
    }

    /// <summary>The programs an original's reading needs that this machine lacks.</summary>
    public static IReadOnlyList<string> Missing() => [.. Packages.Keys.Where(p => !Installed(p))];

    /// <summary>Whether a program can be run here (for the health of the reading, and for tests to say what is missing).</summary>
    public static bool Installed(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Any(directory => File.Exists(Path.Combine(directory, program)));
}

/// <summary>A program the reading needs is not installed.</summary>
public sealed class ToolMissingException(string program, string? package)
    : Exception($"{program} is not installed on this machine" + (package is null ? "" : $" (Debian: apt-get install {package})"))
{
    public string Program { get; } = program;
}

/// <summary>A program ended with an error; its message is the program's own.</summary>
public sealed class ToolFailedException(string program, int exitCode, string error)
    : Exception($"{program} failed (exit code {exitCode}){(error.Length > 0 ? ": " + (error.Length > 500 ? error[..500] + "…" : error) : "")}")
{
    public string Error { get; } = error;
}

/// <summary>The file itself cannot be read (encrypted, damaged, not what it claims): trying again will not help.</summary>
public sealed class UnreadableFileException(string message, Exception? inner = null) : Exception(message, inner);
