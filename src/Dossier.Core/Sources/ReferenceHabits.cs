using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Sources;

/// <summary>
/// The habits of the archives that do not write Russian levels. Each reads what follows the archive's name and
/// fills the parts it has; docs/import.md says which of the archive's levels goes to which part.
/// </summary>
internal static partial class ReferenceHabits
{
    /// <summary>Comma-separated parts, a quoted title ("“600.(24h)—... de 1,962//6223,”") kept whole.</summary>
    public static List<string> SplitKeepingQuotes(string text)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '“') quoted = true;
            else if (c == '”')
            {
                quoted = false;
                // "Maço “...,” Ministry of External Relations Archives": a closing quote ends its part too.
                if (i + 1 < text.Length && text[i + 1] == ' ' && current.ToString().TrimEnd().EndsWith(','))
                {
                    current.Append(c);
                    parts.Add(current.ToString());
                    current.Clear();
                    continue;
                }
            }
            if (c == ',' && !quoted)
            {
                parts.Add(current.ToString());
                current.Clear();
                continue;
            }
            current.Append(c);
        }
        parts.Add(current.ToString());
        return parts;
    }

    /// <summary>The parts of a reference, trimmed, without the empty ones.</summary>
    private static List<string> Segments(string text) =>
        [.. SplitKeepingQuotes(text).Select(ArchivalReference.Trim).Select(s => s.TrimStart('.', ' ')).Where(s => s.Length > 0)];

    private static string Unquote(string value) => ArchivalReference.Trim(value.Trim().Trim('“', '”', '"', '(', ')', '[', ']').Trim());

    // ---- Russian, written as numbers only --------------------------------------------------------------------

    /// <summary>
    /// <c>RGASPI, 17/137/944, p. 181</c>: fond, opis and delo with no level words; four numbers are the
    /// Foreign Policy Archive's fond, opis, papka and delo (<c>AVPRF, 06/12a/59/395, pp. 4ff</c>).
    /// </summary>
    public static bool ReadSlashes(ArchivalSource source, string rest, bool withPapka)
    {
        var segments = Segments(rest.Trim());
        if (segments.Count == 0) return false;
        // "RGASPI, Fond 76/3/87": the word fond before the numbers.
        var first = FondWord().Replace(segments[0], "");
        var m = NumbersWithSlashes().Match(first);
        if (!m.Success) m = NumbersWithDots().Match(first);
        if (!m.Success) return false;
        var numbers = m.Groups["n"].Captures.Select(c => c.Value).ToList();
        // "9401/1a/552 and 64", "558.11.79.101 and 129": the last level names more than one.
        var more = m.Groups["more"].Value;
        (source.Fond, source.Opis) = (numbers[0], numbers[1]);
        // Four numbers are fond, opis, papka and delo in the Foreign Policy Archive, which keeps papkas; elsewhere the
        // fourth is the folio (RGASPI 558.11.1549.40).
        if (numbers.Count == 3) source.Delo = numbers[2] + more;
        else if (numbers.Count == 4 && withPapka) (source.Papka, source.Delo) = (numbers[2], numbers[3] + more);
        else if (numbers.Count == 4) (source.Delo, source.Pages) = (numbers[2], numbers[3] + more);
        foreach (var segment in segments.Skip(1))
            if (Pages().Match(segment) is { Success: true } pages) source.Pages ??= pages.Groups["value"].Value;
        return true;
    }

    [GeneratedRegex(@"^(?<n>\d+[a-zа-я]?)(?:/(?<n>\d+[a-zа-я]?|[A-Z]+)){1,3}(?<more>(?:,? (?:and|&) \d+[a-zа-я]?)*)$", RegexOptions.IgnoreCase)]
    private static partial Regex NumbersWithSlashes();

    // Fond, opis, delo and folios joined by dots, with no level words (RGASPI 558.11.1549.40, GARF 8131.32.3289.117–18).
    [GeneratedRegex(@"^(?<n>\d+)(?:\.(?<n>\d+(?:[–-]\d+)?)){2,3}(?<more>(?: (?:and|&) \d+)*)(?=\s|$)")]
    private static partial Regex NumbersWithDots();

    [GeneratedRegex(@"^(?:Fond|fond|F\.)\s+(?=\d+/)")]
    private static partial Regex FondWord();

    [GeneratedRegex(@"^(?:pp?|pages?|sheets?|fols?|ff?|S|Bl|Bll|k|str|l|ll)\.?\s*(?<value>\d.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Pages();

    // ---- Mongolian: fond, dans, khadgalamjiin negj ------------------------------------------------------------

    public static bool LooksMongolian(string text) => Mongolian().IsMatch(text);

    /// <summary><c>F-6, D-1, HN-25</c>: fond, dans (the inventory, as the opis), khadgalamjiin negj (the file, as the delo).</summary>
    public static void ReadMongolian(ArchivalSource source, string rest)
    {
        var m = Mongolian().Match(rest);
        if (!m.Success) return;
        (source.Fond, source.Opis, source.Delo) = (m.Groups["fond"].Value, m.Groups["dans"].Value, m.Groups["file"].Value);
    }

    [GeneratedRegex(@"\bF-(?<fond>\d+),\s?D-(?<dans>\d+),\s?(?:HN|Kh/N|kh/n)-(?<file>\d+)")]
    private static partial Regex Mongolian();

    // ---- German: Bestand and Signatur ------------------------------------------------------------------------

    /// <summary>A British department's series and piece (<c>FO 371/24526</c>, <c>CAB/128/32</c>), read as a Bestand and its file.</summary>
    public static bool LooksBritish(string text) => British().IsMatch(text);

    [GeneratedRegex(@"^(?:FO|FCO|CAB|PREM|DEFE|WO|ADM|AIR|HO|CO|DO|KV|HS|BT|MAF|T)\s?/?\s?\d+/\d+")]
    private static partial Regex British();

    /// <summary>
    /// <c>DY 30/IV 2/2.035/55, Bl. 1-5</c>: the Bestand (DY 30) is the fond, the rest of the Signatur the delo;
    /// Blatt the folios. <c>MfAA, A 17770</c> (PA AA), <c>MfS, HA II 1234</c> (BStU): the holding, then the file.
    /// The British archives' series and piece (<c>PREM 11/3364</c>) are read alike.
    /// </summary>
    public static bool LooksGerman(string text) => GermanMarks().IsMatch(text);

    [GeneratedRegex(@"\b(?:DY|NY)\s?/?\s?\d+|(?:^|,\s)(?:J\s)?IV\s\d+/|\bBl\.\s?\d")]
    private static partial Regex GermanMarks();

    public static void ReadGerman(ArchivalSource source, string rest, ArchiveName? archive)
    {
        var text = rest;
        // Blatt (folios) may stand anywhere after the file, with or without a comma before it.
        var folios = GermanFolios().Match(text);
        if (folios.Success)
        {
            source.Pages = ArchivalReference.Trim(folios.Groups["value"].Value);
            text = text[..folios.Index];
        }
        text = LeadingPlace().Replace(text, "");
        // The Stasi records and the Foreign Office cite a holding by its name (MfS, MfAA), not a Bestand's letters;
        // so does a short name before a file ("Strb AZN 28895").
        var first = Segments(text).FirstOrDefault() ?? "";
        // The Foreign Office's West German files do have a Bestand ("PA AA, B 150, Bd. 12").
        var byName = archive?.Name is "BStU" || (archive?.Name is "PA AA" && !WestGermanSeries().IsMatch(first)) || Holding().IsMatch(first);
        var bestand = byName ? Match.Empty : Bestand().Match(text);
        if (bestand.Success)
        {
            source.Fond = bestand.Groups["fond"].Value.Trim();
            var file = Segments(text[(bestand.Index + bestand.Length)..].TrimStart('/', ' ', ':'));
            // "NY 4036: Nachlass Pieck, 696, 12–25": a name of the holding, then the file, then its pages.
            foreach (var segment in file)
            {
                if (!segment.Any(char.IsDigit)) continue;
                if (GermanVolume().Match(segment) is { Success: true } band)
                {
                    source.Delo ??= ArchivalReference.Trim(band.Groups["value"].Value);
                    continue;
                }
                if (source.Delo is null) source.Delo = segment;
                else if (source.Pages is null && Range().IsMatch(segment)) source.Pages = segment;
            }
            return;
        }
        string? unit = null;
        foreach (var segment in Segments(text))
        {
            if (GermanVolume().Match(segment) is { Success: true } volume)
            {
                source.Delo ??= ArchivalReference.Trim(volume.Groups["value"].Value);
                continue;
            }
            // The Stasi records' and the party's central archives are where the files are, not a holding of them.
            if (GermanPlaces().IsMatch(segment)) continue;
            // "MfS Working Group Nieber 553": the ministry's files, then the file.
            if (Holding().Match(segment) is { Success: true } holding)
            {
                source.Fond ??= holding.Groups["fond"].Value;
                var file = holding.Groups["file"].Value.Trim();
                if (file.Length > 0) source.Delo ??= file;
                continue;
            }
            // A party file's signature ("IV 2/201/778", "J IV 2/202/130") is the file.
            if (source.Delo is not null && source.Pages is null && PageNumber().IsMatch(segment))
            {
                source.Pages = segment;
                continue;
            }
            if (PartySignature().IsMatch(segment) || segment.Any(char.IsDigit))
            {
                // "MfSZ, HA IX, no. 20603": the unit named before its file is part of the file's name.
                source.Delo ??= unit is null ? segment : unit + ", " + segment;
                continue;
            }
            if (source.Fond is null) source.Fond = segment;
            else unit ??= segment;
        }
    }

    // "11." is how a scan reads "ll.".
    [GeneratedRegex(@",?\s*\b(?:Bl|Bll|S|p|pp|sheets?|ll|11)\.?\s+(?<value>\d[\d\s\-–/f.,]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex GermanFolios();

    [GeneratedRegex(@"\s+\(.*$")]
    private static partial Regex RemarkAfter();

    [GeneratedRegex(@"^B\s?\d+$")]
    private static partial Regex WestGermanSeries();

    [GeneratedRegex(@"^(?:Bd|Band|Nr)\.?\s+(?<value>\d.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex GermanVolume();

    // DY 30, DY30, DY/30, NY 4036, DC 20, dc/20, PREM 11, FO 371: letters of the holding and its number.
    [GeneratedRegex(@"^\s*(?:(?:Berlin|Kew|Koblenz|Freiburg|London)\s+|(?:Call Number|Signatur|Sign\.):\s*)+")]
    private static partial Regex LeadingPlace();

    [GeneratedRegex(@"(?<![\p{L}\d])(?!(?:J\s)?[IVX]{1,3}\s)(?<fond>[A-Za-z]{1,2}\s?/?\s?\d+(?:-[A-Z]+)?|[A-Z]{2,5}\s?/?\s?\d+)(?=[\s/:,]|$)")]
    private static partial Regex Bestand();

    [GeneratedRegex(@"^(?:ZA|ZPA|IfGA|Zentralarchiv|Central Archive|Berlin|Berlin-Lichterfelde|Kew|London|Call Number:?)$", RegexOptions.IgnoreCase)]
    private static partial Regex GermanPlaces();

    // "MfS HA II 1234", "Strb AZN 28895": a holding's short name, then its file.
    [GeneratedRegex(@"^(?<fond>MfS|MfAA|MdI|SED|[A-Z][a-z]{1,4})\s+(?<file>[A-Z]{2,5}\s?\d.*|.*\d.*)$")]
    private static partial Regex Holding();

    [GeneratedRegex(@"^(?:J\s)?[IVX]+\s?[A-Z]?\s?\d*/")]
    private static partial Regex PartySignature();

    [GeneratedRegex(@"^\d+\s?[-–]\s?\d+$")]
    private static partial Regex Range();

    // ---- Hungarian: fond code, country, box, subject file, document number -----------------------------------

    /// <summary>
    /// <c>XIX-J-1-j Korea, 1955, 4. doboz, 5/a, 004076/1955</c>: the fond code, the country group as the opis, the box
    /// (doboz), the subject file (tétel) as the delo, the document number as the item; the year alone is no level.
    /// Party papers <c>M-KS 288. f. 5/286. ő.e.</c>: fond, group (opis), unit (őrzési egység) as the delo.
    /// </summary>
    public static void ReadHungarian(ArchivalSource source, string rest)
    {
        var party = HungarianParty().Match(rest);
        if (party.Success && !HungarianFond().IsMatch(rest.TrimStart()))
        {
            source.Fond = party.Groups["fond"].Value.Trim().TrimEnd('.', ',');
            if (party.Groups["group"].Success) source.Opis = party.Groups["group"].Value;
            if (party.Groups["unit"].Success) source.Delo = party.Groups["unit"].Value;
            return;
        }
        foreach (var segment in Segments(rest))
        {
            var s = segment;
            if (source.Fond is null)
            {
                var fond = HungarianFondAnywhere().Match(s);
                if (!fond.Success) continue;
                source.Fond = fond.Groups["fond"].Value;
                s = ArchivalReference.Trim(s[(fond.Index + fond.Length)..].TrimStart('-', ' '));
                if (s.Length == 0) continue;
            }
            if (HungarianBox().Match(s) is { Success: true } box)
            {
                source.Box ??= box.Groups["value"].Value;
                continue;
            }
            if (Year().IsMatch(s)) continue;
            if (DocumentNumber().IsMatch(s))
            {
                source.Item ??= s;
                continue;
            }
            if (source.Opis is null && source.Box is null && source.Delo is null && s.All(c => char.IsLetter(c) || c is ' ' or '-'))
            {
                source.Opis = s;
                continue;
            }
            if (source.Delo is null)
            {
                source.Delo = s;
                continue;
            }
            source.Item ??= s;
        }
    }

    [GeneratedRegex(@"^[IVXL]+-[A-Z](?:-(?:\d+|[IVX]+))?(?:-[a-z])?(?![A-Za-z])")]
    private static partial Regex HungarianFond();

    [GeneratedRegex(@"(?<![\p{L}\d-])(?<fond>[IVXL]+-[A-Z](?:-(?:\d+|[IVX]+))?(?:-[a-z])?)(?![a-z])")]
    private static partial Regex HungarianFondAnywhere();

    [GeneratedRegex(@"^(?<value>\d+)\.?\s*(?:doboz|d)\.?$|^(?:box|doboz)\s+(?<value>\d+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HungarianBox();

    // M-KS 288. f. 5/286. ő.e. | M-KS-288, F. 4/92 | 288 f. 5/611 ő. E | M-KS-288.f. 5/316.ő.e
    [GeneratedRegex(@"(?<fond>M-KS[-\s]?\d+|\b\d{3})\.?\s?,?\s?(?:f(?:ond)?\.)?\s*(?:(?<group>\d+)\.?\s?(?:cs\.)?\s?/\s?(?<unit>\d+))", RegexOptions.IgnoreCase)]
    private static partial Regex HungarianParty();

    // 004076/1955, 005665/1977, 001118/ 1/1955, 003434/2/1974: a registry number with its year.
    [GeneratedRegex(@"^\d{3,}/\s?(?:\d+/\s?)?\d{4}$")]
    private static partial Regex DocumentNumber();

    [GeneratedRegex(@"^\d{4}$")]
    private static partial Regex Year();

    // ---- Polish: zespół, wiązka, teczka; sygnatura, karta ----------------------------------------------------

    /// <summary>
    /// AMSZ <c>Z-6, W-82, T-1270</c> (zespół as the fond, wiązka as the box, teczka as the delo); AAN
    /// <c>KC PZPR, XI A/107, k. 5-7</c> (the holding, its sygnatura as the delo, karty as the folios); a departmental
    /// signature (<c>D-I-R-0-2420-19/68, 24</c>) is the delo, a number after it the page.
    /// </summary>
    public static void ReadPolish(ArchivalSource source, string rest)
    {
        foreach (var segment in Segments(rest))
        {
            var labelled = PolishLevel().Match(segment);
            if (labelled.Success)
            {
                var value = ArchivalReference.Trim(labelled.Groups["value"].Value);
                var key = labelled.Groups["key"].Value.ToLowerInvariant();
                if (key.StartsWith("dok", StringComparison.Ordinal)) source.Item ??= value;
                else if (key.StartsWith("str", StringComparison.Ordinal) || key.StartsWith('k')) source.Pages ??= value;
                else if (key.StartsWith("sygn", StringComparison.Ordinal) || key.StartsWith('t')) source.Delo ??= value;
                else if (key.StartsWith('z')) source.Fond ??= value;
                else source.Box ??= value;
                continue;
            }
            if (GermanPlaces().IsMatch(segment) || segment is "Warsaw" or "Warszawa") continue;
            if (source.Delo is not null && source.Pages is null && PageNumber().IsMatch(segment)) source.Pages = segment;
            else if (segment.Any(char.IsDigit)) source.Delo ??= segment;
            else source.Fond ??= segment;
        }
    }

    [GeneratedRegex(@"^(?<key>zesp[óo][łl]|z|wi[ąa]zka|w|paczka|p|teczka|t|sygn|sygnatura|dok|k|karta|karty|str)(?:\.\s*|-|\s+)(?<value>[\p{L}\d].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex PolishLevel();

    [GeneratedRegex(@"^\d+(?:\s?[-–]\s?\d+)?$")]
    private static partial Regex PageNumber();

    // ---- Romanian: fond, dosar, file; telegram numbers -------------------------------------------------------

    /// <summary>
    /// ANIC <c>fond CC al PCR – Secția Relații Externe, dosar 58/1963, f. 1-10</c>: fond, dosar as the delo, file
    /// (folios) as the pages; the holding may stand unlabelled before the first level (<c>ANIC, RCPCC, Chancellery,
    /// folder 131/1968</c>). The Foreign Ministry's telegram folders (<c>Berlin/1989</c>) are its files; a telegram's
    /// number is the item.
    /// </summary>
    public static void ReadRomanian(ArchivalSource source, string rest)
    {
        var holding = new List<string>();
        var levelSeen = false;
        foreach (var segment in Segments(rest))
        {
            if (RomanianFond().Match(segment) is { Success: true } fond)
            {
                source.Fond ??= ArchivalReference.Trim(fond.Groups["value"].Value);
                levelSeen = true;
                continue;
            }
            if (RomanianFile().Match(segment) is { Success: true } file)
            {
                source.Delo ??= ArchivalReference.Trim(file.Groups["value"].Value);
                levelSeen = true;
                continue;
            }
            if (Pages().Match(segment) is { Success: true } folios && (source.Delo is not null || levelSeen))
            {
                source.Pages ??= ArchivalReference.Trim(folios.Groups["value"].Value);
                continue;
            }
            if (TelegramFolder().IsMatch(segment))
            {
                source.Delo ??= segment;
                levelSeen = true;
                continue;
            }
            if (TelegramNumber().Match(segment) is { Success: true } telegram)
            {
                source.Item ??= telegram.Groups["value"].Value;
                continue;
            }
            if (!levelSeen && !segment.Contains(':', StringComparison.Ordinal) && !segment.Any(char.IsDigit)) holding.Add(segment);
            else levelSeen = true;
        }
        if (source.Fond is null && holding.Count > 0) source.Fond = string.Join(", ", holding);
    }

    [GeneratedRegex(@"^(?:fond(?:ul)?|fonds|fund)\s+(?<value>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex RomanianFond();

    [GeneratedRegex(@"^(?:dosar(?:ul)?|folder|file|problema|dossier)\s*(?:no\.?\s*|nr\.?\s*|:\s*)?(?<value>[\p{L}\d].*)$", RegexOptions.IgnoreCase)]
    private static partial Regex RomanianFile();

    [GeneratedRegex(@"^\p{Lu}[\p{L} ]+/\d{4}$")]
    private static partial Regex TelegramFolder();

    [GeneratedRegex(@"^(?:telegram(?:a|ă)?|no|nr|number)\.?\s*(?:no\.?|nr\.?)?\s*(?<value>\d[\d.]*\d)$", RegexOptions.IgnoreCase)]
    private static partial Regex TelegramNumber();

    // ---- Czech: fond, svazek, archivní jednotka --------------------------------------------------------------

    public static bool LooksCzech(string text) => CzechMarks().IsMatch(text);

    [GeneratedRegex(@"(?<![\p{L}])(?:sv\.\s?\d|a\.\s?j\.\s?\d|ka\s\d|Sb\.\s\p{Lu})", RegexOptions.IgnoreCase)]
    private static partial Regex CzechMarks();

    /// <summary><c>fond KSČ-ÚV-02/1, sv. 26, a.j. 27</c>: fond, svazek as the box, archivní jednotka as the delo.</summary>
    public static void ReadCzech(ArchivalSource source, string rest)
    {
        string? holding = null;
        foreach (var segment in Segments(rest))
        {
            if (Department().Match(segment) is { Success: true } department)
            {
                source.Opis ??= department.Groups["value"].Value;
                continue;
            }
            var m = CzechLevel().Match(segment);
            if (!m.Success)
            {
                if (holding is null && source.Fond is null) holding = segment;
                else if (source.Delo is null && segment.Any(char.IsDigit) || segment.StartsWith("File", StringComparison.Ordinal)) source.Delo ??= segment;
                continue;
            }
            var value = ArchivalReference.Trim(m.Groups["value"].Value);
            switch (m.Groups["key"].Value.ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal).TrimEnd('.'))
            {
                case "fond" or "f": source.Fond ??= value; break;
                case "sv" or "svazek" or "ka" or "karton" or "kart": source.Box ??= value; break;
                case "a.j" or "aj" or "inv.č" or "ař": source.Delo ??= value; break;
                case "fol" or "s" or "l": source.Pages ??= value; break;
            }
        }
        source.Fond ??= holding;
    }

    // "4. oddělení (Spr. G. Husák)": a department of the holding.
    [GeneratedRegex(@"^(?<value>\d+\.\s?odd[ěe]len[íi])")]
    private static partial Regex Department();

    [GeneratedRegex(@"^(?<key>fond|f\.|sv\.|svazek|ka|karton|kart\.|a\.\s?j\.?|aj|inv\.\s?č\.?|fol\.|s\.|l\.)\s*(?<value>\S.*)$", RegexOptions.IgnoreCase)]
    private static partial Regex CzechLevel();

    // ---- Albanian: fond, list (inventory), dosje --------------------------------------------------------------

    /// <summary><c>AQPPSh-MPKBS-V.1960, L.14/1, D.24</c>: the fond (its year, V., is no level), the list as the opis, the dosje as the delo.</summary>
    public static void ReadAlbanian(ArchivalSource source, string rest)
    {
        foreach (var segment in Segments(rest))
        {
            var m = AlbanianLevel().Match(segment);
            if (m.Success)
            {
                var value = m.Groups["value"].Value.Trim();
                if (m.Groups["key"].Value is "L" or "l") source.Opis ??= value;
                else if (m.Groups["key"].Value is "F" or "f") source.Fond ??= value;
                else source.Delo ??= value;
                continue;
            }
            if (source.Fond is null && segment.Contains('-', StringComparison.Ordinal))
                source.Fond = AlbanianYear().Replace(segment, "");
        }
    }

    [GeneratedRegex(@"^(?<key>[LlDdFf])\.\s?(?<value>\d.*)$")]
    private static partial Regex AlbanianLevel();

    [GeneratedRegex(@"-V\.\s?\d{4}$")]
    private static partial Regex AlbanianYear();

    // ---- Chinese: the Foreign Ministry Archive's record numbers ----------------------------------------------

    public static bool LooksChinese(string text) => ChineseNumber().IsMatch(text) && !text.Contains('/', StringComparison.Ordinal);

    /// <summary><c>PRC FMA 109-01234-05, 1-10</c>: fond 109, file 01234, item 05, then the pages.</summary>
    public static void ReadChinese(ArchivalSource source, string rest)
    {
        var m = ChineseNumber().Match(rest);
        if (!m.Success) return;
        source.Fond = m.Groups["fond"].Value;
        source.Delo = m.Groups["file"].Value;
        source.Item = m.Groups["item"].Value;
        var after = rest[(m.Index + m.Length)..].TrimStart(',', ' ', ';');
        var pages = ChinesePages().Match(after);
        if (pages.Success) source.Pages = ArchivalReference.Trim(pages.Groups["value"].Value);
    }

    [GeneratedRegex(@"(?<![\d-])(?<fond>\d{3})-(?<file>\d{4,6})-(?<item>\d{1,3})(?![\d-])")]
    private static partial Regex ChineseNumber();

    [GeneratedRegex(@"^(?:pp?\.\s*)?(?<value>\d+(?:\s?[-–]\s?\d+)?)\b")]
    private static partial Regex ChinesePages();

    // ---- Western: record groups, series, boxes, folders, file numbers ----------------------------------------

    public static bool LooksWestern(string text) => DecimalFile().IsMatch(text) || RecordGroup().IsMatch(text) || Containers().IsMatch(text);

    [GeneratedRegex(@"(?<![\p{L}])(?:Box|Folder|Reel|Roll|Caixa|Cx|Maço|Pasta|Rolo|Lot)\s", RegexOptions.None)]
    private static partial Regex Containers();

    /// <summary>
    /// The habit of the United States' archives and of the others that cite boxes and folders:
    /// <c>National Archives, RG 59, Central Files, 611.61/10–1261</c> (the record group as the fond, a series or lot as
    /// the opis, a file number as the delo); a presidential library's papers (<c>National Security Files, Countries
    /// Series, USSR</c>: collection, series, folder); <c>Box 82</c>, <c>Folder 2</c>, <c>Reel 18</c>; a folder's title
    /// after its box. Names are taken for levels only when the reference has a numbered level, or the archive is one
    /// whose papers are cited so: a ministry and a city after an archive's name are not its levels.
    /// </summary>
    public static void ReadWestern(ArchivalSource source, string rest, ArchiveName? archive)
    {
        string? lot = null;
        string? code = null;
        var series = new List<string>();
        var folder = new List<string>();
        var boxSeen = false;
        var numbered = false;
        var named = new List<(string Text, bool AfterBox)>();
        // "Presidential Correspondence: Lot 66 D 204", "S/S Files: Lot 66 D 123": a colon parts them too.
        var parts = SplitKeepingQuotes(rest).SelectMany(p => p.Split(": ")).Select(NameTrim).Where(p => p.Length > 0).ToList();
        // "184.1 Bullitt, William C.": a file named for a person keeps the given name the comma parted from it.
        for (var i = 0; i + 1 < parts.Count; i++)
        {
            if (!PersonFile().IsMatch(parts[i]) || !GivenName().IsMatch(parts[i + 1])) continue;
            parts[i] += ", " + parts[i + 1];
            parts.RemoveAt(i + 1);
        }
        foreach (var raw in parts)
        {
            var segment = raw.StartsWith('(') && raw.EndsWith(')') ? raw[1..^1].Trim() : raw;
            if (segment.Length == 0) continue;
            if (RecordGroup().Match(segment) is { Success: true } group)
            {
                source.Fond ??= group.Groups["value"].Value;
                numbered = true;
                continue;
            }
            if (Container().Match(segment) is { Success: true } container)
            {
                // "Box 5 (copy deposited at the Hoover Institution)": a remark after the value is not part of it.
                var value = Unquote(RemarkAfter().Replace(container.Groups["value"].Value, ""));
                switch (container.Groups["key"].Value.ToLowerInvariant())
                {
                    case "box" or "cx" or "cx." or "caixa" or "maço" or "carton" or "legajo": source.Box ??= value; boxSeen = true; break;
                    case "reel" or "roll" or "roll no." or "rolo" or "microfilm reel": source.Reel ??= value; break;
                    default: source.Papka ??= value; break;
                }
                numbered = true;
                continue;
            }
            if (Pages().Match(segment) is { Success: true } pages && (numbered || source.Fond is not null))
            {
                source.Pages ??= pages.Groups["value"].Value;
                continue;
            }
            if (Report().Match(segment) is { Success: true } report)
            {
                source.Item ??= report.Groups["value"].Value;
                numbered = true;
                continue;
            }
            if (Lot().Match(segment) is { Success: true } lotMatch)
            {
                lot ??= lotMatch.Value;
                numbered = true;
                continue;
            }
            // "File No. 861.00/2353, 2354": a second document of the same file.
            if (source.Delo is not null && DecimalFile().IsMatch(source.Delo) && DocumentOnly().IsMatch(segment) && !boxSeen)
            {
                source.Delo += ", " + segment;
                continue;
            }
            if (DecimalFile().Match(segment) is { Success: true } file)
            {
                source.Delo ??= NameTrim(file.Value);
                var before = NameTrim(segment[..file.Index]);
                if (before.Length > 0 && !FileWords().IsMatch(before)) named.Add((before, boxSeen));
                numbered = true;
                continue;
            }
            if (FileNumber().Match(segment) is { Success: true } number)
            {
                source.Delo ??= number.Groups["file"].Value;
                var before = NameTrim(segment[..number.Groups["file"].Index]);
                if (before.Length > 0 && !FileWords().IsMatch(before)) named.Add((before, boxSeen));
                numbered = true;
                continue;
            }
            if (CallNumber().IsMatch(segment) && !YearRange().IsMatch(segment) && !Year().IsMatch(segment))
            {
                // "NAA: A1838, 3004/7": a series and its item, each a call number.
                if (code is not null && source.Fond is null && source.Delo is null) (source.Fond, code) = (code, null);
                if (code is null && source.Fond is not null && source.Delo is null && (source.Box ?? source.Papka) is null) source.Delo = segment;
                else code ??= segment;
                numbered = true;
                continue;
            }
            if (InnerFolder().Match(segment) is { Success: true } inner)
            {
                source.Papka ??= inner.Groups["value"].Value;
                numbered = true;
                continue;
            }
            if (Skipped().IsMatch(segment) || DocumentForm().IsMatch(segment)) continue;
            // A year range after a collection's name belongs to it ("Volkogonov papers, 1887-1995").
            if (YearRange().IsMatch(segment) && named.Count > 0 && !boxSeen)
            {
                named[^1] = (named[^1].Text + ", " + segment, false);
                continue;
            }
            if (Year().IsMatch(segment) && named.Count > 0 && named[^1].AfterBox == boxSeen)
            {
                named[^1] = (named[^1].Text + ", " + segment, boxSeen);
                continue;
            }
            if (!segment.Any(char.IsLetter) && !boxSeen) continue;
            named.Add((segment, boxSeen));
        }

        var library = archive?.Name.EndsWith("Library", StringComparison.Ordinal) == true;
        var cited = numbered || library || archive?.Habit == ReferenceHabit.Western;
        foreach (var (text, afterBox) in named)
        {
            // "Woodrow Wilson Papers", "Paris Peace Conf.": a collection stands for itself; after it, its subject file
            // ("War Trade Board Files: Panama Canal, License Control").
            if (!cited && source.Fond is not null && Collection().IsMatch(source.Fond))
            {
                source.Delo = source.Delo is null ? text : source.Delo + ", " + text;
                continue;
            }
            if (!cited && !Collection().IsMatch(text)) continue;
            if (afterBox) folder.Add(text);
            else if (source.Fond is null) source.Fond = text;
            else if (boxSeen || series.Count == 0) series.Add(text);
            else folder.Add(text);
        }
        source.Opis ??= lot ?? (series.Count > 0 ? string.Join(", ", series) : null);
        // A call number is the collection when boxes or folders follow it (OSA, 300/50/6, folder 124), else the file.
        if (code is not null)
        {
            if ((source.Box ?? source.Papka) is not null) source.Fond ??= code;
            // A number alone, with no archive named, says nothing of what it numbers.
            else if (archive is not null || source.Archive is not null || source.Fond is not null) source.Delo ??= code;
        }
        if (folder.Count > 0) source.Papka ??= string.Join(", ", folder);
    }

    /// <summary>A name's final period goes, an abbreviation's stays ("Paris Peace Conf.", "William C.").</summary>
    private static string NameTrim(string text)
    {
        var t = text.Trim().TrimEnd(',', ';', ':').Trim().TrimStart('.', ' ');
        if (!t.EndsWith('.')) return t;
        var last = t[..^1].Split(' ', '.').LastOrDefault() ?? "";
        return (last.Length is > 0 and <= 4 && char.IsUpper(last[0]) && last.All(char.IsLetter)) || last is "supp" or "vol" or "no" ? t : ArchivalReference.Trim(t);
    }

    // 711.90H/41, 611.61/10–1261, 462.00 R 296/834, 500.A15a3/671, 838.51/2828½, 811.51632 National City Bank/6.
    [GeneratedRegex(@"(?<![\d.])\d{3}[a-zA-Z]?(?:\.[\dA-Za-z]+|\s[A-Z]{1,3}\s\d+)+(?:\s?[A-Za-z][\w ,()]*?)?/(?:[A-Z][a-z]+/)?(?:[\d½¼¾⅛⅜⅝⅞]+(?:[–\-—][\d½¼]+)*(?:\s?[½¼⅛]?[a-z](?![a-z]))?(?:/[\p{L}\d.½–\-— ]*[\p{L}\d.½–\-—])?(?:\ssupp\.?)?|[–\-—](?![\p{L}\d]))|(?<![\d.])\d{3}\.\d+\s[A-Z][a-z]+/[A-Z][a-z]+/[–\-—]")]
    private static partial Regex DecimalFile();

    // A decimal file without its document, a subject-numeric file ("POL 7 IRAQ"), an electronic telegram
    // ("D770051–0353"), a conference file ("CF 1472").
    [GeneratedRegex(@"(?:^|\s)(?<file>\d{3}(?:\.\d+)+(?:(?:\s|[–-])[A-Z][a-z]+(?:,\s[A-Z][\w.]*(?:\s[A-Z]\.)?)?(?:\s\d+[–—-]?)?)?|[A-Z]{2,5}\s\d+(?:[-–]\d+)?(?:\s[A-Z][A-Z-]*)*|[DP]\d{6,}(?:[-–]\d+)?|CF\s?\d+)$")]
    private static partial Regex FileNumber();

    [GeneratedRegex(@"^(?:\d+[a-z½]?|[a-z])$")]
    private static partial Regex DocumentOnly();

    // A call number of its own ("B202-00-00-06/0617", "85/2/2", "300/50/6").
    [GeneratedRegex(@"^[A-Z]?\d[\d\-/.]*\d$")]
    private static partial Regex CallNumber();

    [GeneratedRegex(@"^(?:File No\.?|File|No\.)$", RegexOptions.IgnoreCase)]
    private static partial Regex FileWords();

    [GeneratedRegex(@"\bRG\s?(?<value>\d+)\b|\bRecord Group\s(?<value>\d+)\b")]
    private static partial Regex RecordGroup();

    [GeneratedRegex(@"^(?<key>Box|box|Folder|folder|Binder|Reel|reel|Roll no\.|Roll|Microfilm reel|Caixa|Cx\.?|Maço|Pasta|Rolo|Carton|Legajo)\s+(?<value>.+)$")]
    private static partial Regex Container();

    [GeneratedRegex(@"\bf\.\s+(?<value>\p{L}.*)$")]
    private static partial Regex InnerFolder();

    [GeneratedRegex(@"^(?:Report|Document|Doc\.|Item)\s+(?<value>\d+)$")]
    private static partial Regex Report();

    [GeneratedRegex(@"\b(?:Lot\s?\d+\s?[A-Z]\s?\d+|FRC\s\d+\s?[A-Z]\s?\d+)\b")]
    private static partial Regex Lot();

    [GeneratedRegex(@"\d{3}\.\d+[a-z]?(?:\s|[–-])[A-Z][a-z]+$")]
    private static partial Regex PersonFile();

    [GeneratedRegex(@"^[A-Z][a-z]+(?:\s[A-Z]\.)*(?:/\S+)?\.?$|^[A-Z][a-z]+\s[A-Z]\.$")]
    private static partial Regex GivenName();

    // A division of an archive, a catalogue number, an editor's note, or the place the archive is in.
    [GeneratedRegex(@"^(?:Decimal File \d+|Manuscript Division|.*\bDivision|mm\d+|\[.*\]|Washington|Washington, D\.C\.|College Park|Suitland|Abilene|Austin|Atlanta|Ann Arbor|Independence|Simi Valley|Yorba Linda|Stanford|Moscow|Brasilia|Rio de Janeiro|Budapest|Berlin|Koblenz|London|Kew|Paris|Mexico City|Boston|Prague|Warsaw|Sofia|Bucharest|Beijing|Tirana|Belgrade|Vienna|Geneva|New York)$")]
    private static partial Regex Skipped();

    [GeneratedRegex(@"\b(?:Papers|papers|Collection|Conf\.|Documents|Files)$")]
    private static partial Regex Collection();

    [GeneratedRegex(@"^\d{4}\s?[-–]\s?\d{2,4}$")]
    private static partial Regex YearRange();

    [GeneratedRegex(@"^(?:Telegram|Despatch|Dispatch|Instruction|Memorandum|Letter|Note|Circular|Extract|Extracts|Paraphrase|Translation|Secret|Confidential|Top Secret|Eyes Only|Priority|Niact|Immediate)\b.*$", RegexOptions.IgnoreCase)]
    private static partial Regex DocumentForm();
}
