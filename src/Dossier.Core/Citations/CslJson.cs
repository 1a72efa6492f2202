using System.Text.Json;
using System.Text.Json.Nodes;
using Dossier.Records;

namespace Dossier.Citations;

/// <summary>
/// CSL-JSON, the item format of the Citation Style Language (read by Zotero, Mendeley, Pandoc and citeproc): an
/// archival record is a <c>manuscript</c> with <c>archive</c> and <c>archive_location</c>. Fields with no value are
/// left out, as the schema asks; dates are <c>date-parts</c> as precise as known.
/// </summary>
public static class CslJson
{
    public const string ContentType = "application/vnd.citationstyles.csl+json";

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>One item.</summary>
    public static JsonObject Item(CitedRecord cited)
    {
        var item = new JsonObject
        {
            ["id"] = "dossier-" + cited.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["type"] = "manuscript",
            ["title"] = cited.Title,
        };
        if (cited.Creators.Count > 0) item["author"] = new JsonArray([.. cited.Creators.Select(Name)]);
        if (cited.Date is { } date) item["issued"] = DateParts(date);
        if (cited.Translators.Count > 0) item["translator"] = new JsonArray([.. cited.Translators.Select(Name)]);
        if (cited.Genre is { } genre) item["genre"] = genre;
        item["archive"] = cited.Archive;
        if (cited.ArchiveLocation is { } location) item["archive_location"] = location;
        if (cited.Provenance is { } provenance) item["note"] = provenance + ".";
        if (cited.Languages.Count > 0) item["language"] = cited.Languages[0];
        if (cited.Url is { } url) item["URL"] = url;
        if (cited.Accessed is { } accessed) item["accessed"] = DateParts(new PartialDate(accessed.Year, accessed.Month, accessed.Day));
        return item;
    }

    /// <summary>A list of items, as reference managers import them (an array even for one record).</summary>
    public static string Write(IEnumerable<CitedRecord> cited) =>
        new JsonArray([.. cited.Select(c => (JsonNode)Item(c))]).ToJsonString(Indented);

    private static JsonObject DateParts(PartialDate date)
    {
        var parts = new JsonArray(date.Year);
        if (date.Month is { } month)
        {
            parts.Add(month);
            if (date.Day is { } day) parts.Add(day);
        }
        return new JsonObject { ["date-parts"] = new JsonArray(parts) };
    }

    private static JsonNode Name(PersonName name)
    {
        if (name.Literal is { } literal) return new JsonObject { ["literal"] = literal };
        var node = new JsonObject { ["family"] = name.Family };
        if (name.Given is { } given) node["given"] = given;
        if (name.Particle is { } particle) node["non-dropping-particle"] = particle;
        if (name.Suffix is { } suffix) node["suffix"] = suffix;
        return node;
    }
}
