using System.Text.Json.Nodes;
using Dossier.Citations;
using Dossier.Import.PageCaptures;
using Dossier.Records;

namespace Dossier.Core.Tests.Citations;

/// <summary>
/// CSL-JSON items, checked against the CSL 1.0.2 data schema's field names (csl-data.json): an archival record is
/// a <c>manuscript</c>; <c>archive</c>, <c>archive_location</c>, <c>translator</c> (name objects), <c>issued</c> and
/// <c>accessed</c> (<c>date-parts</c>), <c>URL</c> in capitals; a field without a value is absent, never empty.
/// </summary>
public class CslJsonTests
{
    [Fact]
    public void A_captured_page_becomes_a_manuscript_with_its_archive_and_translator()
    {
        var record = PageCaptureParser.Parse(Corpus.ReadPage("001")).ToRecord();
        record.Id = 42;
        var item = CslJson.Item(CitedRecord.From(record, "Dossier", "https://archive.example/documents/42", new DateOnly(2026, 11, 23)));

        Assert.Equal("dossier-42", (string?)item["id"]);
        Assert.Equal("manuscript", (string?)item["type"]);
        Assert.Equal(record.Title, (string?)item["title"]);
        Assert.Equal("[[1962,4,13]]", item["issued"]!["date-parts"]!.ToJsonString());
        Assert.Equal("History and Public Policy Program Digital Archive", (string?)item["archive"]);
        Assert.Equal("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", (string?)item["archive_location"]);
        Assert.Equal("""[{"family":"Goldberg","given":"Gary"}]""", item["translator"]!.ToJsonString());
        Assert.Equal("Obtained by James G. Hershberg and translated by Gary Goldberg.", (string?)item["note"]);
        Assert.Equal("https://archive.example/documents/42", (string?)item["URL"]);
        Assert.Equal("[[2026,11,23]]", item["accessed"]!["date-parts"]!.ToJsonString());
    }

    [Fact]
    public void Partial_dates_missing_fields_several_translators_and_a_Cyrillic_title()
    {
        var record = new ArchivalRecord
        {
            Id = 7,
            Title = "Запись беседы с Фиделем Кастро",
            Date = "1962-10",
            Languages = ["ru"],
            Translators = ["Gary Goldberg", "Svetlana Savranskaya", "CWIHP"],
        };
        var item = CslJson.Item(CitedRecord.From(record, "Dossier"));

        Assert.Equal("Запись беседы с Фиделем Кастро", (string?)item["title"]);
        Assert.Equal("[[1962,10]]", item["issued"]!["date-parts"]!.ToJsonString());
        Assert.Equal(
            """[{"family":"Goldberg","given":"Gary"},{"family":"Savranskaya","given":"Svetlana"},{"literal":"CWIHP"}]""",
            item["translator"]!.ToJsonString());
        Assert.Equal("ru", (string?)item["language"]);
        Assert.Equal("Dossier", (string?)item["archive"]);
        foreach (var absent in new[] { "archive_location", "note", "URL", "accessed", "genre" }) Assert.False(item.ContainsKey(absent), absent);

        record.Date = null;
        Assert.False(CslJson.Item(CitedRecord.From(record, "Dossier")).ContainsKey("issued"));
        // Written as a list, non-Latin text as itself (not \u escapes), as reference managers import it.
        var written = CslJson.Write([CitedRecord.From(record, "Dossier")]);
        Assert.IsType<JsonArray>(JsonNode.Parse(written));
        Assert.Contains("Запись беседы", written, StringComparison.Ordinal);
    }
}
