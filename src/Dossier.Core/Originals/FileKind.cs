namespace Dossier.Originals;

/// <summary>
/// What a file is, by its first bytes rather than its name: an original is a PDF, a TIFF, a JPEG or a PNG, and a
/// file named ".pdf" that is a web page is refused for what it is.
/// </summary>
public static class FileKind
{
    public const string Pdf = "application/pdf";
    public const string Tiff = "image/tiff";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";

    /// <summary>How many first bytes <see cref="Sniff"/> needs.</summary>
    public const int HeadLength = 1024;

    /// <summary>The media type the bytes say, or null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> head)
    {
        if (head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF])) return Jpeg;
        if (head.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A])) return Png;
        if (head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8)) return Tiff;
        // A PDF's header may follow some bytes of junk (the specification's readers look within the first kilobyte).
        if (head[..Math.Min(head.Length, HeadLength)].IndexOf("%PDF-"u8) >= 0) return Pdf;
        return null;
    }

    public static string Describe(string mediaType) => mediaType switch
    {
        Pdf => "PDF",
        Tiff => "TIFF",
        Jpeg => "JPEG",
        Png => "PNG",
        _ => mediaType,
    };

    /// <summary>The usual extension of a kind, for a download whose name has none.</summary>
    public static string Extension(string mediaType) => mediaType switch
    {
        Pdf => ".pdf",
        Tiff => ".tif",
        Jpeg => ".jpg",
        Png => ".png",
        _ => "",
    };
}
