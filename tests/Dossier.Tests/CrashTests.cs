using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dossier.Accounts;
using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Features.Accounts;
using Dossier.Features.Archive;
using Dossier.Search;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Dossier.Tests;

/// <summary>
/// Killing the process (SIGKILL) in the middle of an import or of an edit never leaves a half-written record: after
/// each kill the database is sound, every change acknowledged (a file's progress line, an edit's 200) is there whole,
/// no record is there in part, and no lock stops the next process; the index then catches up with no manual step.
/// Where each kill falls is drawn from a seed printed in the test's output (DOSSIER_CRASH_SEED repeats a run).
/// </summary>
public partial class CrashTests(ITestOutputHelper output)
{
    private const int Files = 36;

    // A process that does not get on within this has hung (on a lock a killed one left, say).
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Killing_an_import_or_a_server_anywhere_leaves_whole_records_and_the_index_catches_up_by_itself()
    {
        var seed = Environment.GetEnvironmentVariable("DOSSIER_CRASH_SEED") is { Length: > 0 } chosen
            ? int.Parse(chosen, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (DOSSIER_CRASH_SEED={seed} repeats this run)");
        var random = new Random(seed);
        var data = TempDirectory.Create("crash");
        // Files of one to four records; each round brings every record at a new version (new titles, another number
        // of transcripts), so every round writes every file again: new records first, then changes with revisions.
        var files = Enumerable.Range(0, Files).Select(f => Enumerable.Range(0, 1 + random.Next(4)).Select(i => $"C{f:00}-{i}").ToArray()).ToList();
        var seen = new Dictionary<int, (int Version, int Revisions)>();

        for (var round = 1; round <= 4; round++)
        {
            var input = TempDirectory.Create("crash-input");
            var paths = files.Select((ids, f) => VersionedRecords.Write(input, $"{f:00}.jsonl", ids, round)).ToList();
            using var import = DossierProcess.Start("import", "--publish", input, "--data", data);
            string when;
            switch (round)
            {
                case 1:
                    // While it makes the schema of a new archive (it has just created the database file) or soon after.
                    var delay = random.Next(0, 500);
                    when = $"{delay} ms after the database file appeared";
                    var database = Path.Combine(data, SqliteDatabase.FileName);
                    Assert.True(await import.WaitForAsync(_ => File.Exists(database), Patience), $"seed {seed}: no database was made");
                    await Task.Delay(delay);
                    break;
                case 4:
                    // While it indexes and commits the index, after the files. Having the index to itself (no lock
                    // the killed processes left stops it) is what it says after its summary.
                    var extra = random.Next(0, 100);
                    when = $"{extra} ms after it began indexing";
                    Assert.True(await import.WaitForAsync(lines => lines.Any(l => l.StartsWith("Indexing", StringComparison.Ordinal) || l.StartsWith("Indexed ", StringComparison.Ordinal)), Patience),
                        $"seed {seed}: the import did not get to indexing: {string.Join('\n', import.Lines)}");
                    await Task.Delay(extra);
                    break;
                default:
                    var count = random.Next(1, Files - 1);
                    var after = random.Next(0, 40);
                    when = $"{after} ms after file {count}";
                    Assert.True(await import.WaitForAsync(lines => Acknowledged(lines).Count >= count, Patience),
                        $"seed {seed}: the import did not get to file {count}: {string.Join('\n', import.Lines)}");
                    await Task.Delay(after);
                    break;
            }
            await import.KillAsync();
            var lines = import.Lines;
            var acknowledged = Acknowledged(lines).Select(p => paths.IndexOf(p)).ToHashSet();
            output.WriteLine($"round {round}: killed {when}; {acknowledged.Count} files acknowledged{(import.ExitCode == 0 ? " (it had finished)" : "")}");
            Assert.DoesNotContain(-1, acknowledged);
            // No lock on the index that a killed process left behind made it leave the index to a "running server".
            Assert.DoesNotContain(lines, l => l.Contains("holds the search index", StringComparison.Ordinal) || l.Contains("failed:", StringComparison.Ordinal));

            await AssertConsistentAsync(data, files, round, acknowledged, seen, $"seed {seed}, round {round}");
        }

        // Then a server is killed while an editor's script replaces records through the API, one after another.
        var before = await VersionedRecords.ReadAsync(data);
        var versions = before.ToDictionary(r => r.Key, r => VersionedRecords.AssertWhole(r.Value.Record, r.Value.Revisions), StringComparer.Ordinal);
        var recordIds = before.Keys.Order(StringComparer.Ordinal).ToList();
        var edits = Enumerable.Range(0, 100).Select(_ => recordIds[random.Next(recordIds.Count)]).ToList();
        var (killAfter, pause) = (random.Next(1, 15), random.Next(0, 20));
        var confirmed = new Dictionary<string, int>(StringComparer.Ordinal);
        (string RecordId, int Version)? pending = null;
        var secret = await EditorTokenAsync(data);
        await using (var server = await ServerProcess.StartAsync("--data", data))
        {
            var client = server.Client;
            client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
            var done = 0;
            var script = Task.Run(async () =>
            {
                foreach (var recordId in edits)
                {
                    pending = (recordId, versions[recordId] + 1);
                    using var body = new StringContent(VersionedRecords.Line(recordId, pending.Value.Version), Encoding.UTF8, "application/json");
                    HttpResponseMessage response;
                    try
                    {
                        response = await client.PutAsync($"/api/documents/{before[recordId].Record.Id}", body);
                    }
                    catch (HttpRequestException)
                    {
                        return; // killed with the request under way
                    }
                    using (response) Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                    versions[recordId] = pending.Value.Version;
                    confirmed[recordId] = confirmed.GetValueOrDefault(recordId) + 1;
                    pending = null;
                    Interlocked.Increment(ref done);
                }
            });
            for (var waited = 0; Volatile.Read(ref done) < killAfter && !script.IsCompleted && waited < 3000; waited++) await Task.Delay(10);
            await Task.Delay(pause);
            await server.KillAsync();
            await script;
            output.WriteLine($"server: killed {pause} ms after edit {killAfter}; {confirmed.Values.Sum()} edits acknowledged");
        }
        Assert.Equal("ok", await VersionedRecords.IntegrityAsync(data));
        var edited = await VersionedRecords.ReadAsync(data);
        Assert.Equal(before.Keys.Order(StringComparer.Ordinal), edited.Keys.Order(StringComparer.Ordinal));
        foreach (var (recordId, (record, revisions)) in edited)
        {
            var version = VersionedRecords.AssertWhole(record, revisions);
            // The edit under way when the server died is there whole or not at all; every acknowledged one is there.
            var landed = pending is { } p && p.RecordId == recordId && p.Version == version ? 1 : 0;
            Assert.True(version == versions[recordId] || landed == 1, $"seed {seed}: {recordId} is at version {version}, acknowledged {versions[recordId]}");
            Assert.Equal(before[recordId].Revisions.Count + confirmed.GetValueOrDefault(recordId) + landed, revisions.Count);
            if (landed == 1) output.WriteLine($"server: the edit under way ({recordId} version {version}) was saved before the kill");
        }

        // A server started on what the killed processes left follows their changes into its index by itself.
        var expected = edited.Values.GroupBy(r => VersionedRecords.AssertWhole(r.Record, r.Revisions)).ToDictionary(g => g.Key, g => g.Count());
        await using (var server = await ServerProcess.StartAsync("--data", data))
        {
            var client = server.Client;
            var caughtUp = false;
            for (var wait = 0; wait < 60 && !caughtUp; wait++)
            {
                await Task.Delay(250);
                caughtUp = true;
                foreach (var (version, count) in expected)
                    caughtUp &= (await client.GetFromJsonAsync<JsonObject>($"/api/search?size=1&q=version{version}"))!["total"]!.GetValue<int>() == count;
            }
            Assert.True(caughtUp, $"seed {seed}: the server's index did not catch up with the store");
            await server.KillAsync();
        }

        // Killed too, the server left no lock: the index opens, holding exactly the store's records as they stand.
        using var index = RecordIndex.Open(Path.Combine(data, "index"));
        await using var db = new DossierDb(SqliteDatabase.Options(data));
        Assert.Equal(await db.IndexingTasks.MaxAsync(t => t.Id), index.Position);
        var hits = index.Search(new SearchOptions(null, 1, RecordIndex.MaxWindow) { IncludeUnpublished = true }).Hits;
        Assert.Equal(edited.Values.Select(r => $"{r.Record.Id} {r.Record.Title}").Order(), hits.Select(h => $"{h.Id} {h.Title}").Order());
    }

    /// <summary>An editor's API token, made in the store as <c>dossier users add</c> and the tokens page make them.</summary>
    private static async Task<string> EditorTokenAsync(string data)
    {
        var archive = new ArchiveOptions { DataDirectory = data };
        await using var services = new ServiceCollection().AddLogging().AddArchive(archive).AddAccountStore().BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        Assert.True((await StaffAccounts.AddAsync(scope.ServiceProvider, "editor@archive.test", Roles.Editor, ArchiveHost.StaffPassword, (null, null), "by the crash test", default)).Succeeded);
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
        var user = await db.Users.SingleAsync(u => u.Email == "editor@archive.test");
        var (secret, token) = ApiToken.Create(user.Id, "crash test", TimeProvider.System.GetUtcNow().UtcDateTime);
        db.ApiTokens.Add(token);
        await db.SaveChangesAsync();
        return secret;
    }

    /// <summary>
    /// The database is sound; each file is in it whole (all its records, at one version, each with its transcripts and
    /// a revision for every version it had) or not at all; what was acknowledged is there at this round's version; the
    /// committed index holds no record the store lacks and stands at no task the store lacks.
    /// </summary>
    private static async Task AssertConsistentAsync(string data, List<string[]> files, int round, HashSet<int> acknowledged,
        Dictionary<int, (int Version, int Revisions)> seen, string context)
    {
        if (!File.Exists(Path.Combine(data, SqliteDatabase.FileName)))
        {
            Assert.Empty(acknowledged);
            return;
        }
        Assert.Equal("ok", await VersionedRecords.IntegrityAsync(data));
        await using var db = new DossierDb(SqliteDatabase.Options(data));
        if ((await db.Database.GetPendingMigrationsAsync()).Any())
        {
            // Killed while it made the schema: nothing can have been imported yet.
            Assert.Empty(acknowledged);
            return;
        }
        var stored = await VersionedRecords.ReadAsync(data);
        for (var f = 0; f < files.Count; f++)
        {
            var present = files[f].Where(stored.ContainsKey).ToList();
            if (present.Count == 0)
            {
                Assert.False(acknowledged.Contains(f), $"{context}: file {f} was acknowledged but is not in the store");
                Assert.False(seen.ContainsKey(f), $"{context}: file {f} was in the store and is gone");
                continue;
            }
            Assert.True(present.Count == files[f].Length, $"{context}: file {f} is in the store in part ({present.Count} of {files[f].Length} records)");
            var versions = present.Select(id => VersionedRecords.AssertWhole(stored[id].Record, stored[id].Revisions)).Distinct().ToList();
            Assert.True(versions.Count == 1, $"{context}: file {f} is in the store at versions {string.Join(", ", versions)}");
            var version = versions[0];
            if (acknowledged.Contains(f)) Assert.True(version == round, $"{context}: file {f} was acknowledged at version {round} but is at {version}");
            // Between two looks, one round: a record keeps its version or takes this round's, with one more revision.
            var revisions = stored[present[0]].Revisions.Count;
            var (before, revisionsBefore) = seen.GetValueOrDefault(f, (0, 0));
            Assert.True(version == before || version == round, $"{context}: file {f} went from version {before} to {version}");
            Assert.True(revisions == revisionsBefore + (version == before ? 0 : 1), $"{context}: file {f} has {revisions} revisions, after {revisionsBefore}");
            Assert.All(present, id => Assert.Equal(revisions, stored[id].Revisions.Count));
            seen[f] = (version, revisions);
        }

        var lastTask = await db.IndexingTasks.MaxAsync(t => (long?)t.Id) ?? 0;
        var ids = stored.Values.Select(s => s.Record.Id.ToString(CultureInfo.InvariantCulture)).ToHashSet(StringComparer.Ordinal);
        // Read as committed, without a writer: what the next process will find.
        using var directory = FSDirectory.Open(Path.Combine(data, "index"));
        if (!DirectoryReader.IndexExists(directory)) return;
        var commit = DirectoryReader.ListCommits(directory)[^1];
        var position = commit.UserData.TryGetValue("position", out var p) ? long.Parse(p, CultureInfo.InvariantCulture) : 0;
        Assert.True(position <= lastTask, $"{context}: the index stands at task {position}, the store's last is {lastTask}");
        using var reader = DirectoryReader.Open(commit);
        var live = MultiFields.GetLiveDocs(reader);
        for (var d = 0; d < reader.MaxDoc; d++)
        {
            if (live is not null && !live.Get(d)) continue;
            var id = reader.Document(d).Get("id", CultureInfo.InvariantCulture);
            Assert.True(ids.Contains(id), $"{context}: the index holds record {id}, which the store does not");
        }
    }

    /// <summary>The files an import's plain progress says it has written (<c>[k/n] outcome: path</c>): committed, each of them.</summary>
    private static List<string> Acknowledged(IReadOnlyList<string> lines) =>
        lines.Select(l => ProgressLine().Match(l)).Where(m => m.Success).Select(m => m.Groups["path"].Value).ToList();

    [GeneratedRegex(@"^\[\d+/\d+\] (?<outcome>[^:]+): (?<path>.+)$")]
    private static partial Regex ProgressLine();
}
