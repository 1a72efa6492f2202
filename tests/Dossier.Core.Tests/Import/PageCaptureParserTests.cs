using Dossier.Import.PageCaptures;
using Dossier.Records;

namespace Dossier.Core.Tests.Import;

/// <summary>Every field of each of the five captures, checked against what the page really says.</summary>
public class PageCaptureParserTests
{
    private const string Rights1 = "The History and Public Policy Program welcomes reuse of Digital Archive materials for research and educational purposes. Some documents may be subject to copyright, which is retained by the rights holders in accordance with US and international copyright laws. When possible, rights holders have been contacted for permission to reproduce their materials.";
    private const string HappArchive = "History and Public Policy Program Digital Archive";

    public sealed record Expected(
        string Page,
        string Title,
        string Date,
        string Summary,
        string? CitationLine,
        string SourceText,
        string Archive,
        string Fond,
        string Opis,
        string? Papka,
        string Delo,
        string Pages,
        string? Reel,
        string Provenance,
        string[] ObtainedBy,
        string[] Translators,
        string[] Donors,
        string? RightsEnd,
        string? UploadedDate,
        string? Type,
        string[] Languages,
        string? RecordId,
        string Classification,
        (string Language, string First, string LastStart)[] Transcripts);

    public static TheoryData<Expected> Pages => new()
    {
        // Layout A, diary record: TsKhSD reference with a reel; classification only in the document's header ("Secret Copy No 2").
        new Expected("000",
            "From the Diary of A. I. Alekseyev, Record of a Conversation with Cuban President Osvaldo Dorticos, 7 December 1963",
            "1964-01-29",
            "Dorticos and Alekseyev discuss recent Cuban-Soviet foreign relations and trade negotiations. Dorticos mentions recent anti-Soviet talk by leaders of the Chinese Communist Party.",
            "\"From the Diary of A. I. Alekseyev, Record of a Conversation with Cuban President Osvaldo Dorticos, 7 December 1963 ,\" January 29, 1964, History and Public Policy Program Digital Archive, TsKhSD, f. 5, op. 49, d. 758, l. 7-10, r. 9126. Translated for CWIHP by Gary Goldberg.",
            "TsKhSD, f. 5, op. 49, d. 758, l. 7-10, r. 9126", "TsKhSD", "5", "49", null, "758", "7-10", "9126",
            "Translated for CWIHP by Gary Goldberg", [], ["Gary Goldberg"], ["Leon Levy Foundation"],
            null, null, null, ["en"], null, "Secret",
            [("en", "[Stamp]: Declassified", "[Handwritten note at the bottom of the first page]")]),
        // Layout A, journal record with a papka and a range of folios, then a Russian original of a related record.
        new Expected("001",
            "From the Journal of S.M. Kudryavtsev, 'Record of Conversation with Fidel Castro Ruz, Prime Minister of the Republic of Cuba, 16 March 1962'",
            "1962-04-13",
            "Kudryavtsev and Castro discuss diplomatic normalization between the USSR and Ecuador and a CPSU CC letter directed at restoring global unity of the Communist movement, and a report from Inchaustegui suggests renewed US attacks against Cuba.",
            "\"From the Journal of S.M. Kudryavtsev, 'Record of Conversation with Fidel Castro Ruz, Prime Minister of the Republic of Cuba, 16 March 1962',\" April 13, 1962, History and Public Policy Program Digital Archive, AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202. Obtained by James G. Hershberg and translated by Gary Goldberg.",
            "AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", "AVP RF", "0104", "18", "121", "3", "196-202", null,
            "Obtained by James G. Hershberg and translated by Gary Goldberg", ["James G. Hershberg"], ["Gary Goldberg"], ["Blavatnik Family Foundation"],
            null, null, null, ["en", "ru"], null, "Secret",
            [("en", "SECRET. Copy Nº 1", "Fidel Castro asked that the CPSU CC be passed his gratitude"),
             ("ru", "13 апреля 1962 года", "ПОСОЛ СССР В РЕСПУБЛИКЕ КУБА")]),
        // Layout B with labels missing (Source, Rights, Type, Donors stand alone) and empty values (Uploaded Date, Language, Record ID).
        new Expected("002",
            "From the Journal of A.I. Alekseyev, 'Record of a Conversation with Fidel Castro Ruz, Prime Minister of the Republic of Cuba, 20 February 1963'",
            "1963-03-23",
            "Fidel Castro expresses concern over US efforts to isolate Cuba from other Latin America countries, including Brazil, and proposes an initiative to expand economic ties with Canada.",
            null,
            "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 72", "AVP RF", "0104", "19", "124", "3", "72", null,
            "Obtained by James G. Hershberg and translated by Gary Goldberg", ["James G. Hershberg"], ["Gary Goldberg"], ["Blavatnik Family Foundation"],
            "please contact the History and Public Policy Program at [email protected].", null, "Memorandum of Conversation", ["en"], null, "Top Secret",
            [("en", "Top Secret Copy Nº 1", "At the same time, stressed Castro, Cuba cannot remain passive")]),
        // Layout A, diary record with a translator's note in brackets inside the text.
        new Expected("003",
            "From the Diary of A. I. Alekseyev, Record of a Conversation with Ernesto Guevara, 25 December 1963",
            "1964-01-29",
            "Guevara informs the Soviets that he has been falsely accused of being \"pro-Chinese.\" They discuss certain differences between Guevara and Soviet officials in terms of approach to the Liberation Movement in Latin America. Guevara reports recent economic progress and economic development plans in Cuba.",
            "\"From the Diary of A. I. Alekseyev, Record of a Conversation with Ernesto Guevara, 25 December 1963 ,\" January 29, 1964, History and Public Policy Program Digital Archive, TsKhSD, f. 5, op. 49, d. 760, ll. 27-29, r. 9127. Translated for CWIHP by Gary Goldberg.",
            "TsKhSD, f. 5, op. 49, d. 760, ll. 27-29, r. 9127", "TsKhSD", "5", "49", null, "760", "27-29", "9127",
            "Translated for CWIHP by Gary Goldberg", [], ["Gary Goldberg"], ["Leon Levy Foundation"],
            null, null, null, ["en"], null, "Secret",
            [("en", "[Stamp]: Declassified", "A. Alekseyev")]),
        // Layout B with a complete Document Information block (Record ID 177840; the title's "withwith" is the archive's own).
        new Expected("004",
            "From the Journal of A.I. Alekseyev, 'Record of a Conversation withwith Ernesto Guevara Serna, Secretary of the National Leadership of the ORO and Minister of Industry, 25 February 1963'",
            "1963-04-05",
            "Guevara praises recent letters from Khrushchev, expresses irritation at the timing of a trade memorandum, and describes Fidel Castro's excitement for his trip to the USSR.",
            null,
            "AVP RF, f. 0104, op. 19, p. 124, d. 3, ll. 86-87", "AVP RF", "0104", "19", "124", "3", "86-87", null,
            "Obtained by James G. Hershberg and translated by Gary Goldberg", ["James G. Hershberg"], ["Gary Goldberg"], ["Blavatnik Family Foundation"],
            "please contact the History and Public Policy Program at HAPP@wilsoncenter.org.", "2018-06-27", "Memorandum of Conversation", ["en"], "177840", "Top Secret",
            [("en", "Top Secret Copy Nº 1", "USSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)")]),
    };

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_field_of_the_page_is_read(Expected e)
    {
        var page = PageCaptureParser.Parse(Corpus.ReadPage(e.Page));
        var record = page.ToRecord();

        Assert.Equal(e.Title, record.Title);
        Assert.Equal(e.Date, record.Date);
        Assert.Equal(e.Summary, record.Summary);
        Assert.Equal(e.CitationLine, page.Citation?.Text);
        if (page.Citation is { } citation)
        {
            Assert.Equal(e.Title, citation.Title);
            Assert.Equal(e.Date, citation.Date?.ToIso());
            Assert.Equal(HappArchive, citation.Repository);
            Assert.Equal(e.SourceText, citation.SourceText);
            Assert.Equal(e.Provenance, citation.Provenance);
        }
        Assert.Equal(HappArchive, record.Repository);
        Assert.Equal(e.SourceText, record.Source.Text);
        Assert.Equal(e.Archive, record.Source.Archive);
        Assert.Equal(e.Fond, record.Source.Fond);
        Assert.Equal(e.Opis, record.Source.Opis);
        Assert.Equal(e.Papka, record.Source.Papka);
        Assert.Equal(e.Delo, record.Source.Delo);
        Assert.Equal(e.Pages, record.Source.Pages);
        Assert.Equal(e.Reel, record.Source.Reel);
        Assert.Equal(e.Provenance, record.Provenance);
        Assert.Equal(e.ObtainedBy, record.ObtainedBy);
        Assert.Equal(e.Translators, record.Translators);
        Assert.Equal(e.Donors, record.Donors);
        if (e.RightsEnd is null)
        {
            Assert.Null(record.Rights);
        }
        else
        {
            Assert.StartsWith(Rights1 + "\n\nTo enquire about this document's rights status", record.Rights);
            Assert.EndsWith(e.RightsEnd, record.Rights);
        }
        Assert.Equal(e.UploadedDate, record.UploadedDate);
        Assert.Equal(e.Type, record.Type);
        Assert.Equal(e.Languages, record.Languages);
        Assert.Equal(e.RecordId, record.RecordId);
        Assert.Equal(e.Classification, record.Classification);

        Assert.Equal(e.Transcripts.Select(t => t.Language), record.Transcripts.Select(t => t.Language));
        foreach (var (expected, actual) in e.Transcripts.Zip(record.Transcripts))
        {
            var paragraphs = actual.Text.Split("\n\n");
            Assert.Equal(expected.First, paragraphs[0]);
            Assert.StartsWith(expected.LastStart, paragraphs[^1]);
        }
        AssertNoSiteText(record);
    }

    [Fact]
    public void The_Russian_original_is_apart_from_the_English_translation()
    {
        var record = PageCaptureParser.Parse(Corpus.ReadPage("001")).ToRecord();
        var english = record.Transcripts.Single(t => t.Language == "en").Text;
        var russian = record.Transcripts.Single(t => t.Language == "ru").Text;
        Assert.DoesNotContain("Гуантанамо", english, StringComparison.Ordinal);
        Assert.Contains("Гуантанамо", russian, StringComparison.Ordinal);
        Assert.Contains("Исх. № 130", russian, StringComparison.Ordinal);
        Assert.DoesNotMatch("[A-Za-z]{4,}", russian.Replace("F-4H", "", StringComparison.Ordinal));
        Assert.DoesNotContain("апреля", english, StringComparison.Ordinal);
    }

    [Fact]
    public void Translators_notes_and_archival_notes_stay_in_the_transcript()
    {
        var diary = PageCaptureParser.Parse(Corpus.ReadPage("003")).ToRecord();
        Assert.Contains("[Translator’s note: The last half of the above paragraph", diary.Transcripts[0].Text, StringComparison.Ordinal);
        var journal = PageCaptureParser.Parse(Corpus.ReadPage("002")).ToRecord();
        Assert.Contains("[Translator’s note: the text of Alekseyev’s report", journal.Transcripts[0].Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("003")]
    public void The_citation_built_from_the_fields_is_the_archives_own_line(string prefix)
    {
        var page = PageCaptureParser.Parse(Corpus.ReadPage(prefix));
        var built = Dossier.Citations.ChicagoCitation.Format(page.ToRecord(), "Dossier");
        // The archive prints a stray space before the comma that closes some titles ("7 December 1963 ,").
        Assert.Equal(page.Citation!.Text.Replace(" ,\"", ",\"", StringComparison.Ordinal), built);
    }

    internal static void AssertNoSiteText(ArchivalRecord record)
    {
        string[] chrome =
        [
            "Search in", "get citation", "share document", "English HTML", "Skip to content", "It appears your Web browser",
            "Click here to view the PDF", "PDFs cannot be printed", "Document Information", "This document was made possible",
            "Digital Archive International History Declassified", "Original Uploaded Date", "Record ID",
        ];
        foreach (var transcript in record.Transcripts)
        {
            foreach (var text in chrome) Assert.DoesNotContain(text, transcript.Text, StringComparison.Ordinal);
            if (record.Summary is not null) Assert.DoesNotContain(record.Summary, transcript.Text, StringComparison.Ordinal);
            Assert.DoesNotContain(record.Title, transcript.Text, StringComparison.Ordinal);
        }
    }
}
