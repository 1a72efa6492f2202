using System.Globalization;
using System.Text;
using System.Xml;
using Dossier.Citations;
using Dossier.Data;
using Dossier.Features.Archive;
using Dossier.Features.Collections;
using Dossier.Features.Documents;
using Dossier.Features.Search;
using Dossier.Records;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Feeds;

/// <summary>
/// What tells the world what is new and where everything is: Atom feeds of newly published records (all, or a
/// search's), <c>sitemap.xml</c> (an index of sitemaps past <see cref="UrlsPerSitemap"/> addresses, as the sitemaps
/// protocol allows 50,000 in one file) and <c>robots.txt</c> pointing to it. Only published records appear.
/// </summary>
public static class Feeds
{
    public const string AtomNamespace = "http://www.w3.org/2005/Atom";
    public const string SitemapNamespace = "http://www.sitemaps.org/schemas/sitemap/0.9";
    public const int EntriesPerFeed = 50;

    /// <summary>The sitemaps protocol's limit; <c>Dossier:Sitemap:UrlsPerFile</c> may lower it.</summary>
    public const int UrlsPerSitemap = 50_000;

    public static IEndpointRouteBuilder MapFeeds(this IEndpointRouteBuilder app, IConfiguration configuration)
    {
        var perFile = Math.Clamp(configuration.GetValue("Dossier:Sitemap:UrlsPerFile", UrlsPerSitemap), 1, UrlsPerSitemap);
        app.MapGet("/feeds/records.atom", RecordsFeedAsync);
        app.MapGet("/feeds/search.atom", SearchFeedAsync).RequireRateLimiting(RateLimits.Search);
        app.MapGet("/feeds/collections/{slug}.atom", CollectionFeedAsync);
        app.MapGet("/feeds/saved/{key}.atom", SavedSearchFeedAsync).RequireRateLimiting(RateLimits.Search);
        app.MapGet("/sitemap.xml", (HttpContext http, DossierDb db, CancellationToken ct) => SitemapAsync(http, db, perFile, null, ct));
        app.MapGet("/sitemaps/{number:int}.xml", (int number, HttpContext http, DossierDb db, CancellationToken ct) => SitemapAsync(http, db, perFile, number, ct));
        app.MapGet("/robots.txt", (HttpContext http) => TypedResults.Text(
            "User-agent: *\nAllow: /\n" +
            // The staff's pages, the API (for programs, with its own documentation) and search results (endless
            // combinations of the same records) are not for crawlers; every record is in the sitemap.
            "Disallow: /editor\nDisallow: /admin\nDisallow: /account\nDisallow: /api/\nDisallow: /search\n" +
            $"Sitemap: {DocumentsApi.SiteUrl(http.Request)}/sitemap.xml\n", "text/plain; charset=utf-8", Encoding.UTF8));
        return app;
    }

    // Whoever asks, signed in or not: feeds and sitemaps are public documents.
    private static IQueryable<ArchivalRecord> Published(DossierDb db) =>
        db.Records.AsNoTracking().Where(r => r.Status == PublicationStatus.Published && r.DeletedAt == null && r.PublishedAt != null);


    public static async Task<IResult> RecordsFeedAsync(HttpContext http, DossierDb db, ArchiveOptions archive, CancellationToken cancellationToken)
    {
        var records = await Published(db)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Take(EntriesPerFeed).ToListAsync(cancellationToken);
        return Atom(http.Request, archive, records, $"{archive.Name}: newly published records", "/feeds/records.atom", "/search?sort=-date");
    }

    /// <summary>The newest published records of a public collection, newest publications first.</summary>
    public static async Task<IResult> CollectionFeedAsync(string slug, HttpContext http, DossierDb db, ArchiveOptions archive, CancellationToken cancellationToken)
    {
        if (await PublicCollections.FindAsync(db, slug, cancellationToken) is not { } collection)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Collection not found", detail: $"The archive has no public collection '{slug}'.");
        var records = await PublicCollections.Records(db, collection.Id).Where(r => r.PublishedAt != null)
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Take(EntriesPerFeed).ToListAsync(cancellationToken);
        return Atom(http.Request, archive, records, $"{archive.Name}: {XmlText.Clean(collection.Title)}", $"/feeds/collections/{slug}.atom", $"/collections/{slug}");
    }

    /// <summary>The newest published records a search finds: a researcher follows a question in a feed reader.</summary>
    public static async Task<IResult> SearchFeedAsync(HttpContext http, DossierDb db, RecordIndex index, ArchiveOptions archive, CancellationToken cancellationToken)
    {
        var request = SearchRequest.ReadForAllHits(http.Request.Query);
        if (request.Errors.Count > 0) return TypedResults.ValidationProblem(request.Errors);
        List<ArchivalRecord> records;
        try
        {
            records = await NewestMatchingAsync(db, index, request, cancellationToken);
        }
        catch (SearchQueryException e)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["q"] = [e.Message] });
        }
        var query = http.Request.QueryString.Value ?? "";
        var what = request.Query is { } q ? $"“{XmlText.Clean(q)}”" : "a search";
        return Atom(http.Request, archive, records, $"{archive.Name}: newly published records for {what}", "/feeds/search.atom" + query, "/search" + query);
    }

    /// <summary>
    /// A researcher's saved search as a private feed: the address's secret names it, and the feed is the public search's
    /// (published records only). A removed search's address answers 404.
    /// </summary>
    public static async Task<IResult> SavedSearchFeedAsync(string key, HttpContext http, DossierDb db, RecordIndex index, ArchiveOptions archive, CancellationToken cancellationToken)
    {
        var saved = await db.SavedSearches.AsNoTracking().FirstOrDefaultAsync(s => s.FeedKey == key, cancellationToken);
        if (saved is null) return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Feed not found", detail: "No saved search has this feed address; it may have been removed.");
        var request = SearchRequest.ReadSaved(saved.Query);
        List<ArchivalRecord> records;
        try
        {
            records = request.Errors.Count > 0 ? [] : await NewestMatchingAsync(db, index, request, cancellationToken);
        }
        catch (SearchQueryException)
        {
            records = [];
        }
        // Not for crawlers or caches shared between people: the address is the researcher's own.
        http.Response.Headers.CacheControl = "private, max-age=300";
        http.Response.Headers["X-Robots-Tag"] = "noindex";
        return Atom(http.Request, archive, records, $"{archive.Name}: {XmlText.Clean(saved.Name)}", $"/feeds/saved/{key}.atom", "/search" + saved.Query);
    }

    /// <summary>The search's records, newest publications first, as many as a feed holds.</summary>
    public static async Task<List<ArchivalRecord>> NewestMatchingAsync(DossierDb db, RecordIndex index, SearchRequest request, CancellationToken cancellationToken)
    {
        var newest = await NewestMatchingIdsAsync(db, index, request, null, EntriesPerFeed, cancellationToken);
        return await Published(db).Where(r => newest.Contains(r.Id))
            .OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).ToListAsync(cancellationToken);
    }

    /// <summary>
    /// The numbers of the published records a search finds, newest publications first, published after
    /// <paramref name="since"/> when given, at most <paramref name="limit"/>: publications are read in order (the
    /// newest first) until enough match, so a count of what is new reads only what was published since.
    /// </summary>
    public static async Task<List<int>> NewestMatchingIdsAsync(DossierDb db, RecordIndex index, SearchRequest request, DateTime? since, int limit, CancellationToken cancellationToken)
    {
        var matching = index.MatchingIds(await PublicCollections.OnlyPublicAsync(db, request.Options, cancellationToken)).ToHashSet();
        var newest = new List<int>();
        if (matching.Count == 0) return newest;
        var published = Published(db);
        if (since is { } after) published = published.Where(r => r.PublishedAt > after);
        await foreach (var id in published.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.Id).Select(r => r.Id)
                           .AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!matching.Contains(id)) continue;
            newest.Add(id);
            if (newest.Count == limit || newest.Count == matching.Count) break;
        }
        return newest;
    }

    private static IResult Atom(HttpRequest request, ArchiveOptions archive, List<ArchivalRecord> records, string title, string self, string alternate)
    {
        var site = DocumentsApi.SiteUrl(request);
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", AtomNamespace);
            xml.WriteElementString("title", AtomNamespace, title);
            xml.WriteElementString("id", AtomNamespace, site + self);
            xml.WriteElementString("updated", AtomNamespace, Stamp(records.Count == 0 ? DateTime.UnixEpoch : records.Max(r => r.UpdatedAt)));
            Link(xml, "self", "application/atom+xml", site + self);
            Link(xml, "alternate", "text/html", site + alternate);
            xml.WriteStartElement("author", AtomNamespace);
            xml.WriteElementString("name", AtomNamespace, archive.Name);
            xml.WriteEndElement();
            foreach (var record in records)
            {
                var url = DocumentsApi.RecordUrl(request, record.Id);
                xml.WriteStartElement("entry", AtomNamespace);
                xml.WriteElementString("title", AtomNamespace, XmlText.Clean(record.Title));
                xml.WriteElementString("id", AtomNamespace, url);
                Link(xml, "alternate", "text/html", url);
                xml.WriteElementString("published", AtomNamespace, Stamp(record.PublishedAt!.Value));
                xml.WriteElementString("updated", AtomNamespace, Stamp(record.UpdatedAt));
                foreach (var creator in record.Creators)
                {
                    xml.WriteStartElement("author", AtomNamespace);
                    xml.WriteElementString("name", AtomNamespace, XmlText.Clean(creator));
                    xml.WriteEndElement();
                }
                if (record.Type is { } type)
                {
                    xml.WriteStartElement("category", AtomNamespace);
                    xml.WriteAttributeString("term", XmlText.Clean(type));
                    xml.WriteEndElement();
                }
                xml.WriteElementString("summary", AtomNamespace, XmlText.Clean(record.Summary ?? ChicagoCitation.Format(record, archive.Name)));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        return TypedResults.Bytes(buffer.ToArray(), "application/atom+xml; charset=utf-8");
    }

    /// <summary>The sitemap: the home page and every published record's permalink, or an index of numbered sitemaps when there are more than fit one.</summary>
    private static async Task<IResult> SitemapAsync(HttpContext http, DossierDb db, int perFile, int? number, CancellationToken cancellationToken)
    {
        var site = DocumentsApi.SiteUrl(http.Request);
        var published = Published(db).OrderBy(r => r.Id);
        var count = await published.CountAsync(cancellationToken);
        var files = Math.Max(1, (count + 1 + perFile - 1) / perFile); // the home page is an address too
        var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            if (number is null && files > 1)
            {
                xml.WriteStartElement("sitemapindex", SitemapNamespace);
                for (var i = 1; i <= files; i++)
                {
                    xml.WriteStartElement("sitemap", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, $"{site}/sitemaps/{i.ToString(CultureInfo.InvariantCulture)}.xml");
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
            else
            {
                var file = number ?? 1;
                if (file < 1 || file > files) return TypedResults.NotFound();
                // The home page is the first address of the first file; records fill the rest in order of their numbers.
                var skip = file == 1 ? 0 : (file - 1) * perFile - 1;
                var take = file == 1 ? perFile - 1 : perFile;
                var page = await published.Skip(skip).Take(take).Select(r => new { r.Id, r.UpdatedAt }).ToListAsync(cancellationToken);
                xml.WriteStartElement("urlset", SitemapNamespace);
                if (file == 1)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, site + "/");
                    xml.WriteEndElement();
                }
                foreach (var record in page)
                {
                    xml.WriteStartElement("url", SitemapNamespace);
                    xml.WriteElementString("loc", SitemapNamespace, DocumentsApi.RecordUrl(http.Request, record.Id));
                    xml.WriteElementString("lastmod", SitemapNamespace, record.UpdatedAt.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                    xml.WriteEndElement();
                }
                xml.WriteEndElement();
            }
        }
        return TypedResults.Bytes(buffer.ToArray(), "application/xml; charset=utf-8");
    }

    private static void Link(XmlWriter xml, string rel, string type, string href)
    {
        xml.WriteStartElement("link", AtomNamespace);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Stamp(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
