using System.Globalization;
using System.Text;
using Dossier.Records;

namespace Dossier.Citations;

/// <summary>
/// RIS, as Zotero, EndNote and Mendeley exchange it, with the tags Zotero's RIS translator maps for a manuscript
/// (checked against zotero/translators RIS.js): <c>TY - MANSCPT</c>, <c>TI</c> title, <c>A4</c> translator,
/// <c>AB</c> summary, <c>DA</c> date as <c>YYYY/MM/DD/</c> with unknown parts left empty and <c>PY</c> its year,
/// <c>LA</c> language, <c>M3</c> kind of document, <c>UR</c> permalink, <c>AN</c> archive location,
/// <c>DB</c> archive, <c>Y2</c> access date, <c>N1</c> provenance, in Zotero's export order and with CRLF line ends
/// as the RIS specification asks.
/// </summary>
public static class Ris
{
    public const string ContentType = "application/x-research-info-systems";

    public static string Entry(CitedRecord cited)
    {
        var ris = new StringBuilder();
        Tag(ris, "TY", "MANSCPT");
        Tag(ris, "TI", cited.Title);
        foreach (var creator in cited.Creators) Tag(ris, "AU", creator.Inverted());
        foreach (var translator in cited.Translators) Tag(ris, "A4", translator.Inverted());
        if (cited.Summary is { } summary) Tag(ris, "AB", summary);
        if (cited.Date is { } date)
        {
            Tag(ris, "DA", Date(date));
            Tag(ris, "PY", date.Year.ToString("D4", CultureInfo.InvariantCulture));
        }
        if (cited.Languages.Count > 0) Tag(ris, "LA", cited.Languages[0]);
        if (cited.Genre is { } genre) Tag(ris, "M3", genre);
        if (cited.Url is { } url) Tag(ris, "UR", url);
        if (cited.ArchiveLocation is { } location) Tag(ris, "AN", location);
        Tag(ris, "DB", cited.Archive);
        if (cited.Accessed is { } accessed) Tag(ris, "Y2", Date(new PartialDate(accessed.Year, accessed.Month, accessed.Day)));
        if (cited.Provenance is { } provenance) Tag(ris, "N1", Punctuation.Sentence(provenance));
        foreach (var subject in cited.Subjects) Tag(ris, "KW", subject);
        Tag(ris, "ER", "");
        return ris.ToString();
    }

    /// <summary>Entries one after another, a blank line between them.</summary>
    public static string Write(IEnumerable<CitedRecord> cited) => string.Join("\r\n", cited.Select(Entry));

    /// <summary>"1964/01/29/", "1951/11//", "1951///".</summary>
    public static string Date(PartialDate date) => string.Create(CultureInfo.InvariantCulture,
        $"{date.Year:D4}/{(date.Month is { } m ? m.ToString("D2", CultureInfo.InvariantCulture) : "")}/{(date.Day is { } d ? d.ToString("D2", CultureInfo.InvariantCulture) : "")}/");

    // A tag's value is one line: line breaks inside a summary would start what readers take for new tags.
    private static void Tag(StringBuilder ris, string tag, string value)
    {
        ris.Append(tag).Append("  - ");
        foreach (var c in value) ris.Append(c is '\r' or '\n' ? ' ' : c);
        ris.Append("\r\n");
    }
}
