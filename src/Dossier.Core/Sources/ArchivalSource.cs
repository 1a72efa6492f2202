namespace Dossier.Sources;

/// <summary>
/// Where the original is held: the reference verbatim and, where it could be read, its parts.
/// The levels follow Russian archival arrangement (fond, opis, papka, delo, list/listy, reel);
/// references in other habits keep their text and at least the archive's name.
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

    public ArchivalSource Clone() => (ArchivalSource)MemberwiseClone();

    public bool IsEmpty => Text is null && Archive is null && Fond is null && Opis is null && Papka is null && Delo is null && Pages is null && Reel is null;
}
