namespace Dossier.Sources;

/// <summary>
/// Where the original is held: the reference verbatim and, where it could be read, its parts.
/// The levels follow Russian archival arrangement (fond, opis, papka, delo, list/listy, reel) with a box and an item
/// for the habits that have them; other habits' levels go to the part that does the same work (a German Bestand is
/// the fond, its Signatur the delo; a Hungarian doboz the box, its document number the item: docs/import.md).
/// </summary>
public sealed class ArchivalSource
{
    public string? Text { get; set; }
    public string? Archive { get; set; }
    public string? Fond { get; set; }
    public string? Opis { get; set; }
    public string? Papka { get; set; }
    public string? Delo { get; set; }
    public string? Pages { get; set; }
    public string? Reel { get; set; }

    /// <summary>The box holding the file (doboz, Karton, wiązka, svazek, a US archive's box).</summary>
    public string? Box { get; set; }

    /// <summary>The document inside the file (a registry or telegram number, a Chinese record's last part).</summary>
    public string? Item { get; set; }

    public ArchivalSource Clone() => (ArchivalSource)MemberwiseClone();

    public bool IsEmpty => Text is null && Archive is null && Fond is null && Opis is null && Papka is null && Delo is null && Pages is null && Reel is null
        && Box is null && Item is null;
}
