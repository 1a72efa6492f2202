using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dossier.Data;
using Dossier.Data.Postgres;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Tests;

/// <summary>
/// Several nodes on one PostgreSQL: two real <c>dossier serve</c> processes, each with its own data directory and
/// index; what is written through one is read and searched through the other.
/// </summary>
public sealed class MultiNodeTests : IAsyncLifetime
{
    // The promise: a change through any node is visible and searchable on every other within 2 seconds.
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private TestDatabase database = null!;

    public async Task InitializeAsync() => database = await TestDatabases.CreateAsync(Provider.Postgres);

    public async Task DisposeAsync()
    {
        if (database is not null) await database.DisposeAsync();
    }

    [SkippableFact]
    public async Task A_change_through_one_node_is_read_and_searched_on_the_other_within_two_seconds()
    {
        var connection = database.ConnectionString!;
        await RunAsync(["users", "add", "editor@archive.test", "--role", "editor", "--password-stdin", "--database", connection, "--data", TempDirectory.Create("node-cli")], ArchiveHost.StaffPassword);
        await using var first = await ServerProcess.StartAsync("--database", connection, "--data", TempDirectory.Create("node-a"));
        await using var second = await ServerProcess.StartAsync("--database", connection, "--data", TempDirectory.Create("node-b"));

        // Signed in on the first node; the same session cookie is good on the second (the keys are in the database).
        var cookies = new CookieContainer();
        using var editor = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = first.Address };
        await ArchiveHost.PostSignInAsync(editor, "editor@archive.test", ArchiveHost.StaffPassword);
        using (var onSecond = await editor.GetAsync(new Uri(second.Address, "/editor"))) Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);

        var tokens = await editor.GetStringAsync("/editor/tokens");
        using var made = await editor.PostAsync("/editor/tokens?handler=Create", Forms.Content(Forms.Token(tokens), new() { ["name"] = "nodes" }));
        var secret = Forms.ApiTokenSecret(await made.Content.ReadAsStringAsync());
        using var script = new HttpClient { BaseAddress = first.Address };
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        // Created and published through the first node.
        using var created = await script.PostAsJsonAsync("/api/documents", new { recordId = "N-1", title = "Telegram on the quarantine line", date = "1962-10-24" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        Assert.Equal(0, await TotalAsync(second, "quarantine"));
        (await script.PostAsync($"/api/documents/{id}/publish", null)).EnsureSuccessStatusCode();
        await WithinPromiseAsync(second, async node => await TotalAsync(node, "quarantine") == 1 && await StatusAsync(node, $"/api/documents/{id}") == HttpStatusCode.OK);

        // Edited through the first node.
        (await script.PutAsJsonAsync($"/api/documents/{id}", new { recordId = "N-1", title = "Telegram on the blockade line", date = "1962-10-24" })).EnsureSuccessStatusCode();
        await WithinPromiseAsync(second, async node => await TotalAsync(node, "blockade") == 1 && await TotalAsync(node, "quarantine") == 0);

        // Withdrawn through the second node this time: gone from the first.
        using var scriptOnSecond = new HttpClient { BaseAddress = second.Address };
        scriptOnSecond.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);
        (await scriptOnSecond.PostAsJsonAsync($"/api/documents/{id}/withdraw", new { reason = "Rights not cleared" })).EnsureSuccessStatusCode();
        await WithinPromiseAsync(first, async node => await TotalAsync(node, "blockade") == 0 && await StatusAsync(node, $"/api/documents/{id}") == HttpStatusCode.NotFound);
    }

    [SkippableFact]
    public async Task A_node_that_was_down_catches_up_when_it_starts()
    {
        var connection = database.ConnectionString!;
        var secondData = TempDirectory.Create("node-b");
        await using var first = await ServerProcess.StartAsync("--database", connection, "--data", TempDirectory.Create("node-a"));
        await using (var second = await ServerProcess.StartAsync("--database", connection, "--data", secondData))
        {
            await second.KillAsync();
        }
        // While the second node is down, another writer (here the CLI) imports and publishes.
        var folder = TempDirectory.Create("node-import");
        await File.WriteAllTextAsync(Path.Combine(folder, "a.jsonl"), """{"recordId":"N-2","title":"Note on the Jupiter missiles in Turkey","date":"1962-10-27"}""" + "\n");
        await RunAsync(["import", "--publish", folder, "--database", connection, "--data", TempDirectory.Create("node-cli")]);
        await WithinPromiseAsync(first, async node => await TotalAsync(node, "Jupiter") == 1);

        await using var restarted = await ServerProcess.StartAsync("--database", connection, "--data", secondData);
        await WithinPromiseAsync(restarted, async node => await TotalAsync(node, "Jupiter") == 1);
    }

    [SkippableFact]
    public async Task Indexing_tasks_become_visible_in_the_order_of_their_ids()
    {
        // A writer that has taken a task id holds back every later writer of tasks until it commits: a node reading
        // in between never sees a later id before an earlier one.
        var options = PostgresDatabase.Options(database.ConnectionString!);
        await using (var setup = new DossierDb(options)) await setup.Database.MigrateAsync();

        await using var early = new DossierDb(options);
        await using var transaction = await early.Database.BeginTransactionAsync();
        early.IndexingTasks.Add(IndexingTask.For(1, new DateTime(1962, 10, 27, 0, 0, 0, DateTimeKind.Utc)));
        await early.SaveChangesAsync();

        await using var late = new DossierDb(options);
        late.IndexingTasks.Add(IndexingTask.For(2, new DateTime(1962, 10, 28, 0, 0, 0, DateTimeKind.Utc)));
        var lateSave = late.SaveChangesAsync();
        await Task.Delay(500);
        Assert.False(lateSave.IsCompleted, "a later writer of tasks committed while an earlier one was still open");

        await transaction.CommitAsync();
        await lateSave;
        await using var reader = new DossierDb(options);
        var ids = await reader.IndexingTasks.OrderBy(t => t.Id).Select(t => t.RecordId).ToListAsync();
        Assert.Equal([1, 2], ids);
    }

    private static async Task WithinPromiseAsync(ServerProcess node, Func<ServerProcess, Task<bool>> seen)
    {
        var clock = Stopwatch.StartNew();
        while (!await seen(node))
        {
            Assert.True(clock.Elapsed < Promise, $"not seen on {node.Address} within {Promise.TotalSeconds} s:\n{node.Output}");
            await Task.Delay(50);
        }
    }

    private static async Task<int> TotalAsync(ServerProcess node, string word) =>
        (await node.Client.GetFromJsonAsync<JsonObject>("/api/search?q=" + Uri.EscapeDataString(word)))!["total"]!.GetValue<int>();

    private static async Task<HttpStatusCode> StatusAsync(ServerProcess node, string path)
    {
        using var response = await node.Client.GetAsync(path);
        return response.StatusCode;
    }

    private static async Task RunAsync(string[] args, string? input = null)
    {
        var (code, output) = await DossierProcess.RunAsync(args, [], input);
        Assert.True(code == 0, $"dossier {string.Join(' ', args.Take(2))} exited with {code}:\n{output}");
    }
}
