using Dossier.Originals;

namespace Dossier.Core.Tests.Originals;

/// <summary>Real files made here, read by the real poppler and Tesseract: the text checked, within OCR's usual errors.</summary>
public sealed class OriginalReaderTests : IDisposable
{
    private readonly DirectoryInfo work = Directory.CreateTempSubdirectory("dossier-reader-");
    private readonly PageImages images;
    private readonly OriginalReader reader;

    public OriginalReaderTests()
    {
        images = new PageImages(Path.Combine(work.FullName, "derived"));
        reader = new OriginalReader(images);
    }

    public void Dispose() => work.Delete(recursive: true);

    private static readonly string Expected = string.Join("\n", OriginalFiles.Lines);

    private string File(string name) => Path.Combine(work.FullName, name);

    [SkippableFact]
    public async Task A_born_digital_PDF_gives_its_own_text_in_both_languages_and_its_page_images()
    {
        OriginalFiles.RequireTools();
        OriginalFiles.BornDigitalPdf(File("born.pdf"), pages: 2);
        Assert.Equal(2, await reader.CountPagesAsync(File("born.pdf"), FileKind.Pdf, default));
        var page = await reader.ReadPageAsync(File("born.pdf"), FileKind.Pdf, "ab" + new string('0', 62), 2, default);
        Assert.Equal(TextSource.TextLayer, page.Source);
        Assert.Equal(string.Join("\n", OriginalFiles.Lines.Select(l => l + " (2)")), page.Text);
        // A4 at 150 dpi, and the smaller widths kept beside it.
        Assert.Equal(1240, page.Width);
        Assert.InRange(page.Height, 1754, 1755);
        foreach (var width in new[] { 1240, 800, 400, 150 }) Assert.True(images.Has("ab" + new string('0', 62), 2, width), $"no {width} image");
    }

    [SkippableFact]
    public async Task A_scanned_PDF_is_read_by_OCR_in_English_and_Russian()
    {
        OriginalFiles.RequireTools();
        OriginalFiles.ImageOnlyPdf(File("scan.pdf"));
        var page = await reader.ReadPageAsync(File("scan.pdf"), FileKind.Pdf, "cd" + new string('0', 62), 1, default);
        Assert.Equal(TextSource.Ocr, page.Source);
        var similarity = OriginalFiles.Similarity(Expected, page.Text!);
        Assert.True(similarity >= 0.9, $"OCR read {similarity:P0} alike:\n{page.Text}");
    }

    [SkippableFact]
    public async Task A_TIFF_of_several_pages_and_a_PNG_are_read_by_OCR()
    {
        OriginalFiles.RequireTools();
        OriginalFiles.Tiff(File("scan.tif"), pages: 2);
        Assert.Equal(2, await reader.CountPagesAsync(File("scan.tif"), FileKind.Tiff, default));
        var second = await reader.ReadPageAsync(File("scan.tif"), FileKind.Tiff, "ef" + new string('0', 62), 2, default);
        Assert.Equal(TextSource.Ocr, second.Source);
        Assert.True(OriginalFiles.Similarity(Expected, second.Text!) >= 0.9, second.Text);
        Assert.Equal(2480, second.Width);
        Assert.Contains("Zanzibar", second.Text, StringComparison.Ordinal);
        Assert.Contains("занзибарской", second.Text, StringComparison.Ordinal);

        OriginalFiles.Png(File("scan.png"));
        var png = await reader.ReadPageAsync(File("scan.png"), FileKind.Png, "01" + new string('0', 62), 1, default);
        Assert.True(OriginalFiles.Similarity(Expected, png.Text!) >= 0.9, png.Text);
    }

    [SkippableFact]
    public async Task Encrypted_and_damaged_PDFs_and_a_broken_TIFF_are_reported_as_unreadable()
    {
        OriginalFiles.RequireTools();
        OriginalFiles.EncryptedPdf(File("locked.pdf"));
        var locked = await Assert.ThrowsAsync<UnreadableFileException>(() => reader.CountPagesAsync(File("locked.pdf"), FileKind.Pdf, default));
        Assert.Contains("encrypted", locked.Message, StringComparison.Ordinal);

        await System.IO.File.WriteAllTextAsync(File("damaged.pdf"), "%PDF-1.7\nthis is not a PDF at all\n");
        var damaged = await Assert.ThrowsAsync<UnreadableFileException>(() => reader.CountPagesAsync(File("damaged.pdf"), FileKind.Pdf, default));
        Assert.StartsWith("not a readable PDF", damaged.Message, StringComparison.Ordinal);

        await System.IO.File.WriteAllBytesAsync(File("broken.tif"), [0x49, 0x49, 0x2A, 0x00, 0xFF, 0xFF, 0xFF, 0x7F]);
        await Assert.ThrowsAsync<UnreadableFileException>(async () =>
        {
            await reader.CountPagesAsync(File("broken.tif"), FileKind.Tiff, default);
            await reader.ReadPageAsync(File("broken.tif"), FileKind.Tiff, "02" + new string('0', 62), 1, default);
        });
    }

    [Fact]
    public void Machine_read_text_is_kept_as_paragraphs()
    {
        Assert.Equal("First line\nsecond\n\nNext paragraph", OriginalReader.Clean("First line  \r\nsecond\n\n\n\nNext paragraph\f\n"));
    }
}
