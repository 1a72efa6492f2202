using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Xml;
using Dossier.Citations;
using Dossier.Data;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Export;

/// <summary>A format records are exported in: its name on the command line and in the API, media type and file extension.</summary>
public sealed record ExportFormat(string Key, string Name, string ContentType, string Extension)
{
    public static readonly ExportFormat JsonLines = new("jsonl", "JSON Lines", "application/jsonl", ".jsonl");
    public static readonly ExportFormat Csv = new("csv", "CSV", "text/csv", ".csv");
    public static readonly ExportFormat OaiDcXml = new("oai_dc-xml", "Dublin Core XML", "application/xml", ".xml");
    public static readonly ExportFormat Tei = new("tei", "TEI", "application/tei+xml", ".xml");

    public static readonly IReadOnlyList<ExportFormat> All = [JsonLines, Csv, OaiDcXml, Tei];

    public static ExportFormat? Find(string? key) => All.FirstOrDefault(f => string.Equals(f.Key, key?.Trim(), StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Writes records out for other tools and for moving an archive: JSON Lines (the import's own shape, so an export
/// imports again without loss), CSV (a row a record, a column a field, the text of each language in its own column),
/// Dublin Core XML and TEI. Records are read in batches in the order of their numbers, so an export of a whole
/// archive needs no more memory than a batch. The export carries no time or place of its own: the same records
/// always export to the same bytes.
/// </summary>
public sealed class RecordExport(DossierDb db, string archiveName)
{
    private const int BatchSize = 500;

    private static readonly JsonSerializerOptions JsonLinesOptions = new(RecordDocument.JsonOptions)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The permalink of a record, when the export knows where the archive is served (the web download does).</summary>
    public Func<int, string>? UrlOf { get; init; }

    /// <summary>The numbers of every record the context may see (a visitor's: the published ones), in order.</summary>
    public Task<List<int>> AllIdsAsync(CancellationToken cancellationToken) =>
        db.Records.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);

    public async Task<int> WriteAsync(IReadOnlyList<int> ids, ExportFormat format, Stream output, IProgress<(int Done, int Total)>? progress, CancellationToken cancellationToken)
    {
        var written = 0;
        progress?.Report((0, ids.Count));
        if (format == ExportFormat.JsonLines || format == ExportFormat.Csv)
        {
            // JSON Lines ends a line with LF; CSV with CRLF, as RFC 4180 has it.
            await using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = format == ExportFormat.Csv ? "\r\n" : "\n" };
            string[] languages = [];
            if (format == ExportFormat.Csv)
            {
                languages = await LanguagesAsync(ids, cancellationToken);
                await text.WriteLineAsync(CsvLine([.. CsvColumns, .. languages.Select(l => "text_" + l)]));
            }
            await foreach (var record in ReadAsync(ids, cancellationToken))
            {
                if (format == ExportFormat.JsonLines) await text.WriteLineAsync(JsonSerializer.Serialize(Document(record), JsonLinesOptions));
                else await text.WriteLineAsync(CsvLine(CsvRow(record, languages)));
                if (++written % 100 == 0) progress?.Report((written, ids.Count));
            }
        }
        else
        {
            var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, Async = true };
            await using var xml = XmlWriter.Create(output, settings);
            await xml.WriteStartDocumentAsync();
            if (format == ExportFormat.OaiDcXml)
            {
                xml.WriteStartElement("records", "urn:dossier:export:1");
                xml.WriteAttributeString("archive", archiveName);
            }
            else
            {
                TeiExport.Begin(xml, archiveName);
            }
            await foreach (var record in ReadAsync(ids, cancellationToken))
            {
                if (format == ExportFormat.OaiDcXml) DublinCore.WriteElement(xml, CitedRecord.From(record, archiveName, UrlOf?.Invoke(record.Id)));
                else TeiExport.Write(xml, record);
                if (++written % 100 == 0) progress?.Report((written, ids.Count));
            }
            if (format == ExportFormat.Tei) TeiExport.End(xml);
            else xml.WriteEndElement();
            await xml.WriteEndDocumentAsync();
        }
        progress?.Report((written, ids.Count));
        return written;
    }

    /// <summary>The import's shape, without what belongs to this archive alone (its number, its address, its citation).</summary>
    private static RecordDocument Document(ArchivalRecord record) =>
        RecordDocument.From(record, url: null, fallbackRepository: "") with { Id = null, Citation = null, Url = null };

    private async IAsyncEnumerable<ArchivalRecord> ReadAsync(IReadOnlyList<int> ids, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var batch in ids.Chunk(BatchSize))
        {
            var records = await db.Records.AsNoTracking().Where(r => batch.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync(cancellationToken);
            var transcripts = await db.Transcripts.IgnoreQueryFilters().AsNoTracking().Where(t => batch.Contains(t.ArchivalRecordId))
                .OrderBy(t => t.ArchivalRecordId).ThenBy(t => t.Position).ToListAsync(cancellationToken);
            var byRecord = transcripts.ToLookup(t => t.ArchivalRecordId);
            foreach (var record in records)
            {
                record.Transcripts = [.. byRecord[record.Id]];
                yield return record;
            }
        }
    }

    private async Task<string[]> LanguagesAsync(IReadOnlyList<int> ids, CancellationToken cancellationToken)
    {
        var languages = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var batch in ids.Chunk(BatchSize))
            languages.UnionWith(await db.Transcripts.Where(t => batch.Contains(t.ArchivalRecordId)).Select(t => t.Language).Distinct().ToListAsync(cancellationToken));
        return [.. languages];
    }

    private static readonly string[] CsvColumns =
    [
        "id", "url", "recordId", "title", "date", "summary", "type", "classification", "languages", "creators", "recipients", "place",
        "subjects", "source", "archive", "fond", "opis", "papka", "delo", "pages", "reel", "box", "item", "provenance", "obtainedBy", "translators",
        "donors", "rights", "uploadedDate", "repository", "notes",
    ];

    // Several values in a cell are separated by "; " (a value's own "; " would be read as two).
    private IEnumerable<string?> CsvRow(ArchivalRecord r, string[] languages)
    {
        static string Many(IEnumerable<string> values) => string.Join("; ", values);
        var s = r.Source;
        return
        [
            r.Id.ToString(CultureInfo.InvariantCulture), UrlOf?.Invoke(r.Id), r.RecordId, r.Title, r.Date, r.Summary, r.Type, r.Classification,
            Many(r.Languages), Many(r.Creators), Many(r.Recipients), r.Place, Many(r.Subjects), s.Text, s.Archive, s.Fond, s.Opis, s.Papka,
            s.Delo, s.Pages, s.Reel, s.Box, s.Item, r.Provenance, Many(r.ObtainedBy), Many(r.Translators), Many(r.Donors), r.Rights, r.UploadedDate,
            r.Repository, r.Notes,
            .. languages.Select(l => r.Transcripts.FirstOrDefault(t => t.Language == l)?.Text),
        ];
    }

    /// <summary>
    /// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled. A field a spreadsheet would
    /// take for a formula (=, +, -, @, a tab or a carriage return first, and not a number) begins with an apostrophe, which spreadsheets show as text and do not run.
    /// </summary>
    public static string CsvLine(IEnumerable<string?> fields) => string.Join(',', fields.Select(f =>
    {
        if (string.IsNullOrEmpty(f)) return "";
        // A number is data, not a formula: "-77.03" stays as it is.
        if (f[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !double.TryParse(f, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _)) f = "'" + f;
        return f.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + f.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : f;
    }));
}
