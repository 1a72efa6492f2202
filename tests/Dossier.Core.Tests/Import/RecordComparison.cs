using Dossier.Import.PageCaptures;
using Dossier.Records;

namespace Dossier.Core.Tests.Import;

/// <summary>Reads a capture and compares records field by field, saying which fields differ and how.</summary>
internal static class RecordComparison
{
    internal static ArchivalRecord Parse(string text) => PageCaptureParser.Parse(text).ToRecord();

    internal static Dictionary<string, string?> Fields(ArchivalRecord r) => new()
    {
        ["Title"] = r.Title,
        ["Date"] = r.Date,
        ["Summary"] = r.Summary,
        ["Type"] = r.Type,
        ["Classification"] = r.Classification,
        ["Languages"] = string.Join(",", r.Languages),
        ["Source"] = $"{r.Source.Text}|{r.Source.Archive}|{r.Source.Fond}|{r.Source.Opis}|{r.Source.Papka}|{r.Source.Delo}|{r.Source.Pages}|{r.Source.Reel}",
        ["Provenance"] = r.Provenance,
        ["ObtainedBy"] = string.Join(";", r.ObtainedBy),
        ["Translators"] = string.Join(";", r.Translators),
        ["Donors"] = string.Join(";", r.Donors),
        ["Rights"] = r.Rights,
        ["UploadedDate"] = r.UploadedDate,
        ["RecordId"] = r.RecordId,
        ["Repository"] = r.Repository,
        ["Transcripts"] = string.Join("\n====\n", r.Transcripts.Select(t => t.Language + ":" + t.Text)),
    };

    internal static void AssertSameFields(ArchivalRecord expected, ArchivalRecord actual, params string[] except)
    {
        var e = Fields(expected);
        var a = Fields(actual);
        var diffs = new List<string>();
        foreach (var (name, value) in e)
        {
            if (except.Contains(name) || value == a[name]) continue;
            diffs.Add(name == "Transcripts"
                ? $"Transcripts differ (expected {value?.Length} chars, actual {a[name]?.Length}); actual starts: {Head(a[name])} ... ends: {Tail(a[name])}"
                : $"{name} differs.\n  expected: {value}\n  actual:   {a[name]}");
        }
        Assert.True(diffs.Count == 0, string.Join("\n", diffs));
    }

    internal static string Head(string? s) => s is null ? "" : s[..Math.Min(120, s.Length)].Replace("\n", "⏎", StringComparison.Ordinal);
    internal static string Tail(string? s) => s is null ? "" : s[Math.Max(0, s.Length - 200)..].Replace("\n", "⏎", StringComparison.Ordinal);
}
