using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using Dossier.Core.Tests;
using Dossier.Import.Tei;

namespace Dossier.Tests;

/// <summary><c>dossier export</c> and the search's download: every format, and JSON Lines round-tripping through an empty archive.</summary>
public class ExportTests
{
    private static async Task<string> FilledArchiveAsync()
    {
        var data = TempDirectory.Create("export");
        var (code, output) = await DossierProcess.RunAsync("import", Corpus.ArchivePages, Path.Combine(Corpus.Root, "frus", "frus1961-63v06-excerpt.xml"), "--publish", "--data", data);
        Assert.True(code == 0, output);
        // And a draft, which no export includes.
        var draft = Path.Combine(data, "draft.jsonl");
        await File.WriteAllTextAsync(draft, """{"title":"An unpublished telegram","transcripts":[{"language":"en","text":"Secret."}]}""" + "\n");
        (code, output) = await DossierProcess.RunAsync("import", draft, "--data", data);
        Assert.True(code == 0, output);
        return data;
    }

    [Fact]
    public async Task JSON_Lines_exported_imported_into_an_empty_archive_and_exported_again_is_the_same_bytes()
    {
        var first = await FilledArchiveAsync();
        var second = TempDirectory.Create("export-again");
        try
        {
            var exported = Path.Combine(first, "export.jsonl");
            var (code, output) = await DossierProcess.RunAsync("export", "--format", "jsonl", "--output", exported, "--data", first);
            Assert.True(code == 0, output);
            Assert.Contains("Exported 8 records to " + exported + " (JSON Lines).", output, StringComparison.Ordinal);
            var lines = await File.ReadAllLinesAsync(exported);
            Assert.Equal(8, lines.Length);
            Assert.DoesNotContain(lines, l => l.Contains("unpublished", StringComparison.Ordinal));
            var khrushchev = JsonNode.Parse(lines.Single(l => l.Contains("Message From Chairman Khrushchev to President-elect", StringComparison.Ordinal)))!;
            Assert.Equal("""["Khrushchev"]""", khrushchev["creators"]!.ToJsonString());
            Assert.Equal("Moscow", (string?)khrushchev["place"]);

            (code, output) = await DossierProcess.RunAsync("import", exported, "--publish", "--data", second);
            Assert.True(code == 0, output);
            Assert.Contains("Imported 8, updated 0, unchanged 0, failed 0.", output, StringComparison.Ordinal);
            var again = Path.Combine(second, "export.jsonl");
            (code, output) = await DossierProcess.RunAsync("export", "--format", "jsonl", "--output", again, "--data", second);
            Assert.True(code == 0, output);
            Assert.Equal(await File.ReadAllBytesAsync(exported), await File.ReadAllBytesAsync(again));
        }
        finally
        {
            TempDirectory.Delete(first);
            TempDirectory.Delete(second);
        }
    }

    [Fact]
    public async Task CSV_Dublin_Core_and_TEI_exports_and_a_searchs_export()
    {
        var data = await FilledArchiveAsync();
        try
        {
            var (code, csv) = await DossierProcess.RunAsync("export", "--format", "csv", "--query", "Guevara", "--data", data);
            Assert.True(code == 0, csv);
            var rows = csv.TrimEnd('\n', '\r').Split("\r\n");
            Assert.StartsWith("id,url,recordId,title,date,summary,type,classification,languages,creators,recipients,place,subjects,source,", rows[0], StringComparison.Ordinal);
            Assert.EndsWith(",notes,text_en", rows[0], StringComparison.Ordinal);
            Assert.Contains("\"From the Journal of A.I. Alekseyev, 'Record of a Conversation withwith Ernesto Guevara Serna", csv, StringComparison.Ordinal);

            var (_, dc) = await DossierProcess.RunAsync("export", "--format", "oai_dc-xml", "--data", data);
            var records = XDocument.Parse(dc);
            XNamespace oaiDc = "http://www.openarchives.org/OAI/2.0/oai_dc/";
            Assert.Equal(8, records.Root!.Elements(oaiDc + "dc").Count());
            foreach (var record in records.Root.Elements(oaiDc + "dc"))
                OaiValidation.Validate(OaiWrapped(record));

            var tei = Path.Combine(data, "export.xml");
            (code, var output) = await DossierProcess.RunAsync("export", "--format", "tei", "--output", tei, "--data", data);
            Assert.True(code == 0, output);
            var reread = new TeiImporter().Read(tei).Select(i => i.Record!).ToList();
            Assert.Equal(8, reread.Count);
            var message = reread.Single(r => r.Title == "Message From Chairman Khrushchev to President-elect Kennedy");
            Assert.Equal(["Khrushchev"], message.Creators);
            Assert.Equal(["Kennedy, John F."], message.Recipients);
            Assert.Equal("1960-11-09", message.Date);
            Assert.Equal("Moscow", message.Place);

            (code, output) = await DossierProcess.RunAsync("export", "--format", "pdf", "--data", data);
            Assert.Equal(2, code);
            Assert.Contains("'pdf' is not a format (jsonl, csv, oai_dc-xml, tei)", output, StringComparison.Ordinal);
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }

    [Fact]
    public async Task A_search_page_downloads_its_records_and_a_bad_format_is_a_400_problem()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        using var response = await archive.Client.GetAsync("/api/search/export?format=jsonl&q=Guevara");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/jsonl", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dossier-records.jsonl", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        var lines = (await response.Content.ReadAsStringAsync()).TrimEnd('\n').Split('\n');
        Assert.Equal(response.Headers.GetValues("X-Total-Count").Single(), lines.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.All(lines, l => Assert.Contains("Guevara", l, StringComparison.Ordinal));

        var csv = await archive.Client.GetStringAsync("/api/search/export?format=csv&language=ru");
        Assert.Contains($"{archive.Address.ToString().TrimEnd('/')}/documents/", csv, StringComparison.Ordinal);
        Assert.EndsWith(",text_en,text_ru", csv.Split("\r\n")[0], StringComparison.Ordinal);

        using var bad = await archive.Client.GetAsync("/api/search/export?format=docx");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);

        var page = await archive.Client.GetStringAsync("/search?q=Guevara");
        Assert.Contains("/api/search/export?q=Guevara&amp;format=jsonl", page, StringComparison.Ordinal);
    }

    // A record of the export inside an OAI-PMH GetRecord answer, to check it with the same schemas as the provider's.
    private static string OaiWrapped(XElement dc) =>
        $"""
        <OAI-PMH xmlns="http://www.openarchives.org/OAI/2.0/"><responseDate>2026-01-01T00:00:00Z</responseDate>
        <request verb="GetRecord" identifier="oai:x:1" metadataPrefix="oai_dc">http://x/oai</request>
        <GetRecord><record><header><identifier>oai:x:1</identifier><datestamp>2026-01-01T00:00:00Z</datestamp></header>
        <metadata>{dc}</metadata></record></GetRecord></OAI-PMH>
        """;
}
