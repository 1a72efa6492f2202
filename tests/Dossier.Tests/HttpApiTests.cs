using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Dossier.Core.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>The JSON API and the pages through the real app, over one archive of the five captures.</summary>
public abstract class HttpApiTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : ArchiveOfCapturesFixture
{
    private ArchiveHost Archive => fixture.Archive;

    [SkippableTheory]
    [InlineData("\"delivered him the text of a letter\"", "000")]
    [InlineData("\"normalization of diplomatic relations\"", "001")]
    [InlineData("\"fruit plantations\"", "002")]
    [InlineData("\"labor union leaders\"", "003")]
    [InlineData("\"an ugly duckling\"", "004")]
    public async Task Search_finds_each_page_by_a_phrase_from_its_body(string phrase, string page)
    {
        var results = await Archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(phrase));
        Assert.Equal(1, results["total"]!.GetValue<int>());
        var hit = results["hits"]![0]!;
        Assert.Equal(fixture.IdOf[page], hit["id"]!.GetValue<int>());
        Assert.Contains("<mark>", hit["snippet"]!.GetValue<string>());
        Assert.NotNull(hit["title"]);
        Assert.NotNull(hit["date"]);
        Assert.NotNull(hit["summary"]);
    }

    [SkippableTheory]
    [InlineData("Гуантанамо")]
    [InlineData("премии")]
    public async Task Search_finds_the_russian_original_by_a_russian_word(string word)
    {
        var results = await Archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(word));
        Assert.Equal(1, results["total"]!.GetValue<int>());
        var hit = results["hits"]![0]!;
        Assert.Equal(fixture.IdOf["001"], hit["id"]!.GetValue<int>());
        Assert.Contains($"<mark>{word}</mark>", hit["snippet"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Every_word_must_match_and_relevance_ranks()
    {
        var both = await Archive.GetJsonAsync("/api/search?q=Guevara+Khrushchev");
        var ids = both["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).ToList();
        Assert.Contains(fixture.IdOf["004"], ids);
        Assert.DoesNotContain(fixture.IdOf["002"], ids);
        // The record with the word in its title ranks first.
        var kudryavtsev = await Archive.GetJsonAsync("/api/search?q=Kudryavtsev");
        Assert.Equal(fixture.IdOf["001"], kudryavtsev["hits"]![0]!["id"]!.GetValue<int>());
    }

    [SkippableTheory]
    [InlineData("donor:Blavatnik", new[] { "001", "002", "004" })]
    [InlineData("donor:\"Leon Levy\"", new[] { "000", "003" })]
    [InlineData("translator:Goldberg", new[] { "000", "001", "002", "003", "004" })]
    [InlineData("translator:Hershberg", new[] { "001", "002", "004" })]
    [InlineData("language:ru", new[] { "001" })]
    [InlineData("language:Russian", new[] { "001" })]
    [InlineData("type:\"Memorandum of Conversation\"", new[] { "002", "004" })]
    [InlineData("classification:\"top secret\"", new[] { "002", "004" })]
    [InlineData("source:TsKhSD", new[] { "000", "003" })]
    // An archive is found by every name it has had, in both scripts (issue 22): TsKhSD's papers are RGANI's today.
    [InlineData("source:RGANI", new[] { "000", "003" })]
    [InlineData("source:ЦХСД", new[] { "000", "003" })]
    [InlineData("source:\"АВП РФ\"", new[] { "001", "002", "004" })]
    [InlineData("recordId:177840", new[] { "004" })]
    [InlineData("title:Guevara", new[] { "003", "004" })]
    [InlineData("Guevara -Alekseyev", new string[0])]
    [InlineData("(Dorticos OR Kudryavtsev) Cuba", new[] { "000", "001" })]
    public async Task Field_queries_find_exactly_their_records(string query, string[] pages)
    {
        var results = await Archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(query));
        var ids = results["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).Order();
        Assert.Equal(pages.Select(p => fixture.IdOf[p]).Order(), ids);
    }

    [SkippableFact]
    public async Task Facets_count_every_hit()
    {
        var facets = (await Archive.GetJsonAsync("/api/search"))["facets"]!;
        Assert.Equal(new Dictionary<string, int> { ["Memorandum of Conversation"] = 2 }, Counts(facets["type"]!));
        Assert.Equal(new Dictionary<string, int> { ["Secret"] = 3, ["Top Secret"] = 2 }, Counts(facets["classification"]!));
        Assert.Equal(new Dictionary<string, int> { ["en"] = 5, ["ru"] = 1 }, Counts(facets["language"]!));
        Assert.Equal(new Dictionary<string, int> { ["Blavatnik Family Foundation"] = 3, ["Leon Levy Foundation"] = 2 }, Counts(facets["donor"]!));
        Assert.Equal(new Dictionary<string, int> { ["AVP RF"] = 3, ["TsKhSD"] = 2 }, Counts(facets["archive"]!));
        Assert.Equal(new Dictionary<string, int> { ["1962"] = 1, ["1963"] = 2, ["1964"] = 2 }, Counts(facets["year"]!));

        var castro = (await Archive.GetJsonAsync("/api/search?q=Kudryavtsev"))["facets"]!;
        Assert.Equal(new Dictionary<string, int> { ["1962"] = 1 }, Counts(castro["year"]!));
    }

    [SkippableTheory]
    [InlineData("classification=Secret", "classification")]
    [InlineData("classification=Secret&archive=TsKhSD", "classification")]
    [InlineData("classification=Secret&archive=TsKhSD", "archive")]
    [InlineData("q=Castro&year=1963&language=en", "year")]
    public async Task A_chosen_facet_keeps_its_other_values_counted_under_the_other_choices(string parameters, string facet)
    {
        var chosen = await Archive.GetJsonAsync("/api/search?" + parameters);
        var withoutIt = string.Join('&', parameters.Split('&').Where(p => !p.StartsWith(facet + "=", StringComparison.Ordinal)));
        var unchosen = await Archive.GetJsonAsync("/api/search?" + withoutIt);

        // Drill-sideways: the facet is counted as if none of its values were chosen, every other choice standing ...
        Assert.Equal(Counts(unchosen["facets"]![facet]!), Counts(chosen["facets"]![facet]!));
        Assert.True(Counts(chosen["facets"]![facet]!).Count >= 1);
        // ... while the other facets count the hits themselves.
        var hits = chosen["total"]!.GetValue<int>();
        Assert.True(hits < unchosen["total"]!.GetValue<int>() || Counts(unchosen["facets"]![facet]!).Count == 1);
        foreach (var other in new[] { "type", "classification", "language", "donor", "archive", "year" }.Where(f => f != facet && !parameters.Contains(f + "=", StringComparison.Ordinal)))
            Assert.All(Counts(chosen["facets"]![other]!).Values, count => Assert.InRange(count, 1, hits));
    }

    [SkippableTheory]
    [InlineData("type=Memorandum%20of%20Conversation", new[] { "002", "004" })]
    [InlineData("classification=Secret&classification=Top%20Secret", new[] { "000", "001", "002", "003", "004" })]
    [InlineData("archive=TsKhSD&year=1964", new[] { "000", "003" })]
    [InlineData("archive=TsKhSD&year=1963", new string[0])]
    [InlineData("language=ru", new[] { "001" })]
    [InlineData("donor=Leon%20Levy%20Foundation&q=Guevara", new[] { "000", "003" })] // 000 mentions "E. Guevara" too
    [InlineData("from=1963&to=1963-03", new[] { "002" })]
    [InlineData("from=1962&to=1962", new[] { "001" })]
    [InlineData("from=1963-04", new[] { "000", "003", "004" })]
    [InlineData("to=1963-03-23", new[] { "001", "002" })]
    public async Task Facets_and_dates_narrow_the_search(string parameters, string[] pages)
    {
        var results = await Archive.GetJsonAsync("/api/search?" + parameters);
        var ids = results["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).Order();
        Assert.Equal(pages.Select(p => fixture.IdOf[p]).Order(), ids);
        Assert.Equal(pages.Length, results["total"]!.GetValue<int>());
    }

    [SkippableTheory]
    [InlineData("sort=date", "date", false)]
    [InlineData("sort=-date", "date", true)]
    [InlineData("sort=title", "title", false)]
    [InlineData("q=Castro&sort=date", "date", false)]
    public async Task Results_come_in_the_order_asked(string parameters, string field, bool descending)
    {
        var results = await Archive.GetJsonAsync("/api/search?" + parameters);
        var values = results["hits"]!.AsArray().Select(h => h![field]!.GetValue<string>()).ToList();
        Assert.True(values.Count >= 2);
        var ordered = descending ? values.OrderDescending(StringComparer.Ordinal) : values.Order(StringComparer.Ordinal);
        Assert.Equal(ordered, values);
    }

    [SkippableTheory]
    [InlineData("/api/search?from=abc", "from")]
    [InlineData("/api/search?to=1963-13", "to")]
    [InlineData("/api/search?from=1964&to=1963", "to")]
    [InlineData("/api/search?sort=popularity", "sort")]
    [InlineData("/api/search?year=63", "year")]
    public async Task Bad_filters_are_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await Archive.Client.GetAsync(path);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]![parameter] is JsonArray { Count: > 0 }, problem.ToJsonString());
    }

    private static Dictionary<string, int> Counts(JsonNode facet) =>
        facet.AsArray().ToDictionary(v => v!["value"]!.GetValue<string>(), v => v!["count"]!.GetValue<int>());

    [SkippableFact]
    public async Task Answers_say_how_long_they_took_and_how_each_hit_scored()
    {
        var results = await Archive.GetJsonAsync("/api/search?q=Castro");
        Assert.True(results["tookMs"]!.GetValue<double>() >= 0);
        var scores = results["hits"]!.AsArray().Select(h => h!["score"]!.GetValue<float>()).ToList();
        Assert.All(scores, s => Assert.True(s > 0));
        Assert.Equal(scores.OrderDescending(), scores);
        var all = await Archive.GetJsonAsync("/api/search");
        Assert.Null(all["hits"]![0]!["score"]);
    }

    [SkippableFact]
    public async Task An_empty_query_lists_every_record_newest_first_with_paging()
    {
        var all = await Archive.GetJsonAsync("/api/search");
        Assert.Equal(5, all["total"]!.GetValue<int>());
        var dates = all["hits"]!.AsArray().Select(h => h!["date"]!.GetValue<string>()).ToList();
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);

        var second = await Archive.GetJsonAsync("/api/search?page=2&size=2");
        Assert.Equal(2, second["page"]!.GetValue<int>());
        Assert.Equal(2, second["size"]!.GetValue<int>());
        Assert.Equal(5, second["total"]!.GetValue<int>());
        Assert.Equal(dates.Skip(2).Take(2), second["hits"]!.AsArray().Select(h => h!["date"]!.GetValue<string>()));
    }

    [SkippableFact]
    public async Task A_record_comes_back_in_the_documented_shape()
    {
        var id = fixture.IdOf["004"];
        var r = await Archive.GetJsonAsync($"/api/documents/{id}");
        Assert.Equal(id, r["id"]!.GetValue<int>());
        Assert.Equal("177840", r["recordId"]!.GetValue<string>());
        Assert.Equal("1963-04-05", r["date"]!.GetValue<string>());
        Assert.Equal("Memorandum of Conversation", r["type"]!.GetValue<string>());
        Assert.Equal("Top Secret", r["classification"]!.GetValue<string>());
        Assert.Equal(["en"], r["languages"]!.AsArray().Select(l => l!.GetValue<string>()));
        Assert.Equal("AVP RF", r["source"]!["archive"]!.GetValue<string>());
        Assert.Equal("86-87", r["source"]!["pages"]!.GetValue<string>());
        Assert.Null(r["source"]!["reel"]);
        Assert.Equal("2018-06-27", r["uploadedDate"]!.GetValue<string>());
        Assert.Equal("Blavatnik Family Foundation", r["donors"]![0]!.GetValue<string>());
        Assert.Equal("en", r["transcripts"]![0]!["language"]!.GetValue<string>());
        Assert.StartsWith("\"From the Journal of A.I. Alekseyev", r["citation"]!["chicago"]!.GetValue<string>());
        Assert.Equal($"{Archive.Address}documents/{id}", r["url"]!.GetValue<string>());
        foreach (var key in new[] { "title", "summary", "provenance", "obtainedBy", "translators", "rights" }) Assert.True(r.ContainsKey(key), key);
    }

    [SkippableFact]
    public async Task An_unknown_record_is_a_404_problem()
    {
        using var response = await Archive.Client.GetAsync("/api/documents/987654");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [InlineData("/api/documents/abc", "id")]
    [InlineData("/api/documents/-3", "id")]
    [InlineData("/api/search?page=0", "page")]
    [InlineData("/api/search?page=two", "page")]
    [InlineData("/api/search?size=1000", "size")]
    [InlineData("/api/search?page=999&size=100", "page")]
    [InlineData("/api/search?q=%28Castro+AND", "q")]
    [InlineData("/api/search?q=*ussr", "q")]
    [InlineData("/api/search?q=%2F%5B%2F", "q")]
    [InlineData("/api/search?q=%2F(a%7Cb)*a(a%7Cb)%7B16%7D%2F", "q")]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await Archive.Client.GetAsync(path);
        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem["errors"]![parameter] is JsonArray { Count: > 0 }, problem.ToJsonString());
    }

    [SkippableFact]
    public async Task An_unknown_api_address_is_a_404_problem()
    {
        using var response = await Archive.Client.GetAsync("/api/nothing-here");
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [SkippableTheory]
    [InlineData("text/html")]
    [InlineData("application/xml")]
    public async Task An_unknown_api_address_is_a_404_problem_whatever_the_client_accepts(string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/documents/1/nothing");
        request.Headers.Accept.ParseAdd(accept);
        using var response = await Archive.Client.SendAsync(request);
        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<JsonObject> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal((int)status, problem["status"]!.GetValue<int>());
        Assert.False(string.IsNullOrEmpty(problem["title"]?.GetValue<string>()));
        return problem;
    }
}

/// <summary>One archive holding the five captures (their record numbers by file prefix), shared by tests that only read it.</summary>
public abstract class ArchiveOfCapturesFixture(Provider provider) : SharedArchiveFixture(provider)
{
    public sealed class OnSqlite() : ArchiveOfCapturesFixture(Provider.Sqlite);

    public sealed class OnPostgres() : ArchiveOfCapturesFixture(Provider.Postgres);

    protected override async Task FillAsync(ArchiveHost archive)
    {
        var report = await archive.ImportAsync(Corpus.ArchivePages);
        Assert.Equal(5, report.Imported);
        foreach (var (prefix, id) in await archive.IdsOfCapturesAsync()) IdOf[prefix] = id;
    }
}

public sealed class HttpApiTestsOnSqlite(ArchiveOfCapturesFixture.OnSqlite fixture) : HttpApiTests<ArchiveOfCapturesFixture.OnSqlite>(fixture);

public sealed class HttpApiTestsOnPostgres(ArchiveOfCapturesFixture.OnPostgres fixture) : HttpApiTests<ArchiveOfCapturesFixture.OnPostgres>(fixture);
