using System.Net;
using AngleSharp.Html.Parser;
using Dossier.Core.Tests;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>The Office of the Historian's 16,312 person records and a CSV of places, imported by the CLI and read by the app.</summary>
public class AuthoritiesTests
{
    [Fact]
    public async Task The_people_of_the_Office_of_the_Historian_are_imported_with_progress_and_found_by_any_spelling_in_any_script()
    {
        var data = TempDirectory.Create("authorities");
        var people = Path.Combine(Corpus.Root, "people", "data");
        var (code, output) = await DossierProcess.RunAsync("import", Corpus.ArchivePages, "--publish", "--data", data);
        Assert.True(code == 0, output);
        (code, output) = await DossierProcess.RunAsync("authorities", "import", people, "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("Importing authorities: ", output, StringComparison.Ordinal);
        Assert.Contains("Imported 16312, updated 0, unchanged 0, failed 0.", output, StringComparison.Ordinal);
        // The archive's records are then read for every name of them, with progress, and indexed again.
        Assert.Contains("Finding mentions: 5/5 (100%)", output, StringComparison.Ordinal);
        Assert.Matches(@"Read 5 records: \d+ mentions asserted, \d+ proposed for editors", output);
        Assert.Contains("Indexed ", output, StringComparison.Ordinal);

        var places = Path.Combine(TempDirectory.Create("authorities-csv"), "places.csv");
        await File.WriteAllTextAsync(places, "id,kind,name,variants,latitude,longitude\n1,place,Havana,La Habana; Гавана,23.1136,-82.3666\n2,place,Moscow,Москва,55.7558,37.6173\n3,moon,Luna,,,\n");
        (code, output) = await DossierProcess.RunAsync("authorities", "import", people, places, "--data", data);
        Assert.Equal(1, code);
        Assert.Contains("Imported 2, updated 0, unchanged 16312, failed 1.", output, StringComparison.Ordinal);
        Assert.Contains("places.csv:row 4: kind 'moon' is not person, organization or place", output, StringComparison.Ordinal);

        await using var archive = await ArchiveHost.StartOnAsync(data);
        foreach (var spelling in new[] { "Хрущёв", "Khrushchov", "khrushchev nikita" })
        {
            var found = await archive.GetJsonAsync("/api/people?q=" + Uri.EscapeDataString(spelling));
            Assert.Contains(found["items"]!.AsArray(), p => (string?)p!["name"] == "Khrushchev, Nikita Sergeyevich");
        }
        var khrushchev = (await archive.GetJsonAsync("/api/people?q=Khrushchev%20Sergeyevich"))["items"]![0]!;
        var id = (int)khrushchev["id"]!;
        var record = await archive.GetJsonAsync($"/api/people/{id}");
        Assert.Equal(("person", "64007537"), ((string)record["kind"]!, (string)record["viaf"]!));
        Assert.Contains("Khrushchev, Nikita S", record["variants"]!.AsArray().Select(v => (string)v!));
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/api/places/{id}")).StatusCode);
        using (var bad = await archive.Client.GetAsync("/api/people?size=1000"))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);

        var havana = (await archive.GetJsonAsync("/api/places?q=" + Uri.EscapeDataString("Гавана")))["items"]!.AsArray().Single()!;
        Assert.Equal("Havana", (string)havana["name"]!);

        var list = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/people?q=Mikoyan"));
        Assert.Contains(list.QuerySelectorAll("ol.authorities a"), a => a.TextContent.StartsWith("Mikoyan, Anastas", StringComparison.Ordinal));
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/people/{id}"));
        Assert.Equal("Khrushchev, Nikita Sergeyevich", page.QuerySelector("h1")!.TextContent);
        Assert.Equal("https://viaf.org/viaf/64007537/", page.QuerySelector("a[rel=external]")!.GetAttribute("href"));
        var everyone = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/people?page=2"));
        Assert.Contains("Page 2 of 327", everyone.QuerySelector("nav.pages")!.TextContent, StringComparison.Ordinal);

        // The Office of the Historian's Castro is found in full in the captures: searched by his number and his names.
        var castro = (int)(await archive.GetJsonAsync("/api/people?q=Castro%20Fidel"))["items"]!.AsArray().Single(p => (string?)p!["name"] == "Castro, Fidel")!["id"]!;
        var named = await archive.GetJsonAsync($"/api/search?person={castro}");
        Assert.True((int)named["total"]! >= 3, named.ToJsonString());
        Assert.Equal((int)named["total"]!, (await archive.GetJsonAsync($"/api/people/{castro}"))["records"]!.AsArray().Count);
        var mostNamed = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/people?sort=records"));
        Assert.StartsWith("Castro", mostNamed.QuerySelectorAll("ol.authorities li a").First().TextContent, StringComparison.Ordinal);
        // Found again, the mentions are as they were.
        (code, output) = await DossierProcess.RunAsync("authorities", "find", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("(0 new); 0 records to index again.", output, StringComparison.Ordinal);
    }
}

/// <summary>Authorities in the store of each provider, found through the API by folded names.</summary>
public abstract class AuthoritiesApiTests(Provider provider)
{
    [SkippableFact]
    public async Task Authorities_are_found_by_the_beginnings_of_their_names_in_any_script_and_updated_by_a_second_import()
    {
        TestDatabases.Require(provider);
        await using var archive = await ArchiveHost.StartAsync(provider);
        var csv = Path.Combine(TempDirectory.Create("authorities-api"), "people.csv");
        await File.WriteAllTextAsync(csv, "id,name,variants,birth,death\n1,\"Mikoyan, Anastas Ivanovich\",Микоян; A. I. Mikoyan,1895,1978\n2,\"Castro Ruz, Fidel\",Фидель Кастро,1926,2016\n");
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var import = new Dossier.Authorities.AuthorityImport(scope.ServiceProvider.GetRequiredService<Dossier.Data.DossierDb>().WholeArchive(), TimeProvider.System);
            Assert.Equal(2, (await import.RunAsync(Dossier.Authorities.AuthoritySources.Read([csv]))).Imported);
        }
        Assert.Equal(["Mikoyan, Anastas Ivanovich"], await NamesAsync(archive, "Микоя"));
        Assert.Equal(["Castro Ruz, Fidel"], await NamesAsync(archive, "fid kast"));
        Assert.Equal(2, (await NamesAsync(archive, "")).Count);
        Assert.Empty(await NamesAsync(archive, "Khrushchev"));

        // Imported again with two more spellings: "Mikojan" folds to the key of a name it has (nothing new), "Anastas
        // Mikoyan" is new: updated, its names kept and the new one added.
        await File.WriteAllTextAsync(csv, "id,name,variants,birth,death\n1,\"Mikoyan, Anastas Ivanovich\",Микоян; Mikojan; Anastas Mikoyan,1895,1978\n2,\"Castro Ruz, Fidel\",Фидель Кастро,1926,2016\n");
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var import = new Dossier.Authorities.AuthorityImport(scope.ServiceProvider.GetRequiredService<Dossier.Data.DossierDb>().WholeArchive(), TimeProvider.System);
            var report = await import.RunAsync(Dossier.Authorities.AuthoritySources.Read([csv]));
            Assert.Equal((0, 1, 1), (report.Imported, report.Updated, report.Unchanged));
        }
        var id = (int)(await archive.GetJsonAsync("/api/people?q=mikojan"))["items"]![0]!["id"]!;
        var variants = (await archive.GetJsonAsync($"/api/people/{id}"))["variants"]!.AsArray().Select(v => (string)v!).ToList();
        Assert.Equal(["A. I. Mikoyan", "Anastas Mikoyan", "Микоян"], variants);
    }

    private static async Task<List<string>> NamesAsync(ArchiveHost archive, string q) =>
        [.. (await archive.GetJsonAsync("/api/people?q=" + Uri.EscapeDataString(q)))["items"]!.AsArray().Select(p => (string)p!["name"]!)];
}

public sealed class AuthoritiesApiTestsOnSqlite() : AuthoritiesApiTests(Provider.Sqlite);

public sealed class AuthoritiesApiTestsOnPostgres() : AuthoritiesApiTests(Provider.Postgres);
