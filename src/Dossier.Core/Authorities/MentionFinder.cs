using Dossier.Search;

namespace Dossier.Authorities;

/// <summary>
/// What the authority file says of an authority beyond its names, that tells whether a text can mean it: its life,
/// the years it was at work, and what it was (offices, in its description).
/// </summary>
public sealed record AuthorityFacts(int? BirthYear = null, int? DeathYear = null, int? ActiveFrom = null, int? ActiveTo = null, string? Description = null);

/// <summary>
/// Finds the authorities a text names, in any spelling or script that folds alike (<see cref="NameFolding"/>, with the
/// finder's own looser spellings: Adzhubey/Adzhubei, Aragonez/Aragones, Гевара/Guevara) and with Russian case endings
/// ("Хрущёва", "Микояну"): every name of every authority becomes word patterns — the name as written, the given names
/// before the surname, the first given name alone before it, initials before it ("N. S. Khrushchev"), and the surname
/// alone — kept in a table by their first word, so that a text is read once, word by word, whatever the number of
/// authorities. Longer matches win over shorter ones at the same place.
/// <para>
/// Then it decides as a reader does, weighing what the text and the authority file say into a score between 0 and 1
/// with its reasons (<see cref="FoundMention.Reason"/>, shown to editors): a full name is sure; initials, a title
/// ("Comrade Khrushchev", "President Dorticós") or a signature with a surname are sure when one bearer fits; a surname
/// alone is sure when the text or its source names that person in full elsewhere (a FRUS volume's editors' list of
/// persons, the record's sender), or when only one bearer of the record's time is plausible and its name is no word.
/// The record's time: a person is not spoken of before being grown, nor long before the years at work the file knows
/// (the "Kennedy" of an 1870 dispatch is no Kennedy of 1962); the dead are spoken of, not addressed. What the person
/// was counts: the one in a high office in the record's year (by the years the description gives it), a title their
/// description bears, the places and bodies their description and the text both name; what the text says of them that
/// their description denies ("Comrade" for an American diplomat, "Minister of Foreign Trade" for an OAS official)
/// counts against. At <see cref="Sure"/> or above, and <see cref="Lead"/> ahead of the next bearer, a reading is
/// <see cref="MentionCertainty.Certain"/> (asserted); below, a proposal for editors, with every candidate.
/// </para>
/// <para>
/// Measured on 87 documents read by hand (tests/Fixtures/mention-gold): see docs/authorities.md for the scores.
/// </para>
/// </summary>
public sealed partial class MentionFinder
{
    /// <summary>A surname shared by more authorities than this is too common to propose alone ("Smith").</summary>
    public const int MaxCandidates = 5;

    /// <summary>The score from which a reading is asserted.</summary>
    public const double Sure = 0.8;

    /// <summary>How far the best bearer must lead the next: two plausible bearers are for an editor to choose from.</summary>
    public const double Lead = 0.2;

    private enum Strength { Surname, Initials, Full }

    // Cyrillic: the name is written in Cyrillic (a text's word in the other script matches it only by transliteration).
    private sealed record Pattern(string[] Words, int AuthorityId, Strength Strength, bool Cyrillic);

    // Patterns by their first word; each word of a pattern is a folded word, or a folded initial ending in '.'.
    private readonly Dictionary<string, List<Pattern>> byFirstWord = new(StringComparer.Ordinal);

    // Each person's given names (folded), to recognise a misspelt one before the surname ("Эрнетсо Гевара").
    private readonly Dictionary<int, HashSet<string>> givenNames = [];

    // The first letters of each person's given names, all of them ("T." of Frederick Theodore Frelinghuysen).
    private readonly Dictionary<int, HashSet<char>> givenInitials = [];

    // Each person's surname (its first word, folded), to find the family a text names.
    private readonly Dictionary<int, string> surnameOf = [];

    // Every person's first given name (folded): a capitalized word before a surname that is one is a given name.
    private readonly HashSet<string> anyGivenName = new(StringComparer.Ordinal);

    private readonly IReadOnlyDictionary<int, AuthorityFacts> facts;

    // Each person's description by the stems of its telling words ("Cuban", "Moscow", "Organization"), to weigh what a
    // text speaks of against what the person was.
    private readonly Dictionary<int, HashSet<string>> context = [];

    // Persons whose description names a high office (a head of state or government, a party's leader, a foreign minister),
    // with the years it gives for each (none: undated).
    private readonly Dictionary<int, List<(int? From, int? To)>> highOffices = [];

    /// <param name="authorities">Every authority's names.</param>
    /// <param name="wholeNames">
    /// Authorities whose names are whole as written, places and organizations: "Havana" is a full name, not a surname,
    /// and "Washington, D.C." is not a surname and given names.
    /// </param>
    /// <param name="facts">What the authority file says of each, to weigh readings by (none: names alone decide).</param>
    public MentionFinder(IEnumerable<(int AuthorityId, IEnumerable<string> Names)> authorities, IReadOnlySet<int>? wholeNames = null,
        IReadOnlyDictionary<int, AuthorityFacts>? facts = null)
    {
        this.facts = facts ?? new Dictionary<int, AuthorityFacts>();
        var seen = new HashSet<(string, int, Strength)>();
        var ownStems = new HashSet<(int, string)>();
        foreach (var (id, names) in authorities)
            foreach (var name in names.SelectMany(Declinable))
            {
                var whole = wholeNames?.Contains(id) == true;
                var cyrillic = name.Any(IsCyrillic);
                foreach (var pattern in whole ? [new Pattern(Fold(name), id, Strength.Full, cyrillic)] : PatternsOf(id, Ordered(name), cyrillic))
                    if (pattern.Words.Length > 0 && seen.Add((string.Join(' ', pattern.Words), id, pattern.Strength)))
                    {
                        if (!byFirstWord.TryGetValue(pattern.Words[0], out var list)) byFirstWord[pattern.Words[0]] = list = [];
                        list.Add(pattern);
                    }
                if (this.facts.ContainsKey(id)) ownStems.UnionWith(Stems(name, capitalizedOnly: false).Select(stem => (id, stem)));
                if (!whole && Ordered(name) is var ordered && ordered.IndexOf(',', StringComparison.Ordinal) is var comma and > 0)
                {
                    if (Fold(ordered[..comma]) is [var family, ..]) surnameOf.TryAdd(id, family);
                    if (!givenInitials.TryGetValue(id, out var letters)) givenInitials[id] = letters = [];
                    letters.UnionWith(InitialsOf(ordered[(comma + 1)..]).Select(i => i[0]));
                }
                if (!whole && Ordered(name) is var inOrder && inOrder.IndexOf(',', StringComparison.Ordinal) is var at and > 0 && Fold(inOrder[(at + 1)..]) is [var given, ..] && given.Length >= 3)
                {
                    anyGivenName.Add(given);
                    if (given.Length < 4) continue;
                    if (!givenNames.TryGetValue(id, out var set)) givenNames[id] = set = new HashSet<string>(StringComparer.Ordinal);
                    set.Add(given);
                }
            }
        // What each person was, by the telling words of their description that are not their own names.
        foreach (var (id, f) in this.facts)
        {
            if (f.Description is not { } description) continue;
            var stems = Stems(description, capitalizedOnly: true);
            stems.RemoveWhere(stem => ownStems.Contains((id, stem)));
            context[id] = stems;
            if (HighOfficesOf(description) is { Count: > 0 } held) highOffices[id] = held;
        }
    }

    /// <summary>
    /// The finder of a set of authorities as the archive holds them: every name but titles; places and organizations
    /// named whole; each person's facts.
    /// </summary>
    public static MentionFinder Of(IEnumerable<(int Id, Authority Authority)> authorities)
    {
        var list = authorities.ToList();
        return new MentionFinder(
            list.Select(a => (a.Id, a.Authority.Names.Where(n => n.Form != NameForm.Title).Select(n => n.Name))),
            list.Where(a => a.Authority.Kind != AuthorityKind.Person).Select(a => a.Id).ToHashSet(),
            list.Where(a => a.Authority.Kind == AuthorityKind.Person).ToDictionary(a => a.Id, a => Facts(a.Authority)));
    }

    public static AuthorityFacts Facts(Authority a) => new(a.BirthYear, a.DeathYear, a.ActiveFrom, a.ActiveTo, a.Description);

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

    /// <summary>
    /// "Bolshakov Georgi N" is "Bolshakov, Georgi N": a name without its comma whose last word is an initial is written
    /// surname first.
    /// </summary>
    private static string Ordered(string name)
    {
        if (name.Contains(',', StringComparison.Ordinal)) return name;
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // "Franz Joseph I", "Francis Joseph I": a regnal number, not an initial.
        return words.Length is 3 or 4 && words[^1].TrimEnd('.') is { Length: 1 } last && char.IsUpper(last[0]) && last is not ("I" or "V" or "X")
            ? words[0] + ", " + string.Join(' ', words[1..]) : name;
    }

    // Words that begin a surname without being one ("de la Serna", "van Buren"), and given names that are no names.
    private static readonly HashSet<string> Particles = Folded(
    [
        "de", "del", "della", "di", "da", "do", "dos", "das", "du", "la", "le", "van", "von", "der", "den", "ter", "ten", "y", "e", "bin", "ibn",
        "al", "el", "abu", "ben", "mac", "mc", "st", "san", "santa", "the",
    ]);

    private static IEnumerable<Pattern> PatternsOf(int id, string name, bool cyrillic)
    {
        var comma = name.IndexOf(',', StringComparison.Ordinal);
        var surname = Fold(comma >= 0 ? name[..comma] : name);
        var given = comma >= 0 ? Fold(name[(comma + 1)..]) : [];
        if (surname.Length == 0 || given.Any(g => g == "the")) yield break;
        if (given.Length == 0)
        {
            // A name in its own order ("Deng Xiaoping", "Fidel Castro"): as written; a one-word name is a surname, when it
            // is a name rather than a syllable or a word ("I", "Red", "Pak").
            // Initials alone ("C.K") are no name to read.
            if (surname.All(w => w.Length <= 1)) yield break;
            if (surname.Length > 1) yield return new Pattern(surname, id, Strength.Full, cyrillic);
            else if (surname[0].Length >= 4) yield return new Pattern(surname, id, Strength.Surname, cyrillic);
            yield break;
        }
        // "Dorticós Torrado, Osvaldo", "Guevara de la Serna, Ernesto": the first of two surnames is written alone too.
        var surnames = new List<string[]> { surname };
        if (surname.Length > 1 && surname[0].Length >= 4 && !Particles.Contains(surname[0])) surnames.Add([surname[0]]);
        foreach (var family in surnames)
        {
            yield return new Pattern([.. family, .. given], id, Strength.Full, cyrillic);
            yield return new Pattern([.. given, .. family], id, Strength.Full, cyrillic);
            if (given.Length > 1)
            {
                yield return new Pattern([given[0], .. family], id, Strength.Full, cyrillic);
                yield return new Pattern([.. family, given[0]], id, Strength.Full, cyrillic);
            }
            // Initials of every run of the given names from the first: "V. I. Lenin" for "Vladimir Ilyich Ulyanov".
            var initials = InitialsOf(name[(comma + 1)..]);
            for (var n = initials.Length; n >= 1; n--) yield return new Pattern([.. initials[..n], .. family], id, Strength.Initials, cyrillic);
            // A surname alone; a short one ("Hay", "Li") is read only with a title or as a signature (see Readings).
            if (family.Length > 1 || family[0].Length >= 2) yield return new Pattern(family, id, Strength.Surname, cyrillic);
        }
    }

    // The initial of a word as a text's initials are read: its first letter folded alone ("C." of Charles is "k.", as a
    // text's "C." is, though "charles" keeps its c).
    private static string InitialOf(string word) => Loose(NameFolding.Fold(word[..1])) is { Length: > 0 } letter ? letter[..1] + "." : "";

    private static string[] InitialsOf(string givenNames) => [.. Tokens(givenNames).Select(t => InitialOf(givenNames[t.Start..t.End])).Where(i => i.Length > 0)];

    // A name's words as a text's are read (a hyphenated word is one: "Tse-tung"), each folded.
    private static string[] Fold(string text) => [.. Tokens(text).Select(t => t.Forms[0]).Where(w => w.Length > 0)];

    /// <summary>
    /// Every form a text's words are matched by (folded, stems of Russian case endings): an authority none of whose
    /// names has a word among them cannot be found in the text.
    /// </summary>
    public static IReadOnlySet<string> WordForms(string text) => Tokens(text).SelectMany(t => t.Forms).ToHashSet(StringComparer.Ordinal);

    /// <summary>The folded words of a name, as <see cref="WordForms"/> gives a text's.</summary>
    public static IReadOnlyList<string> NameWords(string name) => Fold(name);

    /// <summary>The mentions in a text, in the order they stand.</summary>
    public IReadOnlyList<FoundMention> Find(string text, int? year = null) => Read(text, year).Mentions;

    // CrossScript: the text writes the name in another script than any of its matching forms (a transliteration).
    private sealed record Reading(int Start, int End, int Words, Strength Strength, List<int> Candidates, string First, string? Title, bool CrossScript)
    {
        /// <summary>The surname's last folded word, as the text writes it.</summary>
        public string Surname { get; init; } = "";

        /// <summary>The telling words of the office the text gives the name ("Trade" of "Minister of Foreign Trade").</summary>
        public string[] Office { get; init; } = [];

        /// <summary>A surname alone on a line of its own: a signature.</summary>
        public bool Signature { get; init; }

        /// <summary>A full name whose given name is one or two letters off the bearer's ("Эрнетсо Гевара").</summary>
        public bool Misspelt { get; init; }
    }

    /// <summary>
    /// The mentions in a text written in <paramref name="year"/> (unknown: names alone decide), and the names it writes
    /// that no authority bears (candidates for new ones). <paramref name="namedBySource"/> are people the record's
    /// source names in full beside the text (an edition's editors who linked its names to their list of persons, its
    /// sender and recipient): the text's surnames may be theirs as if the text had named them in full.
    /// </summary>
    public MentionReading Read(string text, int? year = null, IEnumerable<string>? namedBySource = null)
    {
        var words = Tokens(text);
        // Words the text also writes in lower case are words, not names, when they stand alone: "May", "Will", "Rice".
        var lowercase = words.Where(w => !w.Capitalized).Select(w => w.Forms[0]).ToHashSet(StringComparer.Ordinal);
        // What the text speaks of, to weigh against what each person was.
        var about = Stems(text, capitalizedOnly: true);
        var raw = Readings(text, words);
        // Overlapping readings: the one that starts first and reads more words stays ("Nikita Khrushchev", not "Khrushchev").
        var kept = new List<Reading>();
        foreach (var m in raw.OrderBy(m => m.Start).ThenByDescending(m => m.End - m.Start))
            if (kept.Count == 0 || m.Start >= kept[^1].End) kept.Add(m);

        kept.RemoveAll(m => m.Strength == Strength.Surname && m.Title is null && !m.Signature && m.Words == 1 && lowercase.Contains(m.First));
        // A short one the text writes in lower case is a word even after a title ("AMBASSADOR OF").
        kept.RemoveAll(m => m.Strength == Strength.Surname && m.Words == 1 && m.First.Length < 4 && lowercase.Contains(m.First));
        // The office the text gives a surname once is its bearer's wherever it stands ("Minister of Foreign Trade Mora ...
        // Mora asked me").
        var offices = kept.Where(m => m.Office.Length > 0).GroupBy(m => m.Surname).ToDictionary(g => g.Key, g => g.First().Office, StringComparer.Ordinal);
        for (var k = 0; k < kept.Count; k++)
            if (kept[k] is { Strength: Strength.Surname, Office.Length: 0 } m && offices.TryGetValue(m.Surname, out var office)) kept[k] = m with { Office = office };
        // The initials the text gives a surname ("A. I. Alekseyev"): its bare surname elsewhere is not of a bearer whose
        // initials differ (Nikolai Alekseyev).
        var initialled = new Dictionary<string, HashSet<char>>(StringComparer.Ordinal);
        var monsieur = kept.Where(m => m.Title == "monsieur").Select(m => m.Start).ToHashSet();
        for (var i = 1; i < words.Count; i++)
            if (IsInitial(words[i - 1]) && words[i].Capitalized && !IsInitial(words[i]) && Joined(text, words[i - 1], words[i]) && !monsieur.Contains(words[i].Start))
            {
                if (!initialled.TryGetValue(words[i].Forms[0], out var letters)) initialled[words[i].Forms[0]] = letters = [];
                for (var first = i - 1; first >= 0 && IsInitial(words[first]) && (first == i - 1 || Joined(text, words[first], words[first + 1])); first--)
                    letters.Add(words[first].Forms[0][0]);
            }
        foreach (var m in kept.Where(m => m.Strength == Strength.Surname && initialled.ContainsKey(m.Surname)))
            m.Candidates.RemoveAll(c => givenInitials.TryGetValue(c, out var letters) && letters.Count > 0 && !letters.Overlaps(initialled[m.Surname]));
        kept.RemoveAll(m => m.Candidates.Count == 0);

        // Whom the source names beside the text, and whom the text names in full, or by initials or a title that fit one
        // bearer: its surnames elsewhere are theirs.
        var named = new Dictionary<int, (string Reason, int Start)>();
        foreach (var name in namedBySource ?? [])
            if (Readings(name, Tokens(name)).Where(r => r.Strength == Strength.Full).Select(r => r.Candidates).FirstOrDefault() is [var only])
                named.TryAdd(only, ($"named by its source as {name}", -1));
        foreach (var m in kept)
        {
            if (m.Strength == Strength.Surname && m.Title is null) continue;
            var scores = Weigh(m, year, named, lowercase, about);
            if (scores is [{ Score: >= Sure } only] || (scores is [{ Score: >= Sure } first, var second, ..] && Leads(first.Score, second.Score)))
                named.TryAdd(scores[0].Id, (m.Strength == Strength.Full ? "named in full in the text" : $"named as {text[m.Start..m.End]} in the text", m.Start));
        }

        var found = new List<FoundMention>();
        // "Fidel" in a text that names Fidel Castro: his given name alone is him. So it is in one that names Raúl Castro:
        // the given name of one of the family the text names, of the record's time.
        var byGivenName = named.Keys.SelectMany(id => givenNames.TryGetValue(id, out var g) ? g.Select(n => (Name: n, Id: id)) : [])
            .GroupBy(x => x.Name).Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => (Id: g.Single().Id, Reason: "given name of one the text names in full"), StringComparer.Ordinal);
        foreach (var family in named.Keys.Select(id => surnameOf.GetValueOrDefault(id)).OfType<string>().Distinct())
            foreach (var (given, id) in Family(family, year))
                byGivenName.TryAdd(given, (id, $"given name of a {family} of the record's time, a family the text names"));
        var covered = kept.Select(m => (m.Start, m.End)).ToList();
        foreach (var w in words)
            if (w.Capitalized && byGivenName.TryGetValue(w.Forms[0], out var person) && !Common.Contains(w.Forms[0]) && !covered.Any(c => w.Start >= c.Start && w.Start < c.End)
                && !words.Any(o => o.Start > w.Start && o.Start <= w.End + 1 && o.Capitalized))
                found.Add(new FoundMention(person.Id, w.Start, w.End - w.Start, text[w.Start..w.End], MentionCertainty.Certain, [person.Id], 0.9, person.Reason));
        kept.RemoveAll(m => m.Strength == Strength.Surname && m.Words == 1 && byGivenName.TryGetValue(m.First, out var p) && !m.Candidates.Contains(p.Id));
        foreach (var m in kept)
        {
            var final = Weigh(m, year, named, lowercase, about);
            if (final.Count == 0) continue;
            var matched = text[m.Start..m.End];
            var best = final[0];
            var leads = final.Count == 1 || Leads(best.Score, final[1].Score);
            if (best.Score >= Sure && leads)
                found.Add(new FoundMention(best.Id, m.Start, m.End - m.Start, matched, MentionCertainty.Certain, [best.Id], Math.Min(1, best.Score), best.Reason));
            else if (final.Count == 1)
                found.Add(new FoundMention(best.Id, m.Start, m.End - m.Start, matched, MentionCertainty.Probable, [best.Id], Math.Min(1, best.Score), best.Reason));
            else if (final.Count <= MaxCandidates)
                found.Add(new FoundMention(null, m.Start, m.End - m.Start, matched, MentionCertainty.Ambiguous, [.. final.Select(c => c.Id)], Math.Min(1, best.Score),
                    $"{final.Count} bearers could be meant: " + string.Join("; ", final.Select(c => c.Reason))));
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new MentionReading(found, Unmatched(text, words, kept.Select(m => (m.Start, m.End)).ToList()));
    }

    // The given names of the bearers of a surname who may be meant in the record's year, each of one bearer only.
    private IEnumerable<(string Given, int Id)> Family(string surname, int? year)
    {
        if (!byFirstWord.TryGetValue(surname, out var patterns)) return [];
        return patterns.Where(p => p is { Strength: Strength.Surname, Words.Length: 1 }).Select(p => p.AuthorityId).Distinct()
            .Where(id => Era(facts.GetValueOrDefault(id), year) is not (Time.Impossible or Time.Dead or Time.NotYet))
            .SelectMany(id => givenNames.TryGetValue(id, out var g) ? g.Select(n => (Given: n, Id: id)) : [])
            .GroupBy(x => x.Given).Where(g => g.Select(x => x.Id).Distinct().Count() == 1).Select(g => g.First());
    }

    /// <summary>Every reading of a text's words as a name, overlapping, before any is weighed.</summary>
    private List<Reading> Readings(string text, List<Token> words)
    {
        var raw = new List<Reading>();
        for (var i = 0; i < words.Count; i++)
        {
            if (!words[i].Capitalized) continue;
            var best = new Dictionary<(int Length, Strength Strength), Dictionary<int, bool>>();
            foreach (var first in words[i].Forms)
            {
                if (!byFirstWord.TryGetValue(first, out var patterns)) continue;
                foreach (var pattern in patterns)
                    if (Matches(words, i, pattern.Words))
                    {
                        var key = (pattern.Words.Length, pattern.Strength);
                        if (!best.TryGetValue(key, out var ids)) best[key] = ids = [];
                        ids[pattern.AuthorityId] = ids.GetValueOrDefault(pattern.AuthorityId) || pattern.Cyrillic == words[i].Cyrillic;
                    }
            }
            if (best.Count == 0) continue;
            // "Marshal", "General" alone are titles, not the surname some bearer has.
            if (best.Keys.All(k => k is { Length: 1, Strength: Strength.Surname }) && Titles.ContainsKey(words[i].Forms[0])) continue;
            // The longest, then the strongest, reading of the words here; of its bearers, those written in the text's
            // own script win over those matched by transliteration ("УССР" is the Ukrainian SSR, not the USSR).
            var ((length, strength), bearers) = best.OrderByDescending(b => b.Key.Length).ThenByDescending(b => b.Key.Strength).First();
            var sameScript = bearers.Where(b => b.Value).Select(b => b.Key).ToList();
            var candidates = sameScript.Count > 0 ? sameScript : [.. bearers.Keys];
            string? title = null;
            if (i > 0 && Titles.TryGetValue(words[i - 1].Forms[0], out var titleWord) && TitleJoined(text, words[i - 1], words[i])) title = titleWord;
            if (strength != Strength.Full && i > 0 && IsInitial(words[i - 1]) && Joined(text, words[i - 1], words[i]))
            {
                var letter = words[i - 1].Forms[0][0];
                var fitting = candidates.Where(c => givenInitials.TryGetValue(c, out var g) && g.Contains(letter)).ToList();
                // "M. Pavlov" in a British or French text: Monsieur, unless the initial is one of the bearers'.
                if (letter == 'm' && fitting.Count == 0) title = "monsieur";
                // "C. R. Rodriguez": the initials before these are of someone whose names these are not (a bearer's would have
                // been read from the first).
                else if (fitting.Count == 0 || strength == Strength.Initials || (i > 1 && IsInitial(words[i - 2]) && Joined(text, words[i - 2], words[i - 1]))) continue;
                // "FRED'K T. FRELINGHUYSEN": a middle name's initial, alone.
                else (candidates, strength) = (fitting, Strength.Initials);
            }
            // "John F. Stevens": initials after a given name none of the bearers has are another's.
            if (strength == Strength.Initials && i > 0 && words[i - 1].Capitalized && !IsInitial(words[i - 1]) && Joined(text, words[i - 1], words[i])
                && words[i - 1].Forms.Any(anyGivenName.Contains))
            {
                candidates = [.. candidates.Where(c => givenNames.TryGetValue(c, out var g) && g.Overlaps(words[i - 1].Forms))];
                if (candidates.Count == 0) continue;
            }
            // "Minister of Foreign Trade Mora": an office the text gives the name, with the words that say which.
            string[] office = [];
            if (title is null && strength != Strength.Full && OfficeBefore(text, words, i) is { } phrase)
                (title, office) = phrase;
            // A surname alone on a line of its own is a signature: a person is meant.
            var signature = strength == Strength.Surname && title is null && OwnLine(text, words[i].Start, words[i + length - 1].End);
            // "Li", "Ho", "Hay" alone would name half a volume: a short surname needs a title or a signature.
            if (strength == Strength.Surname && length == 1 && words[i].Forms[0].Length < 4 && title is null && !signature) continue;
            // "Erhard Krack": a surname that is also a given name, before another name, is a given name, title or not.
            if (strength == Strength.Surname && length == 1 && title is not null && NameWordAfter(text, words, i)) continue;
            // A given name misspelt before a surname ("Эрнетсо Гевара"): one letter or two off one of its bearers'.
            if (strength == Strength.Surname && i > 0 && words[i - 1].Capitalized && title is null && Joined(text, words[i - 1], words[i]))
            {
                var misspelt = candidates.Where(c => givenNames.TryGetValue(c, out var given) && given.Any(g => Near(g, words[i - 1].Forms[0]))).ToList();
                if (misspelt.Count > 0)
                {
                    raw.Add(new Reading(words[i - 1].Start, words[i + length - 1].End, length + 1, Strength.Full, misspelt, words[i - 1].Forms[0], null, sameScript.Count == 0)
                    {
                        Surname = words[i + length - 1].Forms[0],
                        Misspelt = true,
                    });
                    continue;
                }
            }
            // A surname alone that stands beside another name's word ("Daniel Willard", "Erhard Krack") is part of a name
            // the file does not hold.
            if (strength == Strength.Surname && length == 1 && title is null && (NameWordBefore(text, words, i) || NameWordAfter(text, words, i))) continue;
            raw.Add(new Reading(words[i].Start, words[i + length - 1].End, length, strength, candidates, words[i].Forms[0], title, sameScript.Count == 0)
            {
                Surname = words[i + length - 1].Forms[0],
                Office = office,
                Signature = signature,
            });
        }
        return raw;
    }

    // Offices: titles that say what a person does, not how one addresses them.
    private static readonly HashSet<string> OfficeTitles = Folded(
    [
        "president", "ambassador", "minister", "premier", "chairman", "secretary", "general", "marshal", "admiral", "colonel", "senator",
        "governor", "consul", "king", "queen", "emperor", "judge", "prezident", "posol", "ministr", "predsedatel", "premer",
    ]);

    // Lower-case words an office's name is made with ("Minister of Foreign Trade").
    private static readonly HashSet<string> OfficeJoins = new(StringComparer.Ordinal) { "of", "the", "for", "and" };

    /// <summary>
    /// An office written just before a name, up to six words back: "Minister of Foreign Trade Mora" gives the title
    /// "minister" and its telling words ("Trade"), that what the authority file says of a bearer should hold.
    /// </summary>
    private static (string Title, string[] Words)? OfficeBefore(string text, List<Token> words, int i)
    {
        var telling = new List<string>();
        for (var k = i - 1; k >= 0 && k >= i - 6; k--)
        {
            if (text.AsSpan(words[k].End, words[k + 1].Start - words[k].End) is not " ") return null;
            var form = words[k].Forms[0];
            if (words[k].Capitalized && OfficeTitles.Contains(form) && Titles.TryGetValue(form, out var title))
                return telling.Count > 0 ? (title, [.. telling]) : null;
            if (words[k].Capitalized && !IsInitial(words[k]))
            {
                if (!Generic.Contains(form)) telling.Add(text[words[k].Start..words[k].End]);
            }
            else if (!OfficeJoins.Contains(form)) return null;
        }
        return null;
    }

    // The words from start to end are all their line holds, but for punctuation.
    private static bool OwnLine(string text, int start, int end)
    {
        var lineStart = start == 0 ? 0 : text.LastIndexOf('\n', start - 1) + 1;
        var lineEnd = text.IndexOf('\n', end);
        if (lineEnd < 0) lineEnd = text.Length;
        return text.AsSpan(lineStart, start - lineStart).IndexOfAnyExcept(" \t\r") < 0 && text.AsSpan(end, lineEnd - end).IndexOfAnyExcept(" \t\r.,") < 0;
    }

    // Scores are weighed uncapped (two bearers may both pass 1), and compared as rounded to two places.
    private static bool Leads(double best, double next) => best - next >= Lead - 1e-9;

    // A capitalized word just before, joined by a space, that is a given name someone in the file bears (not "Великого
    // Ленина", the Great Lenin), and neither a title nor the first word of a sentence.
    private bool NameWordBefore(string text, List<Token> words, int i)
    {
        if (i == 0) return false;
        var before = words[i - 1];
        if (!before.Capitalized || IsInitial(before) || Titles.ContainsKey(before.Forms[0]) || Generic.Contains(before.Forms[0]) || Common.Contains(before.Forms[0])
            || !before.Forms.Any(anyGivenName.Contains)) return false;
        if (text.AsSpan(before.End, words[i].Start - before.End) is not " ") return false;
        var k = before.Start - 1;
        while (k >= 0 && text[k] == ' ') k--;
        return k >= 0 && text[k] is not ('.' or '!' or '?' or ':' or '\n' or '"' or '“' or '(' or '[' or '—');
    }

    // After a surname that is also a given name ("Erhard Krack"), a capitalized word joined by a space that is not a word of
    // government ("Kennedy Administration"): the surname is a given name there.
    private bool NameWordAfter(string text, List<Token> words, int i)
    {
        if (i + 1 >= words.Count || !words[i].Forms.Any(anyGivenName.Contains)) return false;
        var after = words[i + 1];
        if (!after.Capitalized || Titles.ContainsKey(after.Forms[0]) || Generic.Contains(after.Forms[0]) || Common.Contains(after.Forms[0])) return false;
        return text.AsSpan(words[i].End, after.Start - words[i].End) is " " && after.End - after.Start > 2 && !after.Cyrillic == !words[i].Cyrillic
            && text.AsSpan(after.Start, after.End - after.Start).ToString().Any(char.IsLower);
    }

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
        // An initial's full stop, with or without a space after it ("C. R. Rodriguez", "A.P. Ratanov").
        return before.End - before.Start == 1 && gap is ". " or ".";
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

    private static readonly HashSet<string> NotInitials = new(StringComparer.OrdinalIgnoreCase) { "Mr", "Ms", "Dr", "St", "Jr", "Sr", "No", "Nr", "Co", "Gn", "Mt", "Ft" };

    private sealed record Token(int Start, int End, string[] Forms, bool Capitalized, bool Cyrillic);

    private static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>
    /// Spellings of one name the folding keeps apart but names are written in both ways, in the finder only:
    /// Adzhubey/Adzhubei (y, i), Aragonez/Aragones (z, s), Guevara/Гевара (gu, g before e and i), Wyszyński (w, v).
    /// </summary>
    private static string Loose(string folded)
    {
        if (folded.Length == 0) return folded;
        var b = new System.Text.StringBuilder(folded.Length);
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == 'g' && i + 2 < folded.Length && folded[i + 1] == 'u' && folded[i + 2] is 'e' or 'i')
            {
                b.Append('g');
                i++;
                continue;
            }
            b.Append(c switch { 'y' => 'i', 'z' => 's', 'w' => 'v', _ => c });
        }
        return b.ToString();
    }

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
            var folded = Loose(NameFolding.Fold(string.Concat(parts)));
            var forms = new List<string> { folded };
            if (word.Any(c => c is >= 'а' and <= 'я' or >= 'А' and <= 'Я' or 'ё' or 'Ё'))
            {
                var lower = word.ToLowerInvariant();
                foreach (var ending in RussianEndings)
                    if (lower.Length - ending.Length >= 3 && lower.EndsWith(ending, StringComparison.Ordinal))
                    {
                        forms.Add(Loose(NameFolding.Fold(word[..^ending.Length])));
                        break;
                    }
            }
            // "N.", "Yu.", but not "Mr.", "Dr.", "St." (a title or an abbreviation, whose letter is no initial).
            var initial = word.Length <= 2 && i < text.Length && text[i] == '.' && char.IsLetter(word[0]) && !NotInitials.Contains(word);
            if (initial && InitialOf(word) is { Length: > 0 } letter) forms.Add(letter);
            tokens.Add(new Token(start, end, [.. forms.Distinct(StringComparer.Ordinal)], char.IsUpper(word[0]), word.Any(IsCyrillic)));
        }
        return tokens;
    }
}

public enum MentionCertainty
{
    /// <summary>Sure enough to assert (<see cref="MentionFinder.Sure"/>): a full name; initials, a title or a surname that fit one bearer.</summary>
    Certain,

    /// <summary>One bearer, but not sure enough: proposed.</summary>
    Probable,

    /// <summary>Words several authorities bear: proposed with every candidate, for an editor to choose.</summary>
    Ambiguous,
}

/// <summary>What a text names: the mentions of authorities, and names no authority bears (folded key, as written).</summary>
public sealed record MentionReading(IReadOnlyList<FoundMention> Mentions, IReadOnlyList<(string Key, string Name)> Unmatched);

/// <summary>
/// A mention in a text: where it stands, what it says, whose it is (none while ambiguous) and whose it could be, with
/// how sure the finder is (0 to 1) and why ("initials and surname, at work in 1963, the only bearer of the record's time").
/// </summary>
public sealed record FoundMention(int? AuthorityId, int Start, int Length, string Text, MentionCertainty Certainty, IReadOnlyList<int> Candidates,
    double Score = 1, string? Reason = null);
