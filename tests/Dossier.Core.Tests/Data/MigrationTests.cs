using Dossier.Data;
using Dossier.Data.Postgres;
using Dossier.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Core.Tests.Data;

public class MigrationTests
{
    [Fact]
    public void Every_model_change_has_its_sqlite_migration()
    {
        // A change to the model without "dotnet run --project tools/AddMigration -- NAME" fails here.
        using var db = new DossierDb(SqliteDatabase.Options(Path.GetTempPath()));
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: add one with tools/AddMigration.");
    }

    [Fact]
    public void Every_model_change_has_its_postgres_migration()
    {
        // The model as PostgreSQL sees it; nothing is connected to.
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(db.Database.HasPendingModelChanges(), "The model has changed since the last migration: add one with tools/AddMigration.");
    }

    [Fact]
    public async Task A_fresh_data_directory_is_migrated_to_an_empty_archive_in_wal_mode()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dossier-tests", "migrate-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using (var db = new DossierDb(SqliteDatabase.Options(directory)))
        {
            await SqliteDatabase.MigrateAsync(db);
            Assert.Equal(0, await db.Records.CountAsync());
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            var mode = await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
            Assert.Equal("wal", mode.Single());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }

    [Fact]
    public async Task A_migration_lock_left_by_a_killed_process_does_not_stop_the_next_start()
    {
        var directory = Path.Combine(Path.GetTempPath(), "dossier-tests", "migrate-lock-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using (var db = new DossierDb(SqliteDatabase.Options(directory)))
        {
            await SqliteDatabase.MigrateAsync(db);
            // What EF Core leaves when the process is killed while it migrates: its lock row, which it waits on forever.
            await db.Database.ExecuteSqlRawAsync("INSERT INTO \"__EFMigrationsLock\" (\"Id\", \"Timestamp\") VALUES (1, '2026-01-01 00:00:00+00:00')");
        }
        await using (var db = new DossierDb(SqliteDatabase.Options(directory)))
        {
            await SqliteDatabase.MigrateAsync(db).WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(0, await db.Database.SqlQueryRaw<int>("SELECT count(*) AS Value FROM \"__EFMigrationsLock\"").SingleAsync());
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
    }
}
