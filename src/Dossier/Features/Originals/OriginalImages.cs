using Dossier.Originals;

namespace Dossier.Features.Originals;

/// <summary>
/// Finds a page's image of a width kept, making the page's images again from the stored file when they are gone (a
/// restored backup leaves them out, as they are derived): a page is rendered once however many ask for it at once.
/// </summary>
public sealed class OriginalImages(PageImages images, FileStore files, OriginalReader reader)
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<(string, int), Lazy<Task>> making = new();

    /// <summary>The file of the page's image at that width; null when the original has no such page or width.</summary>
    public async Task<string?> PathAsync(Original original, int page, int fullWidth, int width, CancellationToken cancellationToken)
    {
        if (!PageImages.WidthsOf(fullWidth).Contains(width)) return null;
        if (!images.Has(original.Sha256, page, width))
        {
            if (!files.Contains(original.Sha256)) return null;
            var made = making.GetOrAdd((original.Sha256, page), key => new Lazy<Task>(() =>
                reader.RenderPageAsync(files.PathOf(key.Item1), original.MediaType, key.Item1, key.Item2, CancellationToken.None)));
            try
            {
                await made.Value.WaitAsync(cancellationToken);
            }
            finally
            {
                making.TryRemove(KeyValuePair.Create((original.Sha256, page), made));
            }
        }
        return images.PathOf(original.Sha256, page, width);
    }
}
