namespace Dossier.Authorities;

/// <summary>
/// How sure the finder is of each bearer a reading could mean: what the authority file says of them (their life, their
/// years at work, their offices with the years the descriptions give) set against the record's year and what the text
/// speaks of.
/// </summary>
public sealed partial class MentionFinder
{
    /// <summary>
    /// Each candidate a reading could mean, with its score and why, surest first; those the record's time rules out are
    /// left out.
    /// </summary>
    private List<(int Id, double Score, string Reason)> Weigh(Reading m, int? year, Dictionary<int, (string Reason, int Start)> named, HashSet<string> lowercase, HashSet<string> about)
    {
        // A surname with nothing that says a person is meant: no title, initials or given name, no signature.
        var alone = m.Strength == Strength.Surname && m.Title is null && !m.Signature;
        var plausible = new List<(int Id, double Score, List<string> Why, int Shared, Time Era, bool Contradicted)>();
        foreach (var id in m.Candidates)
        {
            var why = new List<string>();
            double score;
            switch (m.Strength)
            {
                case Strength.Full:
                    score = m.Misspelt ? 0.75 : 0.9;
                    why.Add(m.Misspelt ? "full name, its given name misspelt" : "full name");
                    break;
                case Strength.Initials:
                    score = 0.6;
                    why.Add("initials and surname");
                    break;
                default:
                    score = alone ? 0.45 : 0.55;
                    why.Add(alone ? "surname alone" : m.Signature ? "surname signing a line of its own" : $"surname with a title ({m.Title})");
                    break;
            }
            var known = facts.GetValueOrDefault(id);
            var era = Era(known, year, byActiveYears: m.Strength == Strength.Surname);
            switch (era)
            {
                case Time.Impossible:
                    continue;
                case Time.AtWork:
                    score += 0.15;
                    why.Add($"at work in {year}");
                    break;
                case Time.Near:
                    score += 0.05;
                    why.Add($"at work near {year}");
                    break;
                case Time.Alive:
                    why.Add($"alive in {year}");
                    break;
                case Time.NotYet:
                    score -= 0.1;
                    why.Add($"not yet at work in {year}");
                    break;
                case Time.Past:
                    // The past is spoken of ("Lenin", "Roosevelt's time"), and the years at work the file knows are those its
                    // sources saw: "Mr." and a signature after them count a little against.
                    if (!alone) score -= 0.05;
                    why.Add($"past their years at work in {year}");
                    break;
                case Time.Dead:
                    score -= alone ? 0.05 : 0.15;
                    why.Add($"dead by {year}");
                    break;
            }
            var description = known?.Description;
            // What the text says of the person that their description denies: not theirs, however alone they are.
            var contradicted = false;
            if (m.Title is { } title && description is not null)
            {
                if (Offices(title).Any(o => HasWord(description, o)))
                {
                    score += 0.15;
                    why.Add($"a {title} by its description");
                }
                else if (Comradely.Contains(title) && (!CommunistWorld().IsMatch(description) || (AmericanOfficial().IsMatch(description) && !description.Contains("Communist Party", StringComparison.Ordinal))))
                {
                    // "Comrade" is said of communists; an American diplomat of the same name is another man.
                    score -= 0.3;
                    contradicted = true;
                    why.Add($"called {title}, its description no communist's");
                }
            }
            if (m.Office.Length > 0 && description is not null)
            {
                var phrase = string.Join(' ', m.Office);
                if (m.Office.Any(o => HasWord(description, o)))
                {
                    score += 0.1;
                    why.Add($"its description gives the office the text does ({phrase})");
                }
                else
                {
                    score -= 0.3;
                    contradicted = true;
                    why.Add($"the text gives an office ({phrase}) its description does not");
                }
            }
            var shared = context.TryGetValue(id, out var stems) ? stems.Count(about.Contains) : 0;
            if (shared > 0)
            {
                score += shared >= 3 ? 0.25 : shared == 2 ? 0.2 : 0.1;
                why.Add(shared >= 2 ? "its description and the text speak of the same" : "its description and the text share a word");
            }
            // Named elsewhere: not by this reading itself.
            if (m.Strength != Strength.Full && named.TryGetValue(id, out var elsewhere) && elsewhere.Start != m.Start)
            {
                score = Math.Max(score, 0.95);
                why.Add(elsewhere.Reason);
            }
            plausible.Add((id, score, why, shared, era, contradicted));
        }
        // Who may be meant in the record's year: all but the dead (the years at work the file knows are those its sources
        // saw, not the whole of a career).
        var ofTheTime = plausible.Where(p => p.Era is not Time.Dead).Select(p => p.Id).ToList();
        // Several bearers, one in a high office then: a surname means them ("Kennedy" in 1962, "Hull" signing in 1934).
        if (m.Strength != Strength.Full && plausible.Count > 1
            && plausible.Where(p => p.Era is Time.AtWork or Time.Near or Time.Alive or Time.Unknown && InHighOffice(p.Id, year)).ToList() is [var high])
        {
            var i = plausible.IndexOf(high);
            plausible[i] = high with { Score = high.Score + 0.25, Why = [.. high.Why, "the one in a high office then"] };
        }
        // Only one bearer of the record's time: a title or initials fit them; a surname alone does when it is a name
        // rather than a word, and what the person was agrees with what the text speaks of. A name matched only by
        // transliteration from another script counts for less.
        bool NamedElsewhere(int id) => named.TryGetValue(id, out var by) && by.Start != m.Start;
        if (m.Strength != Strength.Full && ofTheTime is [var onlyId] && !NamedElsewhere(onlyId))
        {
            var i = plausible.FindIndex(p => p.Id == onlyId);
            var only = plausible[i];
            // Distinctive: five letters or more as written ("Ishii", not "Polk"), and no word.
            var distinctive = m.End - m.Start >= 5 && !Common.Contains(m.First) && !Generic.Contains(m.First) && !lowercase.Contains(m.First);
            var bonus = only.Contradicted ? 0 : !alone ? (m.CrossScript ? 0.25 : 0.3) : distinctive ? 0.3 : 0.1;
            plausible[i] = only with { Score = only.Score + bonus, Why = [.. only.Why, "the only bearer of the record's time"] };
        }
        // A surname that is also a word ("German", "Long", "Staff") is not sure on its own, whatever else fits; nor is one read only
        // by transliterating another script ("Флот" as Flott), unless what its bearer was agrees with the text.
        if (alone)
            for (var i = 0; i < plausible.Count; i++)
                if (!NamedElsewhere(plausible[i].Id) && (Common.Contains(m.First) || Generic.Contains(m.First) || lowercase.Contains(m.First) || (m.CrossScript && plausible[i].Shared < 2)))
                    plausible[i] = plausible[i] with { Score = Math.Min(plausible[i].Score, Sure - 0.05) };
        return [.. plausible.Where(p => p.Score >= 0.3).OrderByDescending(p => p.Score).Select(p => (p.Id, Math.Round(p.Score, 2), string.Join(", ", p.Why)))];
    }

    // "Ambassador" in "Ambassador at Large", not "Ambassadorial"; "President", not "Presidential".
    private static bool HasWord(string text, string word)
    {
        for (var at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + 1, StringComparison.OrdinalIgnoreCase))
            if ((at == 0 || !char.IsLetter(text[at - 1])) && (at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]))) return true;
        return false;
    }

    // Forms of "comrade".
    private static readonly HashSet<string> Comradely = new(StringComparer.Ordinal) { "comrade", "cde", "tov", "tovarishch", "tovarishchem", "tovarishchu", "tovarishcha" };

    // What the description of one called comrade says: a communist party, a communist state's office.
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:Communist|Soviet|USSR|Socialist|Workers|Politburo|Presidium|Central Committee|Komsomol|KGB|Cominform|Comintern|Cuba|Cuban|China|Chinese|Korea|Korean|Vietnam|Vietnamese|Mongolia|Mongolian|Albania|Albanian|Yugoslav|Yugoslavia|Poland|Polish|Czechoslovak|Czechoslovakia|Hungary|Hungarian|Romania|Romanian|Rumanian|Bulgaria|Bulgarian|East German|German Democratic|GDR|Laos|Lao|Pathet|Sandinista|Nicaraguan|Angola|Angolan|Mozambique|Ethiopia|Ethiopian|Afghan|Afghanistan|Izvestia|Izvestiia|Pravda|Red Army|Marxist|Leninist)\b")]
    private static partial System.Text.RegularExpressions.Regex CommunistWorld();

    // How the authority file describes an American official (its own "the Embassy in Poland" is the American one).
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:Department of State|Foreign Service|Non-career appointee|U\. ?S\.|USA|USN|USAF|USMC|HICOG|American)\b|\bthe (?:Embassy|Legation|Mission|Consulate) (?:in|at)\b")]
    private static partial System.Text.RegularExpressions.Regex AmericanOfficial();

    private enum Time { Unknown, Impossible, AtWork, Near, Alive, NotYet, Past, Dead }

    /// <summary>Where the record's year stands in a person's life and work.</summary>
    /// <param name="known">What the file says of the person.</param>
    /// <param name="year">The record's year.</param>
    /// <param name="byActiveYears">
    /// Whether years well before the years at work the file knows rule a person out: they are the years its sources saw
    /// them in, not their whole career, so a given name or initials with the surname outweigh them (Emil Bodnăraş in 1956,
    /// known at work from 1969).
    /// </param>
    private static Time Era(AuthorityFacts? known, int? year, bool byActiveYears = true)
    {
        if (year is not { } y || known is null) return Time.Unknown;
        // Not spoken of before being grown (an envoy, a minister), nor well before being at work.
        if (known.BirthYear is { } birth && y < birth + 20) return Time.Impossible;
        if (known.DeathYear is { } death && y > death + 1) return Time.Dead;
        // Years at work before a person was grown or after their death are a namesake's, merged into their record by
        // the authority file (Hamilton Fish, Secretary of State in 1869, at work in 1977): they say nothing of them.
        int? from = known.ActiveFrom, to = known.ActiveTo;
        if ((known.DeathYear is { } died && from > died) || (known.BirthYear is { } born && from < born + 18)) (from, to) = (null, null);
        if (from is { } first && y < first - 12 && byActiveYears) return Time.Impossible;
        if (from is null && to is null) return known.BirthYear is not null || known.DeathYear is not null ? Time.Alive : Time.Unknown;
        var start = from ?? to!.Value;
        var end = to ?? start;
        return y >= start - 1 && y <= end + 1 ? Time.AtWork : y >= start - 5 && y <= end + 5 ? Time.Near : y < start ? Time.NotYet : Time.Past;
    }

    /// <summary>The stems (five letters) of a text's telling proper words, those that say where and what: "sovie", "mosko", "korea".</summary>
    private static HashSet<string> Stems(string text, bool capitalizedOnly)
    {
        var stems = new HashSet<string>(StringComparer.Ordinal);
        foreach (var token in Tokens(text))
        {
            if (capitalizedOnly && !token.Capitalized) continue;
            foreach (var form in token.Forms)
                if (form.Length >= 5 && !form.EndsWith('.') && !form.All(char.IsDigit) && !GenericStems.Contains(form[..5])) stems.Add(form[..5]);
        }
        return stems;
    }

    // Words of descriptions that tell nothing of where and what: offices, ranks, months, connectives.
    private static readonly HashSet<string> Generic = Folded(
    [
        "ambassador", "minister", "secretary", "state", "department", "general", "president", "chairman", "committee", "central", "foreign",
        "affairs", "united", "deputy", "first", "second", "third", "assistant", "chief", "office", "director", "member", "party", "national",
        "council", "commission", "embassy", "government", "republic", "people", "peoples", "military", "staff", "head", "vice", "special",
        "political", "from", "after", "until", "also", "then", "later", "former", "acting", "charge", "affaires", "counselor", "attache",
        "consul", "legation", "mission", "delegation", "representative", "adviser", "advisor", "senior", "officer", "bureau", "section",
        "division", "service", "ministry", "with", "during", "january", "february", "march", "april", "june", "july", "august", "september",
        "october", "november", "december", "this", "that", "their", "there", "which", "were", "have", "been", "into", "about", "other",
        "some", "what", "when", "where", "would", "could", "should", "they", "them", "your", "will", "shall", "than", "more", "most",
        "only", "over", "under", "such", "very", "also", "upon", "while", "between", "against", "because", "before", "without",
        "organization", "organizations", "american", "america", "international", "national", "revolutionary", "socialist", "communist",
        "democratic", "union", "states", "nations", "administration", "conference", "congress", "assembly", "executive", "supreme",
        "court", "army", "navy", "force", "forces", "agency", "institute", "university", "council", "board", "bank", "company", "press",
        "news", "times", "post", "world", "western", "eastern", "northern", "southern", "north", "south", "east", "west", "great",
        "general", "embassy", "consulate", "delegate", "delegation", "talks", "treaty", "visited", "visit", "times", "former", "acting",
        "minister", "ministers", "presidium", "politburo", "secretariat", "member", "members", "leader", "leaders", "head", "heads",
    ]);

    // The stems of those words: "Secretariat", "Presidential" say no more than "Secretary", "President".
    private static readonly HashSet<string> GenericStems = Generic.Where(w => w.Length >= 5).Select(w => w[..5]).ToHashSet(StringComparer.Ordinal);

    // Offices at the head of a state, a government, a party or a foreign ministry.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<!\b(?:Vice|Deputy|Assistant|Under|Acting|First Deputy|to the|of the)[ -])\b(?:President(?: of (?!the Senate)|, (?=\p{Lu}))|Premier\b|Prime Minister|Chairman of the (?:Council of Ministers|People's Republic|Presidium|Central Committee|State Council)|First Secretary of the (?:Central Committee|Communist)|General Secretary of the|Secretary of State\b(?! for (?!Foreign))|Minister of Foreign Affairs|Foreign Minister|King of|Queen of|Emperor\b|Chancellor of)")]
    private static partial System.Text.RegularExpressions.Regex HighOffice();

    // Kin and aides of the holder are described by the office too: "wife of the British Prime Minister", "Assistant to the
    // President of the United States".
    [System.Text.RegularExpressions.GeneratedRegex(@"\b(?:wife|husband|widow|son|daughter|brother|sister|father|mother|nephew|niece|cousin|aide|assistant|adviser|advisor|counsel|interpreter|secretary|physician|spokesman|press secretary)\b[^|;\n]*\b(?:of|to)\b[^|;\n]*$", System.Text.RegularExpressions.RegexOptions.IgnoreCase)]
    private static partial System.Text.RegularExpressions.Regex Kin();

    /// <summary>
    /// The high offices a description says its person held (not one of their family or staff), each with the years its
    /// words give: "President of the United States from January 20, 1961", "Secretary of State, 1933–1944".
    /// </summary>
    private static List<(int? From, int? To)> HighOfficesOf(string description)
    {
        var held = new List<(int? From, int? To)>();
        foreach (System.Text.RegularExpressions.Match office in HighOffice().Matches(description))
        {
            var start = description.LastIndexOfAny(['|', ';', '\n'], Math.Max(0, office.Index - 1)) + 1;
            if (Kin().IsMatch(description[start..office.Index])) continue;
            var end = description.IndexOfAny(['|', ';', '\n'], office.Index);
            var segment = description[start..(end < 0 ? description.Length : end)];
            // To the sentence's end: "President, Egypt. Visited U.S. once, 1960" gives no year of the office.
            if (SentenceEnd().Match(segment, office.Index - start) is { Success: true } stop) segment = segment[..stop.Index];
            int? Year(System.Text.RegularExpressions.Group g) => g.Success ? int.Parse(g.Value, System.Globalization.CultureInfo.InvariantCulture) : null;
            if (OfficeYears().Match(segment) is { Success: true } years)
            {
                var (span, from, to, lone) = (Year(years.Groups["a"]), Year(years.Groups["from"]), Year(years.Groups["to"]), Year(years.Groups["lone"]));
                held.Add(span is not null ? (span, Year(years.Groups["b"])) : lone is not null ? (lone, lone) : (from, to));
            }
            else held.Add((null, null));
        }
        return held;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=\p{Ll})\. (?=\p{Lu})")]
    private static partial System.Text.RegularExpressions.Regex SentenceEnd();

    // The years of an office: "1933–1944", "from January 20, 1961", "until November 1963", or a year alone.
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<a>1[6-9]\d\d|20\d\d)\s*[–—-]\s*(?<b>1[6-9]\d\d|20\d\d)|\b(?:from|after|since)\b[^0-9|;]{0,25}(?<from>1[6-9]\d\d|20\d\d)(?:[^0-9|;]{0,40}\b(?:until|to|through)\b[^0-9|;]{0,25}(?<to>1[6-9]\d\d|20\d\d))?|\b(?:until|to|through)\b[^0-9|;]{0,25}(?<to>1[6-9]\d\d|20\d\d)|(?<lone>1[6-9]\d\d|20\d\d)")]
    private static partial System.Text.RegularExpressions.Regex OfficeYears();

    // Whether a person held a high office in a year (unknown: any).
    private bool InHighOffice(int id, int? year) =>
        highOffices.TryGetValue(id, out var held) && held.Any(o => year is not { } y || ((o.From is not { } f || y >= f - 1) && (o.To is not { } t || y <= t + 1)));
}
