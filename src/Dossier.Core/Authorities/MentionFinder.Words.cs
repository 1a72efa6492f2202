using Dossier.Search;

namespace Dossier.Authorities;

/// <summary>The finder's word lists (titles, common words, words that are no names), folded as a text's words are read.</summary>
public sealed partial class MentionFinder
{
    // Words of the finder's lists as a text's words are read ("Comrade" is "komrade", "February" "februari").
    private static string Folded(string word) => Loose(NameFolding.Fold(word));

    private static HashSet<string> Folded(IEnumerable<string> words) => words.Select(Folded).ToHashSet(StringComparer.Ordinal);

    private static bool IsInitial(Token token) => token.Forms.Any(f => f.Length == 2 && f[1] == '.');

    // A title stands before the name with a space, or glued by its full stop ("Mr.Kennedy").
    private static bool TitleJoined(string text, Token before, Token after)
    {
        var gap = text.AsSpan(before.End, after.Start - before.End);
        return gap is " " or ". " or "." or "  ";
    }

    private static bool Near(string a, string b) => a.Length >= 5 && b.Length >= 5 && Math.Abs(a.Length - b.Length) <= 1 && Distance(a, b) is > 0 and <= 2;

    // Edits (insert, delete, change, swap of two letters) between two short words.
    private static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
            for (var j = 1; j <= b.Length; j++)
            {
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        return d[a.Length, b.Length];
    }

    // Words before a surname that say a person is meant, folded.
    private static readonly string[] TitleWords =
    [
        "mr", "mrs", "ms", "miss", "dr", "sir", "lord", "lady", "comrade", "cde", "tov", "president", "ambassador", "minister", "premier",
        "chairman", "secretary", "general", "marshal", "admiral", "colonel", "senator", "governor", "consul", "baron", "count", "prince",
        "king", "queen", "emperor", "pope", "cardinal", "professor", "judge", "mister", "monsieur", "madame", "herr", "senor", "senhor",
        "tovarishch", "gospodin", "tovarishch", "tovarishchem", "tovarishchu", "tovarishcha", "prezident", "posol", "ministr", "predsedatel",
        "premer", "general", "marshal", "gospodina", "gospodinu", "gn", "g", "presidentelect", "monsieur", "gen", "amb", "sen", "gov",
    ];

    // The titles as the text's words are read (folded), each with the word it is.
    private static readonly Dictionary<string, string> Titles = TitleWords.GroupBy(Folded).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

    /// <summary>The offices a title names, as a person's description would write them ("Ambassador" for "posol").</summary>
    private static IEnumerable<string> Offices(string title) => title switch
    {
        "posol" => ["Ambassador"],
        "prezident" => ["President"],
        "ministr" => ["Minister"],
        "predsedatel" => ["Chairman"],
        "premer" => ["Premier", "Prime Minister"],
        "comrade" or "cde" or "tov" or "tovarishch" or "tovarishchem" or "tovarishchu" or "tovarishcha" => ["Communist", "Soviet"],
        _ => [title],
    };

    // Surnames that are also common English words: alone, they need more than being their only bearer's.
    private static readonly HashSet<string> CommonWords = new(StringComparer.Ordinal)
    {
        "may", "will", "grant", "young", "king", "long", "little", "brown", "green", "white", "black", "gray", "grey", "wood", "hill", "hall",
        "ford", "price", "rice", "bush", "hope", "love", "bell", "rose", "stone", "cook", "baker", "hunter", "mason", "marshall", "bishop",
        "fisher", "turner", "walker", "carter", "parker", "miller", "bond", "burns", "church", "street", "lane", "field", "fields", "hart",
        "strong", "sharp", "rich", "major", "noble", "power", "powers", "moody", "savage", "wise", "dean", "judge", "pope", "page", "day",
        "knight", "bird", "lamb", "fox", "wolf", "crane", "drake", "cross", "banks", "brooks", "marsh", "moore", "best", "good", "hood",
        "march", "august", "june", "april", "early", "hale", "lord", "north", "south", "west", "east", "english", "french", "german",
        "friend", "gates", "bridges", "house", "houses", "law", "child", "case", "cannon", "chase", "coffin", "cotton", "grace", "joy",
        "rule", "small", "short", "story", "swift", "wells", "winter", "summer", "spring", "frost", "snow", "storm", "temple", "tower",
        "waters", "webb", "welcome", "worth", "union", "state", "states", "castle", "bay", "port", "mills", "park", "parks", "holiday",
        "christmas", "easter", "hay", "hunt", "money", "ball", "bloom", "bright", "brave", "battle", "armstrong", "constant", "marshal",
        "general", "admiral", "chancellor", "premier", "consul", "senator", "governor", "prince", "duke", "earl", "baron", "count", "bishop",
        "mohammed", "muhammad", "ali", "john", "james", "george", "peter", "paul", "thomas", "william", "charles", "louis", "nicholas",
        "cable", "note", "report", "letter", "memo", "record", "minutes", "message", "telegram", "journal", "diary", "order", "decree",
    };

    // The common words as the finder reads them (folded).
    private static readonly HashSet<string> Common = Folded(CommonWords);

    /// <summary>The most names a text proposes as candidates: a long text of capitalized headings is not a list of people.</summary>
    public const int MaxCandidateNames = 50;

    // Words that begin a run of capitals without being part of a name: articles, forms of address, titles.
    private static readonly HashSet<string> NotNames = Folded(
    [
        "the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "but", "if", "or", "when", "after",
        "before", "during", "this", "that", "these", "his", "her", "their", "our", "my", "your", "its", "mr", "mrs", "ms", "dr",
        "sir", "comrade", "cde", "tov", "general", "president", "ambassador", "minister", "secretary", "prime", "chairman",
        "premier", "marshal", "colonel", "admiral", "senator", "governor", "deputy", "vice", "mister", "madame", "monsieur",
        "dear", "top", "secret", "confidential", "copy", "no", "nr", "memorandum", "telegram", "letter", "note", "record",
        "товарищ", "тов", "г", "гн", "господин", "президент", "посол", "министр", "секретарь", "председатель", "генерал",
    ]);
}
