using System.Globalization;

namespace Dossier.Languages;

/// <summary>BCP 47 codes for the language names archives print ("Russian", "English", "Serbo-Croatian").</summary>
public static class LanguageNames
{
    private static readonly Dictionary<string, string> ByName = new(StringComparer.OrdinalIgnoreCase)
    {
        ["English"] = "en",
        ["Russian"] = "ru",
        ["Spanish"] = "es",
        ["German"] = "de",
        ["French"] = "fr",
        ["Chinese"] = "zh",
        ["Polish"] = "pl",
        ["Hungarian"] = "hu",
        ["Romanian"] = "ro",
        ["Czech"] = "cs",
        ["Slovak"] = "sk",
        ["Bulgarian"] = "bg",
        ["Ukrainian"] = "uk",
        ["Italian"] = "it",
        ["Portuguese"] = "pt",
        ["Japanese"] = "ja",
        ["Korean"] = "ko",
        ["Vietnamese"] = "vi",
        ["Serbo-Croatian"] = "sh",
        ["Serbian"] = "sr",
        ["Croatian"] = "hr",
        ["Albanian"] = "sq",
        ["Mongolian"] = "mn",
        ["Arabic"] = "ar",
        ["Persian"] = "fa",
        ["Farsi"] = "fa",
        ["Hebrew"] = "he",
        ["Turkish"] = "tr",
        ["Greek"] = "el",
        ["Finnish"] = "fi",
        ["Swedish"] = "sv",
        ["Dutch"] = "nl",
        ["Hindi"] = "hi",
        ["Georgian"] = "ka",
        ["Armenian"] = "hy",
        ["Estonian"] = "et",
        ["Latvian"] = "lv",
        ["Lithuanian"] = "lt",
        ["Slovenian"] = "sl",
        ["Macedonian"] = "mk",
        ["Belarusian"] = "be",
        ["Kazakh"] = "kk",
        ["Korean (North)"] = "ko",
        ["Indonesian"] = "id",
        ["Khmer"] = "km",
    };

    /// <summary>A code for a language name, or the code itself when it already is one ("ru", "en-GB").</summary>
    public static string? ToCode(string? nameOrCode)
    {
        if (string.IsNullOrWhiteSpace(nameOrCode)) return null;
        var t = nameOrCode.Trim();
        if (ByName.TryGetValue(t, out var code)) return code;
        // A BCP 47 tag's language is two or three letters ("ru", "kk-Cyrl-KZ"); a longer word is not a code.
        var primary = t.Split('-')[0];
        if (t.Length <= 12 && primary.Length is 2 or 3 && t.All(c => char.IsAsciiLetter(c) || c == '-'))
        {
            try
            {
                // ICU would otherwise make up a culture for any name it is given.
                var culture = CultureInfo.GetCultureInfo(t, predefinedOnly: true);
                return culture.Name.Length > 0 ? culture.Name : null;
            }
            catch (CultureNotFoundException)
            {
                return null;
            }
        }
        return null;
    }

    public static bool IsLanguageName(string text) => ByName.ContainsKey(text.Trim());

    /// <summary>The language's name in English, for labels ("ru" gives "Russian").</summary>
    public static string EnglishName(string code)
    {
        foreach (var (name, c) in ByName)
            if (string.Equals(c, code, StringComparison.OrdinalIgnoreCase)) return name;
        try
        {
            return CultureInfo.GetCultureInfo(code).EnglishName;
        }
        catch (CultureNotFoundException)
        {
            return code;
        }
    }
}
