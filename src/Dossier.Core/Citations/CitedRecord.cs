using Dossier.Records;

namespace Dossier.Citations;

/// <summary>
/// What every citation style reads of a record: one place where the record's fields become a citation's parts,
/// so that all styles agree on the title, the date, the archive and the people.
/// </summary>
public sealed record CitedRecord
{
    /// <summary>The archive's own number, in the permalink.</summary>
    public required int Id { get; init; }

    public required string Title { get; init; }

    /// <summary>The document's date, as precise as it is known (a year, a month or a day).</summary>
    public PartialDate? Date { get; init; }

    /// <summary>The digital archive that publishes the record ("History and Public Policy Program Digital Archive").</summary>
    public required string Archive { get; init; }

    /// <summary>The archive that holds the original ("AVP RF"), when the source names it.</summary>
    public string? HoldingArchive { get; init; }

    /// <summary>Where the original is held, as the archival reference reads ("AVP RF, f. 0104, op. 18, d. 3").</summary>
    public string? ArchiveLocation { get; init; }

    /// <summary>How the document came to the archive, as one sentence ("Translated for CWIHP by Gary Goldberg").</summary>
    public string? Provenance { get; init; }

    public IReadOnlyList<PersonName> Translators { get; init; } = [];

    /// <summary>Who wrote or sent the document: its authors, for the formats that carry them.</summary>
    public IReadOnlyList<PersonName> Creators { get; init; } = [];

    /// <summary>Subject headings and keywords.</summary>
    public IReadOnlyList<string> Subjects { get; init; } = [];

    /// <summary>The archive's summary of the record.</summary>
    public string? Summary { get; init; }

    /// <summary>The rights statement, for formats that carry one (Dublin Core).</summary>
    public string? Rights { get; init; }

    /// <summary>The kind of document ("Memorandum of Conversation").</summary>
    public string? Genre { get; init; }

    /// <summary>BCP 47 codes of the record's languages, the first being the text cited (the translation).</summary>
    public IReadOnlyList<string> Languages { get; init; } = [];

    /// <summary>The record's stable address.</summary>
    public string? Url { get; init; }

    /// <summary>The day the citation was made, for styles that give when an online source was read.</summary>
    public DateOnly? Accessed { get; init; }

    public static CitedRecord From(ArchivalRecord record, string archiveName, string? url = null, DateOnly? accessed = null) => new()
    {
        Id = record.Id,
        Title = record.Title.Trim(),
        Date = PartialDate.TryParseIso(record.Date, out var date) ? date : null,
        Archive = string.IsNullOrWhiteSpace(record.Repository) ? archiveName : record.Repository.Trim(),
        ArchiveLocation = Clean(record.Source.Text),
        HoldingArchive = Clean(record.Source.Archive),
        Provenance = Clean(record.Provenance),
        Translators = [.. record.Translators.Where(t => !string.IsNullOrWhiteSpace(t)).Select(PersonName.Parse)],
        Creators = [.. record.Creators.Where(t => !string.IsNullOrWhiteSpace(t)).Select(PersonName.Parse)],
        Subjects = [.. record.Subjects.Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s.Trim())],
        Genre = Clean(record.Type),
        Summary = string.IsNullOrWhiteSpace(record.Summary) ? null : record.Summary.Trim(),
        Rights = string.IsNullOrWhiteSpace(record.Rights) ? null : record.Rights.Trim(),
        Languages = record.Languages,
        Url = url,
        Accessed = accessed,
    };

    // A part ends where the style puts its own punctuation.
    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim().TrimEnd('.', ',', ';').Trim();
}
