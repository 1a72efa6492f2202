using System.Text;
using System.Text.Json.Nodes;
using Dossier.Core.Tests;
using Dossier.Data;
using Dossier.Import;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

public abstract class ImportTests(Provider provider)
{
    [SkippableFact]
    public async Task Importing_the_same_pages_again_changes_and_duplicates_nothing()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var first = await archive.ImportAsync(Corpus.ArchivePages);
        Assert.Equal(5, first.Imported);
        Assert.Equal(0, first.Failed);

        var before = await archive.GetJsonAsync("/api/search");
        var second = await archive.ImportAsync(Corpus.ArchivePages);
        Assert.Equal(0, second.Imported);
        Assert.Equal(0, second.Updated);
        Assert.Equal(5, second.Unchanged);

        var after = await archive.GetJsonAsync("/api/search");
        Assert.Equal(5, after["total"]!.GetValue<int>());
        // The same records in the same order (the time the search took may differ).
        Assert.True(JsonNode.DeepEquals(before["hits"], after["hits"]));
    }

    [SkippableFact]
    public async Task A_changed_page_updates_its_record_and_the_index_follows()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("changed");
        var page = Path.Combine(folder, "page.txt");
        File.Copy(Corpus.Page("004"), page);
        await archive.ImportAsync(page);
        var id = await archive.FindAsync("recordId:177840");

        File.WriteAllText(page, File.ReadAllText(page).Replace("Guevara praises recent letters", "Guevara warmly praises recent letters", StringComparison.Ordinal));
        var report = await archive.ImportAsync(page);
        Assert.Equal(1, report.Updated);

        var record = await archive.GetJsonAsync($"/api/documents/{id}");
        Assert.StartsWith("Guevara warmly praises", record["summary"]!.GetValue<string>());
        Assert.Equal(id, await archive.FindAsync("warmly"));
        Assert.Equal(1, (await archive.GetJsonAsync("/api/search?q=recordId:177840"))["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_broken_file_among_good_ones_is_reported_and_the_rest_import()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("mixed");
        File.Copy(Corpus.Page("000"), Path.Combine(folder, "000.txt"));
        File.Copy(Corpus.Page("004"), Path.Combine(folder, "004.txt"));
        File.WriteAllBytes(Path.Combine(folder, "scan.txt"), [0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0xFF, 0x00]);
        File.WriteAllText(Path.Combine(folder, "empty.txt"), "");
        File.WriteAllText(Path.Combine(folder, "other-site.txt"),
            "Jump to content\nMain menu\n\nCuban Missile Crisis\n\nFrom Wikipedia, the free encyclopedia\n\nThe Cuban Missile Crisis was a confrontation.\n");
        File.WriteAllBytes(Path.Combine(folder, "latin1.txt"), Encoding.Latin1.GetBytes("Jeleń Sándor \u00e9t\u00e9"));
        File.WriteAllText(Path.Combine(folder, "notes.md"), "# not a record");
        File.WriteAllBytes(Path.Combine(folder, "dump.jsonl"), [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00]);
        File.WriteAllText(Path.Combine(folder, "blank.jsonl"), "\n\n");
        // A byte-order mark before the first record is allowed.
        File.WriteAllText(Path.Combine(folder, "bom.jsonl"), "{\"title\":\"Memorandum for the record\",\"date\":\"1962-10\"}\n", new UTF8Encoding(true));

        var report = await archive.ImportAsync(folder);

        Assert.Equal(3, report.Imported);
        Assert.Equal(6, report.Failed);
        Assert.Equal(1, report.Skipped);
        var reasons = report.Failures.ToDictionary(f => Path.GetFileName(f.Location), f => f.Reason);
        Assert.Contains("binary", reasons["scan.txt"]);
        Assert.Contains("empty", reasons["empty.txt"]);
        Assert.Contains("not a record page", reasons["other-site.txt"]);
        Assert.Contains("not UTF-8", reasons["latin1.txt"]);
        Assert.Contains("binary", reasons["dump.jsonl"]);
        Assert.Contains("empty", reasons["blank.jsonl"]);
        Assert.Equal(3, (await archive.GetJsonAsync("/api/search"))["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_file_whose_write_fails_leaves_the_archive_as_it_was()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            // The store refuses one record, as a full disk or a broken constraint would, after others were written.
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
            if (provider == Provider.Sqlite)
            {
                await db.Database.ExecuteSqlRawAsync(
                    "CREATE TRIGGER refuse BEFORE INSERT ON Records WHEN NEW.Title LIKE '%refused%' BEGIN SELECT RAISE(ABORT, 'the store refused the write'); END;");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("""
                    CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$
                    BEGIN IF NEW."Title" LIKE '%refused%' THEN RAISE EXCEPTION 'the store refused the write'; END IF; RETURN NEW; END $$;
                    CREATE TRIGGER refuse BEFORE INSERT ON "Records" FOR EACH ROW EXECUTE FUNCTION refuse();
                    """);
            }
        }
        var folder = TempDirectory.Create("failing-write");
        await File.WriteAllLinesAsync(Path.Combine(folder, "a.jsonl"),
        [
            """{"title":"First memorandum on Berlin","date":"1961-08-13"}""",
            """{"title":"Second memorandum on Berlin","date":"1961-08-14"}""",
            """{"title":"A refused memorandum","date":"1961-08-15"}""",
        ]);
        File.Copy(Corpus.Page("002"), Path.Combine(folder, "b.txt"));

        var report = await archive.ImportAsync(folder);

        var failure = report.Failures.Single();
        Assert.EndsWith("a.jsonl", failure.Location);
        Assert.Contains("nothing of it was imported", failure.Reason);
        Assert.Contains("the store refused the write", failure.Reason);
        Assert.Equal(1, report.Imported);
        var all = await archive.GetJsonAsync("/api/search");
        Assert.Equal(1, all["total"]!.GetValue<int>());
        Assert.Equal(0, (await archive.GetJsonAsync("/api/search?q=Berlin"))["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_named_path_that_does_not_exist_fails_and_the_others_import()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var report = await archive.ImportAsync(Path.Combine(Corpus.ArchivePages, "missing.txt"), Corpus.Page("002"));
        Assert.Equal(1, report.Imported);
        Assert.Equal("no such file or folder", report.Failures.Single().Reason);
    }

    [SkippableFact]
    public async Task Json_lines_round_trip_what_the_api_returns()
    {
        await using var source = await ArchiveHost.StartAsync(provider);
        await source.ImportAsync(Corpus.ArchivePages);
        var exported = new List<JsonObject>();
        foreach (var hit in (await source.GetJsonAsync("/api/search"))["hits"]!.AsArray())
        {
            var record = await source.GetJsonAsync($"/api/documents/{hit!["id"]}");
            record.Remove("id");
            record.Remove("url");
            exported.Add(record);
        }
        var file = Path.Combine(TempDirectory.Create("jsonl"), "records.jsonl");
        await File.WriteAllLinesAsync(file, exported.Select(r => r.ToJsonString()));

        await using var target = await ArchiveHost.StartAsync(provider);
        var report = await target.ImportAsync(file);
        Assert.Equal(5, report.Imported);

        var byTitle = exported.ToDictionary(r => r["title"]!.GetValue<string>());
        foreach (var hit in (await target.GetJsonAsync("/api/search"))["hits"]!.AsArray())
        {
            var record = await target.GetJsonAsync($"/api/documents/{hit!["id"]}");
            Assert.Equal($"{target.Address}documents/{hit["id"]}", record["url"]!.GetValue<string>());
            record.Remove("id");
            record.Remove("url");
            var original = byTitle[record["title"]!.GetValue<string>()];
            Assert.True(JsonNode.DeepEquals(original, record), $"differs:\n{original}\n{record}");
        }

        // The same file again changes nothing.
        Assert.Equal(5, (await target.ImportAsync(file)).Unchanged);
    }

    [SkippableFact]
    public async Task Json_lines_report_each_bad_line_and_import_the_rest()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var file = Path.Combine(TempDirectory.Create("jsonl"), "mixed.jsonl");
        await File.WriteAllLinesAsync(file,
        [
            """{"title":"Telegram from Mikoyan to the CC CPSU","date":"1962-11-05","languages":["ru"],"source":{"text":"AVPRF, fond 0102, opis 19, papka 97, delo 4, list 169"},"transcripts":[{"language":"ru","text":"Товарищу Хрущеву.\n\nВторой абзац."}]}""",
            """{"title": "broken""",
            """{"summary":"a record without a title"}""",
            """{"title":"Undated note","date":"5 November 1962"}""",
            "",
            """{"title":"Note on the Jeleń talks","recordId":"JL-1","provenance":"Obtained and translated by Sergey Radchenko"}""",
        ]);

        var report = await archive.ImportAsync(file);

        Assert.Equal(2, report.Imported);
        var failures = report.Failures.ToDictionary(f => f.Location[(f.Location.LastIndexOf(':') + 1)..], f => f.Reason);
        Assert.Equal(["2", "3", "4"], failures.Keys.Order());
        Assert.Contains("not a JSON record", failures["2"]);
        Assert.Contains("title is required", failures["3"]);
        Assert.Contains("ISO 8601", failures["4"]);

        var telegram = await archive.GetJsonAsync($"/api/documents/{await archive.FindAsync("Mikoyan")}");
        var source = telegram["source"]!;
        Assert.Equal("AVP RF", source["archive"]!.GetValue<string>());
        Assert.Equal("0102", source["fond"]!.GetValue<string>());
        Assert.Equal("97", source["papka"]!.GetValue<string>());
        Assert.Equal("169", source["pages"]!.GetValue<string>());
        Assert.Equal("Товарищу Хрущеву.\n\nВторой абзац.", telegram["transcripts"]![0]!["text"]!.GetValue<string>());

        var note = await archive.GetJsonAsync($"/api/documents/{await archive.FindAsync("recordId:JL-1")}");
        Assert.Equal("Sergey Radchenko", note["translators"]![0]!.GetValue<string>());
        Assert.Equal("Sergey Radchenko", note["obtainedBy"]![0]!.GetValue<string>());
        Assert.Null(note["date"]);
    }

    [SkippableFact]
    public async Task A_record_first_seen_without_its_record_id_is_the_same_record_when_the_id_arrives()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("identity");
        var page = File.ReadAllText(Corpus.Page("004"));
        File.WriteAllText(Path.Combine(folder, "without-id.txt"), page.Replace("\n177840\n", "\n\n", StringComparison.Ordinal));
        Assert.Equal(1, (await archive.ImportAsync(Path.Combine(folder, "without-id.txt"))).Imported);

        var report = await archive.ImportAsync(Corpus.Page("004"));
        Assert.Equal(1, report.Updated);
        Assert.Equal(1, (await archive.GetJsonAsync("/api/search"))["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task A_capture_without_the_record_id_never_blanks_the_fuller_record_and_settles()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("identity-order");
        await File.WriteAllLinesAsync(Path.Combine(folder, "1-capture.jsonl"),
            ["""{"title":"Record of a Conversation with Fidel Castro","date":"1963-02-20","summary":"short capture"}"""]);
        await File.WriteAllLinesAsync(Path.Combine(folder, "2-full.jsonl"),
            ["""{"title":"Record of a Conversation with Fidel Castro","date":"1963-02-20","summary":"The full record.","recordId":"177001","type":"Memorandum of Conversation","rights":"Public domain.","transcripts":[{"language":"ru","text":"Запись беседы"}]}"""]);

        var first = await archive.ImportAsync(folder);
        Assert.Equal((1, 1), (first.Imported, first.Updated));
        var second = await archive.ImportAsync(folder);
        Assert.Equal((0, 0, 2), (second.Imported, second.Updated, second.Unchanged));

        // The other order: the capture without the ID comes after the full record and takes nothing away.
        await using var other = await ArchiveHost.StartAsync(provider);
        await other.ImportAsync(Path.Combine(folder, "2-full.jsonl"));
        var report = await other.ImportAsync(Path.Combine(folder, "1-capture.jsonl"));
        Assert.Equal(1, report.Unchanged);
        var record = await other.GetJsonAsync($"/api/documents/{await other.FindAsync("recordId:177001")}");
        Assert.Equal("The full record.", record["summary"]!.GetValue<string>());
        Assert.Equal("Memorandum of Conversation", record["type"]!.GetValue<string>());
        Assert.Equal("ru", record["transcripts"]![0]!["language"]!.GetValue<string>());
        Assert.Equal(1, (await other.GetJsonAsync("/api/search"))["total"]!.GetValue<int>());
    }

    [SkippableFact]
    public async Task In_one_file_a_record_and_then_its_record_id_are_one_record()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("identity-file");
        await File.WriteAllLinesAsync(Path.Combine(folder, "old.jsonl"), ["""{"recordId":"177002","title":"Old title","date":"1963-02-20"}"""]);
        await archive.ImportAsync(Path.Combine(folder, "old.jsonl"));
        await File.WriteAllLinesAsync(Path.Combine(folder, "new.jsonl"),
        [
            """{"title":"Corrected title","date":"1963-02-20"}""",
            """{"title":"Corrected title","date":"1963-02-20","recordId":"177002"}""",
        ]);
        var report = await archive.ImportAsync(Path.Combine(folder, "new.jsonl"));
        Assert.Equal(0, report.Failed);
        Assert.Equal(1, report.Updated);
        var all = await archive.GetJsonAsync("/api/search");
        Assert.Equal(2, all["total"]!.GetValue<int>());
        Assert.Equal("Corrected title", (await archive.GetJsonAsync($"/api/documents/{await archive.FindAsync("recordId:177002")}"))["title"]!.GetValue<string>());
    }

    [SkippableFact]
    public async Task Odd_values_fail_their_line_and_never_the_run()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("odd");
        await File.WriteAllLinesAsync(Path.Combine(folder, "a.jsonl"),
        [
            """{"title":"Arabic digits","date":"١٩٦٣"}""",
            """{"title":"Two English texts","transcripts":[{"language":"en","text":"a"},{"language":"en","text":"b"}]}""",
            """{"title":"A good one","date":"1963"}""",
        ]);
        File.WriteAllText(Path.Combine(folder, "b.txt"), File.ReadAllText(Corpus.Page("004")).Replace("April 5, 1963", "April ٥, 1963", StringComparison.Ordinal));

        var report = await archive.ImportAsync(folder);

        Assert.Equal(2, report.Imported);
        Assert.Equal(2, report.Failed);
        Assert.Contains(report.Failures, f => f.Location.EndsWith(":1", StringComparison.Ordinal) && f.Reason!.Contains("ISO 8601", StringComparison.Ordinal));
        Assert.Contains(report.Failures, f => f.Location.EndsWith(":2", StringComparison.Ordinal) && f.Reason!.Contains("same language", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task The_import_reports_every_file_to_its_progress()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var progress = new RecordingProgress();
        await using var scope = archive.Services.CreateAsyncScope();
        var import = scope.ServiceProvider.GetRequiredService<RecordImport>();
        await import.RunAsync([Corpus.ArchivePages], progress);
        Assert.Equal(5, progress.Total);
        Assert.Equal(5, progress.Files.Count);
    }

    [SkippableFact]
    public async Task A_large_file_reports_its_records_as_they_are_written()
    {
        await using var archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("large-file");
        var file = Path.Combine(folder, "many.jsonl");
        await File.WriteAllLinesAsync(file, Enumerable.Range(0, 1_200).Select(i => $$"""{"title":"Telegram number {{i}}","date":"1962-10-{{1 + i % 28:D2}}"}"""));
        var progress = new RecordingProgress();
        await using var scope = archive.Services.CreateAsyncScope();

        await scope.ServiceProvider.GetRequiredService<RecordImport>().RunAsync([file], progress);

        Assert.Equal([500, 1_000], progress.Written);
        Assert.Single(progress.Files);
    }

    private sealed class RecordingProgress : IImportProgress
    {
        public int Total { get; private set; }
        public List<string> Files { get; } = [];
        public List<int> Written { get; } = [];
        public void Started(int files) => Total = files;
        public void Writing(string path, int records) => Written.Add(records);
        public void FileDone(string path, IReadOnlyList<ImportEvent> events) => Files.Add(path);
    }
}

public sealed class ImportTestsOnSqlite() : ImportTests(Provider.Sqlite);

public sealed class ImportTestsOnPostgres() : ImportTests(Provider.Postgres);
