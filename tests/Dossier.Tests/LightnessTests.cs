using System.Net;
using AngleSharp.Html.Parser;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>
/// Fast and light: a record's page, complete from the server, costs under 100 KB on the wire with its stylesheet and
/// script (its scans aside), compressed; the assets are fingerprinted and cached for a year; nothing is asked of
/// another site.
/// </summary>
public class LightnessTests
{
    [Fact]
    public async Task A_record_page_with_its_assets_is_under_100_KB_compressed_cached_and_asks_nothing_of_other_sites()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        using var client = new HttpClient(new HttpClientHandler { AutomaticDecompression = DecompressionMethods.None }) { BaseAddress = archive.Address };
        foreach (var (prefix, id) in await archive.IdsOfCapturesAsync())
        {
            var sent = 0L;
            var html = await FetchAsync(client, $"/documents/{id}", add: n => sent += n);
            var page = await new HtmlParser().ParseDocumentAsync(html.Text);
            foreach (var asset in page.QuerySelectorAll("link[rel=stylesheet][href], script[src]").Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!))
            {
                Assert.Matches(@"^/assets/[a-z]+\.[0-9a-f]{12}\.(css|js)$", asset);
                var fetched = await FetchAsync(client, asset, add: n => sent += n);
                Assert.Equal("public, max-age=31536000, immutable", fetched.CacheControl);
            }
            Assert.True(sent < 100 * 1024, $"record {prefix}: {sent:N0} bytes on the wire");
            // Everything the page asks for is the archive's own (the CSP says so too); links out are only links.
            // (What a browser fetches: sources, stylesheets, icons, preloads; schema links of the metadata are names.)
            var fetchedByBrowser = page.QuerySelectorAll("[src], link[rel~=stylesheet], link[rel~=icon], link[rel~=preload], link[rel~=prefetch], link[rel~=modulepreload], link[rel~=manifest]");
            Assert.NotEmpty(fetchedByBrowser);
            Assert.DoesNotContain(fetchedByBrowser, e => (e.GetAttribute("src") ?? e.GetAttribute("href"))!.Contains("//", StringComparison.Ordinal));
            Assert.Contains("default-src 'self'", html.Policy, StringComparison.Ordinal);
        }
    }

    private static async Task<(string Text, string? CacheControl, string Policy)> FetchAsync(HttpClient client, string path, Action<long> add)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptEncoding.ParseAdd("br, gzip");
        using var response = await client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        var bytes = await response.Content.ReadAsByteArrayAsync();
        add(bytes.Length);
        Assert.Contains(response.Content.Headers.ContentEncoding, e => e is "br" or "gzip");
        using var decoded = new System.IO.Compression.BrotliStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress);
        var text = response.Content.Headers.ContentEncoding.Contains("br")
            ? await new StreamReader(decoded).ReadToEndAsync()
            : await new StreamReader(new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress)).ReadToEndAsync();
        return (text, response.Headers.CacheControl?.ToString(), string.Join(' ', response.Headers.TryGetValues("Content-Security-Policy", out var csp) ? csp : []));
    }
}
