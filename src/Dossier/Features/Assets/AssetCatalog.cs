using System.Security.Cryptography;

namespace Dossier.Features.Assets;

/// <summary>
/// The stylesheet and script, embedded in the assembly and served under names that carry a hash of their content,
/// so browsers may keep them for a year and still never see a stale one.
/// </summary>
public sealed class AssetCatalog
{
    private readonly Dictionary<string, (string Url, byte[] Content, string ContentType)> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (byte[] Content, string ContentType)> byUrl = new(StringComparer.Ordinal);

    public AssetCatalog()
    {
        var assembly = typeof(AssetCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith("assets/", StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            var content = memory.ToArray();
            var name = resource["assets/".Length..];
            var hash = Convert.ToHexStringLower(SHA256.HashData(content))[..12];
            var url = $"/assets/{Path.GetFileNameWithoutExtension(name)}.{hash}{Path.GetExtension(name)}";
            var type = Path.GetExtension(name) == ".css" ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8";
            byName[name] = (url, content, type);
            byUrl[url] = (content, type);
        }
    }

    public string Url(string name) => byName[name].Url;

    public bool TryGet(string url, out byte[] content, out string contentType)
    {
        var found = byUrl.TryGetValue(url, out var asset);
        content = asset.Content;
        contentType = asset.ContentType;
        return found;
    }
}

public static class AssetsEndpoints
{
    public static IEndpointRouteBuilder MapAssets(this IEndpointRouteBuilder app)
    {
        app.MapGet("/assets/{file}", (string file, AssetCatalog assets, HttpContext http) =>
        {
            if (!assets.TryGet("/assets/" + file, out var content, out var type)) return Results.NotFound();
            http.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            return Results.Bytes(content, type);
        });
        return app;
    }
}
