using System.Text.RegularExpressions;
using Dossier.Languages;
using Dossier.Records;
using Dossier.Sources;
using Script = Dossier.Languages.LanguageDetector.Script;

namespace Dossier.Import.PageCaptures;

/// <summary>
/// Reads a text capture of a record page of the History and Public Policy Program Digital Archive, in either
/// of its layouts (see <c>docs/import.md</c>). Real captures are untidy: labels go missing and leave their values
/// standing alone, values are empty, blocks come in another order, captures start or end mid-page and carry
/// navigation text. So every line is first recognised by what it is (a date, a citation line, the donors line,
/// a label, an archival reference, a paragraph of the document) and only then by where it stands.
/// Nothing absent is invented: a field that cannot be found stays empty.
/// </summary>
public static partial class PageCaptureParser
{
    /// <summary>The publisher named in the archive's own citations; pages recognised as its layouts carry it.</summary>
    public const string ArchiveName = "History and Public Policy Program Digital Archive";

    public static PageCapture Parse(string text)
    {
        var cover = IsCover(text);
        var lines = Lines(cover ? UnfoldCover(text) : text);
        var kinds = new LineKind[lines.Count];
        var page = new PageCapture();

        if (IsListing(lines, text))
        {
            page.Listing = true;
            return page;
        }
        if (cover) ReadCover(lines, kinds, page);
        MarkSiteText(lines, kinds, page);
        var infoStart = FindInformationBlock(lines, kinds);
        var bodyEnd = infoStart >= 0 ? infoStart : lines.Count;
        // The newer pages close the record's text with its authors and associated lists, then its information.
        var authors = lines.FindIndex(l => AuthorsLine().IsMatch(l));
        if (authors >= 0 && authors < bodyEnd) bodyEnd = authors;
        var citationIndex = ReadCitation(lines, kinds, bodyEnd, page);
        if (infoStart >= 0) ReadInformationBlock(lines, kinds, infoStart, page);
        ReadHeader(lines, kinds, bodyEnd, page);
        ReadSummary(lines, kinds, bodyEnd, citationIndex, infoStart, page);
        ReadTranscripts(lines, kinds, bodyEnd, page);
        ReadHeaderClassification(page);
        ReadRecordAddress(lines, page);
        return page;
    }

    // ---- lines -------------------------------------------------------------------------------------------

    private enum LineKind
    {
        Text = 0,
        Chrome,
        HtmlMarker,
        DonorsLine,
        Citation,
        Summary,
        RecordDate,
        Title,
        Information,
    }

    private static List<string> Lines(string text)
    {
        var cleaned = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace('\u00A0', ' ').Replace("\u200B", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal);
        var result = new List<string>();
        foreach (var raw in cleaned.Split('\n'))
        {
            var line = raw.Trim();
            // Bullets of the page's menus ("• Citation") are part of the chrome, not of the words.
            if (line.StartsWith('•')) line = line[1..].Trim();
            if (line.Length > 0) result.Add(line);
        }
        return result;
    }

    private static readonly HashSet<string> ChromeLines = new(StringComparer.OrdinalIgnoreCase)
    {
        "Search in", "Digital Archive International History Declassified", "Skip to content", "Skip to main content",
        "Citation", "get citation", "share document", "Share", "Print", "Download", "Download PDF", "Email", "Facebook",
        "Twitter", "LinkedIn", "Home", "Menu", "Close", "Search", "Browse", "Collections", "Topics", "Themes",
        "About", "Contact", "Contact Us", "Log in", "Login", "Sign in", "Sign up", "Donate", "Subscribe", "Back to top",
        "Privacy Policy", "Terms of Use", "Cookie Policy", "Accessibility", "Wilson Center", "Digital Archive",
        "Advanced Search", "My Collections", "Save", "Cite", "Copy", "Copy citation", "Original Scan", "Transcript",
        "Translation", "View PDF", "Open in new window", "Previous", "Next", "Print this page", "Explore",
        "Sources", "Resources", "Primary Sources", "More", "Tags", "Accept", "Accept all", "Reject all", "Cookie settings",
        "ADD SEARCH FILTER CANCEL SEARCH FILTER", "ADD SEARCH FILTER", "CANCEL SEARCH FILTER", "CITATION SHARE DOWNLOAD",
        "CITATION SHARE DOWNLOAD-", "VIEW DOCUMENT IN", "Author(s)", "Authors", "Author",
        "Digital Archive digitalarchive.wilsoncenter.org International History Declassified",
        "Digital Archive International History Declassified digitalarchive.wilsoncenter.org", "digitalarchive.wilsoncenter.org",
    };

    // Where the page's footer begins: nothing after it belongs to the record.
    private static readonly HashSet<string> FooterStarts = new(StringComparer.OrdinalIgnoreCase)
    {
        "Stay Connected", "Back to top", "Privacy Policy", "Terms of Use", "Cookie Policy", "Subscribe to our newsletter",
        "Woodrow Wilson International Center for Scholars", "One Woodrow Wilson Plaza",
    };

    private static readonly string[] ChromePrefixes =
    [
        "It appears your Web browser is not configured to display PDF files",
        "Click here to view the PDF file",
        "Click here to download the PDF",
        "PDFs cannot be printed inline",
        "Your browser does not support",
        "©", "Copyright ©", "All rights reserved",
        "We use cookies", "This website uses cookies", "This site uses cookies", "By continuing to browse",
        "Sign up for", "Sign up to",
    ];

    // Sections of other records shown beside this one; everything in them, up to the next part of the page, is theirs.
    private static readonly HashSet<string> OtherRecordsHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Related Documents", "Related Content", "Related Records", "More Documents", "You may also be interested in",
        "Related Collections",
    };

    // Headings of lists the page shows beside a record; their items belong to no field.
    private static readonly HashSet<string> ListHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "Associated Places", "Associated Topics", "Associated People & Organizations", "Associated People and Organizations",
        "Associated Collections", "Associated People", "Associated Organizations", "Subjects", "Keywords", "Places",
        "People", "Organizations", "Geographic Areas", "Related Topics", "Subjects Discussed",
    };

    private static void MarkSiteText(List<string> lines, LineKind[] kinds, PageCapture page)
    {
        var recordSeen = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            var bare = line.TrimEnd(':');
            // A banner at the top may share the footer's words; the footer is what follows the record.
            recordSeen |= IsInformationHeading(line) || HtmlMarker().IsMatch(line) || DonorsLine().IsMatch(line) || line.Length > 200;
            if (FooterStarts.Contains(bare) && !recordSeen)
            {
                kinds[i] = LineKind.Chrome;
                continue;
            }
            if (FooterStarts.Contains(bare))
            {
                // The footer runs to the end of the capture.
                for (var k = i; k < lines.Count; k++) kinds[k] = LineKind.Chrome;
                return;
            }
            if (OtherRecordsHeadings.Contains(bare))
            {
                // Entries of other records: a date, a title, perhaps a one-sentence summary, again and again.
                kinds[i] = LineKind.Chrome;
                while (i + 1 < lines.Count && PartialDate.TryParseWritten(lines[i + 1], out _))
                {
                    kinds[++i] = LineKind.Chrome;
                    if (i + 1 < lines.Count && !IsStructure(lines[i + 1]) && Classification.FromHeader(lines[i + 1]) is null) kinds[++i] = LineKind.Chrome;
                    if (i + 1 < lines.Count && !IsStructure(lines[i + 1]) && EndsProse(lines[i + 1]) && !PartialDate.TryParseWritten(lines[i + 1], out _)
                        && lines[i + 1].Length <= 400) kinds[++i] = LineKind.Chrome;
                }
                continue;
            }
            if (ChromeLines.Contains(bare) || ChromePrefixes.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase)) || AddressAlone().IsMatch(line))
            {
                kinds[i] = LineKind.Chrome;
                if (line.Equals("Search in", StringComparison.OrdinalIgnoreCase) || line.Contains("International History Declassified", StringComparison.Ordinal))
                    page.KnownSite = true;
                continue;
            }
            var html = HtmlMarker().Match(line);
            if (html.Success)
            {
                kinds[i] = LineKind.HtmlMarker;
                page.KnownSite = true;
                continue;
            }
            var donors = DonorsLine().Match(line);
            if (donors.Success)
            {
                kinds[i] = LineKind.DonorsLine;
                page.KnownSite = true;
                foreach (var d in SplitDonors(donors.Groups["donors"].Value)) page.AddDonor(d);
                continue;
            }
            if (ListHeadings.Contains(bare))
            {
                kinds[i] = LineKind.Chrome;
                // The list's items are names: short, no sentence of their own, not the start of the document
                // (a classification header, a date, a line that begins in lower case).
                while (i + 1 < lines.Count && IsListItem(lines[i + 1])) kinds[++i] = LineKind.Chrome;
            }
        }
    }

    private static bool IsListItem(string line) =>
        line.Length <= 100 && !EndsProse(line) && !IsStructure(line) && !ListHeadings.Contains(line.TrimEnd(':'))
        && Classification.FromHeader(line) is null && !PartialDate.TryParseWritten(line, out _) && !char.IsLower(line[0])
        && !IsLetterhead(line);

    /// <summary>A sentence's end: a word of prose before the stop ("... in Cuba."), not an initial or "(D.C.)".</summary>
    private static bool EndsProse(string line) => ProseEnd().IsMatch(line);

    /// <summary>An all-capitals line of several words: the heading of a document ("EMBASSY OF THE USSR IN CUBA").</summary>
    private static bool IsLetterhead(string line) =>
        line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3 && line.Any(char.IsLetter) && !line.Any(char.IsLower);

    /// <summary>A line that starts another part of the page: a heading, a label, a marker.</summary>
    private static bool IsStructure(string line) =>
        IsInformationHeading(line) || Label(line) is not null || HtmlMarker().IsMatch(line) || DonorsLine().IsMatch(line)
        || ListHeadings.Contains(line.TrimEnd(':')) || FooterStarts.Contains(line.TrimEnd(':')) || CitationLine.LooksLikeCitation(line)
        || ChromePrefixes.Any(p => line.StartsWith(p, StringComparison.OrdinalIgnoreCase));

    // ---- a list of search results ------------------------------------------------------------------------

    /// <summary>
    /// A page of search results, not a record's: it counts its hits ("1 - 10 of 20") or lists record after record,
    /// each a date, a title and a one-paragraph summary, from its head on.
    /// </summary>
    private static bool IsListing(List<string> lines, string text)
    {
        // A record's own parts say it is a record's page, whatever lists it shows beside it.
        if (lines.Any(l => DonorsLine().IsMatch(l) || IsInformationHeading(l)) || lines.Any(l => CitationLine.Find(l) is not null)) return false;
        if (lines.Take(12).Any(l => HitCount().IsMatch(l))) return true;
        // Bullets before the dates of the first entries (the older site's results).
        if (BulletedDate().Count(string.Join('\n', text.Split('\n').Take(20))) >= 2) return true;
        var entries = 0;
        var i = 0;
        // The list begins within the first lines (after the site's header).
        while (i < Math.Min(lines.Count, 8) && !PartialDate.TryParseWritten(lines[i], out _)) i++;
        // Each entry: a date, then a title (not a sentence of a document: "I visited ...").
        while (i + 1 < lines.Count && PartialDate.TryParseWritten(lines[i], out _) && !PartialDate.TryParseWritten(lines[i + 1], out _)
               && lines[i + 1].Length <= 400 && LooksLikeTitle(lines[i + 1]) && !EndsSentence(lines[i + 1]))
        {
            // A date, a title, perhaps a summary, then the next date (or the end of a capture cut short).
            var next = i + 2;
            if (next < lines.Count && !PartialDate.TryParseWritten(lines[next], out _))
            {
                if (!LooksLikeSummary(lines[next]) && next + 1 < lines.Count) break;
                next++;
            }
            entries++;
            if (next >= lines.Count || !PartialDate.TryParseWritten(lines[next], out _)) break;
            i = next;
        }
        return entries >= 3;
    }

    // ---- the record's address ----------------------------------------------------------------------------

    /// <summary>The record's number in the archive's own address for it (in the citation or the share link), when no Record ID is printed.</summary>
    private static void ReadRecordAddress(List<string> lines, PageCapture page)
    {
        if (page.RecordId is not null) return;
        // The record's own address stands in its citation or alone on the share link's line; an address in the
        // document's text or notes is another record's.
        foreach (var line in new[] { page.Citation?.Text ?? "" }.Concat(lines.Where(l => AddressAlone().IsMatch(l))))
        {
            var m = RecordAddress().Match(line);
            if (!m.Success) continue;
            page.RecordId = m.Groups["id"].Value;
            page.RecordIdFromAddress = true;
            return;
        }
    }

    // ---- citation ----------------------------------------------------------------------------------------

    private static int ReadCitation(List<string> lines, LineKind[] kinds, int bodyEnd, PageCapture page)
    {
        for (var i = 0; i < bodyEnd; i++)
        {
            if (kinds[i] != LineKind.Text) continue;
            if (CitationLine.Find(lines[i]) is not var (citation, before)) continue;
            kinds[i] = LineKind.Citation;
            page.Citation = citation;
            // A summary glued to the citation ("... economic plan.\"Central Committee ...") is the summary.
            if (before.Length >= 40) page.SetSummary(before, "the line of the citation");
            page.KnownSite |= citation.Repository is not null;
            return i;
        }
        return -1;
    }

    // ---- header: record date and title -------------------------------------------------------------------

    private static void ReadHeader(List<string> lines, LineKind[] kinds, int bodyEnd, PageCapture page)
    {
        // The record's date is the first line that is only a date, standing above the record's own parts
        // (the donors line, the citation, "English HTML") and above any line of the document (its classification
        // header, a paragraph): in a capture that starts mid-document the dates inside the text are not the record's.
        // Above it stand the site's navigation and, in a capture that begins part-way down a page, the end of what
        // came before it (a summary, of this record or another): at most two such sentences.
        var dateIndex = -1;
        var prelude = new List<int>();
        for (var i = 0; i < bodyEnd; i++)
        {
            if (kinds[i] is LineKind.Chrome) continue;
            if (kinds[i] is not LineKind.Text) break;
            if (PartialDate.TryParseWritten(lines[i], out var date))
            {
                kinds[i] = LineKind.RecordDate;
                page.Date = date;
                dateIndex = i;
                break;
            }
            if (IsNavigation(lines[i])) continue;
            if (prelude.Count < 2 && (LooksLikeSummary(lines[i]) || SummaryWithoutStop(lines[i]))) prelude.Add(i);
            else break;
        }
        if (dateIndex < 0) prelude.Clear();

        // The title is the line under the date (both layouts print it there; the older one in capitals, with the
        // citation repeating it). A subtitle or the document's own heading may follow it; the donors line may not.
        var titleIndex = -1;
        if (dateIndex >= 0)
        {
            var next = NextContent(kinds, dateIndex + 1, bodyEnd);
            // The older page's citation block without its citation: the date, the summary, the date again, the title.
            if (next >= 0 && kinds[next] == LineKind.Text && IsSummaryOfSentences(lines[next]) || next >= 0 && LooksLikeSummary(lines[next]) && !LooksLikeTitle(lines[next]))
            {
                var again = NextContent(kinds, next + 1, bodyEnd);
                if (again >= 0 && PartialDate.TryParseWritten(lines[again], out var repeated) && repeated == page.Date)
                {
                    page.SetSummary(lines[next], "under the date");
                    kinds[next] = LineKind.Summary;
                    kinds[again] = LineKind.Chrome;
                    next = NextContent(kinds, again + 1, bodyEnd);
                }
            }
            if (next >= 0 && kinds[next] == LineKind.Text && LooksLikeTitle(lines[next])) titleIndex = next;
        }
        else
        {
            // No date at the head: a title still stands above the donors line.
            var donors = Array.IndexOf(kinds, LineKind.DonorsLine);
            var before = donors > 0 && donors < bodyEnd ? PreviousContent(kinds, donors - 1) : -1;
            if (before >= 0 && kinds[before] == LineKind.Text && LooksLikeTitle(lines[before])) titleIndex = before;
        }
        if (titleIndex >= 0)
        {
            var title = lines[titleIndex];
            // With a citation line too, the title line is kept out of the transcript only when it is the same title.
            if (page.Citation is null || SameTitle(title, page.Citation.Title))
            {
                kinds[titleIndex] = LineKind.Title;
                page.HeaderTitle = title;
                var after = NextContent(kinds, titleIndex + 1, lines.Count);
                page.TitleConfirmed = page.Citation is not null || (after >= 0 && kinds[after] == LineKind.DonorsLine);
                // What stood above the date belongs to the page, not to the document.
                foreach (var i in prelude) kinds[i] = LineKind.Chrome;
            }
        }
    }

    private static bool IsNavigation(string line) =>
        Breadcrumb().IsMatch(line)
        || (line.Length <= 30 && !line.Any(char.IsDigit) && char.IsUpper(line[0]) && !EndsProse(line) && Classification.FromHeader(line) is null && !IsLetterhead(line));

    private static bool LooksLikeTitle(string line) =>
        line.Length is >= 8 and <= 500 && Classification.FromHeader(line) is null && !PartialDate.TryParseWritten(line, out _)
        && (char.IsLetterOrDigit(line[0]) || line[0] is '"' or '\'' or '“' or '‘' or '[') && !IsSummaryOfSentences(line);

    /// <summary>A summary of several sentences, not a title: "... Tsedenbal and Enlai discuss China's sending workers. Additionally, ..."</summary>
    private static bool IsSummaryOfSentences(string line) =>
        EndsSentence(line) && (line.Length > 300 || (line.Length > 120 && SentenceBreak().Count(line) >= 1));

    private static bool SameTitle(string a, string b) =>
        string.Equals(RecordFingerprint.Normalize(a), RecordFingerprint.Normalize(b), StringComparison.Ordinal);

    // ---- summary -----------------------------------------------------------------------------------------

    private static void ReadSummary(List<string> lines, LineKind[] kinds, int bodyEnd, int citationIndex, int infoStart, PageCapture page)
    {
        if (page.Summary is not null) return;
        // Layout A: the summary stands in the citation block, just before the citation line; its place says what it is.
        if (citationIndex >= 0)
        {
            var before = PreviousContent(kinds, citationIndex - 1);
            if (before >= 0 && kinds[before] == LineKind.Text && lines[before].Length >= 40 && lines[before].Any(char.IsLower)
                && !lines[before].StartsWith('[') && Classification.FromHeader(lines[before]) is null)
            {
                kinds[before] = LineKind.Summary;
                page.SetSummary(lines[before], "above the citation");
                return;
            }
        }
        // Layout B: the summary is the paragraph just before "Author(s)" or "Document Information". Without them
        // (a capture cut short) the last paragraph is the document's own, and no summary is claimed.
        if (bodyEnd < lines.Count)
        {
            // There the layout says what it is: a summary even when it lacks its full stop.
            var before = PreviousContent(kinds, bodyEnd - 1);
            if (before >= 0 && kinds[before] == LineKind.Text && (LooksLikeSummary(lines[before]) || SummaryWithoutStop(lines[before])))
            {
                kinds[before] = LineKind.Summary;
                page.SetSummary(lines[before], "after the text");
            }
        }
        if (page.Summary is null && page.SummaryInBlock is not null) page.SetSummary(page.SummaryInBlock, "the document information");
    }

    private static bool LooksLikeSummary(string line) =>
        line.Length >= 40 && EndsSentence(line) && line.Any(char.IsLower) && !line.StartsWith('[')
        && Classification.FromHeader(line) is null && !CitationLine.LooksLikeCitation(line);

    private static bool SummaryWithoutStop(string line) =>
        line.Length >= 80 && line.Any(char.IsLower) && !line.StartsWith('[') && Classification.FromHeader(line) is null
        && !CitationLine.LooksLikeCitation(line) && Recognise(line) is null;

    private static bool EndsSentence(string line) => line.TrimEnd('"', '”', '\'', ')', ']').EndsWith('.') || line.EndsWith('?') || line.EndsWith('!');

    // ---- transcripts -------------------------------------------------------------------------------------

    private static void ReadTranscripts(List<string> lines, LineKind[] kinds, int bodyEnd, PageCapture page)
    {
        string? markedLanguage = null;
        var paragraphs = new List<(string Text, string? Language)>();
        for (var i = 0; i < bodyEnd; i++)
        {
            if (kinds[i] == LineKind.HtmlMarker)
            {
                markedLanguage = LanguageNames.ToCode(HtmlMarker().Match(lines[i]).Groups["language"].Value);
                continue;
            }
            if (kinds[i] != LineKind.Text) continue;
            paragraphs.Add((lines[i], LanguageDetector.Detect(lines[i]) ?? HeaderLanguage(lines[i])));
        }
        if (paragraphs.Count == 0) return;
        // Without a word or a marker that tells a language, the text is taken for English: a guess, and said to be one.
        page.LanguageAssumed = markedLanguage is null && paragraphs.All(p => p.Language is null);

        // Paragraphs too short to tell (a date, "No 29", a signature) take the language of the text around them.
        var languages = new string?[paragraphs.Count];
        string? carry = null;
        for (var i = paragraphs.Count - 1; i >= 0; i--)
        {
            carry = paragraphs[i].Language ?? carry;
            languages[i] = carry;
        }
        string? previous = null;
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Language is null && previous is not null && IsScriptOf(paragraphs[i].Text, previous)) languages[i] = previous;
            languages[i] ??= previous ?? markedLanguage ?? "en";
            previous = languages[i];
        }
        Smooth(paragraphs.Select(p => p.Text).ToList(), languages);

        var order = new List<string>();
        var texts = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 0; i < paragraphs.Count; i++)
        {
            var language = languages[i]!;
            if (!texts.TryGetValue(language, out var list))
            {
                texts[language] = list = [];
                order.Add(language);
            }
            list.Add(paragraphs[i].Text);
        }
        foreach (var language in order) page.Transcripts.Add(new TranscriptDocument(language, string.Join("\n\n", texts[language])));
    }

    // A classification header too short for the word counts still says in which language a text begins.
    private static readonly (string Header, string Language)[] HeaderLanguages =
    [
        ("совершенно секретно", "ru"), ("секретно", "ru"), ("streng geheim", "de"), ("geheim", "de"), ("ściśle tajne", "pl"),
        ("tajne", "pl"), ("szigorúan titkos", "hu"), ("titkos", "hu"), ("strict secret", "ro"), ("secret de serviciu", "ro"),
        ("secreto", "es"), ("confidencial", "es"), ("très secret", "fr"), ("segretissimo", "it"), ("přísně tajné", "cs"),
    ];

    private static string? HeaderLanguage(string line)
    {
        // "SECRETO Ejemplar No 2": a short header that opens with its classification word.
        if (Classification.FromHeader(line) is null && line.Length > 60) return null;
        foreach (var (header, language) in HeaderLanguages)
            if (line.StartsWith(header, StringComparison.OrdinalIgnoreCase) && (line.Length == header.Length || !char.IsLetter(line[header.Length])))
                return language;
        return null;
    }

    private static bool IsScriptOf(string text, string language)
    {
        var script = LanguageDetector.ScriptOf(text);
        return script == Script.None || script == LanguageDetector.ScriptOfLanguage(language);
    }

    /// <summary>
    /// A short run of another language inside a text (a quoted phrase, a line a word-count mistook) is part of the
    /// text around it; only runs of some length, or of another script, make a transcript of their own.
    /// </summary>
    private static void Smooth(List<string> texts, string?[] languages)
    {
        var i = 0;
        while (i < languages.Length)
        {
            var j = i;
            var letters = 0;
            while (j < languages.Length && languages[j] == languages[i])
            {
                letters += texts[j].Count(char.IsLetter);
                j++;
            }
            var before = i > 0 ? languages[i - 1] : null;
            var after = j < languages.Length ? languages[j] : null;
            // Between two languages, a short run goes with what follows (the heading of the next text),
            // else with what precedes; never across scripts.
            var neighbour = after is not null && IsScriptOf(texts[i], after) ? after
                : before is not null && IsScriptOf(texts[i], before) ? before
                : null;
            // A text's last run stands on its own once it is more than a line: the start of an original cut short.
            if (neighbour is not null && neighbour != languages[i] && letters < 300 && (after is not null || letters < 80))
            {
                for (var k = i; k < j; k++) languages[k] = neighbour;
                i = Math.Max(0, i - 1);
                while (i > 0 && languages[i - 1] == languages[i]) i--;
                if (languages.Distinct().Count() == 1) return;
                continue;
            }
            i = j;
        }
    }

    // ---- classification ----------------------------------------------------------------------------------

    private static void ReadHeaderClassification(PageCapture page)
    {
        if (page.Classification is not null) return;
        // Only the document's own header counts: the first lines of its first transcript.
        foreach (var transcript in page.Transcripts)
        {
            foreach (var paragraph in transcript.Text.Split("\n\n").Take(12))
            {
                var found = Classification.FromHeader(paragraph);
                if (found is null) continue;
                page.Classification = found;
                return;
            }
        }
    }

    // ---- Document Information ----------------------------------------------------------------------------

    private static bool IsInformationHeading(string line) =>
        line.TrimEnd(':').Equals("Document Information", StringComparison.OrdinalIgnoreCase)
        || line.TrimEnd(':').Equals("Document Info", StringComparison.OrdinalIgnoreCase);

    private static int FindInformationBlock(List<string> lines, LineKind[] kinds)
    {
        for (var i = 0; i < lines.Count; i++)
            if (IsInformationHeading(lines[i])) return i;

        // Without its heading the block still shows itself by its labels: two or more, close together,
        // after which nothing but label values follows.
        for (var i = 0; i < lines.Count; i++)
        {
            if (kinds[i] != LineKind.Text || !IsBareLabel(lines[i])) continue;
            // Labels with their values on the same line ("SOURCE: a Cuban official") are a document's own header.
            var labels = 0;
            for (var j = i; j < Math.Min(lines.Count, i + 12); j++)
                if (IsBareLabel(lines[j])) labels++;
            if (labels < 2) continue;
            // Values whose labels are missing stand above the first label: the source, the rights paragraphs.
            var start = i;
            for (var j = i - 1; j >= 0 && j >= i - 6; j--)
            {
                if (kinds[j] == LineKind.Chrome) continue;
                if (kinds[j] != LineKind.Text || !(Recognise(lines[j]) is Field.Source || StrongRights().IsMatch(lines[j]))) break;
                start = j;
            }
            return start;
        }
        return -1;
    }

    private static void ReadInformationBlock(List<string> lines, LineKind[] kinds, int start, PageCapture page)
    {
        page.KnownSite = true;
        Field? current = null;
        var assigned = new HashSet<Field>();
        var afterHeading = false;
        for (var i = start; i < lines.Count; i++)
        {
            var line = lines[i];
            if (kinds[i] == LineKind.Chrome && current == Field.Type && !assigned.Contains(Field.Type) && line.Length <= 100 && ChromeLines.Contains(line))
            {
                // A type named like a tab of the page ("Transcript").
                page.Type = line;
                assigned.Add(Field.Type);
                continue;
            }
            if (kinds[i] is LineKind.Chrome or LineKind.HtmlMarker) continue;
            if (kinds[i] == LineKind.DonorsLine) continue;
            kinds[i] = LineKind.Information;
            if (IsInformationHeading(line))
            {
                afterHeading = true;
                continue;
            }
            // The block opens with the source: a value standing there without its label is the source even when it
            // reads like no archive's reference ("CWIHP Working Paper 22, "77 Conversations."").
            var opening = afterHeading && current is null && assigned.Count == 0;
            afterHeading = false;

            var label = Label(line);
            if (label is not null)
            {
                current = label.Value.Field;
                if (label.Value.Inline is not { Length: > 0 } inline) continue;
                line = inline;
            }

            if (current is { } field && Fits(field, line) && (!assigned.Contains(field) || IsMultiValued(field)))
            {
                Assign(page, field, line);
                assigned.Add(field);
                continue;
            }
            var byContent = Recognise(line);
            if (opening && byContent is null && line.Length <= 300 && line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length < 10
                && !StrongRights().IsMatch(line))
                byContent = Field.Source;
            if (byContent is { } kind && (!assigned.Contains(kind) || IsMultiValued(kind) || kind == Field.Rights))
            {
                Assign(page, kind, line);
                assigned.Add(kind);
                current = kind;
            }
            else if (byContent is null && page.SummaryInBlock is null && page.Citation is null && LooksLikeSummary(line))
            {
                // A summary printed inside or after the block rather than above it; taken only when none stands above.
                page.SummaryInBlock = line;
            }
        }
    }

    private static bool IsBareLabel(string line) => Label(line) is { Inline: null or "" };

    private enum Field
    {
        Source,
        Rights,
        UploadedDate,
        Type,
        Language,
        RecordId,
        Classification,
        Donors,
    }

    private static bool IsMultiValued(Field field) => field is Field.Rights or Field.Donors or Field.Language;

    private static (Field Field, string? Inline)? Label(string line)
    {
        var m = LabelPattern().Match(line);
        if (!m.Success) return null;
        var name = m.Groups["label"].Value.ToLowerInvariant();
        Field field = name switch
        {
            "source" or "sources" or "archival source" => Field.Source,
            "rights" => Field.Rights,
            "original uploaded date" or "uploaded date" or "upload date" or "date uploaded" => Field.UploadedDate,
            "type" or "document type" => Field.Type,
            "language" or "languages" or "original language" => Field.Language,
            "record id" or "record-id" or "recordid" => Field.RecordId,
            "original classification" or "classification" => Field.Classification,
            _ => Field.Donors,
        };
        var inline = m.Groups["value"].Success ? m.Groups["value"].Value.Trim() : null;
        return (field, inline);
    }

    /// <summary>Whether a value can stand under a label: it must have the label's shape and no other's.</summary>
    private static bool Fits(Field field, string value)
    {
        var kind = Recognise(value);
        return field switch
        {
            Field.RecordId => RecordIdShape().IsMatch(value),
            Field.UploadedDate => PartialDate.TryParseWritten(value, out _),
            Field.Classification => Classification.Normalize(value) is not null,
            Field.Language => LanguageList(value).Count > 0,
            Field.Type => value.Length <= 100 && kind is null or Field.Type,
            // Donors are names, not sentences: a paragraph after the donors is something else.
            Field.Donors => value.Length <= 150 && !EndsSentence(value) && kind is null or Field.Donors or Field.Type,
            Field.Rights => kind is null or Field.Rights,
            // Under its label a source may well speak of rights ("Reproduced with permission of the Hoover Institution").
            Field.Source => kind is null or Field.Source or Field.Type || (kind == Field.Rights && !StrongRights().IsMatch(value)),
            _ => false,
        };
    }

    /// <summary>What a value standing alone must be, judged by its content.</summary>
    private static Field? Recognise(string value)
    {
        if (RecordIdShape().IsMatch(value) && value.All(char.IsAsciiDigit)) return Field.RecordId;
        if (PartialDate.TryParseWritten(value, out _)) return Field.UploadedDate;
        if (Classification.Normalize(value) is not null) return Field.Classification;
        if (LanguageList(value).Count > 0) return Field.Language;
        if (RightsWords().IsMatch(value)) return Field.Rights;
        if (SourceShape().IsMatch(value) || ArchivalReference.Parse(value) is { Opis: not null } or { Delo: not null }) return Field.Source;
        if (DonorWords().IsMatch(value) && value.Length <= 200) return Field.Donors;
        // A type names a kind of document; a line of the rights text cut short ("The History and Public Poli") does not.
        if (value.Length <= 80 && TypeShape().IsMatch(value) && TypeWords().IsMatch(value)) return Field.Type;
        return null;
    }

    private static void Assign(PageCapture page, Field field, string value)
    {
        switch (field)
        {
            case Field.Source:
                var (source, provenance) = Provenance.SplitFromSource(value);
                page.SourceText ??= source;
                page.Provenance ??= provenance;
                break;
            case Field.Rights:
                page.Rights = page.Rights is null ? value : page.Rights + "\n\n" + value;
                break;
            case Field.UploadedDate:
                if (PartialDate.TryParseWritten(value, out var uploaded)) page.UploadedDate = uploaded;
                break;
            case Field.Type:
                page.Type = value;
                break;
            case Field.Language:
                foreach (var code in LanguageList(value)) page.DeclaredLanguages.Add(code);
                page.LanguagesFrom = "the Language field";
                break;
            case Field.RecordId:
                page.RecordId = value;
                break;
            case Field.Classification:
                page.Classification = Classification.Normalize(value);
                break;
            case Field.Donors:
                foreach (var d in SplitDonors(value)) page.AddDonor(d);
                break;
        }
    }

    private static List<string> LanguageList(string value)
    {
        var parts = value.Split([",", ";", " and ", "/"], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        var codes = new List<string>();
        foreach (var part in parts)
        {
            if (!LanguageNames.IsLanguageName(part)) return [];
            codes.Add(LanguageNames.ToCode(part)!);
        }
        return codes;
    }

    /// <summary>
    /// "the Leon Levy Foundation and the Blavatnik Family Foundation" names two donors, while
    /// "Bill and Melinda Gates Foundation" names one: a part that does not read as an organisation joins the next.
    /// </summary>
    internal static IEnumerable<string> SplitDonors(string text)
    {
        var parts = DonorSeparator().Split(text.Trim().TrimEnd('.'))
            .Select(p => LeadingArticle().Replace(p.Trim(), ""))
            .Where(p => p.Length > 0)
            .ToList();
        var pending = "";
        var result = new List<string>();
        for (var i = 0; i < parts.Count; i++)
        {
            var part = pending.Length > 0 ? pending + " and " + parts[i] : parts[i];
            if (!DonorWords().IsMatch(parts[i]) && i < parts.Count - 1 && parts[i].Split(' ').Length <= 2)
            {
                pending = part;
                continue;
            }
            pending = "";
            result.Add(part);
        }
        if (pending.Length > 0) result.Add(pending);
        return result;
    }

    private static int NextContent(LineKind[] kinds, int from, int end)
    {
        for (var i = from; i < end; i++)
            if (kinds[i] != LineKind.Chrome && kinds[i] != LineKind.HtmlMarker) return i;
        return -1;
    }

    private static int PreviousContent(LineKind[] kinds, int from)
    {
        for (var i = from; i >= 0; i--)
            if (kinds[i] != LineKind.Chrome) return i;
        return -1;
    }

    [GeneratedRegex(@"^(?<language>English|Russian|Spanish|German|French|Chinese|Polish|Hungarian|Romanian|Czech|Bulgarian|Italian|Portuguese|Ukrainian|Japanese|Korean|Vietnamese|Mongolian|Serbo-Croatian|Albanian|Arabic|Persian|Hebrew|Turkish|Greek)\s+(?:HTML|Transcription|Translation|Original|Text)$", RegexOptions.IgnoreCase)]
    private static partial Regex HtmlMarker();

    [GeneratedRegex(@"^This document was made possible (?:with|by|through) (?:the )?(?:generous )?(?:support|funding|a grant) (?:from|of) (?<donors>.+?)\.?$", RegexOptions.IgnoreCase)]
    private static partial Regex DonorsLine();

    [GeneratedRegex(@"^(?<label>Source|Sources|Archival Source|Rights|Original Uploaded Date|Uploaded Date|Upload Date|Date Uploaded|Type|Document Type|Language|Languages|Original Language|Record ID|Record-ID|RecordID|Original Classification|Classification|Donors|Donor|Funding)\s*(?::\s*(?<value>.*))?$", RegexOptions.IgnoreCase)]
    private static partial Regex LabelPattern();

    [GeneratedRegex(@"^[A-Za-z]{0,4}-?[0-9][A-Za-z0-9\-./]{0,39}$")]
    private static partial Regex RecordIdShape();

    [GeneratedRegex(@"\b(?:copyright|rights|reuse|re-use|permission|public domain|licen[cs]e|Creative Commons)\b", RegexOptions.IgnoreCase)]
    private static partial Regex RightsWords();

    [GeneratedRegex(@"\b(?:f\.|op\.|d\.|ll?\.|fond|opis|delo|papka|Archives?|Archiv|Archiwum|Arhiv\w*|Lev[ée]lt[áa]r|Library|Papers|Collection|Bundesarchiv|Obtained by|Translated by|Translated for)(?=[\s,.]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex SourceShape();

    [GeneratedRegex(@"\b(?:Foundation|Fund|Endowment|Trust|Corporation|Institute|Council|Ministry|Embassy|Program|Programme|Society|Association|Family|Inc|LLC|University|Center|Centre|Government|Stiftung|Fondation|Fundación|Carnegie|MacArthur|Mellon)\b", RegexOptions.IgnoreCase)]
    private static partial Regex DonorWords();

    [GeneratedRegex(@"\b(?:Memorand\w*|Memo|Conversation|Telegrams?|Cables?|Reports?|Letters?|Minutes|Notes?|Records?|Diary|Journal|Transcripts?|Transcription|Speech|Protocol|Resolution|Decree|Directive|Information|Summary|Instruction|Statement|Message|Interview|Draft|Article|Excerpts?|Briefing|Agreement|Treaty|Communiqu[eé]|Decision|Order|Appeal|Declaration|Map|Photograph|Intelligence|Analysis|Circular|Bulletin|Study|Paper|Assessment|Plan|Proposal|Regulation|Stenogra\w*|Translation|Cipher|Dispatch|Despatch|Aide-M[eé]moire|Biography|Chronology|List|Law|Petition|Press Release|Estimate|Proclamation|Testimony|Oral History|Correspondence|Notebook|Log|Lecture|Address|Entry|Memoir|Minute|Cable|Verbale|Document|Note Verbale|Questionnaire|Chart|Table|Telex|Radiogram|Dossier)\b", RegexOptions.IgnoreCase)]
    private static partial Regex TypeWords();

    // A type is a short name: "Memorandum of Conversation", "Telegram", "Diary Entry".
    [GeneratedRegex(@"^[A-Z][A-Za-z'’\-]*(?:\s+(?:of|and|the|to|from|for|on|in|a|an|by|[A-Z][A-Za-z'’\-]*))*$")]
    private static partial Regex TypeShape();

    [GeneratedRegex(@"\s*(?:,\s*and\s+|,\s*|;\s*|\s+and\s+(?=the\s|[A-Z]))")]
    private static partial Regex DonorSeparator();

    [GeneratedRegex(@"\b(?:copyright|reuse|re-use|rights holders?|rights status|public domain|Creative Commons)\b", RegexOptions.IgnoreCase)]
    private static partial Regex StrongRights();

    // A sentence ends and another begins ("... to Mongolia. Additionally, ..."), not an initial ("N. S. Khrushchev").
    [GeneratedRegex(@"\p{Ll}{2,}[.!?]\s+\p{Lu}")]
    private static partial Regex SentenceBreak();

    // The older site's search results list each record under a bulleted date ("  • December 10, 1979").
    [GeneratedRegex(@"^[ \t]*•[ \t]*(?:[A-Z][a-z]{2,8}\.? [0-9]{1,2}, [0-9]{4}|[A-Z][a-z]{2,8},? [0-9]{4}|[0-9]{4})[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex BulletedDate();

    [GeneratedRegex(@"^\d{1,6}\s?[-–]\s?\d{1,6}\s+of\s+\d{1,7}$")]
    private static partial Regex HitCount();

    [GeneratedRegex(@"https?://digitalarchive\.wilsoncenter\.org/document/(?<id>\d{1,9})(?![\w-])", RegexOptions.IgnoreCase)]
    private static partial Regex RecordAddress();

    [GeneratedRegex(@"^https?://digitalarchive\.wilsoncenter\.org/document/[\w-]+/?$", RegexOptions.IgnoreCase)]
    private static partial Regex AddressAlone();

    [GeneratedRegex(@"^Authors?(?:\(s\))?:?$", RegexOptions.IgnoreCase)]
    private static partial Regex AuthorsLine();

    [GeneratedRegex(@"\s[›»>/|]\s")]
    private static partial Regex Breadcrumb();

    [GeneratedRegex(@"\p{Ll}{3,}[.!?]['""”’)\]]*$")]
    private static partial Regex ProseEnd();

    [GeneratedRegex(@"^(?:the|The)\s+")]
    private static partial Regex LeadingArticle();
}
