using System.Text.RegularExpressions;

namespace Dossier.Sources;

/// <summary>
/// Reads archival references as historians write them:
/// <c>AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202</c>, <c>TsKhSD, f. 5, op. 49, d. 758, l. 7-10, r. 9126</c>,
/// <c>AVPRF, fond 0102, opis 19, papka 97, delo 4, list 169</c>, and the same in Cyrillic abbreviations.
/// </summary>
public static partial class ArchivalReference
{
    // Canonical names keyed by the name with spaces, dots and hyphens removed and upper-cased,
    // so that "AVPRF", "AVP RF" and "A.V.P. R.F." are one archive.
    private static readonly Dictionary<string, string> KnownArchives = new(StringComparer.Ordinal)
    {
        ["AVPRF"] = "AVP RF",
        ["АВПРФ"] = "AVP RF",
        ["APRF"] = "APRF",
        ["АПРФ"] = "APRF",
        ["TSKHSD"] = "TsKhSD",
        ["ЦХСД"] = "TsKhSD",
        ["RGANI"] = "RGANI",
        ["РГАНИ"] = "RGANI",
        ["GARF"] = "GARF",
        ["ГАРФ"] = "GARF",
        ["RGASPI"] = "RGASPI",
        ["РГАСПИ"] = "RGASPI",
        ["RTSKHIDNI"] = "RTsKhIDNI",
        ["РЦХИДНИ"] = "RTsKhIDNI",
        ["RGAE"] = "RGAE",
        ["РГАЭ"] = "RGAE",
        ["RGVA"] = "RGVA",
        ["РГВА"] = "RGVA",
        ["TSAMO"] = "TsAMO",
        ["ЦАМО"] = "TsAMO",
        ["RGALI"] = "RGALI",
        ["AVPSSSR"] = "AVP SSSR",
    };

    // Archives of other countries, recognised by a telling part of the reference.
    private static readonly (Regex Pattern, string Name)[] OtherArchives =
    [
        (new Regex(@"\bSAPMO\b", RegexOptions.IgnoreCase), "SAPMO-BArch"),
        (new Regex(@"\bBArch\b|Bundesarchiv", RegexOptions.IgnoreCase), "Bundesarchiv"),
        (new Regex(@"\bPA\s?AA\b|Politisches Archiv", RegexOptions.IgnoreCase), "PA AA"),
        (new Regex(@"\bBStU\b", RegexOptions.IgnoreCase), "BStU"),
        (new Regex(@"\bMNL\s?OL\b|\bMOL\b|Magyar Nemzeti Lev[ée]lt[áa]r|Hungarian National Archives", RegexOptions.IgnoreCase), "MNL OL"),
        (new Regex(@"\bAAN\b|Archiwum Akt Nowych", RegexOptions.IgnoreCase), "AAN"),
        (new Regex(@"\bAMSZ\b|Archiwum Ministerstwa Spraw Zagranicznych", RegexOptions.IgnoreCase), "AMSZ"),
        (new Regex(@"\bIPN\b|Instytut Pami[eę]ci Narodowej", RegexOptions.IgnoreCase), "IPN"),
        (new Regex(@"\bANIC\b|Arhivele Na[tţț]ionale", RegexOptions.IgnoreCase), "ANIC"),
        (new Regex(@"\bAMAE\b", RegexOptions.IgnoreCase), "AMAE"),
        (new Regex(@"PRC\s+FMA|Chinese Foreign Ministry Archive|Foreign Ministry Archives?,?\s+(?:of\s+)?(?:the\s+)?People'?s Republic of China|中华人民共和国外交部档案馆", RegexOptions.IgnoreCase), "PRC FMA"),
        (new Regex(@"\bNARA\b|National Archives and Records Administration", RegexOptions.IgnoreCase), "NARA"),
    ];

    private static readonly HashSet<string> RussianArchives = new(KnownArchives.Values, StringComparer.Ordinal);

    public static ArchivalSource Parse(string? text)
    {
        var source = new ArchivalSource { Text = string.IsNullOrWhiteSpace(text) ? null : text.Trim() };
        if (source.Text is null) return source;

        // Only the first of several references ("...; TsKhSD, ...") is taken apart; the text keeps all.
        var first = source.Text.Split(';', 2)[0].Trim().TrimEnd('.');
        var segments = first.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return source;

        var levels = 0;
        string? archiveSegment = null;
        foreach (var segment in segments)
        {
            var m = Level().Match(segment);
            if (!m.Success)
            {
                if (levels == 0 && archiveSegment is null) archiveSegment = segment;
                continue;
            }
            var value = m.Groups["value"].Value.Trim();
            var key = m.Groups["key"].Value.TrimEnd('.').ToLowerInvariant();
            switch (key)
            {
                case "f" or "fond" or "ф" or "фонд": source.Fond ??= value; break;
                case "op" or "opis" or "opis'" or "оп" or "опись": source.Opis ??= value; break;
                case "p" or "pap" or "papka" or "пап" or "п" or "папка": source.Papka ??= value; break;
                case "d" or "delo" or "д" or "дело": source.Delo ??= value; break;
                case "l" or "ll" or "list" or "listy" or "л" or "лл" or "лист" or "листы": source.Pages ??= value; break;
                case "r" or "reel" or "rolik" or "р" or "ролик": source.Reel ??= value; break;
            }
            levels++;
        }

        source.Archive = NormalizeArchive(archiveSegment) ?? RecognizeOther(source.Text);

        // A fond alone ("fond CC al PCR" in a Romanian reference) is not enough to call it a Russian
        // arrangement; without an opis or a delo the levels stay unset and the text speaks for itself.
        var russianShape = source.Opis is not null || source.Delo is not null;
        var foreign = source.Archive is not null && !RussianArchives.Contains(source.Archive) && OtherArchives.Any(a => a.Name == source.Archive);
        if (!russianShape || foreign)
        {
            source.Fond = source.Opis = source.Papka = source.Delo = source.Pages = source.Reel = null;
        }
        return source;
    }

    private static string? NormalizeArchive(string? segment)
    {
        if (string.IsNullOrWhiteSpace(segment)) return null;
        var key = new string(segment.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').ToArray()).ToUpperInvariant();
        if (KnownArchives.TryGetValue(key, out var name)) return name;
        // "Archive of Foreign Policy of the Russian Federation (AVP RF)": the abbreviation in brackets names it.
        var bracket = Bracketed().Match(segment);
        if (bracket.Success && NormalizeArchive(bracket.Groups[1].Value) is { } abbreviated && KnownArchives.ContainsValue(abbreviated)) return abbreviated;
        var other = RecognizeOther(segment);
        if (other is not null) return other;
        // An unknown archive is named as written when it reads like a name (not a sentence).
        return segment.Length <= 120 ? segment.Trim() : null;
    }

    private static string? RecognizeOther(string text)
    {
        foreach (var (pattern, name) in OtherArchives)
            if (pattern.IsMatch(text)) return name;
        return null;
    }

    [GeneratedRegex(@"\(([^()]{2,20})\)")]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"^(?<key>f\.|fond|op\.|opis'?|pap\.|p\.|papka|d\.|delo|ll?\.|listy|list|r\.|reel|rolik|ф\.|фонд|оп\.|опись|пап\.|п\.|папка|д\.|дело|лл?\.|листы|лист|р\.|ролик)\s*(?<value>[0-9A-Za-zА-Яа-я][0-9A-Za-zА-Яа-я\-–/ .]*)$", RegexOptions.IgnoreCase)]
    private static partial Regex Level();
}
