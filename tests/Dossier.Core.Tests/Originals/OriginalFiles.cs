using System.Text;
using BitMiracle.LibTiff.Classic;
using Dossier.Originals;
using SkiaSharp;

namespace Dossier.Core.Tests.Originals;

/// <summary>
/// Real originals made in the tests: a born-digital PDF carrying its text, an image-only PDF (a scan), a TIFF and a PNG
/// of typed English and Russian, all set in DejaVu Serif (Debian's fonts-dejavu-core), which has Cyrillic.
/// </summary>
public static class OriginalFiles
{
    /// <summary>Lines of a typed page in both languages, with words no corpus page has, to be found by search.</summary>
    public static readonly string[] Lines =
    [
        "Memorandum on the Zanzibar telegram of the ambassador.",
        "The minister received the delegation on Tuesday.",
        "Меморандум о занзибарской телеграмме посла.",
        "Министр принял делегацию во вторник.",
    ];

    private static SKTypeface Typeface() =>
        SKTypeface.FromFile("/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf")
        ?? SKFontManager.Default.MatchCharacter('Я')
        ?? throw new InvalidOperationException("no font with Cyrillic letters: apt-get install fonts-dejavu-core");

    /// <summary>A PDF whose text is text: an A4 page (points), the lines at 12 points.</summary>
    public static void BornDigitalPdf(string path, IReadOnlyList<string>? lines = null, int pages = 1)
    {
        using var stream = File.Create(path);
        using var document = SKDocument.CreatePdf(stream);
        using var font = new SKFont(Typeface(), 12);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        for (var page = 1; page <= pages; page++)
        {
            var canvas = document.BeginPage(595, 842);
            var y = 100f;
            foreach (var line in lines ?? Lines)
            {
                canvas.DrawText(pages == 1 ? line : $"{line} ({page})", 72, y, font, paint);
                y += 24;
            }
            document.EndPage();
        }
        document.Close();
    }

    /// <summary>The lines as a scan: a white page image at 300 dpi with the lines typed on it.</summary>
    public static SKBitmap Scan(IReadOnlyList<string>? lines = null)
    {
        var all = lines ?? Lines;
        var bitmap = new SKBitmap(new SKImageInfo(2480, 200 + all.Count * 90, SKColorType.Rgba8888, SKAlphaType.Premul));
        using var canvas = new SKCanvas(bitmap);
        canvas.Clear(SKColors.White);
        using var font = new SKFont(Typeface(), 50);
        using var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true };
        var y = 150f;
        foreach (var line in all)
        {
            canvas.DrawText(line, 150, y, font, paint);
            y += 90;
        }
        return bitmap;
    }

    /// <summary>A PDF that is only pictures of its pages, with no text in it: what a scanner makes.</summary>
    public static void ImageOnlyPdf(string path, IReadOnlyList<string>? lines = null)
    {
        using var scan = Scan(lines);
        using var image = SKImage.FromBitmap(scan);
        using var stream = File.Create(path);
        using var document = SKDocument.CreatePdf(stream);
        var canvas = document.BeginPage(595, 595f * scan.Height / scan.Width);
        canvas.DrawImage(image, new SKRect(0, 0, 595, 595f * scan.Height / scan.Width));
        document.EndPage();
        document.Close();
    }

    /// <summary>A grey TIFF of the scan (LZW, 300 dpi), with as many pages as asked.</summary>
    public static void Tiff(string path, IReadOnlyList<string>? lines = null, int pages = 1)
    {
        using var scan = Scan(lines);
        using var tiff = BitMiracle.LibTiff.Classic.Tiff.Open(path, "w");
        var row = new byte[scan.Width];
        for (short page = 0; page < pages; page++)
        {
            tiff.SetField(TiffTag.IMAGEWIDTH, scan.Width);
            tiff.SetField(TiffTag.IMAGELENGTH, scan.Height);
            tiff.SetField(TiffTag.SAMPLESPERPIXEL, 1);
            tiff.SetField(TiffTag.BITSPERSAMPLE, 8);
            tiff.SetField(TiffTag.PHOTOMETRIC, Photometric.MINISBLACK);
            tiff.SetField(TiffTag.COMPRESSION, Compression.LZW);
            tiff.SetField(TiffTag.ROWSPERSTRIP, 64);
            tiff.SetField(TiffTag.XRESOLUTION, 300.0);
            tiff.SetField(TiffTag.YRESOLUTION, 300.0);
            tiff.SetField(TiffTag.RESOLUTIONUNIT, ResUnit.INCH);
            if (pages > 1)
            {
                tiff.SetField(TiffTag.SUBFILETYPE, FileType.PAGE);
                tiff.SetField(TiffTag.PAGENUMBER, page, (short)pages);
            }
            for (var y = 0; y < scan.Height; y++)
            {
                for (var x = 0; x < scan.Width; x++)
                {
                    var pixel = scan.GetPixel(x, y);
                    row[x] = (byte)((pixel.Red + pixel.Green + pixel.Blue) / 3);
                }
                tiff.WriteScanline(row, y);
            }
            tiff.WriteDirectory();
        }
    }

    public static void Png(string path, IReadOnlyList<string>? lines = null)
    {
        using var scan = Scan(lines);
        using var data = scan.Encode(SKEncodedImageFormat.Png, 100);
        using var file = File.Create(path);
        data.SaveTo(file);
    }

    /// <summary>
    /// A copy of a PDF made encrypted, as a PDF writer encrypts: an incremental update whose trailer names a standard
    /// security handler. Its user password is not empty, so no reader opens it without one.
    /// </summary>
    public static void EncryptedPdf(string path)
    {
        BornDigitalPdf(path);
        var bytes = File.ReadAllBytes(path);
        var text = Encoding.Latin1.GetString(bytes);
        var previous = int.Parse(text[(text.LastIndexOf("startxref", StringComparison.Ordinal) + 9)..].Trim().Split('\n')[0].Trim(), System.Globalization.CultureInfo.InvariantCulture);
        var trailer = text[text.LastIndexOf("trailer", StringComparison.Ordinal)..];
        var root = System.Text.RegularExpressions.Regex.Match(trailer, @"/Root\s+(\d+\s+\d+\s+R)").Groups[1].Value;
        var size = int.Parse(System.Text.RegularExpressions.Regex.Match(trailer, @"/Size\s+(\d+)").Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        var hex = Convert.ToHexString(System.Security.Cryptography.SHA256.HashData("not the password"u8));
        var offset = bytes.Length;
        var update = new StringBuilder()
            .Append('\n').Append(size).Append(" 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <").Append(hex).Append("> /U <").Append(hex[..64]).Append("> /P -44 >>\nendobj\n");
        var xref = offset + Encoding.Latin1.GetByteCount(update.ToString());
        update.Append("xref\n").Append(size).Append(" 1\n").Append((offset + 1).ToString("D10", System.Globalization.CultureInfo.InvariantCulture)).Append(" 00000 n \n")
            .Append("trailer\n<< /Size ").Append(size + 1).Append(" /Root ").Append(root).Append(" /Encrypt ").Append(size).Append(" 0 R /ID [<").Append(hex[..32]).Append("><").Append(hex[..32])
            .Append(">] /Prev ").Append(previous).Append(" >>\nstartxref\n").Append(xref).Append("\n%%EOF\n");
        File.WriteAllBytes(path, [.. bytes, .. Encoding.Latin1.GetBytes(update.ToString())]);
    }

    /// <summary>How alike two texts are, from 0 to 1 (1 − edit distance / longer length), spaces and line breaks evened out.</summary>
    public static double Similarity(string expected, string actual)
    {
        static string Even(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        var (a, b) = (Even(expected), Even(actual));
        if (a.Length == 0 && b.Length == 0) return 1;
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++) previous[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (previous, current) = (current, previous);
        }
        return 1 - (double)previous[b.Length] / Math.Max(a.Length, b.Length);
    }

    /// <summary>Skips a test that needs poppler or Tesseract where they are not installed, saying so; where the run must have them, fails it instead.</summary>
    public static void RequireTools()
    {
        var missing = ExternalTools.Missing();
        if (missing.Count == 0) return;
        var why = $"{string.Join(", ", missing)} not installed (Debian: apt-get install poppler-utils tesseract-ocr tesseract-ocr-eng tesseract-ocr-rus)";
        if (Environment.GetEnvironmentVariable("DOSSIER_REQUIRE_OCR") is { Length: > 0 }) throw new InvalidOperationException(why + ", and this run must test OCR");
        throw new SkipException(why);
    }
}
