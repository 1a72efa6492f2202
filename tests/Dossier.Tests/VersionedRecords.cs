using System.Globalization;
using System.Text.Json;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Tests;

/// <summary>
/// JSON Lines records in which every part says which version of the record it is (the title, each transcript) and
/// whose number of transcripts changes from version to version, so that a record written in part shows: in what
/// the store holds after a crash, or in a backup taken while they were being written.
/// </summary>
public static class VersionedRecords
{
    private static readonly string[] Languages = ["en", "ru", "de"];

    public static string Line(string recordId, int version) => JsonSerializer.Serialize(new
    {
        recordId,
        title = $"Record {recordId} version{version}",
        date = "1961-08-13",
        transcripts = Enumerable.Range(0, Transcripts(recordId, version))
            .Select(k => new { language = Languages[k], text = $"Text {k} of {recordId} version{version}" }),
    });

    /// <summary>Writes one JSON Lines file of records at one version.</summary>
    public static string Write(string folder, string name, IEnumerable<string> recordIds, int version)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllLines(path, recordIds.Select(id => Line(id, version)));
        return path;
    }

    /// <summary>1 to 3, and not the same for two versions in a row.</summary>
    public static int Transcripts(string recordId, int version) => 1 + (recordId.Sum(c => c) + version) % 3;

    /// <summary>The record's version, after checking that every part of it and its last revision are of that version.</summary>
    public static int AssertWhole(ArchivalRecord record, IReadOnlyList<Revision> revisions)
    {
        var title = record.Title;
        var version = int.Parse(title[(title.LastIndexOf("version", StringComparison.Ordinal) + "version".Length)..], CultureInfo.InvariantCulture);
        var id = record.RecordId!;
        Assert.True(Transcripts(id, version) == record.Transcripts.Count, $"{id} at version {version} has {record.Transcripts.Count} transcripts, not {Transcripts(id, version)}");
        Assert.All(record.Transcripts, t => Assert.EndsWith($" of {id} version{version}", t.Text));
        Assert.True(revisions.Count > 0, $"{id} has no revision");
        Assert.Equal(Enumerable.Range(1, revisions.Count), revisions.Select(r => r.Number).Order());
        var last = RecordSnapshot.Read(revisions.MaxBy(r => r.Number)!.Snapshot).Record;
        Assert.Equal(title, last.Title);
        Assert.Equal(record.Transcripts.Count, last.Transcripts.Count);
        return version;
    }

    /// <summary>Every record of a data directory with its transcripts and revisions, by Record ID.</summary>
    public static async Task<Dictionary<string, (ArchivalRecord Record, List<Revision> Revisions)>> ReadAsync(string dataDirectory)
    {
        await using var db = new DossierDb(SqliteDatabase.Options(dataDirectory)).WholeArchive();
        var records = await db.Records.AsNoTracking().Include(r => r.Transcripts).AsSplitQuery().ToListAsync();
        var revisions = (await db.Revisions.AsNoTracking().ToListAsync()).ToLookup(r => r.ArchivalRecordId);
        return records.ToDictionary(r => r.RecordId!, r => (r, revisions[r.Id].ToList()), StringComparer.Ordinal);
    }

    /// <summary>SQLite's own check of the whole database file: "ok" when it is sound.</summary>
    public static async Task<string> IntegrityAsync(string dataDirectory)
    {
        await using var db = new DossierDb(SqliteDatabase.Options(dataDirectory));
        return string.Join("\n", await db.Database.SqlQueryRaw<string>("PRAGMA integrity_check").ToListAsync());
    }
}
