using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Dossier.Bench;
using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Records;

// The archive at scale, end to end: a synthetic archive of N records is imported by the real `dossier import`,
// served by the real `dossier serve` and asked classes of questions over HTTP; SQLite FTS5 answers the same
// questions over the same records in this process, side by side in the same run. See docs/benchmarks.md.
if (args.FirstOrDefault() == "tei")
{
    await TeiImport.RunAsync(FindRoot(), args[1..]);
    return;
}

if (args.FirstOrDefault() == "screenshots")
{
    await Dossier.Bench.Screenshots.RunAsync(FindRoot());
    return;
}

if (args.FirstOrDefault() == "mentions")
{
    await MentionFinding.RunAsync(FindRoot(), args[1..]);
    return;
}

if (args.FirstOrDefault() == "suggest")
{
    await SuggestSpeed.RunAsync(FindRoot(), args[1..]);
    return;
}

if (args.FirstOrDefault() == "ocr")
{
    await OcrThroughput.RunAsync(FindRoot(), args[1..]);
    return;
}

if (args.FirstOrDefault() == "throughput")
{
    await Throughput.RunAsync(FindRoot(), args[1..]);
    return;
}

var count = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var withFts5 = !args.Contains("--without-fts5");
var root = FindRoot();
var corpus = Path.Combine(root, "..", "shared", "corpus");
var work = Path.Combine(Environment.GetEnvironmentVariable("DOSSIER_BENCH_WORK") ?? Path.GetTempPath(), "dossier-bench-" + Guid.NewGuid().ToString("N")[..8]);
var data = Path.Combine(work, "data");
Directory.CreateDirectory(data);
var results = new List<string>();
void Report(string what, string result)
{
    Console.WriteLine($"{what}: {result}");
    results.Add($"| {what} | {result} |");
}

try
{
    var clock = Stopwatch.StartNew();
    var archive = SyntheticArchive.Load(corpus);
    var jsonl = Path.Combine(work, "records.jsonl");
    archive.Write(jsonl, count);
    var input = new FileInfo(jsonl).Length;
    Console.WriteLine($"generated {count:N0} records ({input / 1048576.0:N0} MiB) in {clock.Elapsed.TotalSeconds:F0} s");

    // 1. Import, end to end: parse, store, index, commit, by the command an archivist runs.
    clock.Restart();
    var (importOutput, importPeak) = await ArchiveProcess.RunAsync("import", jsonl, "--publish", "--data", data);
    var importTime = clock.Elapsed;
    if (!importOutput.Contains($"Imported {count},", StringComparison.Ordinal)) throw new InvalidOperationException("import: " + importOutput);
    Report($"`dossier import` of {count:N0} JSON Lines records ({input / 1048576.0:N0} MiB, {input / count / 1024.0:F1} KB a record): parse, store, index, commit",
        $"{importTime.TotalSeconds:F1} s, **{count / importTime.TotalSeconds:N0} records/s**, peak memory {importPeak / 1048576.0:N0} MiB");
    var database = new DirectoryInfo(data).EnumerateFiles("dossier.db*").Sum(f => f.Length);
    var index = new DirectoryInfo(Path.Combine(data, "index")).EnumerateFiles().Sum(f => f.Length);
    Report("sizes: SQLite database (with its WAL) / search index", $"{database / 1048576.0:N0} / {index / 1048576.0:N0} MiB");

    // 2. Questions over HTTP to the running server, and the same questions to FTS5.
    var classes = QueryClasses(archive);
    Console.WriteLine($"vocabulary: {archive.EnglishVocabulary.Count:N0} English, {archive.RussianVocabulary.Count:N0} Russian words");
    Fts5Baseline? fts5 = null;
    if (withFts5)
    {
        clock.Restart();
        fts5 = Fts5Baseline.Build(jsonl, Path.Combine(work, "fts5.db"));
        Report("FTS5: building the same records' table (one transaction, then optimize)", $"{clock.Elapsed.TotalSeconds:F1} s, {fts5.Size / 1048576.0:N0} MiB");
    }

    await using (var server = await ArchiveProcess.Server.StartAsync(data))
    {
        using var http = new HttpClient { BaseAddress = server.Address };
        var latency = new List<string>
        {
            "",
            "| question (each asks: hits, top 20 by relevance with snippets, six facets' counts) | Dossier over HTTP p50 / p99 | FTS5 in-process p50 / p99 | FTS5 p50 ÷ Dossier p50 | hits (mean) |",
            "|---|---|---|---|---|",
        };
        foreach (var queryClass in classes)
        {
            var dossier = await Measure(queryClass.Questions, async q =>
            {
                var url = "/api/search?size=20&q=" + Uri.EscapeDataString(q.Text) + (q.Type is null ? "" : $"&type={Uri.EscapeDataString(q.Type)}&from={q.From}&to={q.To}");
                using var response = await http.GetAsync(new Uri(url, UriKind.Relative));
                response.EnsureSuccessStatusCode();
                using var json = JsonDocument.Parse(await response.Content.ReadAsStreamAsync());
                return json.RootElement.GetProperty("total").GetInt32();
            });
            var line = $"| {queryClass.Name} | {dossier.P50:F1} / {dossier.P99:F1} ms |";
            if (fts5 is not null)
            {
                var baseline = await Measure(queryClass.Questions, q => Task.FromResult(fts5.Answer(q.Fts5, q.Type, q.From, q.To)));
                line += $" {baseline.P50:F1} / {baseline.P99:F1} ms | **{baseline.P50 / dossier.P50:F1}×** | {dossier.MeanHits:N0} (FTS5 {baseline.MeanHits:N0}) |";
            }
            else
            {
                line += $" – | – | {dossier.MeanHits:N0} |";
            }
            Console.WriteLine(line);
            latency.Add(line);
        }

        // 3. A new record, then an edited one, searchable how soon after the import that wrote it commits.
        var fresh = new List<double>();
        var options = SqliteDatabase.Options(data);
        for (var i = 0; i < 10; i++)
        {
            var word = "freshword" + (char)('a' + i) + "q";
            var file = Path.Combine(work, $"fresh{i}.jsonl");
            var record = archive.Record(count + (i / 2)) with { Title = $"Newly described record {word}" };
            await File.WriteAllTextAsync(file, JsonSerializer.Serialize(record, RecordDocument.JsonOptions) + "\n");
            await using (var db = new DossierDb(options))
                await new RecordImport(db, [new JsonLinesImporter()], TimeProvider.System) { Publish = true }.RunAsync([file]);
            var written = Stopwatch.StartNew();
            while (written.Elapsed < TimeSpan.FromSeconds(30))
            {
                using var json = JsonDocument.Parse(await http.GetStringAsync(new Uri("/api/search?q=" + word, UriKind.Relative)));
                if (json.RootElement.GetProperty("total").GetInt32() == 1) break;
                await Task.Delay(10);
            }
            fresh.Add(written.Elapsed.TotalMilliseconds);
        }
        fresh.Sort();
        var (resident, peak) = ArchiveProcess.Memory(server.ProcessId);

        Report("a new or edited record searchable after its import commits (10: 5 new, 5 edits)", $"median {fresh[fresh.Count / 2]:N0} ms, slowest {fresh[^1]:N0} ms");
        Report("server memory after the questions: resident / peak resident", $"{resident / 1048576.0:N0} / {peak / 1048576.0:N0} MiB");
        results.AddRange(latency);
    }
    fts5?.Dispose();

    List<string> lines =
    [
        "",
        $"## {BenchmarkReport.Today}: {count:N0} synthetic records",
        "",
        BenchmarkReport.Machine,
        "",
        "| what | result |",
        "|---|---|",
        .. results,
    ];
    await BenchmarkReport.AddRunAsync(root, lines);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    if (!args.Contains("--keep")) Directory.Delete(work, recursive: true);
    else Console.WriteLine("kept " + work);
}

// Each question is asked in turn, round and round, after a warm-up: up to 200 answers, or a minute per class.
// The slowest questions are printed, so that a p99 can be traced to what was asked.
static async Task<(double P50, double P99, double MeanHits)> Measure(IReadOnlyList<Question> questions, Func<Question, Task<int>> ask)
{
    foreach (var q in questions) await ask(q);
    var times = new List<(double Ms, Question Question, int Hits)>();
    var budget = Stopwatch.StartNew();
    for (var i = 0; times.Count < 200 && (times.Count < 20 || budget.Elapsed < TimeSpan.FromMinutes(1)); i++)
    {
        var question = questions[i % questions.Count];
        var started = Stopwatch.GetTimestamp();
        var hits = await ask(question);
        times.Add((Stopwatch.GetElapsedTime(started).TotalMilliseconds, question, hits));
    }
    times.Sort((a, b) => a.Ms.CompareTo(b.Ms));
    foreach (var (ms, question, hits) in times.TakeLast(3))
        Console.WriteLine($"  slow: {question.Text} {question.Type} {ms:F1} ms, {hits:N0} hits");
    return (times[times.Count / 2].Ms, times[Math.Min(times.Count - 1, (int)Math.Ceiling(times.Count * 0.99) - 1)].Ms, times.Average(t => t.Hits));
}

static List<QueryClass> QueryClasses(SyntheticArchive archive)
{
    var english = archive.EnglishVocabulary;
    var russian = archive.RussianVocabulary;
    // Every so many ranks of a band of the vocabulary, so that each class asks many different questions.
    static IEnumerable<string> Band(IReadOnlyList<string> words, int from, int to, int take) =>
        Enumerable.Range(0, take).Select(i => words[Math.Min(words.Count - 1, from + i * (to - from) / take)]).Distinct(StringComparer.Ordinal);
    static string Quote(string words) => "\"" + words + "\"";

    return
    [
        new("selective words (English ranks 8,000–40,000, Russian 2,000–20,000)",
            [.. Band(english, 8_000, 40_000, 30).Concat(Band(russian, 2_000, 20_000, 10)).Select(w => new Question(w, Quote(w)))]),
        new("very frequent words (the 20 commonest English, 5 Russian)",
            [.. Band(english, 0, 20, 20).Concat(Band(russian, 0, 5, 5)).Select(w => new Question(w, Quote(w)))]),
        new("phrases (\"trade credit\", \"Совет Министров\", ...)",
            [.. new[] { "trade credit", "Council of Ministers", "missile base", "peaceful coexistence", "Bay of Pigs", "Warsaw Pact", "economic assistance", "торговый кредит", "Совет Министров", "ракетная база" }
                .Select(p => new Question(Quote(p), Quote(p)))]),
        new("a word, a date range (1960–1965) and a type (Telegram)",
            [.. Band(english, 100, 2_000, 25).Select(w => new Question(w, Quote(w), "Telegram", "1960", "1965"))]),
        new("a person's name (Khrushchev, Mikoyan, Alekseev, ..., and people of the authority file)",
            [.. SyntheticArchive.Figures.Select(f => f.Latin[0].Split(' ')[^1]).Concat(archive.Surnames.Where(s => s.All(char.IsLetter)).Take(2_000).Where((_, i) => i % 100 == 0))
                .Select(n => new Question(n, Quote(n)))]),
    ];
}

static string FindRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
    throw new DirectoryNotFoundException("Dossier.slnx not found");
}

/// <summary>One question: the query as a reader types it in Dossier, and as FTS5 reads it; a type and date range to filter by.</summary>
internal sealed record Question(string Text, string Fts5, string? Type = null, string? From = null, string? To = null);

internal sealed record QueryClass(string Name, IReadOnlyList<Question> Questions);
