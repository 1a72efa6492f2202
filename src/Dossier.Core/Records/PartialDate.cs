using System.Globalization;
using System.Text.RegularExpressions;

namespace Dossier.Records;

/// <summary>
/// A date as archives know it: a day, a month or only a year. Kept as an ISO 8601 string
/// (<c>1963-12-07</c>, <c>1951-11</c>, <c>1951</c>) so that a month-only date is never turned into the first of the month.
/// </summary>
public readonly partial record struct PartialDate(int Year, int? Month = null, int? Day = null)
{
    private static readonly string[] MonthNames =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public string ToIso() => Day is { } d ? $"{Year:D4}-{Month:D2}-{d:D2}" : Month is { } m ? $"{Year:D4}-{m:D2}" : $"{Year:D4}";

    /// <summary>The form US archives print: "January 29, 1964", "November 1951", "1951".</summary>
    public string ToLongEnglish() => Day is { } d
        ? $"{MonthNames[Month!.Value - 1]} {d.ToString(CultureInfo.InvariantCulture)}, {Year.ToString(CultureInfo.InvariantCulture)}"
        : Month is { } m ? $"{MonthNames[m - 1]} {Year.ToString(CultureInfo.InvariantCulture)}" : Year.ToString(CultureInfo.InvariantCulture);

    public override string ToString() => ToIso();

    public static bool TryParseIso(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var m = IsoPattern().Match(text.Trim());
        if (!m.Success) return false;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        int? month = m.Groups["m"].Success ? int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture) : null;
        int? day = m.Groups["d"].Success ? int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture) : null;
        return TryCreate(year, month, day, out date);
    }

    /// <summary>
    /// Reads a date written out in English the ways archival pages write it:
    /// "January 29, 1964", "29 January 1964", "Jan. 29, 1964", "November 1951", "November, 1951", "1951",
    /// and ISO forms. The whole text must be the date.
    /// </summary>
    public static bool TryParseWritten(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var t = text.Trim().TrimEnd('.').Trim();
        if (TryParseIso(t, out date)) return true;
        var m = MonthDayYear().Match(t);
        if (m.Success && TryMonth(m.Groups["mon"].Value, out var mon))
            return TryCreate(Year(m), mon, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), out date);
        m = DayMonthYear().Match(t);
        if (m.Success && TryMonth(m.Groups["mon"].Value, out mon))
            return TryCreate(Year(m), mon, int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture), out date);
        m = MonthYear().Match(t);
        if (m.Success && TryMonth(m.Groups["mon"].Value, out mon))
            return TryCreate(Year(m), mon, null, out date);
        m = YearOnly().Match(t);
        if (m.Success) return TryCreate(Year(m), null, null, out date);
        return false;

        static int Year(Match m) => int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
    }

    private static bool TryMonth(string name, out int month)
    {
        month = 0;
        var n = name.TrimEnd('.');
        if (n.Length < 3) return false;
        for (var i = 0; i < MonthNames.Length; i++)
        {
            if (MonthNames[i].StartsWith(n, StringComparison.OrdinalIgnoreCase) ||
                (n.Equals("Sept", StringComparison.OrdinalIgnoreCase) && i == 8))
            {
                month = i + 1;
                return true;
            }
        }
        return false;
    }

    private static bool TryCreate(int year, int? month, int? day, out PartialDate date)
    {
        date = default;
        if (year is < 1 or > 9999) return false;
        if (month is < 1 or > 12) return false;
        if (day is { } d && (month is null || d < 1 || d > DateTime.DaysInMonth(year, month.Value))) return false;
        date = new PartialDate(year, month, day);
        return true;
    }

    [GeneratedRegex(@"^(?<y>[0-9]{4})(?:-(?<m>[0-9]{2})(?:-(?<d>[0-9]{2}))?)?$")]
    private static partial Regex IsoPattern();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9}\.?)\s+(?<d>[0-9]{1,2}),?\s+(?<y>[0-9]{4})$")]
    private static partial Regex MonthDayYear();

    [GeneratedRegex(@"^(?<d>[0-9]{1,2})\s+(?<mon>[A-Za-z]{3,9}\.?),?\s+(?<y>[0-9]{4})$")]
    private static partial Regex DayMonthYear();

    [GeneratedRegex(@"^(?<mon>[A-Za-z]{3,9}\.?),?\s+(?<y>[0-9]{4})$")]
    private static partial Regex MonthYear();

    [GeneratedRegex(@"^(?<y>[0-9]{4})$")]
    private static partial Regex YearOnly();
}
