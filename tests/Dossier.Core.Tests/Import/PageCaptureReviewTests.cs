using Dossier.Core.Tests.Fixtures;
using Dossier.Import.PageCaptures;

namespace Dossier.Core.Tests.Import;

/// <summary>What a review of the rebuilt page reader found on variants of the real captures (tests/Fixtures), kept right.</summary>
public class PageCaptureReviewTests
{
    private static string Page(string file) => File.ReadAllText(Fixture.Path("digital-archive-pages", file));

    [Fact]
    public void An_address_in_the_documents_notes_is_not_the_records_own()
    {
        // An address of another record in a note would make this page update that record on import.
        var text = Page("a-009.txt").Replace("Mao Zedong\".", "Mao Zedong\".\n\n[1] For the 11 October telegram see https://digitalarchive.wilsoncenter.org/document/117312", StringComparison.Ordinal);
        Assert.Null(PageCaptureParser.Parse(text).RecordId);
    }

    [Fact]
    public void The_share_link_is_the_records_address_and_no_part_of_its_text()
    {
        var page = PageCaptureParser.Parse(Page("a-003.txt"));
        Assert.Equal("115647", page.RecordId);
        Assert.DoesNotContain("https://", page.Transcripts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_diary_of_dated_entries_is_a_record_not_a_list_of_results()
    {
        const string diary = "Skip to content\n\nJuly 23, 1960\n\nJournal of Soviet Ambassador in the DPRK A.M. Puzanov for 23 July 1960\n\n" +
                             "23 July 1960\n\nI visited the Ministry of Foreign Affairs and spoke with the deputy minister about the delegation.\n\n" +
                             "24 July 1960\n\nThe ambassador of the GDR came to see me and told me about his talks in the ministry.\n\n" +
                             "25 July 1960\n\nI received the chargé d'affaires of Czechoslovakia, who asked about the preparations for the holiday.\n";
        var item = PageCaptureImporter.Parse("diary.txt", diary);
        Assert.NotNull(item.Record);
        Assert.Equal("1960-07-23", item.Record.Date);
    }

    [Fact]
    public void Bullets_in_a_records_text_do_not_make_it_a_list_of_results()
    {
        var text = Page("a-049.txt").Replace("I agreed with this proposal", "• 1961\n\n• 1962\n\nI agreed with this proposal", StringComparison.Ordinal);
        Assert.NotNull(PageCaptureImporter.Parse("a-049.txt", text).Record);
    }

    [Fact]
    public void A_documents_own_Summary_label_is_its_text_not_the_covers()
    {
        var text = Page("d-063.txt");
        var cover = PageCaptureParser.Parse(text);
        var changed = PageCaptureParser.Parse(text.Replace("Concerning the Azerbaijani Democratic Party and the Situation of Po", "Summary: the party needs more money and Po", StringComparison.Ordinal));
        Assert.StartsWith("A memo concerning the Azerbaijani Democratic Party", changed.Summary);
        Assert.Equal(cover.Summary, changed.Summary);
    }

    [Fact]
    public void A_source_under_its_label_may_speak_of_permission()
    {
        var text = Page("a-049.txt").Replace("RGANI, Fond 5, Opis 28, Delo 410, List 210. Obtained by James F. Person and translated by Gary Goldberg.",
            "Source\n\nHoover Institution Archives, Volkogonov Papers, Reel 18. Reproduced with permission of the Hoover Institution.", StringComparison.Ordinal);
        var page = PageCaptureParser.Parse(text);
        Assert.Equal("Hoover Institution Archives, Volkogonov Papers, Reel 18", page.SourceText);
        Assert.DoesNotContain("Hoover", page.Rights ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void Long_lines_full_of_quotes_do_not_hang_the_reader()
    {
        // Not a measure of speed (bench/ has those), a guard against work growing with the cube of a line.
        var prose = string.Concat(Enumerable.Repeat("He said \"we agree\" and then \"we do not\". ", 2500));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        PageCaptureParser.Parse("Skip to content\n\nMay 1, 1962\n\nA title of a record\n\n" + prose + "\n\n\"" + new string('"', 5000));
        PageCaptureParser.Parse("Skip to content\n\nMay 1, 1962\n\nA title\n\n" + prose + " History and Public Policy Program Digital Archive");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void A_text_whose_words_tell_no_language_is_said_to_be_assumed_english()
    {
        var text = Page("a-049.txt");
        var start = text.IndexOf("[DPRK Minister", StringComparison.Ordinal);
        var end = text.IndexOf("Kim Seung-hwa and Ivanov", StringComparison.Ordinal);
        var page = PageCaptureParser.Parse(text[..text.IndexOf("Embassy of the USSR", StringComparison.Ordinal)] + "Tôi đã gặp bộ trưởng Kim Sung-hwa.\n\n" + text[end..]);
        Assert.True(start > 0);
        Assert.Contains(page.Reading(), r => r.Field == "language" && r.Guessed);
    }
}
