using System.Xml;
using System.Xml.Linq;
using System.Xml.Schema;
using Dossier.Core.Tests;
using Dossier.Oai;

namespace Dossier.Tests;

/// <summary>The repository's own files the tests read (schemas, the metadata extractor).</summary>
public static class RepositoryFiles
{
    public static string Root { get; } = Find();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (Dossier.slnx) was not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// Checks an OAI-PMH response against the protocol's schema (../shared/corpus/oai-pmh/OAI-PMH.xsd), and each record's
/// metadata against its format's schema: oai_dc (with simple Dublin Core) and Dossier's own.
/// </summary>
public static class OaiValidation
{
    public const string Oai = "http://www.openarchives.org/OAI/2.0/";

    private static readonly XmlSchemaSet Protocol = Load(Path.Combine(Corpus.Root, "oai-pmh", "OAI-PMH.xsd"));
    private static readonly XmlSchemaSet OaiDc = Load(RepositoryFiles.Path("tests", "Dossier.Tests", "Schemas", "oai_dc.xsd"));
    private static readonly XmlSchemaSet DossierRecord = LoadText(DossierRecordXml.Schema());

    /// <summary>Parses and validates a response; any schema error fails the test with the line it is on.</summary>
    public static XDocument Validate(string xml)
    {
        var document = XDocument.Parse(xml, LoadOptions.SetLineInfo);
        var errors = new List<string>();
        document.Validate(Protocol, (_, e) => errors.Add($"{e.Severity} at {e.Exception?.LineNumber}: {e.Message}"));
        // Records' metadata, and the Dublin Core that describes a set.
        foreach (var metadata in document.Descendants(XName.Get("metadata", Oai)).Concat(document.Descendants(XName.Get("setDescription", Oai))))
        {
            var content = metadata.Elements().Single();
            var schemas = content.Name.NamespaceName switch
            {
                Dossier.Citations.DublinCore.OaiDcNamespace => OaiDc,
                DossierRecordXml.Namespace => DossierRecord,
                _ => throw new Xunit.Sdk.XunitException("metadata in an unknown format: " + content.Name),
            };
            new XDocument(new XElement(content)).Validate(schemas, (_, e) => errors.Add($"{content.Name.LocalName}: {e.Severity}: {e.Message}"));
        }
        Assert.True(errors.Count == 0, "The response does not validate:\n" + string.Join('\n', errors) + "\n\n" + xml);
        return document;
    }

    private static XmlSchemaSet Load(string path)
    {
        var set = new XmlSchemaSet { XmlResolver = new XmlUrlResolver() };
        using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = new XmlUrlResolver() });
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    private static XmlSchemaSet LoadText(string text)
    {
        var set = new XmlSchemaSet();
        using var reader = XmlReader.Create(new StringReader(text));
        set.Add(null, reader);
        set.Compile();
        return set;
    }
}
