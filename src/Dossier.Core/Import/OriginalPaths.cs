namespace Dossier.Import;

/// <summary>
/// Where the originals an import names are: paths relative to the imported file, inside its folder (or a folder in
/// it). An absolute path, or one that climbs out with "..", is refused: a spreadsheet uploaded in the editor must not
/// reach the server's other files.
/// </summary>
public static class OriginalPaths
{
    public static string? Resolve(string? folder, string path)
    {
        if (folder is null || string.IsNullOrWhiteSpace(path) || Path.IsPathRooted(path)) return null;
        var full = Path.GetFullPath(Path.Combine(folder, path.Replace('\\', '/')));
        var root = Path.GetFullPath(folder).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return full.StartsWith(root, StringComparison.Ordinal) ? full : null;
    }
}
