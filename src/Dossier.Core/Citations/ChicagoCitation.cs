using System.Text;
using Dossier.Records;

namespace Dossier.Citations;

/// <summary>
/// The Chicago notes-bibliography line as the archive prints it:
/// <c>"Title," Date, Repository, Source. Provenance.</c> Parts that are missing leave no stray punctuation.
/// </summary>
public static class ChicagoCitation
{
    public static string Format(ArchivalRecord record, string fallbackRepository) => Format(CitedRecord.From(record, fallbackRepository));

    public static string Format(CitedRecord cited)
    {
        var sb = new StringBuilder();
        var title = cited.Title;
        var date = cited.Date?.ToLongEnglish();
        var repository = cited.Archive;
        var source = cited.ArchiveLocation;
        var provenance = cited.Provenance;

        string[] rest = [.. new[] { date, repository, source }.Where(p => !string.IsNullOrEmpty(p)).Cast<string>()];

        // A record that names its author (or sender) begins with it, as a note does (CMOS 14.76); the archive's own
        // records name none, and their line is the archive's.
        if (cited.Creators.Count > 0) sb.Append(Punctuation.NoteAuthors(cited.Creators)).Append(", ");
        if (title.Length > 0)
        {
            sb.Append(Punctuation.Quoted(title, rest.Length > 0 ? ',' : '.'));
            if (rest.Length > 0) sb.Append(' ');
        }
        if (rest.Length > 0)
        {
            sb.Append(string.Join(", ", rest)).Append('.');
        }
        if (!string.IsNullOrEmpty(provenance))
        {
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(provenance).Append('.');
        }
        return sb.ToString();
    }
}
