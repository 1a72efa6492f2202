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

    public static ImportItem Failed(string location, string error) => new(location, null, error);
    public static ImportItem Of(string location, ArchivalRecord record) => new(location, record, null);
}
