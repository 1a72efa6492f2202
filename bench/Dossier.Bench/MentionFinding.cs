using System.Diagnostics;
using System.Globalization;
using Dossier.Authorities;
using Dossier.Import.Tei;

namespace Dossier.Bench;

/// <summary>
/// Finding mentions at scale: the Office of the Historian's 16,312 person records (every name form) against the
/// transcripts of the FRUS documents (10,693 records, read by the TEI importer), in this process, one thread.
/// </summary>
public static class MentionFinding
{
    public static async Task RunAsync(string root, string[] args)
    {
        var limit = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : int.MaxValue;
        var corpus = Path.Combine(root, "..", "shared", "corpus");
        var clock = Stopwatch.StartNew();
        var people = AuthoritySources.Read([Path.Combine(corpus, "people", "data")]).Select(i => i.Authority).OfType<Authority>().ToList();
        var readPeople = clock.Elapsed;
        clock.Restart();
        // As the archive builds it: every name but titles, and what the file says of each person (years, description).
        var finder = MentionFinder.Of(people.Select((a, i) => (i + 1, a)));
        var built = clock.Elapsed;
        var importer = new TeiImporter();
        // Each record as the archive reads it: its text, its year, the names its source gives beside the text.
        var texts = Directory.EnumerateFiles(Path.Combine(corpus, "frus"), "*.xml").Order(StringComparer.Ordinal)
            .SelectMany(importer.Read).Select(i => i.Record).OfType<Records.ArchivalRecord>()
            .Select(r => (Text: RecordMentions.TextOf(r), Year: RecordMentions.YearOf(r), Named: RecordMentions.NamedBySource(r).ToList())).Take(limit).ToList();
        var characters = texts.Sum(t => (long)t.Text.Length);
        clock.Restart();
        var (certain, probable, ambiguous) = (0, 0, 0);
        foreach (var (text, year, named) in texts)
            foreach (var mention in finder.Read(text, year, named).Mentions)
            {
                if (mention.Certainty == MentionCertainty.Certain) certain++;
                else if (mention.Certainty == MentionCertainty.Probable) probable++;
                else ambiguous++;
            }
        var found = clock.Elapsed;
        var stored = await StoredAsync(corpus);
        Console.WriteLine($"{people.Count} people ({finder.Patterns} patterns) read in {readPeople.TotalSeconds:F1} s, built in {built.TotalSeconds:F1} s; " +
                          $"{texts.Count} records ({characters / 1048576.0:F0} M characters) read in {found.TotalSeconds:F1} s: {certain} certain, {probable} probable, {ambiguous} ambiguous");
        await BenchmarkReport.AddRunAsync(root,
        [
            $"## {BenchmarkReport.Today}: finding mentions of 16,312 people in the FRUS records",
            "",
            BenchmarkReport.Machine,
            "",
            "`dotnet run -c Release --project bench/Dossier.Bench -- mentions [records]`: `MentionFinder` built from every name form of the Office of the",
            $"Historian's {people.Count:N0} person records ({finder.Patterns:N0} word patterns: names in both orders, first name and surname, initials,",
            "surnames) with what the file says of each (years, descriptions), then run over the text of each of",
            $"{texts.Count:N0} FRUS records ({characters / 1048576.0:F0} million characters) with its year and the names its edition gives beside it, one thread,",
            "in memory (the store's writes are not in this number; they are in the second table).",
            "",
            "| step | time |",
            "|---|---|",
            $"| read the 16,312 person files | {readPeople.TotalSeconds:F1} s |",
            $"| build the finder | {built.TotalSeconds:F1} s |",
            $"| find the mentions in {texts.Count:N0} records | **{found.TotalSeconds:F1} s**, {texts.Count / found.TotalSeconds:N0} records/s, {characters / 1048576.0 / found.TotalSeconds:F1} M characters/s |",
            $"| mentions found | {certain:N0} certain, {probable:N0} probable, {ambiguous:N0} ambiguous |",
            "",
            "With the store: the real `dossier import --publish` of all 26 FRUS files, then `dossier authorities import` of the 16,312",
            "people, which reads every record again for their names, stores each mention (record × authority, proposed or asserted)",
            "and the name candidates, and indexes again the records whose asserted mentions changed (SQLite, one process):",
            "",
            "| step | time |",
            "|---|---|",
            $"| import the FRUS records (not part of the finding) | {stored.Import.TotalSeconds:F1} s |",
            $"| import the people, find, store and index the mentions of {stored.Records:N0} records | **{stored.Finding.TotalSeconds:F1} s** |",
            $"| what it stored | {stored.Line} |",
            "",
        ]);
    }

    /// <summary>The whole path through the store: what <c>dossier authorities import</c> costs an archive of the FRUS records.</summary>
    private static async Task<(TimeSpan Import, TimeSpan Finding, int Records, string Line)> StoredAsync(string corpus)
    {
        var data = Path.Combine(Path.GetTempPath(), "dossier-bench-mentions-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            var clock = Stopwatch.StartNew();
            await ArchiveProcess.RunAsync("import", Path.Combine(corpus, "frus"), "--publish", "--data", data);
            var import = clock.Elapsed;
            clock.Restart();
            var (output, _) = await ArchiveProcess.RunAsync("authorities", "import", Path.Combine(corpus, "people", "data"), "--data", data);
            var finding = clock.Elapsed;
            var read = output.Split('\n').First(l => l.StartsWith("Read ", StringComparison.Ordinal)).Trim();
            var records = int.Parse(read["Read ".Length..read.IndexOf(' ', "Read ".Length)], NumberStyles.AllowThousands, CultureInfo.InvariantCulture);
            Console.WriteLine($"stored: import {import.TotalSeconds:F1} s; authorities import and finding {finding.TotalSeconds:F1} s: {read}");
            return (import, finding, records, read);
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }
}
