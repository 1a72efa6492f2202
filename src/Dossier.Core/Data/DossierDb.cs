using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Data;

/// <summary>
/// The archive's store: its records and its staff's accounts (ASP.NET Core Identity). One context for every provider;
/// each provider keeps its own migrations.
/// </summary>
public sealed class DossierDb(DbContextOptions<DossierDb> options) : IdentityDbContext<IdentityUser, IdentityRole, string>(options)
{
    public DbSet<ArchivalRecord> Records => Set<ArchivalRecord>();
    public DbSet<Transcript> Transcripts => Set<Transcript>();
    public DbSet<IndexingTask> IndexingTasks => Set<IndexingTask>();

    /// <summary>
    /// Whether this context sees only what a visitor may see: published records that are not deleted, and their
    /// transcripts. True unless turned off, so that a context nobody thought about shows nothing unpublished; the
    /// staff's requests and the archive's own work (import, indexing) turn it off.
    /// </summary>
    public bool PublishedOnly { get; set; } = true;

    /// <summary>This context, seeing every record whatever its state: for the archive's own work and its staff.</summary>
    public DossierDb WholeArchive()
    {
        PublishedOnly = false;
        return this;
    }

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
                source.Ignore(s => s.IsEmpty);
            });
            record.Navigation(r => r.Source).IsRequired();
            record.HasMany(r => r.Transcripts).WithOne().HasForeignKey(t => t.ArchivalRecordId).OnDelete(DeleteBehavior.Cascade);
            record.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            record.HasIndex(r => r.Status);
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
        model.Entity<IndexingTask>(task =>
        {
            task.ToTable("IndexingTasks");
            task.HasKey(t => t.Id);
        });
    }
}
