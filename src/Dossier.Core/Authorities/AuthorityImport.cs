using Dossier.Data;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Authorities;

/// <summary>
/// Brings authority records into the archive: one from a source it has already (by <see cref="Authority.SourceId"/>)
/// is updated — its description, years, identifiers and names as the source now gives them, the names editors
/// added kept — and a new one is added. Written in batches, each in one transaction; an item that cannot be read is
/// reported with its place and the others are imported.
/// </summary>
public sealed class AuthorityImport(DossierDb db, TimeProvider clock)
{
    private const int BatchSize = 500;

    public async Task<AuthorityImportReport> RunAsync(IEnumerable<AuthorityItem> items, IProgress<int>? progress = null, CancellationToken cancellationToken = default)
    {
        var report = new AuthorityImportReport();
        foreach (var chunk in items.Chunk(BatchSize))
        {
            foreach (var failed in chunk.Where(i => i.Authority is null)) report.Failures.Add((failed.Location, failed.Error ?? "not readable"));
            var incoming = chunk.Select(i => i.Authority).OfType<Authority>().ToList();
            var sources = incoming.Select(a => a.SourceId).OfType<string>().Distinct().ToList();
            var stored = await db.Authorities.Include(a => a.Names).Where(a => a.SourceId != null && sources.Contains(a.SourceId))
                .ToDictionaryAsync(a => a.SourceId!, StringComparer.Ordinal, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            foreach (var authority in incoming)
            {
                if (authority.SourceId is { } source && stored.TryGetValue(source, out var existing))
                {
                    if (Update(existing, authority))
                    {
                        existing.UpdatedAt = now;
                        report.Updated++;
                        report.UpdatedIds.Add(existing.Id);
                    }
                    else report.Unchanged++;
                    continue;
                }
                authority.CreatedAt = authority.UpdatedAt = now;
                db.Authorities.Add(authority);
                if (authority.SourceId is { } added) stored[added] = authority;
                report.Imported++;
            }
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            progress?.Report(report.Imported + report.Updated + report.Unchanged + report.Failures.Count);
        }
        return report;
    }

    /// <summary>Puts what the source now says into a stored authority; whether anything changed.</summary>
    private static bool Update(Authority stored, Authority incoming)
    {
        var changed = stored.PreferredName != incoming.PreferredName || stored.Description != incoming.Description || stored.BirthYear != incoming.BirthYear
                      || stored.DeathYear != incoming.DeathYear || stored.Viaf != incoming.Viaf || stored.Wikidata != incoming.Wikidata
                      || stored.Latitude != incoming.Latitude || stored.Longitude != incoming.Longitude || stored.Kind != incoming.Kind
                      || stored.ActiveFrom != incoming.ActiveFrom || stored.ActiveTo != incoming.ActiveTo;
        (stored.ActiveFrom, stored.ActiveTo) = (incoming.ActiveFrom, incoming.ActiveTo);
        (stored.PreferredName, stored.Description, stored.BirthYear, stored.DeathYear, stored.Viaf, stored.Wikidata, stored.Latitude, stored.Longitude, stored.Kind) =
            (incoming.PreferredName, incoming.Description, incoming.BirthYear, incoming.DeathYear, incoming.Viaf ?? stored.Viaf, incoming.Wikidata ?? stored.Wikidata,
                incoming.Latitude ?? stored.Latitude, incoming.Longitude ?? stored.Longitude, incoming.Kind);
        // Names the source gives that the record lacks are added; names it has (the source's earlier ones, editors') stay.
        var known = stored.Names.Select(n => (n.Form, n.Key)).ToHashSet();
        foreach (var name in incoming.Names.Where(n => !known.Contains((n.Form, n.Key))))
        {
            if (name.Form == NameForm.Preferred)
            {
                foreach (var old in stored.Names.Where(n => n.Form == NameForm.Preferred)) old.Form = NameForm.Variant;
            }
            stored.Names.Add(new AuthorityName { Name = name.Name, Form = name.Form, Key = name.Key });
            changed = true;
        }
        return changed;
    }
}

public sealed class AuthorityImportReport
{
    public int Imported { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }

    /// <summary>The authorities updated: the records that name them are searched by their names, which may have changed.</summary>
    public List<int> UpdatedIds { get; } = [];
    public List<(string Location, string Reason)> Failures { get; } = [];
}
