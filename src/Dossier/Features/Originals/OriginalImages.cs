using Dossier.Originals;

namespace Dossier.Features.Originals;

/// <summary>
/// Finds a page's image of a width kept, making the page's images again from the stored file when they are gone (a
/// restored backup leaves them out, as they are derived): a page is rendered once however many ask for it at once.
/// </summary>
public sealed class OriginalImages(PageImages images, FileStore files, OriginalReader reader)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), Task> making = new();

    // Pages made on request at once, at most: a flood of requests for pages not made waits instead of starting a
    // renderer (and a decoded page in memory) each.
    private readonly SemaphoreSlim renderers = new(2);

    /// <summary>The file of the page's image at that width; null when the original has no such page or width.</summary>
    public async Task<string?> PathAsync(Original original, int page, int fullWidth, int width, CancellationToken cancellationToken)
    {
        if (!PageImages.WidthsOf(fullWidth).Contains(width)) return null;
        if (!images.Has(original.Sha256, page, width))
        {
            if (!files.Contains(original.Sha256)) return null;
            // One making of a page for all who ask; it goes on when one of them stops waiting, and is forgotten once done.
            var made = making.GetOrAdd((original.Sha256, page), key => Task.Run(async () =>
            {
                await renderers.WaitAsync();
                try
                {
                    await reader.RenderPageAsync(files.PathOf(key.Item1), original.MediaType, key.Item1, key.Item2, CancellationToken.None);
                }
                finally
                {
                    renderers.Release();
                    making.TryRemove(key, out _);
                }
            }));
            await made.WaitAsync(cancellationToken);
            // A making that ended before it was listed stays listed, done: it is forgotten, and the next request makes the page.
            if (!images.Has(original.Sha256, page, width))
            {
                making.TryRemove(KeyValuePair.Create((original.Sha256, page), made));
                return null;
            }
        }
        return images.PathOf(original.Sha256, page, width);
    }
}
