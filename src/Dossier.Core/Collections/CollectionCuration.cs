using Dossier.Curation;
using Dossier.Data;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Collections;

/// <summary>
/// What editors do to collections: make, describe, make public or not, fill, order, empty and delete them. Each
/// change is saved in one transaction with its audit entry and the indexing tasks of the records whose public
/// collections it changes (search narrows by public collections), so that every node's index follows.
/// </summary>
public sealed class CollectionCuration(DossierDb db, TimeProvider clock)
{
    public const int MaxTitleLength = 500;

    private readonly DossierDb db = db.WholeArchive();

    /// <summary>The account doing the work, named in the audit log.</summary>
    public (string? Id, string? Name) Actor { get; set; }

    /// <summary>Makes a collection, not yet public, last in the list; its slug is made of its title unless one is given.</summary>
    public async Task<Collection> CreateAsync(string title, string? slug, string? description, CancellationToken cancellationToken = default)
    {
        title = CheckTitle(title);
        if (!string.IsNullOrWhiteSpace(slug))
        {
            slug = slug.Trim();
            if (!Collection.IsValidSlug(slug))
                throw new CollectionException($"'{slug}' cannot name a collection: use letters, digits, '-', '_' and '.', starting with a letter or digit, at most {Collection.MaxSlugLength} characters");
            if (await db.Collections.AnyAsync(c => c.Slug == slug, cancellationToken))
                throw new CollectionException($"another collection is named '{slug}'");
        }
        else
        {
            var made = Collection.SlugOf(title);
            slug = made;
            for (var n = 2; await db.Collections.AnyAsync(c => c.Slug == slug, cancellationToken); n++)
                slug = made[..Math.Min(made.Length, Collection.MaxSlugLength - 6)] + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        var now = Now();
        var collection = new Collection
        {
            Slug = slug,
            Title = title,
            Description = Clean(description),
            Position = (await db.Collections.MaxAsync(c => (int?)c.Position, cancellationToken) ?? 0) + 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Collections.Add(collection);
        Audit(AuditEvents.CollectionCreated, $"{collection.Slug}: {collection.Title}");
        await SaveAsync(null, cancellationToken);
        return collection;
    }

    /// <summary>Changes a collection's title and description, and whether visitors see it.</summary>
    public async Task DescribeAsync(Collection collection, string title, string? description, bool isPublic, CancellationToken cancellationToken = default)
    {
        collection.Title = CheckTitle(title);
        collection.Description = Clean(description);
        var now = Now();
        var change = "described";
        var madePublicOrNot = isPublic != collection.IsPublic;
        if (madePublicOrNot)
        {
            collection.PublishedAt = isPublic ? now : null;
            change = isPublic ? "made public" : "made staff-only";
        }
        collection.UpdatedAt = now;
        Audit(AuditEvents.CollectionChanged, $"{collection.Slug}: {change}");
        // The members as they stand in the transaction: one added meanwhile is indexed too.
        await SaveAsync(madePublicOrNot ? () => MembersAsync(collection.Id, cancellationToken) : null, cancellationToken);
    }

    /// <summary>Puts records (by the archive's numbers) at the end of a collection, in the order given; returns how many were not in it yet.</summary>
    public async Task<int> AddAsync(Collection collection, IReadOnlyList<int> recordIds, CancellationToken cancellationToken = default)
    {
        var wanted = recordIds.Distinct().ToList();
        var existing = await db.Records.Where(r => wanted.Contains(r.Id) && r.DeletedAt == null).Select(r => r.Id).ToListAsync(cancellationToken);
        var missing = wanted.Except(existing).ToList();
        if (missing.Count > 0) throw new CollectionException($"the archive has no record (or only a deleted one) numbered {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? ", …" : "")}");
        var already = (await db.CollectionMembers.Where(m => m.CollectionId == collection.Id && wanted.Contains(m.ArchivalRecordId))
            .Select(m => m.ArchivalRecordId).ToListAsync(cancellationToken)).ToHashSet();
        var position = await db.CollectionMembers.Where(m => m.CollectionId == collection.Id).MaxAsync(m => (int?)m.Position, cancellationToken) ?? 0;
        var added = wanted.Where(id => !already.Contains(id)).ToList();
        if (added.Count == 0) return 0;
        foreach (var id in added) db.CollectionMembers.Add(new CollectionMember { CollectionId = collection.Id, ArchivalRecordId = id, Position = ++position });
        collection.UpdatedAt = Now();
        Audit(AuditEvents.CollectionChanged, $"{collection.Slug}: {added.Count} {(added.Count == 1 ? "record" : "records")} added");
        // Indexed whatever the collection's state: it may be made public at this moment by another editor.
        await SaveAsync(() => Task.FromResult<IReadOnlyList<int>>(added), cancellationToken);
        return added.Count;
    }

    /// <summary>Takes records out of a collection (they stay in the archive); returns how many were in it.</summary>
    public async Task<int> RemoveAsync(Collection collection, IReadOnlyList<int> recordIds, CancellationToken cancellationToken = default)
    {
        var members = await db.CollectionMembers.Where(m => m.CollectionId == collection.Id && recordIds.Contains(m.ArchivalRecordId)).ToListAsync(cancellationToken);
        if (members.Count == 0) return 0;
        db.CollectionMembers.RemoveRange(members);
        collection.UpdatedAt = Now();
        Audit(AuditEvents.CollectionChanged, $"{collection.Slug}: {members.Count} {(members.Count == 1 ? "record" : "records")} removed");
        await SaveAsync(() => Task.FromResult<IReadOnlyList<int>>([.. members.Select(m => m.ArchivalRecordId)]), cancellationToken);
        return members.Count;
    }

    /// <summary>Moves a record one place earlier (<paramref name="by"/> −1) or later (+1) in its collection.</summary>
    public async Task MoveRecordAsync(Collection collection, int recordId, int by, CancellationToken cancellationToken = default)
    {
        var members = await db.CollectionMembers.Where(m => m.CollectionId == collection.Id)
            .OrderBy(m => m.Position).ThenBy(m => m.ArchivalRecordId).ToListAsync(cancellationToken);
        if (!Move(members, members.FindIndex(m => m.ArchivalRecordId == recordId), by)) return;
        for (var i = 0; i < members.Count; i++) members[i].Position = i + 1;
        collection.UpdatedAt = Now();
        Audit(AuditEvents.CollectionChanged, $"{collection.Slug}: record {recordId} moved");
        await SaveAsync(null, cancellationToken);
    }

    /// <summary>Orders a collection's records by their dates, undated last, then by title.</summary>
    public async Task OrderByDateAsync(Collection collection, CancellationToken cancellationToken = default)
    {
        var members = await db.CollectionMembers.Include(m => m.Record).Where(m => m.CollectionId == collection.Id).ToListAsync(cancellationToken);
        var ordered = members.OrderBy(m => m.Record!.Date is null).ThenBy(m => m.Record!.Date, StringComparer.Ordinal)
            .ThenBy(m => m.Record!.Title, StringComparer.Ordinal).ThenBy(m => m.ArchivalRecordId).ToList();
        for (var i = 0; i < ordered.Count; i++) ordered[i].Position = i + 1;
        collection.UpdatedAt = Now();
        Audit(AuditEvents.CollectionChanged, $"{collection.Slug}: put in date order");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Moves a collection one place earlier (−1) or later (+1) in the list of collections.</summary>
    public async Task MoveCollectionAsync(Collection collection, int by, CancellationToken cancellationToken = default)
    {
        var all = await db.Collections.OrderBy(c => c.Position).ThenBy(c => c.Id).ToListAsync(cancellationToken);
        if (!Move(all, all.FindIndex(c => c.Id == collection.Id), by)) return;
        for (var i = 0; i < all.Count; i++) all[i].Position = i + 1;
        Audit(AuditEvents.CollectionChanged, $"{collection.Slug}: moved in the list");
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes a collection; its records stay in the archive.</summary>
    public async Task DeleteAsync(Collection collection, CancellationToken cancellationToken = default)
    {
        db.Collections.Remove(collection);
        Audit(AuditEvents.CollectionDeleted, $"{collection.Slug}: {collection.Title}");
        await SaveAsync(() => MembersAsync(collection.Id, cancellationToken), cancellationToken);
    }

    private static bool Move<T>(List<T> items, int index, int by)
    {
        var to = index + Math.Sign(by);
        if (index < 0 || to < 0 || to >= items.Count || by == 0) return false;
        (items[index], items[to]) = (items[to], items[index]);
        return true;
    }

    private async Task<IReadOnlyList<int>> MembersAsync(int collectionId, CancellationToken cancellationToken) =>
        await db.CollectionMembers.Where(m => m.CollectionId == collectionId).Select(m => m.ArchivalRecordId).ToListAsync(cancellationToken);

    /// <summary>
    /// Saves the change, in one transaction with what it does to the records whose collections it changes: their
    /// indexing tasks (search narrows by public collections) and a new datestamp, as their OAI-PMH sets may have
    /// changed and a harvester of a set asks for what changed since its last visit. The datestamp is set in the
    /// store directly: joining a collection is not a change of the record's description, which would be a revision.
    /// </summary>
    private async Task SaveAsync(Func<Task<IReadOnlyList<int>>>? changedRecords, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        foreach (var chunk in (changedRecords is null ? [] : await changedRecords()).Chunk(500))
        {
            await db.Records.Where(r => chunk.Contains(r.Id)).ExecuteUpdateAsync(set => set.SetProperty(r => r.UpdatedAt, now), cancellationToken);
            db.IndexingTasks.AddRange(chunk.Select(id => IndexingTask.For(id, now)));
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another editor's change came first (the same slug taken, the same record added): nothing was saved.
            throw new CollectionException("the collection was changed meanwhile by someone else; nothing was saved: look at it again");
        }
        await transaction.CommitAsync(cancellationToken);
    }

    private void Audit(string what, string detail) =>
        db.AuditLog.Add(new AuditEntry { At = Now(), Event = what, UserId = Actor.Id, UserName = Actor.Name, Detail = detail.Length > 2000 ? detail[..2000] : detail });

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string CheckTitle(string? title)
    {
        var trimmed = title?.Trim() ?? "";
        if (trimmed.Length == 0) throw new CollectionException("a collection needs a title");
        if (trimmed.Length > MaxTitleLength) throw new CollectionException($"a collection's title has at most {MaxTitleLength} characters");
        return trimmed;
    }

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>A change of a collection that cannot be made, with the reason an editor reads.</summary>
public sealed class CollectionException(string message) : Exception(message);
