using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Dossier.Collections;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Originals;
using Dossier.Records;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Import;

public enum ImportOutcome
{
    Imported,
    Updated,
    Unchanged,
    Failed,
    Skipped,
}

/// <summary>What happened to one file, or one record in it.</summary>
public sealed record ImportEvent(string Location, ImportOutcome Outcome, string? Reason = null)
{
    /// <summary>What the importer could read of the record's fields, where the format leaves that open.</summary>
    public IReadOnlyList<FieldReading>? Reading { get; init; }
}

/// <summary>
/// Told of the records an import writes: each batch as it is saved (its file not yet committed), then whether the
/// file was committed (with the indexing tasks it wrote) or discarded (with the ids of the records it had saved).
/// </summary>
public interface IImportedRecords
{
    ValueTask SavedAsync(IReadOnlyList<ArchivalRecord> records, CancellationToken cancellationToken);
    ValueTask CommittedAsync(IReadOnlyList<long> tasks, CancellationToken cancellationToken);
    ValueTask DiscardedAsync(IReadOnlyList<int> records, CancellationToken cancellationToken);
}

/// <summary>Told of each file as the import goes; the CLI draws a progress bar or prints lines.</summary>
public interface IImportProgress
{
    void Started(int files);

    /// <summary>Records of a file written so far (not yet committed): a large file shows progress too.</summary>
    void Writing(string path, int records);

    void FileDone(string path, IReadOnlyList<ImportEvent> events);
}

public sealed class ImportReport
{
    public List<ImportEvent> Events { get; } = [];
    public int Imported => Count(ImportOutcome.Imported);
    public int Updated => Count(ImportOutcome.Updated);
    public int Unchanged => Count(ImportOutcome.Unchanged);
    public int Failed => Count(ImportOutcome.Failed);
    public int Skipped => Count(ImportOutcome.Skipped);
    public IEnumerable<ImportEvent> Failures => Events.Where(e => e.Outcome == ImportOutcome.Failed);

    private int Count(ImportOutcome outcome) => Events.Count(e => e.Outcome == outcome);
}

/// <summary>
/// Brings files into the archive. A record's identity is its Record ID when it has one, else the fingerprint of its
/// normalized title and date, so importing the same files again changes nothing. Each file is written in one
/// transaction together with its indexing tasks: a file that fails leaves the archive as it was.
/// </summary>
public sealed class RecordImport(DossierDb db, IEnumerable<IRecordImporter> importers, TimeProvider clock, FileStore? files = null, Authorities.MentionPatterns? mentions = null)
{
    private const int BatchSize = 500;

    /// <summary>The longest Record ID the store keeps (its column's length).</summary>
    public const int MaxRecordIdLength = 64;

    // A file may describe again a record that is a draft, withdrawn or deleted: the import sees the whole archive.
    private readonly DossierDb db = db.WholeArchive();

    /// <summary>
    /// Publishes what the import brings: new records, and drafts or records in review that it finds again. Without
    /// it, new records are drafts. An embargoed, withdrawn or deleted record keeps its state: an editor decided it.
    /// </summary>
    public bool Publish { get; set; }

    // The finder of the archive's authorities, shared with the process's other writers; its own otherwise.
    private readonly Authorities.MentionPatterns mentions = mentions ?? new();

    // Records whose text the import wrote: their mentions are found again with the next save.
    private readonly HashSet<ArchivalRecord> rereading = new(ReferenceEqualityComparer.Instance);

    public async Task<ImportReport> RunAsync(IReadOnlyList<string> paths, IImportProgress? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new ImportReport();
        var files = new List<(string Path, IRecordImporter? Importer, bool Named)>();
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                {
                    // Hidden files and folders (.git, .DS_Store) are not the archive's material.
                    if (Path.GetRelativePath(path, file).Split(Path.DirectorySeparatorChar).Any(p => p.StartsWith('.'))) continue;
                    var importer = Find(file);
                    // Scans and PDFs in a folder are originals, attached by the records beside them or naming them.
                    if (importer is null && PageCaptures.PageCaptureImporter.OriginalExtensions.Contains(Path.GetExtension(file))) continue;
                    files.Add((file, importer, false));
                }
            }
            else
            {
                files.Add((path, File.Exists(path) ? Find(path) : null, true));
            }
        }

        progress?.Started(files.Count);
        foreach (var (path, importer, named) in files)
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<ImportEvent> events;
            if (!File.Exists(path))
                events = [new(path, ImportOutcome.Failed, "no such file or folder")];
            else if (importer is null)
                events = [new(path, named ? ImportOutcome.Failed : ImportOutcome.Skipped, "not a format Dossier imports (.txt page captures, .jsonl records, .xml TEI editions, .csv with a column mapping: --map; PDFs and images are originals: dossier attach)")];
            else
                events = await ImportFileAsync(path, importer, progress, cancellationToken);
            report.Events.AddRange(events);
            progress?.FileDone(path, events);
        }
        return report;
    }

    /// <summary>Importers for this run only, asked before the archive's own: a CSV file's column mapping (<c>--map</c>).</summary>
    public List<IRecordImporter> Also { get; } = [];

    private IRecordImporter? Find(string path) => Also.Concat(importers).FirstOrDefault(i => i.Accepts(path));

    /// <summary>
    /// Told of every batch of records as it is written (inside its file's transaction, with the indexing tasks
    /// written for it) and of each file's end: the CLI indexes records while the import goes on instead of reading
    /// them back afterwards. A file that fails gives back the records it had written, to be put back as stored.
    /// </summary>
    public IImportedRecords? Written { get; set; }

    private static ImportEvent Event(ImportItem item, ImportOutcome outcome, string? reason = null) =>
        new(item.Location, outcome, reason) { Reading = item.Reading };

    private Task<List<ImportEvent>> ImportFileAsync(string path, IRecordImporter importer, IImportProgress? progress, CancellationToken cancellationToken) =>
        ImportAsync(path, Path.GetFileName(path), importer.Read(path), progress, cancellationToken);

    /// <summary>
    /// Imports records read from somewhere other than a file (a page of an OAI-PMH harvest), in one transaction as a
    /// file is: <paramref name="source"/> names it in the report, <paramref name="label"/> in revisions and the audit log.
    /// </summary>
    public async Task<List<ImportEvent>> ImportAsync(string source, string label, IEnumerable<ImportItem> items, IImportProgress? progress, CancellationToken cancellationToken)
    {
        var path = source;
        var events = new List<ImportEvent>();
        var touched = new List<ArchivalRecord>();
        var savedIds = new List<int>();
        var tasks = new List<long>();
        var byRecordId = new Dictionary<string, ArchivalRecord>(StringComparer.Ordinal);
        var byFingerprint = new Dictionary<string, ArchivalRecord>(StringComparer.Ordinal);
        var placing = new Placing();
        var attaching = new Attaching(files, label);
        rereading.Clear();
        db.Revising((Publish ? "imported and published from " : "imported from ") + label);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            foreach (var chunk in items.Chunk(BatchSize))
            {
                foreach (var item in chunk) if (item.Record is not null) Prepare(item.Record);
                // One look-up for the chunk instead of one or two a record: every stored record it could be.
                var stored = await CandidatesAsync(chunk.Select(i => i.Record).OfType<ArchivalRecord>().ToList(), cancellationToken);
                await placing.ReadAsync(db, chunk.Select(i => i.Record).OfType<ArchivalRecord>(), stored.ByRecordId.Values.Concat(stored.ByFingerprint.SelectMany(g => g)), cancellationToken);
                foreach (var item in chunk)
                {
                    if (item.Record is null)
                    {
                        events.Add(Event(item, ImportOutcome.Failed, item.Error));
                        continue;
                    }
                    if (item.Record.RecordId is { Length: > MaxRecordIdLength } longId)
                    {
                        events.Add(Event(item, ImportOutcome.Failed, $"the Record ID '{longId[..20]}…' is longer than {MaxRecordIdLength} characters"));
                        continue;
                    }
                    var incoming = item.Record;
                    var existing = Find(incoming, byRecordId, byFingerprint, stored);
                    var now = clock.GetUtcNow().UtcDateTime;
                    ArchivalRecord target;
                    if (existing is null)
                    {
                        incoming.CreatedAt = incoming.UpdatedAt = now;
                        incoming.Status = PublicationStatus.Draft;
                        PublishIfAsked(incoming, now);
                        db.Records.Add(incoming);
                        placing.Place(incoming, incoming);
                        attaching.Ask(incoming, item);
                        rereading.Add(incoming);
                        target = incoming;
                        events.Add(Event(item, ImportOutcome.Imported));
                    }
                    else if (existing.DeletedAt is not null)
                    {
                        events.Add(Event(item, ImportOutcome.Skipped, $"record {existing.Id} was deleted from the archive; an editor must restore it first"));
                        continue;
                    }
                    else if (existing.ContentHash == incoming.ContentHash)
                    {
                        var published = PublishIfAsked(existing, now);
                        var placed = placing.Place(incoming, existing);
                        attaching.Ask(existing, item);
                        if (!published && !placed)
                        {
                            events.Add(Event(item, ImportOutcome.Unchanged));
                            continue;
                        }
                        // Put in a collection only, it gets a new datestamp from Placing, not a revision.
                        if (published) existing.UpdatedAt = now;
                        target = existing;
                        events.Add(Event(item, ImportOutcome.Updated, published ? "published" : "put in its collection"));
                    }
                    else
                    {
                        await LoadTranscriptsAsync(existing, cancellationToken);
                        var before = existing.ContentHash;
                        if (incoming.RecordId is null && existing.RecordId is not null)
                        {
                            // A capture without the Record ID of a record that has one says less than what is stored:
                            // it may fill what is empty, never blank what is there.
                            FillInto(existing, incoming);
                        }
                        else
                        {
                            CopyInto(existing, incoming);
                        }
                        existing.ContentHash = ContentHash(existing);
                        var published = PublishIfAsked(existing, now);
                        var placed = placing.Place(incoming, existing);
                        attaching.Ask(existing, item);
                        if (existing.ContentHash == before && !published && !placed)
                        {
                            events.Add(Event(item, ImportOutcome.Unchanged));
                            continue;
                        }
                        existing.UpdatedAt = now;
                        if (existing.ContentHash != before) rereading.Add(existing);
                        target = existing;
                        events.Add(Event(item, ImportOutcome.Updated));
                    }
                    touched.Add(target);
                    if (target.RecordId is not null) byRecordId[target.RecordId] = target;
                    byFingerprint[target.Fingerprint] = target;
                }
                if (touched.Count >= BatchSize)
                {
                    await SaveAsync(touched, savedIds, tasks, cancellationToken, placing);
                    events.AddRange(await attaching.WriteAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken));
                    progress?.Writing(path, savedIds.Count);
                    // Saved records are found again in the store (this transaction sees its own writes); a tracker
                    // that kept them all would make every later save slower than the one before.
                    db.ChangeTracker.Clear();
                    byRecordId.Clear();
                    byFingerprint.Clear();
                }
            }
            await SaveAsync(touched, savedIds, tasks, cancellationToken, placing);
            events.AddRange(await attaching.WriteAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken));
            if (savedIds.Count > 0)
            {
                var imported = events.Count(e => e.Outcome == ImportOutcome.Imported);
                db.AuditLog.Add(new AuditEntry
                {
                    At = clock.GetUtcNow().UtcDateTime,
                    Event = AuditEvents.Imported,
                    Detail = $"{label}: {imported} new, {savedIds.Count - imported} updated" + (Publish ? ", published" : ", as drafts"),
                });
                await db.SaveChangesAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        catch (DbUpdateException e)
        {
            await FailAsync(transaction, savedIds);
            return [new(path, ImportOutcome.Failed, "could not be written, nothing of it was imported: " + (e.InnerException?.Message ?? e.Message))];
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Whatever else went wrong with this file (an importer's own fault included) fails this file only.
            await FailAsync(transaction, savedIds);
            return [new(path, ImportOutcome.Failed, "could not be imported, nothing of it was: " + e.Message)];
        }
        catch (OperationCanceledException)
        {
            if (Written is not null) await Written.DiscardedAsync(savedIds, CancellationToken.None);
            throw;
        }
        db.ChangeTracker.Clear();
        if (Written is not null) await Written.CommittedAsync(tasks, cancellationToken);
        return events;
    }

    /// <summary>
    /// Deletes (keeping tombstones) the records a source says it has deleted: harvested records whose repository
    /// answers their identifiers with a deleted header. Records of another state stay deleted or not as they are.
    /// </summary>
    public async Task<List<ImportEvent>> DeleteAsync(string label, IReadOnlyList<string> recordIds, CancellationToken cancellationToken)
    {
        if (recordIds.Count == 0) return [];
        var found = await db.Records.Where(r => r.RecordId != null && recordIds.Contains(r.RecordId)).ToListAsync(cancellationToken);
        var events = recordIds.Where(id => !found.Any(r => r.RecordId == id)).Select(id => new ImportEvent(id, ImportOutcome.Unchanged, "deleted at the source, never imported")).ToList();
        var now = clock.GetUtcNow().UtcDateTime;
        var deleted = new List<ArchivalRecord>();
        foreach (var record in found)
        {
            if (record.DeletedAt is not null)
            {
                events.Add(new(record.RecordId!, ImportOutcome.Unchanged, "already deleted"));
                continue;
            }
            record.DeletedAt = now;
            record.UpdatedAt = now;
            deleted.Add(record);
            events.Add(new(record.RecordId!, ImportOutcome.Updated, "deleted, as at the source"));
        }
        if (deleted.Count == 0) return events;
        db.Revising("deleted at the source, " + label);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var tasks = new List<long>();
        await SaveAsync(deleted, [], tasks, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.ChangeTracker.Clear();
        if (Written is not null) await Written.CommittedAsync(tasks, cancellationToken);
        return events;
    }

    private bool PublishIfAsked(ArchivalRecord record, DateTime now)
    {
        if (!Publish || record.Status is not (PublicationStatus.Draft or PublicationStatus.InReview)) return false;
        record.Status = PublicationStatus.Published;
        record.PublishedAt = now;
        return true;
    }

    private async Task FailAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, List<int> savedIds)
    {
        // The failed file's records are not the next file's to read for mentions.
        rereading.Clear();
        await transaction.RollbackAsync(CancellationToken.None);
        db.ChangeTracker.Clear();
        if (Written is not null) await Written.DiscardedAsync(savedIds, CancellationToken.None);
    }

    private async Task SaveAsync(List<ArchivalRecord> touched, List<int> savedIds, List<long> tasks, CancellationToken cancellationToken, Placing? placing = null)
    {
        if (touched.Count == 0) return;
        await db.SaveChangesAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var saved = touched.DistinctBy(r => r.Id).ToList();
        if (placing is not null) await placing.WriteAsync(db, now, Publish, cancellationToken);
        if (rereading.Count > 0)
        {
            await Authorities.RecordMentions.RefreshAsync(db, rereading, await mentions.GetAsync(db, cancellationToken), now, cancellationToken);
            rereading.Clear();
            await db.SaveChangesAsync(cancellationToken);
        }
        // Records indexed from memory are indexed with their collections and originals, as from the store.
        if (Written is not null) await db.LoadForIndexingAsync([.. saved.Select(r => r.Id)], cancellationToken);
        var added = saved.Select(r => IndexingTask.For(r.Id, now)).ToList();
        db.IndexingTasks.AddRange(added);
        await db.SaveChangesAsync(cancellationToken);
        savedIds.AddRange(saved.Select(r => r.Id));
        tasks.AddRange(added.Select(t => t.Id));
        if (Written is not null) await Written.SavedAsync(saved, cancellationToken);
        touched.Clear();
    }

    /// <summary>The stored records a chunk of incoming ones could be: by their Record IDs and by their fingerprints.</summary>
    private async Task<StoredCandidates> CandidatesAsync(List<ArchivalRecord> incoming, CancellationToken cancellationToken)
    {
        var recordIds = incoming.Select(r => r.RecordId).OfType<string>().Distinct().ToList();
        var fingerprints = incoming.Select(r => r.Fingerprint).Distinct().ToList();
        var found = await db.Records.Where(r => (r.RecordId != null && recordIds.Contains(r.RecordId)) || fingerprints.Contains(r.Fingerprint))
            .OrderBy(r => r.Id).ToListAsync(cancellationToken);
        return new StoredCandidates(
            found.Where(r => r.RecordId is not null).ToDictionary(r => r.RecordId!, StringComparer.Ordinal),
            found.ToLookup(r => r.Fingerprint, StringComparer.Ordinal));
    }

    /// <summary>
    /// The collections an import's records go in (a TEI volume's records in the volume's collection): what the
    /// importer asked, what the store already has, and the places to write with the next save. A collection the
    /// store does not have is made, public if the import publishes; one it has keeps its title and state, as an
    /// editor left them. A record read again is put back in its collection if an editor took it out.
    /// </summary>
    private sealed class Placing
    {
        private readonly Dictionary<ArchivalRecord, List<CollectionMember>> asked = new(ReferenceEqualityComparer.Instance);
        private readonly HashSet<(string Slug, int RecordId)> placed = [];
        private readonly List<(ArchivalRecord Record, CollectionMember Place)> pending = [];

        /// <summary>Takes the places a chunk's records ask for off them, and reads which of its stored candidates are in those collections.</summary>
        public async Task ReadAsync(DossierDb db, IEnumerable<ArchivalRecord> incoming, IEnumerable<ArchivalRecord> stored, CancellationToken cancellationToken)
        {
            asked.Clear();
            foreach (var record in incoming)
            {
                if (record.Collections.Count == 0) continue;
                asked[record] = record.Collections;
                record.Collections = [];
            }
            if (asked.Count == 0) return;
            var ids = stored.Select(r => r.Id).Distinct().ToList();
            var slugs = asked.Values.SelectMany(m => m).Select(m => m.Collection.Slug).Distinct(StringComparer.Ordinal).ToList();
            var found = await db.CollectionMembers.AsNoTracking().Where(m => ids.Contains(m.ArchivalRecordId) && slugs.Contains(m.Collection.Slug))
                .Select(m => new { m.Collection.Slug, m.ArchivalRecordId }).ToListAsync(cancellationToken);
            foreach (var f in found) placed.Add((f.Slug, f.ArchivalRecordId));
        }

        /// <summary>Whether <paramref name="target"/> (the record <paramref name="incoming"/> is) goes into a collection it is not in yet.</summary>
        public bool Place(ArchivalRecord incoming, ArchivalRecord target)
        {
            if (!asked.TryGetValue(incoming, out var places)) return false;
            var any = false;
            foreach (var place in places)
            {
                var slug = place.Collection.Slug;
                if (target.Id != 0 && placed.Contains((slug, target.Id))) continue;
                if (pending.Any(p => ReferenceEquals(p.Record, target) && p.Place.Collection.Slug == slug)) continue;
                pending.Add((target, place));
                any = true;
            }
            return any;
        }

        /// <summary>Writes the places of records just saved (they have their numbers now), making the collections missing.</summary>
        public async Task WriteAsync(DossierDb db, DateTime now, bool publish, CancellationToken cancellationToken)
        {
            if (pending.Count == 0) return;
            var slugs = pending.Select(p => p.Place.Collection.Slug).Distinct(StringComparer.Ordinal).ToList();
            var collections = await db.Collections.Where(c => slugs.Contains(c.Slug)).ToDictionaryAsync(c => c.Slug, c => c.Id, StringComparer.Ordinal, cancellationToken);
            var missing = slugs.Where(s => !collections.ContainsKey(s)).ToList();
            if (missing.Count > 0)
            {
                var position = await db.Collections.MaxAsync(c => (int?)c.Position, cancellationToken) ?? 0;
                var made = missing.Select(slug =>
                {
                    var asked = pending.First(p => p.Place.Collection.Slug == slug).Place.Collection;
                    return new Collection
                    {
                        Slug = slug,
                        Title = asked.Title,
                        Description = asked.Description,
                        Position = ++position,
                        CreatedAt = now,
                        UpdatedAt = now,
                        PublishedAt = publish ? now : null,
                    };
                }).ToList();
                db.Collections.AddRange(made);
                await db.SaveChangesAsync(cancellationToken);
                foreach (var c in made) collections[c.Slug] = c.Id;
            }
            var moved = new List<ArchivalRecord>();
            foreach (var (record, place) in pending)
            {
                var slug = place.Collection.Slug;
                if (!placed.Add((slug, record.Id))) continue;
                db.CollectionMembers.Add(new CollectionMember { CollectionId = collections[slug], ArchivalRecordId = record.Id, Position = place.Position });
                if (record.UpdatedAt != now) moved.Add(record);
            }
            pending.Clear();
            await db.SaveChangesAsync(cancellationToken);
            // A record already stored that joins a collection is in a new OAI-PMH set: harvesters see it as changed. Its
            // datestamp is set in the store directly (joining is not a revision), and so in the tracked record, which
            // stays unchanged for the tracker (its concurrency token is what the store now holds).
            var ids = moved.Select(r => r.Id).Distinct().ToList();
            foreach (var chunk in ids.Chunk(500))
                await db.Records.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(set => set.SetProperty(r => r.UpdatedAt, now), cancellationToken);
            foreach (var record in moved)
            {
                var updated = db.Entry(record).Property(r => r.UpdatedAt);
                updated.CurrentValue = now;
                updated.OriginalValue = now;
                updated.IsModified = false;
            }
        }
    }

    /// <summary>
    /// The originals an import's records bring (<see cref="ImportItem.Originals"/>), attached in the file's transaction
    /// once the records have their numbers: each file sniffed and stored once by its hash (<see cref="FileStore"/>), not
    /// attached twice to a record. A file missing or not an original fails alone, reported with its record's place;
    /// the record is imported. Attached originals wait to be read (a server reads them, or <c>dossier ocr</c>).
    /// </summary>
    private sealed class Attaching(FileStore? files, string label)
    {
        private readonly List<(ArchivalRecord Record, string Location, IReadOnlyList<string> Paths)> pending = [];

        public void Ask(ArchivalRecord record, ImportItem item)
        {
            if (item.Originals.Count > 0) pending.Add((record, item.Location, item.Originals));
        }

        public async Task<List<ImportEvent>> WriteAsync(DossierDb db, DateTime now, CancellationToken cancellationToken)
        {
            var events = new List<ImportEvent>();
            var ready = pending.Where(p => p.Record.Id != 0).ToList();
            if (ready.Count == 0) return events;
            pending.RemoveAll(p => p.Record.Id != 0);
            if (files is null)
            {
                events.AddRange(ready.Select(p => new ImportEvent(p.Location, ImportOutcome.Failed, "its originals were not attached: this import keeps no files")));
                return events;
            }
            var ids = ready.Select(p => p.Record.Id).Distinct().ToList();
            var held = (await db.Originals.Where(o => ids.Contains(o.ArchivalRecordId)).Select(o => new { o.ArchivalRecordId, o.Sha256, o.Position }).ToListAsync(cancellationToken));
            var hashes = held.Select(h => (h.ArchivalRecordId, h.Sha256)).ToHashSet();
            var positions = held.GroupBy(h => h.ArchivalRecordId).ToDictionary(g => g.Key, g => g.Max(h => h.Position));
            foreach (var (record, location, paths) in ready)
            {
                foreach (var path in paths)
                {
                    var where = $"{location}: original {Path.GetFileName(path)}";
                    if (!File.Exists(path))
                    {
                        events.Add(new(where, ImportOutcome.Failed, "no such file"));
                        continue;
                    }
                    await using var content = File.OpenRead(path);
                    var (stored, refusal) = await OriginalAttachment.StoreAsync(files, content, cancellationToken);
                    if (stored is not var (mediaType, sha256, length))
                    {
                        events.Add(new(where, ImportOutcome.Failed, refusal!));
                        continue;
                    }
                    if (!hashes.Add((record.Id, sha256))) continue;
                    positions[record.Id] = positions.GetValueOrDefault(record.Id) + 1;
                    db.Originals.Add(new Original
                    {
                        ArchivalRecordId = record.Id,
                        Sha256 = sha256,
                        FileName = Path.GetFileName(path),
                        MediaType = mediaType,
                        Length = length,
                        Position = positions[record.Id],
                        AttachedAt = now,
                        AttachedBy = "import of " + (label.Length > 200 ? label[..200] : label),
                    });
                }
            }
            await db.SaveChangesAsync(cancellationToken);
            return events;
        }
    }

    private sealed record StoredCandidates(Dictionary<string, ArchivalRecord> ByRecordId, ILookup<string, ArchivalRecord> ByFingerprint);

    /// <summary>
    /// The record an incoming one is: by Record ID (this file's, then the store's), else by fingerprint. A record
    /// with a Record ID may take over a stored record of the same fingerprint that has none; one without may be
    /// any record of its fingerprint, preferably one without a Record ID.
    /// </summary>
    private static ArchivalRecord? Find(ArchivalRecord incoming, Dictionary<string, ArchivalRecord> byRecordId,
        Dictionary<string, ArchivalRecord> byFingerprint, StoredCandidates stored)
    {
        var fingerprint = incoming.Fingerprint;
        // What this file has already changed is judged as it now stands, not as the store last saw it.
        if (incoming.RecordId is { } recordId)
        {
            if (byRecordId.TryGetValue(recordId, out var seen)) return seen;
            if (stored.ByRecordId.TryGetValue(recordId, out var storedRecord) && storedRecord.RecordId == recordId) return storedRecord;
            if (byFingerprint.TryGetValue(fingerprint, out var seenWithout) && seenWithout.RecordId is null) return seenWithout;
            return stored.ByFingerprint[fingerprint].FirstOrDefault(r => r.RecordId is null && r.Fingerprint == fingerprint);
        }
        if (byFingerprint.TryGetValue(fingerprint, out var seenAny)) return seenAny;
        var candidates = stored.ByFingerprint[fingerprint].Where(r => r.Fingerprint == fingerprint).ToList();
        return candidates.FirstOrDefault(r => r.RecordId is null) ?? candidates.FirstOrDefault();
    }

    private async Task LoadTranscriptsAsync(ArchivalRecord record, CancellationToken cancellationToken)
    {
        var entry = db.Entry(record);
        if (entry.State != EntityState.Added && !entry.Collection(r => r.Transcripts).IsLoaded)
            await entry.Collection(r => r.Transcripts).LoadAsync(cancellationToken);
    }

    /// <summary>Sets the identity and the content hash of a record read from a file.</summary>
    public static void Prepare(ArchivalRecord record)
    {
        record.Fingerprint = RecordFingerprint.Of(record.Title, record.Date);
        record.ContentHash = ContentHash(record);
    }

    public static string ContentHash(ArchivalRecord record)
    {
        var document = RecordDocument.From(record, url: null, fallbackRepository: "") with { Id = null, Citation = null };
        var json = JsonSerializer.Serialize(document, RecordDocument.JsonOptions);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }

    /// <summary>Puts every described field and the transcripts of <paramref name="source"/> into <paramref name="target"/>; the Record ID only when the source has one.</summary>
    public static void CopyInto(ArchivalRecord target, ArchivalRecord source)
    {
        target.RecordId = source.RecordId ?? target.RecordId;
        target.Fingerprint = source.Fingerprint;
        target.Title = source.Title;
        target.Date = source.Date;
        target.Summary = source.Summary;
        target.Type = source.Type;
        target.Classification = source.Classification;
        target.Languages = source.Languages;
        target.Source = source.Source.Clone();
        target.Creators = source.Creators;
        target.Recipients = source.Recipients;
        target.Place = source.Place;
        target.Subjects = source.Subjects;
        target.Notes = source.Notes;
        target.Provenance = source.Provenance;
        target.ObtainedBy = source.ObtainedBy;
        target.Translators = source.Translators;
        target.Donors = source.Donors;
        target.Rights = source.Rights;
        target.UploadedDate = source.UploadedDate;
        target.Repository = source.Repository;
        target.Transcripts.Clear();
        foreach (var t in source.Transcripts) target.Transcripts.Add(new Transcript { Language = t.Language, Text = t.Text, Position = t.Position });
    }

    private static void FillInto(ArchivalRecord target, ArchivalRecord source)
    {
        target.Summary ??= source.Summary;
        target.Type ??= source.Type;
        target.Classification ??= source.Classification;
        if (target.Source.IsEmpty) target.Source = source.Source.Clone();
        if (target.Creators.Count == 0) target.Creators = source.Creators;
        if (target.Recipients.Count == 0) target.Recipients = source.Recipients;
        target.Place ??= source.Place;
        if (target.Subjects.Count == 0) target.Subjects = source.Subjects;
        target.Notes ??= source.Notes;
        target.Provenance ??= source.Provenance;
        if (target.ObtainedBy.Count == 0) target.ObtainedBy = source.ObtainedBy;
        if (target.Translators.Count == 0) target.Translators = source.Translators;
        if (target.Donors.Count == 0) target.Donors = source.Donors;
        target.Rights ??= source.Rights;
        target.UploadedDate ??= source.UploadedDate;
        target.Repository ??= source.Repository;
        foreach (var t in source.Transcripts.Where(t => !target.Transcripts.Any(e => e.Language == t.Language)))
            target.Transcripts.Add(new Transcript { Language = t.Language, Text = t.Text, Position = target.Transcripts.Count });
        foreach (var language in source.Languages.Where(l => !target.Languages.Contains(l)))
            target.Languages = [.. target.Languages, language];
    }
}
