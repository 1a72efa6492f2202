using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Tests;

/// <summary>An index that does not match its store (it stands further than the store) is brought back to it. Real SQLite file, real Lucene index.</summary>
public sealed class IndexRecoveryTests : IDisposable
{
    private readonly string data = TempDirectory.Create("index-recovery");

    [Fact]
    public async Task An_index_ahead_of_a_database_put_back_from_an_older_copy_is_rebuilt_instead_of_skipping_new_changes()
    {
        var options = SqliteDatabase.Options(data);
        await using (var db = new DossierDb(options)) await SqliteDatabase.MigrateAsync(db);
        using var index = RecordIndex.Open(Path.Combine(data, "index"));
        await ImportAsync(index, VersionedRecords.Write(data, "first.jsonl", ["R-1", "R-2"], 1));
        var older = Path.Combine(TempDirectory.Create("index-recovery-copy"), "dossier.db");
        await SqliteDatabase.BackupAsync(SqliteDatabase.ConnectionString(data), older);
        await ImportAsync(index, VersionedRecords.Write(data, "lost.jsonl", ["Lost-1", "Lost-2"], 1));
        Assert.Equal(4, index.Count);

        // The database goes back to the older copy; the index stays as it was, past every task the copy holds.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(data, SqliteDatabase.FileName + "*")) File.Delete(file);
        File.Copy(older, Path.Combine(data, SqliteDatabase.FileName));
        // A new change takes the task numbers of the lost ones again.
        await ImportAsync(index, VersionedRecords.Write(data, "new.jsonl", ["New-1"], 1));

        Assert.Equal(0, index.Search("Lost", 1, 10).Total);
        Assert.Equal(1, index.Search("New", 1, 10).Total);
        Assert.Equal(3, index.Count);
        await using (var db = new DossierDb(options))
            Assert.Equal(await db.IndexingTasks.MaxAsync(t => t.Id), index.Position);
    }

    private async Task ImportAsync(RecordIndex index, string file)
    {
        await using var db = new DossierDb(SqliteDatabase.Options(data));
        var report = await new RecordImport(db, [new JsonLinesImporter()], TimeProvider.System) { Publish = true }.RunAsync([file]);
        Assert.Equal(0, report.Failed);
        await new RecordIndexer(db, index).CatchUpAsync();
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempDirectory.Delete(data);
    }
}
