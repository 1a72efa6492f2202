using Dossier.Core.Tests;
using static Dossier.Tests.DossierProcess;

namespace Dossier.Tests;

/// <summary>The <c>dossier</c> executable itself, as a separate process with its output redirected (as in CI or a pipe).</summary>
public class CliTests
{
    [Fact]
    public async Task Import_prints_plain_progress_a_summary_and_fails_when_a_file_failed()
    {
        var data = TempDirectory.Create("cli");
        var input = TempDirectory.Create("cli-input");
        File.Copy(Corpus.Page("001"), Path.Combine(input, "001.txt"));
        File.Copy(Corpus.Page("004"), Path.Combine(input, "004.txt"));
        File.WriteAllText(Path.Combine(input, "empty.txt"), "");

        var (code, output) = await RunAsync("import", input, "--data", data);

        Assert.Equal(1, code);
        Assert.Contains("[1/3] imported: ", output);
        Assert.Contains("[2/3] imported: ", output);
        Assert.Contains("[3/3] failed: ", output);
        Assert.Contains("Imported 2, updated 0, unchanged 0, failed 1.", output);
        Assert.Contains($"failed: {Path.Combine(input, "empty.txt")}: the file is empty", output);
        Assert.Contains("Indexed 2 records.", output);
        Assert.Contains("New records are drafts", output);
        Assert.True(File.Exists(Path.Combine(data, "dossier.db")));

        File.Delete(Path.Combine(input, "empty.txt"));
        var (again, secondOutput) = await RunAsync("import", input, "--data", data);
        Assert.Equal(0, again);
        Assert.Contains("Imported 0, updated 0, unchanged 2, failed 0.", secondOutput);
    }

    [Fact]
    public async Task Import_says_what_each_capture_gave_and_writes_the_report()
    {
        var data = TempDirectory.Create("cli-reading");
        var input = TempDirectory.Create("cli-reading-input");
        // Real captures: a full older page (no type), a staging copy cut short (a title only its place vouches for),
        // and a page of search results.
        foreach (var file in new[] { "a-003.txt", "a-016.txt", "a-001.txt" })
            File.Copy(Dossier.Core.Tests.Fixtures.Fixture.Path("digital-archive-pages", file), Path.Combine(input, file));
        var report = Path.Combine(TempDirectory.Create("cli-reading-report"), "report.csv");

        var (code, output) = await RunAsync("import", input, "--data", data, "--report", report);

        Assert.Equal(1, code);
        Assert.Contains("a page of search results", output);
        Assert.Contains("Read from the 2 page captures: title 2 (1 guessed), date 2, summary 1, source 1, type 0, language 2.", output);
        Assert.Contains($"{Path.Combine(input, "a-003.txt")}: type missing", output);
        Assert.Contains($"{Path.Combine(input, "a-016.txt")}: summary, source, type missing; title guessed (the first line after the date)", output);
        var rows = File.ReadAllLines(report);
        Assert.Equal("file,outcome,reason,title,date,summary,source,type,language", rows[0]);
        Assert.Contains(rows, r => r.StartsWith(Path.Combine(input, "a-003.txt") + ",imported,,the citation line and the heading,the date line and the citation,above the citation,the citation line,missing,the text", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("a-001.txt,failed,", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_stops_the_import_before_it_begins()
    {
        var data = TempDirectory.Create("cli-report-bad");
        var (code, output) = await RunAsync("import", Corpus.Page("002"), "--data", data, "--report", Path.Combine(data, "no-such-folder", "r.csv"));
        Assert.Equal(2, code);
        Assert.Contains("--report", output);
        Assert.DoesNotContain("Imported", output);
    }

    [Fact]
    public async Task The_data_directory_comes_from_the_environment_when_not_given()
    {
        var data = TempDirectory.Create("cli-env");
        var (code, output) = await RunAsync(["import", "--publish", Corpus.Page("002")], new() { ["DOSSIER_DATA"] = data });
        Assert.Equal(0, code);
        Assert.Contains("Imported 1,", output);
        Assert.DoesNotContain("drafts", output);
        Assert.True(File.Exists(Path.Combine(data, "dossier.db")));
        Assert.True(Directory.Exists(Path.Combine(data, "index")));
    }

    [Fact]
    public async Task Reindex_rebuilds_the_index_from_the_database()
    {
        var data = TempDirectory.Create("cli-reindex");
        await RunAsync("import", Corpus.ArchivePages, "--data", data);
        Directory.Delete(Path.Combine(data, "index"), recursive: true);

        var (code, output) = await RunAsync("reindex", "--data", data);
        Assert.Equal(0, code);
        Assert.Contains("Reindexed 5 records.", output);
    }

    [Fact]
    public async Task Only_one_process_owns_the_index()
    {
        var data = TempDirectory.Create("cli-busy");
        await RunAsync("import", Corpus.Page("002"), "--data", data);
        // This test process holds the index, as a running server would.
        using (var held = Dossier.Search.RecordIndex.Open(Path.Combine(data, "index")))
        {
            var (code, output) = await RunAsync("import", Corpus.Page("004"), "--data", data);
            Assert.Equal(0, code);
            Assert.Contains("The running server holds the search index", output);

            // A reindex builds beside the held index; its owner (here this test, as a server's follower would) switches.
            var reindexing = RunAsync("reindex", "--data", data);
            while (!held.SwitchToRebuilt())
            {
                Assert.False(reindexing.IsCompleted, "reindex ended before the switch");
                await Task.Delay(50);
            }
            var (reindex, reindexOutput) = await reindexing;
            Assert.Equal(0, reindex);
            Assert.Contains("Reindexed 2 records.", reindexOutput);
            Assert.Contains("The server now answers from the new index.", reindexOutput);
            Assert.Equal(2, held.Count);

            var (serve, serveOutput) = await RunAsync("serve", "--data", data, "--urls", "http://127.0.0.1:0");
            Assert.Equal(1, serve);
            Assert.Contains("is another server running", serveOutput);
        }
        var (after, afterOutput) = await RunAsync("reindex", "--data", data);
        Assert.Equal(0, after);
        Assert.Contains("Reindexed 2 records.", afterOutput);
    }

    [Fact]
    public async Task Users_add_makes_the_first_administrator_with_a_password_from_standard_input()
    {
        var data = TempDirectory.Create("cli-users");
        var (code, output) = await RunAsync(["users", "add", "admin@archive.test", "--role", "admin", "--password-stdin", "--data", data], [], "a long enough passphrase");
        Assert.Equal(0, code);
        Assert.Contains("Added admin@archive.test as Administrator.", output);

        // No terminal to ask on, and no --password-stdin: refused, never a default password.
        var (noTerminal, noTerminalOutput) = await RunAsync(["users", "add", "editor@archive.test", "--role", "editor", "--data", data], []);
        Assert.Equal(2, noTerminal);
        Assert.Contains("--password-stdin", noTerminalOutput);

        var (shortPassword, shortOutput) = await RunAsync(["users", "add", "editor@archive.test", "--role", "editor", "--password-stdin", "--data", data], [], "short");
        Assert.Equal(1, shortPassword);
        Assert.Contains("at least 12 characters", shortOutput);

        var (badRole, badRoleOutput) = await RunAsync(["users", "add", "x@archive.test", "--role", "owner", "--password-stdin", "--data", data], [], "a long enough passphrase");
        Assert.Equal(2, badRole);
        Assert.Contains("'owner' is not a role", badRoleOutput);

        var (listed, list) = await RunAsync("users", "list", "--data", data);
        Assert.Equal(0, listed);
        Assert.Contains("admin@archive.test\tAdministrator", list);
        Assert.DoesNotContain("editor@archive.test", list);
    }

    [Fact]
    public async Task Serve_refuses_a_misspelt_option_rather_than_run_on_another_database()
    {
        var (code, output) = await RunAsync("serve", "--data", TempDirectory.Create("cli-serve"), "--databse", "Host=db;Database=dossier");
        Assert.Equal(2, code);
        Assert.Contains("'--databse' is neither an option nor a setting", output);
    }

    [Fact]
    public async Task Import_without_a_path_is_a_usage_error()
    {
        var (code, output) = await RunAsync("import", "--data", TempDirectory.Create("cli-usage"));
        Assert.NotEqual(0, code);
        Assert.Contains("paths", output);
    }
}
