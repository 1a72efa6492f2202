using System.Text.Json.Nodes;
using Dossier.Core.Tests;
using Dossier.Data;
using Dossier.Records;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// <c>dossier harvest</c> run as a process: against a real repository's recorded answers
/// (../shared/corpus/oai-pmh, replayed by a local server), and against another Dossier, both running.
/// </summary>
public class HarvestTests
{
    [Fact]
    public async Task A_DSpace_repositorys_records_are_harvested_with_their_Dublin_Core_read_into_the_archives_fields()
    {
        await using var replay = await Replay.StartAsync("fake1", "fake2");
        var data = TempDirectory.Create("harvest-replay");
        var (code, output) = await DossierProcess.RunAsync("harvest", replay.BaseUrl, "--from", "2004-01-01", "--publish", "--data", data);
        Assert.True(code == 0, output);
        // 81 records in the answer, 2 of them deleted at the source (never harvested here).
        Assert.Contains("79 new, 0 updated, 2 unchanged, 0 deleted, 0 failed, in 1 responses.", output, StringComparison.Ordinal);
        Assert.Contains("Indexed 79 records.", output, StringComparison.Ordinal);

        await using var archive = await ArchiveHost.StartOnAsync(data);
        var record = await archive.StoredRecordAsync(await archive.IdOfRecordAsync("hdl:1765/9"));
        Assert.Equal("The Causality of Supply Relationships", record.Title);
        Assert.Equal(["Jong, G. de", "Nooteboom, B."], record.Creators);
        Assert.Equal("2001-01-04", record.Date);
        Assert.Equal("2003-03-11", record.UploadedDate);
        Assert.Contains("Learning theory", record.Subjects);
        Assert.Equal(["en", "en-US"], record.Languages);
        Assert.Equal("Working Paper", record.Type);
        Assert.Equal("Erasmus Research Institute of Management (ERIM), Erasmus University Rotterdam", record.Repository);
        Assert.StartsWith("Copyright 2001, G. de Jong, B. Nooteboom, This report", record.Rights, StringComparison.Ordinal);
        Assert.Equal("Harvested from Erasmus University : Research Online (hdl:1765/9, http://hdl.handle.net/1765/9)", record.Provenance);
        Assert.Equal(PublicationStatus.Published, record.Status);
        // Found by its author through the search.
        var found = await archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("creator:Nooteboom"));
        Assert.Contains(found["hits"]!.AsArray(), h => h!["title"]!.GetValue<string>() == "The Causality of Supply Relationships");

    }

    [Fact]
    public async Task A_day_is_asked_of_a_repository_that_counts_in_seconds_in_its_granularity_and_its_records_come_as_drafts()
    {
        await using var replay = await Replay.StartAsync("fake1", "fake2");
        var data = TempDirectory.Create("harvest-replay-days");
        try
        {
            // The recorded answer was to from=2003-04-10T00:00:00Z: the harvester writes the day so.
            var (code, output) = await DossierProcess.RunAsync("harvest", replay.BaseUrl, "--from", "2003-04-10", "--data", data);
            Assert.True(code == 0, output);
            Assert.Contains("16 new", output, StringComparison.Ordinal);
            Assert.Contains("New records are drafts", output, StringComparison.Ordinal);
            Assert.Contains(replay.Asked, q => q.Contains("from=2003-04-10T00%3A00%3A00Z", StringComparison.Ordinal) || q.Contains("from=2003-04-10T00:00:00Z", StringComparison.Ordinal));
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public async Task Bad_arguments_are_refused_before_anything_is_asked()
    {
        foreach (var (args, message) in new[]
        {
            (new[] { "harvest", "ftp://example.org/oai" }, "is not the http(s) address"),
            (new[] { "harvest", "http://127.0.0.1:9/oai", "--from", "yesterday" }, "--from 'yesterday' is not a date"),
            (new[] { "harvest", "http://127.0.0.1:9/oai", "--prefix", "marc21" }, "--prefix 'marc21' is not a format"),
        })
        {
            var (code, output) = await DossierProcess.RunAsync(args);
            Assert.Equal(2, code);
            Assert.Contains(message, output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task One_Dossier_harvests_another_both_running_goes_on_after_an_interruption_and_follows_deletions()
    {
        await using var source = await ArchiveHost.StartAsync("--Dossier:Oai:RecordsPerResponse=2", "--Dossier:Oai:RepositoryIdentifier=source.example.org");
        await source.ImportAsync(Corpus.ArchivePages);
        var ids = await source.IdsOfCapturesAsync();
        // A proxy before the source that fails the second page once: the harvest stops there.
        await using var proxy = await Replay.StartProxyAsync(new Uri(source.Address, "/oai"), failSecondPageOnce: true);

        var data = TempDirectory.Create("harvest-target");
        await using var target = await ServerProcess.StartAsync("--data", data);
        var (code, output) = await DossierProcess.RunAsync("harvest", proxy.BaseUrl, "--prefix", "dossier", "--publish", "--retries", "0", "--data", data);
        Assert.Equal(1, code);
        Assert.Contains("run the same command again to go on where it stopped", output, StringComparison.Ordinal);

        (code, output) = await DossierProcess.RunAsync("harvest", proxy.BaseUrl, "--prefix", "dossier", "--publish", "--retries", "0", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("Resuming the harvest of Dossier after 2 records.", output, StringComparison.Ordinal);
        Assert.Contains("3 new, 0 updated, 0 unchanged, 0 deleted, 0 failed, in 2 responses.", output, StringComparison.Ordinal);
        Assert.Contains("The running server holds the search index", output, StringComparison.Ordinal);

        // The running target has every record, every field and transcript as the source has them, and finds them.
        var copies = await WaitForAsync(target.Client, "/api/search?size=100", 5);
        foreach (var (page, id) in ids)
        {
            var original = await source.GetJsonAsync($"/api/documents/{id}");
            var hit = copies["hits"]!.AsArray().Single(h => h!["title"]!.GetValue<string>() == original["title"]!.GetValue<string>());
            var copy = JsonNode.Parse(await target.Client.GetStringAsync($"/api/documents/{hit!["id"]}"))!;
            foreach (var field in new[] { "title", "date", "summary", "type", "classification", "languages", "source", "provenance", "obtainedBy", "translators", "donors", "rights", "repository", "transcripts" })
                Assert.True(JsonNode.DeepEquals(original[field], copy[field]), $"{page} {field}: {original[field]} != {copy[field]}");
        }

        // Run again: only what changed since. A record withdrawn at the source is deleted here.
        await using (var scope = source.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
            var withdrawn = await db.Records.SingleAsync(r => r.Id == ids["002"]);
            (withdrawn.Status, withdrawn.WithdrawalReason, withdrawn.UpdatedAt) = (PublicationStatus.Withdrawn, "a test", TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(2));
            await db.SaveChangesAsync();
        }
        await Task.Delay(3000);
        (code, output) = await DossierProcess.RunAsync("harvest", proxy.BaseUrl, "--prefix", "dossier", "--publish", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("since the last complete harvest", output, StringComparison.Ordinal);
        Assert.Contains("0 new, 0 updated, 0 unchanged, 1 deleted, 0 failed", output, StringComparison.Ordinal);
        await WaitForAsync(target.Client, "/api/search?size=100", 4);
    }

    private static async Task<JsonNode> WaitForAsync(HttpClient client, string path, int total)
    {
        JsonNode results = null!;
        for (var i = 0; i < 100; i++)
        {
            results = JsonNode.Parse(await client.GetStringAsync(path))!;
            if (results["total"]!.GetValue<int>() == total) return results;
            await Task.Delay(100);
        }
        Assert.Fail($"the target did not come to {total} records: {results["total"]}");
        return results;
    }

    /// <summary>
    /// A local OAI-PMH server answering from recorded responses (each folder's mapping.txt gives the request of each
    /// file), or a proxy before a live repository that can fail one request.
    /// </summary>
    private sealed class Replay : IAsyncDisposable
    {
        private readonly WebApplication app;

        private Replay(WebApplication app, string baseUrl) => (this.app, BaseUrl) = (app, baseUrl);

        public string BaseUrl { get; }

        public List<string> Asked { get; } = [];

        public static async Task<Replay> StartAsync(params string[] folders)
        {
            var answers = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var folder in folders)
            {
                var lines = File.ReadAllLines(Path.Combine(Corpus.Root, "oai-pmh", folder, "mapping.txt")).Where(l => l.Length > 0).ToList();
                for (var i = 0; i + 1 < lines.Count; i += 2)
                    answers.TryAdd(Key(QueryHelpers(lines[i])), Path.Combine(Corpus.Root, "oai-pmh", folder, lines[i + 1].Trim()));
            }
            Replay? replay = null;
            var app = Build(async context =>
            {
                var key = Key(context.Request.Query.SelectMany(p => p.Value.Select(v => (p.Key, v ?? ""))));
                replay!.Asked.Add(context.Request.QueryString.Value ?? "");
                if (!answers.TryGetValue(key, out var file))
                {
                    context.Response.StatusCode = 404;
                    return;
                }
                context.Response.ContentType = "text/xml; charset=utf-8";
                await context.Response.SendFileAsync(file);
            });
            await app.StartAsync();
            replay = new Replay(app, Address(app) + "/oai/");
            return replay;
        }

        public static async Task<Replay> StartProxyAsync(Uri repository, bool failSecondPageOnce)
        {
            var forward = new HttpClient();
            var failed = false;
            var app = Build(async context =>
            {
                var query = context.Request.QueryString.Value ?? "";
                if (failSecondPageOnce && !failed && query.Contains("resumptionToken", StringComparison.Ordinal))
                {
                    failed = true;
                    context.Response.StatusCode = 500;
                    return;
                }
                using var answer = await forward.GetAsync(repository + query);
                context.Response.StatusCode = (int)answer.StatusCode;
                context.Response.ContentType = answer.Content.Headers.ContentType?.ToString();
                await answer.Content.CopyToAsync(context.Response.Body);
            });
            await app.StartAsync();
            return new Replay(app, Address(app) + "/oai");
        }

        private static WebApplication Build(RequestDelegate answer)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            app.Run(answer);
            return app;
        }

        private static string Address(WebApplication app) =>
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        private static IEnumerable<(string, string)> QueryHelpers(string query) =>
            Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(query).SelectMany(p => p.Value.Select(v => (p.Key, v ?? "")));

        private static string Key(IEnumerable<(string Name, string Value)> arguments) =>
            string.Join('&', arguments.OrderBy(a => a.Name, StringComparer.Ordinal).Select(a => a.Name + "=" + a.Value));

        public async ValueTask DisposeAsync()
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
    }
}
