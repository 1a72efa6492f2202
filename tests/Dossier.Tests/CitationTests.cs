using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using AngleSharp.Html.Parser;
using Dossier.Citations;
using Dossier.Core.Tests;
using Dossier.Features.Citations;
using Dossier.Import.PageCaptures;

namespace Dossier.Tests;

/// <summary>
/// Citations through the real app: each style from the API with its media type, the export of a search's hits, the
/// record page's Cite dialog, meta tags and permalink, and a real metadata extractor reading the page.
/// </summary>
public class CitationTests(ArchiveOfCapturesFixture.OnSqlite fixture) : IClassFixture<ArchiveOfCapturesFixture.OnSqlite>
{
    private ArchiveHost Archive => fixture.Archive;

    private int Id(string page) => fixture.IdOf[page];

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("003")]
    public async Task The_Chicago_citation_is_the_archives_own_line(string page)
    {
        var line = PageCaptureParser.Parse(Corpus.ReadPage(page)).Citation!.Text;
        var served = await Archive.Client.GetStringAsync($"/api/documents/{Id(page)}/citation?style=chicago");
        // The archive's line has a stray space before the comma closing some titles ("1963 ,").
        Assert.Equal(line.Replace(" ,\"", ",\"", StringComparison.Ordinal), served.TrimEnd('\n'));
        // Chicago is the style when none is asked for.
        Assert.Equal(served, await Archive.Client.GetStringAsync($"/api/documents/{Id(page)}/citation"));
    }

    [Fact]
    public async Task Every_style_is_served_with_its_media_type_and_as_a_download()
    {
        foreach (var style in CitationStyle.All)
        {
            using var response = await Archive.Client.GetAsync($"/api/documents/{Id("001")}/citation?style={style.Key}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(style.ContentType, response.Content.Headers.ContentType!.MediaType);
            Assert.Equal("utf-8", response.Content.Headers.ContentType.CharSet);
            Assert.Null(response.Content.Headers.ContentDisposition);
            var text = await response.Content.ReadAsStringAsync();
            Assert.Contains("Kudryavtsev", text, StringComparison.Ordinal);
        }

        var bibtex = await Archive.Client.GetStringAsync($"/api/documents/{Id("001")}/citation?style=bibtex");
        Assert.StartsWith($"@misc{{dossier-{Id("001")},", bibtex, StringComparison.Ordinal);
        Assert.Contains("  howpublished = {History and Public Policy Program Digital Archive},", bibtex, StringComparison.Ordinal);
        Assert.Contains($"  url = {{{Archive.Address.ToString().TrimEnd('/')}/documents/{Id("001")}}},", bibtex, StringComparison.Ordinal);
        Assert.Matches(@"  urldate = \{\d{4}-\d{2}-\d{2}\},", bibtex);

        var csl = JsonNode.Parse(await Archive.Client.GetStringAsync($"/api/documents/{Id("001")}/citation?style=csl-json"))!.AsArray();
        Assert.Equal("manuscript", (string?)csl.Single()!["type"]);
        Assert.Equal("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", (string?)csl[0]!["archive_location"]);

        foreach (var (key, extension) in new[] { ("bibtex", ".bib"), ("biblatex", ".bib"), ("ris", ".ris"), ("csl-json", ".json"), ("dc", ".xml"), ("mla", ".txt") })
        {
            using var download = await Archive.Client.GetAsync($"/api/documents/{Id("003")}/citation?style={key}&download=true");
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal("attachment", download.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal($"dossier-{Id("003")}{extension}", download.Content.Headers.ContentDisposition.FileName?.Trim('"'));
        }
    }

    [Theory]
    [InlineData("style=harvard", "style", "'harvard' is not a citation style here (chicago, chicago-bib, mla, apa, turabian, bibtex, biblatex, ris, csl-json, dc)")]
    [InlineData("style=", "style", "choose a style: chicago, chicago-bib, mla, apa, turabian, bibtex, biblatex, ris, csl-json, dc")]
    [InlineData("style=ris&download=perhaps", "download", "'perhaps' is not true or false")]
    public async Task A_bad_parameter_is_a_400_problem(string query, string field, string message)
    {
        using var response = await Archive.Client.GetAsync($"/api/documents/{Id("001")}/citation?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int?)problem["status"]);
        Assert.Equal(message, (string?)problem["errors"]![field]![0]);
    }

    [Fact]
    public async Task An_unknown_record_is_a_404_problem_and_a_bad_number_a_400()
    {
        using var missing = await Archive.Client.GetAsync("/api/documents/987654/citation?style=mla");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal("application/problem+json", missing.Content.Headers.ContentType!.MediaType);
        using var bad = await Archive.Client.GetAsync("/api/documents/abc/citation?style=mla");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_search_exports_its_hits_in_its_order_as_one_file()
    {
        using var response = await Archive.Client.GetAsync("/api/search/citations?q=title:Guevara&sort=date&style=bibtex");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(BibTex.ContentType, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("dossier-citations.bib", response.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
        Assert.Equal("2", response.Headers.GetValues("X-Total-Count").Single());
        var bib = await response.Content.ReadAsStringAsync();
        // 003 (January 1964) after 004 (April 1963): the search's order, oldest first.
        Assert.Equal([$"dossier-{Id("004")}", $"dossier-{Id("003")}"],
            System.Text.RegularExpressions.Regex.Matches(bib, @"@misc\{([^,]+),").Select(m => m.Groups[1].Value));

        var ris = await Archive.Client.GetStringAsync("/api/search/citations?style=ris");
        Assert.Equal(5, ris.Split("TY  - MANSCPT").Length - 1);
        Assert.Equal(5, ris.Split("ER  - \r\n").Length - 1);
        var csl = JsonNode.Parse(await Archive.Client.GetStringAsync("/api/search/citations?language=ru&style=csl-json"))!.AsArray();
        Assert.Equal(Id("001"), int.Parse(((string)csl.Single()!["id"]!)["dossier-".Length..], System.Globalization.CultureInfo.InvariantCulture));

        // The page size of a search does not limit an export; a style read by people is not a file format.
        Assert.Equal(5, (await Archive.Client.GetStringAsync("/api/search/citations?style=ris&size=2&page=3")).Split("TY  - ").Length - 1);
        foreach (var (query, field) in new[] { ("style=mla", "style"), ("style=dc", "style"), ("", "style"), ("style=ris&from=1962-13", "from"), ("style=ris&q=%22unclosed", "q") })
        {
            using var bad = await Archive.Client.GetAsync("/api/search/citations?" + query);
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.NotNull(JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]![field]);
        }
    }

    [Fact]
    public async Task An_export_cites_the_first_thousand_hits_and_tells_how_many_matched()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var file = Path.Combine(archive.DataDirectory, "telegrams.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(1, CitationsApi.MaxExported + 5).Select(i => $$"""
            {"recordId":"T{{i}}","title":"Telegram {{i}} on Berlin","date":"1961-{{1 + i % 12:D2}}","translators":["Gary Goldberg"],"languages":["en"],"source":{"text":"AVP RF, f. 059, d. {{i}}"},"transcripts":[{"language":"en","text":"Berlin telegram {{i}}."}]}
            """));
        Assert.Equal(CitationsApi.MaxExported + 5, (await archive.ImportAsync(file)).Imported);

        using var response = await archive.Client.GetAsync("/api/search/citations?q=Berlin&style=csl-json");
        Assert.Equal((CitationsApi.MaxExported + 5).ToString(System.Globalization.CultureInfo.InvariantCulture), response.Headers.GetValues("X-Total-Count").Single());
        var items = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();
        Assert.Equal(CitationsApi.MaxExported, items.Count);
        Assert.Equal(CitationsApi.MaxExported, items.Select(i => (string?)i!["id"]).Distinct().Count());
        Assert.All(items, i => Assert.Equal("manuscript", (string?)i!["type"]));

        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/search?q=Berlin"));
        Assert.Contains("Cite the first 1,000 of these records", page.QuerySelector("p.export")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_search_page_links_its_export()
    {
        var html = await Archive.Client.GetStringAsync("/search?q=title:Guevara&sort=date");
        var document = await new HtmlParser().ParseDocumentAsync(html);
        var links = document.QuerySelectorAll("p.export a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([.. new[] { "bibtex", "ris", "csl-json" }.Select(style => $"/api/search/citations?q=title%3AGuevara&sort=date&style={style}")], links);
        Assert.Contains("Cite these 2 records", document.QuerySelector("p.export")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_record_page_has_the_Cite_dialog_with_every_style_and_the_downloads()
    {
        var id = Id("001");
        var document = await new HtmlParser().ParseDocumentAsync(await Archive.Client.GetStringAsync($"/documents/{id}"));
        var dialog = document.QuerySelector("dialog#cite")!;
        Assert.Equal(CitationStyle.All.Select(s => s.Name), dialog.QuerySelectorAll("section.style h3").Select(h => h.TextContent));
        Assert.StartsWith($"@misc{{dossier-{id},", dialog.QuerySelector("#cite-bibtex")!.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("TY  - MANSCPT", dialog.QuerySelector("#cite-ris")!.TextContent, StringComparison.Ordinal);
        // MLA sets the archive in italics.
        Assert.Equal("History and Public Policy Program Digital Archive", dialog.QuerySelector("#cite-mla i")!.TextContent);
        Assert.Equal(CitationStyle.All.Count, dialog.QuerySelectorAll("button[data-copy]").Length);

        var downloads = document.QuerySelectorAll(".citation .downloads a[download]").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal([$"/api/documents/{id}/citation?style=bibtex&download=true", $"/api/documents/{id}/citation?style=ris&download=true", $"/api/documents/{id}/citation?style=csl-json&download=true"], downloads);
        foreach (var href in downloads) Assert.Equal(HttpStatusCode.OK, (await Archive.Client.GetAsync(href)).StatusCode);

        var permalink = $"{Archive.Address.ToString().TrimEnd('/')}/documents/{id}";
        Assert.Equal(permalink, document.QuerySelector("#permalink")!.GetAttribute("value"));
        var mail = document.QuerySelector("a[href^='mailto:']")!.GetAttribute("href")!;
        Assert.Contains("subject=From%20the%20Journal%20of%20S.M.%20Kudryavtsev", mail, StringComparison.Ordinal);
        Assert.Contains(Uri.EscapeDataString(permalink), mail, StringComparison.Ordinal);
        Assert.Contains(permalink, document.QuerySelector(".print-only")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_page_tells_reference_managers_indexers_and_link_previews_what_it_is()
    {
        var id = Id("001");
        var permalink = $"{Archive.Address.ToString().TrimEnd('/')}/documents/{id}";
        var document = await new HtmlParser().ParseDocumentAsync(await Archive.Client.GetStringAsync($"/documents/{id}"));
        string[] Meta(string name) => [.. document.QuerySelectorAll($"meta[name='{name}'], meta[property='{name}']").Select(m => m.GetAttribute("content")!)];

        const string Title = "From the Journal of S.M. Kudryavtsev, 'Record of Conversation with Fidel Castro Ruz, Prime Minister of the Republic of Cuba, 16 March 1962'";
        Assert.Equal([Title], Meta("citation_title"));
        Assert.Equal(["1962/04/13"], Meta("citation_date"));
        Assert.Equal(["History and Public Policy Program Digital Archive"], Meta("citation_publisher"));
        Assert.Equal(["AVP RF"], Meta("citation_archive"));
        Assert.Equal(["AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202"], Meta("citation_archive_location"));
        Assert.Equal(["en", "ru"], Meta("citation_language"));
        Assert.Equal([permalink], Meta("citation_public_url"));
        Assert.Empty(Meta("citation_pdf_url")); // no file is attached to a captured page

        Assert.Equal("http://purl.org/dc/elements/1.1/", document.QuerySelector("link[rel='schema.DC']")!.GetAttribute("href"));
        Assert.Equal([Title], Meta("DC.title"));
        Assert.Equal(["Goldberg, Gary"], Meta("DC.contributor"));
        Assert.Equal(["1962-04-13"], Meta("DC.date"));
        Assert.Equal(["en", "ru"], Meta("DC.language"));
        Assert.Equal([permalink], Meta("DC.identifier"));

        Assert.Equal(permalink, document.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal(["article"], Meta("og:type"));
        Assert.Equal([Title], Meta("og:title"));
        Assert.Equal([permalink], Meta("og:url"));
        Assert.Equal(["summary"], Meta("twitter:card"));
        Assert.Single(Meta("twitter:description"));

        var jsonLd = JsonNode.Parse(document.QuerySelector("script[type='application/ld+json']")!.TextContent)!;
        Assert.Equal("https://schema.org", (string?)jsonLd["@context"]);
        Assert.Equal("ArchiveComponent", (string?)jsonLd["@type"]);
        Assert.Equal(Title, (string?)jsonLd["name"]);
        Assert.Equal("1962-04-13", (string?)jsonLd["dateCreated"]);
        Assert.Equal("""["en","ru"]""", jsonLd["inLanguage"]!.ToJsonString());
        Assert.Equal("ArchiveOrganization", (string?)jsonLd["holdingArchive"]!["@type"]);
        Assert.Equal("AVP RF", (string?)jsonLd["holdingArchive"]!["name"]);
        Assert.Equal("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", (string?)jsonLd["isPartOf"]!["name"]);
        Assert.Equal("Goldberg", (string?)jsonLd["translator"]![0]!["familyName"]);

        var coins = document.QuerySelector("span.Z3988")!.GetAttribute("title")!;
        var pairs = coins.Split('&').Select(p => p.Split('=', 2)).Select(p => (Key: p[0], Value: Uri.UnescapeDataString(p[1]))).ToList();
        Assert.Contains(("ctx_ver", "Z39.88-2004"), pairs);
        Assert.Contains(("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"), pairs);
        Assert.Contains(("rft.type", "manuscript"), pairs);
        Assert.Contains(("rft.title", Title), pairs);
        Assert.Contains(("rft.date", "1962-04-13"), pairs);
        Assert.Contains(("rft.contributor", "Goldberg, Gary"), pairs);
    }

    [Fact]
    public async Task The_permalink_is_the_number_and_a_title_slug_is_redirected_to_the_current_one()
    {
        var id = Id("004");
        var slug = RecordSlug.Of(PageCaptureParser.Parse(Corpus.ReadPage("004")).ToRecord().Title);
        Assert.StartsWith("from-the-journal-of-a-i-alekseyev-record-of-a-conversation", slug, StringComparison.Ordinal);
        using var client = Archive.NewClient();

        using var byNumber = await client.GetAsync($"/documents/{id}");
        Assert.Equal(HttpStatusCode.OK, byNumber.StatusCode);
        using var bySlug = await client.GetAsync($"/documents/{id}/{slug}");
        Assert.Equal(HttpStatusCode.OK, bySlug.StatusCode);
        var canonical = (await new HtmlParser().ParseDocumentAsync(await bySlug.Content.ReadAsStringAsync())).QuerySelector("link[rel=canonical]")!.GetAttribute("href");
        Assert.EndsWith($"/documents/{id}", canonical, StringComparison.Ordinal);

        using var old = await client.GetAsync($"/documents/{id}/an-old-title?transcript=en");
        Assert.Equal(HttpStatusCode.MovedPermanently, old.StatusCode);
        Assert.Equal($"/documents/{id}/{slug}?transcript=en", old.Headers.Location!.OriginalString);
        using var wrongNumber = await client.GetAsync($"/documents/987654/{slug}");
        Assert.Equal(HttpStatusCode.NotFound, wrongNumber.StatusCode);
    }

    /// <summary>
    /// Wikimedia's html-metadata, the scraper behind Citoid (Wikipedia's citation service), reads the served page over
    /// HTTP as it reads any scholarly page. Zotero's translation-server is neither on npm nor reachable here.
    /// </summary>
    [Fact]
    public async Task A_real_metadata_extractor_reads_the_record_from_its_page()
    {
        var id = Id("001");
        var found = JsonNode.Parse(await MetadataExtractor.ReadAsync(new Uri(Archive.Address, $"/documents/{id}")))!;
        var permalink = $"{Archive.Address.ToString().TrimEnd('/')}/documents/{id}";

        var highwire = found["highwirePress"]!;
        Assert.StartsWith("From the Journal of S.M. Kudryavtsev", (string?)highwire["title"], StringComparison.Ordinal);
        Assert.Equal("1962/04/13", (string?)highwire["date"]);
        Assert.Equal("History and Public Policy Program Digital Archive", (string?)highwire["publisher"]);
        Assert.Equal("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", (string?)highwire["archive_location"]);
        Assert.Equal("""["en","ru"]""", highwire["language"]!.ToJsonString());

        var dublinCore = found["dublinCore"]!;
        Assert.Equal("Goldberg, Gary", (string?)dublinCore["contributor"]);
        Assert.Equal("1962-04-13", (string?)dublinCore["date"]);

        var coins = found["coins"]![0]!;
        Assert.Equal("info:ofi/fmt:kev:mtx:dc", (string?)coins["rft_val_fmt"]);
        Assert.Equal("manuscript", (string?)coins["rft"]!["type"]);

        var jsonLd = found["jsonLd"]!;
        Assert.Equal("ArchiveComponent", (string?)jsonLd["@type"]);
        Assert.Equal("AVP RF", (string?)jsonLd["holdingArchive"]!["name"]);

        Assert.Equal("article", (string?)found["openGraph"]!["type"]);
        Assert.Equal(permalink, (string?)found["general"]!["canonical"]);
    }
}

/// <summary>Runs html-metadata with Node.js from tests/Dossier.Tests/MetadataExtractor, installing it there on first use.</summary>
internal static class MetadataExtractor
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    private static string Folder => RepositoryFiles.Path("tests", "Dossier.Tests", "MetadataExtractor");

    public static async Task<string> ReadAsync(Uri page)
    {
        var folder = Folder;
        await Installing.WaitAsync();
        try
        {
            if (!Directory.Exists(Path.Combine(folder, "node_modules", "html-metadata")))
            {
                var (installed, output) = await RunAsync("npm", folder, "ci", "--no-audit", "--no-fund");
                Assert.True(installed, "npm ci in " + folder + " failed (Node.js and npm are expected; .ci/run installs them):\n" + output);
            }
        }
        finally
        {
            Installing.Release();
        }
        var (ok, json) = await RunAsync("node", folder, "extract.mjs", page.ToString());
        Assert.True(ok, "html-metadata failed:\n" + json);
        return json;
    }

    private static async Task<(bool Ok, string Output)> RunAsync(string program, string folder, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (false, $"{program} could not be started ({e.Message}); Node.js and npm are expected (.ci/run installs them)");
        }
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
            await process.WaitForExitAsync(timeout.Token);
            return (process.ExitCode == 0, await output + await error);
        }
    }
}
