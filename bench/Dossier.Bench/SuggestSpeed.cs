using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Dossier.Bench;

/// <summary>
/// Search as you type at the size of the real material: the FRUS records (10,693) and the Office of the Historian's
/// 16,312 people in one archive, served by the real <c>dossier serve</c>; a reader typing names and title words letter
/// by letter asks <c>/api/suggest</c> at each letter, over HTTP, one request at a time. The full search of the same
/// words is asked in the same run, side by side, for the ratio.
/// </summary>
public static class SuggestSpeed
{
    public static async Task RunAsync(string root, string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 5;
        var corpus = Path.Combine(root, "..", "shared", "corpus");
        var data = Path.Combine(Path.GetTempPath(), "dossier-bench-suggest-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = Stopwatch.StartNew();
            await ArchiveProcess.RunAsync("import", Path.Combine(corpus, "frus"), "--publish", "--data", data);
            await ArchiveProcess.RunAsync("authorities", "import", Path.Combine(corpus, "people", "data"), "--no-find", "--data", data);
            Console.WriteLine($"archive built in {clock.Elapsed.TotalSeconds:F0} s");
            // The rate limit is for the public; the benchmark is one reader asking as fast as the answers come.
            await using var server = await ArchiveProcess.Server.StartAsync(data, "--Dossier:RateLimits:SearchPerSecond=0");
            using var client = new HttpClient { BaseAddress = server.Address };

            // What readers type: surnames and given names in both scripts, title words, letter by letter from the second.
            string[] typed =
            [
                "Khrushchev", "Хрущев", "Kennedy", "Castro", "Кастро", "Dobrynin", "Gromyko", "Rusk", "Stevenson", "Bundy",
                "Nehru", "Tito", "Adenauer", "de Gaulle", "Macmillan", "Mikoyan", "Guevara", "Thompson", "Bohlen", "Harriman",
                "Berlin", "Cuba", "missile", "telegram from the embassy", "memorandum of conversation", "Ambassador in the Soviet",
                "Secretary of State", "Laos", "Congo", "disarmament",
            ];
            var asks = typed.SelectMany(word => Enumerable.Range(2, word.Length - 1).Select(n => word[..n])).ToList();
            foreach (var q in asks.Take(40)) await AskAsync(client, "/api/suggest?q=" + Uri.EscapeDataString(q)); // warm up

            var suggest = new List<double>();
            var search = new List<double>();
            var answered = 0;
            for (var round = 0; round < rounds; round++)
            {
                foreach (var q in asks)
                {
                    var (ms, count) = await AskAsync(client, "/api/suggest?q=" + Uri.EscapeDataString(q));
                    suggest.Add(ms);
                    answered += count > 0 ? 1 : 0;
                }
                foreach (var word in typed)
                    search.Add((await AskAsync(client, "/api/search?q=" + Uri.EscapeDataString(word))).Ms);
            }
            static double Quantile(List<double> values, double q) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Floor(q * values.Count)));
            var (median, p95, p99) = (Quantile(suggest, .5), Quantile(suggest, .95), Quantile(suggest, .99));
            var searchMedian = Quantile(search, .5);
            Console.WriteLine($"suggest: median {median:F1} ms, p95 {p95:F1} ms, p99 {p99:F1} ms over {suggest.Count} asks; search median {searchMedian:F1} ms");
            await BenchmarkReport.AddRunAsync(root,
            [
                $"## {BenchmarkReport.Today}: search as you type over the FRUS records and 16,312 people",
                "",
                BenchmarkReport.Machine,
                "",
                "`dotnet run -c Release --project bench/Dossier.Bench -- suggest [rounds]`: the real `dossier import --publish` of the 26 FRUS files",
                "(10,693 records) and `dossier authorities import --no-find` of the Office of the Historian's 16,312 people, served by the real",
                $"`dossier serve` (SQLite); {typed.Length} names and title words (Latin and Cyrillic) typed letter by letter from the second letter,",
                $"each beginning asked of `GET /api/suggest?q=` over HTTP, one at a time, {rounds} rounds after a warm-up; in the same rounds, `GET /api/search?q=`",
                "of the whole words for the ratio. Times are the client's, from request to the last byte.",
                "",
                "| measure | result |",
                "|---|---|",
                $"| `/api/suggest`, {suggest.Count:N0} asks | median **{median:F1} ms**, 95th percentile {p95:F1} ms, 99th {p99:F1} ms |",
                $"| asks answered with at least one suggestion | {answered * 100.0 / suggest.Count:F0} % |",
                $"| `/api/search` of the same words, {search.Count:N0} asks | median {searchMedian:F1} ms |",
                $"| suggest / search, medians | {median / searchMedian:F2} |",
                "",
            ]);
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
        }
    }

    private static async Task<(double Ms, int Count)> AskAsync(HttpClient client, string path)
    {
        var clock = Stopwatch.StartNew();
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));
        var body = await response.Content.ReadAsStringAsync();
        var ms = clock.Elapsed.TotalMilliseconds;
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{path}: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        var count = json.RootElement.TryGetProperty("suggestions", out var s) ? s.GetArrayLength() : json.RootElement.GetProperty("total").GetInt32();
        return (ms, count);
    }
}
