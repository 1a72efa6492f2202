using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Dossier.Search;

/// <summary>
/// One spelling for the many ways a word or a name is written: Cyrillic is transliterated, Latin accents are
/// dropped, and the common romanizations are folded together (BGN/PCGN, scholarly and the usual English spellings:
/// -yev/-ev/-iev, kh/h, ts/tz, yu/iu/ju, ya/ia/ja, x/ks, ё/e, doubled letters). Applied alike to what is indexed and
/// to what is asked, so <c>Alexeyev</c>, <c>Alekseev</c> and <c>Алексеев</c> meet as <c>aleksev</c>.
/// The folded form is an index key, never shown to anyone.
/// </summary>
public static partial class NameFolding
{
    private static readonly Dictionary<char, string> Cyrillic = new()
    {
        ['а'] = "a",
        ['б'] = "b",
        ['в'] = "v",
        ['г'] = "g",
        ['д'] = "d",
        ['е'] = "e",
        ['ё'] = "e",
        ['ж'] = "zh",
        ['з'] = "z",
        ['и'] = "i",
        ['й'] = "i",
        ['к'] = "k",
        ['л'] = "l",
        ['м'] = "m",
        ['н'] = "n",
        ['о'] = "o",
        ['п'] = "p",
        ['р'] = "r",
        ['с'] = "s",
        ['т'] = "t",
        ['у'] = "u",
        ['ф'] = "f",
        ['х'] = "kh",
        ['ц'] = "ts",
        ['ч'] = "ch",
        ['ш'] = "sh",
        ['щ'] = "shch",
        ['ъ'] = "",
        ['ы'] = "y",
        ['ь'] = "",
        ['э'] = "e",
        ['ю'] = "yu",
        ['я'] = "ya",
        ['і'] = "i",
        ['ї'] = "yi",
        ['є'] = "ye",
        ['ґ'] = "g",
        ['ў'] = "u",
        ['ј'] = "j",
        ['љ'] = "lj",
        ['њ'] = "nj",
        ['ћ'] = "c",
        ['ђ'] = "dj",
        ['џ'] = "dz",
    };

    // Latin letters that Unicode decomposition does not reduce to a base letter.
    private static readonly Dictionary<char, string> LatinSpecial = new()
    {
        ['ł'] = "l",
        ['ø'] = "o",
        ['đ'] = "d",
        ['ß'] = "ss",
        ['æ'] = "ae",
        ['œ'] = "oe",
        ['ı'] = "i",
        ['þ'] = "th",
    };

    // Applied in order; each rewrites spellings that stand for the same sound in different romanizations.
    private static readonly (Regex Pattern, string Replacement)[] Spellings =
    [
        (new Regex("x", RegexOptions.CultureInvariant), "ks"),
        (new Regex("(?<=(?:sh|ch|zh))o(?=v)", RegexOptions.CultureInvariant), "e"), // Khrushchov, Khrushchyov = Khrushchev (ё)
        (new Regex("[yij]o(?=v)", RegexOptions.CultureInvariant), "e"),
        (new Regex("[yij]ev", RegexOptions.CultureInvariant), "ev"),                // Alekseyev, Alekseiev = Alekseev
        (new Regex("kh", RegexOptions.CultureInvariant), "h"),
        (new Regex("(?<=[a-z])c(?=[eo]v)", RegexOptions.CultureInvariant), "ts"),  // scholarly Kudrjavcev = Kudryavtsev
        (new Regex("ck|q|c(?=[aouklrt]|$)", RegexOptions.CultureInvariant), "k"),   // Castro = Кастро, Cuba = Куба
        (new Regex("tz", RegexOptions.CultureInvariant), "ts"),
        (new Regex("ph", RegexOptions.CultureInvariant), "f"),
        (new Regex("w", RegexOptions.CultureInvariant), "v"),
        (new Regex("[yj]", RegexOptions.CultureInvariant), "i"),                    // Yuri = Iurii = Juri
        (new Regex("(.)\\1+", RegexOptions.CultureInvariant), "$1"),               // Alekseev = Aleksev
    ];

    // A language's vocabulary is small beside its text: folding each word once and remembering it makes indexing
    // and snippets about as fast as without folding. Bounded, so that a flood of unique tokens cannot grow it forever.
    private const int MemoLimit = 500_000;
    private static readonly ConcurrentDictionary<string, string> Memo = new(StringComparer.Ordinal);
    private static int memoCount; // ConcurrentDictionary.Count takes every lock; a counter does not

    public static string Fold(string term)
    {
        if (Memo.TryGetValue(term, out var known)) return known;
        var folded = FoldUncached(term);
        if (memoCount < MemoLimit && Memo.TryAdd(term, folded)) Interlocked.Increment(ref memoCount);
        return folded;
    }

    private static string FoldUncached(string term)
    {
        var latin = ToLatin(term);
        if (latin.Length == 0 || !latin.All(char.IsAsciiLetterLower)) return latin;
        foreach (var (pattern, replacement) in Spellings) latin = pattern.Replace(latin, replacement);
        return latin;
    }

    /// <summary>Cyrillic transliterated, accents removed, lower case; digits and other scripts kept as they are.</summary>
    public static string ToLatin(string term)
    {
        var sb = new StringBuilder(term.Length + 4);
        foreach (var c in term.ToLowerInvariant().Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            if (Cyrillic.TryGetValue(c, out var latin) || LatinSpecial.TryGetValue(c, out latin)) sb.Append(latin);
            else sb.Append(c);
        }
        // Decomposition split й and ё into и/е and a mark; both are folded above to i/e, which is what they become.
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }
}
