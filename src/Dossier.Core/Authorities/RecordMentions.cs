using Dossier.Data;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Authorities;

/// <summary>
/// Keeps records' mentions in step with their text: the finder reads a record's title, summary and transcripts as one
/// text (so that a full name anywhere makes its surname certain everywhere) and its proposals replace the previous
/// ones; editors' decisions stay as they are. Written by whoever saves a record's text, in the same transaction, so
/// that the index takes the mentions with the text.
/// </summary>
public static class RecordMentions
{
    /// <summary>The names a record's description gives beside its text: subjects, senders, recipients.</summary>
    public static IEnumerable<string> NamedBySource(ArchivalRecord record) => record.Subjects.Concat(record.Creators).Concat(record.Recipients);

    /// <summary>The year a record was written, which weighs whom its names can mean.</summary>
    public static int? YearOf(ArchivalRecord record) =>
        record.Date is { Length: >= 4 } date && int.TryParse(date[..4], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var year) ? year : null;

    /// <summary>The text a record's mentions are read from.</summary>
    public static string TextOf(ArchivalRecord record) =>
        string.Join("\n\n", new[] { record.Title, record.Summary }.Concat(record.Transcripts.OrderBy(t => t.Position).Select(t => t.Text))
            .Where(t => !string.IsNullOrWhiteSpace(t)));

    /// <summary>
    /// Finds the mentions of records the context tracks (with their transcripts) and adds, changes or removes their
    /// stored mentions and name candidates in the context, to be saved with them. Records must have their numbers.
    /// Returns the records whose asserted mentions changed (the index must take them again).
    /// </summary>
    public static async Task<List<int>> RefreshAsync(DossierDb db, IReadOnlyCollection<ArchivalRecord> records, MentionFinder finder, DateTime now, CancellationToken cancellationToken)
    {
        var changed = new List<int>();
        if (records.Count == 0) return changed;
        var ids = records.Select(r => r.Id).Distinct().ToList();
        var stored = (await db.Mentions.IgnoreQueryFilters().Where(m => ids.Contains(m.ArchivalRecordId)).ToListAsync(cancellationToken)).ToLookup(m => m.ArchivalRecordId);
        var candidates = (await db.NameCandidates.Where(c => ids.Contains(c.ArchivalRecordId)).ToListAsync(cancellationToken)).ToLookup(c => c.ArchivalRecordId);
        foreach (var record in records.DistinctBy(r => r.Id))
        {
            var text = TextOf(record);
            // The record's year weighs who its names can mean.
            var year = YearOf(record);
            // Its subjects (the people its source associates with it), sender and recipient name people in full beside the text.
            var reading = record.DeletedAt is null ? finder.Read(text, year, NamedBySource(record)) : new MentionReading([], []);
            var found = Strongest(reading.Mentions, text);
            var existing = stored[record.Id].ToDictionary(m => m.AuthorityId);
            var assertedBefore = existing.Values.Where(m => m.Asserted).Select(m => m.AuthorityId).ToHashSet();
            var assertedNow = new HashSet<int>(existing.Values.Where(m => m.State == MentionState.Confirmed).Select(m => m.AuthorityId));
            foreach (var (authorityId, f) in found)
            {
                if (!existing.TryGetValue(authorityId, out var mention))
                {
                    mention = Mention.Proposed(record.Id, authorityId, f.Certainty, f.Count, now);
                    db.Mentions.Add(mention);
                }
                else if (mention.Certainty != f.Certainty || mention.Count != f.Count) mention.Found(f.Certainty, f.Count);
                if (mention.Score != f.Score) mention.Score = f.Score;
                if (mention.Reason != f.Reason) mention.Reason = f.Reason;
                if (mention.Evidence != f.Evidence) mention.Evidence = f.Evidence;
                if (mention.Context != f.Context) mention.Context = f.Context;
                if (mention.Asserted) assertedNow.Add(authorityId);
            }
            if (!assertedNow.SetEquals(assertedBefore)) changed.Add(record.Id);
            // What the text no longer says is no longer proposed; what an editor decided stays, found or not.
            foreach (var gone in existing.Values.Where(m => !found.ContainsKey(m.AuthorityId)))
            {
                if (gone.State == MentionState.Proposed) db.Mentions.Remove(gone);
                else if (gone.Count != 0) gone.Found(gone.Certainty, 0);
            }
            var names = reading.Unmatched.ToDictionary(u => u.Key, u => u.Name, StringComparer.Ordinal);
            foreach (var old in candidates[record.Id])
                if (!names.Remove(old.Key)) db.NameCandidates.Remove(old);
            foreach (var (key, name) in names)
                db.NameCandidates.Add(new NameCandidate { ArchivalRecordId = record.Id, Key = Cut(key, Authority.MaxNameLength * 2), Name = Cut(name, Authority.MaxNameLength) });
        }
        return changed;
    }

    /// <summary>
    /// Reads every record's mentions again (after authorities were imported, merged or changed), in batches of
    /// <paramref name="batchSize"/>, each saved in one transaction with indexing tasks for the records whose asserted
    /// mentions changed. Records are read in the order of their numbers; <paramref name="onlyRecords"/> narrows them.
    /// </summary>
    public static async Task<MentionFindingReport> FindAllAsync(DossierDb db, MentionFinder finder, TimeProvider clock, IReadOnlyCollection<int>? onlyRecords = null,
        IProgress<(int Done, int Total)>? progress = null, int batchSize = 500, CancellationToken cancellationToken = default)
    {
        db.WholeArchive();
        var report = new MentionFindingReport();
        var all = db.Records.Where(r => r.DeletedAt == null).Include(r => r.Transcripts).AsSplitQuery();
        // Chosen records are read a batch of their numbers at a time (never the whole list with every batch); all
        // records, after the last number read.
        using var chosen = onlyRecords?.Order().Chunk(batchSize).GetEnumerator();
        var total = onlyRecords?.Count ?? await all.CountAsync(cancellationToken);
        var after = 0;
        while (true)
        {
            List<ArchivalRecord> batch;
            if (chosen is not null)
            {
                if (!chosen.MoveNext()) break;
                var ids = chosen.Current;
                batch = await all.Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            }
            else
            {
                batch = await all.Where(r => r.Id > after).OrderBy(r => r.Id).Take(batchSize).ToListAsync(cancellationToken);
                if (batch.Count == 0) break;
                after = batch[^1].Id;
            }
            var now = clock.GetUtcNow().UtcDateTime;
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                var changed = await RefreshAsync(db, batch, finder, now, cancellationToken);
                report.Proposed += db.ChangeTracker.Entries<Mention>().Count(e => e.State == EntityState.Added);
                db.IndexingTasks.AddRange(changed.Select(id => Search.IndexingTask.For(id, now)));
                await db.SaveChangesAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                report.Reindexed += changed.Count;
            }
            db.ChangeTracker.Clear();
            report.Records += batch.Count;
            progress?.Report((report.Records, Math.Max(total, report.Records)));
        }
        return report;
    }

    /// <summary>Each authority a text names, with the surest reading of it (and why), how often it is named and where first.</summary>
    private static Dictionary<int, (MentionCertainty Certainty, int Count, string Evidence, string Context, double Score, string? Reason)> Strongest(IReadOnlyList<FoundMention> mentions, string text)
    {
        var found = new Dictionary<int, (MentionCertainty Certainty, int Count, string Evidence, string Context, double Score, string? Reason)>();
        foreach (var m in mentions)
        {
            // An ambiguous reading proposes each of its candidates.
            var ids = m.AuthorityId is { } id ? [id] : m.Candidates;
            var certainty = m.AuthorityId is null ? MentionCertainty.Ambiguous : m.Certainty;
            foreach (var authorityId in ids)
            {
                var reason = Cut(m.Reason ?? "", Mention.MaxReasonLength);
                if (found.TryGetValue(authorityId, out var seen))
                {
                    var surer = certainty < seen.Certainty || (certainty == seen.Certainty && m.Score > seen.Score);
                    found[authorityId] = surer
                        ? (certainty, seen.Count + 1, Cut(m.Text, Mention.MaxEvidenceLength), Around(text, m), m.Score, reason)
                        : seen with { Count = seen.Count + 1 };
                }
                else found[authorityId] = (certainty, 1, Cut(m.Text, Mention.MaxEvidenceLength), Around(text, m), m.Score, reason);
            }
        }
        return found;
    }

    /// <summary>The words around a mention, cut at spaces, on one line.</summary>
    private static string Around(string text, FoundMention m)
    {
        const int side = 100;
        var start = Math.Max(0, m.Start - side);
        var end = Math.Min(text.Length, m.Start + m.Length + side);
        if (start > 0 && text.IndexOf(' ', start, m.Start - start) is var s and >= 0) start = s + 1;
        if (end < text.Length && text.LastIndexOf(' ', end - 1, end - (m.Start + m.Length)) is var e and >= 0) end = e;
        var around = string.Join(' ', text[start..end].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Cut((start > 0 ? "…" : "") + around + (end < text.Length ? "…" : ""), Mention.MaxContextLength);
    }

    private static string Cut(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";
}

/// <summary>Indexing of the records that name some authorities, whose names changed.</summary>
public static class NamingRecords
{
    /// <summary>Writes an indexing task for every record an asserted mention links to one of the authorities; returns how many.</summary>
    public static async Task<int> ReindexAsync(DossierDb db, IReadOnlyCollection<int> authorityIds, TimeProvider clock, CancellationToken cancellationToken)
    {
        var total = 0;
        foreach (var chunk in authorityIds.Chunk(500))
        {
            var records = await db.Mentions.IgnoreQueryFilters().Where(m => m.Asserted && chunk.Contains(m.AuthorityId))
                .Select(m => m.ArchivalRecordId).Distinct().ToListAsync(cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            db.IndexingTasks.AddRange(records.Select(id => Search.IndexingTask.For(id, now)));
            await db.SaveChangesAsync(cancellationToken);
            total += records.Count;
        }
        return total;
    }
}

public sealed class MentionFindingReport
{
    /// <summary>Records read.</summary>
    public int Records { get; set; }

    /// <summary>Mentions new to the store (proposed or asserted).</summary>
    public int Proposed { get; set; }

    /// <summary>Records whose asserted mentions changed, given to the index again.</summary>
    public int Reindexed { get; set; }
}

/// <summary>
/// The finder of the archive's authorities as they are now, made again when they change (an import, an editor's
/// change): one per process, shared by every save, as building it reads every name.
/// </summary>
public sealed class MentionPatterns
{
    private readonly SemaphoreSlim building = new(1, 1);

    // Replaced whole, never changed: a reader sees one finder with its own stamp.
    private sealed record Built(string Stamp, MentionFinder Finder);

    private Built? current;

    public async Task<MentionFinder> GetAsync(DossierDb db, CancellationToken cancellationToken)
    {
        var stamp = await StampAsync(db, cancellationToken);
        if (Volatile.Read(ref current) is { } known && known.Stamp == stamp) return known.Finder;
        await building.WaitAsync(cancellationToken);
        try
        {
            if (Volatile.Read(ref current) is { } built && built.Stamp == stamp) return built.Finder;
            var names = await db.AuthorityNames.AsNoTracking().Where(n => n.Form != NameForm.Title)
                .Select(n => new { n.AuthorityId, n.Name }).ToListAsync(cancellationToken);
            var whole = (await db.Authorities.AsNoTracking().Where(a => a.Kind != AuthorityKind.Person).Select(a => a.Id).ToListAsync(cancellationToken)).ToHashSet();
            // What the file says of each person weighs the readings of their names against a record's time.
            var facts = await db.Authorities.AsNoTracking().Where(a => a.Kind == AuthorityKind.Person)
                .Select(a => new { a.Id, a.BirthYear, a.DeathYear, a.ActiveFrom, a.ActiveTo, a.Description })
                .ToDictionaryAsync(a => a.Id, a => new AuthorityFacts(a.BirthYear, a.DeathYear, a.ActiveFrom, a.ActiveTo, a.Description), cancellationToken);
            var finder = new MentionFinder(names.GroupBy(n => n.AuthorityId).Select(g => (g.Key, g.Select(n => n.Name))), whole, facts);
            Volatile.Write(ref current, new Built(stamp, finder));
            return finder;
        }
        finally
        {
            building.Release();
        }
    }

    // Authorities change by adding, removing (a merge) or updating one, which moves its UpdatedAt.
    private static async Task<string> StampAsync(DossierDb db, CancellationToken cancellationToken)
    {
        var authorities = await db.Authorities.CountAsync(cancellationToken);
        var names = await db.AuthorityNames.CountAsync(cancellationToken);
        var latest = await db.Authorities.MaxAsync(a => (DateTime?)a.UpdatedAt, cancellationToken);
        return $"{authorities}/{names}/{latest?.Ticks}";
    }
}
