using System.Globalization;
using System.Runtime.InteropServices;

namespace Dossier.Bench;

/// <summary>docs/benchmarks.md: each run is a section, the newest first, headed by its date and the machine it ran on.</summary>
public static class BenchmarkReport
{
    public static string Machine =>
        $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, " +
        $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:N0} GiB.";

    public static string Today => TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static async Task AddRunAsync(string root, IEnumerable<string> lines)
    {
        var document = Path.Combine(root, "docs", "benchmarks.md");
        var text = await File.ReadAllTextAsync(document);
        var earlier = text.IndexOf("\n## ", StringComparison.Ordinal) + 1;
        var run = string.Join('\n', lines) + "\n";
        await File.WriteAllTextAsync(document, earlier <= 0 ? text + run : text[..earlier] + run.TrimStart('\n') + "\n" + text[earlier..]);
        Console.WriteLine("written to docs/benchmarks.md");
    }
}
