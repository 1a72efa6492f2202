using System.Text.RegularExpressions;
using Dossier.Records;

namespace Dossier.Import.PageCaptures;

/// <summary>
/// The archive's PDF of a record opens with a cover: the archive's name and address, the record's date and title,
/// then labelled parts — <c>Citation:</c>, <c>Summary:</c>, <c>Original Language:</c>, <c>Contents:</c> (the texts the
/// PDF holds: "English Translation", "Scan of Original Document") — before the document. The text drawn out of such a
/// PDF often runs them together on one line; they are put back on lines of their own and read by their labels.
/// </summary>
public static partial class PageCaptureParser
{
    /// <summary>Whether the capture is of a PDF's cover.</summary>
    private static bool IsCover(string text) => CoverStart().IsMatch(text);

    /// <summary>Each label of the cover on a line of its own, the date apart from the title after it.</summary>
    private static string UnfoldCover(string text)
    {
        var t = CoverStart().Replace(text, m => m.Value.TrimEnd() + "\n", 1);
        // Only the cover's labels: the document after "Contents:" may write "Summary:" of its own.
        var contents = t.IndexOf("Contents:", StringComparison.Ordinal);
        var headEnd = contents >= 0 ? contents + "Contents:".Length : Math.Min(t.Length, 4000);
        t = CoverLabel().Replace(t[..headEnd], m => "\n" + m.Groups["label"].Value + ":\n") + t[headEnd..];
        contents = t.IndexOf("Contents:", StringComparison.Ordinal);
        if (contents >= 0)
        {
            var itemsEnd = Math.Min(t.Length, contents + 400);
            t = t[..contents] + CoverContents().Replace(t[contents..itemsEnd], m => "Contents:\n" + string.Join("\n", m.Groups["item"].Captures.Select(c => c.Value.Trim())) + "\n" + m.Groups["rest"].Value, 1) + t[itemsEnd..];
        }
        // "July 03, 1956 Memo Concerning ...": the first line under the archive's name holds the date and the title.
        var lines = t.Split('\n').ToList();
        var first = lines.FindIndex(1, l => l.Trim().Length > 0);
        if (first > 0 && DateAndTitle().Match(lines[first].Trim()) is { Success: true } head && PartialDate.TryParseWritten(head.Groups["date"].Value, out _))
        {
            lines[first] = head.Groups["date"].Value;
            lines.Insert(first + 1, head.Groups["title"].Value);
        }
        return string.Join('\n', lines);
    }

    private static void ReadCover(List<string> lines, LineKind[] kinds, PageCapture page)
    {
        page.KnownSite = true;
        for (var i = 0; i < lines.Count; i++)
        {
            var label = lines[i].TrimEnd(':');
            if (lines[i] is not ("Citation:" or "Summary:" or "Original Language:" or "Contents:" or "Credits:")) continue;
            kinds[i] = LineKind.Chrome;
            if (i + 1 >= lines.Count) break;
            switch (label)
            {
                case "Summary":
                    page.SetSummary(lines[i + 1], "the cover's Summary");
                    kinds[++i] = LineKind.Summary;
                    break;
                case "Original Language":
                    foreach (var code in LanguageList(lines[i + 1])) page.DeclaredLanguages.Add(code);
                    page.LanguagesFrom = "the cover's Original Language";
                    kinds[++i] = LineKind.Information;
                    break;
                case "Contents":
                    while (i + 1 < lines.Count && ContentsItem().IsMatch(lines[i + 1])) kinds[++i] = LineKind.Chrome;
                    // The document begins: its own labels are its words.
                    return;
                case "Credits":
                    kinds[++i] = LineKind.Information;
                    break;
            }
        }
    }

    [GeneratedRegex(@"\A\s*Digital Archive\s+(?:digitalarchive\.wilsoncenter\.org\s+)?International History Declassified\b(?:\s+digitalarchive\.wilsoncenter\.org)?")]
    private static partial Regex CoverStart();

    [GeneratedRegex(@"[ \t]*\b(?<label>Citation|Summary|Original Language|Contents|Credits):[ \t]*\n?")]
    private static partial Regex CoverLabel();

    // The texts the PDF holds, perhaps run together with the document's first words.
    [GeneratedRegex(@"^Contents:\n(?:\s*(?<item>(?:\p{Lu}\p{Ll}+ )?(?:Translation|Transcription)|Scan of (?:the )?Original Document|Original Scan|Original Document))+[ \t]*(?<rest>[^\n]*)")]
    private static partial Regex CoverContents();

    [GeneratedRegex(@"^(?:(?:\p{Lu}\p{Ll}+ )?(?:Translation|Transcription)|Scan of (?:the )?Original Document|Original Scan|Original Document)$")]
    private static partial Regex ContentsItem();

    [GeneratedRegex(@"^(?<date>(?:[A-Z][a-z]{2,8}\.? [0-9]{1,2}, [0-9]{4})|(?:[A-Z][a-z]{2,8},? [0-9]{4}))\s+(?<title>\S.{7,})$")]
    private static partial Regex DateAndTitle();
}
