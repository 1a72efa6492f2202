using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Dossier.Harvesting;

/// <summary>
/// Where a harvest of one repository, format and set stands, kept in the data directory
/// (<c>harvests/{key}.json</c>) after every page: the resumption token to go on from when it was interrupted, and
/// when the last complete harvest began, to ask only for what changed since on the next one.
/// </summary>
public sealed class HarvestState
{
    public string BaseUrl { get; set; } = "";
    public string MetadataPrefix { get; set; } = "";
    public string? Set { get; set; }

    /// <summary>The from and until of the list under way, as asked (a resumed list must be the same list).</summary>
    public string? From { get; set; }
    public string? Until { get; set; }

    /// <summary>The token of the next page of an unfinished list; null when no list is under way.</summary>
    public string? ResumptionToken { get; set; }

    /// <summary>The repository's responseDate of the list's first page.</summary>
    public string? ListStartedAt { get; set; }

    /// <summary>Records received so far in the list under way.</summary>
    public int Received { get; set; }

    /// <summary>When the last complete harvest's list began (the repository's clock): the next harvest's from.</summary>
    public string? LastCompleted { get; set; }

    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathOf(string directory, string baseUrl, string prefix, string? set)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{baseUrl}\n{prefix}\n{set}")))[..16];
        return System.IO.Path.Combine(directory, key + ".json");
    }

    public static HarvestState Load(string path, string baseUrl, string prefix, string? set)
    {
        if (File.Exists(path))
        {
            try
            {
                if (JsonSerializer.Deserialize<HarvestState>(File.ReadAllText(path), Options) is { } state) return state;
            }
            catch (JsonException)
            {
                // A damaged state file costs a full harvest, nothing else.
            }
        }
        return new HarvestState { BaseUrl = baseUrl, MetadataPrefix = prefix, Set = set };
    }

    /// <summary>Written beside and moved over the old file: a crash leaves the old state or the new, never half of one.</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp";
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Options));
        File.Move(temporary, path, overwrite: true);
    }
}
