using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Dossier.Records;

/// <summary>
/// The identity of a record that has no Record ID: its title and date, normalized so that differences of
/// case, accents, punctuation and spacing do not make a second record of the same document.
/// </summary>
public static class RecordFingerprint
{
    public static string Of(string title, string? date)
    {
        var normalized = Normalize(title) + "|" + (date ?? "");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalized)))[..32];
    }

    public static string Normalize(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(decomposed.Length);
        var space = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue;
            if (char.IsLetterOrDigit(c))
            {
                if (space && sb.Length > 0) sb.Append(' ');
                sb.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return sb.ToString();
    }
}
