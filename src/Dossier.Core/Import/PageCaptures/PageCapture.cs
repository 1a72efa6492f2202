using Dossier.Records;
using Dossier.Sources;

namespace Dossier.Import.PageCaptures;

/// <summary>What one page capture says about its record, before it becomes one.</summary>
public sealed class PageCapture
{
    /// <summary>Whether the page showed any sign of the archive's layouts (its chrome, labels, citation or donors line).</summary>
    public bool KnownSite { get; set; }

    public CitationLine? Citation { get; set; }
    public string? HeaderTitle { get; set; }
    public PartialDate? Date { get; set; }
    public string? Summary { get; set; }

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
