using Dossier.Accounts;
using Dossier.Authorities;
using Dossier.Collections;
using Dossier.Curation;
using Dossier.Originals;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Data;

/// <summary>
/// The archive's store: its records, its staff's accounts (ASP.NET Core Identity) and the keys that protect their
/// sessions, which every node of the archive shares. One context for every provider; each provider keeps its own migrations.
/// </summary>
public sealed class DossierDb(DbContextOptions<DossierDb> options) : IdentityDbContext<IdentityUser, IdentityRole, string>(options), IDataProtectionKeyContext
{
    public DbSet<ArchivalRecord> Records => Set<ArchivalRecord>();
    public DbSet<Transcript> Transcripts => Set<Transcript>();
    public DbSet<Collection> Collections => Set<Collection>();
    public DbSet<CollectionMember> CollectionMembers => Set<CollectionMember>();
    public DbSet<Original> Originals => Set<Original>();
    public DbSet<OriginalPage> OriginalPages => Set<OriginalPage>();
    public DbSet<FixityCheck> FixityChecks => Set<FixityCheck>();
    public DbSet<Authority> Authorities => Set<Authority>();
    public DbSet<AuthorityName> AuthorityNames => Set<AuthorityName>();
    public DbSet<Mention> Mentions => Set<Mention>();
    public DbSet<NameCandidate> NameCandidates => Set<NameCandidate>();
    public DbSet<DismissedName> DismissedNames => Set<DismissedName>();
    public DbSet<AuthorityRedirect> AuthorityRedirects => Set<AuthorityRedirect>();
    public DbSet<IndexingTask> IndexingTasks => Set<IndexingTask>();
    public DbSet<Revision> Revisions => Set<Revision>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SavedSearch> SavedSearches => Set<SavedSearch>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static readonly (string Change, string? UserId, string? UserName) Unattributed = ("changed", null, null);
    private (string Change, string? UserId, string? UserName) revising = Unattributed;

    /// <summary>What the next saves do to records and who does it: each record they add or change gets a revision saying so.</summary>
    public DossierDb Revising(string change, string? userId = null, string? userName = null)
    {
        revising = (change, userId, userName);
        return this;
    }

    /// <summary>
    /// Whether this context sees only what a visitor may see: published records that are not deleted, and their
    /// transcripts. True unless turned off, so that a context nobody thought about shows nothing unpublished; the
    /// staff's requests and the archive's own work (import, indexing) turn it off.
    /// </summary>
    public bool PublishedOnly { get; set; } = true;

    /// <summary>
    /// This context as a new one starts: seeing what a visitor sees, revising as "changed" by nobody. A pooled context
    /// is reset so before each request borrows it; EF Core resets its change tracker itself.
    /// </summary>
    public DossierDb Fresh()
    {
        PublishedOnly = true;
        revising = Unattributed;
        return this;
    }

    /// <summary>This context, seeing every record whatever its state: for the archive's own work and its staff.</summary>
    public DossierDb WholeArchive()
    {
        PublishedOnly = false;
        return this;
    }

    /// <summary>
    /// Saves, and writes a revision of every record the save added or changed, in the same transaction: a change
    /// cannot be saved without its revision, whichever code made it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Revisions are written by a second save, which needs the first one's changes accepted.
        if (!acceptAllChangesOnSuccess) throw new NotSupportedException("records are saved with their changes accepted");
        var changed = ChangeTracker.Entries<ArchivalRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified).Select(e => e.Entity).ToList();
        var transcriptsOf = ChangeTracker.Entries<Transcript>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted).Select(e => e.Entity.ArchivalRecordId).ToHashSet();
        changed.AddRange(ChangeTracker.Entries<ArchivalRecord>().Where(e => e.State == EntityState.Unchanged && transcriptsOf.Contains(e.Entity.Id)).Select(e => e.Entity));
        if (changed.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        var added = changed.Where(r => Entry(r).State == EntityState.Added).ToHashSet(ReferenceEqualityComparer.Instance);

        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            var records = changed.DistinctBy(r => r.Id).ToList();
            var ids = records.Select(r => r.Id).ToList();
            var last = await Revisions.Where(v => ids.Contains(v.ArchivalRecordId)).GroupBy(v => v.ArchivalRecordId)
                .Select(g => new { g.Key, Number = g.Max(v => v.Number) }).ToDictionaryAsync(g => g.Key, g => g.Number, cancellationToken);
            var visitorsOnly = PublishedOnly;
            PublishedOnly = false;
            try
            {
                foreach (var record in records)
                {
                    // The whole record is kept, transcripts included, even when the change did not load them.
                    var transcripts = Entry(record).Collection(r => r.Transcripts);
                    if (!transcripts.IsLoaded && !added.Contains(record)) await transcripts.LoadAsync(cancellationToken);
                    Revisions.Add(new Revision
                    {
                        ArchivalRecordId = record.Id,
                        Number = last.GetValueOrDefault(record.Id) + 1,
                        CreatedAt = record.UpdatedAt,
                        UserId = revising.UserId,
                        UserName = revising.UserName,
                        Change = revising.Change,
                        Snapshot = RecordSnapshot.Of(record).Compress(),
                    });
                }
            }
            finally
            {
                PublishedOnly = visitorsOnly;
            }
            saved += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return saved;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>Records are saved with their revisions, which needs the asynchronous save.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries<ArchivalRecord>().Any(e => e.State != EntityState.Unchanged)
            ? throw new NotSupportedException("save records with SaveChangesAsync, which writes their revisions")
            : base.SaveChanges(acceptAllChangesOnSuccess);

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<ArchivalRecord>(record =>
        {
            record.ToTable("Records");
            record.HasIndex(r => r.RecordId).IsUnique();
            record.HasIndex(r => r.Fingerprint);
            record.HasIndex(r => r.Date);
            record.HasIndex(r => r.CreatedAt);
            // OAI-PMH lists and feeds read records in the order of their changes and publications.
            record.HasIndex(r => r.UpdatedAt);
            record.HasIndex(r => r.PublishedAt);
            record.Property(r => r.RecordId).HasMaxLength(64);
            record.Property(r => r.Fingerprint).HasMaxLength(64);
            record.Property(r => r.Date).HasMaxLength(10);
            record.Property(r => r.UploadedDate).HasMaxLength(10);
            record.Property(r => r.ContentHash).HasMaxLength(64);
            record.OwnsOne(r => r.Source, source =>
            {
                source.Property(s => s.Text).HasColumnName("SourceText");
                source.Property(s => s.Archive).HasColumnName("SourceArchive");
                source.Property(s => s.Fond).HasColumnName("SourceFond");
                source.Property(s => s.Opis).HasColumnName("SourceOpis");
                source.Property(s => s.Papka).HasColumnName("SourcePapka");
                source.Property(s => s.Delo).HasColumnName("SourceDelo");
                source.Property(s => s.Pages).HasColumnName("SourcePages");
                source.Property(s => s.Reel).HasColumnName("SourceReel");
                source.Property(s => s.Box).HasColumnName("SourceBox");
                source.Property(s => s.Item).HasColumnName("SourceItem");
                source.Ignore(s => s.IsEmpty);
            });
            record.Navigation(r => r.Source).IsRequired();
            record.HasMany(r => r.Transcripts).WithOne().HasForeignKey(t => t.ArchivalRecordId).OnDelete(DeleteBehavior.Cascade);
            record.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            record.HasIndex(r => r.Status);
            // Two changes of one record at once (two editors, an editor and the embargo's end): the later one fails
            // instead of overwriting the first with what it read before.
            record.Property(r => r.UpdatedAt).IsConcurrencyToken();
            record.Property(r => r.WithdrawalReason).HasMaxLength(2000);
            record.Property(r => r.OwnerId).HasMaxLength(450);
            record.HasOne<IdentityUser>().WithMany().HasForeignKey(r => r.OwnerId).OnDelete(DeleteBehavior.SetNull);
            // The one place where a visitor's view of the archive is decided: every query of records passes here.
            record.HasQueryFilter(r => !PublishedOnly || (r.Status == PublicationStatus.Published && r.DeletedAt == null));
        });
        model.Entity<Transcript>(transcript =>
        {
            transcript.ToTable("Transcripts");
            transcript.Property(t => t.Language).HasMaxLength(35);
            transcript.HasIndex(t => new { t.ArchivalRecordId, t.Position });
            // A transcript is seen when its record is (the records' filter applies inside).
            transcript.HasQueryFilter(t => !PublishedOnly || Records.Any(r => r.Id == t.ArchivalRecordId));
        });
        model.Entity<Collection>(collection =>
        {
            collection.ToTable("Collections");
            collection.HasIndex(c => c.Slug).IsUnique();
            collection.Property(c => c.Slug).HasMaxLength(Collection.MaxSlugLength);
            collection.Property(c => c.Title).HasMaxLength(500);
            collection.Ignore(c => c.IsPublic);
            // A collection an editor has not made public does not exist for a visitor.
            collection.HasQueryFilter(c => !PublishedOnly || c.PublishedAt != null);
        });
        model.Entity<CollectionMember>(member =>
        {
            member.ToTable("CollectionMembers");
            member.HasKey(m => new { m.CollectionId, m.ArchivalRecordId });
            member.HasIndex(m => new { m.CollectionId, m.Position });
            member.HasIndex(m => m.ArchivalRecordId);
            member.HasOne(m => m.Collection).WithMany(c => c.Members).HasForeignKey(m => m.CollectionId).OnDelete(DeleteBehavior.Cascade);
            member.HasOne(m => m.Record).WithMany(r => r.Collections).HasForeignKey(m => m.ArchivalRecordId).OnDelete(DeleteBehavior.Cascade);
            // A visitor sees a record's place in a collection when both are public.
            member.HasQueryFilter(m => !PublishedOnly || (Records.Any(r => r.Id == m.ArchivalRecordId) && Collections.Any(c => c.Id == m.CollectionId)));
        });
        model.Entity<Original>(original =>
        {
            original.ToTable("Originals");
            original.HasOne(o => o.Record).WithMany(r => r.Originals).HasForeignKey(o => o.ArchivalRecordId).OnDelete(DeleteBehavior.Cascade);
            original.HasIndex(o => new { o.ArchivalRecordId, o.Position });
            original.HasIndex(o => o.Sha256);
            original.HasIndex(o => new { o.State, o.NextAttemptAt });
            original.Property(o => o.Sha256).HasMaxLength(64);
            original.Property(o => o.FileName).HasMaxLength(Original.MaxFileNameLength);
            original.Property(o => o.MediaType).HasMaxLength(64);
            original.Property(o => o.AttachedBy).HasMaxLength(256);
            original.Property(o => o.Problem).HasMaxLength(2000);
            original.Property(o => o.State).HasConversion<string>().HasMaxLength(16);
            // The lease is the reader's token: a save of a reader whose lease another reader took over (or of an
            // original taken off meanwhile) fails instead of overwriting the other's work.
            original.Property(o => o.LeasedUntil).IsConcurrencyToken();
            original.HasMany(o => o.Pages).WithOne().HasForeignKey(p => p.OriginalId).OnDelete(DeleteBehavior.Cascade);
            // An original is seen when its record is.
            original.HasQueryFilter(o => !PublishedOnly || Records.Any(r => r.Id == o.ArchivalRecordId));
        });
        model.Entity<OriginalPage>(page =>
        {
            page.ToTable("OriginalPages");
            page.HasIndex(p => new { p.OriginalId, p.Number }).IsUnique();
            page.Property(p => p.Source).HasConversion<string>().HasMaxLength(16);
            page.HasQueryFilter(p => !PublishedOnly || Originals.Any(o => o.Id == p.OriginalId));
        });
        model.Entity<Authority>(authority =>
        {
            authority.ToTable("Authorities");
            authority.Property(a => a.Kind).HasConversion<string>().HasMaxLength(16);
            authority.Property(a => a.PreferredName).HasMaxLength(Authority.MaxNameLength);
            authority.Property(a => a.Viaf).HasMaxLength(32);
            authority.Property(a => a.Wikidata).HasMaxLength(32);
            authority.Property(a => a.SourceId).HasMaxLength(200);
            authority.HasIndex(a => a.SourceId).IsUnique();
            authority.HasIndex(a => new { a.Kind, a.PreferredName });
            // The latest change is read at every letter typed in the search box and every save of a record's text (the
            // finders' stamps): from the index, not from rows that carry long descriptions.
            authority.HasIndex(a => a.UpdatedAt);
            authority.HasMany(a => a.Names).WithOne().HasForeignKey(n => n.AuthorityId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<AuthorityName>(name =>
        {
            name.ToTable("AuthorityNames");
            name.Property(n => n.Name).HasMaxLength(Authority.MaxNameLength);
            name.Property(n => n.Key).HasMaxLength(Authority.MaxNameLength * 2);
            name.Property(n => n.Form).HasConversion<string>().HasMaxLength(16);
            name.HasIndex(n => n.Key);
            name.HasIndex(n => n.AuthorityId);
        });
        model.Entity<Mention>(mention =>
        {
            mention.ToTable("Mentions");
            mention.HasIndex(m => new { m.ArchivalRecordId, m.AuthorityId }).IsUnique();
            // Counts and lists of an authority's records read the asserted mentions by authority.
            mention.HasIndex(m => new { m.AuthorityId, m.Asserted });
            mention.HasIndex(m => new { m.State, m.Certainty });
            mention.Property(m => m.State).HasConversion<string>().HasMaxLength(16);
            mention.Property(m => m.Certainty).HasConversion<string>().HasMaxLength(16);
            mention.Property(m => m.Evidence).HasMaxLength(Mention.MaxEvidenceLength);
            mention.Property(m => m.Context).HasMaxLength(Mention.MaxContextLength);
            mention.Property(m => m.Reason).HasMaxLength(Mention.MaxReasonLength);
            mention.Property(m => m.DecidedBy).HasMaxLength(256);
            mention.HasOne(m => m.Record).WithMany(r => r.Mentions).HasForeignKey(m => m.ArchivalRecordId).OnDelete(DeleteBehavior.Cascade);
            mention.HasOne(m => m.Authority).WithMany().HasForeignKey(m => m.AuthorityId).OnDelete(DeleteBehavior.Cascade);
            // A visitor sees what the archive asserts of the records they may see, never an editor's proposals.
            mention.HasQueryFilter(m => !PublishedOnly || (m.Asserted && Records.Any(r => r.Id == m.ArchivalRecordId)));
        });
        model.Entity<NameCandidate>(candidate =>
        {
            candidate.ToTable("NameCandidates");
            candidate.Property(c => c.Key).HasMaxLength(Authority.MaxNameLength * 2);
            candidate.Property(c => c.Name).HasMaxLength(Authority.MaxNameLength);
            candidate.HasIndex(c => c.ArchivalRecordId);
            candidate.HasIndex(c => c.Key);
            candidate.HasOne<ArchivalRecord>().WithMany().HasForeignKey(c => c.ArchivalRecordId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<DismissedName>(dismissed =>
        {
            dismissed.ToTable("DismissedNames");
            dismissed.HasKey(d => d.Key);
            dismissed.Property(d => d.Key).HasMaxLength(Authority.MaxNameLength * 2);
            dismissed.Property(d => d.DismissedBy).HasMaxLength(256);
        });
        model.Entity<AuthorityRedirect>(redirect =>
        {
            redirect.ToTable("AuthorityRedirects");
            redirect.HasKey(r => r.FromId);
            redirect.HasIndex(r => r.ToId);
        });
        model.Entity<FixityCheck>(check =>
        {
            check.ToTable("FixityChecks");
            check.HasIndex(c => c.StartedAt);
            check.Property(c => c.Node).HasMaxLength(256);
            check.Ignore(c => c.Passed);
        });
        model.Entity<Revision>(revision =>
        {
            revision.ToTable("Revisions");
            revision.HasIndex(r => new { r.ArchivalRecordId, r.Number }).IsUnique();
            revision.Property(r => r.Change).HasMaxLength(2000);
            revision.Property(r => r.UserName).HasMaxLength(256);
            // Revisions are history: they outlive the record's deletion (a tombstone) and the account's removal.
            revision.HasOne<ArchivalRecord>().WithMany().HasForeignKey(r => r.ArchivalRecordId).OnDelete(DeleteBehavior.Restrict);
        });
        model.Entity<AuditEntry>(entry =>
        {
            entry.ToTable("AuditLog");
            entry.HasIndex(e => e.At);
            entry.Property(e => e.Event).HasMaxLength(64);
            entry.Property(e => e.UserName).HasMaxLength(256);
            entry.Property(e => e.Address).HasMaxLength(64);
            entry.Property(e => e.Detail).HasMaxLength(2000);
        });
        model.Entity<ApiToken>(token =>
        {
            token.ToTable("ApiTokens");
            token.HasIndex(t => t.Hash).IsUnique();
            token.Property(t => t.Hash).HasMaxLength(64);
            token.Property(t => t.Start).HasMaxLength(32);
            token.Property(t => t.Name).HasMaxLength(200);
            token.HasOne<IdentityUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<SavedSearch>(saved =>
        {
            saved.ToTable("SavedSearches");
            saved.HasIndex(s => s.FeedKey).IsUnique();
            saved.HasIndex(s => s.UserId);
            saved.Property(s => s.FeedKey).HasMaxLength(64);
            saved.Property(s => s.Name).HasMaxLength(200);
            saved.Property(s => s.Query).HasMaxLength(SavedSearch.MaxQueryLength);
            saved.HasOne<IdentityUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        model.Entity<IndexingTask>(task =>
        {
            task.ToTable("IndexingTasks");
            task.HasKey(t => t.Id);
        });
    }
}
