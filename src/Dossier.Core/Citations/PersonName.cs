namespace Dossier.Citations;

/// <summary>
/// A contributor's name as a citation needs it: family and given names apart (for "Goldberg, Gary" and CSL's
/// name parts), or a literal name for an institution ("CWIHP", "Blavatnik Family Foundation").
/// </summary>
public sealed record PersonName(string? Family, string? Given, string? Particle = null, string? Suffix = null, string? Literal = null)
{
    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "del", "della", "der", "den", "des", "di", "du", "dos", "das", "van", "von", "le", "la", "ter", "ten", "bin", "ibn", "al",
    };

    private static readonly HashSet<string> Suffixes = new(StringComparer.OrdinalIgnoreCase) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    private static readonly string[] InstitutionWords =
    [
        "Foundation", "Institute", "Center", "Centre", "Archive", "Archives", "Program", "Programme", "University",
        "Ministry", "Committee", "Council", "Library", "Office", "Department", "Project", "Society", "Fund",
    ];

    public bool IsInstitution => Literal is not null;

    /// <summary>
    /// Reads a name as archives write it: "Gary Goldberg", "James G. Hershberg", "Hershberg, James G.",
    /// "Martin Luther King Jr.", "Ludwig van Beethoven". One word, a word with digits or an institution's word
    /// ("Foundation", "Program"...) make a literal name.
    /// </summary>
    public static PersonName Parse(string name)
    {
        var text = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        var words = text.Split(' ');
        if (words.Length == 1 || text.Any(char.IsDigit) || words.Any(w => InstitutionWords.Contains(w.TrimEnd(',', '.'), StringComparer.OrdinalIgnoreCase)))
            return new PersonName(null, null, Literal: text);

        string? suffix = null;
        var comma = text.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0 && Suffixes.Contains(text[(comma + 1)..].Trim()))
        {
            suffix = text[(comma + 1)..].Trim();
            text = text[..comma];
            comma = -1;
        }
        if (comma > 0)
        {
            // "Family, Given" (an inverted name); Dutch and German catalogues put the particle last: "Jong, G. de".
            var family = text[..comma].Trim();
            var givenWords = text[(comma + 1)..].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var trailing = givenWords.Reverse().TakeWhile(w => Particles.Contains(w)).Count();
            // "Beethoven, van" has no given name to take the particle from: it stays where it is.
            if (trailing == givenWords.Length) trailing = 0;
            if (trailing > 0) family = string.Join(' ', givenWords[^trailing..]) + " " + family;
            return Split(family, string.Join(' ', givenWords[..^trailing]), suffix);
        }
        words = text.Split(' ');
        if (suffix is null && words.Length > 2 && Suffixes.Contains(words[^1]))
        {
            suffix = words[^1];
            words = words[..^1];
        }
        // Lower-case particles before the family name go with it: "Ludwig van Beethoven" → "van" "Beethoven".
        var familyStart = words.Length - 1;
        while (familyStart > 1 && Particles.Contains(words[familyStart - 1])) familyStart--;
        return Split(string.Join(' ', words[familyStart..]), string.Join(' ', words[..familyStart]), suffix);
    }

    private static PersonName Split(string family, string given, string? suffix)
    {
        var words = family.Split(' ');
        var particles = words.TakeWhile(w => Particles.Contains(w)).Count();
        return particles > 0 && particles < words.Length
            ? new PersonName(string.Join(' ', words[particles..]), NullIfEmpty(given), string.Join(' ', words[..particles]), suffix)
            : new PersonName(family, NullIfEmpty(given), null, suffix);
    }

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>"Goldberg, Gary"; "van Beethoven, Ludwig"; "King, Martin Luther, Jr."; a literal name as it is.</summary>
    public string Inverted()
    {
        if (Literal is not null) return Literal;
        var family = Particle is null ? Family : Particle + " " + Family;
        var inverted = Given is null ? family! : family + ", " + Given;
        return Suffix is null ? inverted : inverted + ", " + Suffix;
    }

    /// <summary>"Gary Goldberg"; "Martin Luther King Jr."; a literal name as it is.</summary>
    public string Natural()
    {
        if (Literal is not null) return Literal;
        var parts = new[] { Given, Particle, Family, Suffix }.Where(p => !string.IsNullOrEmpty(p));
        return string.Join(' ', parts);
    }

    /// <summary>"G. Goldberg", "J. G. Hershberg", "J.-P. Sartre": initials before the family name (APA 9.8, for translators and editors).</summary>
    public string Initialed()
    {
        if (Literal is not null) return Literal;
        var family = Particle is null ? Family! : Particle + " " + Family;
        if (Given is null) return Suffix is null ? family : family + ", " + Suffix;
        var named = Initials(Given) + " " + family;
        return Suffix is null ? named : named + ", " + Suffix;
    }

    /// <summary>"Goldberg, G.", "Hershberg, J. G.", "de Jong, G.": the family name, then initials (APA 9.8, authors).</summary>
    public string InvertedInitials()
    {
        if (Literal is not null) return Literal;
        var family = Particle is null ? Family! : Particle + " " + Family;
        var inverted = Given is null ? family : family + ", " + Initials(Given);
        return Suffix is null ? inverted : inverted + ", " + Suffix;
    }

    private static string Initials(string given) => string.Join(' ', given.Replace(".", ". ", StringComparison.Ordinal)
        .Split(' ', StringSplitOptions.RemoveEmptyEntries)
        .Select(word => string.Join('-', word.Split('-', StringSplitOptions.RemoveEmptyEntries).Select(part => char.IsLetter(part[0]) ? part[0] + "." : part))));
}
