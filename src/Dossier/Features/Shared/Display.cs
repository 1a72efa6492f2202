using System.Globalization;
using System.Text.RegularExpressions;
using Dossier.Languages;
using Dossier.Records;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Dossier.Features;

/// <summary>How the pages write dates, languages and facets for readers, in the language of the page.</summary>
public static partial class Display
{
    // Display is static and shared by pages and their models; it reads the same resource the pages' localizer does.
    private static readonly IStringLocalizer<Text> text = new StringLocalizer<Text>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    /// <summary>
    /// "January 29, 1964", "November 1951", "1951" in English; "29 января 1964 г.", "29 de enero de 1964": the page's
    /// culture's own long date without the weekday. "Undated" for no date; an unreadable value as it is.
    /// </summary>
    public static string Date(string? iso)
    {
        if (!PartialDate.TryParseIso(iso, out var d)) return iso ?? text["Undated"];
        var culture = CultureInfo.CurrentCulture;
        if (culture.TwoLetterISOLanguageName is "en" or "iv") return d.ToLongEnglish();
        var formats = culture.DateTimeFormat;
        return d switch
        {
            { Day: { } day } => new DateTime(d.Year, d.Month!.Value, day, 0, 0, 0, DateTimeKind.Unspecified).ToString(Weekday().Replace(formats.LongDatePattern, ""), culture),
            { Month: { } month } => new DateTime(d.Year, month, 1, 0, 0, 0, DateTimeKind.Unspecified).ToString(formats.YearMonthPattern, culture),
            _ => d.Year.ToString(CultureInfo.InvariantCulture),
        };
    }

    [GeneratedRegex(@"d{4},?\s*")]
    private static partial Regex Weekday();

    /// <summary>A language by its code: "Russian" on an English page, "Русский" on a Russian one, "Ruso" on a Spanish one.</summary>
    public static string Language(string code)
    {
        var culture = CultureInfo.CurrentUICulture;
        if (culture.TwoLetterISOLanguageName is "en" or "iv") return LanguageNames.EnglishName(code);
        try
        {
            // .NET names a culture in the current UI language (ICU); an unknown code comes back as itself.
            var name = CultureInfo.GetCultureInfo(code).DisplayName;
            return name.Length == 0 || name == code ? LanguageNames.EnglishName(code) : char.ToUpper(name[0], culture) + name[1..];
        }
        catch (CultureNotFoundException)
        {
            return LanguageNames.EnglishName(code);
        }
    }

    /// <summary>
    /// The language the archive describes its records in (titles, summaries, authorities' descriptions): every source it
    /// imports catalogues in English. Marked on those texts so a Russian or Spanish page does not read them as its own.
    /// </summary>
    public const string Catalogue = "en";

    /// <summary>
    /// The language a name or heading is written in, as well as its script tells: Cyrillic is read as Russian (the
    /// archive's other language), Han as Chinese and so on; Latin letters as the catalogue's English.
    /// </summary>
    public static string LanguageOf(string? text)
    {
        foreach (var c in text ?? "")
        {
            if (!char.IsLetter(c)) continue;
            return c switch
            {
                >= '\u0400' and <= '\u052F' => "ru",
                >= '\u0370' and <= '\u03FF' => "el",
                >= '\u0590' and <= '\u05FF' => "he",
                >= '\u0600' and <= '\u06FF' => "ar",
                >= '\u10A0' and <= '\u10FF' => "ka",
                >= '\u0530' and <= '\u058F' => "hy",
                >= '\u3040' and <= '\u30FF' => "ja",
                >= '\uAC00' and <= '\uD7AF' => "ko",
                >= '\u4E00' and <= '\u9FFF' => "zh",
                _ => Catalogue,
            };
        }
        return Catalogue;
    }

    /// <summary>A person's years as the page's language writes them: "1926–2016", "born 1926", "род. 1926".</summary>
    public static string? Years(Dossier.Authorities.Authority authority) => (authority.BirthYear, authority.DeathYear) switch
    {
        ({ } b, { } d) => $"{b}–{d}",
        ({ } b, null) => text["born {0}", b],
        (null, { } d) => text["died {0}", d],
        _ => null,
    };

    /// <summary>The name of an authority kind's list: "People", "Places", "Organizations".</summary>
    public static string ListName(Dossier.Authorities.AuthorityKind kind) => kind switch
    {
        Dossier.Authorities.AuthorityKind.Person => text["People"],
        Dossier.Authorities.AuthorityKind.Place => text["Places"],
        _ => text["Organizations"],
    };

    public static string FacetName(string facet) => facet switch
    {
        "collection" => text["Collection"],
        "person" => text["People named"],
        "place" => text["Places named"],
        "organization" => text["Organizations named"],
        "text" => text["Text"],
        "type" => text["Type"],
        "classification" => text["Original classification"],
        "language" => text["Language"],
        "donor" => text["Donor"],
        "archive" => text["Archive"],
        "year" => text["Year"],
        _ => facet,
    };

    /// <summary>A text's paragraphs, which are separated by blank lines.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0);

    public static string? FirstParagraph(string? text) => Paragraphs(text).FirstOrDefault();

    /// <summary>A file's size as people read it: "215 KB", "3.4 MB".</summary>
    public static string Bytes(long length) => length switch
    {
        < 1000 => text.Plural(length, "{0} byte", "{0} bytes"),
        < 1_000_000 => text["{0} KB", (length / 1000.0).ToString("0", CultureInfo.CurrentCulture)],
        < 1_000_000_000 => text["{0} MB", (length / 1_000_000.0).ToString("0.#", CultureInfo.CurrentCulture)],
        _ => text["{0} GB", (length / 1_000_000_000.0).ToString("0.##", CultureInfo.CurrentCulture)],
    };

    /// <summary>
    /// The page asked for (?page=, or a form's field), 1 when none or not a page: read from the request itself, as a
    /// Razor Pages handler's parameter named "page" binds the framework's own route value instead.
    /// </summary>
    public static int PageOf(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        int.TryParse(values.FirstOrDefault(v => v.Key == "page").Value.ToString(), NumberStyles.None,
            CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
}
