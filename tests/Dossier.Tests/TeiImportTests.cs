using AngleSharp.Html.Parser;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>A whole FRUS volume through the command line, then read, searched and shown by the app.</summary>
public class TeiImportTests
{
    [Fact]
    public async Task A_FRUS_volume_is_imported_with_progress_searched_by_its_people_and_shown_with_its_notes()
    {
        var data = TempDirectory.Create("tei");
        var volume = Path.Combine(Corpus.Root, "frus", "frus1918Russiav03.xml");
        var (code, output) = await DossierProcess.RunAsync("import", volume, "--publish", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("[1/1] 478 imported: " + volume, output, StringComparison.Ordinal);
        Assert.Contains("Imported 478, updated 0, unchanged 0, failed 0.", output, StringComparison.Ordinal);

        // Again: the volume's documents are known by their ids, nothing changes.
        (code, output) = await DossierProcess.RunAsync("import", volume, "--publish", "--data", data);
        Assert.True(code == 0, output);
        Assert.Contains("Imported 0, updated 0, unchanged 478, failed 0.", output, StringComparison.Ordinal);

        await using var archive = await ArchiveHost.StartOnAsync(data);
        var id = await archive.IdOfRecordAsync("frus1918Russiav03/d100");
        var letters = await archive.GetJsonAsync("/api/search?size=100&q=" + Uri.EscapeDataString("creator:Bakhmeteff recipient:Polk"));
        Assert.Contains(letters["hits"]!.AsArray(), h => (int)h!["id"]! == id);
        Assert.All(letters["hits"]!.AsArray(), h => Assert.Contains("(Bakhmeteff)", (string?)h!["title"], StringComparison.Ordinal));
        var json = await archive.GetJsonAsync($"/api/documents/{id}");
        Assert.Equal("""["Bakhmeteff, Boris A."]""", json["creators"]!.ToJsonString());
        Assert.Equal("""["Polk, Frank Lyon"]""", json["recipients"]!.ToJsonString());
        Assert.Equal("Washington", (string?)json["place"]);
        Assert.Equal("Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III", (string?)json["repository"]);

        // The volume is a collection, public as the import published, its records in the volume's order.
        var volumeCollection = (await archive.GetJsonAsync("/api/collections"))["collections"]!.AsArray().Single()!;
        Assert.Equal("frus1918Russiav03", (string?)volumeCollection["slug"]);
        Assert.Equal("Papers Relating to the Foreign Relations of the United States, 1918, Russia, Volume III", (string?)volumeCollection["title"]);
        Assert.Equal("Published by United States Government Printing Office, Washington, 1932.", (string?)volumeCollection["description"]);
        Assert.Equal(478, (int)volumeCollection["records"]!);
        var first = (await archive.GetJsonAsync("/api/collections/frus1918Russiav03?size=3"))["records"]!.AsArray().Select(r => (int)r!["id"]!).ToList();
        Assert.Equal([await archive.IdOfRecordAsync("frus1918Russiav03/d1"), await archive.IdOfRecordAsync("frus1918Russiav03/d2"), await archive.IdOfRecordAsync("frus1918Russiav03/d3")], first);
        Assert.Equal(478, (await archive.GetJsonAsync("/api/search?collection=frus1918Russiav03"))["total"]!.GetValue<int>());
        // Its page, a page at a time.
        var second = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/collections/frus1918Russiav03?page=2"));
        Assert.Equal("51", second.QuerySelector("ol.records")!.GetAttribute("start"));
        Assert.Contains("Page 2 of 10", second.QuerySelector("nav.pages")!.TextContent, StringComparison.Ordinal);
        using (var pastTheEnd = await archive.Client.GetAsync("/api/collections/frus1918Russiav03?page=5000000&size=500"))
            Assert.Equal(System.Net.HttpStatusCode.BadRequest, pastTheEnd.StatusCode);

        var withNote = await archive.IdOfRecordAsync("frus1918Russiav03/d250");
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/documents/{withNote}"));
        Assert.Contains("Langdon Warner, Vice Consul at Harbin.", page.QuerySelector("section.notes")!.TextContent, StringComparison.Ordinal);
        var information = page.QuerySelector("aside.information dl")!.TextContent;
        Assert.Contains("Secretary of State", information, StringComparison.Ordinal);
        Assert.Contains("Reinsch, Paul S.", information, StringComparison.Ordinal);
        // Its citation names the sender first and the volume as the publication.
        Assert.StartsWith("Secretary of State, \"The Secretary of State to the Minister in China (Reinsch),\" May 28, 1918, Papers Relating to the Foreign Relations",
            page.QuerySelector("#citation-chicago")!.TextContent, StringComparison.Ordinal);
    }
}
