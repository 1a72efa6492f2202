namespace Dossier.Languages;

/// <summary>
/// Tells the language of a transcript paragraph from its script and, among Latin-script languages,
/// from its commonest words. Enough to split a page into its translation and its original; short
/// paragraphs (a date, a number) have no language of their own and return null.
/// </summary>
public static class LanguageDetector
{
    private static readonly (string Code, HashSet<string> Words)[] LatinLanguages =
    [
        ("en", Set("the of and to in that is was for with as on by it he this be are from at which have not his had")),
        ("es", Set("el la de que y en los las del se por un una con para es al lo como su más pero fue")),
        ("fr", Set("le la les de des et en un une du que qui est dans pour pas par sur au avec ce il")),
        ("de", Set("der die das und in den von zu mit sich des auf für ist im dem nicht ein eine als auch es an")),
        ("it", Set("il la di che e in un una per non del della le si con sono da al è gli")),
        ("pt", Set("o a de que e do da em um para com não uma os no se na por mais as dos")),
        ("pl", Set("i w na z się nie do że to jest o jak ale po co tak za od przez jego")),
        ("hu", Set("a az és hogy nem is egy meg de már csak van volt mint azt ez el")),
        ("ro", Set("și în de la cu că pe nu o un se din a fost sunt care pentru mai au")),
        ("cs", Set("a v se na je že s z do to o i jako ale by k byl jsou")),
    ];

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);

    public enum Script
    {
        None,
        Latin,
        Cyrillic,
        Han,
        Kana,
        Hangul,
        Other,
    }

    /// <summary>The script most of the text's letters are written in; None for text without letters.</summary>
    public static Script ScriptOf(string text)
    {
        int latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0, other = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF') cyrillic++;
            else if (c is >= '\u4E00' and <= '\u9FFF') han++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (char.IsLetter(c)) if (c < '\u0250') latin++; else other++;
        }
        if (kana > 0 && kana + han >= Math.Max(latin, cyrillic)) return Script.Kana;
        var max = new[] { latin, cyrillic, han, hangul, other }.Max();
        if (max == 0) return Script.None;
        return max == latin ? Script.Latin : max == cyrillic ? Script.Cyrillic : max == han ? Script.Han : max == hangul ? Script.Hangul : Script.Other;
    }

    public static Script ScriptOfLanguage(string code) => code switch
    {
        "ru" or "uk" or "bg" or "be" or "sr" or "mk" or "kk" or "mn" => Script.Cyrillic,
        "zh" => Script.Han,
        "ja" => Script.Kana,
        "ko" => Script.Hangul,
        "ar" or "fa" or "he" or "el" or "ka" or "hy" or "hi" or "km" => Script.Other,
        _ => Script.Latin,
    };

    public static string? Detect(string text)
    {
        int latin = 0, cyrillic = 0, han = 0, kana = 0, hangul = 0, ukrainianOnly = 0, bulgarianHint = 0;
        foreach (var c in text)
        {
            if (c is >= '\u0400' and <= '\u04FF')
            {
                cyrillic++;
                if (c is 'і' or 'ї' or 'є' or 'ґ' or 'І' or 'Ї' or 'Є' or 'Ґ') ukrainianOnly++;
                if (c is 'ъ' && bulgarianHint >= 0) bulgarianHint++;
            }
            else if (c is >= '\u4E00' and <= '\u9FFF') han++;
            else if (c is >= '\u3040' and <= '\u30FF') kana++;
            else if (c is >= '\uAC00' and <= '\uD7AF') hangul++;
            else if (char.IsLetter(c) && c < '\u0250') latin++;
        }
        var letters = latin + cyrillic + han + kana + hangul;
        if (letters < 4) return null;
        if (kana > 0 && kana + han > letters / 2) return "ja";
        if (hangul > letters / 2) return "ko";
        if (han > letters / 2) return "zh";
        if (cyrillic > latin)
        {
            if (ukrainianOnly > 0 && ukrainianOnly * 50 >= cyrillic) return "uk";
            return "ru";
        }
        return DetectLatin(text);
    }

    // Letters that belong to one language among the Latin-script ones the archive holds.
    private static readonly (string Code, string Letters)[] TellingLetters =
    [
        ("pl", "ąćęłńśźżĄĆĘŁŃŚŹŻ"),
        ("hu", "őűŐŰ"),
        ("ro", "ăâîșşțţĂÂÎȘŞȚŢ"),
        ("cs", "ěřůĚŘŮ"),
        ("es", "ñ¿¡Ñ"),
        ("de", "ß"),
    ];

    private static string? DetectLatin(string text)
    {
        // One-letter words are left out: initials ("A. I. Alekseyev") would otherwise read as Czech or Polish.
        var words = text.ToLowerInvariant()
            .Split([' ', '\n', '\t', ',', '.', ';', ':', '(', ')', '"', '“', '”', '«', '»', '[', ']', '!', '?'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length > 1)
            .ToArray();
        string? best = null;
        var bestScore = 0;
        foreach (var (code, set) in LatinLanguages)
        {
            var score = words.Count(set.Contains);
            // A name's letters ("Górnicki", "Jeleń") tell a language only beside its words.
            foreach (var (letterCode, letters) in TellingLetters)
                if (letterCode == code && score > 0 && text.Any(letters.Contains)) score += 2;
            if (score > bestScore)
            {
                best = code;
                bestScore = score;
            }
        }
        // A heading like "RECORD OF A CONVERSATION" or a list of names scores little;
        // call it a language only when its words or letters say so, otherwise leave it to its neighbours.
        // A line of names and titles ("Deputy Secretary-General Zhang Su; ... et al.") may hold a word or two that
        // another language also has: running text is a twelfth or more of such words, a list of names is not.
        // A short line needs two such words: "Com. Kucza" is a comrade, not Portuguese "com".
        if (bestScore < (words.Length < 8 ? 2 : 1)) return null;
        return words.Length < 8 || bestScore * 12 >= words.Length ? best : null;
    }
}
