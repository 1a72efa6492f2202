using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Dossier.Data.Sqlite;

/// <summary>The embedded default: one SQLite file in the data directory, migrations kept in this assembly.</summary>
public static class SqliteDatabase
{
    public const string FileName = "dossier.db";

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, FileName),
        // The CLI may write while the server reads; a busy database is waited for, not failed.
        DefaultTimeout = 30,
        Pooling = true,
    }.ToString();

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(SqliteDatabase).Assembly.GetName().Name));

    public static DbContextOptions<DossierDb> Options(string dataDirectory)
    {
        var builder = new DbContextOptionsBuilder<DossierDb>();
        Configure(builder, ConnectionString(dataDirectory));
        return builder.Options;
    }

    /// <summary>Creates or upgrades the database and sets it to write-ahead logging, so readers never wait for a writer.</summary>
    public static async Task MigrateAsync(DossierDb db, CancellationToken cancellationToken = default)
    {
        // EF Core's migration lock on SQLite is a row in the database: a process killed while holding it (every start
        // takes it) leaves it behind, and every later start waits for it forever. A file lock dies with its process;
        // every process migrates holding it, so whoever holds it is the only one migrating and a lock row is stale.
        var file = new SqliteConnectionStringBuilder(db.Database.GetConnectionString()).DataSource;
        using var migrating = await LockFileAsync(file + "-migration.lock", cancellationToken);
        if (await db.Database.SqlQueryRaw<long>("SELECT count(*) AS Value FROM sqlite_master WHERE type = 'table' AND name = '__EFMigrationsLock'")
                .SingleAsync(cancellationToken) > 0)
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsLock\";", cancellationToken);
        await db.Database.MigrateAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
    }

    private static async Task<FileStream> LockFileAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                // .NET locks a file opened without sharing for the life of the handle, across processes.
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process is migrating; it takes seconds at most.
                await Task.Delay(100, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Copies the database into a new file while others may be writing to it: SQLite's online backup, in one step,
    /// reads one consistent snapshot. The copy is one self-contained file (no write-ahead log beside it).
    /// </summary>
    public static async Task BackupAsync(string connectionString, string target, CancellationToken cancellationToken = default)
    {
        if (File.Exists(target)) throw new IOException($"{target} exists already");
        await using var source = new SqliteConnection(connectionString);
        await source.OpenAsync(cancellationToken);
        await using var copy = new SqliteConnection(Unpooled(target, SqliteOpenMode.ReadWriteCreate));
        await copy.OpenAsync(cancellationToken);
        // Stepwise copying would start over whenever another process writes between two steps, possibly forever.
        source.BackupDatabase(copy);
        await using var command = copy.CreateCommand();
        command.CommandText = "PRAGMA journal_mode=DELETE;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>Puts a copy made by <see cref="BackupAsync"/> in place as the database of a data directory that has none.</summary>
    public static async Task RestoreAsync(string copy, string dataDirectory, CancellationToken cancellationToken = default)
    {
        var target = Path.Combine(dataDirectory, FileName);
        if (File.Exists(target)) throw new IOException($"{target} exists already");
        // Written under another name and renamed: a restore cut short leaves no database that looks whole.
        var partial = target + ".restoring";
        File.Delete(partial);
        await using (var source = new SqliteConnection(Unpooled(copy, SqliteOpenMode.ReadOnly)))
        await using (var restored = new SqliteConnection(Unpooled(partial, SqliteOpenMode.ReadWriteCreate)))
        {
            await source.OpenAsync(cancellationToken);
            await restored.OpenAsync(cancellationToken);
            source.BackupDatabase(restored);
        }
        File.Move(partial, target);
    }

    /// <summary>Options for a database file outside the data directory (a backup's copy), read without keeping it open.</summary>
    public static DbContextOptions<DossierDb> ReadOnlyOptions(string file)
    {
        var builder = new DbContextOptionsBuilder<DossierDb>();
        Configure(builder, Unpooled(file, SqliteOpenMode.ReadOnly));
        return builder.Options;
    }

    // Without pooling, closing the connection closes the file: a copy can be hashed, moved or deleted at once.
    private static string Unpooled(string file, SqliteOpenMode mode) =>
        new SqliteConnectionStringBuilder { DataSource = file, Mode = mode, Pooling = false }.ToString();
}

/// <summary>For the migrations tool (tools/AddMigration): a context on a throw-away file.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<DossierDb>
{
    public DossierDb CreateDbContext(string[] args) =>
        new(Options(Path.GetTempPath()));

    private static DbContextOptions<DossierDb> Options(string directory) => SqliteDatabase.Options(directory);
}
