using System.Text;

namespace Dossier.Import;

/// <summary>Reads a file that must be UTF-8 text, saying plainly what is wrong when it is not.</summary>
public static class TextFile
{
    /// <summary>UTF-8 that refuses invalid bytes instead of replacing them; a BOM is allowed and skipped.</summary>
    public static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static string Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length == 0) throw new InvalidDataException("the file is empty");
        if (Array.IndexOf(bytes, (byte)0) >= 0) throw new InvalidDataException("the file is binary, not text");
        string text;
        try
        {
            var offset = bytes.Length >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0;
            text = StrictUtf8.GetString(bytes, offset, bytes.Length - offset);
        }
        catch (DecoderFallbackException)
        {
            throw new InvalidDataException("the file is not UTF-8 text (binary, or text in another encoding)");
        }
        if (string.IsNullOrWhiteSpace(text)) throw new InvalidDataException("the file holds only white space");
        return text;
    }
}
