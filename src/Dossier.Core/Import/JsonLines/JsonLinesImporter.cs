using System.Globalization;
using System.Text;
using System.Text.Json;
using Dossier.Import.PageCaptures;
using Dossier.Languages;
using Dossier.Records;
using Dossier.Sources;

namespace Dossier.Import.JsonLines;

/// <summary>
/// Imports JSON Lines (<c>.jsonl</c>, <c>.ndjson</c>): one record a line in the shape of
/// <c>GET /api/documents/{id}</c>. A line that cannot be read is reported with its number; the others import.
/// </summary>
public sealed class JsonLinesImporter : IRecordImporter
{
    public string Format => "JSON Lines";

    public bool Accepts(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".jsonl" or ".ndjson";

    /// <summary>Streams the file line by line: a JSON Lines export of a whole archive need not fit in memory.</summary>
    public IEnumerable<ImportItem> Read(string path)
    {
        StreamReader? reader = null;
        var openError = TryOpen(path, ref reader);
        if (openError is not null)
        {
            yield return ImportItem.Failed(path, openError);
            yield break;
        }
        using (reader)
        {
            var number = 0;
            var records = 0;
            while (true)
            {
                number++;
                var (line, readError) = TryReadLine(reader!);
                if (readError is not null)
                {
                    yield return ImportItem.Failed(path, readError);
                    yield break;
                }
                if (line is null) break;
                if (number == 1) line = line.TrimStart('\uFEFF');
                if (line.Contains('\0', StringComparison.Ordinal))
                {
                    yield return ImportItem.Failed(path, "the file is binary, not text");
                    yield break;
                }
                if (string.IsNullOrWhiteSpace(line)) continue;
                records++;
                yield return ReadLine(string.Create(CultureInfo.InvariantCulture, $"{path}:{number}"), line, Path.GetDirectoryName(Path.GetFullPath(path)));
            }
            if (records == 0) yield return ImportItem.Failed(path, "the file is empty");
        }
    }

    internal static ImportItem ReadLine(string location, string line, string? folder = null)
    {
        var (document, parseError) = Deserialize(line);
        if (parseError is not null) return ImportItem.Failed(location, parseError);
        if (document is null) return ImportItem.Failed(location, "not a JSON record: the line is null");
        var error = Validate(document);
        if (error is not null) return ImportItem.Failed(location, error);
        var originals = new List<string>();
        foreach (var original in document.Originals ?? [])
        {
            if (OriginalPaths.Resolve(folder, original) is not { } resolved)
                return ImportItem.Failed(location, $"originals: '{original}' is not a path inside the file's folder");
            originals.Add(resolved);
        }
        return ImportItem.Of(location, ToRecord(document)) with { Originals = originals };
    }

    private static string? TryOpen(string path, ref StreamReader? reader)
    {
        try
        {
            reader = new StreamReader(path, TextFile.StrictUtf8, detectEncodingFromByteOrderMarks: false);
            return null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return e.Message;
        }
    }

    private static (string? Line, string? Error) TryReadLine(StreamReader reader)
    {
        try
        {
            return (reader.ReadLine(), null);
        }
        catch (DecoderFallbackException)
        {
            return (null, "the file is not UTF-8 text (binary, or text in another encoding)");
        }
        catch (IOException e)
        {
            return (null, e.Message);
        }
    }

    private static (RecordDocument? Document, string? Error) Deserialize(string line)
    {
        try
        {
            return (JsonSerializer.Deserialize<RecordDocument>(line, RecordDocument.JsonOptions), null);
        }
        catch (JsonException e)
        {
            return (null, "not a JSON record: " + e.Message);
        }
    }

    /// <summary>Why a record in its JSON shape cannot be taken in, or null when it can.</summary>
    public static string? Validate(RecordDocument d)
    {
        if (string.IsNullOrWhiteSpace(d.Title)) return "title is required";
        if (d.Date is not null && !PartialDate.TryParseIso(d.Date, out _)) return $"date '{d.Date}' is not an ISO 8601 date (YYYY, YYYY-MM or YYYY-MM-DD)";
        if (d.UploadedDate is not null && !PartialDate.TryParseIso(d.UploadedDate, out _)) return $"uploadedDate '{d.UploadedDate}' is not an ISO 8601 date";
        foreach (var language in d.Languages ?? [])
            if (LanguageNames.ToCode(language) is null) return $"language '{language}' is not a BCP 47 code";
        foreach (var t in d.Transcripts ?? [])
        {
            if (t is null || string.IsNullOrWhiteSpace(t.Language) || LanguageNames.ToCode(t.Language) is null)
                return "every transcript needs a BCP 47 language";
            if (t.Text is null) return $"the {t.Language} transcript has no text";
        }
        var repeated = (d.Transcripts ?? []).GroupBy(t => LanguageNames.ToCode(t.Language)).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null) return $"two transcripts in the same language ({repeated.Key}); a record holds one text per language";
        return null;
    }

    /// <summary>A record from its JSON shape, by the rules of the import (parts of a reference, people from provenance, language codes).</summary>
    public static ArchivalRecord ToRecord(RecordDocument d)
    {
        var source = d.Source is null ? new ArchivalSource() : new ArchivalSource
        {
            Text = Blank(d.Source.Text),
            Archive = Blank(d.Source.Archive),
            Fond = Blank(d.Source.Fond),
            Opis = Blank(d.Source.Opis),
            Papka = Blank(d.Source.Papka),
            Delo = Blank(d.Source.Delo),
            Pages = Blank(d.Source.Pages),
            Reel = Blank(d.Source.Reel),
            Box = Blank(d.Source.Box),
            Item = Blank(d.Source.Item),
        };
        // A record that gives only the reference's text gets its parts read the same way as an imported page's.
        if (source.Text is not null && source.Archive is null && source.Fond is null && source.Opis is null && source.Delo is null
            && source.Papka is null && source.Pages is null && source.Reel is null && source.Box is null && source.Item is null)
        {
            source = ArchivalReference.Parse(source.Text);
        }

        var provenance = Blank(d.Provenance);
        var obtainedBy = (d.ObtainedBy ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        var translators = (d.Translators ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).ToList();
        if (obtainedBy.Count == 0 && translators.Count == 0 && provenance is not null)
        {
            var people = Provenance.People(provenance);
            obtainedBy = [.. people.ObtainedBy];
            translators = [.. people.Translators];
        }

        var transcripts = (d.Transcripts ?? [])
            .Select((t, i) => new Transcript { Language = LanguageNames.ToCode(t.Language)!, Text = t.Text.Replace("\r\n", "\n", StringComparison.Ordinal), Position = i })
            .ToList();
        var languages = (d.Languages ?? []).Select(l => LanguageNames.ToCode(l)!).ToList();
        foreach (var t in transcripts)
            if (!languages.Contains(t.Language, StringComparer.OrdinalIgnoreCase)) languages.Add(t.Language);

        var repository = Blank(d.Repository);
        if (repository is null && d.Citation?.Chicago is { } chicago) repository = CitationLine.TryParse(chicago)?.Repository;

        return new ArchivalRecord
        {
            RecordId = Blank(d.RecordId),
            Title = d.Title!.Trim(),
            Date = Blank(d.Date),
            Summary = Blank(d.Summary),
            Type = Blank(d.Type),
            Classification = Blank(d.Classification),
            Languages = languages,
            Source = source,
            Creators = Names(d.Creators),
            Recipients = Names(d.Recipients),
            Place = Blank(d.Place),
            Subjects = Names(d.Subjects),
            Notes = Blank(d.Notes?.Replace("\r\n", "\n", StringComparison.Ordinal)),
            Provenance = provenance,
            ObtainedBy = obtainedBy,
            Translators = translators,
            Donors = Names(d.Donors),
            Rights = Blank(d.Rights),
            UploadedDate = Blank(d.UploadedDate),
            Repository = repository,
            Transcripts = transcripts,
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static List<string> Names(IEnumerable<string>? names) => [.. (names ?? []).Where(n => !string.IsNullOrWhiteSpace(n)).Select(n => n.Trim())];

}
