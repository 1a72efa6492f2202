using System.Net;
using System.Text.RegularExpressions;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>The reading room's pages, served complete by the server.</summary>
public partial class PageTests
{
    [Fact]
    public async Task An_empty_archive_greets_the_visitor_with_how_to_import()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var html = await archive.Client.GetStringAsync("/");
        Assert.Contains("holds no records yet", html);
        Assert.Contains("dotnet run --project src/Dossier -- import PATH...", html);
    }

    [Fact]
    public async Task The_home_page_shows_the_archives_size_and_latest_records()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        var html = await archive.Client.GetStringAsync("/");
        Assert.Matches("The archive holds 5 records, [0-9]+ transcripts in [0-9]+ languages.", html);
        Assert.Equal(5, DocumentLinks().Count(html));
    }

    [Fact]
    public async Task A_record_page_shows_the_record_as_an_archive_does()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        var id = await archive.FindAsync("Kudryavtsev");
        var html = await archive.Client.GetStringAsync($"/documents/{id}");

        Assert.Contains("April 13, 1962", html);
        Assert.Contains("<h1 lang=\"en\">From the Journal of S.M. Kudryavtsev, &#x27;Record of Conversation", html);
        Assert.Contains("This document was made possible with support from Blavatnik Family Foundation.", html);
        Assert.Contains("id=\"citation-chicago\" lang=\"en\">&quot;From the Journal of S.M. Kudryavtsev", html);
        Assert.Contains($"value=\"{archive.Address}documents/{id}\"", html);
        Assert.Contains("<dt>Source</dt>", html);
        Assert.Contains("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", html);
        Assert.Contains("<dd>English, Russian</dd>", html);
        Assert.Contains("<dt>Original Classification</dt>", html);
        // The translation is shown, the original is one link away, and both side by side.
        Assert.Contains("<section class=\"transcript\" lang=\"en\"", html);
        Assert.DoesNotContain("<section class=\"transcript\" lang=\"ru\"", html);
        Assert.Contains("href=\"?transcript=ru#transcripts\"", html);
        Assert.Contains("<p>I met with Fidel Castro at my apartment.</p>", html);

        var russian = await archive.Client.GetStringAsync($"/documents/{id}?transcript=ru");
        Assert.Contains("<section class=\"transcript\" lang=\"ru\"", russian);
        Assert.Contains("<p class=\"marking\">Исх. № 130</p>", russian);

        var parallel = await archive.Client.GetStringAsync($"/documents/{id}?view=parallel");
        Assert.Contains("lang=\"en\"", parallel);
        Assert.Contains("lang=\"ru\"", parallel);
    }

    [Fact]
    public async Task A_record_opened_from_a_hit_marks_the_searched_words_in_any_script()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        var id = await archive.FindAsync("Kudryavtsev");

        var results = await archive.Client.GetStringAsync("/search?q=Guantanamo");
        Assert.Contains($"href=\"/documents/{id}?q=Guantanamo\"", results);

        var russian = await archive.Client.GetStringAsync($"/documents/{id}?transcript=ru&q=Guantanamo");
        Assert.Contains("<mark>Гуантанамо</mark>", russian);
        Assert.Contains("href=\"?transcript=en&amp;q=Guantanamo#transcripts\"", russian);

        var plain = await archive.Client.GetStringAsync($"/documents/{id}?transcript=ru");
        Assert.DoesNotContain("<mark>", plain);
        var broken = await archive.Client.GetStringAsync($"/documents/{id}?q=%22unclosed");
        Assert.DoesNotContain("<mark>", broken);
    }

    [Fact]
    public async Task Imported_text_is_never_rendered_as_html()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var file = Path.Combine(TempDirectory.Create("xss"), "x.jsonl");
        await File.WriteAllTextAsync(file,
            """{"title":"<script>alert('title')</script> Memo","summary":"<img src=x onerror=alert(1)>","transcripts":[{"language":"en","text":"<b>bold</b> claim about Castro"}]}""");
        await archive.ImportAsync(file);
        var id = await archive.FindAsync("Memo");

        var page = await archive.Client.GetStringAsync($"/documents/{id}?q=bold");
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.DoesNotContain("<b>bold</b>", page);
        Assert.Contains("&lt;b&gt;<mark>bold</mark>&lt;/b&gt;", page);

        var results = await archive.Client.GetStringAsync("/search?q=Castro");
        Assert.DoesNotContain("<b>bold</b>", results);
        Assert.Contains("&lt;b&gt;bold&lt;/b&gt; claim about <mark>Castro</mark>", results);
    }

    [Fact]
    public async Task The_search_page_ranks_marks_and_pages()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);

        var html = await archive.Client.GetStringAsync("/search?q=Guantanamo+OR+Гуантанамо");
        Assert.Contains("1 record", html);
        Assert.Contains("<mark>Гуантанамо</mark>", html);

        var all = await archive.Client.GetStringAsync("/search?size=2");
        Assert.Contains("5 records, newest first · page 1 of 3", all);
        Assert.Contains("href=\"/search?page=2&amp;size=2\" rel=\"next\"", all);
    }

    [Fact]
    public async Task A_search_that_cannot_be_read_says_why_with_a_400()
    {
        await using var archive = await ArchiveHost.StartAsync();
        using var response = await archive.Client.GetAsync("/search?q=%22unclosed");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("The search could not be run", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_unknown_record_page_is_a_404_page()
    {
        await using var archive = await ArchiveHost.StartAsync();
        using var response = await archive.Client.GetAsync("/documents/424242");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("text/html", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Assets_have_fingerprinted_names_and_long_lived_caching()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var html = await archive.Client.GetStringAsync("/");
        var css = AssetLink().Match(html).Groups[1].Value;
        Assert.Matches(@"^/assets/site\.[0-9a-f]{12}\.css$", css);
        using var response = await archive.Client.GetAsync(css);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("public, max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
        using var stale = await archive.Client.GetAsync("/assets/site.000000000000.css");
        Assert.Equal(HttpStatusCode.NotFound, stale.StatusCode);
    }

    [GeneratedRegex("<h3 lang=\"en\"><a href=\"/documents/\\d+\">")]
    private static partial Regex DocumentLinks();

    [GeneratedRegex("<link rel=\"stylesheet\" href=\"([^\"]+)\"")]
    private static partial Regex AssetLink();
}
