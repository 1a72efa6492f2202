using Dossier.Search;

namespace Dossier.Authorities;

/// <summary>
/// Finds the authorities a text names, in any spelling or script that folds alike (<see cref="NameFolding"/>) and with
/// Russian case endings ("Хрущёва", "Микояну"): every name of every authority becomes word patterns — the name as
/// written, the given names before the surname, the first given name alone before it, initials before it ("N. S.
/// Khrushchev"), and the surname alone — kept in a table by their first word, so that a text is read once, word by
/// word, whatever the number of authorities. Longer matches win over shorter ones at the same place. A full name is
/// <see cref="MentionCertainty.Certain"/>; initials or a surname alone are certain only when the text also names one
/// of their authorities in full, <see cref="MentionCertainty.Probable"/> when one authority alone bears them, and
/// <see cref="MentionCertainty.Ambiguous"/> (with every candidate) when several do — proposed, never asserted.
/// </summary>
public sealed class MentionFinder
{
    /// <summary>A surname shared by more authorities than this is too common to propose alone ("Smith").</summary>
    public const int MaxCandidates = 5;

    private enum Strength { Surname, Initials, Full }

    private sealed record Pattern(string[] Words, int AuthorityId, Strength Strength);

    // Patterns by their first word; each word of a pattern is a folded word, or a folded initial ending in '.'.
    private readonly Dictionary<string, List<Pattern>> byFirstWord = new(StringComparer.Ordinal);

    /// <param name="authorities">Every authority's names.</param>
    /// <param name="wholeNames">
    /// Authorities whose names are whole as written, places and organizations: "Havana" is a full name, not a surname,
    /// and "Washington, D.C." is not a surname and given names.
    /// </param>
    public MentionFinder(IEnumerable<(int AuthorityId, IEnumerable<string> Names)> authorities, IReadOnlySet<int>? wholeNames = null)
    {
        var seen = new HashSet<(string, int, Strength)>();
        foreach (var (id, names) in authorities)
            foreach (var name in names.SelectMany(Declinable))
                foreach (var pattern in wholeNames?.Contains(id) == true ? [new Pattern(Fold(name), id, Strength.Full)] : PatternsOf(id, name))
                    if (pattern.Words.Length > 0 && seen.Add((string.Join(' ', pattern.Words), id, pattern.Strength)))
                    {
                        if (!byFirstWord.TryGetValue(pattern.Words[0], out var list)) byFirstWord[pattern.Words[0]] = list = [];
                        list.Add(pattern);
                    }
    }

    public int Patterns => byFirstWord.Values.Sum(l => l.Count);

    /// <summary>
    /// A Russian name whose last word ends in -а or -я is declined on that ending ("Гавана" → "в Гавану", "Фурцева" →
    /// "с Фурцевой"): the text's words are cut to their stems, so the name is also kept cut to its own.
    /// </summary>
    private static IEnumerable<string> Declinable(string name)
    {
        yield return name;
        var end = name.Length;
        while (end > 0 && !char.IsLetter(name[end - 1])) end--;
        var start = end;
        while (start > 0 && char.IsLetter(name[start - 1])) start--;
        if (end - start >= 4 && name[end - 1] is 'а' or 'я' && name[start..end].All(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё'))
            yield return name[..(end - 1)] + name[end..];
    }

    private static IEnumerable<Pattern> PatternsOf(int id, string name)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var surname = Fold(comma >= 0 ? name[..comma] : name);
        var given = comma >= 0 ? Fold(name[(comma + 1)..]) : [];
        if (surname.Length == 0) yield break;
        if (given.Length == 0)
        {
            // A name in its own order ("Deng Xiaoping", "Fidel Castro"): as written; a one-word name is a surname.
            yield return new Pattern(surname, id, surname.Length > 1 ? Strength.Full : Strength.Surname);
            yield break;
        }
        yield return new Pattern([.. surname, .. given], id, Strength.Full);
        yield return new Pattern([.. given, .. surname], id, Strength.Full);
        if (given.Length > 1)
        {
            yield return new Pattern([given[0], .. surname], id, Strength.Full);
            yield return new Pattern([.. surname, given[0]], id, Strength.Full);
        }
        var initials = given.Select(g => g[..1] + ".").ToArray();
        yield return new Pattern([.. initials, .. surname], id, Strength.Initials);
        if (initials.Length > 1) yield return new Pattern([initials[0], .. surname], id, Strength.Initials);
        // A surname alone, when it is a name rather than a syllable ("Li", "Ho" would name half a volume).
        if (surname.Length > 1 || surname[0].Length >= 4) yield return new Pattern(surname, id, Strength.Surname);
    }

    // A name's words as a text's are read (a hyphenated word is one: "Tse-tung"), each folded.
    private static string[] Fold(string text) => [.. Tokens(text).Select(t => t.Forms[0]).Where(w => w.Length > 0)];

    /// <summary>The mentions in a text, in the order they stand.</summary>
    public IReadOnlyList<FoundMention> Find(string text) => Read(text).Mentions;

    /// <summary>The mentions in a text, and the names it writes that no authority bears (candidates for new ones).</summary>
    public MentionReading Read(string text)
    {
        var words = Tokens(text);
        // Words the text also writes in lower case are words, not names, when they stand alone: "May", "Will", "Rice".
        var lowercase = words.Where(w => !w.Capitalized).Select(w => w.Forms[0]).ToHashSet(StringComparer.Ordinal);
        var raw = new List<(int Start, int End, int Words, Strength Strength, List<int> Candidates, string First)>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Capitalized) continue;
            var best = new Dictionary<(int Length, Strength Strength), List<int>>();
            foreach (var first in words[i].Forms)
            {
                if (!byFirstWord.TryGetValue(first, out var patterns)) continue;
                foreach (var pattern in patterns)
                    if (Matches(words, i, pattern.Words))
                    {
                        var key = (pattern.Words.Length, pattern.Strength);
                        if (!best.TryGetValue(key, out var ids)) best[key] = ids = [];
                        if (!ids.Contains(pattern.AuthorityId)) ids.Add(pattern.AuthorityId);
                    }
            }
            if (best.Count == 0) continue;
            // The longest, then the strongest, reading of the words here.
            var ((length, strength), candidates) = best.OrderByDescending(b => b.Key.Length).ThenByDescending(b => b.Key.Strength).First();
            raw.Add((words[i].Start, words[i + length - 1].End, length, strength, candidates, words[i].Forms[0]));
        }
        // Overlapping readings: the one that starts first and reads more words stays ("Nikita Khrushchev", not "Khrushchev").
        var kept = new List<(int Start, int End, int Words, Strength Strength, List<int> Candidates, string First)>();
        foreach (var m in raw.OrderBy(m => m.Start).ThenByDescending(m => m.End - m.Start))
            if (kept.Count == 0 || m.Start >= kept[^1].End) kept.Add(m);

        var named = kept.Where(m => m.Strength == Strength.Full && m.Candidates.Count == 1).Select(m => m.Candidates[0]).ToHashSet();
        kept.RemoveAll(m => m.Strength == Strength.Surname && m.Words == 1 && lowercase.Contains(m.First) && !m.Candidates.Any(named.Contains));
        var found = new List<FoundMention>();
        foreach (var m in kept)
        {
            var matched = text[m.Start..m.End];
            if (m.Strength == Strength.Full)
            {
                found.Add(new FoundMention(m.Candidates.Count == 1 ? m.Candidates[0] : null, m.Start, m.End - m.Start, matched,
                    m.Candidates.Count == 1 ? MentionCertainty.Certain : MentionCertainty.Ambiguous, m.Candidates));
                continue;
            }
            // A surname or initials: the text's own full mentions decide, else the number of authorities that bear them.
            var inText = m.Candidates.Where(named.Contains).ToList();
            if (inText.Count == 1) found.Add(new FoundMention(inText[0], m.Start, m.End - m.Start, matched, MentionCertainty.Certain, inText));
            else if (m.Candidates.Count == 1) found.Add(new FoundMention(m.Candidates[0], m.Start, m.End - m.Start, matched, MentionCertainty.Probable, m.Candidates));
            else if (m.Candidates.Count <= MaxCandidates) found.Add(new FoundMention(null, m.Start, m.End - m.Start, matched, MentionCertainty.Ambiguous, m.Candidates));
        }
        return new MentionReading(found, Unmatched(text, words, kept.Select(m => (m.Start, m.End)).ToList()));
    }

    /// <summary>The most names a text proposes as candidates: a long text of capitalized headings is not a list of people.</summary>
    public const int MaxCandidateNames = 50;

    // Words that begin a run of capitals without being part of a name: articles, forms of address, titles.
    private static readonly HashSet<string> NotNames = new(StringComparer.Ordinal)
    {
        "the", "a", "an", "and", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as", "but", "if", "or", "when", "after",
        "before", "during", "this", "that", "these", "his", "her", "their", "our", "my", "your", "its", "mr", "mrs", "ms", "dr",
        "sir", "comrade", "cde", "tov", "general", "president", "ambassador", "minister", "secretary", "prime", "chairman",
        "premier", "marshal", "colonel", "admiral", "senator", "governor", "deputy", "vice", "mister", "madame", "monsieur",
        "dear", "top", "secret", "confidential", "copy", "no", "nr", "memorandum", "telegram", "letter", "note", "record",
        "товарищ", "тов", "г", "гн", "господин", "президент", "посол", "министр", "секретарь", "председатель", "генерал",
    };

    /// <summary>
    /// Runs of two to four capitalized words, outside the mentions found, that may name someone no authority bears:
    /// "Raúl Roa", "Vasily Kuznetsov". Leading articles and titles are dropped; words in capitals throughout (headings,
    /// acronyms) end a run.
    /// </summary>
    private static List<(string Key, string Name)> Unmatched(string text, List<Token> words, List<(int Start, int End)> mentions)
    {
        var found = new List<(string Key, string Name)>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var mention = 0;
        var run = new List<Token>();
        void Close()
        {
            while (run.Count > 0 && NotNames.Contains(run[0].Forms[0])) run.RemoveAt(0);
            if (run.Count is >= 2 and <= 4 && found.Count < MaxCandidateNames)
            {
                var name = text[run[0].Start..run[^1].End];
                var key = AuthorityName.KeyOf(name);
                if (key.Length > 0 && keys.Add(key)) found.Add((key, name));
            }
            run.Clear();
        }
        foreach (var word in words)
        {
            while (mention < mentions.Count && mentions[mention].End <= word.Start) mention++;
            var inMention = mention < mentions.Count && mentions[mention].Start <= word.Start;
            var shouting = word.End - word.Start > 1 && text.AsSpan(word.Start, word.End - word.Start).ToString().All(c => !char.IsLower(c));
            var isName = word.Capitalized && !inMention && !shouting && char.IsLetter(text[word.Start]);
            // A run goes on over spaces, and over the full stop of an initial ("John F. Kennedy"), never over a line's end.
            if (isName && run.Count > 0 && !Joined(text, run[^1], word)) Close();
            if (isName) run.Add(word);
            else Close();
        }
        Close();
        return found;
    }

    private static bool Joined(string text, Token before, Token after)
    {
        var gap = text.AsSpan(before.End, after.Start - before.End);
        if (gap.Length == 1 && gap[0] == ' ') return true;
        return before.End - before.Start == 1 && gap is ". ";
    }

    private static bool Matches(List<Token> words, int at, string[] pattern)
    {
        if (at + pattern.Length > words.Count) return false;
        for (var k = 0; k < pattern.Length; k++)
        {
            var word = words[at + k];
            if (k > 0 && !word.Capitalized) return false;
            var wanted = pattern[k];
            // An initial of the text ("N.", "Н.", "Х.") has the form of its folded first letter and a full stop.
            if (!word.Forms.Contains(wanted, StringComparer.Ordinal)) return false;
        }
        return true;
    }

    private sealed record Token(int Start, int End, string[] Forms, bool Capitalized);

    // Russian case endings, longest first: a surname's stem is what is left ("Хрущёвым" → "Хрущёв").
    private static readonly string[] RussianEndings =
        ["ыми", "ими", "ого", "его", "ому", "ему", "ами", "ями", "ом", "ем", "ой", "ей", "ым", "им", "ых", "их", "ую", "юю", "ах", "ях", "а", "я", "у", "ю", "е", "ы", "и"];

    private static List<Token> Tokens(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                i++;
                continue;
            }
            var start = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || (text[i] is '\'' or '’' or '-' && i + 1 < text.Length && char.IsLetter(text[i + 1])))) i++;
            var end = i;
            // A possessive is its name ("Khrushchev's").
            if (end - start > 3 && text[end - 1] is 's' && text[end - 2] is '\'' or '’') end -= 2;
            var word = text[start..end].Replace("’", "", StringComparison.Ordinal).Replace("'", "", StringComparison.Ordinal);
            var parts = word.Split('-', StringSplitOptions.RemoveEmptyEntries);
            var folded = NameFolding.Fold(string.Concat(parts));
            var forms = new List<string> { folded };
            if (word.Any(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё'))
            {
                var lower = word.ToLowerInvariant();
                foreach (var ending in RussianEndings)
                    if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal))
                    {
                        forms.Add(NameFolding.Fold(word[..^ending.Length]));
                        break;
                    }
            }
            var initial = word.Length <= 2 && i < text.Length && text[i] == '.' && char.IsLetter(word[0]);
            if (initial && folded.Length > 0) forms.Add(folded[..1] + ".");
            tokens.Add(new Token(start, end, [.. forms.Distinct(StringComparer.Ordinal)], char.IsUpper(word[0])));
        }
        return tokens;
    }
}

public enum MentionCertainty
{
    /// <summary>A full name, or initials or a surname whose authority the same text names in full.</summary>
    Certain,

    /// <summary>Initials or a surname that one authority alone bears: proposed.</summary>
    Probable,

    /// <summary>Words several authorities bear: proposed with every candidate, for an editor to choose.</summary>
    Ambiguous,
}

/// <summary>What a text names: the mentions of authorities, and names no authority bears (folded key, as written).</summary>
public sealed record MentionReading(IReadOnlyList<FoundMention> Mentions, IReadOnlyList<(string Key, string Name)> Unmatched);

/// <summary>A mention in a text: where it stands, what it says, whose it is (none while ambiguous) and whose it could be.</summary>
public sealed record FoundMention(int? AuthorityId, int Start, int Length, string Text, MentionCertainty Certainty, IReadOnlyList<int> Candidates);
