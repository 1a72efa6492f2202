using Dossier.Records;

namespace Dossier.Authorities;

/// <summary>
/// A record's mention of an authority, as the finder proposed it or an editor decided it. The finder writes and
/// rewrites proposals each time the record's text changes; an editor's decision (confirmed, rejected) is never
/// overwritten by it, so that confirmed links survive re-imports and rejected ones are not proposed again.
/// </summary>
public sealed class Mention
{
    public const int MaxEvidenceLength = 200;
    public const int MaxContextLength = 300;
    public const int MaxReasonLength = 500;

    public int Id { get; set; }
    public int ArchivalRecordId { get; set; }
    public ArchivalRecord? Record { get; set; }
    public int AuthorityId { get; set; }
    public Authority Authority { get; set; } = null!;

    public MentionState State { get; private set; }

    /// <summary>How sure the finder was (an editor's own link is certain).</summary>
    public MentionCertainty Certainty { get; private set; }

    /// <summary>
    /// Whether the archive says the record names the authority: an editor confirmed it, or the finder found it
    /// certain (a full name) and no editor rejected it. Only asserted mentions are searched, counted and shown to visitors;
    /// the others are proposals for editors. Kept as a column, so that counts read an index.
    /// </summary>
    public bool Asserted { get; private set; }

    /// <summary>How sure the finder is, from 0 to 1 (<see cref="MentionFinder.Sure"/> and above is asserted).</summary>
    public double Score { get; set; } = 1;

    /// <summary>Why the finder reads it so ("initials and surname, at work in 1963, the only bearer of the record's time"), for editors.</summary>
    public string? Reason { get; set; }

    /// <summary>How many times the finder read it in the record's text (0 when an editor linked what it did not find).</summary>
    public int Count { get; private set; }

    /// <summary>The words as the record first writes them ("N. S. Khrushchev", "Хрущёву").</summary>
    public string? Evidence { get; set; }

    /// <summary>The words around them, for an editor to judge.</summary>
    public string? Context { get; set; }

    public DateTime FoundAt { get; set; }

    /// <summary>Who decided, and when; null while a proposal.</summary>
    public string? DecidedBy { get; private set; }

    public DateTime? DecidedAt { get; private set; }

    /// <summary>A mention the finder read <paramref name="count"/> times (0 for an editor's link to what it did not read).</summary>
    public static Mention Proposed(int recordId, int authorityId, MentionCertainty certainty, int count, DateTime now)
    {
        var mention = new Mention { ArchivalRecordId = recordId, AuthorityId = authorityId, FoundAt = now };
        mention.Found(certainty, count);
        return mention;
    }

    /// <summary>The finder read it again, perhaps more or less surely, or no more (0); an editor's decision stands.</summary>
    public void Found(MentionCertainty certainty, int count)
    {
        (Certainty, Count) = (certainty, count);
        Assess();
    }

    public void Decide(MentionState state, string? by, DateTime now)
    {
        State = state;
        DecidedBy = state == MentionState.Proposed ? null : by;
        DecidedAt = state == MentionState.Proposed ? null : now;
        Assess();
    }

    // A proposal is asserted only when the finder reads a full name in the text now: an editor's link reopened, or a
    // confirmation reopened after the text stopped naming it, is a proposal like any other.
    private void Assess() =>
        Asserted = State == MentionState.Confirmed || (State == MentionState.Proposed && Certainty == MentionCertainty.Certain && Count > 0);
}

public enum MentionState
{
    /// <summary>Found by the finder, not yet looked at by an editor.</summary>
    Proposed,

    /// <summary>An editor says the record names it.</summary>
    Confirmed,

    /// <summary>An editor says it does not (the same words name someone else, or no one).</summary>
    Rejected,
}

/// <summary>
/// A name a record writes (capitalized words, recurring) that no authority bears: a candidate for a new authority.
/// Written by the finder with the record's mentions; editors see the names that recur across records.
/// </summary>
public sealed class NameCandidate
{
    public long Id { get; set; }
    public int ArchivalRecordId { get; set; }

    /// <summary>Folded, as an authority name's key.</summary>
    public string Key { get; set; } = "";

    /// <summary>As the record first writes it.</summary>
    public string Name { get; set; } = "";
}

/// <summary>A candidate an editor dismissed ("Top Secret", "United Nations" kept elsewhere): not proposed again.</summary>
public sealed class DismissedName
{
    public string Key { get; set; } = "";
    public DateTime DismissedAt { get; set; }
    public string? DismissedBy { get; set; }
}

/// <summary>An authority merged into another: its address goes on to the one it became.</summary>
public sealed class AuthorityRedirect
{
    public int FromId { get; set; }
    public int ToId { get; set; }
    public DateTime MergedAt { get; set; }
}
