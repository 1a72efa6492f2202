using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Citations;

namespace Dossier.Features.Citations;

/// <summary>
/// What a record's page tells the programs that read it — reference managers (Zotero, Mendeley), scholarly indexers
/// (Google Scholar), search engines and link previews: Highwire Press <c>citation_*</c> tags, Dublin Core
/// <c>DC.*</c> tags, schema.org JSON-LD, a COinS span, Open Graph and Twitter card tags.
/// </summary>
public sealed class RecordMetadata
{
    /// <summary>(attribute, key, value): <c>&lt;meta name="citation_title" content="..."&gt;</c> or <c>property="og:title"</c>.</summary>
    public IReadOnlyList<(string Attribute, string Key, string Value)> Tags { get; }

    /// <summary>The JSON-LD object, serialized with &lt; and &gt; escaped so that it cannot end its script element.</summary>
    public string JsonLd { get; }

    /// <summary>The OpenURL ContextObject of the COinS span's title attribute.</summary>
    public string Coins { get; }

    // citation: the record's Chicago line, already made for the page; it describes a record without a summary.
    public RecordMetadata(CitedRecord cited, string citation, string siteName, string? pdfUrl = null)
    {
        Tags = [.. Highwire(cited, pdfUrl), .. DublinCoreTags(cited), .. Sharing(cited, citation, siteName)];
        JsonLd = SchemaOrg(cited).ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default });
        Coins = ContextObject(cited);
    }

    /// <summary>
    /// Highwire Press tags as Google Scholar's inclusion guidelines and Zotero's Embedded Metadata translator read
    /// them; the date in Highwire's slashed form, as precise as known. Highwire has no tag for translators: they
    /// reach reference managers through DC.contributor, the JSON-LD and the COinS. <c>citation_archive</c> and
    /// <c>citation_archive_location</c> follow CSL's names for the two parts an archival citation needs.
    /// </summary>
    private static IEnumerable<(string, string, string)> Highwire(CitedRecord cited, string? pdfUrl)
    {
        yield return ("name", "citation_title", cited.Title);
        if (cited.Date is { } date) yield return ("name", "citation_date", date.ToIso().Replace('-', '/'));
        yield return ("name", "citation_publisher", cited.Archive);
        yield return ("name", "citation_archive", cited.HoldingArchive ?? cited.Archive);
        if (cited.ArchiveLocation is { } location) yield return ("name", "citation_archive_location", location);
        foreach (var language in cited.Languages) yield return ("name", "citation_language", language);
        if (cited.Summary is { } summary) yield return ("name", "citation_abstract", summary);
        if (cited.Url is { } url) yield return ("name", "citation_public_url", url);
        if (pdfUrl is not null) yield return ("name", "citation_pdf_url", pdfUrl);
    }

    private static IEnumerable<(string, string, string)> DublinCoreTags(CitedRecord cited) =>
        DublinCore.Elements(cited).Select(e => ("name", "DC." + e.Element, e.Value));

    private static IEnumerable<(string, string, string)> Sharing(CitedRecord cited, string citation, string siteName)
    {
        var description = cited.Summary ?? citation;
        // "article", not "website": Zotero ranks og:type=website above Dublin Core's type and would save a web page.
        yield return ("property", "og:type", "article");
        yield return ("property", "og:title", cited.Title);
        yield return ("property", "og:description", description);
        if (cited.Url is { } url) yield return ("property", "og:url", url);
        yield return ("property", "og:site_name", siteName);
        if (cited.Languages.Count > 0) yield return ("property", "og:locale", cited.Languages[0].Replace('-', '_'));
        yield return ("name", "twitter:card", "summary");
        yield return ("name", "twitter:title", cited.Title);
        yield return ("name", "twitter:description", description);
    }

    /// <summary>
    /// schema.org's archival vocabulary: the record is an <c>ArchiveComponent</c> held by an
    /// <c>ArchiveOrganization</c> (<c>holdingArchive</c>), part of the file or fonds its archival reference names
    /// (<c>isPartOf</c>), published online by the digital archive (<c>publisher</c>).
    /// </summary>
    private static JsonObject SchemaOrg(CitedRecord cited)
    {
        var item = new JsonObject
        {
            ["@context"] = "https://schema.org",
            ["@type"] = "ArchiveComponent",
        };
        if (cited.Url is { } url)
        {
            item["@id"] = url;
            item["url"] = url;
        }
        item["name"] = cited.Title;
        if (cited.Summary is { } summary) item["description"] = summary;
        if (cited.Date is { } date) item["dateCreated"] = date.ToIso();
        if (cited.Languages.Count == 1) item["inLanguage"] = cited.Languages[0];
        else if (cited.Languages.Count > 1) item["inLanguage"] = new JsonArray([.. cited.Languages.Select(l => (JsonNode)l)]);
        if (cited.Genre is { } genre) item["genre"] = genre;
        if (cited.Translators.Count > 0) item["translator"] = new JsonArray([.. cited.Translators.Select(Agent)]);
        item["holdingArchive"] = new JsonObject { ["@type"] = "ArchiveOrganization", ["name"] = cited.HoldingArchive ?? cited.Archive };
        if (cited.ArchiveLocation is { } location) item["isPartOf"] = new JsonObject { ["@type"] = "ArchiveComponent", ["name"] = location };
        item["publisher"] = new JsonObject { ["@type"] = "Organization", ["name"] = cited.Archive };
        if (cited.Rights is { } rights) item["copyrightNotice"] = rights;
        return item;
    }

    private static JsonNode Agent(PersonName name)
    {
        if (name.Literal is { } literal) return new JsonObject { ["@type"] = "Organization", ["name"] = literal };
        var person = new JsonObject { ["@type"] = "Person", ["name"] = name.Natural() };
        if (name.Family is { } family) person["familyName"] = name.Particle is null ? family : name.Particle + " " + family;
        if (name.Given is { } given) person["givenName"] = given;
        return person;
    }

    /// <summary>
    /// COinS (an OpenURL 1.0 ContextObject in a span's title, Z39.88-2004) in the Dublin Core format, which Zotero
    /// writes for a manuscript: <c>rft.type=manuscript</c>, title, date, publisher, source, language, identifier,
    /// and the translators as contributors.
    /// </summary>
    private static string ContextObject(CitedRecord cited)
    {
        var pairs = new List<(string, string)>
        {
            ("ctx_ver", "Z39.88-2004"),
            ("rft_val_fmt", "info:ofi/fmt:kev:mtx:dc"),
            ("rfr_id", "info:sid/dossier"),
            ("rft.type", "manuscript"),
            ("rft.title", cited.Title),
        };
        if (cited.Date is { } date) pairs.Add(("rft.date", date.ToIso()));
        foreach (var translator in cited.Translators) pairs.Add(("rft.contributor", translator.Inverted()));
        pairs.Add(("rft.publisher", cited.Archive));
        if (cited.ArchiveLocation is { } location) pairs.Add(("rft.source", location));
        foreach (var language in cited.Languages) pairs.Add(("rft.language", language));
        if (cited.Url is { } url) pairs.Add(("rft.identifier", url));
        if (cited.Summary is { } summary) pairs.Add(("rft.description", summary));
        return string.Join('&', pairs.Select(p => p.Item1 + "=" + Uri.EscapeDataString(p.Item2)));
    }

    /// <summary>A <c>mailto:</c> link that shares the record: its title as the subject, the citation and the permalink as the message.</summary>
    public static string MailTo(CitedRecord cited, string citation) => string.Create(CultureInfo.InvariantCulture,
        $"mailto:?subject={Uri.EscapeDataString(cited.Title)}&body={Uri.EscapeDataString(citation + "\n\n" + cited.Url)}");
}
