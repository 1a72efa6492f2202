using System.Text;
using System.Xml;

namespace Dossier.Citations;

/// <summary>
/// A record in simple Dublin Core, as the <c>oai_dc:dc</c> element that OAI-PMH harvesters read
/// (http://www.openarchives.org/OAI/2.0/oai_dc/): the archive publishes the record (publisher), translators are
/// contributors, the archival location is the source, the kind of document and the DCMI type "Text" are types,
/// the permalink is the identifier.
/// </summary>
public static class DublinCore
{
    public const string ContentType = "application/xml";
    public const string OaiDcNamespace = "http://www.openarchives.org/OAI/2.0/oai_dc/";
    public const string ElementsNamespace = "http://purl.org/dc/elements/1.1/";

    /// <summary>The element's (name, value) pairs in the order they are written; the same as the page's <c>DC.*</c> meta tags.</summary>
    public static IEnumerable<(string Element, string Value)> Elements(CitedRecord cited)
    {
        yield return ("title", cited.Title);
        foreach (var creator in cited.Creators) yield return ("creator", creator.Inverted());
        foreach (var subject in cited.Subjects) yield return ("subject", subject);
        foreach (var translator in cited.Translators) yield return ("contributor", translator.Inverted());
        if (cited.Summary is { } summary) yield return ("description", summary);
        if (cited.Date is { } date) yield return ("date", date.ToIso());
        yield return ("type", "Text");
        if (cited.Genre is { } genre) yield return ("type", genre);
        foreach (var language in cited.Languages) yield return ("language", language);
        yield return ("publisher", cited.Archive);
        if (cited.ArchiveLocation is { } location) yield return ("source", location);
        if (cited.Url is { } url) yield return ("identifier", url);
        if (cited.Rights is { } rights) yield return ("rights", rights);
    }

    public static void WriteElement(XmlWriter writer, CitedRecord cited) => Write(writer, Elements(cited));

    /// <summary>An <c>oai_dc:dc</c> element holding a description alone: how OAI-PMH describes a set.</summary>
    public static void WriteDescription(XmlWriter writer, string description) => Write(writer, [("description", description)]);

    private static void Write(XmlWriter writer, IEnumerable<(string Element, string Value)> elements)
    {
        writer.WriteStartElement("oai_dc", "dc", OaiDcNamespace);
        writer.WriteAttributeString("xmlns", "dc", null, ElementsNamespace);
        writer.WriteAttributeString("xmlns", "xsi", null, "http://www.w3.org/2001/XMLSchema-instance");
        writer.WriteAttributeString("xsi", "schemaLocation", "http://www.w3.org/2001/XMLSchema-instance",
            OaiDcNamespace + " http://www.openarchives.org/OAI/2.0/oai_dc.xsd");
        foreach (var (element, value) in elements) writer.WriteElementString("dc", element, ElementsNamespace, XmlText.Clean(value));
        writer.WriteEndElement();
    }

    /// <summary>One record as a standalone XML document.</summary>
    public static string Write(CitedRecord cited)
    {
        var text = new StringBuilder();
        using (var writer = XmlWriter.Create(text, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            WriteElement(writer, cited);
        }
        // A StringBuilder declares utf-16; the bytes are sent as UTF-8.
        return text.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal) + "\n";
    }
}
