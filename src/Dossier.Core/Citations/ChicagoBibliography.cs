namespace Dossier.Citations;

/// <summary>
/// A bibliography entry in Chicago notes-bibliography style (CMOS 17, 14.221–14.232 for unpublished documents,
/// 14.104 for translators): elements separated by periods, <c>"Title." Translated by A and B. Date. Location.
/// Archive. URL.</c> With no date it gives "n.d." (14.309) and then the access date (14.12: given when a source has no
/// date).
/// </summary>
public static class ChicagoBibliography
{
    public static CitationText Format(CitedRecord cited)
    {
        var parts = new List<string>();
        if (cited.Creators.Count > 0) parts.Add(Punctuation.Sentence(Authors(cited.Creators)));
        parts.Add(Punctuation.Quoted(cited.Title, '.'));
        if (cited.Translators.Count > 0)
            parts.Add(Punctuation.Sentence("Translated by " + Punctuation.List([.. cited.Translators.Select(t => t.Natural())])));
        parts.Add(cited.Date is { } date ? date.ToLongEnglish() + "." : "n.d.");
        if (cited.ArchiveLocation is { } location) parts.Add(Punctuation.Sentence(location));
        parts.Add(Punctuation.Sentence(cited.Archive));
        if (cited.Date is null && cited.Accessed is { } accessed && cited.Url is not null)
            parts.Add("Accessed " + ChicagoDates.Long(accessed) + ".");
        if (cited.Url is { } url) parts.Add(url + ".");
        return new CitationText().Append(string.Join(' ', parts));
    }

    // CMOS 14.76: the first author inverted, the others in natural order; more than ten: the first seven and "et al.".
    private static string Authors(IReadOnlyList<PersonName> creators)
    {
        var names = creators.Select((c, i) => i == 0 ? c.Inverted() : c.Natural()).ToList();
        if (names.Count > 10) return string.Join(", ", names.Take(7)) + ", et al.";
        return names.Count == 2 ? names[0] + ", and " + names[1] : Punctuation.List(names);
    }
}

/// <summary>
/// The first, full note for a record in Turabian style (Turabian 9, 16.1 and 17.6: notes separate elements with commas
/// and abbreviate "trans."): <c>"Title," trans. A and B, Date, Location, Archive, URL.</c> With no date it gives
/// "n.d." and the access date (Turabian 15.4.1.5).
/// </summary>
public static class TurabianNote
{
    public static CitationText Format(CitedRecord cited)
    {
        var rest = new List<string>();
        var authors = cited.Creators.Count > 0 ? Punctuation.NoteAuthors(cited.Creators) + ", " : "";
        if (cited.Translators.Count > 0) rest.Add("trans. " + Punctuation.List([.. cited.Translators.Select(t => t.Natural())]));
        rest.Add(cited.Date is { } date ? date.ToLongEnglish() : "n.d.");
        if (cited.ArchiveLocation is { } location) rest.Add(location);
        rest.Add(cited.Archive);
        if (cited.Date is null && cited.Accessed is { } accessed && cited.Url is not null) rest.Add("accessed " + ChicagoDates.Long(accessed));
        if (cited.Url is { } url) rest.Add(url);
        // A title ending in ? or ! keeps its mark and takes no comma: "Who Lost Cuba?" 1961, ...
        var title = Punctuation.Quoted(cited.Title, ',');
        var body = string.Join(", ", rest);
        return new CitationText().Append(authors + title + " " + Punctuation.Sentence(body));
    }
}

internal static class ChicagoDates
{
    public static string Long(DateOnly day) => new Records.PartialDate(day.Year, day.Month, day.Day).ToLongEnglish();
}
