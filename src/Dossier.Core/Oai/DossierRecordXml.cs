using System.Xml;
using System.Xml.Linq;
using Dossier.Records;

namespace Dossier.Oai;

/// <summary>
/// Dossier's own record format for OAI-PMH (<c>metadataPrefix=dossier</c>): every field of a record, so that one
/// Dossier can harvest another without loss. The schema is <c>dossier-record.xsd</c>, served at
/// <c>/oai/dossier-record.xsd</c>.
/// </summary>
public static class DossierRecordXml
{
    public const string Prefix = "dossier";
    public const string Namespace = "urn:dossier:record:1";
    public const string SchemaFile = "dossier-record.xsd";

    private static readonly XNamespace D = Namespace;

    /// <summary>The schema's text, embedded in the assembly.</summary>
    public static string Schema()
    {
        using var stream = typeof(DossierRecordXml).Assembly.GetManifestResourceStream("Dossier.Oai." + SchemaFile)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    public static void Write(XmlWriter writer, RecordDocument record)
    {
        writer.WriteStartElement("record", Namespace);
        if (record.Id is { } id) writer.WriteAttributeString("id", id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Element(writer, "recordId", record.RecordId);
        Element(writer, "title", record.Title ?? "");
        Element(writer, "date", record.Date);
        Element(writer, "summary", record.Summary);
        Element(writer, "type", record.Type);
        Element(writer, "classification", record.Classification);
        foreach (var language in record.Languages) Element(writer, "language", language);
        if (record.Source is { } source && (source.Text ?? source.Archive ?? source.Fond ?? source.Opis ?? source.Papka ?? source.Delo ?? source.Pages ?? source.Reel ?? source.Box ?? source.Item) is not null)
        {
            writer.WriteStartElement("source", Namespace);
            Attribute(writer, "archive", source.Archive);
            Attribute(writer, "fond", source.Fond);
            Attribute(writer, "opis", source.Opis);
            Attribute(writer, "papka", source.Papka);
            Attribute(writer, "delo", source.Delo);
            Attribute(writer, "pages", source.Pages);
            Attribute(writer, "reel", source.Reel);
            Attribute(writer, "box", source.Box);
            Attribute(writer, "item", source.Item);
            if (source.Text is not null) writer.WriteString(XmlText.Clean(source.Text));
            writer.WriteEndElement();
        }
        foreach (var name in record.Creators ?? []) Element(writer, "creator", name);
        foreach (var name in record.Recipients ?? []) Element(writer, "recipient", name);
        Element(writer, "place", record.Place);
        foreach (var subject in record.Subjects ?? []) Element(writer, "subject", subject);
        Element(writer, "provenance", record.Provenance);
        foreach (var name in record.ObtainedBy) Element(writer, "obtainedBy", name);
        foreach (var name in record.Translators) Element(writer, "translator", name);
        foreach (var name in record.Donors) Element(writer, "donor", name);
        Element(writer, "rights", record.Rights);
        Element(writer, "uploadedDate", record.UploadedDate);
        Element(writer, "repository", record.Repository);
        Element(writer, "notes", record.Notes);
        Element(writer, "url", record.Url);
        foreach (var transcript in record.Transcripts)
        {
            writer.WriteStartElement("transcript", Namespace);
            writer.WriteAttributeString("language", transcript.Language);
            writer.WriteString(XmlText.Clean(transcript.Text));
            writer.WriteEndElement();
        }
        writer.WriteEndElement();
    }

    /// <summary>Reads a record written in this format (a harvested one) back into the JSON shape imports take.</summary>
    public static RecordDocument Read(XElement record)
    {
        string? One(string name) => record.Element(D + name)?.Value is { Length: > 0 } value ? value : null;
        string[] All(string name) => [.. record.Elements(D + name).Select(e => e.Value).Where(v => v.Length > 0)];
        var source = record.Element(D + "source");
        string? Attr(string name) => source?.Attribute(name)?.Value is { Length: > 0 } value ? value : null;
        return new RecordDocument
        {
            RecordId = One("recordId"),
            Title = One("title"),
            Date = One("date"),
            Summary = One("summary"),
            Type = One("type"),
            Classification = One("classification"),
            Languages = All("language"),
            Source = source is null ? null : new SourceDocument
            {
                Text = source.Value.Length > 0 ? source.Value : null,
                Archive = Attr("archive"),
                Fond = Attr("fond"),
                Opis = Attr("opis"),
                Papka = Attr("papka"),
                Delo = Attr("delo"),
                Pages = Attr("pages"),
                Reel = Attr("reel"),
                Box = Attr("box"),
                Item = Attr("item"),
            },
            Creators = All("creator") is { Length: > 0 } creators ? creators : null,
            Recipients = All("recipient") is { Length: > 0 } recipients ? recipients : null,
            Place = One("place"),
            Subjects = All("subject") is { Length: > 0 } subjects ? subjects : null,
            Notes = One("notes"),
            Provenance = One("provenance"),
            ObtainedBy = All("obtainedBy"),
            Translators = All("translator"),
            Donors = All("donor"),
            Rights = One("rights"),
            UploadedDate = One("uploadedDate"),
            Repository = One("repository"),
            Url = One("url"),
            Transcripts = [.. record.Elements(D + "transcript").Select(t => new TranscriptDocument(t.Attribute("language")?.Value ?? "", t.Value))],
        };
    }

    private static void Element(XmlWriter writer, string name, string? value)
    {
        if (string.IsNullOrEmpty(value)) return;
        writer.WriteElementString(name, Namespace, XmlText.Clean(value));
    }

    private static void Attribute(XmlWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value)) writer.WriteAttributeString(name, XmlText.Clean(value));
    }
}
