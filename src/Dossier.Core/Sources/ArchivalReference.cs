using System.Text.RegularExpressions;

namespace Dossier.Sources;

/// <summary>
/// Reads archival references as historians write them, in the habit of the archive they cite:
/// Russian archives in Latin or Cyrillic, with commas or dots (<c>AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202</c>,
/// <c>RGAE. F. 4372. Op. 11. D. 680. L. 12.</c>, <c>ГАРФ. Ф. Р-9401. Оп. 2. Д. 64. Л. 9об.</c>), the German, Hungarian,
/// Polish, Romanian, Czech and Chinese archives in theirs (<c>SAPMO-BArch, DY 30/IV 2/2.035/55</c>,
/// <c>MOL, XIX-J-1-j Korea, 4. doboz, 5/a, 004076/1955</c>, <c>PRC FMA 109-01234-05</c>), United States record groups,
/// boxes and file numbers. The text is always kept as written; the parts are what could be read from it, and nothing
/// is guessed. docs/import.md lists the habits and which part each level goes to.
/// </summary>
public static partial class ArchivalReference
{
    // A reference is a line at most; a longer text (a paragraph put where the source should be) is kept, not taken apart.
    private const int MaxReference = 600;

    public static ArchivalSource Parse(string? text)
    {
        var source = new ArchivalSource { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() };
        if (source.Text is null || source.Text.Length > MaxReference * 4) return source;

        var first = FirstReference(Whitespace().Replace(source.Text.Replace('\u00A0', ' '), " ").TrimStart(';', ',', ' '));
        if (first.Length == 0 || first.Length > MaxReference) return source;

        var levels = RussianLevels().Matches(first);
        var lead = levels.Count > 0 ? first[..levels[0].Index] : first;
        var ibid = Ibid().IsMatch(lead.Trim());
        // The archive named last ("Sygnatura XI A15, KC PZPR, AAN, Warsaw") is looked for after the one named first, and
        // never in a remark in brackets ("ф. 2306, ... (копия в ГАРФ)").
        var archive = ibid ? null : Archives.Named(lead) ?? Archives.Cited(lead) ?? Archives.Named(lead.Split(',')[0])
            ?? (levels.Count > 0 && UnknownArchive(lead, true) is not null ? null : Archives.Cited(Remarks().Replace(first, "")));
        // A lone "p. 554" after a call number is a page, not a Russian arrangement: that needs a fond, opis or delo.
        var arranged = levels.Count(l => Key(l.Groups["key"].Value) is "f" or "fond" or "fonds" or "ф" or "фонд" or "op" or "opis" or "оп" or "опись"
            or "d" or "delo" or "д" or "дело" or "spr" or "спр" or "ae" or "ае" or "едхр");
        // "Там же. Л. 445–446": a Cyrillic level word, or the previous reference's, is Russian arrangement too.
        if (ibid || levels.Any(l => l.Groups["key"].Value.Any(c => c is >= 'А' and <= 'я'))) arranged = Math.Max(arranged, levels.Count);
        var habit = archive?.Habit ?? GuessHabit(first, arranged);

        // "Rolo 424/Telegramas recebidos da Embaixada em Washington/AMRE-Brasilia": levels first, the archive last.
        var slashed = first.Contains(',', StringComparison.Ordinal) ? null : SlashedArchive().Match(first);
        if (archive is null && slashed is { Success: true })
        {
            source.Archive = slashed.Groups["archive"].Value;
            Read(source, ReferenceHabit.Western, null, first, slashed.Groups["levels"].Value.Replace('/', ','), ibid);
            return source;
        }

        string before, after;
        if (archive is not null)
        {
            source.Archive = archive.Name;
            (before, after) = AroundArchiveName(first, archive);
        }
        else
        {
            var russian = habit is ReferenceHabit.Russian && levels.Count > 0;
            var unknown = ibid ? null : UnknownArchive(russian ? lead : first, russian);
            source.Archive = unknown?.Name;
            (before, after) = unknown is { } u ? (first[..u.Start], first[(u.Start + u.Length)..]) : ("", first);
        }

        // "box 1697/RG59/NARA", "wiazka 3/40/75/AMSZ": levels first, the archive last, parted by slashes.
        if (after.Length == 0 && before.TrimEnd().EndsWith('/'))
        {
            before = before.TrimEnd().TrimEnd('/');
            if (habit == ReferenceHabit.Western) before = before.Replace('/', ',');
        }
        Read(source, habit, archive, first, after, ibid);
        // "Theodore White Papers, Box 193, Binder ..., Harvard": a collection first, its holder last.
        if (source.Archive is null && habit == ReferenceHabit.Western && HolderLast().Match(first) is { Success: true } holder)
            source.Archive = holder.Groups["holder"].Value;
        // "Sygnatura XI A15, KC PZPR, AAN, Warsaw", "Yeltsin Documents, US National Archives": the archive named last.
        if (!HasLevels(source) && before.Trim().Length > 0 && habit != ReferenceHabit.Russian)
            Read(source, habit, archive, before, before, ibid);
        return source;
    }

    private static void Read(ArchivalSource source, ReferenceHabit habit, ArchiveName? archive, string text, string rest, bool ibid)
    {
        switch (habit)
        {
            case ReferenceHabit.Russian:
                ReadRussian(source, text, rest, ibid);
                break;
            case ReferenceHabit.German:
                ReferenceHabits.ReadGerman(source, rest, archive);
                break;
            case ReferenceHabit.Hungarian:
                ReferenceHabits.ReadHungarian(source, rest);
                break;
            case ReferenceHabit.Polish:
                ReferenceHabits.ReadPolish(source, rest);
                break;
            case ReferenceHabit.Romanian:
                ReferenceHabits.ReadRomanian(source, rest);
                break;
            case ReferenceHabit.Czech:
                ReferenceHabits.ReadCzech(source, rest);
                break;
            case ReferenceHabit.Mongolian:
                ReferenceHabits.ReadMongolian(source, rest);
                break;
            case ReferenceHabit.Albanian:
                ReferenceHabits.ReadAlbanian(source, rest);
                break;
            case ReferenceHabit.Chinese:
                ReferenceHabits.ReadChinese(source, rest);
                break;
            case ReferenceHabit.Western:
                ReferenceHabits.ReadWestern(source, rest, archive);
                break;
        }
    }

    private static bool HasLevels(ArchivalSource s) =>
        (s.Fond ?? s.Opis ?? s.Papka ?? s.Delo ?? s.Pages ?? s.Reel ?? s.Box ?? s.Item) is not null;

    /// <summary>
    /// Only the first of several references is taken apart ("...; TsKhSD, ...", "... List 122 and AVPRF, Fond ...",
    /// "... D. 83, Ll. 1-12 and D. 84, Ll. 1-18"); the text keeps all.
    /// </summary>
    private static string FirstReference(string text)
    {
        var depth = 0;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '“') quoted = true;
            else if (c is '”') quoted = false;
            else if (c is '(' or '[') depth++;
            else if (c is ')' or ']') depth = Math.Max(0, depth - 1);
            else if (c == ';' && depth == 0 && !quoted) return Trim(text[..i]);
        }
        var and = AnotherReference().Match(text);
        return Trim(and.Success ? text[..and.Index] : text);
    }

    internal static string Trim(string value)
    {
        var t = value.Trim().TrimEnd(',', ';', ':').Trim();
        // "... Bullitt, William C.": an initial keeps its full stop; a sentence's or a number's goes.
        if (t.EndsWith('.') && t.Length >= 3 && char.IsUpper(t[^2]) && t[^3] == ' ') return t;
        return t.TrimEnd('.', ',', ';', ':').Trim();
    }

    private static ReferenceHabit GuessHabit(string text, int russianLevels) =>
        ReferenceHabits.LooksMongolian(text) ? ReferenceHabit.Mongolian
        : ReferenceHabits.LooksBritish(text) ? ReferenceHabit.German
        : ReferenceHabits.LooksCzech(text) ? ReferenceHabit.Czech
        : ReferenceHabits.LooksGerman(text) ? ReferenceHabit.German
        : russianLevels > 0 && !ReferenceHabits.LooksWestern(text) ? ReferenceHabit.Russian
        : ReferenceHabits.LooksChinese(text) ? ReferenceHabit.Chinese
        : ReferenceHabit.Western;

    /// <summary>
    /// An archive no table knows is named as written: the first part of what precedes the levels
    /// ("ЦГА РСФСР, ф. 2306, ..."), or without levels the first part that calls itself an archive
    /// ("Maço “...,” Ministry of External Relations Archives, Brasilia, Brazil"); a place in brackets is left out.
    /// </summary>
    private static (string Name, int Start, int Length)? UnknownArchive(string lead, bool hasLevels)
    {
        var offset = 0;
        foreach (var raw in ReferenceHabits.SplitKeepingQuotes(lead).SelectMany(p => p.Split(':')))
        {
            var start = lead.IndexOf(raw, offset, StringComparison.Ordinal);
            offset = start + raw.Length;
            var name = Trim(raw).TrimStart(',', '.', ';', ':', ' ');
            if (BracketedAbbreviation().Match(name) is { Success: true } abbreviation && abbreviation.Groups["abbreviation"].Value.Count(char.IsUpper) >= 2)
                name = abbreviation.Groups["abbreviation"].Value;
            name = LowercaseStart().Replace(PlaceInBrackets().Replace(name, ""), "").Trim();
            // A record group's series ("General Records of the Department of State") names no archive.
            if (name.Length == 0 || !name.Any(char.IsLetter) || SeriesTitle().IsMatch(name)) continue;
            if (hasLevels || ArchiveWord().IsMatch(name) || (start == 0 && Abbreviation().IsMatch(name)))
                return name.Length <= 120 ? (name, start, raw.Length) : null;
        }
        return null;
    }

    /// <summary>
    /// What stands before and after the archive's name: "SAPMO-BArch, DY 30/..." gives "DY 30/...". Of the ways the
    /// name is written, the longest found wins: "National Archives and Records Administration, RG 59" is not
    /// "National Archives" followed by "and Records Administration".
    /// </summary>
    private static (string Before, string After) AroundArchiveName(string text, ArchiveName archive)
    {
        (int Start, int End)? best = null;
        foreach (var alias in archive.Aliases)
        {
            for (var at = text.IndexOf(alias, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(alias, at + 1, StringComparison.OrdinalIgnoreCase))
            {
                var end = at + alias.Length;
                // "MOL" inside "MOLDOVA" or "AMOL" is not the name.
                if (end < text.Length && char.IsLetterOrDigit(text[end])) continue;
                if (at > 0 && char.IsLetterOrDigit(text[at - 1])) continue;
                end = AfterBracket(text, end);
                if (Better(at, end)) best = (at, end);
                break;
            }
        }
        if (archive.FullName?.Match(text) is { Success: true } m)
        {
            var end = AfterBracket(text, m.Index + m.Length);
            if (Better(m.Index, end)) best = (m.Index, end);
        }
        if (best is not { } span) return ("", text);
        // "Archive of Foreign Policy of the Russian Federation (AVP RF), f. ..." leaves the bracket's end behind.
        return (text[..span.Start], text[span.End..].TrimStart(')', ']', ',', '.', ';', ':', ' ', '-', '–', '—'));

        // The name that ends last is the whole of it: "Foundation Archive of the Parties ... (SAPMO-BArch)" ends
        // with its abbreviation, not at "Organizations".
        bool Better(int start, int end) =>
            best is not { } b || end > b.End || (end == b.End && start < b.Start);

        // The abbreviation in brackets after a name written out is part of it: "... Foreign Affairs (AMAE)".
        static int AfterBracket(string text, int end)
        {
            var bracket = NameBracket().Match(text, end);
            return bracket.Success ? end + bracket.Length : end;
        }
    }

    private static void ReadRussian(ArchivalSource source, string text, string rest, bool ibid)
    {
        if (ReferenceHabits.ReadSlashes(source, rest, withPapka: source.Archive is "AVP RF" or "AVP SSSR")) return;
        var levels = RussianLevels().Matches(text);
        // "p." is the papka wherever the folios have a word of their own ("d. 5, p. 11, ll. 67-68").
        var foliosNamed = levels.Any(l => Key(l.Groups["key"].Value) is "l" or "ll" or "li" or "list" or "listy" or "л" or "лл" or "лист" or "листы");
        var previousEnd = -1;
        string? previousKey = null;
        foreach (Match m in levels)
        {
            // An unlabelled number between the levels: after the opis it is the papka (AVP RF, f. 757, op. 13, 84, d. 13),
            // after the delo the folios (d. 3, 100-3).
            if (previousEnd >= 0) ReadBetween(source, previousKey, text[previousEnd..m.Index]);
            previousEnd = m.Index + m.Length;
            var value = Trim(m.Groups["value"].Value);
            var key = Key(m.Groups["key"].Value);
            previousKey = key;
            if (value.Length == 0) continue;
            switch (key)
            {
                case "f" or "fond" or "fonds" or "ф" or "фонд": source.Fond ??= value; break;
                case "op" or "opis" or "оп" or "oп" or "опись" or "per" or "пер" or "перечень": source.Opis ??= value; break;
                case "pap" or "pa" or "papka" or "пап" or "папка": source.Papka ??= value; break;
                // "p." stands for papka before the delo; after it, as in "pp.", for the page.
                case "p" or "п":
                    if ((source.Delo is null || foliosNamed) && source.Papka is null) source.Papka = value;
                    else source.Pages ??= value;
                    break;
                case "pp" or "str" or "стр" or "s": source.Pages ??= value; break;
                // por. (poryadkovyi nomer), the Foreign Policy Archive's number of a file in its papka.
                case "d" or "dd" or "delo" or "д" or "дело" or "едхр" or "edkhr" or "ae" or "ае" or "spr" or "спр" or "khn" or "хн" or "file" or "te" or "tetrad" or "por":
                    // Several numbers after the delo are its folios ("d. 3, 100-3"), not several files.
                    var comma = value.IndexOf(',', StringComparison.Ordinal);
                    // ... unless they are several files ("д. 14, 12а, 18, 378").
                    if (comma > 0 && source.Delo is null && (value.Count(c => c == ',') == 1 || value[comma..].Any(c => c is '-' or '–' or '—')))
                    {
                        source.Delo = value[..comma].Trim();
                        source.Pages ??= value[(comma + 1)..].Trim();
                    }
                    else source.Delo ??= value;
                    break;
                case "l" or "ll" or "li" or "list" or "listy" or "л" or "лл" or "лист" or "листы" or "ark" or "арк" or "sheet" or "sheets": source.Pages ??= value; break;
                case "r" or "reel" or "rolik" or "р" or "ролик": source.Reel ??= value; break;
                case "k" or "karton" or "к" or "коробка" or "box": source.Box ??= value; break;
                case "dok" or "док" or "doc" or "protno": source.Item ??= value; break;
                // "inv." is how translations write opis (inventory); after an opis it is the file's inventory number.
                case "inv":
                    if (source.Opis is null && source.Delo is null) source.Opis = value;
                    else source.Item ??= value;
                    break;
            }
        }
        if (previousEnd >= 0) ReadBetween(source, previousKey, text[previousEnd..]);
        // "Russian Foreign Ministry Archives, referentyra po GDR, Opis 6": a holding named before the levels is the fond.
        if (source.Fond is null && source.Archive is not null && !ibid && levels.Count > 0 && rest.Length > 0)
        {
            var before = rest[..Math.Max(0, rest.IndexOf(levels[0].Value, StringComparison.Ordinal))];
            var named = before.Split(',', StringSplitOptions.TrimEntries).FirstOrDefault(p => p.Length > 2 && p.Any(char.IsLower) && !Cities().IsMatch(p));
            if (named is not null) source.Fond = Trim(FondWord().Replace(named, ""));
        }
        // A lone "p. 5" or "l. 3" of an unnamed source says too little to be taken for an arrangement; "Там же. Л. 3" is
        // the previous reference's.
        if (source.Archive is null && !ibid && levels.Count < 2)
            source.Fond = source.Opis = source.Papka = source.Delo = source.Pages = source.Reel = source.Box = source.Item = null;
    }

    private static void ReadBetween(ArchivalSource source, string? previousKey, string between)
    {
        // "Ф. 17. Он. 162. Д. 27", "F.0102. O.13 D.72": a word misprinted between the fond and the delo is the opis.
        if (previousKey is "f" or "fond" or "ф" or "фонд" && source.Opis is null && source.Delo is null
            && MisprintedLevel().Match(between) is { Success: true } misprint)
        {
            source.Opis = misprint.Groups["value"].Value;
            return;
        }
        var m = BareNumber().Match(between);
        if (!m.Success) return;
        var value = m.Groups["value"].Value;
        if (previousKey is "op" or "opis" or "оп" or "oп" or "опись" or "per" && source.Delo is null && source.Papka is null) source.Papka = value;
        else if (source.Delo is not null && source.Pages is null) source.Pages = value;
    }

    private static string Key(string key) => new([.. key.ToLowerInvariant().Where(char.IsLetter)]);

    // A level: its word or abbreviation (Latin or Cyrillic), a dot or a space, then its value: a number perhaps with a
    // letter prefix (R-5446, Р-9401) or suffix (45а, 1-с), ranges and versos (3-3об, 86-87ob), an editor's brackets
    // ([120]); folios may be several (107, 109, 141–145).
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<key>fonds?|f|opis'?|opis’|op|[oо]п|per|papka|pap|pa|pp?|delo|dok|doc|d|por|inv|listy|list|ll?|li|reel|rolik|r|str|karton|k|box|file|sheets?|dd|ed\.?\s?khr|tetrad[’']?|te|prot\.?\s?no|ф|фонд|оп|опись|перечень|пер|папка|пап|п|дело|док|д|лл?|листы|лист|ролик|р|стр|ед\.?\s?хр|a\.?\s?e|а\.?\s?е|spr|спр|kh/n|х/н|ark|арк|коробка|к)(?:\s?\([^()\d]{1,6}\))?(?:\.,?\s*|\s+|(?<=(?<![\p{L}])F)(?=\d{2,4}[,\s]))(?<value>(?-i:\p{Lu})(?=\.\s)|(?-i:\p{Lu})\s?[-–]\s?\d+|\[?(?:\p{L}{1,3}-)?\d[\p{L}\p{N}]*(?:[-–—](?:\s?\d[\p{L}\p{N}]*|\p{L}+)|/\s?\d[\p{L}\p{N}]*|\.\d[\p{L}\p{N}]*)*(?:\s(?-i:\p{Lu})(?=,|;|\s*$))?(?:\s?(?:об|ob|v|back)\.?(?![\p{L}])(?:\s?[-–—]\s?\d[\p{L}\p{N}]*(?:\s?(?:об|ob)\.?(?![\p{L}]))?)?)?\]?(?:,\s?\d[\p{L}\p{N}]*(?:[-–—]\s?\d[\p{L}\p{N}]*)*(?:\s?(?:об|ob)\.?)?(?=\s*(?:$|[,;.)]\s*$|,\s*\d|,?\s+and\b|\s+и\s+др)))*(?:,?\s(?:and|и)\s\d[\p{L}\p{N}]*(?:[-–—]\s?\d+)?(?=\s*$|[,;.]\s*$))?)", RegexOptions.IgnoreCase)]
    private static partial Regex RussianLevels();

    // ", 84," between two levels, or ", 100-3" at the end.
    [GeneratedRegex(@"^\s*[,.]\s*(?<value>\d+[a-zа-я]?(?:\s?[-–]\s?\d+)?)\s*[,.]?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex BareNumber();

    [GeneratedRegex(@"^\s*[,.]?\s*\p{L}{1,2}\.\s?(?<value>\d+[a-zа-я]?)\.?\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex MisprintedLevel();

    [GeneratedRegex(@"^(?:Там же|Тамже|Ibid|Ibidem|Idem|Ebenda|Tamże|Tamtéž)\b\.?", RegexOptions.IgnoreCase)]
    private static partial Regex Ibid();

    // "... List 122 and AVPRF, Fond ...", "... Ll. 1-12 and D. 84": a second reference joined by "and".
    [GeneratedRegex(@",?\s+(?:and|и)\s+(?=(?:[DdДд]\.\s?\d|[\p{Lu}]{2,}[\s,]|\d+[a-z]?/\d+[a-z]?/\d))")]
    private static partial Regex AnotherReference();

    [GeneratedRegex(@"\b(?:Archives?|Archiv\w*|Arhiv\w*|Архив\w*|Arkhiv\w*|Library|Bibliot\w*|Lev[ée]lt[áa]r|Museum|Records Center|Department|Ministry|Office)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ArchiveWord();

    // "UV KSC", "GAPPOD": an archive's abbreviation, capitals only.
    [GeneratedRegex(@"^\p{Lu}{2,}(?:[\s-]\p{Lu}{2,})*$")]
    private static partial Regex Abbreviation();

    [GeneratedRegex(@"\s*\([^()]*\)\s*$")]
    private static partial Regex PlaceInBrackets();

    [GeneratedRegex(@"^(?:General\s+)?Records\s+(?:of|Relating)\b")]
    private static partial Regex SeriesTitle();

    [GeneratedRegex(@"\G\s*[\(\[][^()\[\]]{1,60}[\)\]]")]
    private static partial Regex NameBracket();

    // "(ЛПА)", "(hereafter RGANI)": an abbreviation the text gives for the name.
    [GeneratedRegex(@"\((?:hereafter\s+(?:cited\s+as\s+)?)?(?<abbreviation>[\p{Lu}][\p{Lu}\p{Ll}\s.-]{0,14}[\p{Lu}])\)")]
    private static partial Regex BracketedAbbreviation();

    // An unknown archive's name begins with its first capital: "donated to the National Security Archive".
    [GeneratedRegex(@"^[\p{Ll}\s]+(?=\p{Lu})")]
    private static partial Regex LowercaseStart();

    // The holder named last is an institution: a university, library or archive, or a university known by its name alone.
    [GeneratedRegex(@"^[^,]*\b[Pp]apers\b.*,[”""]?\s*(?<holder>(?:\p{Lu}\p{Ll}+\s){0,3}(?:University|College|Library|Institution|Archives?|Museum|Society)(?:\s(?:of\s)?\p{Lu}\p{Ll}+){0,3}|Harvard|Yale|Princeton|Columbia|Stanford|Cornell|Georgetown)$")]
    private static partial Regex HolderLast();

    [GeneratedRegex(@"^(?<levels>[^/]+(?:/[^/]+)+)/(?<archive>\p{Lu}{2,}[\p{L}-]*)$")]
    private static partial Regex SlashedArchive();

    [GeneratedRegex(@"^(?:Moscow|Москва|Sofia|Budapest|Berlin|Warsaw|Prague|Bucharest|Beijing|Kiev|Kyiv|Киев|Київ|St\.? Petersburg|Leningrad|Washington|Tirana|Belgrade|Ulaanbaatar|Hanoi|Havana|Pyongyang)$")]
    private static partial Regex Cities();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex Remarks();

    [GeneratedRegex(@"^(?:f|fond|ф|фонд)\.?\s+", RegexOptions.IgnoreCase)]
    private static partial Regex FondWord();
}
