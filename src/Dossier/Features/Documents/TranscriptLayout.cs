using System.Text.RegularExpressions;

namespace Dossier.Features.Documents;

/// <summary>What a transcript's paragraph is on the page.</summary>
public enum PartKind
{
    /// <summary>The document's own text.</summary>
    Paragraph,

    /// <summary>An archival marking at the head: "SECRET. Copy Nº 1", "Outgoing Nº 133", "[Stamp]: Declassified".</summary>
    Marking,

    /// <summary>The head's other short lines: the date, "from the diary", "with Fidel CASTRO RUZ".</summary>
    Heading,

    /// <summary>A note that is not the document's: "[Translator’s note: …]", "[Handwritten note …]: …".</summary>
    Note,

    /// <summary>The closing signature block: "ПОСОЛ СССР В РЕСПУБЛИКЕ КУБА  А. АЛЕКСЕЕВ".</summary>
    Signature,
}

public sealed record TranscriptPart(PartKind Kind, string Text);

/// <summary>
/// Reads a transcript's paragraphs as the parts of a document, so that the page can set its archival head, notes and
/// signature apart from its text. Transcripts come as plain paragraphs (blank lines between them) from page captures,
/// TEI and editors alike: the parts are recognised from their words and shape, and anything unsure stays a paragraph.
/// </summary>
public static partial class TranscriptLayout
{
    /// <summary>Lines of the head are short; a longer one is the text.</summary>
    private const int HeadLine = 90;

    public static IReadOnlyList<TranscriptPart> Parts(string? text)
    {
        var paragraphs = Display.Paragraphs(text).ToList();
        var parts = new List<TranscriptPart>(paragraphs.Count);
        // The head: the short lines before the text begins, when there is text after them.
        var head = 0;
        while (head < paragraphs.Count - 1 && IsHeadLine(paragraphs[head])) head++;
        // Short lines all the way down are a list or verse, not a head, unless a marking or a date says otherwise.
        if (head > 1 && head == paragraphs.Count - 1 && !paragraphs.Take(head).Any(p => IsMarking(p) || DateLine().IsMatch(p))) head = 0;
        // The signature: up to three short lines in capitals at the end.
        var tail = paragraphs.Count;
        while (tail > head + 1 && paragraphs.Count - tail < 3 && IsSignatureLine(paragraphs[tail - 1])) tail--;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            parts.Add(new TranscriptPart(
                i < head ? (IsMarking(p) ? PartKind.Marking : PartKind.Heading)
                : i >= tail ? PartKind.Signature
                : IsNote(p) ? PartKind.Note
                : PartKind.Paragraph, p));
        }
        return parts;
    }

    /// <summary>
    /// Transcripts whose parts pair off one to one (the same number, the heads and notes in the same places) can be
    /// read side by side paragraph by paragraph; others are read as two columns of their own.
    /// </summary>
    public static bool Align(IReadOnlyList<IReadOnlyList<TranscriptPart>> transcripts) =>
        transcripts.Count == 2 && transcripts[0].Count > 1 && transcripts[0].Count == transcripts[1].Count
        && transcripts[0].Count <= MaxAligned
        && transcripts[0].Zip(transcripts[1]).All(pair => Category(pair.First.Kind) == Category(pair.Second.Kind));

    /// <summary>The rows a side-by-side transcript may span (site.css: .aligned .transcript spans 600).</summary>
    public const int MaxAligned = 599;

    // A heading in one language may be read as a marking in the other ("Secret" is a marking, "Совершенно секретно" too,
    // but a stamp described in words may not be): the head pairs with the head.
    private static int Category(PartKind kind) => kind is PartKind.Marking or PartKind.Heading ? -1 : (int)kind;

    public static bool IsMarking(string paragraph) => paragraph.Length <= HeadLine && Marking().IsMatch(paragraph);

    private static bool IsHeadLine(string paragraph) =>
        paragraph.Length <= HeadLine && (IsMarking(paragraph) || DateLine().IsMatch(paragraph) || !EndsAsProse().IsMatch(paragraph));

    private static bool IsSignatureLine(string paragraph)
    {
        if (paragraph.Length > HeadLine || EndsAsProse().IsMatch(paragraph)) return false;
        var letters = paragraph.Where(char.IsLetter).ToList();
        return letters.Count >= 3 && letters.Count(char.IsUpper) >= letters.Count * 0.8;
    }

    private static bool IsNote(string paragraph) => Note().IsMatch(paragraph);

    [GeneratedRegex(@"(?ix) \b(top\s+secret|secret|confidential|restricted|unclassified|declassified|eyes\s+only|limited\s+official\s+use|copy\s+(n[º°o]\.?|no\.?|№)\s*\d|outgoing|incoming|n[º°]\s*\d|no\.?\s+\d+$)\b
        | №
        | (совершенно\s+)?секретно | \bэкз\. | \bисх\. | \bвх\. | \bгриф\b | \bсекретн | \bрассекречено
        | ^\[(stamp|штамп|seal|печать)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Marking();

    // "12 марта 1962 г.", "March 12, 1962.", "12 de marzo de 1962": a date alone ends as prose may, and is still the head's.
    [GeneratedRegex(@"^(\d{1,2}\.?\s+(de\s+)?\p{L}+\.?\s+(de\s+)?\d{4}|\p{L}+\.?\s+\d{1,2},\s+\d{4})(\s*(г\.|года|goda))?\.?$")]
    private static partial Regex DateLine();

    // Prose ends a sentence, or runs on to what follows (a salutation's colon, a list's semicolon).
    [GeneratedRegex(@"[.!?…:;,][""”»’)\]]*$")]
    private static partial Regex EndsAsProse();

    [GeneratedRegex(@"(?i)^\[\s*((translator|editor|handwritten|typewritten|marginal|note)(’s|'s|s)?\b|примечание\b|прим\.|рукописн)[^\]]*\]")]
    private static partial Regex Note();

    /// <summary>
    /// Marks the notes written into a paragraph ("… [Translator’s note: one line is illegible] …") so the page sets
    /// them apart; the paragraph is HTML already (encoded, with marks), which the brackets survive unchanged.
    /// </summary>
    public static string MarkInlineNotes(string html) => InlineNote().Replace(html, "<span class=\"inline-note\">$0</span>");

    [GeneratedRegex(@"\[(?:Translator|Editor|Примечание переводчика|Прим\. пер)[^\]]{0,2000}\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineNote();
}
