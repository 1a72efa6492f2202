using System.Xml.Linq;
using Dossier.Citations;
using Dossier.Records;
using Dossier.Sources;

namespace Dossier.Core.Tests.Citations;

/// <summary>
/// Each style over the records that trouble citation styles: everything known, nothing but a title, a month-only date
/// with three translators, a Cyrillic title and translator with a year only, and a title ending in its own question
/// mark with no date. The rule each odd case follows is written beside it; the styles' classes cite their sections.
/// </summary>
public class CitationStyleTests
{
    private static readonly DateOnly Today = new(2026, 12, 2);

    private static CitedRecord Full() => CitedRecord.From(new ArchivalRecord
    {
        Id = 1,
        Title = "From the Diary of A. I. Alekseyev, Record of a Conversation with Ernesto Guevara, 25 December 1963",
        Date = "1964-01-29",
        Repository = "History and Public Policy Program Digital Archive",
        Source = new ArchivalSource { Text = "TsKhSD, f. 5, op. 49, d. 760, ll. 27-29, r. 9127." },
        Provenance = "Translated for CWIHP by Gary Goldberg.",
        Translators = ["Gary Goldberg"],
        Type = "Memorandum of Conversation",
        Languages = ["en", "ru"],
        Summary = "Guevara informs the Soviets that he has been falsely accused of being \"pro-Chinese.\"",
    }, "Dossier", "https://archive.example/documents/1", Today);

    private static CitedRecord TitleOnly() => CitedRecord.From(new ArchivalRecord { Id = 2, Title = "Letter from Khrushchev to Kennedy" }, "Dossier");

    private static CitedRecord ThreeTranslators() => CitedRecord.From(new ArchivalRecord
    {
        Id = 3,
        Title = "Record of Conversation with Fidel Castro",
        Date = "1962-10",
        Source = new ArchivalSource { Text = "AVP RF, f. 0104, op. 18, d. 3" },
        Translators = ["Gary Goldberg", "Svetlana Savranskaya", "James G. Hershberg"],
    }, "Dossier", "https://archive.example/documents/3", Today);

    private static CitedRecord Cyrillic() => CitedRecord.From(new ArchivalRecord
    {
        Id = 4,
        Title = "Запись беседы с Н. С. Хрущёвым",
        Date = "1962",
        Source = new ArchivalSource { Text = "АП РФ, ф. 3, оп. 65, д. 905, л. 1–5." },
        Translators = ["Gary Goldberg", "Никита Петров"],
        Languages = ["ru"],
    }, "Dossier");

    private static CitedRecord Question() => CitedRecord.From(new ArchivalRecord { Id = 5, Title = "Who Lost Cuba?", Type = "Report" },
        "Dossier", "https://archive.example/documents/5", Today);

    private static CitedRecord Authored() => CitedRecord.From(new ArchivalRecord
    {
        Id = 9,
        Title = "The Causality of Supply Relationships",
        Date = "2001-01-04",
        Creators = ["Jong, G. de", "Nooteboom, B."],
        Repository = "Erasmus Research Institute of Management",
    }, "Dossier", "https://archive.example/documents/9", Today);

    private const string FullTitle = "From the Diary of A. I. Alekseyev, Record of a Conversation with Ernesto Guevara, 25 December 1963";
    private const string FullLocation = "TsKhSD, f. 5, op. 49, d. 760, ll. 27-29, r. 9127";
    private const string Hppp = "History and Public Policy Program Digital Archive";

    public static TheoryData<string, string, string> Lines => new()
    {
        // Chicago note as the archive prints it: "Title," Date, Archive, Location. Provenance.
        { "full", "chicago", $"\"{FullTitle},\" January 29, 1964, {Hppp}, {FullLocation}. Translated for CWIHP by Gary Goldberg." },
        { "title-only", "chicago", "\"Letter from Khrushchev to Kennedy,\" Dossier." },
        { "three-translators", "chicago", "\"Record of Conversation with Fidel Castro,\" October 1962, Dossier, AVP RF, f. 0104, op. 18, d. 3." },
        // The location's own final period is the style's (never "л. 1–5..").
        { "cyrillic", "chicago", "\"Запись беседы с Н. С. Хрущёвым,\" 1962, Dossier, АП РФ, ф. 3, оп. 65, д. 905, л. 1–5." },
        // CMOS 6.119: a title's own question mark replaces the comma.
        { "question", "chicago", "\"Who Lost Cuba?\" Dossier." },
        // CMOS 14.76: a note names its authors first, in natural order; a Dutch particle goes with the family name.
        { "authored", "chicago", "G. de Jong and B. Nooteboom, \"The Causality of Supply Relationships,\" January 4, 2001, Erasmus Research Institute of Management." },

        // Chicago bibliography: periods between elements; "n.d." for no date (CMOS 14.309), then the access date (14.12).
        { "full", "chicago-bib", $"\"{FullTitle}.\" Translated by Gary Goldberg. January 29, 1964. {FullLocation}. {Hppp}. https://archive.example/documents/1." },
        { "title-only", "chicago-bib", "\"Letter from Khrushchev to Kennedy.\" n.d. Dossier." },
        // Three names with the serial comma (CMOS 6.19).
        { "three-translators", "chicago-bib", "\"Record of Conversation with Fidel Castro.\" Translated by Gary Goldberg, Svetlana Savranskaya, and James G. Hershberg. October 1962. AVP RF, f. 0104, op. 18, d. 3. Dossier. https://archive.example/documents/3." },
        // Non-Latin titles and names are given as written (CMOS 11.5).
        { "cyrillic", "chicago-bib", "\"Запись беседы с Н. С. Хрущёвым.\" Translated by Gary Goldberg and Никита Петров. 1962. АП РФ, ф. 3, оп. 65, д. 905, л. 1–5. Dossier." },
        { "question", "chicago-bib", "\"Who Lost Cuba?\" n.d. Dossier. Accessed December 2, 2026. https://archive.example/documents/5." },
        // CMOS 14.76: the first author inverted, the second in natural order.
        { "authored", "chicago-bib", "de Jong, G., and B. Nooteboom. \"The Causality of Supply Relationships.\" January 4, 2001. Erasmus Research Institute of Management. https://archive.example/documents/9." },

        // MLA 9: day-month-year with abbreviated months, the URL without https://, the access date last.
        { "full", "mla", $"\"{FullTitle}.\" Translated by Gary Goldberg, 29 Jan. 1964. {FullLocation}. {Hppp}, archive.example/documents/1. Accessed 2 Dec. 2026." },
        { "title-only", "mla", "\"Letter from Khrushchev to Kennedy.\" Dossier." },
        // MLA 5.36: three or more contributors: the first and "et al."; "Oct." abbreviated, "June" would not be.
        { "three-translators", "mla", "\"Record of Conversation with Fidel Castro.\" Translated by Gary Goldberg et al., Oct. 1962. AVP RF, f. 0104, op. 18, d. 3. Dossier, archive.example/documents/3. Accessed 2 Dec. 2026." },
        { "cyrillic", "mla", "\"Запись беседы с Н. С. Хрущёвым.\" Translated by Gary Goldberg and Никита Петров, 1962. АП РФ, ф. 3, оп. 65, д. 905, л. 1–5. Dossier." },
        // No date: the element is left out (MLA 5.97), nothing stands in its place.
        { "question", "mla", "\"Who Lost Cuba?\" Dossier, archive.example/documents/5. Accessed 2 Dec. 2026." },
        // MLA 5.7: two authors, the second in natural order after "and".
        { "authored", "mla", "de Jong, G., and B. Nooteboom. \"The Causality of Supply Relationships.\" 4 Jan. 2001. Erasmus Research Institute of Management, archive.example/documents/9. Accessed 2 Dec. 2026." },

        // APA 7: the title in the author's place, translators as initials with "Trans.", the date after, no period after the URL.
        { "full", "apa", $"{FullTitle} (G. Goldberg, Trans.) [Memorandum of conversation]. (1964, January 29). {FullLocation}. {Hppp}. https://archive.example/documents/1" },
        // APA 9.17: "n.d." for no date.
        { "title-only", "apa", "Letter from Khrushchev to Kennedy. (n.d.). Dossier." },
        // APA 9.8: three names with "&" before the last and the serial comma.
        { "three-translators", "apa", "Record of Conversation with Fidel Castro (G. Goldberg, S. Savranskaya, & J. G. Hershberg, Trans.). (1962, October). AVP RF, f. 0104, op. 18, d. 3. Dossier. https://archive.example/documents/3" },
        // Initials are taken in the name's own script.
        { "cyrillic", "apa", "Запись беседы с Н. С. Хрущёвым (G. Goldberg & Н. Петров, Trans.). (1962). АП РФ, ф. 3, оп. 65, д. 905, л. 1–5. Dossier." },
        { "question", "apa", "Who Lost Cuba? [Report]. (n.d.). Dossier. https://archive.example/documents/5" },
        // APA 9.8: authors by family name and initials with "&", the date after them.
        { "authored", "apa", "de Jong, G., & Nooteboom, B. (2001, January 4). The Causality of Supply Relationships. Erasmus Research Institute of Management. https://archive.example/documents/9" },

        // Turabian full note: commas between elements, "trans." abbreviated, one final period.
        { "full", "turabian", $"\"{FullTitle},\" trans. Gary Goldberg, January 29, 1964, {FullLocation}, {Hppp}, https://archive.example/documents/1." },
        { "title-only", "turabian", "\"Letter from Khrushchev to Kennedy,\" n.d., Dossier." },
        { "three-translators", "turabian", "\"Record of Conversation with Fidel Castro,\" trans. Gary Goldberg, Svetlana Savranskaya, and James G. Hershberg, October 1962, AVP RF, f. 0104, op. 18, d. 3, Dossier, https://archive.example/documents/3." },
        { "cyrillic", "turabian", "\"Запись беседы с Н. С. Хрущёвым,\" trans. Gary Goldberg and Никита Петров, 1962, АП РФ, ф. 3, оп. 65, д. 905, л. 1–5, Dossier." },
        { "question", "turabian", "\"Who Lost Cuba?\" n.d., Dossier, accessed December 2, 2026, https://archive.example/documents/5." },
        { "authored", "turabian", "G. de Jong and B. Nooteboom, \"The Causality of Supply Relationships,\" January 4, 2001, Erasmus Research Institute of Management, https://archive.example/documents/9." },
    };

    private static CitedRecord Case(string name) => name switch
    {
        "full" => Full(),
        "title-only" => TitleOnly(),
        "three-translators" => ThreeTranslators(),
        "cyrillic" => Cyrillic(),
        "question" => Question(),
        "authored" => Authored(),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Each_style_writes_each_case_by_its_rules(string record, string style, string expected)
    {
        var text = CitationStyle.Find(style)!.Text!(Case(record)).ToString();
        Assert.Equal(expected, text);
        Assert.DoesNotContain("..", text.Replace("...", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.DoesNotContain(" ,", text, StringComparison.Ordinal);
        Assert.DoesNotContain(",.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("  ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Four_authors_are_the_first_and_et_al_in_a_note_and_three_in_MLA()
    {
        var four = CitedRecord.From(new ArchivalRecord { Id = 10, Title = "Report", Creators = ["Ann Smith", "Bo Jones", "Cy Young", "Di Lane"] }, "Dossier");
        Assert.Equal("Ann Smith et al., \"Report,\" Dossier.", ChicagoCitation.Format(four));
        Assert.StartsWith("Smith, Ann, Bo Jones, Cy Young, and Di Lane. \"Report.\"", ChicagoBibliography.Format(four).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Smith, Ann, et al. \"Report.\"", MlaCitation.Format(four).ToString(), StringComparison.Ordinal);
        Assert.StartsWith("Smith, A., Jones, B., Young, C., & Lane, D. (n.d.). ", ApaCitation.Format(four).ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Italics_are_marked_for_the_page_and_dropped_in_plain_text()
    {
        var apa = ApaCitation.Format(Full());
        Assert.StartsWith($"<i>{FullTitle}</i> (G. Goldberg, Trans.)", apa.ToHtml(), StringComparison.Ordinal);
        var mla = MlaCitation.Format(Question());
        Assert.Equal("&quot;Who Lost Cuba?&quot; <i>Dossier</i>, archive.example/documents/5. Accessed 2 Dec. 2026.", mla.ToHtml());
    }

    [Fact]
    public void A_title_with_double_quotes_inside_takes_single_ones_within_the_styles_quotation_marks()
    {
        var cited = CitedRecord.From(new ArchivalRecord { Id = 6, Title = "On the \"Cuban Question\"" }, "Dossier");
        Assert.Equal("\"On the 'Cuban Question',\" Dossier.", ChicagoCitation.Format(cited));
        Assert.Equal("\"On the 'Cuban Question'.\" Dossier.", MlaCitation.Format(cited).ToString());
    }

    [Fact]
    public void BibTeX_is_a_misc_entry_with_howpublished_note_url_and_urldate()
    {
        Assert.Equal(
            "@misc{dossier-1,\n" +
            $"  title = {{{{{FullTitle}}}}},\n" +
            "  year = {1964},\n" +
            "  month = jan,\n" +
            $"  howpublished = {{{Hppp}}},\n" +
            $"  note = {{{FullLocation}. Translated for CWIHP by Gary Goldberg.}},\n" +
            "  language = {english},\n" +
            "  url = {https://archive.example/documents/1},\n" +
            "  urldate = {2026-12-02},\n" +
            "}\n",
            BibTex.Entry(Full()));

        // Missing fields are absent; with no provenance the translators make the note.
        var three = BibTex.Entry(ThreeTranslators());
        Assert.Contains("  note = {AVP RF, f. 0104, op. 18, d. 3. Translated by Gary Goldberg, Svetlana Savranskaya, and James G. Hershberg.},\n", three, StringComparison.Ordinal);
        Assert.Contains("  month = oct,\n", three, StringComparison.Ordinal);
        var bare = BibTex.Entry(TitleOnly());
        Assert.Equal("@misc{dossier-2,\n  title = {{Letter from Khrushchev to Kennedy}},\n  howpublished = {Dossier},\n}\n", bare);
    }

    [Fact]
    public void BibTeX_escapes_what_TeX_would_read_as_commands_and_keeps_Cyrillic()
    {
        var cited = CitedRecord.From(new ArchivalRecord { Id = 7, Title = "R&D at 50% {draft} #2 of $5 for A_B ~x^y \\z", Date = "1962" }, "Dossier");
        Assert.Contains(@"title = {{R\&D at 50\% \{draft\} \#2 of \$5 for A\_B \textasciitilde{}x\textasciicircum{}y \textbackslash{}z}},", BibTex.Entry(cited), StringComparison.Ordinal);
        Assert.Contains("title = {{Запись беседы с Н. С. Хрущёвым}},", BibTex.Entry(Cyrillic()), StringComparison.Ordinal);
    }

    [Fact]
    public void BibLaTeX_gives_the_partial_date_in_ISO_form_and_translators_as_a_name_list()
    {
        var entry = BibTex.BibLatexEntry(ThreeTranslators());
        Assert.StartsWith("@misc{dossier-3,\n  title = {Record of Conversation with Fidel Castro},\n  date = {1962-10},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  translator = {Goldberg, Gary and Savranskaya, Svetlana and Hershberg, James G.},\n", entry, StringComparison.Ordinal);
        Assert.Contains("  note = {AVP RF, f. 0104, op. 18, d. 3},\n", entry, StringComparison.Ordinal);

        var full = BibTex.BibLatexEntry(Full());
        Assert.Contains("  date = {1964-01-29},\n", full, StringComparison.Ordinal);
        Assert.Contains("  type = {Memorandum of Conversation},\n", full, StringComparison.Ordinal);
        Assert.Contains("  addendum = {Translated for CWIHP by Gary Goldberg.},\n", full, StringComparison.Ordinal);
        Assert.Contains("  langid = {english},\n", full, StringComparison.Ordinal);

        // An institution is braced whole, so that BibLaTeX does not read "Foundation" as a family name.
        var institution = CitedRecord.From(new ArchivalRecord { Id = 8, Title = "T", Translators = ["Blavatnik Family Foundation", "Ludwig van Beethoven"] }, "Dossier");
        Assert.Contains("translator = {{Blavatnik Family Foundation} and van Beethoven, Ludwig},", BibTex.BibLatexEntry(institution), StringComparison.Ordinal);
        Assert.Contains("translator = {Goldberg, Gary and Петров, Никита},", BibTex.BibLatexEntry(Cyrillic()), StringComparison.Ordinal);
    }

    [Fact]
    public void RIS_uses_the_tags_Zotero_maps_for_a_manuscript()
    {
        Assert.Equal(
            "TY  - MANSCPT\r\n" +
            $"TI  - {FullTitle}\r\n" +
            "A4  - Goldberg, Gary\r\n" +
            "AB  - Guevara informs the Soviets that he has been falsely accused of being \"pro-Chinese.\"\r\n" +
            "DA  - 1964/01/29/\r\n" +
            "PY  - 1964\r\n" +
            "LA  - en\r\n" +
            "M3  - Memorandum of Conversation\r\n" +
            "UR  - https://archive.example/documents/1\r\n" +
            $"AN  - {FullLocation}\r\n" +
            $"DB  - {Hppp}\r\n" +
            "Y2  - 2026/12/02/\r\n" +
            "N1  - Translated for CWIHP by Gary Goldberg.\r\n" +
            "ER  - \r\n",
            Ris.Entry(Full()));

        // Unknown parts of a date are left empty; absent fields have no tag.
        var three = Ris.Entry(ThreeTranslators());
        Assert.Contains("DA  - 1962/10//\r\n", three, StringComparison.Ordinal);
        Assert.Equal(3, three.Split("\r\nA4  - ").Length - 1);
        Assert.DoesNotContain("N1  -", three, StringComparison.Ordinal);
        Assert.Contains("DA  - 1962///\r\n", Ris.Entry(Cyrillic()), StringComparison.Ordinal);
        Assert.Equal("TY  - MANSCPT\r\nTI  - Letter from Khrushchev to Kennedy\r\nDB  - Dossier\r\nER  - \r\n", Ris.Entry(TitleOnly()));

        // Several records: one blank line between them.
        var two = Ris.Write([TitleOnly(), TitleOnly()]);
        Assert.Contains("ER  - \r\n\r\nTY  - MANSCPT", two, StringComparison.Ordinal);
    }

    [Fact]
    public void Dublin_Core_is_an_oai_dc_record()
    {
        var xml = XDocument.Parse(DublinCore.Write(Full()));
        XNamespace oaiDc = DublinCore.OaiDcNamespace, dc = DublinCore.ElementsNamespace;
        Assert.Equal(oaiDc + "dc", xml.Root!.Name);
        string[] Values(string name) => [.. xml.Root.Elements(dc + name).Select(e => e.Value)];
        Assert.Equal([FullTitle], Values("title"));
        Assert.Equal(["Goldberg, Gary"], Values("contributor"));
        Assert.Equal(["1964-01-29"], Values("date"));
        Assert.Equal(["Text", "Memorandum of Conversation"], Values("type"));
        Assert.Equal(["en", "ru"], Values("language"));
        Assert.Equal([Hppp], Values("publisher"));
        Assert.Equal([FullLocation], Values("source"));
        Assert.Equal(["https://archive.example/documents/1"], Values("identifier"));

        var cyrillic = XDocument.Parse(DublinCore.Write(Cyrillic()));
        Assert.Equal("1962", cyrillic.Root!.Element(dc + "date")!.Value);
        Assert.Equal("Запись беседы с Н. С. Хрущёвым", cyrillic.Root.Element(dc + "title")!.Value);
        Assert.Null(cyrillic.Root.Element(dc + "identifier"));
    }

    [Fact]
    public void Every_style_has_a_key_a_media_type_and_writes_one_record()
    {
        Assert.Equal(["chicago", "chicago-bib", "mla", "apa", "turabian", "bibtex", "biblatex", "ris", "csl-json", "dc"], CitationStyle.All.Select(s => s.Key));
        foreach (var style in CitationStyle.All)
        {
            var written = style.Write([Cyrillic()]);
            Assert.Contains("Запись беседы", written, StringComparison.Ordinal);
        }
        Assert.Null(CitationStyle.Find("harvard"));
        Assert.Equal("mla", CitationStyle.Find(" MLA ")!.Key);
    }
}
