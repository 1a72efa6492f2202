using System.Globalization;
using System.Text;

namespace Dossier.Oai;

/// <summary>
/// Where an incomplete list stopped, carried whole in the token (no state on the server), so that a harvest goes on
/// across a restart of the server or another node. The list is fixed when it starts: records are taken in order of
/// their number after <see cref="AfterId"/>, with datestamps before <see cref="Before"/> (the request's
/// <c>until</c>, or the moment the list began), so a record changed during the harvest moves to the next one rather
/// than being sent twice or skipped.
/// </summary>
public sealed record ResumptionToken(string Verb, string MetadataPrefix, string? Set, DateTime? From, DateTime Before, int AfterId, int Cursor)
{
    private const string Version = "1";

    public string Encode()
    {
        var text = string.Join('\u001f', Version, Verb, MetadataPrefix, Set ?? "",
            From?.Ticks.ToString(CultureInfo.InvariantCulture) ?? "", Before.Ticks.ToString(CultureInfo.InvariantCulture),
            AfterId.ToString(CultureInfo.InvariantCulture), Cursor.ToString(CultureInfo.InvariantCulture));
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>Reads a token this repository issued; null for anything else (a badResumptionToken).</summary>
    public static ResumptionToken? Decode(string token)
    {
        if (token.Length is 0 or > 2000) return null;
        string text;
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 += new string('=', (4 - base64.Length % 4) % 4);
            text = Encoding.UTF8.GetString(Convert.FromBase64String(base64));
        }
        catch (FormatException)
        {
            return null;
        }
        var parts = text.Split('\u001f');
        if (parts.Length != 8 || parts[0] != Version || parts[1].Length == 0 || parts[2].Length == 0) return null;
        if (!long.TryParse(parts[5], NumberStyles.None, CultureInfo.InvariantCulture, out var before)
            || !int.TryParse(parts[6], NumberStyles.None, CultureInfo.InvariantCulture, out var afterId)
            || !int.TryParse(parts[7], NumberStyles.None, CultureInfo.InvariantCulture, out var cursor))
            return null;
        DateTime? from = null;
        if (parts[4].Length > 0)
        {
            if (!long.TryParse(parts[4], NumberStyles.None, CultureInfo.InvariantCulture, out var fromTicks) || fromTicks > DateTime.MaxValue.Ticks) return null;
            from = new DateTime(fromTicks, DateTimeKind.Utc);
        }
        if (before > DateTime.MaxValue.Ticks) return null;
        return new ResumptionToken(parts[1], parts[2], parts[3].Length == 0 ? null : parts[3], from, new DateTime(before, DateTimeKind.Utc), afterId, cursor);
    }
}
