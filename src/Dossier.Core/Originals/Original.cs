using Dossier.Records;

namespace Dossier.Originals;

/// <summary>
/// A file of a record's original: the scan, the PDF, the photograph behind its transcripts. The bytes are kept once
/// by their SHA-256 in the <see cref="FileStore"/> (the same file attached twice, to one record or two, is stored
/// once); this row says which record it belongs to, under what name it came, and how far the reading of its text
/// (a PDF's own text, else OCR) and the rendering of its pages have come.
/// </summary>
public sealed class Original
{
    public const int MaxFileNameLength = 255;

    public int Id { get; set; }
    public int ArchivalRecordId { get; set; }
    public ArchivalRecord? Record { get; set; }

    /// <summary>The file's SHA-256, lower-case hex: its name in the store and its fixity.</summary>
    public string Sha256 { get; set; } = "";

    /// <summary>The name it was uploaded or attached under ("Alekseyev to Moscow, 1963.pdf").</summary>
    public string FileName { get; set; } = "";

    /// <summary>What its bytes say it is (<see cref="FileKind"/>), whatever its name says.</summary>
    public string MediaType { get; set; } = "";

    public long Length { get; set; }

    /// <summary>Its place among the record's originals: the smallest first.</summary>
    public int Position { get; set; }

    public DateTime AttachedAt { get; set; }

    /// <summary>Who attached it (an account's email), or the import or command that did.</summary>
    public string? AttachedBy { get; set; }

    public ReadingState State { get; set; } = ReadingState.Waiting;

    /// <summary>Why it could not be read, or why the last attempt failed; for the staff.</summary>
    public string? Problem { get; set; }

    /// <summary>Attempts at reading it so far; a failure that may pass (a tool that timed out) is tried again, up to a limit.</summary>
    public int Attempts { get; set; }

    /// <summary>Not before this time is it tried again.</summary>
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>Until when the worker that is reading it holds it: another node's worker leaves it alone until then.</summary>
    public DateTime? LeasedUntil { get; set; }

    /// <summary>Its pages, once known; and how many are read, while it is being read.</summary>
    public int? PageCount { get; set; }

    public int PagesRead { get; set; }

    public List<OriginalPage> Pages { get; set; } = [];
}

/// <summary>Where the reading of an original stands.</summary>
public enum ReadingState
{
    /// <summary>Attached, or to be tried again: a worker will read it.</summary>
    Waiting,

    /// <summary>A worker is reading it (see <see cref="Original.PagesRead"/>).</summary>
    Reading,

    /// <summary>Its pages are rendered and their text read.</summary>
    Read,

    /// <summary>It cannot be read (<see cref="Original.Problem"/> says why); an editor may try again.</summary>
    Failed,
}

/// <summary>How a page's text was read.</summary>
public enum TextSource
{
    /// <summary>No text: a blank page, or a picture without words.</summary>
    None,

    /// <summary>The text a born-digital PDF carries (pdftotext).</summary>
    TextLayer,

    /// <summary>Read from the page's image by OCR (Tesseract): machine-read, with OCR's errors.</summary>
    Ocr,
}

/// <summary>One page of an original: its machine-read text and the size of its full image.</summary>
public sealed class OriginalPage
{
    public int Id { get; set; }
    public int OriginalId { get; set; }

    /// <summary>1 for the first page.</summary>
    public int Number { get; set; }

    public string? Text { get; set; }
    public TextSource Source { get; set; }

    /// <summary>The full image's size in pixels (a PDF's page rendered <see cref="OriginalReader.PdfPageWidth"/> pixels wide).</summary>
    public int Width { get; set; }

    public int Height { get; set; }
}
