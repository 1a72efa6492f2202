using System.Net;
using Dossier.Accounts;
using Dossier.Core.Tests;
using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;
using static Dossier.Tests.DossierProcess;

namespace Dossier.Tests;

/// <summary><c>dossier backup</c> and <c>dossier restore</c> through the executable, taken while an archive serves (and writes).</summary>
public class BackupTests
{
    [Fact]
    public async Task A_backup_taken_while_serving_restores_the_same_archive_with_its_accounts_keys_and_search()
    {
        await using var original = await ArchiveHost.StartAsync();
        await original.ImportAsync(Corpus.ArchivePages);
        var input = TempDirectory.Create("backup-input");
        await original.ImportAsync(VersionedRecords.Write(input, "v1.jsonl", ["B-1", "B-2"], 1));
        await original.ImportAsync(VersionedRecords.Write(input, "v2.jsonl", ["B-1"], 2));
        await original.CreateUserAsync("keeper@archive.test", ArchiveHost.StaffPassword, Roles.Administrator);
        // Signing in makes the data-protection keys (kept in the database) that the session's cookie is sealed with.
        using var session = await original.SignInAsync("keeper@archive.test", ArchiveHost.StaffPassword);
        var keys = await KeysAsync(original.DataDirectory);
        Assert.NotEmpty(keys);
        // A file the archive keeps in its data directory (stored originals, say) goes with the backup as it is.
        var kept = Path.Combine(original.DataDirectory, "files", "ab", "original.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        await File.WriteAllBytesAsync(kept, [0x25, 0x50, 0x44, 0x46, 0x2d]);

        var backups = TempDirectory.Create("backups");
        var backup = Path.Combine(backups, "nightly");
        var (code, output) = await RunAsync("backup", backup, "--data", original.DataDirectory);

        Assert.True(code == 0, output);
        Assert.Contains("Backed up 7 records, 8 revisions, 1 accounts", output);
        Assert.Equal(["nightly"], Directory.GetFileSystemEntries(backups).Select(Path.GetFileName));
        var backedUp = Directory.GetFiles(backup, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(backup, f)).ToList();
        Assert.Contains("manifest.json", backedUp);
        Assert.Contains(Path.Combine("database", "dossier.db"), backedUp);
        Assert.Contains(Path.Combine("files", "files", "ab", "original.pdf"), backedUp);
        // The index is derived, the live database is copied through SQLite, locks belong to running processes.
        Assert.DoesNotContain(backedUp, f => f.Contains("index", StringComparison.Ordinal) || f.EndsWith(".lock", StringComparison.Ordinal)
                                             || f.EndsWith("-wal", StringComparison.Ordinal) || f.EndsWith("-shm", StringComparison.Ordinal));

        var restoredData = TempDirectory.Create("restored");
        (code, output) = await RunAsync("restore", backup, "--data", restoredData);

        Assert.True(code == 0, output);
        Assert.Contains("Restored 7 records, 8 revisions, 1 accounts", output);
        Assert.Contains("Indexed 7 records.", output);
        Assert.Equal("ok", await VersionedRecords.IntegrityAsync(restoredData));
        Assert.Equal(await DumpAsync(original.DataDirectory), await DumpAsync(restoredData));
        Assert.Equal(keys, await KeysAsync(restoredData));
        Assert.Equal(await File.ReadAllBytesAsync(kept), await File.ReadAllBytesAsync(Path.Combine(restoredData, "files", "ab", "original.pdf")));

        await using var restored = await ArchiveHost.StartOnAsync(restoredData);
        Assert.Equal(await HitsAsync(original, "Khrushchev"), await HitsAsync(restored, "Khrushchev"));
        Assert.Equal(4, (await HitsAsync(restored, "Khrushchev")).Count);
        Assert.Equal(7, (await restored.GetJsonAsync("/api/search"))["total"]!.GetValue<int>());
        // The same password signs in, and the session begun on the original goes on: the keys are the same.
        using var again = await restored.SignInAsync("keeper@archive.test", ArchiveHost.StaffPassword);
        using var editor = await session.GetAsync(new Uri(restored.Address, "/editor"));
        Assert.Equal(HttpStatusCode.OK, editor.StatusCode);
    }

    [Fact]
    public async Task A_damaged_backup_a_non_empty_folder_and_a_non_empty_data_directory_are_refused()
    {
        var data = TempDirectory.Create("backup-source");
        Assert.Equal(0, (await RunAsync("import", Corpus.Page("002"), "--data", data)).Code);
        // An existing empty folder (a mounted disk, say) is written in place.
        var backup = TempDirectory.Create("backup-in-place");
        Assert.Equal(0, (await RunAsync("backup", backup, "--data", data)).Code);
        Assert.Equal(["database", "manifest.json"], Directory.GetFileSystemEntries(backup).Select(Path.GetFileName).Order(StringComparer.Ordinal));

        var (code, output) = await RunAsync("backup", backup, "--data", data);
        Assert.Equal(1, code);
        Assert.Contains("is not empty", output);
        (code, output) = await RunAsync("backup", Path.Combine(data, "backup"), "--data", data);
        Assert.Equal(1, code);
        Assert.Contains("inside the data directory", output);

        var database = await File.ReadAllBytesAsync(Path.Combine(data, "dossier.db"));
        (code, output) = await RunAsync("restore", backup, "--data", data);
        Assert.Equal(1, code);
        Assert.Contains("is not empty", output);
        Assert.Equal(database, await File.ReadAllBytesAsync(Path.Combine(data, "dossier.db")));

        var copy = Path.Combine(backup, "database", "dossier.db");
        var bytes = await File.ReadAllBytesAsync(copy);
        bytes[^100] ^= 0xFF;
        await File.WriteAllBytesAsync(copy, bytes);
        var target = Path.Combine(TempDirectory.Create("restore"), "data");
        (code, output) = await RunAsync("restore", backup, "--data", target);
        Assert.Equal(1, code);
        Assert.Contains("the backup is damaged: database/dossier.db: its content is not what was backed up", output);
        Assert.False(Directory.Exists(target), "a damaged backup must leave nothing behind");

        // A backup cut short has no manifest, and is no backup.
        File.Delete(Path.Combine(backup, "manifest.json"));
        (code, output) = await RunAsync("restore", backup, "--data", target);
        Assert.Equal(1, code);
        Assert.Contains("is not a complete Dossier backup", output);
    }

    [Fact]
    public async Task A_backup_taken_while_a_writer_runs_restores_to_a_consistent_archive()
    {
        await using var original = await ArchiveHost.StartAsync();
        var input = TempDirectory.Create("writer-input");
        var files = new List<string[]>();
        var acknowledged = new Dictionary<string, int>(StringComparer.Ordinal);
        using var stop = new CancellationTokenSource();
        var rounds = 0;
        // New files of three records, and each third round a new version of an earlier file: creations and changes,
        // each file in one transaction, as a server's import or an editor's save writes them.
        var writer = Task.Run(async () =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                string[] ids;
                int version;
                if (n % 3 == 2)
                {
                    ids = files[n / 3 % files.Count];
                    version = acknowledged[ids[0]] + 1;
                }
                else
                {
                    ids = [$"W{n}-a", $"W{n}-b", $"W{n}-c"];
                    files.Add(ids);
                    version = 1;
                }
                var report = await original.ImportAsync(VersionedRecords.Write(input, $"{n}.jsonl", ids, version));
                Assert.Equal(0, report.Failed);
                lock (acknowledged)
                {
                    foreach (var id in ids) acknowledged[id] = version;
                }
                Interlocked.Increment(ref rounds);
            }
        });
        while (Volatile.Read(ref rounds) < 3 && !writer.IsCompleted) await Task.Delay(20);
        Dictionary<string, int> before;
        lock (acknowledged) before = new(acknowledged);
        var roundsBefore = Volatile.Read(ref rounds);

        var backup = Path.Combine(TempDirectory.Create("backups"), "live");
        var (code, output) = await RunAsync("backup", backup, "--data", original.DataDirectory);
        var roundsAfter = Volatile.Read(ref rounds);
        await stop.CancelAsync();
        await writer;
        Assert.True(code == 0, output);
        Assert.True(roundsAfter > roundsBefore, "the writer wrote nothing while the backup ran");

        var restoredData = TempDirectory.Create("restored-live");
        (code, output) = await RunAsync("restore", backup, "--data", restoredData);
        Assert.True(code == 0, output);

        Assert.Equal("ok", await VersionedRecords.IntegrityAsync(restoredData));
        var stored = await VersionedRecords.ReadAsync(restoredData);
        var versions = stored.ToDictionary(s => s.Key, s => VersionedRecords.AssertWhole(s.Value.Record, s.Value.Revisions), StringComparer.Ordinal);
        // A file is written whole or not at all: its records are all there, at one version, or none is.
        foreach (var ids in files.ToList())
        {
            var present = ids.Where(stored.ContainsKey).ToList();
            Assert.True(present.Count == 0 || present.Count == ids.Length, $"{string.Join(", ", ids)}: only {present.Count} in the backup");
            Assert.Single(present.Select(id => versions[id]).Distinct().DefaultIfEmpty());
        }
        // What was written before the backup began is in it.
        foreach (var (id, version) in before)
            Assert.True(versions.TryGetValue(id, out var found) && found >= version, $"{id} version {version} was written before the backup but is not in it");
        Assert.Contains($"Indexed {stored.Count} records.", output);
        using var index = RecordIndex.Open(Path.Combine(restoredData, "index"));
        Assert.Equal(stored.Values.Count(s => s.Record.DeletedAt is null), index.Count);
    }

    private static async Task<List<string>> HitsAsync(ArchiveHost archive, string query) =>
        (await archive.GetJsonAsync("/api/search?q=" + query))["hits"]!.AsArray().Select(h => $"{h!["id"]} {h["title"]}").ToList();

    /// <summary>What an archive's database holds, as text to compare: records, transcripts, revisions, accounts and roles.</summary>
    [SkippableFact]
    public async Task A_postgres_archive_is_backed_up_beside_its_pg_dump_and_restored_after_pg_restore()
    {
        await using var original = await ArchiveHost.StartAsync(Provider.Postgres);
        await original.ImportAsync(Corpus.ArchivePages);
        await original.CreateUserAsync("keeper@archive.test", ArchiveHost.StaffPassword, Roles.Administrator);
        var connection = original.DatabaseConnection!;
        var folder = TempDirectory.Create("pg-backups");
        var backup = Path.Combine(folder, "nightly");

        // The procedure docs/operations.md gives: dossier backup for the files, pg_dump for the database.
        var (code, output) = await RunAsync("backup", backup, "--data", original.DataDirectory, "--database", connection);
        Assert.True(code == 0, output);
        Assert.Contains("pg_dump", output);
        Assert.Contains("Backed up 5 records, 5 revisions, 1 accounts", output);
        Assert.False(Directory.Exists(Path.Combine(backup, "database")));
        var dump = Path.Combine(folder, "dossier.dump");
        await PostgresToolAsync("pg_dump", connection, "--format=custom", "--file", dump);

        // Restored into an empty database: the counts would not match, and nothing is indexed.
        await using var empty = await TestDatabases.CreateAsync(Provider.Postgres);
        (code, output) = await RunAsync("restore", backup, "--data", TempDirectory.Create("pg-wrong"), "--database", empty.ConnectionString!);
        Assert.Equal(1, code);
        Assert.True(output.Contains("the restored database holds 0 records", StringComparison.Ordinal), output);

        await using var restoredDatabase = await TestDatabases.CreateAsync(Provider.Postgres);
        await PostgresToolAsync("pg_restore", restoredDatabase.ConnectionString!, "--no-owner", dump);
        var restoredData = TempDirectory.Create("pg-restored");
        (code, output) = await RunAsync("restore", backup, "--data", restoredData, "--database", restoredDatabase.ConnectionString!);
        Assert.True(code == 0, output);
        Assert.Contains("Restored 5 records, 5 revisions, 1 accounts", output);
        Assert.Contains("Indexed 5 records.", output);
        using var index = RecordIndex.Open(Path.Combine(restoredData, "index"));
        Assert.Equal(5, index.Count);
    }

    // PostgreSQL's own tools from the PATH (Debian's wrapper runs the newest version installed), given the Npgsql
    // connection string's parts.
    private static async Task PostgresToolAsync(string tool, string connection, params string[] args)
    {
        var parts = new Npgsql.NpgsqlConnectionStringBuilder(connection);
        var start = new System.Diagnostics.ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "--host", parts.Host!, "--port", parts.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--username", parts.Username!, "--dbname", parts.Database! }.Concat(args))
            start.ArgumentList.Add(a);
        start.Environment["PGPASSWORD"] = parts.Password ?? "";
        using var process = System.Diagnostics.Process.Start(start)!;
        // Both pipes are read at once: a tool that fills one while the other is awaited would wait for ever.
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"{tool}: {await stdout}{await stderr}");
    }

    private static async Task<List<string?>> KeysAsync(string dataDirectory)
    {
        await using var db = new DossierDb(SqliteDatabase.Options(dataDirectory));
        return await db.DataProtectionKeys.OrderBy(k => k.Id).Select(k => k.Xml).ToListAsync();
    }

    private static async Task<string> DumpAsync(string dataDirectory)
    {
        await using var db = new DossierDb(SqliteDatabase.Options(dataDirectory)).WholeArchive();
        var records = await db.Records.AsNoTracking().Include(r => r.Transcripts).OrderBy(r => r.Id).AsSplitQuery().ToListAsync();
        var revisions = await db.Revisions.AsNoTracking().OrderBy(r => r.Id).ToListAsync();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Id).ToListAsync();
        var roles = await db.UserRoles.AsNoTracking().OrderBy(r => r.UserId).ThenBy(r => r.RoleId).ToListAsync();
        return string.Join("\n", [
            .. records.Select(r => $"{r.Id} {r.RecordId} {r.Title} {r.Status} {r.ContentHash} {r.UpdatedAt:O} " +
                                   string.Join("|", r.Transcripts.OrderBy(t => t.Position).Select(t => t.Language + ":" + t.Text))),
            .. revisions.Select(r => $"{r.Id} {r.ArchivalRecordId} {r.Number} {r.Change} {Convert.ToHexString(r.Snapshot)}"),
            .. users.Select(u => $"{u.Id} {u.Email} {u.PasswordHash} {u.SecurityStamp}"),
            .. roles.Select(r => $"{r.UserId} {r.RoleId}"),
        ]);
    }
}
