namespace Dossier.Records;

/// <summary>
/// Where a record stands between its description and the reading room. Only <see cref="Published"/> records exist
/// for a visitor; every other state is seen by the archive's staff alone.
/// </summary>
public enum PublicationStatus
{
    /// <summary>Being described; a contributor's or an import's work.</summary>
    Draft,

    /// <summary>Submitted for a second pair of eyes.</summary>
    InReview,

    /// <summary>Approved, but held until its embargo date, when it is published without anyone acting.</summary>
    Embargoed,

    Published,

    /// <summary>Taken out of the reading room after publication, with a reason shown to the staff only.</summary>
    Withdrawn,
}

public static class Publication
{
    /// <summary>Whether a visitor may see the record: published, and not deleted. The one rule every route obeys.</summary>
    public static bool IsPublic(ArchivalRecord record) => record.Status == PublicationStatus.Published && record.DeletedAt is null;
}
