using System.Text.Json;
using System.Text.Json.Serialization;

namespace Dossier.Import.Csv;

/// <summary>
/// How a spreadsheet's columns become a record's fields (<c>--map mapping.json</c>):
/// <code>
/// { "columns": { "Record Num": "recordId", "Title": "title", "Doc Date": "date", "From Name": "creators" },
///   "separator": ";", "defaults": { "languages": "en", "repository": "National Archives" } }
/// </code>
/// A column not named is not read; a field may take several columns (their values are joined, or listed).
/// </summary>
public sealed class CsvMapping
{
    /// <summary>The fields a column can fill; list fields split a cell on <see cref="Separator"/>.</summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "recordId", "title", "date", "summary", "type", "classification", "languages", "creators", "recipients", "place", "subjects",
        "source", "source.archive", "source.fond", "source.opis", "source.papka", "source.delo", "source.pages", "source.reel", "source.box", "source.item",
        "provenance", "obtainedBy", "translators", "donors", "rights", "uploadedDate", "repository", "notes", "transcript", "originals",
    ];

    public static readonly IReadOnlySet<string> ListFields = new HashSet<string>(StringComparer.Ordinal)
        { "languages", "creators", "recipients", "subjects", "obtainedBy", "translators", "donors", "originals" };

    /// <summary>Column header → field.</summary>
    public Dictionary<string, string> Columns { get; init; } = [];

    /// <summary>What separates several values in one cell of a list field ("A; B").</summary>
    public string Separator { get; init; } = ";";

    /// <summary>Values for fields no column gives (a language, a repository), as text; lists separated as cells are.</summary>
    public Dictionary<string, string> Defaults { get; init; } = [];

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>Reads a mapping file; a mapping that names an unknown field is refused with the reason.</summary>
    public static CsvMapping Load(string path)
    {
        CsvMapping? mapping;
        try
        {
            mapping = JsonSerializer.Deserialize<CsvMapping>(File.ReadAllText(path), Options);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path} is not a column mapping: {e.Message}", e);
        }
        if (mapping is null) throw new InvalidDataException($"{path} is not a column mapping");
        mapping.Check();
        return mapping;
    }

    public void Check()
    {
        if (Columns.Count == 0) throw new InvalidDataException("the mapping names no columns");
        foreach (var (column, field) in Columns.Concat(Defaults.Select(d => KeyValuePair.Create("(default)", d.Key))))
            if (field != "ignore" && !Fields.Contains(field))
                throw new InvalidDataException($"'{field}' (for {column}) is not a field; the fields are: {string.Join(", ", Fields)}, or ignore");
        if (!Columns.ContainsValue("title")) throw new InvalidDataException("the mapping must give a column for title");
        if (Separator.Length == 0) throw new InvalidDataException("the separator may not be empty");
    }

    private static readonly (string Field, string[] Names)[] Guesses =
    [
        ("recordId", ["recordid", "recordnumber", "recordnum", "recordno", "identifier", "id"]),
        ("title", ["title", "documenttitle", "name"]),
        ("date", ["date", "docdate", "documentdate", "dated"]),
        ("summary", ["summary", "description", "abstract"]),
        ("type", ["type", "doctype", "documenttype", "genre"]),
        ("classification", ["classification", "originalclassification"]),
        ("languages", ["language", "languages", "lang"]),
        ("creators", ["from", "fromname", "author", "authors", "creator", "creators", "sender"]),
        ("recipients", ["to", "toname", "recipient", "recipients", "addressee"]),
        ("place", ["place", "placewritten"]),
        ("subjects", ["subject", "subjects", "keywords", "tags"]),
        ("source", ["source", "filenumber", "filenum", "reference", "archivalreference"]),
        ("source.archive", ["originator", "archive", "agency"]),
        ("provenance", ["provenance"]),
        ("translators", ["translator", "translators"]),
        ("donors", ["donor", "donors"]),
        ("rights", ["rights", "license", "licence"]),
        ("uploadedDate", ["releasedate", "narareleasedate", "uploaded", "uploadeddate"]),
        ("repository", ["repository"]),
        ("notes", ["comments", "comment", "notes", "note", "remarks"]),
        ("transcript", ["text", "transcript", "fulltext"]),
        ("originals", ["original", "originals", "originalfile", "originalfiles", "scan", "scans"]),
    ];

    /// <summary>The field a column's header most likely names ("Doc Date" → date, "From Name" → creators), or ignore.</summary>
    public static string Guess(string header)
    {
        var key = new string([.. header.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant)]);
        return Guesses.FirstOrDefault(g => g.Names.Contains(key)).Field ?? "ignore";
    }
}
