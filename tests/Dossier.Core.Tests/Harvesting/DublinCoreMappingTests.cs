using System.Xml.Linq;
using Dossier.Harvesting;
using Dossier.Import.JsonLines;

namespace Dossier.Core.Tests.Harvesting;

public class DublinCoreMappingTests
{
    private static XElement Dc(params (string Name, string Value)[] elements)
    {
        XNamespace oai = "http://www.openarchives.org/OAI/2.0/oai_dc/", dc = "http://purl.org/dc/elements/1.1/";
        return new XElement(oai + "dc", elements.Select(e => new XElement(dc + e.Name, e.Value)));
    }

    [Fact]
    public void System_timestamps_are_the_upload_date_and_a_date_alone_is_the_documents_date()
    {
        var document = DublinCoreMapping.ToDocument(Dc(("title", "Memo"), ("date", "2003-06-26T09:47:27Z"), ("date", "2000"), ("date", "2003-06-25T01:00:00Z")), "oai:x:1", "X");
        Assert.Equal("2000", document.Date);
        Assert.Equal("2003-06-25", document.UploadedDate);

        var onlyStamps = DublinCoreMapping.ToDocument(Dc(("title", "Memo"), ("date", "2003-04-15T10:18:51Z")), "oai:x:1", "X");
        Assert.Null(onlyStamps.Date);
        Assert.Equal("2003-04-15", onlyStamps.UploadedDate);

        var written = DublinCoreMapping.ToDocument(Dc(("title", "Memo"), ("date", "October 27, 1962")), "oai:x:1", "X");
        Assert.Equal("1962-10-27", written.Date);
    }

    [Fact]
    public void Contributors_are_the_creators_only_when_no_creator_is_named()
    {
        Assert.Equal(["Smidts, A."], DublinCoreMapping.ToDocument(Dc(("title", "T"), ("contributor", "Smidts, A.")), "i", "X").Creators);
        Assert.Equal(["Jong, G. de"], DublinCoreMapping.ToDocument(Dc(("title", "T"), ("creator", "Jong, G. de"), ("contributor", "Editor, An")), "i", "X").Creators);
    }

    [Fact]
    public void Languages_types_and_whitespace_are_read_for_what_they_are()
    {
        var document = DublinCoreMapping.ToDocument(
            Dc(("title", "  Railway   stations\n and networks "), ("language", "other"), ("language", "en_US"), ("language", "Russian"), ("type", "Text"), ("type", "Article"),
               ("identifier", "90-5892-036-4"), ("identifier", "http://hdl.handle.net/1765/308"), ("description", "One."), ("description", "Two.")),
            "hdl:1765/308", "Erasmus");
        Assert.Equal("Railway stations and networks", document.Title);
        Assert.Equal(["en-US", "ru"], document.Languages);
        Assert.Equal("Article", document.Type);
        Assert.Equal("One.\n\nTwo.", document.Summary);
        Assert.Equal("Harvested from Erasmus (hdl:1765/308, http://hdl.handle.net/1765/308)", document.Provenance);
        Assert.Equal("hdl:1765/308", document.RecordId);
        Assert.Null(JsonLinesImporter.Validate(document));
    }

    [Fact]
    public void A_record_without_a_title_is_refused_with_the_reason()
    {
        var document = DublinCoreMapping.ToDocument(Dc(("creator", "Somebody")), "oai:x:9", "X");
        Assert.Equal("title is required", JsonLinesImporter.Validate(document));
    }
}
