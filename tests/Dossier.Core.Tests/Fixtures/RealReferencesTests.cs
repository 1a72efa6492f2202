using System.Text;
using Dossier.Sources;
using Xunit.Abstractions;

namespace Dossier.Core.Tests.Fixtures;

/// <summary>
/// Archival references copied from real pages, articles and the FRUS volumes' source notes, each read by hand
/// (tests/Fixtures/archival-references.jsonl). Every part must come out as the reader wrote it down.
/// </summary>
public class RealReferencesTests(ITestOutputHelper output)
{
    /// <summary>
    /// One reference as read by hand; <c>Set</c> is "first" for those the reader was built on and "held-out" for those
    /// gathered afterwards and measured before any change was made for them.
    /// </summary>
    public sealed record Expected(
        string Text, string? Archive, string? Fond, string? Opis, string? Papka, string? Delo, string? Pages, string? Reel,
        string? Box, string? Item, string? Url, string? Note, string Set);

    public static IReadOnlyList<Expected> Table { get; } = Load();

    private static List<Expected> Load() => Fixture.ReadJsonLines<Expected>("archival-references.jsonl");

    /// <summary>The parts that differ, as "part: expected ≠ got"; empty when all agree.</summary>
    public static List<string> Differences(Expected e, ArchivalSource s)
    {
        var wrong = new List<string>();
        void Check(string part, string? expected, string? got)
        {
            if (!string.Equals(expected, got, StringComparison.Ordinal)) wrong.Add($"{part}: {expected ?? "(none)"} ≠ {got ?? "(none)"}");
        }
        Check("archive", e.Archive, s.Archive);
        Check("fond", e.Fond, s.Fond);
        Check("opis", e.Opis, s.Opis);
        Check("papka", e.Papka, s.Papka);
        Check("delo", e.Delo, s.Delo);
        Check("pages", e.Pages, s.Pages);
        Check("reel", e.Reel, s.Reel);
        Check("box", e.Box, s.Box);
        Check("item", e.Item, s.Item);
        return wrong;
    }

    [Fact]
    public void The_table_is_large_and_in_both_scripts()
    {
        Assert.True(Table.Count >= 200, $"{Table.Count} references");
        Assert.True(Table.Count(r => r.Text.Any(c => c is >= 'А' and <= 'я')) >= 40, "Cyrillic references");
        Assert.Equal(Table.Count, Table.Select(r => r.Text).Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Real_references_are_taken_apart_as_a_reader_does()
    {
        var report = new StringBuilder();
        var right = 0;
        var rightBySet = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in Table)
        {
            var wrong = Differences(e, ArchivalReference.Parse(e.Text));
            if (wrong.Count == 0) rightBySet[e.Set] = rightBySet.GetValueOrDefault(e.Set) + 1;
            if (wrong.Count == 0) right++;
            else report.AppendLine(System.Globalization.CultureInfo.InvariantCulture, $"WRONG  {e.Text}\n       {string.Join("; ", wrong)}");
        }
        var score = (double)right / Table.Count;
        var summary = $"References: {right} right, {Table.Count - right} wrong of {Table.Count} ({score:P1}); " +
                      string.Join(", ", Table.GroupBy(r => r.Set).Select(g => $"{g.Key} set {rightBySet.GetValueOrDefault(g.Key)} of {g.Count()}")) + ".";
        output.WriteLine(summary);
        output.WriteLine(report.ToString());
        Assert.True(score >= 0.98, $"{right} of {Table.Count} right ({score:P1}); see the output for each wrong one.");
    }
}
