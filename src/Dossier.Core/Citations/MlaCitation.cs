using System.Globalization;
using Dossier.Records;

namespace Dossier.Citations;

/// <summary>
/// A works-cited entry in MLA style (MLA Handbook, 9th ed.): the document's title in quotation marks, its translators
/// in natural order ("Translated by A and B"; three or more give the first and "et al.", 5.36), the date day-month-year
/// with abbreviated months (5.84), the archival location, then the digital archive as container in italics with the
/// URL without its scheme (5.93), and the access date (5.110, recommended for online sources).
/// <c>"Title." Translated by A, 29 Jan. 1964. Location. <i>Archive</i>, URL. Accessed 2 Dec. 2026.</c>
/// </summary>
public static class MlaCitation
{
    private static readonly string[] Months = ["Jan.", "Feb.", "Mar.", "Apr.", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."];

    public static CitationText Format(CitedRecord cited)
    {
        var text = new CitationText();
        var first = new List<string>();
        if (cited.Translators.Count > 0)
        {
            var names = cited.Translators.Select(t => t.Natural()).ToList();
            first.Add("Translated by " + (names.Count > 2 ? names[0] + " et al." : Punctuation.List(names)));
        }
        if (cited.Date is { } date) first.Add(Date(date));
        // MLA 5.6-5.8: one author inverted; two, the second in natural order after "and"; three or more, the first and "et al.".
        if (cited.Creators.Count > 0)
        {
            var lead = cited.Creators[0].Inverted();
            var authors = cited.Creators.Count switch
            {
                1 => lead,
                2 => lead + ", and " + cited.Creators[1].Natural(),
                _ => lead + ", et al.",
            };
            text.Append(Punctuation.Sentence(authors) + " ");
        }
        text.Append(Punctuation.Quoted(cited.Title, '.'));
        if (first.Count > 0) text.Append(" " + Punctuation.Sentence(string.Join(", ", first)));
        if (cited.ArchiveLocation is { } location) text.Append(" " + Punctuation.Sentence(location));
        text.Append(" ").AppendItalic(cited.Archive);
        text.Append(cited.Url is { } url ? ", " + Punctuation.Sentence(Punctuation.WithoutScheme(url)) : Punctuation.EndsInStop(cited.Archive) ? "" : ".");
        if (cited.Accessed is { } accessed) text.Append(" Accessed " + Date(new PartialDate(accessed.Year, accessed.Month, accessed.Day)) + ".");
        return text;
    }

    /// <summary>"29 Jan. 1964", "Nov. 1951", "1951".</summary>
    public static string Date(PartialDate date)
    {
        var year = date.Year.ToString(CultureInfo.InvariantCulture);
        if (date.Month is not { } month) return year;
        return date.Day is { } day ? $"{day.ToString(CultureInfo.InvariantCulture)} {Months[month - 1]} {year}" : $"{Months[month - 1]} {year}";
    }
}

/// <summary>
/// A reference in APA style (Publication Manual, 7th ed.): a record has no author, so its title, in italics as an
/// unpublished work, takes the author's place (9.12); translators follow as initials and family names with "Trans."
/// (9.39, 10.2), the kind of document in square brackets (9.21); the date in parentheses as year, month and day as
/// far as known, or "n.d." (9.17); then the archival location and the archive (10.8), and the URL with no final
/// period (9.35). Titles keep the capitals the record gives them: a record's title is a formal archival title whose
/// proper names a machine cannot tell from common words.
/// <c><i>Title</i> (G. Goldberg, Trans.) [Memorandum of conversation]. (1964, January 29). Location. Archive. URL</c>
/// </summary>
public static class ApaCitation
{
    private static readonly string[] Months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    public static CitationText Format(CitedRecord cited)
    {
        var text = new CitationText();
        if (cited.Creators.Count > 0)
        {
            // APA 9.8: every author to twenty, family name and initials, "&" before the last; the date follows them.
            var names = cited.Creators.Select(c => c.InvertedInitials()).ToList();
            var authors = names.Count switch
            {
                1 => names[0],
                2 => names[0] + ", & " + names[1],
                <= 20 => string.Join(", ", names.Take(names.Count - 1)) + ", & " + names[^1],
                _ => string.Join(", ", names.Take(19)) + ", . . . " + names[^1],
            };
            text.Append(Punctuation.Sentence(authors) + " (" + Date(cited.Date) + "). ");
        }
        text.AppendItalic(cited.Title);
        var after = "";
        if (cited.Translators.Count > 0)
            after += $" ({Punctuation.List([.. cited.Translators.Select(t => t.Initialed())], "&")}, Trans.)";
        if (cited.Genre is { } genre) after += $" [{SentenceCase(genre)}]";
        // The title's own ? or ! ends the element when nothing follows it inside the element (9.13).
        text.Append(after.Length == 0 && Punctuation.EndsInStop(cited.Title) ? "" : after + ".");
        if (cited.Creators.Count == 0) text.Append(" (" + Date(cited.Date) + ").");
        if (cited.ArchiveLocation is { } location) text.Append(" " + Punctuation.Sentence(location));
        text.Append(" " + Punctuation.Sentence(cited.Archive));
        if (cited.Url is { } url) text.Append(" " + url);
        return text;
    }

    public static string Date(PartialDate? date)
    {
        if (date is not { } d) return "n.d.";
        var year = d.Year.ToString(CultureInfo.InvariantCulture);
        if (d.Month is not { } month) return year;
        return d.Day is { } day ? $"{year}, {Months[month - 1]} {day.ToString(CultureInfo.InvariantCulture)}" : $"{year}, {Months[month - 1]}";
    }

    // "Memorandum of Conversation" → "Memorandum of conversation" (a description in brackets is in sentence case, 9.21).
    private static string SentenceCase(string genre)
    {
        var words = genre.Split(' ');
        for (var i = 1; i < words.Length; i++)
        {
            // An acronym ("CPSU", "TASS") stays as it is.
            if (words[i].Length > 1 && words[i].All(c => !char.IsLetter(c) || char.IsUpper(c))) continue;
            words[i] = words[i].ToLowerInvariant();
        }
        return string.Join(' ', words);
    }
}
