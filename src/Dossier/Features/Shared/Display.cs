using Dossier.Languages;
using Dossier.Records;

namespace Dossier.Features;

/// <summary>How the pages write dates and languages for readers.</summary>
public static class Display
{
    /// <summary>"January 29, 1964", "November 1951", "1951"; nothing for no date.</summary>
    public static string Date(string? iso) => PartialDate.TryParseIso(iso, out var d) ? d.ToLongEnglish() : iso ?? "Undated";

    public static string Language(string code) => LanguageNames.EnglishName(code);

    public static string FacetName(string facet) => facet switch
    {
        "collection" => "Collection",
        "person" => "People named",
        "place" => "Places named",
        "organization" => "Organizations named",
        "text" => "Text",
        "type" => "Type",
        "classification" => "Original classification",
        "language" => "Language",
        "donor" => "Donor",
        "archive" => "Archive",
        "year" => "Year",
        _ => facet,
    };

    /// <summary>A text's paragraphs, which are separated by blank lines.</summary>
    public static IEnumerable<string> Paragraphs(string? text) =>
        string.IsNullOrWhiteSpace(text) ? [] : text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n").Select(p => p.Trim()).Where(p => p.Length > 0);

    public static string? FirstParagraph(string? text) => Paragraphs(text).FirstOrDefault();

    /// <summary>A file's size as people read it: "215 KB", "3.4 MB".</summary>
    public static string Bytes(long length) => length switch
    {
        < 1000 => $"{length} bytes",
        < 1_000_000 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length / 1000.0:0} KB"),
        < 1_000_000_000 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length / 1_000_000.0:0.#} MB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{length / 1_000_000_000.0:0.##} GB"),
    };

    /// <summary>
    /// The page asked for (?page=, or a form's field), 1 when none or not a page: read from the request itself, as a
    /// Razor Pages handler's parameter named "page" binds the framework's own route value instead.
    /// </summary>
    public static int PageOf(IEnumerable<KeyValuePair<string, Microsoft.Extensions.Primitives.StringValues>> values) =>
        int.TryParse(values.FirstOrDefault(v => v.Key == "page").Value.ToString(), System.Globalization.NumberStyles.None,
            System.Globalization.CultureInfo.InvariantCulture, out var page) && page > 0 ? page : 1;
}
