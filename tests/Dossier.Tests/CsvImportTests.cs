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
}
