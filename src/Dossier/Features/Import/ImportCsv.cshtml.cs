using System.Text;
using Dossier.Features.Accounts;
using Dossier.Features.Archive;
using Dossier.Import;
using Dossier.Import.Csv;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Import;

/// <summary>
/// An editor imports a spreadsheet: uploads a CSV file, chooses for each of its columns the field it fills (guessed
/// from its header), and imports it as drafts or published; rows that cannot be records are listed with their row
/// numbers and reasons, the others are imported.
/// </summary>
[Authorize(Policy = Policies.Editors)]
[RequestSizeLimit(MaxUpload)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxUpload)]
public sealed class ImportCsvModel(ArchiveOptions archive, RecordImport import, IStringLocalizer<Text> text) : PageModel
{
    public const long MaxUpload = 64L * 1024 * 1024;

    /// <summary>The uploaded file's place between the two steps: a folder name of the archive's own choosing.</summary>
    [BindProperty]
    public string? Upload { get; set; }

    [BindProperty]
    public string? FileName { get; set; }

    public IReadOnlyList<(string Column, string Example, string Field)> Columns { get; private set; } = [];

    public IReadOnlyList<ImportEvent> Events { get; private set; } = [];

    public string? Problem { get; private set; }

    public bool Imported { get; private set; }

    public static IEnumerable<string> Fields => ["ignore", .. CsvMapping.Fields];

    /// <summary>
    /// A field as the column's choice shows it: its own name, as the import's mapping and the JSON format write it
    /// (the same in every language); "ignore" in the page's language.
    /// </summary>
    public static string FieldName(IStringLocalizer<Text> text, string field) => field == "ignore" ? text["ignore"] : field;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostUploadAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0) return Fail(text["Choose a CSV file to upload."]);
        if (!Path.GetExtension(file.FileName).Equals(".csv", StringComparison.OrdinalIgnoreCase)) return Fail(text["{0} is not a .csv file: save the spreadsheet as CSV (UTF-8) first.", file.FileName]);
        var upload = Guid.NewGuid().ToString("N");
        var name = Path.GetFileName(file.FileName);
        var folder = Path.Combine(archive.DataDirectory, "uploads", upload);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        await using (var stream = System.IO.File.Create(path))
        {
            await file.CopyToAsync(stream, cancellationToken);
        }
        (Upload, FileName) = (upload, name);
        return ShowColumns(path);
    }

    public async Task<IActionResult> OnPostImportAsync(List<string> columns, List<string> fields, string? languages, string? repository, bool publish, CancellationToken cancellationToken)
    {
        if (UploadedPath() is not { } path) return Fail(text["The uploaded file is gone; upload it again."]);
        var mapping = new CsvMapping
        {
            Columns = columns.Zip(fields).Where(c => c.Second is { Length: > 0 } && c.Second != "ignore").GroupBy(c => c.First).ToDictionary(g => g.Key, g => g.First().Second),
            Defaults = new Dictionary<string, string?> { ["languages"] = languages, ["repository"] = repository }
                .Where(d => !string.IsNullOrWhiteSpace(d.Value)).ToDictionary(d => d.Key, d => d.Value!.Trim()),
        };
        try
        {
            mapping.Check();
        }
        catch (InvalidDataException e)
        {
            Problem = e.Message;
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return ShowColumns(path, mapping.Columns);
        }
        import.Publish = publish;
        Events = await import.ImportAsync(path, FileName!, new CsvImporter(mapping).Read(path), null, cancellationToken);
        Imported = true;
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
        return Page();
    }

    /// <summary>Where a report's location points: the file's own name and the row, not the upload's folder.</summary>
    public string Where(ImportEvent e) => e.Location.StartsWith(Path.Combine(archive.DataDirectory, "uploads"), StringComparison.Ordinal)
        ? Path.GetFileName(e.Location) : e.Location;

    private string? UploadedPath()
    {
        if (Upload is null || !Guid.TryParseExact(Upload, "N", out _) || FileName is null || FileName != Path.GetFileName(FileName)) return null;
        var path = Path.Combine(archive.DataDirectory, "uploads", Upload, FileName);
        return System.IO.File.Exists(path) ? path : null;
    }

    private IActionResult ShowColumns(string path, IReadOnlyDictionary<string, string>? chosen = null)
    {
        List<List<string>> rows;
        try
        {
            rows = [.. CsvImporter.ReadRows(System.IO.File.ReadAllText(path, TextFile.StrictUtf8)).Take(2)];
        }
        catch (DecoderFallbackException)
        {
            return Fail(text["The file is not UTF-8 text: save the spreadsheet as CSV UTF-8."]);
        }
        if (rows.Count == 0 || rows[0].All(h => h.Trim().Length == 0)) return Fail(text["The file has no header row."]);
        var example = rows.Count > 1 ? rows[1] : [];
        Columns = [.. rows[0].Select((h, i) => (Column: h.Trim(), Example: i < example.Count ? example[i] : ""))
            .Where(c => c.Column.Length > 0)
            .Select(c => (c.Column, c.Example, chosen is null ? CsvMapping.Guess(c.Column) : chosen.GetValueOrDefault(c.Column, "ignore")))];
        return Page();
    }

    private IActionResult Fail(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
