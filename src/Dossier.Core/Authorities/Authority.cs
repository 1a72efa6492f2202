using Dossier.Search;

namespace Dossier.Authorities;

/// <summary>
/// An authority record: one person, organization or place, under a preferred name and every other form it is
/// written in (other spellings and scripts, the forms printed in editions, titles), with what identifies it (life
/// years, a short description, VIAF and Wikidata identifiers, a place's coordinates). Records' mentions are linked to
/// it, so that a researcher follows Khrushchev whether a record writes "N. S. Khrushchev" or "Хрущёв".
/// </summary>
public sealed class Authority
{
    public const int MaxNameLength = 300;

    public int Id { get; set; }
    public AuthorityKind Kind { get; set; }
    public string PreferredName { get; set; } = "";

    /// <summary>Who or what it is, briefly ("First Secretary of the CPSU, 1953–1964"); paragraphs separated by a blank line.</summary>
    public string? Description { get; set; }

    public int? BirthYear { get; set; }
    public int? DeathYear { get; set; }

    /// <summary>
    /// The years it is known to have been at work (offices held, the editions that name it): the finder weighs a record's
    /// date against them, so that a "Kennedy" of 1870 is no Kennedy of 1962.
    /// </summary>
    public int? ActiveFrom { get; set; }

    public int? ActiveTo { get; set; }

    /// <summary>The Virtual International Authority File's number ("64007537").</summary>
    public string? Viaf { get; set; }

    /// <summary>Wikidata's item ("Q35014").</summary>
    public string? Wikidata { get; set; }

    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    /// <summary>Where the record came from and its number there ("hsg-people:107127"): an import of the same source again updates it.</summary>
    public string? SourceId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AuthorityName> Names { get; set; } = [];
}

public enum AuthorityKind
{
    Person,
    Organization,
    Place,
}

/// <summary>
/// The word for each kind: the API's <c>kind</c>, and the search facet and query field that narrow to it
/// (<c>person</c>, <c>place</c>, <c>organization</c>).
/// </summary>
public static class AuthorityKinds
{
    public static readonly IReadOnlyList<string> Names = ["person", "place", "organization"];

    public static string Name(AuthorityKind kind) => kind switch
    {
        AuthorityKind.Person => "person",
        AuthorityKind.Place => "place",
        _ => "organization",
    };

    public static AuthorityKind? Of(string name) => name switch
    {
        "person" => AuthorityKind.Person,
        "place" => AuthorityKind.Place,
        "organization" => AuthorityKind.Organization,
        _ => null,
    };
}

/// <summary>One form of an authority's name, with its folded key (<see cref="NameFolding"/>), by which it is found.</summary>
public sealed class AuthorityName
{
    public int Id { get; set; }
    public int AuthorityId { get; set; }
    public string Name { get; set; } = "";
    public NameForm Form { get; set; }

    /// <summary>The name's words folded and joined by spaces: "Хрущёв, Никита" and "Khrushchov, Nikita" have one key.</summary>
    public string Key { get; set; } = "";

    public static AuthorityName Of(string name, NameForm form) => new() { Name = name, Form = form, Key = KeyOf(name) };

    public static string KeyOf(string name) =>
        string.Join(' ', Words(name).Select(NameFolding.Fold).Where(w => w.Length > 0));

    /// <summary>A name's words: letters and digits, apostrophes inside a word kept ("O'Neill", "p’ing").</summary>
    public static IEnumerable<string> Words(string name)
    {
        var word = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsLetterOrDigit(c)) word.Append(c);
            else if (c is '\'' or '’' && word.Length > 0) continue;
            else if (word.Length > 0)
            {
                yield return word.ToString();
                word.Clear();
            }
        }
        if (word.Length > 0) yield return word.ToString();
    }
}

public enum NameForm
{
    /// <summary>The name the archive files it under ("Khrushchev, Nikita Sergeyevich").</summary>
    Preferred,

    /// <summary>Another spelling or script ("Хрущёв, Никита Сергеевич", "Teng Hsiao-p’ing").</summary>
    Variant,

    /// <summary>A title it is named by ("General", "First Secretary"): shown, never matched alone.</summary>
    Title,
}
