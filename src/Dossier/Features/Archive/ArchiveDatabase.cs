using Dossier.Data;
using Dossier.Data.Postgres;
using Dossier.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Archive;

/// <summary>The archive's database: the SQLite file in the data directory, or the PostgreSQL database its options name.</summary>
public static class ArchiveDatabase
{
    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, ArchiveOptions archive) =>
        archive.Database switch
        {
            null => SqliteDatabase.Configure(options, SqliteDatabase.ConnectionString(archive.DataDirectory)),
            var named when PostgresDatabase.Names(named) => PostgresDatabase.Configure(options, named),
            var file => SqliteDatabase.Configure(options, file),
        };

    public static DbContextOptions<DossierDb> Options(ArchiveOptions archive)
    {
        var builder = new DbContextOptionsBuilder<DossierDb>();
        Configure(builder, archive);
        return builder.Options;
    }

    public static bool IsPostgres(ArchiveOptions archive) => archive.Database is { } named && PostgresDatabase.Names(named);

    /// <summary>What the database is, for messages: never its password.</summary>
    public static string Describe(ArchiveOptions archive) =>
        IsPostgres(archive) ? PostgresDatabase.Describe(archive.Database!)
        : "SQLite database " + (archive.Database ?? Path.Combine(archive.DataDirectory, SqliteDatabase.FileName));

    /// <summary>
    /// Refreshes the statistics the database plans its queries by, after a bulk write: until PostgreSQL's autovacuum
    /// comes round to the new rows, a record's page may be planned as a scan of every transcript.
    /// </summary>
    public static Task RefreshStatisticsAsync(DossierDb db, CancellationToken cancellationToken = default) =>
        db.Database.ExecuteSqlRawAsync(db.Database.IsSqlite() ? "PRAGMA optimize" : "ANALYZE", cancellationToken);

    /// <summary>Creates or upgrades the schema. Several nodes starting at once on one PostgreSQL take turns (EF Core locks the migrations).</summary>
    public static Task MigrateAsync(DossierDb db, CancellationToken cancellationToken = default) =>
        db.Database.IsSqlite() ? SqliteDatabase.MigrateAsync(db, cancellationToken) : db.Database.MigrateAsync(cancellationToken);
}
