using System.Globalization;
using Dossier.Features.Pictures;
using Dossier.Search;

namespace Dossier.Features.Search;

/// <summary>
/// The records a search finds over time: by year, or by month when they all fall within two years and all have their
/// month (a search of one crisis reads better by month). Every period from the first to the last is counted, the empty ones too.
/// </summary>
public sealed record SearchTimeline(bool ByMonth, IReadOnlyList<(string Period, int Records)> Periods)
{
    public static SearchTimeline Of(RecordIndex index, SearchOptions options)
    {
        var years = index.Timeline(options, byMonth: false);
        if (years.Count == 0) return new SearchTimeline(false, []);
        var numbers = years.Keys.Select(y => int.Parse(y, CultureInfo.InvariantCulture)).ToList();
        var (first, last) = (numbers.Min(), numbers.Max());
        if (last - first <= 1)
        {
            var months = index.Timeline(options, byMonth: true);
            // By month only when every dated record has its month: one dated to the year alone would be left out.
            if (months.Count > 0 && months.Values.Sum() == years.Values.Sum())
            {
                var periods = new List<(string, int)>();
                var (from, to) = (months.Keys.Min(StringComparer.Ordinal)!, months.Keys.Max(StringComparer.Ordinal)!);
                for (var month = DateOnly.ParseExact(from + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture); string.CompareOrdinal(Key(month), to) <= 0; month = month.AddMonths(1))
                    periods.Add((Key(month), months.GetValueOrDefault(Key(month))));
                return new SearchTimeline(true, periods);
            }
        }
        return new SearchTimeline(false, [.. Enumerable.Range(first, last - first + 1).Select(y => (y.ToString("D4", CultureInfo.InvariantCulture), years.GetValueOrDefault(y.ToString("D4", CultureInfo.InvariantCulture))))]);
    }

    private static string Key(DateOnly month) => month.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    /// <summary>The bars, each leading to the same search narrowed to its period.</summary>
    public IReadOnlyList<Bar> Bars(Func<string, string> narrowedTo) =>
        [.. Periods.Select(p => new Bar(p.Period, p.Records, narrowedTo(p.Period)))];
}
