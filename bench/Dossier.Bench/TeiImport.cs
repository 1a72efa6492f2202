using System.Diagnostics;
using System.Globalization;

namespace Dossier.Bench;

/// <summary>
/// The FRUS volumes in ../shared/corpus/frus (TEI, 10,693 documents), imported and indexed by the real
/// <c>dossier import --publish</c> into an empty archive, several times; the median is reported.
/// </summary>
public static class TeiImport
{
    public static async Task RunAsync(string root, string[] args)
    {
        var runs = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 3;
        var frus = Path.GetFullPath(Path.Combine(root, "..", "shared", "corpus", "frus"));
        var files = Directory.EnumerateFiles(frus, "*.xml").ToList();
        var bytes = files.Sum(f => new FileInfo(f).Length);
        var times = new List<double>();
        var peaks = new List<long>();
        var documents = 0;
        for (var run = 0; run < runs; run++)
        {
            var data = Path.Combine(Path.GetTempPath(), "dossier-bench-tei-" + Guid.NewGuid().ToString("N")[..8]);
            try
            {
                var clock = Stopwatch.StartNew();
                var (output, peak) = await ArchiveProcess.RunAsync("import", frus, "--publish", "--data", data);
                times.Add(clock.Elapsed.TotalSeconds);
                peaks.Add(peak);
                var line = output.Split('\n').First(l => l.StartsWith("Imported ", StringComparison.Ordinal));
                documents = int.Parse(line["Imported ".Length..line.IndexOf(',', StringComparison.Ordinal)], CultureInfo.InvariantCulture);
                Console.WriteLine($"run {run + 1}: {times[^1]:F1} s, {line}");
            }
            finally
            {
                Directory.Delete(data, recursive: true);
            }
        }
        times.Sort();
        peaks.Sort();
        var median = times[times.Count / 2];
        await BenchmarkReport.AddRunAsync(root,
        [
            $"## {BenchmarkReport.Today}: importing the FRUS volumes (TEI)",
            "",
            BenchmarkReport.Machine,
            "",
            "`dotnet run -c Release --project bench/Dossier.Bench -- tei [runs]`: the real `dossier import --publish` of",
            $"`../shared/corpus/frus` ({files.Count} TEI files, {bytes / 1048576.0:N0} MiB) into an empty archive: read, store in SQLite, index, commit.",
            "",
            "| what | median of " + runs.ToString(CultureInfo.InvariantCulture) + " runs | all runs |",
            "|---|---|---|",
            $"| {documents:N0} documents, parse to indexed | **{median:F1} s**, {documents / median:N0} documents/s | {string.Join(", ", times.Select(t => t.ToString("F1", CultureInfo.InvariantCulture) + " s"))} |",
            $"| peak memory | {peaks[peaks.Count / 2] / 1048576.0:N0} MiB | |",
            "",
        ]);
    }
}
