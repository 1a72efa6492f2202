using Dossier.Records;

namespace Dossier.Import;

/// <summary>One importer per file format (page captures, JSON Lines, and later TEI, CSV, OAI-PMH).</summary>
public interface IRecordImporter
{
    /// <summary>A short name for reports ("page capture", "JSON Lines").</summary>
    string Format { get; }

    /// <summary>Whether this importer reads files of this name.</summary>
    bool Accepts(string path);

    /// <summary>The records in the file; a part that cannot be read is one item with an error, and reading goes on.</summary>
    IEnumerable<ImportItem> Read(string path);
}

/// <summary>A record read from a file, or the reason one could not be read, with where in the file it was.</summary>
public sealed record ImportItem(string Location, ArchivalRecord? Record, string? Error)
{
    /// <summary>Files of the record's original that come with it (a PDF beside a page capture, named in a JSON Lines record or a CSV row), as full paths.</summary>
    public IReadOnlyList<string> Originals { get; init; } = [];

    /// <summary>What the importer could read of the record's main fields and from where, when the format leaves that open (page captures).</summary>
    public IReadOnlyList<FieldReading>? Reading { get; init; }

    public static ImportItem Failed(string location, string error) => new(location, null, error);
    public static ImportItem Of(string location, ArchivalRecord record) => new(location, record, null);
}

/// <summary>
/// One of a record's main fields as an importer read it: <see cref="From"/> says where it was found ("the citation
/// line"), null when it was not; <see cref="Guessed"/> when only its place on the page says what it is.
/// </summary>
public sealed record FieldReading(string Field, string? From, bool Guessed = false)
{
    public bool Found => From is not null;

    /// <summary>The fields an archivist checks first, in the order the report shows them.</summary>
    public static readonly IReadOnlyList<string> Fields = ["title", "date", "summary", "source", "type", "language"];

    /// <summary>"type missing; title guessed (the first line after the date)"; empty when all was found.</summary>
    public static string Describe(IReadOnlyList<FieldReading> reading)
    {
        var missing = reading.Where(r => !r.Found).Select(r => r.Field).ToList();
        var guessed = reading.Where(r => r.Guessed).Select(r => $"{r.Field} guessed ({r.From})").ToList();
        var parts = new List<string>();
        if (missing.Count > 0) parts.Add(string.Join(", ", missing) + " missing");
        parts.AddRange(guessed);
        return string.Join("; ", parts);
    }
}
