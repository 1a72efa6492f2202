using AngleSharp.Html.Parser;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>A real release spreadsheet (../shared/corpus/jfk-metadata) through <c>dossier import --map</c>.</summary>
public class CsvImportTests
{
    [Fact]
    public async Task The_2021_JFK_release_is_imported_by_its_mapping_serial_dates_read_and_rejected_rows_reported()
    {
        var data = TempDirectory.Create("csv");
        var map = Path.Combine(data, "jfk-2021.json");
        await File.WriteAllTextAsync(map, """
            {
              // The 2021 release spreadsheet's columns; its dates are spreadsheet serial numbers.
              "columns": {
                "Record Number": "recordId", "Title": "title", "Document Date": "date", "Document Type": "type",
                "From": "creators", "To": "recipients", "Originator": "source.archive", "File Number": "source",
                "Comments": "notes", "NARA Release Date": "uploadedDate", "Formerly Withheld": "ignore"
              },
              "defaults": { "repository": "National Archives and Records Administration", "languages": "en" }
            }
            """);
        var csv = Path.Combine(Corpus.Root, "jfk-metadata", "national-archives-jfk-assassination-records-2021-release.csv");
        var (code, output) = await DossierProcess.RunAsync("import", csv, "--map", map, "--publish", "--data", data);
        var summary = output.Split('\n').Single(l => l.StartsWith("Imported ", StringComparison.Ordinal));
        // Every row either imported or reported with its row number and reason; none half-imported.
        var failures = output.Split('\n').Where(l => l.StartsWith("  failed: ", StringComparison.Ordinal)).ToList();
        Assert.All(failures, f => Assert.Matches(@"^  failed: .*:row \d+: .+", f));
        Assert.Equal(failures.Count == 0 ? 0 : 1, code);

        await using var archive = await ArchiveHost.StartOnAsync(data);
        var record = await archive.StoredRecordAsync(await archive.IdOfRecordAsync("104-10001-10008"));
        Assert.Equal("ITEM PREPARED FOR THE WARREN COMMISSION BY SR/CI/RESEARCH ENTITLED 'NAME LIST WITH TRACES' (FINAL VER)", record.Title);
        Assert.Equal("1964-03-26", record.Date);
        Assert.Equal("2021-12-15", record.UploadedDate);
        Assert.Equal("PAPER - TEXTUAL DOCUMENT", record.Type);
        Assert.Equal(["WIGREN, LEE H., C/SR/CI/R, CIA"], record.Creators);
        Assert.Equal(["FOR THE RECORD"], record.Recipients);
        Assert.Equal("CIA", record.Source.Archive);
        Assert.Equal("201-289248", record.Source.Text);
        Assert.StartsWith("OSW7 : V32B : 1993.05.17.15:42:24:000003", record.Notes, StringComparison.Ordinal);
        Assert.Equal("National Archives and Records Administration", record.Repository);
        Assert.Contains($"Imported {1491 - failures.Count}, updated 0, unchanged 0, failed {failures.Count}.", summary, StringComparison.Ordinal);

        // Without a mapping a spreadsheet is refused with what to do.
        (code, output) = await DossierProcess.RunAsync("import", csv, "--data", data);
        Assert.Equal(1, code);
        Assert.Contains(".csv with a column mapping: --map", output, StringComparison.Ordinal);
        (code, output) = await DossierProcess.RunAsync("import", csv, "--map", Path.Combine(data, "none.json"), "--data", data);
        Assert.Equal(2, code);
        Assert.Contains("dossier import: --map:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_editor_uploads_a_spreadsheet_chooses_its_columns_and_imports_it()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.CreateUserAsync("editor@archive.test", ArchiveHost.StaffPassword, Dossier.Accounts.Roles.Editor);
        await archive.CreateUserAsync("contributor@archive.test", ArchiveHost.StaffPassword, Dossier.Accounts.Roles.Contributor);
        using var contributor = await archive.SignInAsync("contributor@archive.test", ArchiveHost.StaffPassword);
        using (var denied = await contributor.GetAsync("/editor/import"))
            Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        using var editor = await archive.SignInAsync("editor@archive.test", ArchiveHost.StaffPassword);
        var token = Forms.Token(await editor.GetStringAsync("/editor/import"));
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            {
                new ByteArrayContent(System.Text.Encoding.UTF8.GetBytes(
                    "Record Num,Title,Doc Date,From Name,Comments,Scanned By\r\n" +
                    "104-1,CABLE ON THE QUARANTINE LINE,10/24/1962,\"HELMS, RICHARD\",first note,X\r\n" +
                    "104-2,,10/25/1962,,,\r\n")),
                "file", "release.csv"
            },
        };
        using var uploaded = await editor.PostAsync("/editor/import?handler=Upload", upload);
        var mappingPage = await uploaded.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, uploaded.StatusCode);
        var document = await new HtmlParser().ParseDocumentAsync(mappingPage);
        // The fields are guessed from the headers.
        string Chosen(int i) => document.QuerySelector($"#field-{i} option[selected]")!.GetAttribute("value")!;
        Assert.Equal(["recordId", "title", "date", "creators", "notes", "ignore"], Enumerable.Range(0, 6).Select(Chosen));
        Assert.Contains("CABLE ON THE QUARANTINE LINE", document.QuerySelector("table.records")!.TextContent, StringComparison.Ordinal);

        var fields = new Dictionary<string, string>
        {
            ["Upload"] = document.QuerySelector("input[name=Upload]")!.GetAttribute("value")!,
            ["FileName"] = "release.csv",
            ["languages"] = "en",
            ["publish"] = "true",
        };
        for (var i = 0; i < 6; i++)
        {
            fields[$"columns[{i}]"] = document.QuerySelector($"input[name='columns[{i}]']")!.GetAttribute("value")!;
            fields[$"fields[{i}]"] = Chosen(i);
        }
        using var imported = await editor.PostAsync("/editor/import?handler=Import", Forms.Content(Forms.Token(mappingPage), fields));
        var report = await imported.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.OK, imported.StatusCode);
        Assert.Contains("imported 1, updated 0, unchanged 0, failed 1.", report, StringComparison.Ordinal);
        Assert.Contains("release.csv:row 3", report, StringComparison.Ordinal);
        Assert.Contains("no title", report, StringComparison.Ordinal);

        await archive.CatchUpAsync();
        var record = await archive.StoredRecordAsync(await archive.IdOfRecordAsync("104-1"));
        Assert.Equal(("1962-10-24", "first note", Dossier.Records.PublicationStatus.Published), (record.Date, record.Notes, record.Status));
        Assert.Equal(["HELMS, RICHARD"], record.Creators);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(archive.DataDirectory, "uploads")));
    }
}
