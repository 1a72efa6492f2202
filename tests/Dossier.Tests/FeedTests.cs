using System.Net;
using System.Xml.Linq;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>Atom feeds, sitemaps and robots.txt through the real app; nothing unpublished in any of them.</summary>
public class FeedTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";

    private static async Task<ArchiveHost> ArchiveAsync(params string[] settings)
    {
        var archive = await ArchiveHost.StartAsync(settings);
        await archive.ImportAsync(Corpus.ArchivePages);
        var draft = Path.Combine(archive.DataDirectory, "draft.jsonl");
        await File.WriteAllTextAsync(draft, """{"title":"Quillwort draft about Guevara","transcripts":[{"language":"en","text":"Guevara, unpublished."}]}""" + "\n");
        await archive.ImportAsync(publish: false, draft);
        return archive;
    }

    [Fact]
    public async Task The_feed_lists_newly_published_records_newest_first_and_a_search_has_its_own()
    {
        await using var archive = await ArchiveAsync();
        using var response = await archive.Client.GetAsync("/feeds/records.atom");
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("Dossier: newly published records", feed.Element(Atom + "title")!.Value);
        Assert.Equal(new Uri(archive.Address, "/feeds/records.atom").ToString(), feed.Element(Atom + "id")!.Value);
        Assert.NotNull(feed.Element(Atom + "updated"));
        var entries = feed.Elements(Atom + "entry").ToList();
        Assert.Equal(5, entries.Count);
        // Atom 4.1.2: every entry has an id, a title, an updated date and an alternate link; the feed has an author.
        Assert.All(entries, e =>
        {
            Assert.StartsWith(archive.Address + "documents/", e.Element(Atom + "id")!.Value, StringComparison.Ordinal);
            Assert.NotEmpty(e.Element(Atom + "title")!.Value);
            Assert.NotNull(e.Element(Atom + "updated"));
            Assert.Equal("alternate", (string?)e.Element(Atom + "link")!.Attribute("rel"));
        });
        var published = entries.Select(e => DateTime.Parse(e.Element(Atom + "published")!.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(published.OrderByDescending(d => d), published);
        Assert.DoesNotContain("Quillwort", feed.ToString(), StringComparison.Ordinal);

        var search = XDocument.Parse(await archive.Client.GetStringAsync("/feeds/search.atom?q=Guevara")).Root!;
        Assert.Equal("Dossier: newly published records for “Guevara”", search.Element(Atom + "title")!.Value);
        var titles = search.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();
        Assert.NotEmpty(titles);
        Assert.DoesNotContain(titles, t => t.Contains("Quillwort", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, (await archive.Client.GetAsync("/feeds/search.atom?q=%22unclosed")).StatusCode);

        var page = await archive.Client.GetStringAsync("/search?q=Guevara");
        Assert.Contains("href=\"/feeds/search.atom?q=Guevara\"", page, StringComparison.Ordinal);
        Assert.Contains("href=\"/feeds/records.atom\"", await archive.Client.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_sitemap_lists_every_published_record_and_becomes_an_index_past_its_size()
    {
        await using (var archive = await ArchiveAsync())
        {
            var sitemap = XDocument.Parse(await archive.Client.GetStringAsync("/sitemap.xml")).Root!;
            Assert.Equal(Sitemap + "urlset", sitemap.Name);
            var locations = sitemap.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
            Assert.Equal(6, locations.Count); // the home page and the five published records, not the draft
            Assert.Equal(archive.Address.ToString(), locations[0]);
        }

        // Three addresses to a file (the protocol allows 50,000): six addresses make an index of two sitemaps.
        await using var small = await ArchiveAsync("--Dossier:Sitemap:UrlsPerFile=3");
        var index = XDocument.Parse(await small.Client.GetStringAsync("/sitemap.xml")).Root!;
        Assert.Equal(Sitemap + "sitemapindex", index.Name);
        var files = index.Elements(Sitemap + "sitemap").Select(s => s.Element(Sitemap + "loc")!.Value).ToList();
        Assert.Equal([new Uri(small.Address, "/sitemaps/1.xml").ToString(), new Uri(small.Address, "/sitemaps/2.xml").ToString()], files);
        var all = new List<string>();
        foreach (var file in files)
        {
            var urlset = XDocument.Parse(await small.Client.GetStringAsync(file)).Root!;
            var urls = urlset.Elements(Sitemap + "url").Select(u => u.Element(Sitemap + "loc")!.Value).ToList();
            Assert.True(urls.Count <= 3);
            all.AddRange(urls);
        }
        Assert.Equal(6, all.Distinct().Count());
        Assert.Equal(HttpStatusCode.NotFound, (await small.Client.GetAsync("/sitemaps/3.xml")).StatusCode);

        var robots = await small.Client.GetStringAsync("/robots.txt");
        Assert.Contains($"Sitemap: {small.Address.ToString().TrimEnd('/')}/sitemap.xml", robots, StringComparison.Ordinal);
        Assert.Contains("Disallow: /editor", robots, StringComparison.Ordinal);
    }
}
