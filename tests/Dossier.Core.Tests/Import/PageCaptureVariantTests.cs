using System.Text.RegularExpressions;
using Dossier.Import.PageCaptures;

using static Dossier.Core.Tests.Import.RecordComparison;

namespace Dossier.Core.Tests.Import;

/// <summary>
/// Real pages vary more than the five captures. Each variant here is built from a capture the way the archive's
/// pages are known to differ, and the parser must read from it what is still there, and no more.
/// </summary>
public class PageCaptureVariantTests
{
    private static readonly string[] Labels =
        ["Source", "Rights", "Original Uploaded Date", "Type", "Language", "Record ID", "Original Classification", "Donors"];

    [Fact]
    public void Layout_B_without_any_labels_still_gives_every_field()
    {
        // Every label of the Document Information block gone: each value is recognised by its content.
        var variant = RemoveLines(Corpus.ReadPage("004"), Labels);
        AssertSameFields(Parse(Corpus.ReadPage("004")), Parse(variant));
    }

    [Fact]
    public void Layout_B_with_labels_inline_gives_every_field()
    {
        // "Record ID: 177840" on one line, as some captures flatten the block.
        var text = Corpus.ReadPage("004");
        foreach (var label in new[] { "Original Uploaded Date", "Type", "Record ID", "Original Classification" })
            text = Regex.Replace(text, $"^{label}\\s*\\n\\s*\\n(?<value>[^\\n]+)$", $"{label}: ${{value}}", RegexOptions.Multiline);
        Assert.Contains("Record ID: 177840", text);
        AssertSameFields(Parse(Corpus.ReadPage("004")), Parse(text));
    }

    [Fact]
    public void Emptied_values_leave_their_fields_empty_and_the_others_intact()
    {
        var text = Corpus.ReadPage("004")
            .Replace("\nMemorandum of Conversation\n", "\n\n", StringComparison.Ordinal)
            .Replace("\n177840\n", "\n\n", StringComparison.Ordinal)
            .Replace("\n2018-06-27\n", "\n\n", StringComparison.Ordinal);
        var record = Parse(text);
        Assert.Null(record.Type);
        Assert.Null(record.RecordId);
        Assert.Null(record.UploadedDate);
        AssertSameFields(Parse(Corpus.ReadPage("004")), record, "Type", "RecordId", "UploadedDate");
    }

    [Fact]
    public void Document_information_in_another_order_gives_the_same_fields()
    {
        var text = Corpus.ReadPage("004");
        var start = text.IndexOf("Document Information", StringComparison.Ordinal);
        var block = text[start..];
        var pairs = Regex.Split(block, @"\n(?=(?:Source|Rights|Original Uploaded Date|Type|Language|Record ID|Original Classification|Donors)\s*\n)")
            .Skip(1).ToList();
        Assert.Equal(8, pairs.Count);
        pairs.Reverse();
        var reordered = text[..start] + "Document Information\n\n" + string.Join("\n", pairs);
        AssertSameFields(Parse(Corpus.ReadPage("004")), Parse(reordered));
    }

    [Fact]
    public void Layout_A_with_the_citation_block_after_the_text_gives_the_same_fields()
    {
        var text = Corpus.ReadPage("000");
        var start = text.IndexOf("  • Citation", StringComparison.Ordinal);
        var end = text.IndexOf("  • share document", StringComparison.Ordinal);
        var citationBlock = text[start..end];
        var pdf = text.IndexOf("It appears your Web browser", StringComparison.Ordinal);
        var moved = text[..start] + text[end..pdf] + citationBlock + "\n" + text[pdf..];
        AssertSameFields(Parse(Corpus.ReadPage("000")), Parse(moved));
    }

    [Fact]
    public void A_capture_that_starts_below_the_header_takes_the_date_from_the_citation()
    {
        var lines = Corpus.ReadPage("000").Split('\n');
        var cut = string.Join('\n', lines.SkipWhile(l => !l.Contains("This document was made possible", StringComparison.Ordinal)));
        AssertSameFields(Parse(Corpus.ReadPage("000")), Parse(cut));
    }

    [Fact]
    public void A_layout_B_capture_cut_mid_text_keeps_what_it_has_and_invents_nothing()
    {
        var text = Corpus.ReadPage("004");
        var cut = text[..text.IndexOf("In response Guevara laughed", StringComparison.Ordinal)];
        var record = Parse(cut);
        var full = Parse(text);
        Assert.Equal(full.Title, record.Title);
        Assert.Equal(full.Date, record.Date);
        Assert.Equal(full.Donors, record.Donors);
        Assert.Equal("Top Secret", record.Classification); // from the document's own header
        Assert.Null(record.Summary);
        Assert.Null(record.RecordId);
        Assert.Null(record.Type);
        Assert.Null(record.Rights);
        Assert.Null(record.Source.Text);
        Assert.StartsWith("Top Secret Copy Nº 1", record.Transcripts.Single().Text);
        Assert.EndsWith("he would put a bullet in his forehead.", record.Transcripts.Single().Text);
    }

    [Fact]
    public void A_capture_cut_inside_the_russian_original_keeps_both_languages()
    {
        var text = Corpus.ReadPage("001");
        var cut = text[..text.IndexOf("Фидель Кастро поблагодарил", StringComparison.Ordinal)];
        var record = Parse(cut);
        Assert.Equal(["en", "ru"], record.Transcripts.Select(t => t.Language));
        AssertSameFields(Parse(text), record, "Transcripts");
    }

    [Fact]
    public void A_capture_without_title_or_citation_is_refused_with_a_reason()
    {
        var text = Corpus.ReadPage("000");
        var start = text.IndexOf("English HTML", StringComparison.Ordinal);
        var item = PageCaptureImporter.Parse("cut.txt", text[start..]);
        Assert.Null(item.Record);
        Assert.Contains("no title", item.Error);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Navigation_lists_and_footers_added_to_a_page_change_nothing(string prefix)
    {
        var text = Corpus.ReadPage(prefix);
        var noisy = "Menu\nHome\nBrowse\nCollections\nTopics\nAbout\nLog in\n\n" + text;
        var info = noisy.IndexOf("Document Information", StringComparison.Ordinal);
        var associated = "\nAssociated Places\n\nCuba\n\nSoviet Union\n\nAssociated Topics\n\nCuban Missile Crisis\n\nSino-Soviet Split\n\n";
        noisy = info >= 0 ? noisy.Insert(info, associated) : noisy + associated;
        noisy += "\n\nBack to top\nPrivacy Policy\nTerms of Use\n© 2024 Wilson Center. All rights reserved.\n";
        AssertSameFields(Parse(text), Parse(noisy));
    }

    [Fact]
    public void A_month_only_date_stays_a_month()
    {
        var text = Corpus.ReadPage("004").Replace("April 5, 1963", "April 1963", StringComparison.Ordinal);
        Assert.Equal("1963-04", Parse(text).Date);
        var a = Corpus.ReadPage("000").Replace("January 29, 1964", "November 1951", StringComparison.Ordinal);
        Assert.Equal("1951-11", Parse(a).Date);
    }

    [Fact]
    public void Layout_B_without_a_donors_line_finds_the_title_under_the_date()
    {
        var text = RemoveLines(Corpus.ReadPage("004"), ["This document was made possible with support from Blavatnik Family Foundation"]);
        AssertSameFields(Parse(Corpus.ReadPage("004")), Parse(text));
    }

    [Fact]
    public void Layout_B_without_donors_anywhere_has_no_donors()
    {
        var text = RemoveLines(Corpus.ReadPage("004"), ["This document was made possible with support from Blavatnik Family Foundation", "Donors", "Blavatnik Family Foundation"]);
        var record = Parse(text);
        Assert.Empty(record.Donors);
        AssertSameFields(Parse(Corpus.ReadPage("004")), record, "Donors");
    }

    [Fact]
    public void Windows_line_endings_and_no_break_spaces_read_the_same()
    {
        var text = Corpus.ReadPage("002");
        AssertSameFields(Parse(text), Parse(text.Replace("\n", "\r\n", StringComparison.Ordinal)));
    }

    [Fact]
    public void Several_donors_are_listed_apart()
    {
        var text = Corpus.ReadPage("000").Replace("support from the Leon Levy Foundation",
            "support from the Leon Levy Foundation and the Bill and Melinda Gates Foundation", StringComparison.Ordinal);
        Assert.Equal(["Leon Levy Foundation", "Bill and Melinda Gates Foundation"], Parse(text).Donors);
    }

    [Fact]
    public void A_source_from_another_archive_keeps_its_text_and_names_the_archive()
    {
        var text = Corpus.ReadPage("004").Replace("AVP RF, f. 0104, op. 19, p. 124, d. 3, ll. 86-87.",
            "SAPMO-BArch, DY 30/IV 2/2.035/55.", StringComparison.Ordinal);
        var record = Parse(text);
        Assert.Equal("SAPMO-BArch, DY 30/IV 2/2.035/55", record.Source.Text);
        Assert.Equal("SAPMO-BArch", record.Source.Archive);
        Assert.Equal("DY 30", record.Source.Fond);
        Assert.Equal("IV 2/2.035/55", record.Source.Delo);
        Assert.Equal(["James G. Hershberg"], record.ObtainedBy);
    }

    [Fact]
    public void A_page_of_another_site_is_not_taken_for_a_record()
    {
        const string other = "Jump to content\nMain menu\nWikipedia The Free Encyclopedia\n\nCuban Missile Crisis\n\nFrom Wikipedia, the free encyclopedia\n\n" +
                             "The Cuban Missile Crisis was a 13-day confrontation between the governments of the United States and the Soviet Union.\n";
        var item = PageCaptureImporter.Parse("wiki.txt", other);
        Assert.Null(item.Record);
        Assert.Contains("not a record page", item.Error);
    }

    private static string RemoveLines(string text, IEnumerable<string> lines)
    {
        var remove = lines.ToHashSet(StringComparer.Ordinal);
        return string.Join('\n', text.Split('\n').Where(l => !remove.Contains(l.Trim())));
    }
}
