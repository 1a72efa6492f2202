using System.Xml;
using Dossier.Records;

namespace Dossier.Export;

/// <summary>
/// Records as one TEI document, a <c>div[@type='document']</c> each, in the markup Dossier's TEI import reads: the
/// title in <c>head</c> with sender and recipient as <c>persName</c> typed from and to (in a note of its own, so the
/// title stays the title), the source as a source note, the dateline with place and date, the transcripts'
/// paragraphs (a transcript in another language than the first in a <c>div</c> of its language), and the notes as
/// footnotes.
/// </summary>
internal static class TeiExport
{
    private const string Tei = "http://www.tei-c.org/ns/1.0";

    public static void Begin(XmlWriter xml, string archiveName)
    {
        xml.WriteStartElement("TEI", Tei);
        xml.WriteAttributeString("xml", "id", null, "dossier-export");
        xml.WriteStartElement("teiHeader", Tei);
        xml.WriteStartElement("fileDesc", Tei);
        xml.WriteStartElement("titleStmt", Tei);
        xml.WriteStartElement("title", Tei);
        xml.WriteAttributeString("type", "complete");
        xml.WriteString(XmlText.Clean(archiveName));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("publicationStmt", Tei);
        xml.WriteElementString("p", Tei, XmlText.Clean("Exported from " + archiveName + "."));
        xml.WriteEndElement();
        xml.WriteStartElement("sourceDesc", Tei);
        xml.WriteElementString("p", Tei, XmlText.Clean("Records of " + archiveName + ", described and transcribed by its archivists."));
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteStartElement("text", Tei);
        xml.WriteStartElement("body", Tei);
    }

    public static void Write(XmlWriter xml, ArchivalRecord record)
    {
        xml.WriteStartElement("div", Tei);
        xml.WriteAttributeString("type", "document");
        xml.WriteAttributeString("xml", "id", null, "r" + record.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (record.Source.Text is { } source)
        {
            xml.WriteStartElement("note", Tei);
            xml.WriteAttributeString("type", "source");
            xml.WriteString(XmlText.Clean(source));
            xml.WriteEndElement();
        }
        xml.WriteStartElement("head", Tei);
        xml.WriteString(XmlText.Clean(record.Title));
        if (record.Creators.Count + record.Recipients.Count > 0)
        {
            xml.WriteStartElement("note", Tei);
            xml.WriteAttributeString("type", "correspondents");
            foreach (var (type, names) in new[] { ("from", record.Creators), ("to", record.Recipients) })
                foreach (var name in names)
                {
                    xml.WriteStartElement("persName", Tei);
                    xml.WriteAttributeString("type", type);
                    xml.WriteString(XmlText.Clean(name));
                    xml.WriteEndElement();
                }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
        if (record.Date is not null || record.Place is not null)
        {
            xml.WriteStartElement("dateline", Tei);
            if (record.Place is { } place) xml.WriteElementString("placeName", Tei, XmlText.Clean(place));
            if (record.Place is not null && record.Date is not null) xml.WriteString(", ");
            if (record.Date is { } date && PartialDate.TryParseIso(date, out var partial))
            {
                xml.WriteStartElement("date", Tei);
                xml.WriteAttributeString("when", partial.ToIso());
                xml.WriteString(XmlText.Clean(partial.ToLongEnglish()));
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        }
        var first = true;
        foreach (var transcript in record.Transcripts.OrderBy(t => t.Position))
        {
            if (!first)
            {
                xml.WriteStartElement("div", Tei);
                xml.WriteAttributeString("type", "transcript");
                xml.WriteAttributeString("xml", "lang", null, transcript.Language);
            }
            foreach (var paragraph in transcript.Text.Split("\n\n")) xml.WriteElementString("p", Tei, XmlText.Clean(paragraph));
            if (!first) xml.WriteEndElement();
            first = false;
        }
        var number = 1;
        foreach (var note in (record.Notes ?? "").Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            xml.WriteStartElement("note", Tei);
            xml.WriteAttributeString("n", (number++).ToString(System.Globalization.CultureInfo.InvariantCulture));
            xml.WriteString(XmlText.Clean(note));
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    public static void End(XmlWriter xml)
    {
        xml.WriteEndElement();
        xml.WriteEndElement();
        xml.WriteEndElement();
    }
}
