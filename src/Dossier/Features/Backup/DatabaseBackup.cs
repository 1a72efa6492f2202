using Dossier.Data;
using Dossier.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Backup;

/// <summary>
/// The database's part of a backup and of a restore: the one place that knows which database the archive uses.
/// SQLite is copied into the backup; a PostgreSQL database is dumped and restored with PostgreSQL's own tools
/// (pg_dump, pg_restore), and the backup holds the rest: the data directory's files and the counts that let a
/// restore check that the database put back beside it is the same archive.
/// </summary>
internal static class DatabaseBackup
{
    public const string Sqlite = "sqlite";
    public const string Postgres = "postgresql";

    /// <summary>The backup's folder for the database's copy.</summary>
    public const string Folder = "database";

    /// <summary>The database's own files in the data directory: copied through the database, never as files.</summary>
    public static IReadOnlySet<string> LiveFiles { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        SqliteDatabase.FileName,
        SqliteDatabase.FileName + "-wal",
        SqliteDatabase.FileName + "-shm",
        SqliteDatabase.FileName + "-journal",
    };

    /// <summary>Copies the database into <paramref name="folder"/> as one consistent snapshot; returns its kind and what the copy holds.</summary>
    public static async Task<(string Kind, ArchiveCounts Counts)> CopyAsync(DossierDb db, string folder, CancellationToken cancellationToken)
    {
        if (!db.Database.IsSqlite())
        {
            // Counted in one snapshot, as pg_dump reads one: taken just before or after it, they should match its dump.
            await using var snapshot = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
            return (Postgres, await ArchiveCounts.ReadAsync(db, cancellationToken));
        }
        var source = db.Database.GetConnectionString()!;
        if (!File.Exists(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(source).DataSource))
            throw new BackupException("there is no archive here: the data directory holds no database");
        Directory.CreateDirectory(folder);
        var copy = Path.Combine(folder, SqliteDatabase.FileName);
        await SqliteDatabase.BackupAsync(source, copy, cancellationToken);
        // Counted in the copy, not the live database: the manifest describes what the backup holds.
        await using var copied = new DossierDb(SqliteDatabase.ReadOnlyOptions(copy));
        return (Sqlite, await ArchiveCounts.ReadAsync(copied, cancellationToken));
    }

    /// <summary>Throws when a backup's database of <paramref name="kind"/> cannot be put back as the database <paramref name="db"/> opens.</summary>
    public static void EnsureRestorable(string kind, DossierDb db)
    {
        var target = db.Database.IsSqlite() ? Sqlite : Postgres;
        if (kind == target) return;
        throw new NotSupportedException(kind == Postgres
            ? "this backup is of a PostgreSQL archive: restore its database with pg_restore first, then run dossier restore with --database naming it (see docs/operations.md)"
            : $"this backup holds an SQLite database, and the archive's database is {target}; restore it without --database");
    }

    /// <summary>Puts the database of a backup in place for the archive <paramref name="db"/> opens; that database must not exist yet.</summary>
    public static async Task RestoreAsync(string kind, string folder, DossierDb db, string dataDirectory, CancellationToken cancellationToken)
    {
        EnsureRestorable(kind, db);
        // A PostgreSQL database is already back (pg_restore): the restore checks it against the manifest's counts.
        if (kind == Postgres) return;
        await SqliteDatabase.RestoreAsync(Path.Combine(folder, SqliteDatabase.FileName), dataDirectory, cancellationToken);
    }
}
