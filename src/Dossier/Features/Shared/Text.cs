using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Dossier.Features;

/// <summary>
/// The interface's words: one resource for every page (Text.ru.resx, Text.es.resx), keyed by the English text itself,
/// so a page reads as English in its source and an untranslated phrase shows in English rather than as a code.
/// Documents' own words (titles, transcripts, names) are never passed through it. A phrase whose English is another's
/// in another sense or case carries its context in brackets ("to [date]", "withdrawn [state]"): resources tell names
/// apart regardless of case, and one English word may need two translations. Text.resx, the neutral resource, gives
/// those their English.
/// </summary>
public sealed class Text;

/// <summary>Counted phrases ("1 record", "5 записей") in the plural forms each interface language has.</summary>
public static class TextPlurals
{
    /// <summary>
    /// The phrase for <paramref name="count"/>: the resource for "one|other" holds the language's forms separated by
    /// "|" (Russian has three: one, few, many); {0} is the count written for the culture.
    /// </summary>
    public static string Plural(this IStringLocalizer<Text> text, long count, string one, string other)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = one + "|" + other;
        var found = text[key];
        var forms = (found.ResourceNotFound ? key : found.Value).Split('|');
        var form = forms[Math.Min(FormOf(count, CultureInfo.CurrentUICulture), forms.Length - 1)];
        return string.Format(CultureInfo.CurrentCulture, form, count.ToString("N0", CultureInfo.CurrentCulture));
    }

    /// <summary>
    /// Which of a language's plural forms a count takes (CLDR's cardinal rules for whole numbers): English and Spanish
    /// have one and other; Russian one (1, 21, 101), few (2–4, 22–24) and many (0, 5–20, 25…).
    /// </summary>
    public static int FormOf(long count, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var n = Math.Abs(count);
        return culture.TwoLetterISOLanguageName switch
        {
            "ru" or "uk" => (n % 10, n % 100) switch
            {
                (1, not 11) => 0,
                ( >= 2 and <= 4, < 12 or > 14) => 1,
                _ => 2,
            },
            _ => n == 1 ? 0 : 1,
        };
    }
}
