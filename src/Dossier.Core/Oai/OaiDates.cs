using System.Globalization;

namespace Dossier.Oai;

/// <summary>
/// OAI-PMH's UTC datestamps (protocol 3.3): <c>YYYY-MM-DDThh:mm:ssZ</c>, the granularity this repository
/// declares, and <c>YYYY-MM-DD</c>, which every repository must also accept in <c>from</c> and <c>until</c>.
/// </summary>
public static class OaiDates
{
    public const string SecondsFormat = "yyyy-MM-dd'T'HH:mm:ss'Z'";
    public const string DayFormat = "yyyy-MM-dd";

    public static string Format(DateTime utc) => utc.ToString(SecondsFormat, CultureInfo.InvariantCulture);

    /// <summary>A datestamp as the repository stores it: to the second, the fraction dropped.</summary>
    public static DateTime ToSecond(DateTime utc) => new(utc.Ticks - utc.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);

    /// <summary>Reads a <c>from</c> or <c>until</c> argument; <paramref name="dayOnly"/> tells its granularity.</summary>
    public static bool TryParse(string text, out DateTime utc, out bool dayOnly)
    {
        dayOnly = text.Length == DayFormat.Length;
        var format = dayOnly ? DayFormat : SecondsFormat;
        var parsed = DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture,
            DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out utc);
        utc = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        return parsed;
    }

    /// <summary>The first moment after an inclusive <c>until</c>: the next second, or the next day for a day.</summary>
    public static DateTime EndOf(DateTime until, bool dayOnly) =>
        DateTime.MaxValue - until < TimeSpan.FromDays(1) ? DateTime.SpecifyKind(DateTime.MaxValue, DateTimeKind.Utc)
        : dayOnly ? until.AddDays(1) : until.AddSeconds(1);
}
