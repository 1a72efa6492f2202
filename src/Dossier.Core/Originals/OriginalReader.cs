using System.Globalization;
using System.Text.RegularExpressions;
using SkiaSharp;

namespace Dossier.Originals;

/// <summary>
/// Reads an original page by page: a born-digital PDF's page gives its own text (pdftotext); a page without text
/// (a scan, in a PDF or an image file) is read by OCR (Tesseract, in the languages configured: English and Russian by
/// default). Each page's images are kept as it goes (<see cref="PageImages"/>).
/// </summary>
public sealed partial class OriginalReader(PageImages images, string ocrLanguages = OriginalReader.DefaultLanguages)
{
    public const string DefaultLanguages = "eng+rus";

    /// <summary>A PDF page with fewer letters than this in its own text is taken for a scan and read by OCR.</summary>
    public const int MinimumLetters = 16;

    /// <summary>The resolution a scanned PDF page is rendered at for OCR, which reads best at about 300 dpi.</summary>
    public const int OcrDpi = 300;

    private static readonly TimeSpan PageTimeout = TimeSpan.FromMinutes(5);

    /// <summary>The most pages an original may have: a file of more (a PDF repeating one page a hundred thousand times) is refused.</summary>
    public const int MaxPages = 2000;

    /// <summary>A PDF page's width in pixels for its images (A4 at 150 dpi), and for OCR (A4 at 300 dpi), whatever its page box.</summary>
    public const int PdfPageWidth = 1240;

    public const int OcrPageWidth = 2480;

    /// <summary>How many pages the file has; a file that cannot be read says why.</summary>
    public async Task<int> CountPagesAsync(string path, string mediaType, CancellationToken cancellationToken)
    {
        switch (mediaType)
        {
            case FileKind.Pdf:
                string info;
                try
                {
                    info = await ExternalTools.RunAsync("pdfinfo", [path], PageTimeout, cancellationToken);
                }
                catch (ToolFailedException e)
                {
                    throw new UnreadableFileException(e.Error.Contains("password", StringComparison.OrdinalIgnoreCase)
                        ? "the PDF is encrypted with a password"
                        : "not a readable PDF: " + FirstLine(e.Error), e);
                }
                var pages = PagesLine().Match(info);
                if (!pages.Success) throw new UnreadableFileException("not a readable PDF: pdfinfo finds no pages");
                var count = int.Parse(pages.Groups[1].Value, CultureInfo.InvariantCulture);
                return count > 0 ? count : throw new UnreadableFileException("the PDF has no pages");
            case FileKind.Tiff:
                return PageImages.TiffPages(path);
            case FileKind.Jpeg or FileKind.Png:
                return 1;
            default:
                throw new UnreadableFileException($"{mediaType} is not a kind of original Dossier reads");
        }
    }

    /// <summary>Reads a page (1 for the first): its text and how it was read, its images kept.</summary>
    public async Task<OriginalPage> ReadPageAsync(string path, string mediaType, string sha256, int number, CancellationToken cancellationToken)
    {
        var work = Directory.CreateTempSubdirectory("dossier-page-");
        try
        {
            var page = new OriginalPage { Number = number };
            if (mediaType == FileKind.Pdf)
            {
                var text = Clean(await Pdf("pdftotext", ["-f", N(number), "-l", N(number), "-enc", "UTF-8", path, "-"], cancellationToken));
                (page.Width, page.Height) = await RenderPdfPageAsync(path, sha256, number, work.FullName, cancellationToken);
                if (text.Count(char.IsLetter) >= MinimumLetters)
                {
                    (page.Text, page.Source) = (text, TextSource.TextLayer);
                }
                else
                {
                    var scan = Path.Combine(work.FullName, "scan");
                    // A width, not a resolution: a page box of any size is rendered at the size OCR reads best.
                    await Pdf("pdftoppm", ["-scale-to-x", N(OcrPageWidth), "-scale-to-y", "-1", "-gray", "-png", "-f", N(number), "-l", N(number), "-singlefile", path, scan], cancellationToken);
                    PageImages.CheckSize(scan + ".png", $"page {number} of the PDF");
                    SetOcr(page, await OcrAsync(scan + ".png", cancellationToken));
                }
            }
            else
            {
                var scan = Path.Combine(work.FullName, "scan.png");
                using (var image = PageImages.Decode(path, mediaType, number))
                {
                    (page.Width, page.Height) = images.Keep(sha256, number, image);
                    using var data = image.Encode(SKEncodedImageFormat.Png, 100);
                    await using var file = File.Create(scan);
                    data.SaveTo(file);
                }
                SetOcr(page, await OcrAsync(scan, cancellationToken));
            }
            return page;
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Makes a page's images again (they are derived, and a restored backup leaves them out).</summary>
    public async Task RenderPageAsync(string path, string mediaType, string sha256, int number, CancellationToken cancellationToken)
    {
        if (mediaType == FileKind.Pdf)
        {
            var work = Directory.CreateTempSubdirectory("dossier-page-");
            try
            {
                await RenderPdfPageAsync(path, sha256, number, work.FullName, cancellationToken);
            }
            finally
            {
                work.Delete(recursive: true);
            }
            return;
        }
        using var image = PageImages.Decode(path, mediaType, number);
        images.Keep(sha256, number, image);
    }

    private async Task<(int Width, int Height)> RenderPdfPageAsync(string path, string sha256, int number, string work, CancellationToken cancellationToken)
    {
        var prefix = Path.Combine(work, "page");
        await Pdf("pdftoppm", ["-scale-to-x", N(PdfPageWidth), "-scale-to-y", "-1", "-jpeg", "-f", N(number), "-l", N(number), "-singlefile", path, prefix], cancellationToken);
        PageImages.CheckSize(prefix + ".jpg", $"page {number} of the PDF");
        using var image = SKBitmap.Decode(prefix + ".jpg") ?? throw new UnreadableFileException($"page {number} of the PDF could not be rendered");
        return images.Keep(sha256, number, image);
    }

    private static void SetOcr(OriginalPage page, string text) =>
        (page.Text, page.Source) = text.Any(char.IsLetterOrDigit) ? (text, TextSource.Ocr) : (null, TextSource.None);

    private async Task<string> OcrAsync(string image, CancellationToken cancellationToken) =>
        Clean(await ExternalTools.RunAsync("tesseract", [image, "stdout", "-l", ocrLanguages], PageTimeout, cancellationToken));

    // A poppler tool failing on a file pdfinfo could open is the file's fault (a damaged page), not the machine's.
    private static async Task<string> Pdf(string program, string[] arguments, CancellationToken cancellationToken)
    {
        try
        {
            return await ExternalTools.RunAsync(program, arguments, PageTimeout, cancellationToken);
        }
        catch (ToolFailedException e)
        {
            throw new UnreadableFileException($"{program} cannot read a page of the PDF: {FirstLine(e.Error)}", e);
        }
    }

    private static string N(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim() is { Length: > 0 } line ? line : "no reason given";

    /// <summary>Machine-read text as the archive keeps it: paragraphs separated by one blank line, no page-feed, no trailing spaces.</summary>
    public static string Clean(string text)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\f', '\n').Split('\n').Select(l => l.TrimEnd());
        return BlankLines().Replace(string.Join('\n', lines), "\n\n").Trim();
    }

    [GeneratedRegex(@"^Pages:\s+(\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex PagesLine();

    [GeneratedRegex(@"\n{3,}")]
    private static partial Regex BlankLines();
}
