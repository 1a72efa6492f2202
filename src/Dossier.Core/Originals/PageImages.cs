using System.Globalization;
using BitMiracle.LibTiff.Classic;
using SkiaSharp;

namespace Dossier.Originals;

/// <summary>
/// The images of originals' pages, derived from the stored files and kept beside them (<c>derived/ab/{sha256}/</c>):
/// a full image of each page and smaller ones of fixed widths, as JPEG, made once when the original is read. They are
/// what the page viewer shows and what the IIIF Image API serves (level 0: the sizes listed, nothing computed on
/// request); being derived, they can be made again from the file at any time.
/// </summary>
public sealed class PageImages(string directory)
{
    /// <summary>The most pixels a page's image may have: a larger one (a decompression bomb, a page box miles long) is refused.</summary>
    public const long MaxPixels = 100_000_000;

    /// <summary>The widest full image kept: a larger scan is scaled down to it.</summary>
    public const int MaxWidth = 4000;

    /// <summary>The smaller widths kept of every page, below its full width: the viewer's, and the thumbnail's.</summary>
    public static readonly int[] Widths = [1600, 800, 400, 150];

    public const int ThumbnailWidth = 150;

    private const int Quality = 85;

    public string Directory { get; } = directory;

    public string PathOf(string sha256, int page, int width) =>
        Path.Combine(Directory, sha256[..2], sha256, string.Create(CultureInfo.InvariantCulture, $"{page}-{width}.jpg"));

    /// <summary>The widths kept of a page whose full image is <paramref name="fullWidth"/> wide, widest first.</summary>
    public static IReadOnlyList<int> WidthsOf(int fullWidth) => [fullWidth, .. Widths.Where(w => w < fullWidth)];

    /// <summary>The height of a page's image of a width, in the proportions of its full image.</summary>
    public static int HeightAt(int width, int fullWidth, int fullHeight) => Math.Max(1, (int)Math.Round((double)fullHeight * width / fullWidth));

    /// <summary>Keeps a page's full image and its smaller widths; returns the full image's size.</summary>
    public (int Width, int Height) Keep(string sha256, int page, SKBitmap image)
    {
        var full = image;
        if (image.Width > MaxWidth) full = Scale(image, MaxWidth);
        try
        {
            foreach (var width in WidthsOf(full.Width))
            {
                using var scaled = width == full.Width ? null : Scale(full, width);
                Write(PathOf(sha256, page, width), scaled ?? full);
            }
            return (full.Width, full.Height);
        }
        finally
        {
            if (!ReferenceEquals(full, image)) full.Dispose();
        }
    }

    public bool Has(string sha256, int page, int width) => File.Exists(PathOf(sha256, page, width));

    private static SKBitmap Scale(SKBitmap image, int width)
    {
        var height = HeightAt(width, image.Width, image.Height);
        return image.Resize(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Premul), new SKSamplingOptions(SKCubicResampler.Mitchell))
               ?? throw new InvalidOperationException($"the page could not be scaled to {width} pixels");
    }

    private static void Write(string path, SKBitmap image)
    {
        System.IO.Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        // A name of its own: a worker and a request may write the same page at once; the last move wins, whole.
        var temporary = path + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp";
        using (var data = image.Encode(SKEncodedImageFormat.Jpeg, Quality) ?? throw new InvalidOperationException("the page could not be encoded as JPEG"))
        using (var file = File.Create(temporary))
            data.SaveTo(file);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>Refuses an image (JPEG, PNG) of more pixels than a page may have, from its header, before it is decoded.</summary>
    public static void CheckSize(string path, string what)
    {
        using var codec = SKCodec.Create(path) ?? throw new UnreadableFileException($"{what} is not a readable image");
        var (width, height) = (codec.Info.Width, codec.Info.Height);
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            throw new UnreadableFileException($"{what} is {width} × {height} pixels, more than the {MaxPixels / 1_000_000} million a page may have");
    }

    /// <summary>The number of pages (directories) of a TIFF file.</summary>
    public static int TiffPages(string path)
    {
        using var tiff = OpenTiff(path);
        return tiff.NumberOfDirectories();
    }

    /// <summary>A page of an image file (a TIFF's directory, or the one picture of a JPEG or PNG), as pixels.</summary>
    public static SKBitmap Decode(string path, string mediaType, int page)
    {
        if (mediaType != FileKind.Tiff)
        {
            CheckSize(path, $"the {FileKind.Describe(mediaType)} image");
            return SKBitmap.Decode(path) ?? throw new UnreadableFileException($"not a readable {FileKind.Describe(mediaType)} image");
        }
        using var tiff = OpenTiff(path);
        if (!tiff.SetDirectory((short)(page - 1))) throw new UnreadableFileException($"the TIFF has no page {page}");
        var width = tiff.GetField(TiffTag.IMAGEWIDTH)[0].ToInt();
        var height = tiff.GetField(TiffTag.IMAGELENGTH)[0].ToInt();
        if (width <= 0 || height <= 0 || (long)width * height > MaxPixels)
            throw new UnreadableFileException($"TIFF page {page} is {width} × {height} pixels, more than the {MaxPixels / 1_000_000} million a page may have");
        var raster = new int[width * height];
        if (!tiff.ReadRGBAImageOriented(width, height, raster, Orientation.TOPLEFT))
            throw new UnreadableFileException($"TIFF page {page} could not be decoded");
        var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        // LibTiff gives ABGR words, which are RGBA bytes in memory on a little-endian machine: Skia's RGBA 8888.
        System.Runtime.InteropServices.Marshal.Copy(raster, 0, bitmap.GetPixels(), raster.Length);
        return bitmap;
    }

    private static Tiff OpenTiff(string path)
    {
        Tiff.SetErrorHandler(Quiet);
        return Tiff.Open(path, "r") ?? throw new UnreadableFileException("not a readable TIFF");
    }

    // LibTiff writes its complaints to the console; a file it cannot read is reported as such instead.
    private static readonly QuietHandler Quiet = new();

    private sealed class QuietHandler : TiffErrorHandler
    {
        public override void ErrorHandler(Tiff tif, string method, string format, params object[] args)
        {
        }

        public override void WarningHandler(Tiff tif, string method, string format, params object[] args)
        {
        }
    }
}
