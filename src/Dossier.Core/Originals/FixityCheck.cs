namespace Dossier.Originals;

/// <summary>
/// One verification of the stored files: every file hashed again and compared with its name. Kept so that
/// administrators see when the files were last verified and what was wrong.
/// </summary>
public sealed class FixityCheck
{
    public long Id { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }

    /// <summary>The machine that verified (the files are those its data directory holds).</summary>
    public string? Node { get; set; }

    public int Files { get; set; }
    public int Damaged { get; set; }
    public int Missing { get; set; }

    /// <summary>One line a file that failed: its hash, what is wrong, the records that hold it.</summary>
    public string? Report { get; set; }

    public bool Passed => FinishedAt is not null && Damaged == 0 && Missing == 0;
}
