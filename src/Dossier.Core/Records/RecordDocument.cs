using System.Text.Json;
using System.Text.Json.Serialization;
using Dossier.Citations;
using Dossier.Sources;

namespace Dossier.Records;

/// <summary>
/// The JSON shape of a record: what <c>GET /api/documents/{id}</c> returns and what a JSON Lines import
/// reads (without <c>id</c>). Later issues, benchmarks and outside clients rely on it; add, never rename.
/// </summary>
public sealed record RecordDocument
{
    public int? Id { get; init; }
    public string? RecordId { get; init; }
    public string? Title { get; init; }
    public string? Date { get; init; }
    public string? Summary { get; init; }
    public string? Type { get; init; }
    public string? Classification { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = [];
    public SourceDocument? Source { get; init; }

    // Added later: absent rather than empty, so that the content hash of a record without them is what it was
    // (an import of unchanged records changes nothing).
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Creators { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Recipients { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Place { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Subjects { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Notes { get; init; }

    /// <summary>
    /// Read by the JSON Lines import only: files of the record's original, by paths relative to the JSON Lines file,
    /// attached to the record. Never written (a record's originals are at their own addresses).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Originals { get; init; }

    /// <summary>
    /// Written by <c>GET /api/documents/{id}</c> only: the people, places and organizations the archive says the
    /// record names. Never read (an import does not assert mentions; the archive finds them).
    /// </summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<MentionDocument>? Mentions { get; init; }
    public string? Provenance { get; init; }
    public IReadOnlyList<string> ObtainedBy { get; init; } = [];
    public IReadOnlyList<string> Translators { get; init; } = [];
    public IReadOnlyList<string> Donors { get; init; } = [];
    public string? Rights { get; init; }
    public string? UploadedDate { get; init; }
    public string? Repository { get; init; }
    public IReadOnlyList<TranscriptDocument> Transcripts { get; init; } = [];
    public CitationDocument? Citation { get; init; }
    public string? Url { get; init; }

    public static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        WriteIndented = false,
        // Archival text is full of quotes, apostrophes and Cyrillic; keep it readable in exports.
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static RecordDocument From(ArchivalRecord record, string? url, string fallbackRepository) => new()
    {
        Id = record.Id,
        RecordId = record.RecordId,
        Title = record.Title,
        Date = record.Date,
        Summary = record.Summary,
        Type = record.Type,
        Classification = record.Classification,
        Languages = record.Languages,
        Source = SourceDocument.From(record.Source),
        Creators = record.Creators.Count > 0 ? record.Creators : null,
        Recipients = record.Recipients.Count > 0 ? record.Recipients : null,
        Place = record.Place,
        Subjects = record.Subjects.Count > 0 ? record.Subjects : null,
        Notes = record.Notes,
        Provenance = record.Provenance,
        ObtainedBy = record.ObtainedBy,
        Translators = record.Translators,
        Donors = record.Donors,
        Rights = record.Rights,
        UploadedDate = record.UploadedDate,
        Repository = record.Repository,
        Transcripts = record.Transcripts.OrderBy(t => t.Position).Select(t => new TranscriptDocument(t.Language, t.Text)).ToList(),
        Citation = new CitationDocument(ChicagoCitation.Format(record, fallbackRepository)),
        Url = url,
    };
}

public sealed record SourceDocument
{
    public string? Text { get; init; }
    public string? Archive { get; init; }
    public string? Fond { get; init; }
    public string? Opis { get; init; }
    public string? Papka { get; init; }
    public string? Delo { get; init; }
    public string? Pages { get; init; }
    public string? Reel { get; init; }
    public string? Box { get; init; }
    public string? Item { get; init; }

    public static SourceDocument From(ArchivalSource s) => new()
    {
        Text = s.Text,
        Archive = s.Archive,
        Fond = s.Fond,
        Opis = s.Opis,
        Papka = s.Papka,
        Delo = s.Delo,
        Pages = s.Pages,
        Reel = s.Reel,
        Box = s.Box,
        Item = s.Item,
    };
}

public sealed record TranscriptDocument(string Language, string Text);

public sealed record CitationDocument(string Chicago);

/// <summary>An authority a record names: <c>kind</c> is person, place or organization; <c>url</c> its page.</summary>
public sealed record MentionDocument(int Id, string Kind, string Name, string Url);
