using System.Security.Cryptography;

namespace Dossier.Search;

/// <summary>
/// A researcher's search kept under a name: run again from their account, and followed in a feed reader through a
/// private Atom feed whose address carries a secret (feed readers sign in to nothing). Its records are the public
/// search's — published records only — so the secret keeps the researcher's question private, not the archive's records.
/// </summary>
public sealed class SavedSearch
{
    /// <summary>Enough for a thesis's worth of questions; more is a script, which has the API.</summary>
    public const int MaxPerAccount = 100;

    public const int MaxQueryLength = 2000;

    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>The researcher's name for it ("Castro, 1962, in Russian").</summary>
    public string Name { get; set; } = "";

    /// <summary>The search as its query string ("?q=Castro&amp;language=ru"), without page, size or order.</summary>
    public string Query { get; set; } = "";

    /// <summary>The secret of the private feed's address (32 random bytes, base64url).</summary>
    public string FeedKey { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    /// <summary>When the researcher last opened its results: records published since are new to them.</summary>
    public DateTime SeenAt { get; set; }

    public static string NewFeedKey() =>
        Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
