using System.Diagnostics;
using System.Globalization;
using Dossier.Import.PageCaptures;
using Dossier.Originals;
using SkiaSharp;

namespace Dossier.Bench;

/// <summary>
/// Reading originals, page by page, by the archive's own reader (poppler and Tesseract, English and Russian): A4 pages
/// typed full of the five captures' real English and Russian transcripts, as a scan at 300 dpi (an image-only PDF and
/// a TIFF, both read by OCR) and as a born-digital PDF (its own text). Each kind's median time a page is reported.
/// </summary>
public static class OcrThroughput
{
    private const int Width = 2480;
    private const int Height = 3508;

    public static async Task RunAsync(string root, string[] args)
    {
        var pages = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 6;
        var work = Directory.CreateTempSubdirectory("dossier-bench-ocr-");
        try
        {
            var lines = TypedLines(Path.Combine(root, "..", "shared", "corpus", "archive-pages"));
            var reader = new OriginalReader(new PageImages(Path.Combine(work.FullName, "derived")));
            var scanPdf = Path.Combine(work.FullName, "scan.pdf");
            var bornPdf = Path.Combine(work.FullName, "born.pdf");
            var tiff = Path.Combine(work.FullName, "scan.tif");
            var perPage = lines.Count / pages;
            var pageLines = Enumerable.Range(0, pages).Select(p => lines.Skip(p * perPage).Take(Math.Min(perPage, 55)).ToList()).ToList();
            WritePdfs(scanPdf, bornPdf, pageLines);
            WriteTiff(tiff, pageLines);
            var words = pageLines.Average(p => p.Sum(l => l.Split(' ').Length));

            var results = new List<string>();
            foreach (var (what, path, kind) in new[]
                     {
                         ("scanned PDF page (image only, rendered at 300 dpi, OCR eng+rus)", scanPdf, FileKind.Pdf),
                         ("TIFF page (300 dpi, grey, OCR eng+rus)", tiff, FileKind.Tiff),
                         ("born-digital PDF page (its own text, no OCR)", bornPdf, FileKind.Pdf),
                     })
            {
                var times = new List<double>();
                var sha = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));
                for (var page = 1; page <= pages; page++)
                {
                    var clock = Stopwatch.StartNew();
                    var read = await reader.ReadPageAsync(path, kind, sha, page, default);
                    times.Add(clock.Elapsed.TotalSeconds);
                    Console.WriteLine($"{what}, page {page}: {times[^1]:F2} s, {read.Source}, {read.Text?.Length ?? 0} characters");
                }
                times.Sort();
                var median = times[times.Count / 2];
                results.Add($"| {what} | **{median:F2} s** | {3600 / median:N0} | {string.Join(", ", times.Select(t => t.ToString("F2", CultureInfo.InvariantCulture)))} |");
            }
            await BenchmarkReport.AddRunAsync(root,
            [
                $"## {BenchmarkReport.Today}: reading originals (OCR), page by page",
                "",
                BenchmarkReport.Machine,
                "",
                $"`dotnet run -c Release --project bench/Dossier.Bench -- ocr [pages]`: the archive's reader (`OriginalReader`: poppler {Version("pdftoppm", "-v")},",
                $"Tesseract {Version("tesseract", "--version")}, one thread a page, as a server's worker reads) on {pages} A4 pages typed full of the five",
                $"captures' English and Russian transcripts (about {words:N0} words a page), each page its own images kept (full, 1,600, 800, 400, 150 wide).",
                "",
                "| page | median a page | pages an hour (one worker) | all pages (s) |",
                "|---|---|---|---|",
                .. results,
                "",
            ]);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The captures' transcripts, English and Russian, as lines that fit a typed page.</summary>
    private static List<string> TypedLines(string captures)
    {
        var lines = new List<string>();
        foreach (var file in Directory.EnumerateFiles(captures, "*.txt").Order(StringComparer.Ordinal))
            foreach (var transcript in PageCaptureParser.Parse(File.ReadAllText(file)).Transcripts)
                foreach (var paragraph in transcript.Text.Split("\n\n"))
                {
                    var line = "";
                    foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                    {
                        if (line.Length + word.Length > 70)
                        {
                            lines.Add(line);
                            line = "";
                        }
                        line = line.Length == 0 ? word : line + " " + word;
                    }
                    if (line.Length > 0) lines.Add(line);
                }
        return lines;
    }

    private static SKBitmap Scan(IReadOnlyList<string> lines)
    {
        var bitmap = new SKBitmap(new SKImageInfo(Width, Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf") ?? SKTypeface.Default, 42);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var y = 200f;
        foreach (var line in lines)
        {
            canvas.DrawText(line, 200, y, font, paint);
            y += 58;
        }
        return bitmap;
    }

    private static void WritePdfs(string scanPath, string bornPath, List<List<string>> pages)
    {
        using (var stream = File.Create(scanPath))
        using (var document = SKDocument.CreatePdf(stream))
        {
            foreach (var lines in pages)
            {
                using var scan = Scan(lines);
                using var image = SKImage.FromBitmap(scan);
                document.BeginPage(595, 842).DrawImage(image, new SKRect(0, 0, 595, 842));
                document.EndPage();
            }
            document.Close();
        }
        using (var stream = File.Create(bornPath))
        using (var document = SKDocument.CreatePdf(stream))
        {
            using var font = new SKFont(SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf") ?? SKTypeface.Default, 10);
            using var paint = new SKPaint { Color = SKColors.Black };
            foreach (var lines in pages)
            {
                var canvas = document.BeginPage(595, 842);
                var y = 48f;
                foreach (var line in lines)
                {
                    canvas.DrawText(line, 48, y, font, paint);
                    y += 14;
                }
                document.EndPage();
            }
            document.Close();
        }
    }

    private static void WriteTiff(string path, List<List<string>> pages)
    {
        using var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(path, "w");
        var row = new byte[Width];
        foreach (var lines in pages)
        {
            using var scan = Scan(lines);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGEWIDTH, Width);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.IMAGELENGTH, Height);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.PHOTOMETRIC, BitMiracle.LibTiff.Classic.Photometric.MINISBLACK);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.COMPRESSION, BitMiracle.LibTiff.Classic.Compression.LZW);
            tiff.SetField(BitMiracle.LibTiff.Classic.TiffTag.ROWSPERSTRIP, 64);
            var pixels = scan.Pixels;
            for (var y = 0; y < Height; y++)
            {
                for (var x = 0; x < Width; x++) row[x] = pixels[y * Width + x].Red;
                tiff.WriteScanline(row, y);
            }
            tiff.WriteDirectory();
        }
    }

    private static string Version(string program, string flag)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(program, flag) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return text.Split('\n')[0].Split(' ').Last().Trim();
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "(not installed)";
        }
    }
}
