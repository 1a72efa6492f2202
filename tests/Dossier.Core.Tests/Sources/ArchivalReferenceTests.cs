using Dossier.Sources;

namespace Dossier.Core.Tests.Sources;

public class ArchivalReferenceTests
{
    public static TheoryData<string, string?, string?, string?, string?, string?, string?, string?> RussianForms => new()
    {
        // The forms of the five captures.
        { "AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", "AVP RF", "0104", "18", "121", "3", "196-202", null },
        { "TsKhSD, f. 5, op. 49, d. 758, l. 7-10, r. 9126", "TsKhSD", "5", "49", null, "758", "7-10", "9126" },
        { "AVP RF, f. 0104, op. 19, p. 124, d. 3, l. 72", "AVP RF", "0104", "19", "124", "3", "72", null },
        // Words written out, and the archive's name without its space.
        { "AVPRF, fond 0102, opis 19, papka 97, delo 4, list 169", "AVP RF", "0102", "19", "97", "4", "169", null },
        { "AVPRF, fond 0102, opis 19, papka 97, delo 4, listy 169-171", "AVP RF", "0102", "19", "97", "4", "169-171", null },
        // Cyrillic abbreviations.
        { "АВП РФ, ф. 0104, оп. 18, п. 121, д. 3, лл. 196-202", "AVP RF", "0104", "18", "121", "3", "196-202", null },
        { "РГАНИ, ф. 89, оп. 28, д. 5, л. 1", "RGANI", "89", "28", null, "5", "1", null },
        // Other Russian archives, a fond with a letter, and a trailing period.
        { "RGASPI, f. 17, op. 162, d. 1, l. 3.", "RGASPI", "17", "162", null, "1", "3", null },
        { "GARF, f. R-5446, op. 1, d. 508, ll. 12–14", "GARF", "R-5446", "1", null, "508", "12–14", null },
        { "APRF, f. 3, op. 65, d. 877, ll. 1-3", "APRF", "3", "65", null, "877", "1-3", null },
        { "TsAMO, f. 16, op. 3139, d. 135, l. 7, r. 4", "TsAMO", "16", "3139", null, "135", "7", "4" },
    };

    [Theory]
    [MemberData(nameof(RussianForms))]
    public void Russian_references_are_taken_apart(string text, string? archive, string? fond, string? opis, string? papka, string? delo, string? pages, string? reel)
    {
        var s = ArchivalReference.Parse(text);
        Assert.Equal(text, s.Text);
        Assert.Equal(archive, s.Archive);
        Assert.Equal(fond, s.Fond);
        Assert.Equal(opis, s.Opis);
        Assert.Equal(papka, s.Papka);
        Assert.Equal(delo, s.Delo);
        Assert.Equal(pages, s.Pages);
        Assert.Equal(reel, s.Reel);
    }

    public static TheoryData<string, string, string?, string?, string?, string?, string?> OtherHabits => new()
    {
        // text, archive, fond, opis, delo, box, item: each habit's levels in the parts that do the same work.
        { "SAPMO-BArch, DY 30/IV 2/2.035/55", "SAPMO-BArch", "DY 30", null, "IV 2/2.035/55", null, null },
        { "PA AA, MfAA, A 17770", "PA AA", "MfAA", null, "A 17770", null, null },
        { "MNL OL, XIX-J-1-j, Szovjetunió, 1963, 4. d.", "MNL OL", "XIX-J-1-j", "Szovjetunió", null, "4", null },
        { "Hungarian National Archives (MOL), M-KS 288 f. 5/286. ő.e.", "MNL OL", "M-KS 288", "5", "286", null, null },
        { "AAN, KC PZPR, XIA/107", "AAN", "KC PZPR", null, "XIA/107", null, null },
        { "Archiwum Akt Nowych, KC PZPR, sygn. 2639", "AAN", "KC PZPR", null, "2639", null, null },
        { "ANIC, fond CC al PCR – Secţia Relaţii Externe, dosar 58/1963", "ANIC", "CC al PCR – Secţia Relaţii Externe", null, "58/1963", null, null },
        { "PRC FMA 109-03156-02, 1-10", "PRC FMA", "109", null, "03156", null, "02" },
        { "Chinese Foreign Ministry Archive, 109-01381-04", "PRC FMA", "109", null, "01381", null, "04" },
    };

    [Theory]
    [MemberData(nameof(OtherHabits))]
    public void References_in_other_habits_are_taken_apart_in_theirs(string text, string archive, string? fond, string? opis, string? delo, string? box, string? item)
    {
        var s = ArchivalReference.Parse(text);
        Assert.Equal(text, s.Text);
        Assert.Equal(archive, s.Archive);
        Assert.Equal(fond, s.Fond);
        Assert.Equal(opis, s.Opis);
        Assert.Equal(delo, s.Delo);
        Assert.Equal(box, s.Box);
        Assert.Equal(item, s.Item);
    }

    [Theory]
    // Names and scripts meet: the Cyrillic and older names search as the archive holding the papers today.
    [InlineData("ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9об.", "GARF", "Р-9401", "2", "64", "9об")]
    [InlineData("ЦГАМО. Ф. 2157. Оп. 1. Д. 45а. Л. 3-3об.", "TsGAMO", "2157", "1", "45а", "3-3об")]
    [InlineData("RGAE. F. 4372. Op. 11. D. 680. L. 12.", "RGAE", "4372", "11", "680", "12")]
    [InlineData("ф. 8131, оп. 37, д. 4, лл. 20-21", null, "8131", "37", "4", "20-21")]
    [InlineData("RGANI. F. 5. Op. 30. D. 335. Ll. 1-5.", "RGANI", "5", "30", "335", "1-5")]
    public void Dotted_and_cyrillic_references_are_taken_apart(string text, string? archive, string fond, string opis, string delo, string pages)
    {
        var s = ArchivalReference.Parse(text);
        Assert.Equal(archive, s.Archive);
        Assert.Equal(fond, s.Fond);
        Assert.Equal(opis, s.Opis);
        Assert.Equal(delo, s.Delo);
        Assert.Equal(pages, s.Pages);
    }

    public static TheoryData<string, string> Edges => new()
    {
        // text, the parts as "archive|fond|opis|papka|delo|pages|reel|box|item" (- for none)
        { "A.V.P. R.F., f. 0104, op. 18, p. 121, d. 3, ll. 196-202", "AVP RF|0104|18|121|3|196-202|-|-|-" },
        { "ЦГА РСФСР, ф. 2306, оп. 69, д. 2245, л. 10 (копия в ГАРФ)", "ЦГА РСФСР|2306|69|-|2245|10|-|-|-" },
        { "Mikoyan family papers, Box 5 (copy deposited at the Hoover Institution)", "-|Mikoyan family papers|-|-|-|-|-|5|-" },
        { "ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 15 об.–16.", "GARF|Р-9401|2|-|64|15 об.–16|-|-|-" },
        { "RGALI, f. 631, op. 15, ed. khr. 1142, l. 12", "RGALI|631|15|-|1142|12|-|-|-" },
        { "RGANI, f. 5, inv. 30, file 335, sheet 92", "RGANI|5|30|-|335|92|-|-|-" },
        { "RGANI, f. 5, op. 30, d. 335, ll. 92, 94 and 96", "RGANI|5|30|-|335|92, 94 and 96|-|-|-" },
        { "АВП РФ, ф. Референтура по Китаю, оп. 46, п. 3, д. 12", "AVP RF|Референтура по Китаю|46|3|12|-|-|-|-" },
        { "NARA, RG 59, Central Files 1964-66, POL 27 VIET S", "NARA|59|Central Files 1964-66|-|POL 27 VIET S|-|-|-|-" },
        { "National Archives, Kew, FO 371/24526", "TNA|FO 371|-|-|24526|-|-|-|-" },
        { "National Archives, College Park, RG 59, Box 12", "NARA|59|-|-|-|-|-|12|-" },
        { "PA AA, B 150, Bd. 12", "PA AA|B 150|-|-|12|-|-|-|-" },
        { "Harriman Papers, Box 12, Folder Chronological File", "-|Harriman Papers|-|Chronological File|-|-|-|12|-" },
        { "Paris Peace Conf. 184.1 Bullitt, William C.", "-|Paris Peace Conf.|-|-|184.1 Bullitt, William C.|-|-|-|-" },
        { "12345", "-|-|-|-|-|-|-|-|-" },
        { "; AVP RF, f. 1, op. 2, d. 3", "AVP RF|1|2|-|3|-|-|-|-" },
    };

    /// <summary>Readings a review found wrong (dotted abbreviations, remarks in brackets, versos with ranges...), kept right.</summary>
    [Theory]
    [MemberData(nameof(Edges))]
    public void Forms_beyond_the_table_are_read_too(string text, string parts)
    {
        var s = ArchivalReference.Parse(text);
        string Part(string? v) => v ?? "-";
        Assert.Equal(parts, string.Join('|', Part(s.Archive), Part(s.Fond), Part(s.Opis), Part(s.Papka), Part(s.Delo), Part(s.Pages), Part(s.Reel), Part(s.Box), Part(s.Item)));
    }

    [Theory]
    [InlineData(100_000)]
    public void Long_or_repetitive_text_does_not_hang_the_reader(int length)
    {
        // The reader sees whatever stands where a source should: a paragraph, a line of digits, a level repeated.
        var inputs = new[]
        {
            new string('a', length), string.Concat(Enumerable.Repeat("11. ", length / 4)), string.Concat(Enumerable.Repeat("f. 1, ", length / 6)),
            "SAPMO-BArch, DY 30, " + string.Concat(Enumerable.Repeat("11. ", 2000)) + "a", "Bl. 1 " + string.Concat(Enumerable.Repeat("11 ", 3000)) + "x",
        };
        var clock = System.Diagnostics.Stopwatch.StartNew();
        foreach (var input in inputs) ArchivalReference.Parse(input);
        Provenance.People("AVP RF. Translated for " + string.Concat(Enumerable.Repeat("translated for CWIHP ", 4700)));
        // Not a measure of speed (bench/ has those), a guard against patterns whose time grows with the square of a line.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"{clock.Elapsed.TotalSeconds:0.0} s");
    }

    [Fact]
    public void An_older_name_is_searched_as_the_archive_that_holds_its_papers_today()
    {
        Assert.Contains("RGANI", Archives.SearchNames("TsKhSD"));
        Assert.Contains("ЦХСД", Archives.SearchNames("TsKhSD"));
        Assert.Contains("АВП РФ", Archives.SearchNames("AVP RF"));
        Assert.Empty(Archives.SearchNames("An archive nobody knows"));
    }

    [Fact]
    public void An_unknown_archive_is_named_as_written()
    {
        var s = ArchivalReference.Parse("Archives of the Ministry of Foreign Affairs of Mongolia, f. 2, d. 14");
        Assert.Equal("Archives of the Ministry of Foreign Affairs of Mongolia", s.Archive);
        Assert.Equal("2", s.Fond);
        Assert.Equal("14", s.Delo);
    }

    [Fact]
    public void Nothing_gives_nothing()
    {
        Assert.True(ArchivalReference.Parse(null).IsEmpty);
        Assert.True(ArchivalReference.Parse("  ").IsEmpty);
    }
}
