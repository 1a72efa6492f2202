using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dossier.Tests;

/// <summary>
/// The rules of IIIF Presentation 3.0 (https://iiif.io/api/presentation/3.0/) that a manifest of canvases, images
/// and textual annotations must keep, checked one by one; no validator can be installed here (the official one is a
/// Python service, and the machine reaches Debian, NuGet and npm only).
/// </summary>
public static partial class Presentation3
{
    public static List<string> Violations(JsonNode manifest)
    {
        var problems = new List<string>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        void Fail(string where, string what) => problems.Add($"{where}: {what}");

        string? Id(JsonNode? node, string where, bool unique = true)
        {
            var id = (string?)node?["id"];
            if (id is null || !HttpUri().IsMatch(id)) Fail(where, $"id must be an http(s) URI, is '{id}'");
            else if (unique && !ids.Add(id)) Fail(where, $"id {id} is used twice");
            return id;
        }
        void Type(JsonNode? node, string where, params string[] allowed)
        {
            var type = (string?)node?["type"];
            if (type is null || !allowed.Contains(type)) Fail(where, $"type must be {string.Join(" or ", allowed)}, is '{type}'");
        }
        void LanguageMap(JsonNode? node, string where, bool required = false)
        {
            if (node is null)
            {
                if (required) Fail(where, "missing");
                return;
            }
            if (node is not JsonObject map || map.Count == 0) { Fail(where, "must be a language map (a JSON object)"); return; }
            foreach (var (language, values) in map)
            {
                if (!LanguageTag().IsMatch(language)) Fail(where, $"'{language}' is not a language tag or 'none'");
                if (values is not JsonArray array || array.Any(v => v is not JsonValue value || value.GetValueKind() != System.Text.Json.JsonValueKind.String))
                    Fail(where, $"the values of '{language}' must be an array of strings");
            }
        }
        void Dimension(JsonNode? node, string name, string where)
        {
            if (node?[name] is not JsonValue value || !value.TryGetValue<int>(out var n) || n <= 0) Fail(where, $"{name} must be a positive integer");
        }
        void Format(JsonNode? node, string where)
        {
            if ((string?)node?["format"] is { } format && !MediaType().IsMatch(format)) Fail(where, $"format '{format}' is not a media type");
        }
        void Services(JsonNode? node, string where)
        {
            if (node?["service"] is null) return;
            if (node["service"] is not JsonArray services) { Fail(where, "service must be an array"); return; }
            foreach (var service in services)
            {
                Id(service, where + ".service", unique: false);
                if ((string?)service?["type"] is not ("ImageService3" or "ImageService2")) Fail(where + ".service", "an image service's type is ImageService3 (or 2)");
                if ((string?)service?["profile"] is not ("level0" or "level1" or "level2")) Fail(where + ".service", "an image service names its level as profile");
            }
        }
        void Resource(JsonNode? node, string where)
        {
            Id(node, where, unique: false);
            if ((string?)node?["type"] is null) Fail(where, "a resource has a type");
            Format(node, where);
            Services(node, where);
        }
        void Thumbnails(JsonNode? node, string where)
        {
            if (node?["thumbnail"] is null) return;
            if (node["thumbnail"] is not JsonArray thumbnails) { Fail(where, "thumbnail must be an array"); return; }
            foreach (var t in thumbnails) Resource(t, where + ".thumbnail");
        }
        void Annotations(JsonNode? node, string where, string? canvasId)
        {
            if (node?["annotations"] is null) return;
            if (node["annotations"] is not JsonArray pages) { Fail(where, "annotations must be an array of AnnotationPages"); return; }
            foreach (var page in pages)
            {
                Id(page, where + ".annotations");
                Type(page, where + ".annotations", "AnnotationPage");
                foreach (var annotation in page?["items"] as JsonArray ?? [])
                {
                    var at = where + ".annotation";
                    Id(annotation, at);
                    Type(annotation, at, "Annotation");
                    LanguageMap(annotation?["label"], at + ".label");
                    if ((string?)annotation?["motivation"] is "painting") Fail(at, "a painting annotation belongs in a canvas's items, not its annotations");
                    var body = annotation?["body"];
                    if ((string?)body?["type"] == "TextualBody")
                    {
                        if ((string?)body["value"] is null) Fail(at, "a TextualBody has a value");
                        Format(body, at);
                    }
                    else
                    {
                        Resource(body, at + ".body");
                    }
                    var target = (string?)annotation?["target"];
                    if (target is null || !HttpUri().IsMatch(target)) Fail(at, "target must be a URI");
                    else if (canvasId is not null && target.Split('#')[0] != canvasId) Fail(at, $"target {target} is not its canvas {canvasId}");
                }
            }
        }

        if ((string?)manifest["@context"] is not "http://iiif.io/api/presentation/3/context.json"
            && !(manifest["@context"] is JsonArray contexts && contexts.Any(c => (string?)c == "http://iiif.io/api/presentation/3/context.json")))
            Fail("manifest", "@context must be (or end with) the Presentation 3 context");
        var manifestId = Id(manifest, "manifest");
        Type(manifest, "manifest", "Manifest");
        LanguageMap(manifest["label"], "manifest.label", required: true);
        LanguageMap(manifest["summary"], "manifest.summary");
        foreach (var entry in manifest["metadata"] as JsonArray ?? [])
        {
            LanguageMap(entry?["label"], "metadata.label", required: true);
            LanguageMap(entry?["value"], "metadata.value", required: true);
        }
        if (manifest["requiredStatement"] is { } statement)
        {
            LanguageMap(statement["label"], "requiredStatement.label", required: true);
            LanguageMap(statement["value"], "requiredStatement.value", required: true);
        }
        if ((string?)manifest["rights"] is { } rights && !RightsUri().IsMatch(rights)) Fail("manifest", $"rights '{rights}' is not a Creative Commons or RightsStatements.org URI");
        if ((string?)manifest["navDate"] is { } navDate && !DateTimeOffset.TryParse(navDate, out _)) Fail("manifest", "navDate must be an xsd:dateTime");
        foreach (var name in new[] { "homepage", "seeAlso", "provider" })
            foreach (var linked in manifest[name] as JsonArray ?? [])
            {
                Id(linked, "manifest." + name, unique: false);
                if ((string?)linked?["type"] is null) Fail("manifest." + name, "has a type");
                LanguageMap(linked?["label"], "manifest." + name + ".label", required: name != "seeAlso");
                Format(linked, "manifest." + name);
            }
        Thumbnails(manifest, "manifest");
        if (manifest["items"] is not JsonArray canvases || canvases.Count == 0) Fail("manifest", "items must hold one canvas at least");
        var canvasIds = new HashSet<string>(StringComparer.Ordinal);
        foreach (var canvas in manifest["items"] as JsonArray ?? [])
        {
            var canvasId = Id(canvas, "canvas");
            if (canvasId is not null) canvasIds.Add(canvasId);
            var where = $"canvas {canvasId}";
            Type(canvas, where, "Canvas");
            LanguageMap(canvas?["label"], where + ".label");
            Dimension(canvas, "width", where);
            Dimension(canvas, "height", where);
            Thumbnails(canvas, where);
            if (canvas?["items"] is not JsonArray pages || pages.Count == 0) { Fail(where, "items must hold an AnnotationPage"); continue; }
            foreach (var page in pages)
            {
                Id(page, where + ".page");
                Type(page, where + ".page", "AnnotationPage");
                foreach (var annotation in page?["items"] as JsonArray ?? [])
                {
                    Id(annotation, where + ".annotation");
                    Type(annotation, where + ".annotation", "Annotation");
                    if ((string?)annotation?["motivation"] != "painting") Fail(where, "a canvas's own annotations paint it (motivation painting)");
                    if ((string?)annotation?["target"] is not { } target || target.Split('#')[0] != canvasId) Fail(where, "a painting annotation targets its canvas");
                    var body = annotation?["body"];
                    Resource(body, where + ".body");
                    Type(body, where + ".body", "Image", "Video", "Sound", "Text", "Model", "Choice");
                    Dimension(body, "width", where + ".body");
                    Dimension(body, "height", where + ".body");
                }
            }
            Annotations(canvas, where, canvasId);
        }
        foreach (var range in manifest["structures"] as JsonArray ?? [])
        {
            Id(range, "range");
            Type(range, "range", "Range");
            foreach (var item in range?["items"] as JsonArray ?? [])
                if ((string?)item?["type"] == "Canvas" && !canvasIds.Contains((string?)item["id"] ?? "")) Fail("range", $"{item["id"]} is no canvas of the manifest");
        }
        Annotations(manifest, "manifest", null);
        if (manifestId is not null && problems.Count == 0 && ids.Count < 2) Fail("manifest", "no resources");
        return problems;
    }

    [GeneratedRegex(@"^https?://[^\s]+$")]
    private static partial Regex HttpUri();

    [GeneratedRegex(@"^([a-zA-Z]{2,3}(-[a-zA-Z0-9]{1,8})*|none)$")]
    private static partial Regex LanguageTag();

    [GeneratedRegex(@"^[a-z]+/[a-z0-9.+\-]+$")]
    private static partial Regex MediaType();

    [GeneratedRegex(@"^http://(creativecommons\.org/(licenses|publicdomain)/|rightsstatements\.org/vocab/)")]
    private static partial Regex RightsUri();
}
