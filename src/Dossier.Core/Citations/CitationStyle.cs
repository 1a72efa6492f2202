namespace Dossier.Citations;

/// <summary>
/// A citation style the archive offers: its key in the API (<c>?style=mla</c>), its name, how a list of records is
/// written in it, and, for formats reference managers import, the media type and file extension.
/// </summary>
public sealed class CitationStyle
{
    public required string Key { get; init; }
    public required string Name { get; init; }
    public required string ContentType { get; init; }

    /// <summary>The file extension of a download (".bib"); null for styles read as text.</summary>
    public string? FileExtension { get; init; }

    /// <summary>For styles read by people: the formatted citation, with the runs in italics.</summary>
    public Func<CitedRecord, CitationText>? Text { get; init; }

    /// <summary>For formats read by programs: one record's entry.</summary>
    private Func<IReadOnlyList<CitedRecord>, string>? WriteMany { get; init; }

    /// <summary>Whether several records can be written in one file of this style (bulk export).</summary>
    public bool ExportsMany { get; private init; }

    /// <summary>The records in this style, as one file or text (citations read by people one to a paragraph).</summary>
    public string Write(IReadOnlyList<CitedRecord> cited) =>
        WriteMany is { } write ? write(cited) : string.Join("\n\n", cited.Select(c => Text!(c).ToString())) + "\n";

    public static readonly IReadOnlyList<CitationStyle> All =
    [
        new() { Key = "chicago", Name = "Chicago (note)", ContentType = "text/plain", Text = c => new CitationText().Append(ChicagoCitation.Format(c)) },
        new() { Key = "chicago-bib", Name = "Chicago (bibliography)", ContentType = "text/plain", Text = ChicagoBibliography.Format },
        new() { Key = "mla", Name = "MLA 9", ContentType = "text/plain", Text = MlaCitation.Format },
        new() { Key = "apa", Name = "APA 7", ContentType = "text/plain", Text = ApaCitation.Format },
        new() { Key = "turabian", Name = "Turabian (note)", ContentType = "text/plain", Text = TurabianNote.Format },
        new() { Key = "bibtex", Name = "BibTeX", ContentType = BibTex.ContentType, FileExtension = ".bib", WriteMany = c => BibTex.Write(c, biblatex: false), ExportsMany = true },
        new() { Key = "biblatex", Name = "BibLaTeX", ContentType = BibTex.ContentType, FileExtension = ".bib", WriteMany = c => BibTex.Write(c, biblatex: true), ExportsMany = true },
        new() { Key = "ris", Name = "RIS", ContentType = Ris.ContentType, FileExtension = ".ris", WriteMany = Ris.Write, ExportsMany = true },
        new() { Key = "csl-json", Name = "CSL-JSON", ContentType = CslJson.ContentType, FileExtension = ".json", WriteMany = c => CslJson.Write(c) + "\n", ExportsMany = true },
        // One record per document: a list of oai_dc records is an OAI-PMH response, not a file.
        new() { Key = "dc", Name = "Dublin Core XML", ContentType = DublinCore.ContentType, FileExtension = ".xml", WriteMany = c => DublinCore.Write(c.Single()) },
    ];

    public static CitationStyle? Find(string? key) =>
        All.FirstOrDefault(s => string.Equals(s.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Keys => string.Join(", ", All.Select(s => s.Key));
}
