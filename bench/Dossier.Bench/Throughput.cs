using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Npgsql;

namespace Dossier.Bench;

/// <summary>
/// Page throughput under load, measured by wrk (Debian's package) against real <c>dossier serve</c> processes: the
/// document page, the search page and <c>/api/documents/{id}</c>, on one node on SQLite, one node on PostgreSQL and
/// two nodes on PostgreSQL (wrk's threads split between them). Run:
/// <c>dotnet run -c Release --project bench/Dossier.Bench -- throughput [N] [--postgres "Host=...;Username=..."]</c>
/// (the PostgreSQL server defaults to $DOSSIER_TEST_POSTGRES; a database is made on it for the run and dropped after).
/// </summary>
public static partial class Throughput
{
    // wrk needs a core of its own to drive a node flat out; on a 2-core machine one wrk thread (8 connections)
    // leaves the node the other core, where two threads took half the node's. Two nodes get a thread each.
    private const int ConnectionsPerThread = 8;
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(20);
    // A fresh node's JIT recompiles its hot code with its measured profile for the first half-minute or so of load
    // (a whole core, at first): the first page warms a node up for longer, so that steady state is what is measured.
    private static readonly TimeSpan FirstWarmUp = TimeSpan.FromSeconds(40);
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(10);

    public static async Task RunAsync(string root, string[] args)
    {
        var count = args.Length > 0 && !args[0].StartsWith('-') ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var postgres = Option(args, "--postgres") ?? Environment.GetEnvironmentVariable("DOSSIER_TEST_POSTGRES");
        var work = Path.Combine(Environment.GetEnvironmentVariable("DOSSIER_BENCH_WORK") ?? Path.GetTempPath(), "dossier-throughput-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(work);
        var archive = SyntheticArchive.Load(Path.Combine(root, "..", "shared", "corpus"));
        var jsonl = Path.Combine(work, "records.jsonl");
        archive.Write(jsonl, count);
        // Words of middling frequency: each search page has hits to rank, snippets to cut and facets to count.
        var words = archive.EnglishVocabulary.Skip(100).Take(400).ToList();
        var results = new List<string>
        {
            "",
            $"## {BenchmarkReport.Today}: page throughput under wrk, {count:N0} synthetic records",
            "",
            BenchmarkReport.Machine + $" wrk: one thread of {ConnectionsPerThread} connections a node, {Duration.TotalSeconds:F0} s a measurement after {WarmUp.TotalSeconds:F0} s of warm-up ({FirstWarmUp.TotalSeconds:F0} s for a node's first page);" +
            " wrk, the nodes and PostgreSQL share the machine's cores. Ids and search words are drawn at random (seeded). The nodes log every request.",
            "",
            "| setup | page | requests/s | p50 | p99 | errors |",
            "|---|---|---|---|---|---|",
        };
        try
        {
            var sqliteData = Path.Combine(work, "sqlite");
            await ImportAsync(jsonl, count, "--data", sqliteData);
            await using (var node = await ArchiveProcess.Server.StartAsync(sqliteData))
                results.AddRange(await MeasureAsync("one node, SQLite", [node], count, words, work));

            if (postgres is null)
            {
                results.Add("| PostgreSQL | not measured: no server given (--postgres or DOSSIER_TEST_POSTGRES) | | | | |");
            }
            else
            {
                var database = "dossier_bench_" + Guid.NewGuid().ToString("N")[..8];
                await ExecuteAsync(postgres, $"CREATE DATABASE {database}");
                try
                {
                    var connection = new NpgsqlConnectionStringBuilder(postgres) { Database = database }.ToString();
                    var first = Path.Combine(work, "node-a");
                    await ImportAsync(jsonl, count, "--data", first, "--database", connection);
                    await using var a = await ArchiveProcess.Server.StartAsync(first, "--database", connection);
                    results.AddRange(await MeasureAsync("one node, PostgreSQL", [a], count, words, work));
                    // The second node has no index yet: it builds its own from the database before it says it is ready.
                    var clock = Stopwatch.StartNew();
                    await using var b = await ArchiveProcess.Server.StartAsync(Path.Combine(work, "node-b"), "--database", connection);
                    var ready = clock.Elapsed;
                    Console.WriteLine($"second node ready (its index built from the database) after {ready.TotalSeconds:F0} s");
                    results.AddRange(await MeasureAsync("two nodes, PostgreSQL", [a, b], count, words, work));
                    results.Add($"| | a new node indexing {count:N0} records from PostgreSQL before it is ready | {ready.TotalSeconds:F0} s | | | |");
                }
                finally
                {
                    NpgsqlConnection.ClearAllPools();
                    await ExecuteAsync(postgres, $"DROP DATABASE IF EXISTS {database} WITH (FORCE)");
                }
            }
            await BenchmarkReport.AddRunAsync(root, results);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (!args.Contains("--keep")) Directory.Delete(work, recursive: true);
        }
    }

    private static async Task ImportAsync(string jsonl, int count, params string[] target)
    {
        var clock = Stopwatch.StartNew();
        var (output, _) = await ArchiveProcess.RunAsync(["import", jsonl, "--publish", .. target]);
        if (!output.Contains($"Imported {count},", StringComparison.Ordinal)) throw new InvalidOperationException("import: " + output);
        Console.WriteLine($"imported {count:N0} records ({string.Join(' ', target.Where(t => !t.Contains("Password", StringComparison.Ordinal)))}) in {clock.Elapsed.TotalSeconds:F0} s");
    }

    private static async Task<List<string>> MeasureAsync(string setup, IReadOnlyList<ArchiveProcess.Server> nodes, int count, IReadOnlyList<string> words, string work)
    {
        var pages = new (string Name, string Request)[]
        {
            ("document page `/documents/{id}`", "\"/documents/\" .. math.random(1, " + count + ")"),
            ("search page `/search?q=word`", "\"/search?q=\" .. words[math.random(1, #words)]"),
            ("`/api/documents/{id}`", "\"/api/documents/\" .. math.random(1, " + count + ")"),
        };
        var lines = new List<string>();
        foreach (var (name, request) in pages)
        {
            var script = Path.Combine(work, "wrk.lua");
            await File.WriteAllTextAsync(script, Script(nodes, words, request));
            await WrkAsync(nodes, script, lines.Count == 0 ? FirstWarmUp : WarmUp);
            var result = await WrkAsync(nodes, script, Duration);
            var line = $"| {setup} | {name} | **{result.RequestsPerSecond:N0}** | {result.P50} | {result.P99} | {result.Errors} |";
            Console.WriteLine(line);
            lines.Add(line);
        }
        return lines;
    }

    // Each wrk thread is sent to one node in turn, so that two threads over two nodes spread the load evenly.
    private static string Script(IReadOnlyList<ArchiveProcess.Server> nodes, IReadOnlyList<string> words, string request) => $$"""
        local ports = { {{string.Join(", ", nodes.Select(n => $"\"{n.Address.Port}\""))}} }
        local started = 0
        function setup(thread)
          started = started + 1
          thread.addr = wrk.lookup("127.0.0.1", ports[(started - 1) % #ports + 1])[1]
          thread:set("seed", started)
        end
        function init(args)
          math.randomseed(seed * 7919)
        end
        words = { {{string.Join(", ", words.Select(w => "\"" + Uri.EscapeDataString(w) + "\""))}} }
        function request()
          return wrk.format("GET", {{request}})
        end
        """;

    private sealed record WrkResult(double RequestsPerSecond, string P50, string P99, long Errors);

    private static async Task<WrkResult> WrkAsync(IReadOnlyList<ArchiveProcess.Server> nodes, string script, TimeSpan duration)
    {
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        var threads = nodes.Count;
        foreach (var a in new[] { "-t", threads.ToString(CultureInfo.InvariantCulture), "-c", (threads * ConnectionsPerThread).ToString(CultureInfo.InvariantCulture),
                     "-d", $"{duration.TotalSeconds:F0}s", "--latency", "-s", script, nodes[0].Address.ToString() })
            start.ArgumentList.Add(a);
        using var wrk = Process.Start(start) ?? throw new InvalidOperationException("wrk is not installed (apt-get install wrk)");
        var output = await wrk.StandardOutput.ReadToEndAsync() + await wrk.StandardError.ReadToEndAsync();
        await wrk.WaitForExitAsync();
        if (wrk.ExitCode != 0 || RequestsPerSecond().Match(output) is not { Success: true } rate) throw new InvalidOperationException("wrk: " + output);
        var errors = NonSuccess().Match(output) is { Success: true } failed ? long.Parse(failed.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
        errors += SocketErrors().Matches(output).Sum(m => long.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture));
        return new WrkResult(double.Parse(rate.Groups[1].Value, CultureInfo.InvariantCulture), Percentile(output, "50%"), Percentile(output, "99%"), errors);
    }

    private static string Percentile(string output, string which) =>
        Regex.Match(output, $@"^\s+{Regex.Escape(which)}\s+(\S+)", RegexOptions.Multiline).Groups[1].Value;

    [GeneratedRegex(@"Requests/sec:\s+([0-9.]+)")]
    private static partial Regex RequestsPerSecond();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccess();

    [GeneratedRegex(@"(?:connect|read|write|timeout) (\d+)")]
    private static partial Regex SocketErrors();

    private static string? Option(string[] args, string name)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1] : null;
    }

    private static async Task ExecuteAsync(string connection, string sql)
    {
        await using var server = new NpgsqlConnection(connection);
        await server.OpenAsync();
        await using var command = new NpgsqlCommand(sql, server);
        await command.ExecuteNonQueryAsync();
    }
}
