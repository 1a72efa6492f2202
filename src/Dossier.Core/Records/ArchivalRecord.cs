using Dossier.Collections;
using Dossier.Originals;
using Dossier.Sources;

namespace Dossier.Records;

/// <summary>
/// One record of the archive: a document's description, where its original is held, and its transcripts
/// (the translation and the original-language text). <see cref="Id"/> is the archive's own number used in
/// its URLs; <see cref="RecordId"/> is the identifier the record had where it came from.
/// </summary>
public sealed class ArchivalRecord
{
    public int Id { get; set; }

    /// <summary>The source archive's Record ID ("177840"); the record's identity when present.</summary>
    public string? RecordId { get; set; }

    /// <summary>Identity of a record without a Record ID: normalized title and date. See <see cref="RecordFingerprint"/>.</summary>
    public string Fingerprint { get; set; } = "";

    public string Title { get; set; } = "";

    /// <summary>ISO 8601, possibly partial ("1963-12-07", "1951-11", "1951").</summary>
    public string? Date { get; set; }

    public string? Summary { get; set; }
    public string? Type { get; set; }

    /// <summary>The original classification ("Top Secret"), from the description or the document's own header.</summary>
    public string? Classification { get; set; }

    /// <summary>BCP 47 codes of the languages the record holds.</summary>
    public List<string> Languages { get; set; } = [];

    public ArchivalSource Source { get; set; } = new();

    /// <summary>Who wrote or sent the document, people or bodies ("N. S. Khrushchev", "Department of State").</summary>
    public List<string> Creators { get; set; } = [];

    /// <summary>To whom it was addressed.</summary>
    public List<string> Recipients { get; set; } = [];

    /// <summary>Where it was written ("Moscow", "Havana"), as its dateline gives it.</summary>
    public string? Place { get; set; }

    /// <summary>Subject headings and keywords.</summary>
    public List<string> Subjects { get; set; } = [];

    /// <summary>Editors' and translators' notes, footnotes of an edition; paragraphs are separated by a blank line.</summary>
    public string? Notes { get; set; }

    /// <summary>How the document came to the archive ("Obtained by ... and translated by ...").</summary>
    public string? Provenance { get; set; }

    public List<string> ObtainedBy { get; set; } = [];
    public List<string> Translators { get; set; } = [];
    public List<string> Donors { get; set; } = [];
    public string? Rights { get; set; }

    /// <summary>When the source archive first put the record online (ISO 8601).</summary>
    public string? UploadedDate { get; set; }

    /// <summary>The digital archive that published the record, as named in its citation.</summary>
    public string? Repository { get; set; }

    public List<Transcript> Transcripts { get; set; } = [];

    /// <summary>
    /// The collections the record is in. Not part of its description (not in its content hash or revisions): a
    /// collection is the editors' grouping. Loaded where the record is indexed, as public collections are a facet.
    /// </summary>
    public List<CollectionMember> Collections { get; set; } = [];

    /// <summary>
    /// The files of the document's original (scans, PDFs), in order, with their pages' machine-read text. Not part of
    /// its description either; loaded where the record is indexed, as machine-read text is searched.
    /// </summary>
    public List<Original> Originals { get; set; } = [];

    /// <summary>
    /// The people, organizations and places it names, found by the finder or linked by editors. Not part of its
    /// description; loaded (asserted ones) where the record is indexed, as they are facets and searched by name.
    /// </summary>
    public List<Authorities.Mention> Mentions { get; set; } = [];

    /// <summary>Hash of every described field; an import that brings the same content changes nothing.</summary>
    public string ContentHash { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    /// <summary>The account that created the record by hand; none for imported records. A contributor edits only their own.</summary>
    public string? OwnerId { get; set; }

    /// <summary>A new record is a draft until someone publishes it (an import with <c>--publish</c> included).</summary>
    public PublicationStatus Status { get; set; } = PublicationStatus.Draft;

    /// <summary>When the record was last published; harvesters see it as new from then on.</summary>
    public DateTime? PublishedAt { get; set; }

    /// <summary>The day an embargoed record is published (a declassification date), in UTC.</summary>
    public DateOnly? EmbargoUntil { get; set; }

    /// <summary>Why a published record was withdrawn; for the staff only.</summary>
    public string? WithdrawalReason { get; set; }

    /// <summary>
    /// Set when the record is deleted: the row stays as a tombstone (for harvesters' deleted records and for the
    /// audit trail), its content is no longer shown to anyone but the staff.
    /// </summary>
    public DateTime? DeletedAt { get; set; }
}

/// <summary>The text of the document in one language: a translation or the original.</summary>
public sealed class Transcript
{
    public int Id { get; set; }
    public int ArchivalRecordId { get; set; }

    /// <summary>BCP 47 code.</summary>
    public string Language { get; set; } = "";

    /// <summary>Plain text; paragraphs are separated by a blank line.</summary>
    public string Text { get; set; } = "";

    /// <summary>Order on the page: the translation first, then the original, as the source printed them.</summary>
    public int Position { get; set; }
}
