using System.Globalization;
using System.Text;
using Dossier.Languages;
using Dossier.Records;
using Dossier.Sources;

namespace Dossier.Import.Csv;

/// <summary>
/// A spreadsheet saved as CSV (RFC 4180, UTF-8), read by a <see cref="CsvMapping"/>: a record a row. A row that
/// cannot be a record (no title, a date that is not one, a language that is none) is reported with its row number
/// (the spreadsheet's, the header being row 1) and its reason; the other rows import. Dates are read in the forms
/// spreadsheets hold them: ISO (<c>1964-03-31</c>, <c>1964-03</c>, <c>1964</c>), American (<c>03/31/1964</c>),
/// written out ("March 31, 1964"), and spreadsheet serial numbers (<c>23467</c>: days since 30 December 1899); a
/// date of year 0 (<c>01/01/0000</c>), as release spreadsheets write an unknown date, is no date.
/// </summary>
public sealed class CsvImporter(CsvMapping mapping) : IRecordImporter
{
    public string Format => "CSV";

    public bool Accepts(string path) => Path.GetExtension(path).Equals(".csv", StringComparison.OrdinalIgnoreCase);

    public IEnumerable<ImportItem> Read(string path)
    {
        List<List<string>> rows;
        try
        {
            rows = [.. ReadRows(File.ReadAllText(path, TextFile.StrictUtf8))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            return [ImportItem.Failed(path, e is DecoderFallbackException ? "the file is not UTF-8 text" : e.Message)];
        }
        if (rows.Count == 0) return [ImportItem.Failed(path, "the file is empty")];
        var header = rows[0].Select(h => h.Trim()).ToList();
        var missing = mapping.Columns.Keys.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
            return [ImportItem.Failed(path, $"the mapping names columns the file does not have: {string.Join(", ", missing)} (its columns: {string.Join(", ", header.Where(h => h.Length > 0))})")];
        return rows.Skip(1).Select((row, i) => (row, number: i + 2)).Where(r => r.row.Any(c => c.Length > 0))
            .Select(r => Row(path, header, r.row, r.number));
    }

    private ImportItem Row(string path, List<string> header, List<string> row, int number)
    {
        var location = string.Create(CultureInfo.InvariantCulture, $"{path}:row {number}");
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < header.Count && i < row.Count; i++)
        {
            if (!mapping.Columns.TryGetValue(header[i], out var field) || field == "ignore") continue;
            var cell = row[i].Trim();
            if (cell.Length == 0) continue;
            if (!values.TryGetValue(field, out var list)) values[field] = list = [];
            if (CsvMapping.ListFields.Contains(field)) list.AddRange(cell.Split(mapping.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            else list.Add(cell);
        }
        foreach (var (field, value) in mapping.Defaults)
            if (!values.ContainsKey(field))
                values[field] = CsvMapping.ListFields.Contains(field) ? [.. value.Split(mapping.Separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)] : [value];

        string? One(string field) => values.TryGetValue(field, out var v) ? string.Join(" ", v) : null;
        List<string> Many(string field) => values.TryGetValue(field, out var v) ? [.. v.Distinct(StringComparer.Ordinal)] : [];

        var title = One("title");
        if (title is null) return ImportItem.Failed(location, "no title");
        string? date = null, uploaded = null;
        foreach (var (field, column) in new[] { ("date", "date"), ("uploadedDate", "uploaded date") })
        {
            if (One(field) is not { } text) continue;
            if (!TryDate(text, out var parsed, out var unknown) && !unknown) return ImportItem.Failed(location, $"{column} '{text}' is not a date");
            if (field == "date") date = parsed; else uploaded = parsed;
        }
        if (Many("languages").FirstOrDefault(l => LanguageNames.ToCode(l) is null) is { } badLanguage)
            return ImportItem.Failed(location, $"language '{badLanguage}' is not a language");
        var languages = Many("languages").Select(l => LanguageNames.ToCode(l)!).ToList();
        var transcript = One("transcript");
        var transcriptLanguage = languages.FirstOrDefault() ?? LanguageDetector.Detect(transcript ?? title) ?? "en";
        if (languages.Count == 0 && transcript is not null) languages.Add(transcriptLanguage);

        var originals = new List<string>();
        foreach (var original in Many("originals"))
        {
            if (OriginalPaths.Resolve(Path.GetDirectoryName(Path.GetFullPath(path)), original) is not { } resolved)
                return ImportItem.Failed(location, $"original '{original}' is not a path inside the file's folder");
            originals.Add(resolved);
        }

        var sourceText = One("source");
        var source = sourceText is not null && !values.Keys.Any(k => k.StartsWith("source.", StringComparison.Ordinal))
            ? ArchivalReference.Parse(sourceText)
            : new ArchivalSource
            {
                Text = sourceText,
                Archive = One("source.archive"),
                Fond = One("source.fond"),
                Opis = One("source.opis"),
                Papka = One("source.papka"),
                Delo = One("source.delo"),
                Pages = One("source.pages"),
                Reel = One("source.reel"),
                Box = One("source.box"),
                Item = One("source.item"),
            };
        return ImportItem.Of(location, new ArchivalRecord
        {
            RecordId = One("recordId"),
            Title = title,
            Date = date,
            Summary = One("summary"),
            Type = One("type"),
            Classification = One("classification"),
            Languages = [.. languages.Distinct(StringComparer.OrdinalIgnoreCase)],
            Creators = Many("creators"),
            Recipients = Many("recipients"),
            Place = One("place"),
            Subjects = Many("subjects"),
            Source = source,
            Provenance = One("provenance"),
            ObtainedBy = Many("obtainedBy"),
            Translators = Many("translators"),
            Donors = Many("donors"),
            Rights = One("rights"),
            UploadedDate = uploaded,
            Repository = One("repository"),
            Notes = values.TryGetValue("notes", out var notes) ? string.Join("\n\n", notes) : null,
            Transcripts = transcript is null ? [] : [new Transcript { Language = transcriptLanguage, Text = transcript, Position = 0 }],
        }) with
        { Originals = originals };
    }

    /// <summary>Reads a date as spreadsheets hold them; <paramref name="unknown"/> when it says the date is not known.</summary>
    public static bool TryDate(string text, out string? iso, out bool unknown)
    {
        iso = null;
        unknown = false;
        var t = text.Trim();
        if (PartialDate.TryParseWritten(t, out var written))
        {
            iso = written.ToIso();
            return true;
        }
        // American month/day/year, as the release spreadsheets write it; year 0 or day 0 means not known.
        var parts = t.Split('/');
        if (parts.Length == 3 && parts.All(p => p.Length is > 0 and <= 4 && p.All(char.IsAsciiDigit)))
        {
            var (month, day, year) = (int.Parse(parts[0], CultureInfo.InvariantCulture), int.Parse(parts[1], CultureInfo.InvariantCulture), int.Parse(parts[2], CultureInfo.InvariantCulture));
            if (year == 0 || month == 0)
            {
                unknown = true;
                return false;
            }
            var candidate = day == 0 ? $"{year:D4}-{month:D2}" : $"{year:D4}-{month:D2}-{day:D2}";
            if (PartialDate.TryParseIso(candidate, out var american))
            {
                iso = american.ToIso();
                return true;
            }
            return false;
        }
        // A spreadsheet's serial number: days since 30 December 1899 (which absorbs the 1900 leap-year error).
        if (t.Length is >= 4 and <= 6 && t.All(char.IsAsciiDigit) && int.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var serial) && serial >= 367)
        {
            iso = new DateOnly(1899, 12, 30).AddDays(serial).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return true;
        }
        return false;
    }

    /// <summary>RFC 4180 rows: fields separated by commas, quoted fields may hold commas, quotes (doubled) and line breaks.</summary>
    public static IEnumerable<List<string>> ReadRows(string text)
    {
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var i = text.Length > 0 && text[0] == '\uFEFF' ? 1 : 0;
        for (; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0:
                    quoted = true;
                    break;
                case ',':
                    row.Add(field.ToString());
                    field.Clear();
                    break;
                case '\r':
                    break;
                case '\n':
                    row.Add(field.ToString());
                    field.Clear();
                    yield return row;
                    row = [];
                    break;
                default:
                    field.Append(c);
                    break;
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            yield return row;
        }
    }
}
