using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Import;
using Dossier.Import.JsonLines;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Tests;

/// <summary>
/// The CLI's import indexes records as it writes them. What a failed file had written must leave the index as the
/// store has it, and what others wrote meanwhile must still be followed. Real SQLite file, real Lucene index.
/// </summary>
public sealed class ImportIndexingTests : IDisposable
{
    private readonly string data = TempDirectory.Create("import-indexing");

    [Fact]
    public async Task A_failed_file_leaves_the_index_as_the_store_is_and_other_writers_are_followed()
    {
        var options = SqliteDatabase.Options(data);
        await using (var db = new DossierDb(options)) await SqliteDatabase.MigrateAsync(db);
        using var index = RecordIndex.Open(Path.Combine(data, "index"));

        var first = Lines("first.jsonl",
            """{"recordId":"K1","title":"Berlin as first described","date":"1961-08-13"}""",
            """{"title":"A note on Warsaw","date":"1961-08-14"}""",
            """{"title":"A note on Budapest","date":"1961-08-15"}""");
        var report = await ImportAsync(options, index, first);
        Assert.Equal(3, report.Imported);
        Assert.Equal(1, index.Search("Berlin", 1, 10).Total);

        // Another writer (a second import while this one runs, another node) whose tasks this import did not write.
        await using (var db = new DossierDb(options))
            await new RecordImport(db, [new JsonLinesImporter()], TimeProvider.System) { Publish = true }.RunAsync([Lines("other.jsonl", """{"title":"A note on Lisbon","date":"1962"}""")]);
        await using (var db = new DossierDb(options))
        {
            await db.Database.ExecuteSqlRawAsync(
                "CREATE TRIGGER refuse BEFORE INSERT ON Records WHEN NEW.Title LIKE '%refused%' BEGIN SELECT RAISE(ABORT, 'the store refused the write'); END;");
        }
        // More than one batch: the first is written (and handed to the index) before the store refuses the last line.
        var failing = Lines("failing.jsonl",
        [
            """{"recordId":"K1","title":"Berlin described again in Vienna","date":"1961-08-13"}""",
            .. Enumerable.Range(0, 600).Select(i => $$"""{"title":"Record {{i}} from Havana","date":"1962-10-01"}"""),
            """{"title":"A refused record","date":"1962"}""",
        ]);
        var good = Lines("good.jsonl", """{"title":"A note on Prague","date":"1968"}""");

        report = await ImportAsync(options, index, failing, good);

        Assert.EndsWith("failing.jsonl", report.Failures.Single().Location);
        Assert.Equal(1, report.Imported);
        Assert.Equal(0, index.Search("Havana", 1, 10).Total);
        Assert.Equal(0, index.Search("Vienna", 1, 10).Total);
        Assert.Equal("Berlin as first described", index.Search("Berlin", 1, 10).Hits.Single().Title);
        Assert.Equal(1, index.Search("Prague", 1, 10).Total);
        Assert.Equal(1, index.Search("Lisbon", 1, 10).Total);
        Assert.Equal(5, index.Count);
        await using (var db = new DossierDb(options))
            Assert.Equal(await db.IndexingTasks.MaxAsync(t => t.Id), index.Position);
    }

    private static async Task<ImportReport> ImportAsync(DbContextOptions<DossierDb> options, RecordIndex index, params string[] files)
    {
        await using var db = new DossierDb(options);
        var indexing = new ImportIndexing(index, () => new DossierDb(options));
        var import = new RecordImport(db, [new JsonLinesImporter()], TimeProvider.System) { Written = indexing, Publish = true };
        var report = await import.RunAsync(files);
        await indexing.FinishAsync(db);
        return report;
    }

    private string Lines(string name, params string[] lines)
    {
        var path = Path.Combine(data, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        TempDirectory.Delete(data);
    }
}
