using Dossier.Import.PageCaptures;

using static Dossier.Core.Tests.Import.RecordComparison;

namespace Dossier.Core.Tests.Import;

/// <summary>
/// A second review's variants of the five real captures, aimed at the header search, site-text sections, the
/// heading-less information block and the language split.
/// </summary>
public class Review2VariantTests
{
    private const string Donors004 = "This document was made possible with support from Blavatnik Family Foundation";
    private const string Summary004 = "Guevara praises recent letters from Khrushchev, expresses irritation at the timing of a trade memorandum, and describes Fidel Castro's excitement for his trip to the USSR.";
    private const string PdfNotice = "It appears your Web browser";

    // ---- footer words at the top of a page --------------------------------------------------------------

    [Theory]
    [InlineData("We use cookies to improve your experience on our website. Read more in our\n\nPrivacy Policy\n\nAccept all\n\n")]
    [InlineData("Stay Connected\n\nSign up for the latest additions to the Digital Archive.\n\n")]
    [InlineData("Subscribe to our newsletter\n\n")]
    public void B_banner_at_the_top_with_a_footer_word_changes_nothing(string banner)
    {
        var text = Corpus.ReadPage("004");
        var variant = text.Replace("Skip to content\n", "Skip to content\n\n" + banner, StringComparison.Ordinal);
        Assert.NotEqual(text, variant);
        AssertSameFields(Parse(text), Parse(variant));
    }

    [Fact]
    public void A_header_menu_with_privacy_policy_changes_nothing()
    {
        var text = Corpus.ReadPage("000");
        var variant = "Search in\n\nDigital Archive International History Declassified\n\nAbout\n\nPrivacy Policy\n\n" + text[text.IndexOf("January 29, 1964", StringComparison.Ordinal)..];
        AssertSameFields(Parse(text), Parse(variant));
    }

    // ---- record date and title --------------------------------------------------------------------------

    [Fact]
    public void B_capture_starting_at_outgoing_number_takes_no_date_and_no_title_from_the_document()
    {
        var text = Corpus.ReadPage("004");
        var cut = text[text.IndexOf("Outgoing Nº 122", StringComparison.Ordinal)..];
        var page = PageCaptureParser.Parse(cut);
        Assert.Null(page.Date);   // "25 February 1963" is the conversation's date inside the document
        Assert.Null(page.Title);  // "Today I talked with Guevara ..." is the document's first paragraph
    }

    [Fact]
    public void B_long_breadcrumb_above_the_date_keeps_the_date()
    {
        var text = Corpus.ReadPage("004");
        var variant = text.Replace("Skip to content\n", "Skip to content\n\nHome › Digital Archive › Collections › Cuban Missile Crisis › Soviet-Cuban Relations\n", StringComparison.Ordinal);
        var record = Parse(variant);
        Assert.Equal("1963-04-05", record.Date);
        AssertSameFields(Parse(text), record, "Transcripts");
    }

    // ---- sections and lists of site text ----------------------------------------------------------------

    [Fact]
    public void B_related_documents_between_donors_line_and_transcript_leave_the_transcript_whole()
    {
        var text = Corpus.ReadPage("004");
        var variant = text.Replace(Donors004 + "\n",
            Donors004 + "\n\nRelated Documents\n\nFebruary 20, 1963\n\nTelegram from Soviet Ambassador to Cuba Alekseyev to the USSR Foreign Ministry, 20 February 1963\n\n" +
            "Alekseyev reports on his conversation with Fidel Castro about the withdrawal of Soviet troops from Cuba.\n\n", StringComparison.Ordinal);
        AssertSameFields(Parse(text), Parse(variant));
    }

    [Theory]
    [InlineData("before-info")]
    [InlineData("end")]
    public void B_associated_places_with_a_heading_ending_in_a_period_change_nothing(string where)
    {
        const string list = "\nAssociated Places\n\nCuba\n\nWashington (D.C.)\n\nMoscow (Russia)\n\n";
        var text = Corpus.ReadPage("004");
        var variant = where == "end" ? text.TrimEnd() + "\n" + list : text.Insert(text.IndexOf("Document Information", StringComparison.Ordinal), list);
        AssertSameFields(Parse(text), Parse(variant));
    }

    [Fact]
    public void B_associated_people_with_initials_change_nothing()
    {
        const string list = "\nAssociated People & Organizations\n\nAlekseyev, A. I.\n\nGuevara, Che, 1928-1967\n\nKhrushchev, Nikita S.\n\n";
        var text = Corpus.ReadPage("004");
        var variant = text.Insert(text.IndexOf("Document Information", StringComparison.Ordinal), list);
        AssertSameFields(Parse(text), Parse(variant));
    }

    [Fact]
    public void B_letterhead_after_an_associated_list_stays_in_the_transcript()
    {
        var text = Corpus.ReadPage("004").Replace("Top Secret Copy Nº 1\n", "EMBASSY OF THE USSR IN THE REPUBLIC OF CUBA\n\nTop Secret Copy Nº 1\n", StringComparison.Ordinal);
        var variant = text.Replace(Donors004 + "\n", Donors004 + "\n\nAssociated Places\n\nCuba\n\n", StringComparison.Ordinal);
        AssertSameFields(Parse(text), Parse(variant));
        Assert.StartsWith("EMBASSY OF THE USSR IN THE REPUBLIC OF CUBA", Parse(variant).Transcripts[0].Text, StringComparison.Ordinal);
    }

    // ---- the information block --------------------------------------------------------------------------

    [Fact]
    public void B_help_sentence_after_the_block_does_not_take_the_summary()
    {
        var text = Corpus.ReadPage("004");
        var variant = text.TrimEnd() + "\n\nHave a question about this document? Our reference staff are happy to help you with your research.\n";
        var record = Parse(variant);
        Assert.Equal(Summary004, record.Summary);
        AssertSameFields(Parse(text), record);
    }

    [Fact]
    public void A_intelligence_report_header_inside_the_transcript_is_not_a_document_information_block()
    {
        const string header = "CLASSIFICATION: SECRET\n\nCOUNTRY: Cuba\n\nSUBJECT: Conversation of the Soviet Ambassador with President Dorticos\n\nSOURCE: A Cuban official with access to the President's office.\n\n";
        var text = Corpus.ReadPage("000");
        var variant = text.Insert(text.IndexOf("[Stamp]: Declassified", StringComparison.Ordinal), header);
        var record = Parse(variant);
        var expected = Parse(text);
        Assert.Equal(["en"], record.Transcripts.Select(t => t.Language));
        Assert.Contains("SOURCE: A Cuban official", record.Transcripts[0].Text, StringComparison.Ordinal);
        Assert.EndsWith(expected.Transcripts[0].Text.Split("\n\n")[^1], record.Transcripts[0].Text, StringComparison.Ordinal);
        Assert.Equal(expected.Source.Text, record.Source.Text);
        Assert.Null(record.Type);          // not "USSR Ambassador to Cuba"
        Assert.Null(record.UploadedDate);  // not "29 January 1964" from the document's header
    }

    [Fact]
    public void B_without_heading_a_summary_mentioning_permission_is_the_summary_not_rights()
    {
        const string summary = "Guevara praises recent letters from Khrushchev and asks for permission to publish them in Cuba.";
        var text = Corpus.ReadPage("004").Replace(Summary004, summary, StringComparison.Ordinal);
        var variant = text.Replace("Document Information\n", "\n", StringComparison.Ordinal);
        var record = Parse(variant);
        Assert.Equal(summary, record.Summary);
        AssertSameFields(Parse(text), record);
    }

    // ---- language split ---------------------------------------------------------------------------------

    private const string Pl1 = "Dziś odwiedziłem Dorticósa w jego mieszkaniu i przekazałem mu tekst listu N. S. Chruszczowa do Mao Zedonga z 29 stycznia 1963 r. (F. Castro, który przebywa poza Hawaną, prosił, abym w czasie jego nieobecności we wszystkich sprawach spotykał się z Dorticósem).";
    private const string Pl2 = "Dorticós uważnie przeczytał list w mojej obecności i oświadczył, że uważa go za mądry i że ma on ogromne znaczenie praktyczne. Jeśli przywódcy Komunistycznej Partii Chin, powiedział Dorticós, właściwie zrozumieją list i odpowiedzą na apel N. S. Chruszczowa, to zniknie wiele nieporozumień w ruchu robotniczym i komunistycznym, a groźba rozłamu zostanie usunięta.";
    private const string Pl3 = "Dla nas, oświadczył Dorticós, zawsze było bolesne wchodzenie w otwarte polemiki na temat problemów ideologicznych, ponieważ wykraczają one poza granice przyjacielskiej dyskusji i przenoszą się na stosunki międzynarodowe.";
    private const string Hu1 = "Ma meglátogattam Dorticóst a lakásán, és átadtam neki N. Sz. Hruscsov Mao Ce-tunghoz írt 1963. január 29-i levelének szövegét. F. Castro, aki Havannán kívül tartózkodik, azt kérte, hogy távollétében minden kérdésben Dorticósszal találkozzam.";
    private const string Hu2 = "Dorticós a jelenlétemben figyelmesen elolvasta a levelet, és kijelentette, hogy bölcsnek tartja, és hogy annak óriási gyakorlati jelentősége van. Ha a Kínai Kommunista Párt vezetői, mondta Dorticós, helyesen értik meg a levelet, és válaszolnak N. Sz. Hruscsov felhívására, akkor a munkás- és kommunista mozgalomban sok félreértés megszűnik, és elhárul a szakadás veszélye.";
    private const string Hu3 = "Számunkra, jelentette ki Dorticós, mindig fájdalmas volt az ideológiai kérdésekről nyílt vitába bocsátkozni, mert ezek túllépnek a baráti vita keretein, és átterjednek a nemzetközi kapcsolatokra is.";

    [Theory]
    [InlineData("pl", "Ściśle tajne\n\nWarszawa, dnia 29 stycznia 1964 r.\n\n" + Pl1 + "\n\n" + Pl2 + "\n\n" + Pl3 + "\n\n")]
    [InlineData("hu", "Szigorúan titkos!\n\nBudapest, 1964. január 29.\n\n" + Hu1 + "\n\n" + Hu2 + "\n\n" + Hu3 + "\n\n")]
    public void A_latin_original_after_the_english_keeps_its_own_header_lines(string language, string original)
    {
        var text = Corpus.ReadPage("000");
        var variant = text.Insert(text.IndexOf(PdfNotice, StringComparison.Ordinal), original);
        var record = Parse(variant);
        Assert.Equal(["en", language], record.Transcripts.Select(t => t.Language));
        Assert.Equal(Parse(text).Transcripts[0].Text, record.Transcripts[0].Text);
        Assert.Equal(original.TrimEnd(), record.Transcripts[1].Text);
    }

    [Fact]
    public void A_signature_with_initials_stays_with_the_english_before_a_polish_original()
    {
        var text = Corpus.ReadPage("003").Replace("\nA. Alekseyev\n", "\nA. I. Alekseyev\n", StringComparison.Ordinal);
        var original = Pl1 + "\n\n" + Pl2 + "\n\n" + Pl3 + "\n\n";
        var variant = text.Insert(text.IndexOf(PdfNotice, StringComparison.Ordinal), original);
        var record = Parse(variant);
        Assert.Equal(["en", "pl"], record.Transcripts.Select(t => t.Language));
        Assert.EndsWith("USSR Ambassador to Cuba\n\nA. I. Alekseyev", record.Transcripts[0].Text, StringComparison.Ordinal);
        Assert.StartsWith("Dziś odwiedziłem", record.Transcripts[1].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_polish_original_cut_short_after_the_english_stays_polish()
    {
        var text = Corpus.ReadPage("000");
        var cut = text[..text.IndexOf(PdfNotice, StringComparison.Ordinal)] + Pl1 + "\n";
        var record = Parse(cut);
        Assert.Equal(["en", "pl"], record.Transcripts.Select(t => t.Language));
        Assert.Equal(Pl1, record.Transcripts[1].Text);
    }

    [Theory]
    [InlineData("I. POLITICAL QUESTIONS")]
    [InlineData("Present: A. I. Alekseyev, E. Guevara, O. Dorticos")]
    [InlineData("A. I. ALEKSEYEV")]
    public void A_short_english_line_inside_the_english_stays_english(string line)
    {
        var text = Corpus.ReadPage("003");
        var variant = text.Replace("\nI met today with E. Guevara", "\n" + line + "\n\nI met today with E. Guevara", StringComparison.Ordinal);
        var record = Parse(variant);
        Assert.Equal(["en"], record.Transcripts.Select(t => t.Language));
        Assert.Contains(line, record.Transcripts[0].Text, StringComparison.Ordinal);
    }

    [Fact]
    public void B_short_english_headings_before_a_hungarian_original_stay_english()
    {
        // The English ends with a signature block of names, then a Hungarian original follows.
        var text = Corpus.ReadPage("004");
        var original = Hu1 + "\n\n" + Hu2 + "\n\n" + Hu3 + "\n\n";
        var variant = text.Replace("USSR AMBASSADOR IN THE REPUBLIC OF CUBA (A. ALEKSEYEV)\n",
            "USSR AMBASSADOR IN THE REPUBLIC OF CUBA\n\nA. I. ALEKSEYEV\n\n" + original, StringComparison.Ordinal);
        var record = Parse(variant);
        Assert.Equal(["en", "hu"], record.Transcripts.Select(t => t.Language));
        Assert.EndsWith("A. I. ALEKSEYEV", record.Transcripts[0].Text, StringComparison.Ordinal);
        Assert.Equal(original.TrimEnd(), record.Transcripts[1].Text);
        Assert.Equal(Summary004, record.Summary);
    }
}
