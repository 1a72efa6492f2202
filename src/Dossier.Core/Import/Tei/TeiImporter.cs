using System.Text;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Dossier.Collections;
using Dossier.Languages;
using Dossier.Records;

namespace Dossier.Import.Tei;

/// <summary>
/// Documentary editions in TEI, such as the Foreign Relations of the United States: one record per
/// <c>div[@type='document']</c>, in both the older markup (1861–1936 volumes) and the newer one. The heading is the
/// title (its leading document number and footnotes left out); the dateline gives the date and place; the source
/// notes give the archival source and, in brackets, the kind of document ("[Telegram]"); <c>persName</c> and
/// <c>gloss</c> typed <c>from</c> and <c>to</c> in the heading give sender and recipient (by the volume's list of
/// persons where the heading points to it); the volume's title is the repository a citation names, the compilation,
/// chapter and subchapter headings are subjects; footnotes are kept as notes; paragraphs, lists, tables, closers and
/// enclosures make the transcript, one paragraph each. A record's identity is the volume's id and the document's
/// (<c>frus1918Russiav03/d1</c>), so importing a volume again changes nothing.
/// </summary>
public sealed partial class TeiImporter : IRecordImporter
{
    private static readonly XNamespace Tei = "http://www.tei-c.org/ns/1.0";
    private static readonly XNamespace Frus = "http://history.state.gov/frus/ns/1.0";
    private static readonly XName XmlId = XNamespace.Xml + "id";

    public string Format => "TEI";

    /// <summary>XML files whose root is a TEI document (other XML is not read); a TEI file broken further on is reported by <see cref="Read"/>.</summary>
    public bool Accepts(string path)
    {
        if (!Path.GetExtension(path).Equals(".xml", StringComparison.OrdinalIgnoreCase)) return false;
        try
        {
            using var reader = XmlReader.Create(path, new XmlReaderSettings { DtdProcessing = DtdProcessing.Ignore, XmlResolver = null });
            reader.MoveToContent();
            return reader.NamespaceURI == Tei.NamespaceName && reader.LocalName is "TEI" or "teiCorpus";
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            // Named explicitly, a broken file is reported by Read; found in a folder, it is not taken for TEI.
            return false;
        }
    }

    public IEnumerable<ImportItem> Read(string path)
    {
        XDocument document;
        string? error = null;
        try
        {
            // The spaces between elements are words' spaces ("<placeName>Paris,</placeName> <date>").
            document = XDocument.Load(path, LoadOptions.PreserveWhitespace);
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            document = null!;
            error = e.Message;
        }
        if (error is not null)
        {
            yield return ImportItem.Failed(path, "not readable TEI: " + error);
            yield break;
        }
        var tei = document.Root!;
        var volumeId = (string?)tei.Attribute(XmlId) ?? Path.GetFileNameWithoutExtension(path);
        var title = Text(tei.Element(Tei + "teiHeader")?.Element(Tei + "fileDesc")?.Element(Tei + "titleStmt")?.Elements(Tei + "title")
            .FirstOrDefault(t => (string?)t.Attribute("type") == "complete") ?? tei.Descendants(Tei + "title").FirstOrDefault());
        var volume = VolumeCollection(tei, volumeId, title);
        var persons = tei.Descendants(Tei + "persName").Where(p => p.Attribute(XmlId) is not null)
            .GroupBy(p => (string)p.Attribute(XmlId)!).ToDictionary(g => g.Key, g => Text(g.First()));

        var documents = tei.Descendants(Tei + "div").Where(IsDocument).ToList();
        if (documents.Count == 0)
        {
            yield return ImportItem.Failed(path, "no div[@type='document'] in this TEI file");
            yield break;
        }
        var position = 0;
        foreach (var div in documents)
        {
            position++;
            var id = DocumentId(div);
            var location = $"{path}#{id}";
            ImportItem item;
            try
            {
                var record = ToRecord(div, volumeId, id, title, persons);
                record.Collections = [new CollectionMember { Collection = volume, Position = position }];
                item = ImportItem.Of(location, record);
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                item = ImportItem.Failed(location, e.Message);
            }
            yield return item;
        }
    }

    /// <summary>The collection of a volume's records, in the volume's order: named by the volume's id, titled by its title, described by its imprint.</summary>
    private static Collection VolumeCollection(XElement tei, string volumeId, string? title)
    {
        var publication = tei.Element(Tei + "teiHeader")?.Element(Tei + "fileDesc")?.Element(Tei + "publicationStmt");
        var imprint = string.Join(", ", new[] { "publisher", "pubPlace", "date" }.Select(n => Text(publication?.Element(Tei + n))).Where(t => t.Length > 0));
        var editors = tei.Element(Tei + "teiHeader")?.Element(Tei + "fileDesc")?.Element(Tei + "titleStmt")?.Elements(Tei + "editor")
            .Select(e => Text(e)).Where(e => e.Length > 0).ToList() ?? [];
        var description = string.Join(" ", new[]
        {
            editors.Count > 0 ? "Edited by " + string.Join(", ", editors) + "." : "",
            imprint.Length > 0 ? "Published by " + imprint + "." : "",
        }.Where(p => p.Length > 0));
        return new Collection
        {
            Slug = Collection.IsValidSlug(volumeId) ? volumeId : Collection.SlugOf(volumeId),
            Title = title is { Length: > 0 } ? title[..Math.Min(title.Length, 500)] : volumeId,
            Description = description.Length > 0 ? description : null,
        };
    }

    private static bool IsDocument(XElement div) => (string?)div.Attribute("type") == "document";

    /// <summary>The document's xml:id; a document nested in another's enclosure without one is named by its place there.</summary>
    private static string DocumentId(XElement div)
    {
        if ((string?)div.Attribute(XmlId) is { Length: > 0 } id) return id;
        var parent = div.Ancestors(Tei + "div").FirstOrDefault(IsDocument);
        var within = (XElement?)parent ?? div.Document!.Root!;
        var position = within.Descendants(Tei + "div").Where(d => IsDocument(d) && d.Ancestors(Tei + "div").FirstOrDefault(IsDocument) == parent)
            .TakeWhile(d => d != div).Count() + 1;
        return (parent is null ? "doc" : DocumentId(parent)) + "-" + position.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static ArchivalRecord ToRecord(XElement div, string volumeId, string id, string? volumeTitle, Dictionary<string, string> persons)
    {
        var head = div.Element(Tei + "head");
        var number = (string?)div.Attribute("n");

        // Sender and recipient: the heading's persName and gloss typed from and to, by the list of persons if it names them.
        string Name(XElement e) => (string?)e.Attribute("corresp") is { Length: > 1 } corresp && persons.TryGetValue(corresp.TrimStart('#'), out var full) && full.Length > 0
            ? full
            : TrimPunctuation(Text(e));
        List<string> People(string type) =>
            head is null ? [] : [.. head.Descendants().Where(e => (e.Name == Tei + "persName" || e.Name == Tei + "gloss") && (string?)e.Attribute("type") == type)
                .Select(Name).Where(n => n.Length > 0).Distinct(StringComparer.Ordinal)];
        var creators = People("from");
        var recipients = People("to");

        var title = Text(head, skipNotes: true);
        if (number is not null && title.StartsWith(number + ". ", StringComparison.Ordinal)) title = title[(number.Length + 2)..];
        if (title.Length == 0 || title == "[Untitled]")
        {
            title = creators.Count > 0 && recipients.Count > 0 ? $"{string.Join(", ", creators)} to {string.Join(", ", recipients)}"
                : "Document " + (number ?? id);
        }

        var dateline = div.Element(Tei + "dateline") ?? div.Element(Tei + "opener")?.Element(Tei + "dateline");
        var date = DateOf(dateline?.Descendants(Tei + "date").Select(d => (string?)d.Attribute("when")).FirstOrDefault(w => w is not null))
                   ?? DateOf((string?)div.Attribute(Frus + "doc-dateTime-min"))
                   ?? DateOf(div.Elements(Tei + "p").Descendants(Tei + "date").Select(d => (string?)d.Attribute("when")).LastOrDefault(w => w is not null));
        var place = dateline?.Descendants(Tei + "placeName").Select(p => TrimPunctuation(Text(p))).FirstOrDefault(p => p.Length > 0);

        // Source notes: before or after the heading, or in it. Bracketed ones name the kind of document.
        var sourceNotes = div.Elements(Tei + "note").Concat(head?.Elements(Tei + "note") ?? [])
            .Where(n => (string?)n.Attribute("type") == "source").Select(n => Text(n)).Where(t => t.Length > 0).ToList();
        var kinds = sourceNotes.Select(n => BracketedKind().Match(n)).Where(m => m.Success).Select(m => m.Groups["kind"].Value).ToList();
        var references = sourceNotes.Where(n => !BracketedKind().IsMatch(n)).Select(n => SourcePrefix().Replace(n, "")).ToList();

        var footnotes = div.Descendants(Tei + "note")
            .Where(n => n.Attribute("type") is null && n.Ancestors(Tei + "div").First(IsDocument) == div)
            .Select(n => ((string?)n.Attribute("n") is { Length: > 0 } mark ? mark + ". " : "") + Text(n)).Where(t => t.Length > 0).ToList();

        var paragraphs = new List<string>();
        if (dateline is not null && Text(dateline) is { Length: > 0 } datelineText) paragraphs.Add(datelineText);
        foreach (var part in div.Elements()) Collect(part, paragraphs, div);
        var transcript = string.Join("\n\n", paragraphs);

        // The compilation's and chapter's headings name the country or topic; a subchapter's is a synopsis, not a subject.
        var subjects = div.Ancestors(Tei + "div")
            .Where(d => (string?)d.Attribute("type") is "compilation" or "chapter")
            .Reverse()
            .Select(d => TrimPunctuation(ChapterNumber().Replace(Text(d.Element(Tei + "head"), skipNotes: true), "")))
            .Where(s => s.Length is > 0 and <= 160).Distinct(StringComparer.Ordinal).ToList();
        // The people the edition's editors identified in the document (persName/@corresp, to the volume's list of persons)
        // are its associated people, as the Digital Archive lists them among its subjects: in the list's form ("Polk,
        // Frank Lyon"), which tells whom "Polk" in the text is.
        subjects.AddRange(div.Descendants(Tei + "persName").Select(p => (string?)p.Attribute("corresp")).OfType<string>()
            .Select(c => persons.GetValueOrDefault(c.TrimStart('#'))).OfType<string>().Select(TrimPunctuation)
            .Where(n => n.Length is > 0 and <= 160 && !subjects.Contains(n, StringComparer.Ordinal)).Distinct(StringComparer.Ordinal));

        var language = LanguageDetector.Detect(transcript.Length > 0 ? transcript : title) ?? "en";
        return new ArchivalRecord
        {
            RecordId = volumeId + "/" + id,
            Title = title,
            Date = date,
            Type = kinds.FirstOrDefault(),
            Languages = [language],
            Creators = creators,
            Recipients = recipients,
            Place = place,
            Subjects = subjects,
            // The reference's parts are read as every import reads them, so that an export imports back the same.
            Source = references.Count == 0 ? new Sources.ArchivalSource() : Sources.ArchivalReference.Parse(string.Join("; ", references)),
            Notes = footnotes.Count == 0 ? null : string.Join("\n\n", footnotes),
            Repository = volumeTitle,
            Transcripts = transcript.Length == 0 ? [] : [new Transcript { Language = language, Text = transcript, Position = 0 }],
        };
    }

    /// <summary>The document's text, a paragraph per block; the heading, datelines already taken, notes and nested documents are not its text.</summary>
    private static void Collect(XElement element, List<string> paragraphs, XElement document)
    {
        var name = element.Name;
        if (name == Tei + "head" && element.Parent == document) return;
        if (name == Tei + "note" || name == Tei + "pb" || name == Tei + "fw") return;
        if (name == Tei + "dateline" && (element.Parent == document || element.Parent?.Name == Tei + "opener" && element.Parent.Parent == document)) return;
        if (name == Tei + "div" && IsDocument(element)) return;
        if (name == Tei + "p" || name == Tei + "head" || name == Tei + "dateline" || name == Tei + "salute" || name == Tei + "signed"
            || name == Tei + "item" || name == Tei + "row" || name == Tei + "quote" && !element.Elements(Tei + "p").Any())
        {
            var text = name == Tei + "row" ? string.Join(" | ", element.Elements(Tei + "cell").Select(c => Text(c, skipNotes: true))) : Text(element, skipNotes: true);
            if (text.Length > 0) paragraphs.Add(text);
            return;
        }
        var children = element.Elements().ToList();
        if (children.Count == 0)
        {
            if (Text(element, skipNotes: true) is { Length: > 0 } text) paragraphs.Add(text);
            return;
        }
        foreach (var child in children) Collect(child, paragraphs, document);
    }

    private static string? DateOf(string? when)
    {
        if (when is null || when.Length < 4) return null;
        var day = when.Length >= 10 ? when[..10] : when;
        return PartialDate.TryParseIso(day, out var date) ? date.ToIso() : null;
    }

    /// <summary>An element's words with whitespace made single; line breaks are spaces; notes left out when asked.</summary>
    private static string Text(XElement? element, bool skipNotes = false)
    {
        if (element is null) return "";
        var text = new StringBuilder();
        Append(element);
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

        void Append(XElement e)
        {
            foreach (var node in e.Nodes())
            {
                if (node is XText t) text.Append(t.Value);
                else if (node is XElement child)
                {
                    if (skipNotes && child.Name == Tei + "note") continue;
                    if (child.Name == Tei + "lb" || child.Name == Tei + "pb") { text.Append(' '); continue; }
                    Append(child);
                }
            }
        }
    }

    // "Paris," → "Paris", "Mr. Seward." → "Mr. Seward"; an initial keeps its period ("Kennedy, John F.").
    private static string TrimPunctuation(string text)
    {
        var trimmed = text.Trim().TrimEnd(',', ':', ';').Trim();
        while (trimmed.EndsWith('.') && !EndsWithInitial(trimmed)) trimmed = trimmed[..^1].TrimEnd(',', ':', ';').Trim();
        return trimmed;

        static bool EndsWithInitial(string name)
        {
            var word = name[..^1].Split(' ', '.').LastOrDefault() ?? "";
            return word.Length == 1 && char.IsUpper(word[0]);
        }
    }

    [GeneratedRegex(@"^\[(?<kind>[A-Z][A-Za-z ]+?)\.?\]$")]
    private static partial Regex BracketedKind();

    [GeneratedRegex(@"^(Chapter|Part|Section)\s+[IVXLC0-9]+[.:]?\s*", RegexOptions.IgnoreCase)]
    private static partial Regex ChapterNumber();

    [GeneratedRegex(@"^Source:\s*")]
    private static partial Regex SourcePrefix();
}
