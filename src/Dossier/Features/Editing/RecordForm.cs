using System.ComponentModel.DataAnnotations;
using Dossier.Languages;
using Dossier.Records;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>
/// Every field of a record as the editing form posts it. Lists (people, donors) are one a line; a transcript is a
/// language and a text, removed by ticking it; one empty transcript at the end adds a language.
/// </summary>
public sealed class RecordForm : IValidatableObject
{
    // Checked in Validate with the rest: property attributes that fail would hide every other message.
    public string? Title { get; set; }

    public string? Date { get; set; }
    public string? Summary { get; set; }
    public string? Type { get; set; }
    public string? Classification { get; set; }

    public string? RecordId { get; set; }

    /// <summary>BCP 47 codes or English names, separated by commas.</summary>
    public string? Languages { get; set; }

    public string? SourceText { get; set; }
    public string? SourceArchive { get; set; }
    public string? SourceFond { get; set; }
    public string? SourceOpis { get; set; }
    public string? SourcePapka { get; set; }
    public string? SourceDelo { get; set; }
    public string? SourcePages { get; set; }
    public string? SourceReel { get; set; }
    public string? SourceBox { get; set; }
    public string? SourceItem { get; set; }
    public string? Creators { get; set; }
    public string? Recipients { get; set; }
    public string? Place { get; set; }
    public string? Subjects { get; set; }
    public string? Notes { get; set; }
    public string? Provenance { get; set; }
    public string? ObtainedBy { get; set; }
    public string? Translators { get; set; }
    public string? Donors { get; set; }
    public string? Rights { get; set; }
    public string? UploadedDate { get; set; }
    public string? Repository { get; set; }
    public List<TranscriptForm> Transcripts { get; set; } = [];

    public sealed class TranscriptForm
    {
        public string? Language { get; set; }
        public string? Text { get; set; }
        public bool Remove { get; set; }
    }

    /// <summary>The transcripts kept: not removed, and not the empty slot for a new one.</summary>
    private IEnumerable<TranscriptForm> Kept => Transcripts.Where(t => !t.Remove && !(string.IsNullOrWhiteSpace(t.Language) && string.IsNullOrWhiteSpace(t.Text)));

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        // The messages in the reader's language (the request's services hold the pages' words).
        var text = validationContext.GetRequiredService<IStringLocalizer<Text>>();
        if (string.IsNullOrWhiteSpace(Title)) yield return new(text["A record needs a title."], [nameof(Title)]);
        else if (Title.Length > 2000) yield return new(text["A title has 2,000 characters at most."], [nameof(Title)]);
        if (RecordId?.Trim().Length > 64) yield return new(text["A Record ID has 64 characters at most."], [nameof(RecordId)]);
        if (!string.IsNullOrWhiteSpace(Date) && !PartialDate.TryParseIso(Date.Trim(), out _))
            yield return new(text["Write the date as YYYY, YYYY-MM or YYYY-MM-DD (for example 1962-10-27)."], [nameof(Date)]);
        if (!string.IsNullOrWhiteSpace(UploadedDate) && !PartialDate.TryParseIso(UploadedDate.Trim(), out _))
            yield return new(text["Write the date as YYYY, YYYY-MM or YYYY-MM-DD."], [nameof(UploadedDate)]);
        foreach (var language in Split(Languages, ','))
            if (LanguageNames.ToCode(language) is null)
                yield return new(text["'{0}' is not a language code (such as en, ru, es) or an English language name.", language], [nameof(Languages)]);
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < Transcripts.Count; i++)
        {
            var t = Transcripts[i];
            if (t.Remove || (string.IsNullOrWhiteSpace(t.Language) && string.IsNullOrWhiteSpace(t.Text))) continue;
            var field = $"{nameof(Transcripts)}[{i}].{nameof(TranscriptForm.Language)}";
            if (LanguageNames.ToCode(t.Language) is not { } code)
                yield return new(text["Give the transcript's language (such as en or ru)."], [field]);
            else if (!seen.Add(code))
                yield return new(text["There is already a transcript in {0}: a record holds one text per language.", LanguageNames.EnglishName(code)], [field]);
            if (string.IsNullOrWhiteSpace(t.Text))
                yield return new(text["A transcript needs its text (tick Remove to take it out)."], [$"{nameof(Transcripts)}[{i}].{nameof(TranscriptForm.Text)}"]);
        }
    }

    /// <summary>The form as the JSON shape of a record, read by the same rules as an import.</summary>
    public RecordDocument ToDocument() => new()
    {
        RecordId = RecordId,
        Title = Title,
        Date = Blank(Date),
        Summary = Summary,
        Type = Type,
        Classification = Classification,
        Languages = [.. Split(Languages, ',')],
        Source = new SourceDocument
        {
            Text = SourceText,
            Archive = SourceArchive,
            Fond = SourceFond,
            Opis = SourceOpis,
            Papka = SourcePapka,
            Delo = SourceDelo,
            Pages = SourcePages,
            Reel = SourceReel,
            Box = SourceBox,
            Item = SourceItem,
        },
        Creators = [.. Split(Creators, '\n')],
        Recipients = [.. Split(Recipients, '\n')],
        Place = Place,
        Subjects = [.. Split(Subjects, '\n')],
        Notes = Notes,
        Provenance = Provenance,
        ObtainedBy = [.. Split(ObtainedBy, '\n')],
        Translators = [.. Split(Translators, '\n')],
        Donors = [.. Split(Donors, '\n')],
        Rights = Rights,
        UploadedDate = Blank(UploadedDate),
        Repository = Repository,
        Transcripts = [.. Kept.Select(t => new TranscriptDocument(t.Language!.Trim(), t.Text!))],
    };

    public static RecordForm From(ArchivalRecord record) => new()
    {
        Title = record.Title,
        Date = record.Date,
        Summary = record.Summary,
        Type = record.Type,
        Classification = record.Classification,
        RecordId = record.RecordId,
        Languages = string.Join(", ", record.Languages),
        SourceText = record.Source.Text,
        SourceArchive = record.Source.Archive,
        SourceFond = record.Source.Fond,
        SourceOpis = record.Source.Opis,
        SourcePapka = record.Source.Papka,
        SourceDelo = record.Source.Delo,
        SourcePages = record.Source.Pages,
        SourceReel = record.Source.Reel,
        SourceBox = record.Source.Box,
        SourceItem = record.Source.Item,
        Creators = string.Join("\n", record.Creators),
        Recipients = string.Join("\n", record.Recipients),
        Place = record.Place,
        Subjects = string.Join("\n", record.Subjects),
        Notes = record.Notes,
        Provenance = record.Provenance,
        ObtainedBy = string.Join("\n", record.ObtainedBy),
        Translators = string.Join("\n", record.Translators),
        Donors = string.Join("\n", record.Donors),
        Rights = record.Rights,
        UploadedDate = record.UploadedDate,
        Repository = record.Repository,
        Transcripts = [.. record.Transcripts.OrderBy(t => t.Position).Select(t => new TranscriptForm { Language = t.Language, Text = t.Text })],
    };

    private static IEnumerable<string> Split(string? text, char separator) =>
        (text ?? "").Split(separator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
