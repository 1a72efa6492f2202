using System.Text.RegularExpressions;

namespace Dossier.Sources;

/// <summary>How an archive's references name the levels of its arrangement; each habit is read its own way.</summary>
public enum ReferenceHabit
{
    /// <summary>fond, opis, papka, delo, list/listy, reel: Russian and other post-Soviet archives, Latin or Cyrillic.</summary>
    Russian,

    /// <summary>Bestand and Signatur (<c>DY 30/IV 2/2.035/55</c>), Blatt: the German federal archives and the Stasi files.</summary>
    German,

    /// <summary>fond code, country, box (doboz), subject file (tétel), document number: the Hungarian National Archives.</summary>
    Hungarian,

    /// <summary>zespół, wiązka, teczka, sygnatura, karta: the Polish archives.</summary>
    Polish,

    /// <summary>fond, dosar, file (folios), telegram numbers: the Romanian archives.</summary>
    Romanian,

    /// <summary>fond, svazek, archivní jednotka: the Czech archives.</summary>
    Czech,

    /// <summary>fond, list (inventory), dosje: the Albanian state archive.</summary>
    Albanian,

    /// <summary><c>F-6, D-1, HN-25</c>: fond, dans (inventory), khadgalamjiin negj (file): the Mongolian archives.</summary>
    Mongolian,

    /// <summary>Record numbers <c>109-01234-05</c> (fond, file, item): the Chinese Foreign Ministry Archive.</summary>
    Chinese,

    /// <summary>
    /// Record group, collection, series, box, folder, file numbers: the United States' archives and the others that
    /// cite boxes and folders.
    /// </summary>
    Western,
}

/// <summary>An archive as references name it: its canonical name, the archive that holds its papers today, its habit.</summary>
public sealed record ArchiveName(string Name, ReferenceHabit Habit, string? HeldToday = null)
{
    /// <summary>Every way a reference writes the archive, the canonical name included.</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>Names written out in full ("Archive of Foreign Policy of the Russian Federation"), matched anywhere.</summary>
    public Regex? FullName { get; init; }
}

/// <summary>
/// The archives Dossier's sources cite, in both scripts and under their older names: <c>ГАРФ</c> is GARF,
/// <c>AVPRF</c> and <c>АВП РФ</c> are AVP RF. A reference keeps the name it cites (TsKhSD stays TsKhSD, the name the
/// documents were cited under); the archive that holds those papers today (RGANI) is known too, so a search for
/// either finds both.
/// </summary>
public static partial class Archives
{
    private static readonly ArchiveName[] Known =
    [
        Russian("AVP RF", null, ["AVPRF", "АВП РФ", "АВПРФ", "AVP R.F."],
            @"Archive of (?:the )?Foreign Policy,? (?:of )?(?:the )?Russian Federation|Foreign Policy Archive of the Russian Federation|Russian (?:Foreign Ministry|Ministry of Foreign Affairs) [Aa]rchives?|Архив внешней политики Российской Федерации"),
        Russian("AVP SSSR", "AVP RF", ["АВП СССР", "AVP USSR"], @"Архив внешней политики СССР|Archive of Foreign Policy of the USSR"),
        Russian("APRF", null, ["AP RF", "АП РФ", "АПРФ", "Arkhiv Prezidenta RF"],
            @"Archive of the President of the Russian Federation|Presidential Archive(?:s)?(?: of the Russian Federation)?|Архив Президента Российской Федерации|Архив Президента РФ"),
        Russian("RGANI", null, ["РГАНИ"], @"Russian State Archive of Contemporary History|Российский государственный архив новейшей истории|Rossiiskii [Gg]osudarstvennyi [Aa]rkhiv [Nn]oveishei [Ii]storii"),
        Russian("TsKhSD", "RGANI", ["ЦХСД", "TsKhSD"], @"Cent(?:er|re) for the Storage of Contemporary Documentation|Центр хранения современной документации"),
        Russian("RGASPI", null, ["РГАСПИ", "RGASPI", "РДАСПІ", "RASPH"], @"Russian State Archive of Social(?:-| and )Political History|Российский государственный архив социально-политической истории|Rossiiskii [Gg]osudarstvennyi [Aa]rkhiv [Ss]otsial.?no-?[Pp]oliticheskoi [Ii]storii"),
        Russian("RTsKhIDNI", "RGASPI", ["РЦХИДНИ", "RTsKhIDNI"], @"Russian Cent(?:er|re) for the Preservation and Study of Documents of Recent History"),
        Russian("TsPA", "RGASPI", ["ЦПА", "ЦПА ИМЛ", "TsPA IML"], null),
        Russian("GARF", null, ["ГАРФ", "ГА РФ"], @"State Archive of the Russian Federation|Государственный архив Российской Федерации"),
        Russian("TsGAOR", "GARF", ["ЦГАОР", "ЦГАОР СССР", "TsGAOR SSSR"], null),
        Russian("RGAE", null, ["РГАЭ"], @"Russian State Archive of the Economy|Российский государственный архив экономики"),
        Russian("TsGANKh", "RGAE", ["ЦГАНХ", "ЦГАНХ СССР"], null),
        Russian("RGVA", null, ["РГВА"], @"Russian State Military Archive|Российский государственный военный архив"),
        Russian("TsGASA", "RGVA", ["ЦГАСА"], null),
        Russian("TsAMO", null, ["ЦАМО", "TsAMO RF", "ЦАМО РФ"], @"Central Archive of the (?:Russian )?Ministry of Defen[cs]e|Центральный архив Министерства обороны"),
        Russian("RGALI", null, ["РГАЛИ"], @"Russian State Archive of Literature and Art"),
        Russian("TsGALI", "RGALI", ["ЦГАЛИ", "ЦГАЛИ СССР", "TsGALI SSSR"], null),
        Russian("RGVIA", null, ["РГВИА"], @"Russian State Military Historical Archive"),
        Russian("RGIA", null, ["РГИА"], @"Russian State Historical Archive"),
        Russian("RGADA", null, ["РГАДА"], null),
        Russian("RGAKFD", null, ["РГАКФД"], null),
        Russian("RGAVMF", null, ["РГАВМФ"], null),
        Russian("RGANTD", null, ["РГАНТД"], null),
        Russian("RGAFD", null, ["РГАФД"], null),
        Russian("TsGAMO", null, ["ЦГАМО"], null),
        Russian("TsAOPIM", null, ["ЦАОПИМ"], null),
        Russian("TsGA Moskvy", null, ["ЦГА Москвы", "ЦГА г. Москвы", "TsGAM", "ЦГАМ"], null),
        Russian("TsGAIPD SPb", null, ["ЦГАИПД СПб", "ЦГАИПД"], null),
        Russian("TsGA SPb", null, ["ЦГА СПб"], null),
        Russian("TsA FSB", null, ["ЦА ФСБ", "ЦА ФСБ России", "ЦА ФСБ РФ", "TsA FSB RF"], null),
        Russian("NARB", null, ["НАРБ"], @"National Archives of (?:the Republic of )?Belarus"),
        Russian("TsDAHOU", null, ["ЦДАГО", "ЦДАГО України", "ЦДАГОУ", "TsDAHO", "TsDAHO Ukrainy"], @"Central State Archive of Public Organizations of Ukraine"),
        Russian("TsDAVO", null, ["ЦДАВО", "ЦДАВО України", "TsDAVOU"], null),
        Russian("HDA SBU", null, ["ГДА СБУ", "SBU Archive", "HDA SBU", "GDA SBU"], @"Sectoral State Archive of the Security Service of Ukraine|Branch State Archive of the Security Service of Ukraine"),
        Russian("TsDA", null, ["ЦДА", "TsDA", "CDA"], @"Central State Archives?,? Sofia|Централен държавен архив"),
        Russian("AMVnR", null, ["АМВнР", "AMVnR", "AMVR", "MVnR"], @"Archives? of the (?:Bulgarian )?Ministry of Foreign Affairs,? Sofia|Архив на Министерството на външните работи"),

        new("SAPMO-BArch", ReferenceHabit.German)
        {
            Aliases = ["SAPMO-BArch", "SAPMO-BA", "SAPMO–BA", "SAPMO", "SAPMO BArch", "SAPMO-Barch", "SAPMOB"],
            FullName = Pattern(@"\bSAPMO(?:B)?\b|Stiftung Archiv der Parteien und Massenorganisationen|Foundation Archive of the Parties and Mass Organi[sz]ations"),
        },
        new("MZA-BArch", ReferenceHabit.German)
        {
            Aliases = ["MZA-BArch", "MZA"],
            FullName = Pattern(@"Milit[äa]risches Zwischenarchiv|\bMZA\b"),
        },
        new("BArch", ReferenceHabit.German)
        {
            Aliases = ["BArch", "BA", "BA-MA", "BArch-MA", "BAB"],
            FullName = Pattern(@"\bBArch\b|Bundesarchiv"),
        },
        new("PA AA", ReferenceHabit.German)
        {
            Aliases = ["PA AA", "PA/AA", "PAAA", "PA-AA"],
            FullName = Pattern(@"\bPA\s?/?\s?AA\b|Politisches Archiv des Ausw[äa]rtigen Amt(?:e)?s|Political Archive of the (?:German )?Foreign Office"),
        },
        new("BStU", ReferenceHabit.German)
        {
            Aliases = ["BStU"],
            FullName = Pattern(@"\bBStU\b|Bundesbeauftragte[nr]? f[üu]r die Stasi-Unterlagen"),
        },
        new("MNL OL", ReferenceHabit.Hungarian)
        {
            Aliases = ["MNL OL", "MNL-OL", "MOL", "MNL"],
            FullName = Pattern(@"\bMNL\s?OL\b|\bMOL\b|Magyar Nemzeti Lev[ée]lt[áa]r|Magyar Orsz[áa]gos Lev[ée]lt[áa]r|Hungarian National Archives?|National Archives of Hungary"),
        },
        new("AMSZ", ReferenceHabit.Polish)
        {
            Aliases = ["AMSZ", "AMSZ RP"],
            FullName = Pattern(@"\bAMSZ\b|Archiwum Ministerstwa Spraw Zagranicznych|(?:Archive of the )?Polish (?:Ministry of Foreign Affairs|Foreign Ministry)(?: Archives?)?|Archives? of (?:the )?Ministry of Foreign Affairs,? (?:of the )?Republic of Poland"),
        },
        new("AAN", ReferenceHabit.Polish)
        {
            Aliases = ["AAN"],
            FullName = Pattern(@"\bAAN\b|Archiwum Akt Nowych|Archive of Modern Records|Central Archives of Modern Records"),
        },
        new("IPN", ReferenceHabit.Polish)
        {
            Aliases = ["IPN", "AIPN"],
            FullName = Pattern(@"\bA?IPN\b|Instytut Pami[eę]ci Narodowej|Institute of National Remembrance"),
        },
        new("ANIC", ReferenceHabit.Romanian)
        {
            Aliases = ["ANIC", "A.N.I.C."],
            FullName = Pattern(@"\bANIC\b|Arhivele Na[tţț]ionale(?: Istorice Centrale)?|National Archives of Romania|Romanian National Archives|National Central Historical Archives?"),
        },
        new("AMAE", ReferenceHabit.Romanian)
        {
            Aliases = ["AMAE", "AMAE RO", "AMR", "Arhiva MAE"],
            FullName = Pattern(@"\bAMAE\b|Arhiva (?:Ministerului Afacerilor Externe|MAE)|Arhivele Ministerului Afacerilor Externe|(?:Archives? of the )?Romanian (?:Ministry of Foreign Affairs|Foreign Ministry)(?: Archives?)?"),
        },
        new("ÚSD", ReferenceHabit.Czech)
        {
            Aliases = ["ÚSD", "ÚSD AV ČR", "USD"],
            FullName = Pattern(@"\bÚSD\b|Ústav pro soudobé dějiny|Institute for Contemporary History,? Prague"),
        },
        new("NAČR", ReferenceHabit.Czech)
        {
            Aliases = ["NAČR", "NA ČR", "NACR"],
            FullName = Pattern(@"\bNA\s?ČR\b|N[áa]rodn[íi] [Aa]rchiv [Čč]esk[ée] [Rr]epubliky"),
        },
        new("NA", ReferenceHabit.Czech)
        {
            Aliases = ["SÚA", "SUA"],
            FullName = Pattern(@"N[áa]rodn[íi] archiv|National Archives?,? Prague|Czech National Archives?|\bS[ÚU]A\b"),
        },
        new("AMZV", ReferenceHabit.Czech)
        {
            Aliases = ["AMZV", "AMZV ČR"],
            FullName = Pattern(@"\bAMZV\b|Archiv Ministerstva zahrani[čc]n[íi]ch v[ěe]c[íi]|Archive of the (?:Czech(?:oslovak)? )?Ministry of Foreign Affairs"),
        },
        new("AQSH", ReferenceHabit.Albanian)
        {
            Aliases = ["AQSH", "AQSh"],
            FullName = Pattern(@"\bAQSH\b|Arkivi Qendror Shtet[ëe]ror|Central State Archives?,? Tirana"),
        },
        new("TNA", ReferenceHabit.German)
        {
            Aliases = ["TNA", "BNA", "TNA PRO"],
            FullName = Pattern(@"\bBNA\b|\bTNA\b|(?:The )?National Archives,? Kew|British National Archives|National Archives of the United Kingdom"),
        },
        new("PRO", ReferenceHabit.German, "TNA")
        {
            Aliases = ["PRO", "Public Record Office"],
            FullName = Pattern(@"Public Record Office"),
        },
        new("PRC FMA", ReferenceHabit.Chinese)
        {
            Aliases = ["PRC FMA", "PRCFMA", "FMA", "CFMA", "PRC MFA"],
            FullName = Pattern(@"\bPRC\s+FMA\b|\bPRC\s+MFA\b|Chinese Foreign Ministry Archives?|Foreign Ministry Archives?,?\s+(?:of\s+)?(?:the\s+)?People'?s Republic of China|Archives? of the (?:Chinese|PRC) (?:Foreign Ministry|Ministry of Foreign Affairs)|中华人民共和国外交部档案馆|外交部档案馆"),
        },
        new("NARA", ReferenceHabit.Western)
        {
            Aliases = ["NARA", "National Archives"],
            FullName = Pattern(@"\bNARA\b|(?:U\.?S\.? )?National Archives and Records Administration|U\.?S\.? National Archives|^National Archives\b(?!,? (?:Prague|Kew)| of)"),
        },
        new("JFK Library", ReferenceHabit.Western)
        {
            Aliases = ["JFK Library", "JFKL"],
            FullName = Pattern(@"\bJFKL\b|(?:John F\. )?Kennedy (?:Presidential )?Library"),
        },
        new("Eisenhower Library", ReferenceHabit.Western)
        {
            Aliases = ["Eisenhower Library", "DDEL"],
            FullName = Pattern(@"\bDDEL\b|(?:Dwight D\. )?Eisenhower (?:Presidential )?Library"),
        },
        new("Truman Library", ReferenceHabit.Western)
        {
            Aliases = ["Truman Library", "HSTL"],
            FullName = Pattern(@"\bHSTL\b|(?:Harry S\. )?Truman (?:Presidential )?Library"),
        },
        new("Johnson Library", ReferenceHabit.Western)
        {
            Aliases = ["Johnson Library", "LBJL"],
            FullName = Pattern(@"\bLBJL\b|(?:Lyndon B(?:aines)?\. )?Johnson (?:Presidential )?Library"),
        },
        new("Nixon Library", ReferenceHabit.Western)
        {
            Aliases = ["Nixon Library"],
            FullName = Pattern(@"(?:Richard )?Nixon (?:Presidential )?Library|Nixon Presidential Materials"),
        },
        new("Ford Library", ReferenceHabit.Western)
        {
            Aliases = ["Ford Library", "GRFL"],
            FullName = Pattern(@"\bGRFL\b|(?:Gerald R\. )?Ford (?:Presidential )?Library"),
        },
        new("Carter Library", ReferenceHabit.Western)
        {
            Aliases = ["Carter Library", "JCL"],
            FullName = Pattern(@"(?:Jimmy )?Carter (?:Presidential )?Library"),
        },
        new("Hoover Institution", ReferenceHabit.Western)
        {
            Aliases = ["Hoover Institution", "Hoover", "HIA", "Hoover Institution Archives"],
            FullName = Pattern(@"Hoover Institution(?: (?:Library and )?Archives)?(?:,? Stanford)?"),
        },
        new("Library of Congress", ReferenceHabit.Western)
        {
            Aliases = ["Library of Congress", "LOC"],
            FullName = Pattern(@"Library of Congress"),
        },
        new("Department of State", ReferenceHabit.Western)
        {
            Aliases = ["Department of State"],
            FullName = Pattern(@"^Department of State\b"),
        },
    ];

    private static ArchiveName Russian(string name, string? heldToday, string[] aliases, string? fullName) =>
        new(name, ReferenceHabit.Russian, heldToday)
        {
            Aliases = [name, .. aliases],
            FullName = fullName is null ? null : Pattern(fullName),
        };

    private static Regex Pattern(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    // Abbreviations keyed without spaces, dots and hyphens, upper-cased: "AVPRF", "A.V.P. R.F." and "АВП РФ" meet.
    private static readonly Dictionary<string, ArchiveName> ByKey = BuildKeys();

    private static Dictionary<string, ArchiveName> BuildKeys()
    {
        var keys = new Dictionary<string, ArchiveName>(StringComparer.Ordinal);
        foreach (var archive in Known)
            foreach (var alias in archive.Aliases)
                keys.TryAdd(Key(alias), archive);
        return keys;
    }

    private static readonly Dictionary<string, ArchiveName> ByName = Known.ToDictionary(a => a.Name, StringComparer.Ordinal);

    public static string Key(string text) =>
        new string([.. text.Where(c => char.IsLetterOrDigit(c))]).ToUpperInvariant();

    /// <summary>The archive a whole segment names ("AVPRF", "ГАРФ", "Archive of Foreign Policy of the Russian Federation (AVP RF)").</summary>
    public static ArchiveName? Named(string segment)
    {
        var text = segment.Trim().Trim(',', '.', ';', ':', ' ');
        if (text.Length == 0) return null;
        if (ByKey.TryGetValue(Key(text), out var archive)) return archive;
        // "Archive of Foreign Policy of the Russian Federation (AVP RF)": the abbreviation in brackets names it.
        foreach (Match bracket in Bracketed().Matches(text))
            if (ByKey.TryGetValue(Key(bracket.Groups[1].Value), out archive)) return archive;
        return null;
    }

    /// <summary>
    /// The archive a reference cites anywhere in its text: first an abbreviation standing as a word at its start,
    /// then a name written out, then an abbreviation anywhere ("Copy in RGANI, f. 5").
    /// </summary>
    public static ArchiveName? Cited(string text)
    {
        foreach (var archive in Known)
            if (archive.FullName is { } full && full.IsMatch(text)) return archive;
        foreach (Match word in AbbreviationWord().Matches(text))
            if (ByKey.TryGetValue(Key(word.Value), out var archive) && word.Value.Length >= 3 && Key(word.Value).Length >= 3 && IsAbbreviation(word.Value)) return archive;
        return null;
    }

    // "MOL" is an abbreviation; "Mol" or "mol" in a sentence is not.
    private static bool IsAbbreviation(string word) => word.Count(char.IsUpper) >= 2;

    public static ArchiveName? ByCanonicalName(string? name) => name is not null && ByName.TryGetValue(name, out var a) ? a : null;

    /// <summary>The names a search should know an archive by: its canonical name, its aliases and those of the archive holding its papers today.</summary>
    public static IEnumerable<string> SearchNames(string? name)
    {
        if (ByCanonicalName(name) is not { } archive) yield break;
        foreach (var alias in archive.Aliases) yield return alias;
        if (ByCanonicalName(archive.HeldToday) is { } today)
            foreach (var alias in today.Aliases) yield return alias;
    }

    [GeneratedRegex(@"\(([^()]{2,24})\)")]
    private static partial Regex Bracketed();

    // A run of capitals, Latin or Cyrillic, perhaps with inner spaces of a two-part name ("AVP RF", "АП РФ").
    [GeneratedRegex(@"(?<![\p{L}\p{N}])\p{Lu}[\p{L}\-]*(?:\s\p{Lu}{2,}\b)?(?![\p{L}\p{N}])")]
    private static partial Regex AbbreviationWord();
}
