using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Import.PageCaptures;
using Dossier.Records;
using Dossier.Search;

// The archive at scale: import N records made from the real captures, index them, then time searches.
// Results go to docs/benchmarks.md with the machine and the date. Medians of repeated runs, measured side by side.
var count = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 50_000;
var root = FindRoot();
var work = Path.Combine(Path.GetTempPath(), "dossier-bench-" + Guid.NewGuid().ToString("N")[..8]);
Directory.CreateDirectory(work);
try
{
    var pages = Directory.EnumerateFiles(Path.Combine(root, "..", "shared", "corpus", "archive-pages"), "*.txt").Order(StringComparer.Ordinal)
        .Select(f => PageCaptureParser.Parse(File.ReadAllText(f)).ToRecord()).ToList();

    var parse = Median(200, () => PageCaptureParser.Parse(File.ReadAllText(Directory.EnumerateFiles(Path.Combine(root, "..", "shared", "corpus", "archive-pages"), "001_*.txt").Single())));

    var jsonl = Path.Combine(work, "records.jsonl");
    await using (var writer = new StreamWriter(jsonl))
    {
        for (var i = 0; i < count; i++)
        {
            var source = pages[i % pages.Count];
            var date = new DateOnly(1945, 1, 1).AddDays(i % 18_000);
            var document = RecordDocument.From(source, null, "") with
            {
                Id = null,
                Citation = null,
                RecordId = "B" + i.ToString(CultureInfo.InvariantCulture),
                Title = $"{source.Title} ({i.ToString(CultureInfo.InvariantCulture)})",
                Date = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            };
            await writer.WriteLineAsync(JsonSerializer.Serialize(document, RecordDocument.JsonOptions));
        }
    }

    var options = SqliteDatabase.Options(work);
    await using (var db = new DossierDb(options)) await SqliteDatabase.MigrateAsync(db);

    var reading = Stopwatch.StartNew();
    foreach (var item in new JsonLinesImporter().Read(jsonl)) RecordImport.Prepare(item.Record!);
    reading.Stop();

    var import = Stopwatch.StartNew();
    await using (var db = new DossierDb(options))
    {
        var report = await new RecordImport(db, [new JsonLinesImporter()], TimeProvider.System).RunAsync([jsonl]);
        if (report.Imported != count) throw new InvalidOperationException($"imported {report.Imported} of {count}");
    }
    import.Stop();

    using var index = RecordIndex.Open(Path.Combine(work, "index"));
    var indexing = Stopwatch.StartNew();
    await using (var db = new DossierDb(options)) await new RecordIndexer(db, index).CatchUpAsync();
    indexing.Stop();

    string[] queries = ["Castro", "\"trade credit\"", "Гуантанамо", "Guevara Khrushchev", "Castro OR Dorticos", ""];
    var searches = queries.Select(q => (Query: q, Median: Median(50, () => index.Search(q, 1, 20)))).ToList();
    var deep = Median(20, () => index.Search("Castro", 400, 20));
    var database = new DirectoryInfo(work).EnumerateFiles("dossier.db*").Sum(f => f.Length);
    var indexSize = new DirectoryInfo(Path.Combine(work, "index")).EnumerateFiles().Sum(f => f.Length);
    var input = new FileInfo(jsonl).Length;

    var lines = new List<string>
    {
        "",
        $"## {TimeProvider.System.GetUtcNow().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}: {count:N0} records",
        "",
        $"Machine: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}.",
        "",
        "| what | result |",
        "|---|---|",
        $"| parse one page capture (001, median of 200) | {parse.TotalMilliseconds:F2} ms |",
        $"| import {count:N0} JSON Lines records into SQLite | {import.Elapsed.TotalSeconds:F1} s ({count / import.Elapsed.TotalSeconds:N0} records/s) |",
        $"| of which reading and hashing the records (measured apart) | {reading.Elapsed.TotalSeconds:F1} s |",
        $"| index them (catch-up from the indexing tasks) | {indexing.Elapsed.TotalSeconds:F1} s ({count / indexing.Elapsed.TotalSeconds:N0} records/s) |",
        $"| sizes: the JSON Lines input / the SQLite database (with its WAL) / the search index | {input / 1048576.0:N0} / {database / 1048576.0:N0} / {indexSize / 1048576.0:N0} MiB |",
    };
    foreach (var (query, median) in searches)
        lines.Add($"| search `{(query.Length == 0 ? "(empty: all, newest first)" : query.Replace("|", "\\|", StringComparison.Ordinal))}`, page 1 (median of 50) | {median.TotalMilliseconds:F2} ms |");
    lines.Add($"| search `Castro`, page 400 of 20 (median of 20) | {deep.TotalMilliseconds:F2} ms |");
    foreach (var line in lines) Console.WriteLine(line);
    await File.AppendAllLinesAsync(Path.Combine(root, "docs", "benchmarks.md"), lines);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    Directory.Delete(work, recursive: true);
}

static TimeSpan Median(int runs, Action action)
{
    action(); // warm-up
    var times = new List<TimeSpan>();
    for (var i = 0; i < runs; i++)
    {
        var sw = Stopwatch.StartNew();
        action();
        times.Add(sw.Elapsed);
    }
    times.Sort();
    return times[times.Count / 2];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
    throw new DirectoryNotFoundException("Dossier.slnx not found");
}
