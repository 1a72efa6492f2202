using System.Text;
using Dossier.Records;

namespace Dossier.Citations;

/// <summary>
/// The Chicago notes-bibliography line as the archive prints it:
/// <c>"Title," Date, Repository, Source. Provenance.</c> Parts that are missing leave no stray punctuation.
/// </summary>
public static class ChicagoCitation
{
    public static string Format(ArchivalRecord record, string fallbackRepository)
    {
        var sb = new StringBuilder();
        var title = record.Title.Trim();
        var date = PartialDate.TryParseIso(record.Date, out var d) ? d.ToLongEnglish() : null;
        var repository = string.IsNullOrWhiteSpace(record.Repository) ? fallbackRepository : record.Repository.Trim();
        var source = record.Source.Text?.Trim().TrimEnd('.');
        var provenance = record.Provenance?.Trim().TrimEnd('.');

        string[] rest = [.. new[] { date, repository, source }.Where(p => !string.IsNullOrEmpty(p)).Cast<string>()];

        if (title.Length > 0)
        {
            // A title that ends in its own question or exclamation mark takes no comma inside the quotes.
            var ownStop = title[^1] is '?' or '!';
            sb.Append('"').Append(title);
            if (rest.Length > 0) sb.Append(ownStop ? "\" " : ",\" ");
            else sb.Append(ownStop ? "\"" : ".\"");
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
