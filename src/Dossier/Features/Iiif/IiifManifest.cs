using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dossier.Originals;
using Dossier.Records;

namespace Dossier.Features.Iiif;

/// <summary>
/// A record as a IIIF Presentation 3 manifest: a canvas per page of its originals, in order, each painted with the
/// page's image (and its level 0 image service) and supplemented by the page's machine-read text; a range per file
/// when there are several; the record's description as metadata; its transcripts as annotations of the manifest.
/// </summary>
public static partial class IiifManifest
{
    public static JsonObject Build(ArchivalRecord record, IReadOnlyList<Original> originals, string site, string archiveName)
    {
        var manifestId = $"{site}/iiif/{record.Id}/manifest";
        var recordUrl = $"{site}/documents/{record.Id}";
        var canvases = new JsonArray();
        var ranges = new JsonArray();
        JsonObject? thumbnail = null;
        foreach (var original in originals)
        {
            var inRange = new JsonArray();
            foreach (var page in original.Pages.OrderBy(p => p.Number))
            {
                var identifier = $"{original.Id}-{page.Number}";
                var canvasId = $"{site}/iiif/{record.Id}/canvas/{identifier}";
                var service = $"{site}/iiif/image/{identifier}";
                var thumbnailWidth = Math.Min(PageImages.ThumbnailWidth, page.Width);
                var pageThumbnail = Image($"{service}/full/{thumbnailWidth},/0/default.jpg", thumbnailWidth, PageImages.HeightAt(thumbnailWidth, page.Width, page.Height), service);
                thumbnail ??= pageThumbnail;
                var canvas = new JsonObject
                {
                    ["id"] = canvasId,
                    ["type"] = "Canvas",
                    ["label"] = Text(originals.Count == 1 ? $"p. {page.Number}" : $"{original.FileName}, p. {page.Number}"),
                    ["width"] = page.Width,
                    ["height"] = page.Height,
                    ["thumbnail"] = new JsonArray(pageThumbnail),
                    ["items"] = new JsonArray(new JsonObject
                    {
                        ["id"] = $"{canvasId}/page",
                        ["type"] = "AnnotationPage",
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["id"] = $"{canvasId}/page/image",
                            ["type"] = "Annotation",
                            ["motivation"] = "painting",
                            ["body"] = Image($"{service}/full/max/0/default.jpg", page.Width, page.Height, service),
                            ["target"] = canvasId,
                        }),
                    }),
                };
                if (page.Text is { } text)
                {
                    canvas["annotations"] = new JsonArray(new JsonObject
                    {
                        ["id"] = $"{canvasId}/text",
                        ["type"] = "AnnotationPage",
                        ["items"] = new JsonArray(new JsonObject
                        {
                            ["id"] = $"{canvasId}/text/1",
                            ["type"] = "Annotation",
                            ["motivation"] = "supplementing",
                            ["label"] = Text(page.Source == TextSource.Ocr ? "Machine-read text (OCR), not checked" : "Text of the PDF", "en"),
                            ["body"] = new JsonObject { ["type"] = "TextualBody", ["value"] = text, ["format"] = "text/plain" },
                            ["target"] = canvasId,
                        }),
                    });
                }
                canvases.Add(canvas);
                inRange.Add(new JsonObject { ["id"] = canvasId, ["type"] = "Canvas" });
            }
            ranges.Add(new JsonObject
            {
                ["id"] = $"{site}/iiif/{record.Id}/range/{original.Id}",
                ["type"] = "Range",
                ["label"] = Text(original.FileName),
                ["items"] = inRange,
            });
        }

        var manifest = new JsonObject
        {
            ["@context"] = IiifRoutes.PresentationContext,
            ["id"] = manifestId,
            ["type"] = "Manifest",
            ["label"] = Text(record.Title),
        };
        if (record.Summary is { Length: > 0 } summary) manifest["summary"] = Text(summary);
        manifest["metadata"] = Metadata(record);
        manifest["requiredStatement"] = new JsonObject
        {
            ["label"] = Text("Attribution", "en"),
            ["value"] = Text(string.IsNullOrWhiteSpace(record.Rights) ? $"{record.Repository ?? archiveName}" : $"{record.Repository ?? archiveName}. {record.Rights.Trim()}"),
        };
        if (RightsUri(record.Rights) is { } rights) manifest["rights"] = rights;
        if (PartialDate.TryParseIso(record.Date, out var date))
            manifest["navDate"] = $"{date.Year:D4}-{date.Month ?? 1:D2}-{date.Day ?? 1:D2}T00:00:00Z";
        manifest["homepage"] = new JsonArray(new JsonObject { ["id"] = recordUrl, ["type"] = "Text", ["label"] = Text(record.Title), ["format"] = "text/html" });
        manifest["seeAlso"] = new JsonArray(new JsonObject
        {
            ["id"] = $"{site}/api/documents/{record.Id}",
            ["type"] = "Dataset",
            ["label"] = Text("The record as JSON", "en"),
            ["format"] = "application/json",
        });
        manifest["provider"] = new JsonArray(new JsonObject
        {
            ["id"] = site + "/",
            ["type"] = "Agent",
            ["label"] = Text(archiveName),
            ["homepage"] = new JsonArray(new JsonObject { ["id"] = site + "/", ["type"] = "Text", ["label"] = Text(archiveName), ["format"] = "text/html" }),
        });
        if (thumbnail is not null) manifest["thumbnail"] = new JsonArray(thumbnail.DeepClone());
        manifest["items"] = canvases;
        if (originals.Count > 1) manifest["structures"] = ranges;
        if (record.Transcripts.Count > 0)
        {
            var transcripts = new JsonArray();
            foreach (var transcript in record.Transcripts.OrderBy(t => t.Position))
            {
                var body = new JsonObject { ["type"] = "TextualBody", ["value"] = transcript.Text, ["format"] = "text/plain" };
                if (transcript.Language.Length > 0) body["language"] = transcript.Language;
                transcripts.Add(new JsonObject
                {
                    ["id"] = $"{manifestId}/transcripts/{transcript.Position + 1}",
                    ["type"] = "Annotation",
                    ["motivation"] = "supplementing",
                    ["label"] = Text($"{Languages.LanguageNames.EnglishName(transcript.Language)} transcript", "en"),
                    ["body"] = body,
                    ["target"] = manifestId,
                });
            }
            manifest["annotations"] = new JsonArray(new JsonObject { ["id"] = $"{manifestId}/transcripts", ["type"] = "AnnotationPage", ["items"] = transcripts });
        }
        return manifest;
    }

    private static JsonObject Image(string id, int width, int height, string service) => new()
    {
        ["id"] = id,
        ["type"] = "Image",
        ["format"] = "image/jpeg",
        ["width"] = width,
        ["height"] = height,
        ["service"] = new JsonArray(new JsonObject { ["id"] = service, ["type"] = "ImageService3", ["profile"] = "level0" }),
    };

    /// <summary>A language map: a record's own words are of no one language ("none"); the archive's labels are English.</summary>
    private static JsonObject Text(string value, string language = "none") => new() { [language] = new JsonArray(value) };

    private static JsonArray Metadata(ArchivalRecord record)
    {
        var entries = new JsonArray();
        void Add(string label, IEnumerable<string?> values)
        {
            var present = values.OfType<string>().Where(v => v.Trim().Length > 0).ToList();
            if (present.Count == 0) return;
            entries.Add(new JsonObject { ["label"] = Text(label, "en"), ["value"] = new JsonObject { ["none"] = new JsonArray([.. present.Select(v => (JsonNode)v)]) } });
        }
        Add("Date", [record.Date]);
        Add("From", record.Creators);
        Add("To", record.Recipients);
        Add("Place", [record.Place]);
        Add("Type", [record.Type]);
        Add("Original classification", [record.Classification]);
        Add("Languages", record.Languages.Select(Languages.LanguageNames.EnglishName));
        Add("Source", [record.Source.Text]);
        Add("Repository", [record.Repository]);
        Add("Record ID", [record.RecordId]);
        Add("Subjects", record.Subjects);
        Add("Provenance", [record.Provenance]);
        Add("Rights", [record.Rights]);
        return entries;
    }

    /// <summary>A Creative Commons or RightsStatements.org URI in a record's rights, as IIIF's rights property takes it (http).</summary>
    public static string? RightsUri(string? rights) =>
        rights is null ? null
        : RightsPattern().Match(rights) is { Success: true } m ? "http://" + m.Groups[1].Value.TrimEnd('.', ',', ';', ')') : null;

    [GeneratedRegex(@"https?://((?:creativecommons\.org/(?:licenses|publicdomain)|rightsstatements\.org/vocab)/[^\s""<>]+)")]
    private static partial Regex RightsPattern();
}
