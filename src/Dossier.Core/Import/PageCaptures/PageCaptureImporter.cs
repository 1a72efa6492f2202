namespace Dossier.Import.PageCaptures;

/// <summary>Imports text captures of the archive's record pages (<c>.txt</c>), one record a file.</summary>
public sealed class PageCaptureImporter : IRecordImporter
{
    public string Format => "page capture";

    public bool Accepts(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".txt" or ".text";

    public IEnumerable<ImportItem> Read(string path)
    {
        string text;
        try
        {
            text = TextFile.Read(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return [ImportItem.Failed(path, e.Message)];
        }
        var item = Parse(path, text);
        return [item.Record is null ? item : item with { Originals = OriginalsBeside(path) }];
    }

    /// <summary>The extensions of files that are a record's original rather than records to import.</summary>
    public static readonly IReadOnlySet<string> OriginalExtensions = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { ".pdf", ".tif", ".tiff", ".jpg", ".jpeg", ".png" };

    /// <summary>A capture's originals: the files beside it of the same name ("000_d780.txt" and "000_d780.pdf").</summary>
    private static List<string> OriginalsBeside(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        var name = Path.GetFileNameWithoutExtension(path);
        return [.. Directory.EnumerateFiles(folder, name + ".*")
            .Where(f => Path.GetFileNameWithoutExtension(f) == name && OriginalExtensions.Contains(Path.GetExtension(f)))
            .Order(StringComparer.Ordinal)];
    }

    internal static ImportItem Parse(string location, string text)
    {
        var page = PageCaptureParser.Parse(text);
        if (page.Listing)
            return ImportItem.Failed(location, "a page of search results (a list of records' dates and titles), not one record's page");
        if (page.Title is null)
        {
            return ImportItem.Failed(location, page.KnownSite
                ? "no title found: the capture has neither a citation line nor a title under the date (cut short?)"
                : "not a record page of a known archive: no citation line, title, donors line or document information found");
        }
        if (!page.KnownSite && page.Date is null)
            return ImportItem.Failed(location, "not a record page of a known archive: no date, citation line or document information found");
        return ImportItem.Of(location, page.ToRecord()) with { Reading = page.Reading() };
    }
}
