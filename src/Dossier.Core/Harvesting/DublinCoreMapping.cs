using System.Globalization;
using System.Xml.Linq;
using Dossier.Citations;
using Dossier.Languages;
using Dossier.Records;

namespace Dossier.Harvesting;

/// <summary>
/// A harvested <c>oai_dc</c> record in Dossier's fields. Dublin Core is loose and repositories fill it their own way
/// (DSpace repeats its system timestamps as dates and puts authors in <c>contributor</c>), so each element is read for
/// what it most likely holds:
/// <list type="bullet">
/// <item>title: the first <c>dc:title</c>;</item>
/// <item>creators: <c>dc:creator</c>; without any, <c>dc:contributor</c> (where repositories put authors);</item>
/// <item>date: the earliest value that is a date alone (<c>2001</c>, <c>2001-01-04</c>, "4 January 2001");
/// a date with a time of day is a system's timestamp, and the earliest of them is when the source put the record
/// online (uploaded date);</item>
/// <item>summary: every <c>dc:description</c>, one paragraph each; subjects: <c>dc:subject</c>;</item>
/// <item>type: the first <c>dc:type</c> that is not a DCMI Type term ("Text", "Image"...);</item>
/// <item>languages: <c>dc:language</c> as BCP 47 codes or names (<c>en_US</c> is read as <c>en-US</c>; values such as
/// "other" that name no language are left out);</item>
/// <item>source: <c>dc:source</c>; repository: <c>dc:publisher</c>; rights: every <c>dc:rights</c>;</item>
/// <item>provenance: where it was harvested from, with the record's own address at its source (the first
/// <c>dc:identifier</c> that is a web address).</item>
/// </list>
/// <c>dc:format</c>, <c>dc:relation</c> and <c>dc:coverage</c> are not kept.
/// </summary>
public static class DublinCoreMapping
{
    private static readonly XNamespace Dc = DublinCore.ElementsNamespace;

    private static readonly HashSet<string> DcmiTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Collection", "Dataset", "Event", "Image", "InteractiveResource", "MovingImage", "PhysicalObject", "Service",
        "Software", "Sound", "StillImage", "Text",
    };

    public static RecordDocument ToDocument(XElement dc, string identifier, string repositoryName)
    {
        string[] All(string name) =>
            [.. dc.Elements(Dc + name).Select(e => Normalize(e.Value)).Where(v => v.Length > 0).Distinct(StringComparer.Ordinal)];

        var creators = All("creator");
        if (creators.Length == 0) creators = All("contributor");

        var (date, uploaded) = Dates(All("date"));
        var address = All("identifier").FirstOrDefault(i => Uri.TryCreate(i, UriKind.Absolute, out var u) && u.Scheme is "http" or "https");
        var provenance = $"Harvested from {repositoryName} ({identifier}" + (address is null ? ")" : ", " + address + ")");
        var descriptions = All("description");
        var rights = All("rights");

        return new RecordDocument
        {
            RecordId = identifier,
            Title = All("title").FirstOrDefault(),
            Date = date,
            UploadedDate = uploaded,
            Summary = descriptions.Length == 0 ? null : string.Join("\n\n", descriptions),
            Type = All("type").FirstOrDefault(t => !DcmiTypes.Contains(t)),
            Languages = [.. All("language").Select(l => LanguageNames.ToCode(l.Replace('_', '-'))).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase)],
            Creators = creators.Length == 0 ? null : creators,
            Subjects = All("subject") is { Length: > 0 } subjects ? subjects : null,
            Source = All("source").FirstOrDefault() is { } source ? new SourceDocument { Text = source } : null,
            Repository = All("publisher").FirstOrDefault(),
            Rights = rights.Length == 0 ? null : string.Join("\n\n", rights),
            Provenance = provenance,
        };
    }

    private static (string? Date, string? Uploaded) Dates(IEnumerable<string> values)
    {
        var dates = new List<PartialDate>();
        var stamps = new List<DateTime>();
        foreach (var value in values)
        {
            if (PartialDate.TryParseWritten(value, out var date)) dates.Add(date);
            else if (value.Contains('T', StringComparison.Ordinal)
                     && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var stamp))
                stamps.Add(stamp);
        }
        var earliest = dates.OrderBy(d => d.ToIso(), StringComparer.Ordinal).Select(d => (PartialDate?)d).FirstOrDefault();
        var uploaded = stamps.Count == 0 ? null : stamps.Min().ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return (earliest?.ToIso(), uploaded);
    }

    private static string Normalize(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
