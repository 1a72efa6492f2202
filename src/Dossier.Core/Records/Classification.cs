using System.Text.RegularExpressions;

namespace Dossier.Records;

/// <summary>Security classifications as the documents bear them, in one spelling each.</summary>
public static partial class Classification
{
    private static readonly (Regex Pattern, string Name)[] Levels =
    [
        (new Regex(@"^(?:top\s+secret|совершенно\s+секретно|streng\s+geheim|ściśle\s+tajne|szigorúan\s+titkos|strict\s+secret)", RegexOptions.IgnoreCase), "Top Secret"),
        (new Regex(@"^(?:strictly\s+secret|строго\s+секретно)", RegexOptions.IgnoreCase), "Strictly Secret"),
        (new Regex(@"^(?:strictly\s+confidential|строго\s+конфиденциально)", RegexOptions.IgnoreCase), "Strictly Confidential"),
        (new Regex(@"^(?:secret|секретно|geheim|tajne|titkos|secret\s+de\s+serviciu)", RegexOptions.IgnoreCase), "Secret"),
        (new Regex(@"^(?:confidential|конфиденциально|vertraulich|poufne|bizalmas)", RegexOptions.IgnoreCase), "Confidential"),
        (new Regex(@"^(?:restricted|limited\s+official\s+use)", RegexOptions.IgnoreCase), "Restricted"),
        (new Regex(@"^(?:for\s+official\s+use\s+only|для\s+служебного\s+пользования)", RegexOptions.IgnoreCase), "For Official Use Only"),
        (new Regex(@"^(?:unclassified|declassified)$", RegexOptions.IgnoreCase), "Unclassified"),
    ];

    /// <summary>A value of the "Original Classification" field, which holds the classification and nothing else.</summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var t = value.Trim().TrimEnd('.', ':');
        if (t.Length > 40) return null;
        foreach (var (pattern, name) in Levels)
        {
            var m = pattern.Match(t);
            if (m.Success && m.Length == t.Length) return name;
        }
        return null;
    }

    /// <summary>
    /// The classification in a document's own header: "Top Secret Copy Nº 1", "SECRET. Copy Nº 1",
    /// "Secret Copy No 2", "СЕКРЕТНО Экз. № 2". The line must be a header, not a sentence mentioning secrets.
    /// </summary>
    public static string? FromHeader(string? line)
    {
        if (string.IsNullOrWhiteSpace(line)) return null;
        var t = line.Trim().TrimStart('[').Trim();
        if (t.Length > 60) return null;
        foreach (var (pattern, name) in Levels)
        {
            var m = pattern.Match(t);
            if (!m.Success) continue;
            var rest = t[m.Length..].Trim().TrimStart('.', ',', ']', ';', '!').Trim();
            if (rest.Length == 0 || CopyMark().IsMatch(rest)) return name == "Unclassified" ? null : name;
        }
        return null;
    }

    [GeneratedRegex(@"^(?:copy|экз|экземпляр|ekz|egzemplarz|példány)\b", RegexOptions.IgnoreCase)]
    private static partial Regex CopyMark();
}
