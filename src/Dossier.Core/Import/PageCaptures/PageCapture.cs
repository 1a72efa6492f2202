using Dossier.Records;
using Dossier.Sources;

namespace Dossier.Import.PageCaptures;

/// <summary>What one page capture says about its record, before it becomes one.</summary>
public sealed class PageCapture
{
    /// <summary>Whether the page showed any sign of the archive's layouts (its chrome, labels, citation or donors line).</summary>
    public bool KnownSite { get; set; }

    /// <summary>A page listing search results (many records' dates and titles), not one record's page.</summary>
    public bool Listing { get; set; }

    /// <summary>The Record ID was read from the archive's address for the record, not from a "Record ID" field.</summary>
    public bool RecordIdFromAddress { get; set; }

    public CitationLine? Citation { get; set; }
    public string? HeaderTitle { get; set; }

    /// <summary>Whether something beside its place confirms the title line (the citation, the donors line under it).</summary>
    public bool TitleConfirmed { get; set; }
    public PartialDate? Date { get; set; }
    public string? Summary { get; private set; }

    /// <summary>Where on the page the summary stood ("above the citation").</summary>
    public string? SummaryFrom { get; private set; }

    public void SetSummary(string summary, string from) => (Summary, SummaryFrom) = (summary, from);

    /// <summary>No word or marker told the text's language: English was assumed.</summary>
    public bool LanguageAssumed { get; set; }

    /// <summary>Where the declared languages were read ("the Language field").</summary>
    public string? LanguagesFrom { get; set; }

    /// <summary>A summary-like sentence found inside or after the information block: the summary when none stands above it.</summary>
    public string? SummaryInBlock { get; set; }
    public string? SourceText { get; set; }
    public string? Provenance { get; set; }
    public List<string> Donors { get; } = [];
    public string? Rights { get; set; }
    public PartialDate? UploadedDate { get; set; }
    public string? Type { get; set; }
    public List<string> DeclaredLanguages { get; } = [];
    public string? RecordId { get; set; }
    public string? Classification { get; set; }
    public List<TranscriptDocument> Transcripts { get; } = [];

    public string? Title => Citation?.Title ?? HeaderTitle;

    public void AddDonor(string donor)
    {
        if (!Donors.Contains(donor, StringComparer.OrdinalIgnoreCase)) Donors.Add(donor);
    }

    /// <summary>Which of the record's main fields the page gave, and where each was read; a title only its place vouches for is a guess.</summary>
    public IReadOnlyList<FieldReading> Reading()
    {
        var title = Citation is not null
            ? new FieldReading("title", HeaderTitle is not null ? "the citation line and the heading" : "the citation line")
            : HeaderTitle is not null
                ? TitleConfirmed ? new FieldReading("title", "the title line") : new FieldReading("title", "the first line after the date", Guessed: true)
                : new FieldReading("title", null);
        var date = Date is not null
            ? new FieldReading("date", Citation?.Date is { } cited && cited == Date ? "the date line and the citation" : "the date line")
            : new FieldReading("date", Citation?.Date is not null ? "the citation line" : null);
        var source = new FieldReading("source", SourceText is not null ? "the document information" : Citation?.SourceText is not null ? "the citation line" : null);
        var languages = (DeclaredLanguages.Count > 0, Transcripts.Count > 0) switch
        {
            (true, true) => LanguagesFrom + " and the text",
            (true, false) => LanguagesFrom,
            (false, true) => "the text",
            _ => null,
        };
        var language = LanguageAssumed && DeclaredLanguages.Count == 0
            ? new FieldReading("language", "English assumed: the text's words tell no language", Guessed: true)
            : new FieldReading("language", languages);
        return
        [
            title, date, new FieldReading("summary", SummaryFrom), source,
            new FieldReading("type", Type is null ? null : "the document information"), language,
        ];
    }

    /// <summary>The record this page describes; parts found in both the citation and the information block agree, the block wins.</summary>
    public ArchivalRecord ToRecord()
    {
        var sourceText = SourceText ?? Citation?.SourceText;
        var provenance = Provenance ?? Citation?.Provenance;
        var (obtainedBy, translators) = Sources.Provenance.People(provenance);
        var languages = new List<string>();
        foreach (var code in Transcripts.Select(t => t.Language).Concat(DeclaredLanguages))
            if (!languages.Contains(code, StringComparer.OrdinalIgnoreCase)) languages.Add(code);

        return new ArchivalRecord
        {
            RecordId = RecordId,
            Title = Title ?? "",
            Date = (Date ?? Citation?.Date)?.ToIso(),
            Summary = Summary,
            Type = Type,
            Classification = Classification,
            Languages = languages,
            Source = ArchivalReference.Parse(sourceText),
            Provenance = provenance,
            ObtainedBy = [.. obtainedBy],
            Translators = [.. translators],
            Donors = [.. Donors],
            Rights = Rights,
            UploadedDate = UploadedDate?.ToIso(),
            Repository = Citation?.Repository ?? (KnownSite ? PageCaptureParser.ArchiveName : null),
            Transcripts = Transcripts.Select((t, i) => new Transcript { Language = t.Language, Text = t.Text, Position = i }).ToList(),
        };
    }
}
