using Dossier.Data;
using Dossier.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Backup;

/// <summary>
/// The database's part of a backup and of a restore: the one place that knows which database the archive uses.
/// SQLite is copied into the backup; a server database (PostgreSQL) is dumped with its own tools instead.
/// </summary>
internal static class DatabaseBackup
{
    public const string Sqlite = "sqlite";

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
            throw new NotSupportedException(
                "dossier backup copies an SQLite database only so far; dump a PostgreSQL database with pg_dump (see docs/operations.md)");
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
        if (kind != Sqlite || !db.Database.IsSqlite())
        {
            throw new NotSupportedException(
                $"dossier restore puts back an SQLite database only so far (this backup's is {kind}); restore a PostgreSQL database from its pg_dump with pg_restore (see docs/operations.md)");
        }
    }

    /// <summary>Puts the database of a backup in place for the archive <paramref name="db"/> opens; that database must not exist yet.</summary>
    public static async Task RestoreAsync(string kind, string folder, DossierDb db, string dataDirectory, CancellationToken cancellationToken)
    {
        EnsureRestorable(kind, db);
        await SqliteDatabase.RestoreAsync(Path.Combine(folder, SqliteDatabase.FileName), dataDirectory, cancellationToken);
    }
}
