using System.Security.Cryptography;
using System.Text;

namespace Dossier.Accounts;

/// <summary>
/// A bearer token for scripted ingestion, made by an editor for themselves. Only its SHA-256 hash is stored: the
/// token is shown once, when it is made. A revoked token stops working at the next request.
/// </summary>
public sealed class ApiToken
{
    public const string Prefix = "dossier_";

    public int Id { get; set; }
    public string UserId { get; set; } = "";

    /// <summary>What the token is for, in its maker's words ("nightly FRUS load").</summary>
    public string Name { get; set; } = "";

    /// <summary>Hex SHA-256 of the whole token.</summary>
    public string Hash { get; set; } = "";

    /// <summary>The token's first characters, to tell tokens apart in a list.</summary>
    public string Start { get; set; } = "";

    public DateTime CreatedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime? RevokedAt { get; set; }

    /// <summary>A new token: the secret to show once, and the row that remembers only its hash.</summary>
    public static (string Secret, ApiToken Token) Create(string userId, string name, DateTime now)
    {
        var secret = Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return (secret, new ApiToken { UserId = userId, Name = name.Trim(), Hash = HashOf(secret), Start = secret[..(Prefix.Length + 6)], CreatedAt = now });
    }

    public static string HashOf(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
