using System.IO.Compression;
using System.Text.Json;
using Dossier.Records;

namespace Dossier.Curation;

/// <summary>
/// One change of a record: who, when, what (a few words), and the whole record as it stood after it, compressed.
/// Written by the store itself for every record a save adds or changes (see <c>DossierDb.SaveChangesAsync</c>), so no
/// change can forget its revision.
/// </summary>
public sealed class Revision
{
    public long Id { get; set; }
    public int ArchivalRecordId { get; set; }

    /// <summary>1 for the record's first revision, then one more for each change.</summary>
    public int Number { get; set; }

    public DateTime CreatedAt { get; set; }

    /// <summary>The account that made the change; none for the archive's own work (an import, an embargo's end).</summary>
    public string? UserId { get; set; }

    /// <summary>The account's email at the time, kept so that the history reads the same after an account is gone.</summary>
    public string? UserName { get; set; }

    /// <summary>What was done: "imported", "published", "withdrawn: reason", "edited", "restored revision 3".</summary>
    public string Change { get; set; } = "";

    /// <summary>The record after the change: <see cref="RecordSnapshot"/> as Brotli-compressed JSON.</summary>
    public byte[] Snapshot { get; set; } = [];
}

/// <summary>A record as a revision keeps it: its description and transcripts, and where it stood in the workflow.</summary>
public sealed record RecordSnapshot(RecordDocument Record, PublicationStatus Status, DateOnly? EmbargoUntil, string? WithdrawalReason, bool Deleted)
{
    public static RecordSnapshot Of(ArchivalRecord record) =>
        new(RecordDocument.From(record, url: null, fallbackRepository: "") with { Id = null, Citation = null }, record.Status, record.EmbargoUntil,
            record.WithdrawalReason, record.DeletedAt is not null);

    public byte[] Compress()
    {
        using var buffer = new MemoryStream();
        using (var brotli = new BrotliStream(buffer, CompressionLevel.Fastest))
            JsonSerializer.Serialize(brotli, this, RecordDocument.JsonOptions);
        return buffer.ToArray();
    }

    public static RecordSnapshot Read(byte[] compressed)
    {
        using var brotli = new BrotliStream(new MemoryStream(compressed), CompressionMode.Decompress);
        return JsonSerializer.Deserialize<RecordSnapshot>(brotli, RecordDocument.JsonOptions)
               ?? throw new InvalidDataException("an empty revision");
    }

    /// <summary>
    /// Puts this snapshot's description and transcripts back into a record (a restore, written as a new revision).
    /// Where the record stands in the workflow is not restored: publishing and withdrawing are steps of their own.
    /// </summary>
    public void RestoreInto(ArchivalRecord record)
    {
        var restored = Dossier.Import.JsonLines.JsonLinesImporter.ToRecord(Record);
        Dossier.Import.RecordImport.CopyInto(record, restored);
        Dossier.Import.RecordImport.Prepare(record);
    }

    /// <summary>The snapshot as named fields in the order a record's page shows them; a transcript is a field of its own.</summary>
    public IReadOnlyList<(string Field, string Value)> Fields()
    {
        var r = Record;
        var s = r.Source ?? new SourceDocument();
        List<(string, string?)> fields =
        [
            ("Title", r.Title), ("Date", r.Date), ("Summary", r.Summary), ("Type", r.Type), ("Classification", r.Classification),
            ("Record ID", r.RecordId), ("Languages", string.Join(", ", r.Languages)), ("Source", s.Text), ("Archive", s.Archive),
            ("Fond", s.Fond), ("Opis", s.Opis), ("Papka", s.Papka), ("Delo", s.Delo), ("Pages", s.Pages), ("Reel", s.Reel),
            ("Box", s.Box), ("Item", s.Item),
            ("Creators", string.Join("; ", r.Creators ?? [])), ("Recipients", string.Join("; ", r.Recipients ?? [])), ("Place", r.Place),
            ("Subjects", string.Join("; ", r.Subjects ?? [])), ("Notes", r.Notes),
            ("Provenance", r.Provenance), ("Obtained by", string.Join("; ", r.ObtainedBy)), ("Translators", string.Join("; ", r.Translators)),
            ("Donors", string.Join("; ", r.Donors)), ("Rights", r.Rights), ("Uploaded", r.UploadedDate), ("Repository", r.Repository),
            .. r.Transcripts.Select(t => ($"Transcript ({t.Language})", (string?)t.Text)),
            ("State", Deleted ? "deleted" : Workflow.Describe(Status)), ("Embargo until", EmbargoUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)),
            ("Why withdrawn", WithdrawalReason),
        ];
        return [.. fields.Select(f => (f.Item1, f.Item2 ?? ""))];
    }

    /// <summary>The fields that differ between two snapshots, with their values in each ("" where absent).</summary>
    public static IReadOnlyList<FieldChange> Diff(RecordSnapshot before, RecordSnapshot after)
    {
        var old = before.Fields().ToDictionary(f => f.Field, f => f.Value);
        var now = after.Fields().ToDictionary(f => f.Field, f => f.Value);
        var names = before.Fields().Select(f => f.Field).Concat(after.Fields().Select(f => f.Field)).Distinct();
        return [.. names
            .Select(n => new FieldChange(n, old.GetValueOrDefault(n, ""), now.GetValueOrDefault(n, "")))
            .Where(c => c.Before != c.After)];
    }
}

public sealed record FieldChange(string Field, string Before, string After);
