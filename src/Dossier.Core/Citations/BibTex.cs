using System.Globalization;
using System.Text;

namespace Dossier.Citations;

/// <summary>
/// BibTeX and BibLaTeX entries. Text is written in UTF-8 (biber and bibtexu read it; a title in Cyrillic stays as it
/// is), with TeX's special characters escaped and braces balanced so that one odd title cannot break a whole .bib file.
/// </summary>
public static class BibTex
{
    public const string ContentType = "application/x-bibtex";

    private static readonly string[] MonthMacros = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    /// <summary>
    /// Classic BibTeX: <c>@misc</c>, whose standard fields carry an archival record as <c>howpublished</c> (the
    /// archive) and <c>note</c> (the archival location and how the record was obtained and translated), with
    /// <c>year</c> and the month macro (classic BibTeX has no day), and <c>url</c> and <c>urldate</c> as natbib's and
    /// biblatex's styles read them. The title is braced twice so that styles keep its capitals.
    /// </summary>
    public static string Entry(CitedRecord cited)
    {
        var fields = new List<(string Name, string Value)>();
        if (cited.Creators.Count > 0) fields.Add(("author", string.Join(" and ", cited.Creators.Select(Name))));
        fields.Add(("title", "{" + Escape(cited.Title) + "}"));
        if (cited.Date is { } date)
        {
            fields.Add(("year", date.Year.ToString(CultureInfo.InvariantCulture)));
            if (date.Month is { } month) fields.Add(("month", MonthMacros[month - 1]));
        }
        fields.Add(("howpublished", Escape(cited.Archive)));
        var note = new List<string>();
        if (cited.ArchiveLocation is { } location) note.Add(Punctuation.Sentence(location));
        if (cited.Provenance is { } provenance) note.Add(Punctuation.Sentence(provenance));
        else if (cited.Translators.Count > 0) note.Add(Punctuation.Sentence("Translated by " + Punctuation.List([.. cited.Translators.Select(t => t.Natural())])));
        if (note.Count > 0) fields.Add(("note", Escape(string.Join(' ', note))));
        if (cited.Languages.Count > 0 && BabelNames.Of(cited.Languages[0]) is { } language) fields.Add(("language", language));
        AddLink(cited, fields);
        return Write("misc", cited, fields);
    }

    /// <summary>
    /// BibLaTeX: <c>@misc</c>, whose standard driver prints the translator, the type, howpublished and the URL
    /// (<c>@unpublished</c> would drop the translator), with the ISO 8601 <c>date</c> as precise as known
    /// ("1964-01", biblatex manual 2.3.8), <c>translator</c> as a name list, <c>type</c> for the kind of document,
    /// <c>howpublished</c> for the archive, <c>note</c> for the archival location, <c>addendum</c> for the
    /// provenance, and <c>langid</c> (a babel name) for hyphenation in the record's language.
    /// </summary>
    public static string BibLatexEntry(CitedRecord cited)
    {
        var fields = new List<(string Name, string Value)>();
        if (cited.Creators.Count > 0) fields.Add(("author", string.Join(" and ", cited.Creators.Select(Name))));
        fields.Add(("title", Escape(cited.Title)));
        if (cited.Date is { } date) fields.Add(("date", date.ToIso()));
        if (cited.Translators.Count > 0) fields.Add(("translator", string.Join(" and ", cited.Translators.Select(Name))));
        if (cited.Genre is { } genre) fields.Add(("type", Escape(genre)));
        fields.Add(("howpublished", Escape(cited.Archive)));
        if (cited.ArchiveLocation is { } location) fields.Add(("note", Escape(location)));
        if (cited.Provenance is { } provenance) fields.Add(("addendum", Escape(Punctuation.Sentence(provenance))));
        if (cited.Languages.Count > 0 && BabelNames.Of(cited.Languages[0]) is { } language) fields.Add(("langid", language));
        if (cited.Subjects.Count > 0) fields.Add(("keywords", Escape(string.Join(", ", cited.Subjects))));
        AddLink(cited, fields);
        return Write("misc", cited, fields);
    }

    public static string Write(IEnumerable<CitedRecord> cited, bool biblatex) =>
        string.Join("\n", cited.Select(c => biblatex ? BibLatexEntry(c) : Entry(c)));

    private static void AddLink(CitedRecord cited, List<(string Name, string Value)> fields)
    {
        if (cited.Url is not { } url) return;
        // A URL is read verbatim by the url package; only what would end the field or start a comment is escaped.
        fields.Add(("url", url.Replace("%", "\\%", StringComparison.Ordinal).Replace("{", "%7B", StringComparison.Ordinal).Replace("}", "%7D", StringComparison.Ordinal)));
        if (cited.Accessed is { } accessed) fields.Add(("urldate", accessed.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
    }

    private static string Write(string type, CitedRecord cited, List<(string Name, string Value)> fields)
    {
        var entry = new StringBuilder();
        entry.Append('@').Append(type).Append('{').Append(Key(cited)).Append(",\n");
        foreach (var (name, value) in fields)
        {
            // The month macro is bare (jan), every other value braced.
            var braced = name == "month" ? value : "{" + value + "}";
            entry.Append("  ").Append(name).Append(" = ").Append(braced).Append(",\n");
        }
        entry.Append("}\n");
        return entry.ToString();
    }

    /// <summary>The citation key: "dossier-1234", stable as the record's number is.</summary>
    public static string Key(CitedRecord cited) => "dossier-" + cited.Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>A name as BibTeX parses it: "Goldberg, Gary", "van Beethoven, Ludwig", "King, Jr., Martin Luther"; an institution braced whole.</summary>
    private static string Name(PersonName name)
    {
        if (name.Literal is { } literal) return "{" + Escape(literal) + "}";
        var family = Escape(name.Particle is null ? name.Family! : name.Particle + " " + name.Family);
        var parts = new List<string> { family };
        if (name.Suffix is { } suffix) parts.Add(Escape(suffix));
        if (name.Given is { } given) parts.Add(Escape(given));
        return string.Join(", ", parts);
    }

    /// <summary>TeX's special characters escaped; braces too, so that a field's braces always balance.</summary>
    public static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '\\': escaped.Append("\\textbackslash{}"); break;
                case '{' or '}' or '&' or '%' or '$' or '#' or '_': escaped.Append('\\').Append(c); break;
                case '~': escaped.Append("\\textasciitilde{}"); break;
                case '^': escaped.Append("\\textasciicircum{}"); break;
                case '\r' or '\n' or '\t': escaped.Append(' '); break;
                default: escaped.Append(c); break;
            }
        }
        return escaped.ToString();
    }
}

/// <summary>The names babel and polyglossia give the languages an archive holds (for BibTeX's <c>language</c> and BibLaTeX's <c>langid</c>).</summary>
internal static class BabelNames
{
    private static readonly Dictionary<string, string> ByCode = new(StringComparer.OrdinalIgnoreCase)
    {
        ["en"] = "english",
        ["ru"] = "russian",
        ["es"] = "spanish",
        ["de"] = "ngerman",
        ["fr"] = "french",
        ["it"] = "italian",
        ["pt"] = "portuguese",
        ["pl"] = "polish",
        ["cs"] = "czech",
        ["uk"] = "ukrainian",
        ["bg"] = "bulgarian",
        ["hu"] = "hungarian",
        ["ro"] = "romanian",
        ["sr"] = "serbian",
        ["hr"] = "croatian",
        ["nl"] = "dutch",
        ["sv"] = "swedish",
        ["fi"] = "finnish",
        ["el"] = "greek",
        ["tr"] = "turkish",
        ["he"] = "hebrew",
        ["ar"] = "arabic",
        ["fa"] = "persian",
        ["ko"] = "korean",
        ["ja"] = "japanese",
        ["zh"] = "chinese",
        ["vi"] = "vietnamese",
        ["mn"] = "mongolian",
        ["de-DE"] = "ngerman",
    };

    public static string? Of(string code)
    {
        if (ByCode.TryGetValue(code, out var name)) return name;
        var primary = code.Split('-')[0];
        return ByCode.GetValueOrDefault(primary);
    }
}
