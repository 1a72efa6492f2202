using System.Globalization;
using System.Text;
using Dossier.Import.PageCaptures;
using Dossier.Records;
using Xunit.Abstractions;

namespace Dossier.Core.Tests.Fixtures;

/// <summary>
/// Real captures of the Digital Archive's document pages (tests/Fixtures/digital-archive-pages, expected values in digital-archive-pages.jsonl), none of them made
/// for these tests: both layouts, the staging mirrors, pages cut short, search listings. Each was read by hand and its
/// title, date, reference, type, languages and Record ID written down; the importer must read the same. The score and
/// every page still read wrong are printed with the run, passing or not (xunit.runner.json: diagnosticMessages).
/// </summary>
public class RealPagesTests(ITestOutputHelper output)
{
    /// <summary>One capture as read by hand; <c>Set</c> is "first" or "held-out" (gathered after the reader was built).</summary>
    public sealed record Expected(
        string File, string Url, string Layout, string? Title, string? Date, string? Reference, string? Type,
        string[]? Languages, string? RecordId, string? Notes, string Set);

    public static IReadOnlyList<Expected> Pages { get; } = Load();

    private static List<Expected> Load() => Fixture.ReadJsonLines<Expected>("digital-archive-pages.jsonl");

    private static string Read(Expected page) => File.ReadAllText(Fixture.Path("digital-archive-pages", page.File));

    /// <summary>Titles compare as a reader compares them: the same words, whatever the case, spacing and quotes.</summary>
    public static string Words(string? text) =>
        text is null ? "" : string.Join(' ', RecordFingerprint.Normalize(text).Split(' ', StringSplitOptions.RemoveEmptyEntries));

    private static string Collapse(string? text) => text is null ? "" : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    [Fact]
    public void The_set_is_large_and_varied()
    {
        var records = Pages.Where(p => p.Layout != "listing").ToList();
        Assert.True(records.Count >= 150, $"{records.Count} record pages");
        Assert.True(records.Select(p => p.Layout).Distinct().Count() >= 3);
        // A page may have been stored twice under one address, but no capture is in the set twice.
        Assert.Equal(Pages.Count, Pages.Select(p => Read(p)).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(Pages.Count, Pages.Select(p => p.File).Distinct(StringComparer.Ordinal).Count());
        // Every capture in the folder is read and judged.
        Assert.Equal(Directory.EnumerateFiles(Fixture.Path("digital-archive-pages"), "*.txt").Select(System.IO.Path.GetFileName).Order(StringComparer.Ordinal),
            Pages.Select(p => p.File).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Real_pages_are_read_as_a_reader_reads_them()
    {
        var references = RealReferencesTests.Table.GroupBy(r => r.Text, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var report = new StringBuilder();
        int pages = 0, titleDate = 0, withReference = 0, referenceRight = 0, typeRight = 0, languagesRight = 0, idRight = 0, listings = 0, listingsRefused = 0;
        foreach (var page in Pages)
        {
            var item = PageCaptureImporter.Parse(page.File, Read(page));
            if (page.Layout == "listing")
            {
                listings++;
                if (item.Record is null) listingsRefused++;
                else report.AppendLine(CultureInfo.InvariantCulture, $"WRONG  {page.File} (a listing) was imported as \"{item.Record.Title}\"");
                continue;
            }
            pages++;
            var record = item.Record;
            var wrong = new List<string>();
            if (record is null && page.Title is null)
            {
                // A capture that shows no title is refused with its reason: the right outcome, nothing else to compare.
                titleDate++;
                typeRight++;
                languagesRight++;
                idRight++;
                continue;
            }
            if (record is null)
            {
                wrong.Add($"refused: {item.Error}");
            }
            else
            {
                if (Words(page.Title) != Words(record.Title.Length == 0 ? null : record.Title)) wrong.Add($"title: \"{page.Title}\" ≠ \"{record.Title}\"");
                if (page.Date != record.Date) wrong.Add($"date: {page.Date ?? "(none)"} ≠ {record.Date ?? "(none)"}");
            }
            if (wrong.Count == 0) titleDate++;

            if (page.Reference is not null)
            {
                withReference++;
                var got = record?.Source;
                if (Collapse(got?.Text) != Collapse(page.Reference)) wrong.Add($"reference: \"{page.Reference}\" ≠ \"{got?.Text}\"");
                else if (!references.TryGetValue(page.Reference, out var parts)) wrong.Add("reference: not in the references table");
                else if (RealReferencesTests.Differences(parts, got!) is { Count: > 0 } partsWrong) wrong.Add("reference " + string.Join("; ", partsWrong));
                else referenceRight++;
            }
            else if (record?.Source.Text is { } extra)
            {
                wrong.Add($"reference: (none) ≠ \"{extra}\"");
            }

            if (page.Type == record?.Type) typeRight++;
            else wrong.Add($"type: {page.Type ?? "(none)"} ≠ {record?.Type ?? "(none)"}");
            var languages = string.Join(",", (page.Languages ?? []).Order(StringComparer.Ordinal));
            var gotLanguages = string.Join(",", (record?.Languages ?? []).Order(StringComparer.Ordinal));
            if (languages == gotLanguages) languagesRight++;
            else wrong.Add($"languages: {languages} ≠ {gotLanguages}");
            if (page.RecordId == record?.RecordId) idRight++;
            else wrong.Add($"record ID: {page.RecordId ?? "(none)"} ≠ {record?.RecordId ?? "(none)"}");

            if (wrong.Count > 0) report.AppendLine(CultureInfo.InvariantCulture, $"WRONG  {page.File} ({page.Layout}; {page.Notes})\n       {string.Join("\n       ", wrong)}");
        }

        double Share(int n, int of) => of == 0 ? 1 : (double)n / of;
        var summary = string.Join('\n',
            $"{pages} record pages, {listings} listings.",
            $"Title and date right: {titleDate} of {pages} ({Share(titleDate, pages):P1})",
            $"Reference and its parts right: {referenceRight} of {withReference} that print one ({Share(referenceRight, withReference):P1})",
            $"Type right: {typeRight} of {pages} ({Share(typeRight, pages):P1}); languages right: {languagesRight} ({Share(languagesRight, pages):P1}); Record ID right: {idRight} ({Share(idRight, pages):P1})",
            $"Listings refused: {listingsRefused} of {listings}");
        output.WriteLine(summary);
        output.WriteLine(report.ToString());

        Assert.True(Share(titleDate, pages) >= 0.98, $"title and date right for {titleDate} of {pages}");
        Assert.True(Share(referenceRight, withReference) >= 0.95, $"references right for {referenceRight} of {withReference}");
        Assert.Equal(listings, listingsRefused);
    }
}
