using System.Globalization;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Authorities;

/// <summary>
/// What editors do to authorities and mentions: make and describe authorities, merge two that are one, split one that
/// is two, confirm or reject the finder's proposals, link a record by hand, dismiss a name candidate. Each change is
/// one transaction with its audit entry and the indexing tasks of the records whose asserted mentions it changes.
/// A change of names reads again the records that may write them (found by the search index), so that the finder's
/// proposals follow the authorities as they now are.
/// </summary>
public sealed class AuthorityCuration(DossierDb db, TimeProvider clock, MentionPatterns patterns, RecordIndex index)
{
    private readonly DossierDb db = db.WholeArchive();

    /// <summary>The account doing the work, named in the audit log and on decided mentions.</summary>
    public (string? Id, string? Name) Actor { get; set; }

    public async Task<Mention> DecideAsync(int mentionId, MentionState state, CancellationToken cancellationToken = default)
    {
        var mention = await db.Mentions.Include(m => m.Authority).FirstOrDefaultAsync(m => m.Id == mentionId, cancellationToken)
                      ?? throw new AuthorityException($"there is no mention {mentionId}");
        var was = mention.Asserted;
        mention.Decide(state, Actor.Name ?? Actor.Id, Now());
        Audit(state switch { MentionState.Confirmed => AuditEvents.MentionConfirmed, MentionState.Rejected => AuditEvents.MentionRejected, _ => AuditEvents.MentionReopened },
            $"{mention.Authority.PreferredName} ({mention.AuthorityId})", mention.ArchivalRecordId);
        await SaveAsync(was == mention.Asserted ? [] : [mention.ArchivalRecordId], cancellationToken);
        return mention;
    }

    /// <summary>An editor says a record names an authority, whether or not the finder found it.</summary>
    public async Task<Mention> LinkAsync(int recordId, int authorityId, CancellationToken cancellationToken = default)
    {
        if (!await db.Records.AnyAsync(r => r.Id == recordId && r.DeletedAt == null, cancellationToken)) throw new AuthorityException($"there is no record {recordId}");
        var authority = await db.Authorities.FirstOrDefaultAsync(a => a.Id == authorityId, cancellationToken)
                        ?? throw new AuthorityException($"there is no authority {authorityId}");
        var mention = await db.Mentions.FirstOrDefaultAsync(m => m.ArchivalRecordId == recordId && m.AuthorityId == authorityId, cancellationToken);
        var was = mention?.Asserted ?? false;
        if (mention is null)
        {
            mention = Mention.Proposed(recordId, authorityId, MentionCertainty.Certain, 0, Now());
            db.Mentions.Add(mention);
        }
        mention.Decide(MentionState.Confirmed, Actor.Name ?? Actor.Id, Now());
        Audit(AuditEvents.MentionConfirmed, $"{authority.PreferredName} ({authority.Id}), linked by hand", recordId);
        await SaveAsync(was ? [] : [recordId], cancellationToken);
        return mention;
    }

    /// <summary>Makes an authority from what an editor wrote, then finds its mentions.</summary>
    public async Task<Authority> CreateAsync(AuthorityForm form, CancellationToken cancellationToken = default)
    {
        var authority = new Authority { CreatedAt = Now() };
        form.ApplyTo(authority);
        authority.UpdatedAt = authority.CreatedAt;
        db.Authorities.Add(authority);
        Audit(AuditEvents.AuthorityCreated, $"{authority.PreferredName} ({authority.Kind})");
        await SaveAsync([], cancellationToken);
        await RefindAsync([authority.Id], cancellationToken);
        return authority;
    }

    /// <summary>Describes an authority again; the names it no longer bears are no longer proposed, new ones are.</summary>
    public async Task UpdateAsync(int id, AuthorityForm form, CancellationToken cancellationToken = default)
    {
        var authority = await FindAsync(id, cancellationToken);
        form.ApplyTo(authority);
        authority.UpdatedAt = Now();
        Audit(AuditEvents.AuthorityChanged, $"{authority.PreferredName} ({authority.Id})");
        await SaveAsync(await RecordsOfAsync([id], cancellationToken), cancellationToken);
        await RefindAsync([id], cancellationToken);
    }

    /// <summary>
    /// Two authorities that are one person (place, organization): <paramref name="fromId"/>'s names become variants of
    /// <paramref name="intoId"/>, its mentions move (an editor's decision on either stands, a confirmation over a
    /// rejection), and its address goes on to the one it became.
    /// </summary>
    public async Task<Authority> MergeAsync(int fromId, int intoId, CancellationToken cancellationToken = default)
    {
        if (fromId == intoId) throw new AuthorityException("an authority cannot be merged into itself");
        var from = await FindAsync(fromId, cancellationToken);
        var into = await FindAsync(intoId, cancellationToken);
        if (from.Kind != into.Kind) throw new AuthorityException($"{from.PreferredName} is a {AuthorityKinds.Name(from.Kind)} and {into.PreferredName} a {AuthorityKinds.Name(into.Kind)}: only authorities of one kind merge");
        var now = Now();
        var known = into.Names.Select(n => (n.Form == NameForm.Title, n.Key)).ToHashSet();
        foreach (var name in from.Names)
        {
            var form = name.Form == NameForm.Title ? NameForm.Title : NameForm.Variant;
            if (known.Add((form == NameForm.Title, name.Key))) into.Names.Add(AuthorityName.Of(name.Name, form));
        }
        into.Description ??= from.Description;
        (into.BirthYear, into.DeathYear, into.Viaf, into.Wikidata, into.Latitude, into.Longitude) =
            (into.BirthYear ?? from.BirthYear, into.DeathYear ?? from.DeathYear, into.Viaf ?? from.Viaf, into.Wikidata ?? from.Wikidata, into.Latitude ?? from.Latitude, into.Longitude ?? from.Longitude);
        // One person's years at work are both records' together.
        (into.ActiveFrom, into.ActiveTo) = (Min(into.ActiveFrom, from.ActiveFrom), Max(into.ActiveTo, from.ActiveTo));
        into.UpdatedAt = now;
        var touched = await RecordsOfAsync([fromId, intoId], cancellationToken);
        var theirs = await db.Mentions.Where(m => m.AuthorityId == intoId).ToDictionaryAsync(m => m.ArchivalRecordId, cancellationToken);
        foreach (var mention in await db.Mentions.Where(m => m.AuthorityId == fromId).ToListAsync(cancellationToken))
        {
            if (theirs.TryGetValue(mention.ArchivalRecordId, out var kept))
            {
                if (Rank(mention.State) > Rank(kept.State)) kept.Decide(mention.State, mention.DecidedBy, mention.DecidedAt ?? now);
                kept.Found(mention.Certainty < kept.Certainty ? mention.Certainty : kept.Certainty, kept.Count + mention.Count);
                db.Mentions.Remove(mention);
            }
            else
            {
                var moved = Mention.Proposed(mention.ArchivalRecordId, intoId, mention.Certainty, mention.Count, mention.FoundAt);
                if (mention.State != MentionState.Proposed) moved.Decide(mention.State, mention.DecidedBy, mention.DecidedAt ?? now);
                (moved.Evidence, moved.Context) = (mention.Evidence, mention.Context);
                db.Mentions.Remove(mention);
                db.Mentions.Add(moved);
            }
        }
        // Addresses that led to the merged one lead on to the one it became.
        foreach (var earlier in await db.AuthorityRedirects.Where(r => r.ToId == fromId).ToListAsync(cancellationToken)) earlier.ToId = intoId;
        db.AuthorityRedirects.Add(new AuthorityRedirect { FromId = fromId, ToId = intoId, MergedAt = now });
        db.Authorities.Remove(from);
        Audit(AuditEvents.AuthoritiesMerged, $"{from.PreferredName} ({fromId}) into {into.PreferredName} ({intoId})");
        await SaveAsync(touched, cancellationToken);
        await RefindAsync([intoId], cancellationToken);
        return into;
    }

    // Which decision a merge keeps when both authorities had one for a record: a confirmation over a rejection over a proposal.
    private static int Rank(MentionState state) => state switch { MentionState.Confirmed => 2, MentionState.Rejected => 1, _ => 0 };

    /// <summary>
    /// One authority that is two: the names chosen go to a new authority of the same kind (the first chosen is its
    /// preferred name). The finder's proposals of both are read again; mentions editors confirmed stay with the first,
    /// for an editor to move where they belong.
    /// </summary>
    public async Task<Authority> SplitAsync(int id, IReadOnlyCollection<int> nameIds, CancellationToken cancellationToken = default)
    {
        var authority = await FindAsync(id, cancellationToken);
        var chosen = authority.Names.Where(n => nameIds.Contains(n.Id)).ToList();
        if (chosen.Count == 0) throw new AuthorityException("choose the names that belong to the other " + AuthorityKinds.Name(authority.Kind));
        if (!chosen.Any(n => n.Form != NameForm.Title)) throw new AuthorityException("choose at least one name that is not a title");
        if (authority.Names.Except(chosen).All(n => n.Form == NameForm.Title)) throw new AuthorityException($"leave {authority.PreferredName} at least one name that is not a title");
        var now = Now();
        var preferred = chosen.First(n => n.Form != NameForm.Title);
        var split = new Authority { Kind = authority.Kind, PreferredName = preferred.Name, CreatedAt = now, UpdatedAt = now };
        foreach (var name in chosen)
        {
            authority.Names.Remove(name);
            split.Names.Add(AuthorityName.Of(name.Name, name == preferred ? NameForm.Preferred : name.Form == NameForm.Title ? NameForm.Title : NameForm.Variant));
        }
        if (!authority.Names.Any(n => n.Form == NameForm.Preferred))
        {
            var next = authority.Names.First(n => n.Form != NameForm.Title);
            next.Form = NameForm.Preferred;
            authority.PreferredName = next.Name;
        }
        authority.UpdatedAt = now;
        db.Authorities.Add(split);
        Audit(AuditEvents.AuthoritySplit, $"{split.PreferredName} taken out of {authority.PreferredName} ({id})");
        // The records that name it are indexed again: the names they are searched by have changed.
        await SaveAsync(await RecordsOfAsync([id], cancellationToken), cancellationToken);
        await RefindAsync([id, split.Id], cancellationToken);
        return split;
    }

    /// <summary>A recurring name that is nobody an archive would describe ("Top Secret", "Dear Sir"): not proposed again.</summary>
    public async Task DismissAsync(string key, CancellationToken cancellationToken = default)
    {
        if (await db.DismissedNames.AnyAsync(d => d.Key == key, cancellationToken)) return;
        db.DismissedNames.Add(new DismissedName { Key = key, DismissedAt = Now(), DismissedBy = Actor.Name ?? Actor.Id });
        Audit(AuditEvents.NameDismissed, key);
        await SaveAsync([], cancellationToken);
    }

    /// <summary>
    /// Reads again the records that may name these authorities (those the index finds their surnames in, and those
    /// that already mention them), with the finder of the authorities as they are now. Returns how many were read.
    /// </summary>
    public async Task<int> RefindAsync(IReadOnlyCollection<int> authorityIds, CancellationToken cancellationToken = default)
    {
        var names = await db.AuthorityNames.AsNoTracking().Where(n => authorityIds.Contains(n.AuthorityId) && n.Form != NameForm.Title)
            .Select(n => n.Name).ToListAsync(cancellationToken);
        // The surname (before a comma) or every word of a name in its own order: the words a mention of it holds.
        // Short words and the particles of names ("de", "la", "van", "New") would match most of the archive.
        var words = names.SelectMany(n => AuthorityName.Words(n.Contains(',', StringComparison.Ordinal) ? n[..n.IndexOf(',', StringComparison.Ordinal)] : n))
            .Where(w => w.Length > 2 && !Particles.Contains(w));
        var records = index.RecordsWithWords(words).ToHashSet();
        records.UnionWith(await RecordsOfAsync(authorityIds, cancellationToken));
        if (records.Count == 0) return 0;
        var finder = await patterns.GetAsync(db, cancellationToken);
        var report = await RecordMentions.FindAllAsync(db, finder, clock, records, cancellationToken: cancellationToken);
        return report.Records;
    }

    private static readonly HashSet<string> Particles = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "and", "von", "van", "der", "den", "del", "della", "los", "las", "les", "des", "new", "saint", "san", "santa", "bin", "ibn", "abu",
    };

    private Task<List<int>> RecordsOfAsync(IReadOnlyCollection<int> authorityIds, CancellationToken cancellationToken) =>
        db.Mentions.Where(m => authorityIds.Contains(m.AuthorityId)).Select(m => m.ArchivalRecordId).Distinct().ToListAsync(cancellationToken);

    private async Task<Authority> FindAsync(int id, CancellationToken cancellationToken) =>
        await db.Authorities.Include(a => a.Names).FirstOrDefaultAsync(a => a.Id == id, cancellationToken)
        ?? throw new AuthorityException($"there is no authority {id}");

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private void Audit(string what, string detail, int? recordId = null) =>
        db.AuditLog.Add(new AuditEntry { At = Now(), Event = what, UserId = Actor.Id, UserName = Actor.Name, RecordId = recordId, Detail = detail });

    private async Task SaveAsync(IReadOnlyCollection<int> reindexed, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = Now();
        db.IndexingTasks.AddRange(reindexed.Distinct().Select(id => IndexingTask.For(id, now)));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static int? Min(int? a, int? b) => a is null ? b : b is null ? a : Math.Min(a.Value, b.Value);

    private static int? Max(int? a, int? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}

/// <summary>What an editor writes of an authority: names one a line, years, identifiers and coordinates as text, checked here.</summary>
public sealed class AuthorityForm
{
    public AuthorityKind Kind { get; set; }
    public string? PreferredName { get; set; }
    public string? Variants { get; set; }
    public string? Titles { get; set; }
    public string? Description { get; set; }
    public string? BirthYear { get; set; }
    public string? DeathYear { get; set; }
    public string? Viaf { get; set; }
    public string? Wikidata { get; set; }
    public string? Latitude { get; set; }
    public string? Longitude { get; set; }

    public static AuthorityForm Of(Authority a) => new()
    {
        Kind = a.Kind,
        PreferredName = a.PreferredName,
        Variants = string.Join('\n', a.Names.Where(n => n.Form == NameForm.Variant).Select(n => n.Name)),
        Titles = string.Join('\n', a.Names.Where(n => n.Form == NameForm.Title).Select(n => n.Name)),
        Description = a.Description,
        BirthYear = a.BirthYear?.ToString(CultureInfo.InvariantCulture),
        DeathYear = a.DeathYear?.ToString(CultureInfo.InvariantCulture),
        Viaf = a.Viaf,
        Wikidata = a.Wikidata,
        Latitude = a.Latitude?.ToString(CultureInfo.InvariantCulture),
        Longitude = a.Longitude?.ToString(CultureInfo.InvariantCulture),
    };

    /// <summary>Puts what was written into an authority, or throws <see cref="AuthorityException"/> saying what is wrong.</summary>
    public void ApplyTo(Authority a)
    {
        var preferred = (PreferredName ?? "").Trim();
        if (preferred.Length == 0 || AuthorityName.KeyOf(preferred).Length == 0) throw new AuthorityException("the preferred name is missing");
        if (preferred.Length > Authority.MaxNameLength) throw new AuthorityException($"the preferred name is longer than {Authority.MaxNameLength} characters");
        var variants = Lines(Variants, "variant");
        var titles = Lines(Titles, "title");
        var birth = Year(BirthYear, "year of birth");
        var death = Year(DeathYear, "year of death");
        if (birth > death) throw new AuthorityException("the year of death comes before the year of birth");
        var latitude = Coordinate(Latitude, "latitude", 90);
        var longitude = Coordinate(Longitude, "longitude", 180);
        if (latitude.HasValue != longitude.HasValue) throw new AuthorityException("give both latitude and longitude, or neither");
        var viaf = Identifier(Viaf, "VIAF", c => char.IsAsciiDigit(c));
        var wikidata = Identifier(Wikidata, "Wikidata", c => char.IsAsciiDigit(c) || c == 'Q');
        if (wikidata is not null && (wikidata[0] != 'Q' || wikidata.Length < 2)) throw new AuthorityException($"'{wikidata}' is not a Wikidata item (Q and digits)");

        (a.Kind, a.PreferredName, a.Description, a.BirthYear, a.DeathYear, a.Viaf, a.Wikidata, a.Latitude, a.Longitude) =
            (Kind, preferred, string.IsNullOrWhiteSpace(Description) ? null : Description.Trim(), birth, death, viaf, wikidata, latitude, longitude);
        // Names are kept where they stay (their numbers with them), added where new, taken off where gone.
        var wanted = new List<(string Name, NameForm Form)> { (preferred, NameForm.Preferred) };
        wanted.AddRange(variants.Where(v => v != preferred).Select(v => (v, NameForm.Variant)));
        wanted.AddRange(titles.Select(t => (t, NameForm.Title)));
        wanted = [.. wanted.DistinctBy(w => (w.Form == NameForm.Title, w.Name))];
        foreach (var gone in a.Names.Where(n => !wanted.Any(w => w.Name == n.Name && (w.Form == NameForm.Title) == (n.Form == NameForm.Title))).ToList()) a.Names.Remove(gone);
        foreach (var (name, form) in wanted)
        {
            var kept = a.Names.FirstOrDefault(n => n.Name == name && (n.Form == NameForm.Title) == (form == NameForm.Title));
            if (kept is null) a.Names.Add(AuthorityName.Of(name, form));
            else kept.Form = form;
        }
    }

    private static List<string> Lines(string? text, string what)
    {
        var lines = (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal).ToList();
        if (lines.FirstOrDefault(l => l.Length > Authority.MaxNameLength) is { } longLine) throw new AuthorityException($"the {what} '{longLine[..40]}…' is longer than {Authority.MaxNameLength} characters");
        if (lines.Count > 500) throw new AuthorityException($"more than 500 {what}s");
        return lines;
    }

    private static int? Year(string? text, string what)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (int.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) && year is >= -3000 and <= 3000) return year;
        throw new AuthorityException($"'{text.Trim()}' is not a {what} (a whole number, negative before the common era)");
    }

    private static double? Coordinate(string? text, string what, double limit)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && Math.Abs(value) <= limit) return value;
        throw new AuthorityException($"'{text.Trim()}' is not a {what} (decimal degrees, −{limit} to {limit})");
    }

    private static string? Identifier(string? text, string what, Func<char, bool> allowed)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var value = text.Trim();
        if (value.Length > 32 || !value.All(allowed)) throw new AuthorityException($"'{value}' is not a {what} identifier");
        return value;
    }
}

/// <summary>A change editors asked that cannot be made; its message says why.</summary>
public sealed class AuthorityException(string message) : Exception(message);
