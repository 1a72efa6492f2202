using System.Net;
using Dossier.Data;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// Nothing unpublished reaches a visitor: drafts, records in review, embargoed, withdrawn and deleted records do not
/// exist for them through any route. Real app over HTTP, real SQLite and Lucene.
/// </summary>
public abstract class PublicationTests(Provider provider) : IAsyncLifetime
{
    // Never sent in a request: a response that holds it shows something of an unpublished record.
    private const string Secret = "Quixotrelict";

    // The word a visitor would search to find the unpublished records.
    private const string Word = "Vexillum";

    private ArchiveHost archive = null!;
    private readonly Dictionary<PublicationStatus, int> hidden = [];
    private int deleted;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("publication");
        var published = System.IO.Path.Combine(folder, "published.jsonl");
        await File.WriteAllTextAsync(published, """{"title":"A published telegram on Berlin","date":"1961-08-13","type":"Telegram","transcripts":[{"language":"en","text":"Berlin, and the Vexillum question."}]}""" + "\n");
        await archive.ImportAsync(published);

        var drafts = System.IO.Path.Combine(folder, "drafts.jsonl");
        string[] states = ["draft", "review", "embargo", "withdrawn", "deleted"];
        await File.WriteAllLinesAsync(drafts, states.Select(state => $$"""
            {"recordId":"{{Secret}}-{{state}}","title":"{{Word}} {{Secret}} {{state}}","date":"1962-10-27","summary":"{{Secret}} summary","type":"{{Secret}}type","classification":"{{Secret}} Secret",
             "donors":["{{Secret}} Foundation"],"translators":["{{Secret}} Translator"],"languages":["en","ru"],"source":{"text":"{{Secret}} archive, fond 5"},
             "transcripts":[{"language":"en","text":"{{Word}} {{Secret}} in English."},{"language":"ru","text":"Вексиллум {{Secret}} по-русски."}]}
            """.ReplaceLineEndings(" ")));
        var report = await archive.ImportAsync(publish: false, drafts);
        Assert.Equal(5, report.Imported);

        await using var scope = archive.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var records = await db.Records.Where(r => r.RecordId!.StartsWith(Secret)).ToListAsync();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var record in records)
        {
            switch (record.RecordId![(Secret.Length + 1)..])
            {
                case "draft":
                    hidden[PublicationStatus.Draft] = record.Id;
                    break;
                case "review":
                    record.Status = PublicationStatus.InReview;
                    hidden[PublicationStatus.InReview] = record.Id;
                    break;
                case "embargo":
                    record.Status = PublicationStatus.Embargoed;
                    record.EmbargoUntil = new DateOnly(2999, 1, 1);
                    hidden[PublicationStatus.Embargoed] = record.Id;
                    break;
                case "withdrawn":
                    (record.Status, record.PublishedAt, record.WithdrawalReason) = (PublicationStatus.Withdrawn, now, Secret + " reason");
                    hidden[PublicationStatus.Withdrawn] = record.Id;
                    break;
                case "deleted":
                    (record.Status, record.PublishedAt, record.DeletedAt) = (PublicationStatus.Published, now, now);
                    deleted = record.Id;
                    break;
            }
            db.IndexingTasks.Add(IndexingTask.For(record.Id, now));
        }
        await db.SaveChangesAsync();
        await archive.CatchUpAsync();
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    private IEnumerable<int> HiddenIds => [.. hidden.Values, deleted];

    [SkippableFact]
    public async Task Unpublished_records_are_not_found_not_counted_and_not_shown()
    {
        var results = await archive.GetJsonAsync($"/api/search?q={Word}");
        Assert.Equal(1, results["total"]!.GetValue<int>());
        Assert.Equal("A published telegram on Berlin", results["hits"]![0]!["title"]!.GetValue<string>());
        Assert.DoesNotContain(Secret, results.ToJsonString(), StringComparison.OrdinalIgnoreCase);

        var all = await archive.GetJsonAsync("/api/search");
        Assert.Equal(1, all["total"]!.GetValue<int>());
        Assert.Equal(0, (await archive.GetJsonAsync("/api/search?q=по-русски"))["total"]!.GetValue<int>());
        Assert.Equal(0, (await archive.GetJsonAsync("/api/search?language=ru"))["total"]!.GetValue<int>());

        foreach (var id in HiddenIds)
        {
            Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/documents/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/api/documents/{id}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/documents/{id}/a-title")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/api/documents/{id}/citation?style=bibtex")).StatusCode);
        }

        // The citations of all records list the published one alone.
        foreach (var style in new[] { "bibtex", "ris", "csl-json" })
        {
            var exported = await archive.Client.GetStringAsync($"/api/search/citations?style={style}");
            Assert.Contains("A published telegram on Berlin", exported, StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, exported, StringComparison.OrdinalIgnoreCase);
        }

        var home = await archive.Client.GetStringAsync("/");
        Assert.DoesNotContain(Secret, home, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task The_staff_index_holds_them_and_the_deleted_one_is_gone()
    {
        var index = archive.Services.GetRequiredService<RecordIndex>();
        var staff = index.Search(new SearchOptions(Secret) { IncludeUnpublished = true });
        Assert.Equal(hidden.Values.Order(), staff.Hits.Select(h => h.Id).Order());
        Assert.DoesNotContain(deleted, staff.Hits.Select(h => h.Id));
        Assert.Equal(0, index.Search(new SearchOptions(Secret)).Total);
    }

    [SkippableFact]
    public async Task Publishing_by_import_makes_a_draft_visible()
    {
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
            var draft = await db.Records.SingleAsync(r => r.Id == hidden[PublicationStatus.Draft]);
            Assert.Equal(PublicationStatus.Draft, draft.Status);
            Assert.Null(draft.PublishedAt);
        }
        var folder = TempDirectory.Create("publication-again");
        var again = System.IO.Path.Combine(folder, "again.jsonl");
        await File.WriteAllTextAsync(again, $$"""{"recordId":"{{Secret}}-draft","title":"{{Word}} now public","date":"1962-10-27"}""" + "\n" +
                                              $$"""{"recordId":"{{Secret}}-withdrawn","title":"{{Word}} withdrawn, described again","date":"1962-10-27"}""" + "\n" +
                                              $$"""{"recordId":"{{Secret}}-deleted","title":"{{Word}} deleted, described again","date":"1962-10-27"}""" + "\n");

        var report = await archive.ImportAsync(publish: true, again);

        Assert.Equal(2, report.Updated);
        Assert.Contains(report.Events, e => e.Outcome == Dossier.Import.ImportOutcome.Skipped && e.Reason!.Contains("deleted", StringComparison.Ordinal));
        var found = await archive.GetJsonAsync($"/api/search?q={Uri.EscapeDataString(Word + " public")}");
        Assert.Equal(hidden[PublicationStatus.Draft], found["hits"]![0]!["id"]!.GetValue<int>());
        // The withdrawn record was described again, but an editor withdrew it: it stays out of the reading room.
        Assert.Equal(0, (await archive.GetJsonAsync("/api/search?q=described"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync($"/documents/{hidden[PublicationStatus.Draft]}")).StatusCode);
    }

    /// <summary>
    /// Every route the application maps, present or future, asked for the unpublished records in every way its
    /// pattern allows: the secret word of their text must appear in no answer.
    /// </summary>
    [SkippableFact]
    public async Task No_route_shows_anything_of_an_unpublished_record()
    {
        var routes = archive.Endpoints.OfType<RouteEndpoint>().ToList();
        Assert.Contains(routes, r => r.RoutePattern.RawText!.Contains("documents/{id}", StringComparison.Ordinal));
        // What operators and load balancers read is asked too: it may count tasks, never show a record.
        foreach (var operations in new[] { "/health/live", "/health/ready", "/metrics" })
            Assert.Contains(routes, r => r.RoutePattern.RawText == operations);
        var asked = 0;
        foreach (var route in routes)
        {
            var methods = route.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET", "POST"];
            foreach (var id in HiddenIds)
            {
                var path = Fill(route.RoutePattern, id);
                var query = $"?q={Word}&id={id}&recordId={id}&transcript=ru&view=parallel&style=bibtex&format=json&language=ru&page=1";
                foreach (var method in methods)
                {
                    using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
                    if (method is "POST" or "PUT" or "PATCH")
                        request.Content = new StringContent($$"""{"id":{{id}},"q":"{{Word}}"}""", System.Text.Encoding.UTF8, "application/json");
                    using var response = await archive.Client.SendAsync(request);
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.False(body.Contains(Secret, StringComparison.OrdinalIgnoreCase),
                        $"{method} {path}{query} ({route.DisplayName}) answered {(int)response.StatusCode} with something of unpublished record {id}");
                    asked++;
                }
            }
        }
        Assert.True(asked >= routes.Count * HiddenIds.Count(), $"asked {asked} times");
    }

    /// <summary>A route's path with every parameter filled: ids with the record's number, anything else with the searched word.</summary>
    private static string Fill(RoutePattern pattern, int id) => Routes.Fill(pattern, parameter =>
        parameter.Name.Contains("id", StringComparison.OrdinalIgnoreCase) ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : Word);
}

public sealed class PublicationTestsOnSqlite() : PublicationTests(Provider.Sqlite);

public sealed class PublicationTestsOnPostgres() : PublicationTests(Provider.Postgres);
