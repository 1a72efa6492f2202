using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Dossier.Import.Csv;

namespace Dossier.Authorities;

/// <summary>An authority read from a file, or why one could not be, and where.</summary>
public sealed record AuthorityItem(string Location, Authority? Authority, string? Error);

/// <summary>
/// Where authority records come from: the Office of the Historian's person records (one XML file a person, as in
/// <c>../shared/corpus/people/data</c>), and CSV files with a header row.
/// </summary>
public static partial class AuthoritySources
{
    /// <summary>Every authority in the files and folders given (folders read recursively, .xml and .csv files).</summary>
    public static IEnumerable<AuthorityItem> Read(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
                    foreach (var item in ReadFile(file, named: false)) yield return item;
            }
            else
            {
                foreach (var item in ReadFile(path, named: true)) yield return item;
            }
        }
    }

    private static IEnumerable<AuthorityItem> ReadFile(string path, bool named)
    {
        var extension = Path.GetExtension(path).ToLowerInvariant();
        if (!File.Exists(path)) return [new(path, null, "no such file or folder")];
        if (extension == ".xml") return [Person(path)];
        if (extension == ".csv") return Csv(path);
        return named ? [new(path, null, "not a file of authorities (.xml person records, .csv)")] : [];
    }

    /// <summary>A person record of the Office of the Historian (history.state.gov/people).</summary>
    public static AuthorityItem Person(string path)
    {
        XElement person;
        try
        {
            person = XDocument.Load(path).Root ?? throw new XmlException("empty");
        }
        catch (Exception e) when (e is XmlException or IOException or UnauthorizedAccessException)
        {
            return new(path, null, "not readable XML: " + e.Message);
        }
        if (person.Name != "person") return new(path, null, $"not a person record (its root is <{person.Name}>)");
        var id = ((string?)person.Element("id"))?.Trim();
        var names = person.Element("names");
        var preferred = Clean((string?)names?.Element("preferred")?.Element("name"));
        if (string.IsNullOrEmpty(id)) return new(path, null, "no <id>");
        if (string.IsNullOrEmpty(preferred)) return new(path, null, "no preferred name");

        var titles = names!.Element("titles-from-name")?.Elements("title").Select(t => Clean((string?)t.Element("name"))).OfType<string>()
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];
        var variants = new List<string>();
        variants.AddRange(names.Element("alternates")?.Elements("name").Select(n => (string)n) ?? []);
        foreach (var original in names.Element("originals")?.Elements("original").Select(o => (string?)o.Element("name")).OfType<string>() ?? [])
            variants.AddRange(SplitForms(original));
        var authority = new Authority
        {
            Kind = AuthorityKind.Person,
            PreferredName = preferred,
            SourceId = "hsg-people:" + id,
            BirthYear = Year((string?)person.Element("birth-year")),
            DeathYear = Year((string?)person.Element("death-year")),
            Viaf = person.Element("authorities")?.Elements("authority").Where(a => (string?)a.Attribute("service") == "viaf")
                .Select(a => a.Value.Trim()).FirstOrDefault(v => v.Length > 0),
            Description = Description(person.Element("remarks")),
        };
        (authority.ActiveFrom, authority.ActiveTo) = ActiveYears(person);
        AddNames(authority, variants.Select(v => WithoutTitles(v, titles)), titles);
        return new(path, authority, null);
    }

    /// <summary>
    /// The years a person of the Office of the Historian's file was at work: the years its offices are dated by ("from
    /// September 7, 1953", "1949–March 1953") and those of the editions whose lists of persons name it
    /// (frus1961-63v06 is 1961–1963; a retrospective volume spanning decades says nothing).
    /// </summary>
    internal static (int? From, int? To) ActiveYears(XElement person)
    {
        var years = new List<int>();
        foreach (var p in person.Element("remarks")?.Descendants("p") ?? [])
            foreach (Match m in DatedYear().Matches(p.Value))
                years.Add(int.Parse(m.Value, CultureInfo.InvariantCulture));
        foreach (var url in person.Descendants("source-url").Select(u => u.Value))
        {
            var volume = VolumeYears().Match(url);
            if (!volume.Success) continue;
            var from = int.Parse(volume.Groups["from"].Value, CultureInfo.InvariantCulture);
            var to = volume.Groups["to"].Success ? int.Parse(volume.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
            if (to < 100) to += from / 100 * 100;
            if (to < from || to - from > 12) continue;
            years.Add(from);
            years.Add(to);
        }
        years.RemoveAll(y => y is < 1700 or > 2100);
        return years.Count == 0 ? (null, null) : (years.Min(), years.Max());
    }

    /// <summary>"1953-1964", "1953–1964" or "1962": the years an authority of a CSV file was at work.</summary>
    private static (int? From, int? To) ActiveYears(string? text)
    {
        if (text is null) return (null, null);
        var m = YearSpan().Match(text);
        if (!m.Success) return (null, null);
        var from = int.Parse(m.Groups["from"].Value, CultureInfo.InvariantCulture);
        var to = m.Groups["to"].Success ? int.Parse(m.Groups["to"].Value, CultureInfo.InvariantCulture) : from;
        return to >= from ? (from, to) : (null, null);
    }

    [GeneratedRegex(@"(?<!\d)1[789]\d\d(?!\d)|(?<!\d)20\d\d(?!\d)")]
    private static partial Regex DatedYear();

    [GeneratedRegex(@"historicaldocuments/frus(?<from>\d{4})(?:-(?<to>\d{2,4}))?")]
    private static partial Regex VolumeYears();

    [GeneratedRegex(@"^\s*(?<from>\d{4})(?:\s*[-–]\s*(?<to>\d{4}))?\s*$")]
    private static partial Regex YearSpan();

    /// <summary>The forms a printed name gives: "Deng Xiaoping (Teng Hsiao-p’ing)" is two names; a trailing full stop is not part of one.</summary>
    private static IEnumerable<string> SplitForms(string printed)
    {
        var match = Parenthesis().Match(printed);
        if (!match.Success) return [printed];
        // "Abras(s)imov": a letter or two in brackets inside a word is spelt with or without them, not a second name.
        if (match.Index > 0 && char.IsLetter(printed[match.Index - 1]) && match.Groups[1].Value.Length <= 3)
            return new[] { printed.Remove(match.Index, match.Length), printed.Remove(match.Index, match.Length).Insert(match.Index, match.Groups[1].Value) }.Select(Clean).OfType<string>();
        var outside = Clean(printed.Remove(match.Index, match.Length));
        return new[] { outside, Clean(match.Groups[1].Value) }.OfType<string>();
    }

    private static string WithoutTitles(string name, IReadOnlyList<string> titles)
    {
        foreach (var title in titles.OrderByDescending(t => t.Length))
            name = Regex.Replace(name, @"(?<![\p{L}])" + Regex.Escape(title) + @"(?![\p{L}])", " ", RegexOptions.None, TimeSpan.FromSeconds(1));
        return Clean(name) ?? "";
    }

    private static void AddNames(Authority authority, IEnumerable<string> variants, IEnumerable<string> titles)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        void Add(string name, NameForm form)
        {
            if (name.Length is 0 or > Authority.MaxNameLength) return;
            var form_ = AuthorityName.Of(name, form);
            if (form_.Key.Length == 0 || !keys.Add(form + "\u0001" + form_.Key)) return;
            authority.Names.Add(form_);
        }
        Add(authority.PreferredName, NameForm.Preferred);
        keys.Add(NameForm.Variant + "\u0001" + AuthorityName.KeyOf(authority.PreferredName));
        foreach (var variant in variants) Add(variant, NameForm.Variant);
        foreach (var title in titles) Add(title, NameForm.Title);
    }

    private static string? Description(XElement? remarks)
    {
        var texts = remarks?.Elements("remark").Select(r => Clean(string.Concat(r.Elements("p").Select(p => p.Value + " ")))).OfType<string>()
            .Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList() ?? [];
        if (texts.Count == 0) return null;
        var description = string.Join("\n\n", texts);
        return description.Length <= 4000 ? description : description[..4000].TrimEnd() + "…";
    }

    /// <summary>
    /// A CSV of authorities with a header row: <c>name</c> (required), and any of <c>kind</c> (person, organization,
    /// place), <c>variants</c> (separated by ';'), <c>birth</c>, <c>death</c>, <c>active</c> (the years at work,
    /// "1953-1964"), <c>description</c>, <c>viaf</c>,
    /// <c>wikidata</c>, <c>latitude</c>, <c>longitude</c>, <c>id</c> (the source's own, to update on a later import).
    /// </summary>
    public static IEnumerable<AuthorityItem> Csv(string path)
    {
        List<List<string>> rows;
        try
        {
            rows = [.. CsvImporter.ReadRows(File.ReadAllText(path, Import.TextFile.StrictUtf8))];
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or System.Text.DecoderFallbackException)
        {
            return [new(path, null, e is System.Text.DecoderFallbackException ? "the file is not UTF-8 text" : e.Message)];
        }
        if (rows.Count == 0) return [new(path, null, "the file is empty")];
        var header = rows[0].Select(h => h.Trim().ToLowerInvariant()).ToList();
        if (!header.Contains("name")) return [new(path, null, "no column named name (the columns: name, kind, variants, birth, death, active, description, viaf, wikidata, latitude, longitude, id)")];
        return rows.Skip(1).Select((row, i) => (row, number: i + 2)).Where(r => r.row.Any(c => c.Trim().Length > 0)).Select(r =>
        {
            var location = string.Create(CultureInfo.InvariantCulture, $"{path}:row {r.number}");
            string? Cell(string column) => header.IndexOf(column) is var i && i >= 0 && i < r.row.Count && r.row[i].Trim() is { Length: > 0 } v ? v : null;
            var name = Clean(Cell("name"));
            if (name is null) return new AuthorityItem(location, null, "no name");
            var kind = Cell("kind")?.ToLowerInvariant() switch
            {
                null or "person" or "people" => AuthorityKind.Person,
                "organization" or "organisation" or "body" => AuthorityKind.Organization,
                "place" => AuthorityKind.Place,
                var other => (AuthorityKind?)null,
            };
            if (kind is null) return new AuthorityItem(location, null, $"kind '{Cell("kind")}' is not person, organization or place");
            double? Coordinate(string column, double limit, out string? bad)
            {
                bad = null;
                if (Cell(column) is not { } text) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && Math.Abs(v) <= limit) return v;
                bad = $"{column} '{text}' is not a coordinate";
                return null;
            }
            var latitude = Coordinate("latitude", 90, out var badLatitude);
            var longitude = Coordinate("longitude", 180, out var badLongitude);
            if ((badLatitude ?? badLongitude) is { } bad) return new AuthorityItem(location, null, bad);
            var authority = new Authority
            {
                Kind = kind.Value,
                PreferredName = name,
                BirthYear = Year(Cell("birth")),
                DeathYear = Year(Cell("death")),
                Description = Cell("description"),
                Viaf = Cell("viaf"),
                Wikidata = Cell("wikidata"),
                Latitude = latitude,
                Longitude = longitude,
                SourceId = Cell("id") is { } id ? "csv:" + Path.GetFileName(path) + ":" + id : null,
            };
            (authority.ActiveFrom, authority.ActiveTo) = ActiveYears(Cell("active"));
            AddNames(authority, (Cell("variants") ?? "").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries), []);
            return new AuthorityItem(location, authority, null);
        }).ToList();
    }

    private static int? Year(string? text) =>
        int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var year) && year is > -3000 and < 3000 ? year : null;

    private static string? Clean(string? text)
    {
        if (text is null) return null;
        var cleaned = Spaces().Replace(text, " ").Trim().Trim(',', ';', ':').TrimEnd('.').Trim();
        return cleaned.Length == 0 ? null : cleaned;
    }

    [GeneratedRegex(@"\(([^()]+)\)")]
    private static partial Regex Parenthesis();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
