using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dossier.Records;

namespace Dossier.Bench;

/// <summary>
/// A synthetic archive of N records, the same for the same N on every machine: English and Russian text whose words
/// follow a Zipf distribution, names of real people (the Office of the Historian's person records) and of Cold War
/// figures in both scripts, set phrases of diplomatic prose, and the metadata of a real archive (types,
/// classifications, donors, Russian and other archival references, dates 1945–1991). Each record is 3–8 KB.
/// </summary>
public sealed partial class SyntheticArchive
{
    private const double ZipfExponent = 1.0;

    private readonly string[] english;
    private readonly string[] russian;
    private readonly double[] englishWeights;
    private readonly double[] russianWeights;
    private readonly string[] people;

    private SyntheticArchive(string[] english, string[] russian, string[] people)
    {
        this.english = english;
        this.russian = russian;
        this.people = people;
        englishWeights = Cumulative(english.Length);
        russianWeights = Cumulative(russian.Length);
    }

    /// <summary>English words by frequency, most frequent first.</summary>
    public IReadOnlyList<string> EnglishVocabulary => english;

    /// <summary>Russian words by frequency, most frequent first.</summary>
    public IReadOnlyList<string> RussianVocabulary => russian;

    /// <summary>Surnames of the people named in the records (Latin script).</summary>
    public IEnumerable<string> Surnames => people.Select(p => p.Split(' ')[^1]).Distinct(StringComparer.Ordinal);

    public static SyntheticArchive Load(string corpus)
    {
        var english = EnglishWords(Path.Combine(corpus, "frus"));
        var russian = RussianWords(Path.Combine(corpus, "archive-pages"));
        var people = People(Path.Combine(corpus, "people", "data"));
        return new SyntheticArchive(english, russian, people);
    }

    /// <summary>Writes records 0..count-1 as JSON Lines.</summary>
    public void Write(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 20);
        for (var i = 0; i < count; i++)
            writer.WriteLine(JsonSerializer.Serialize(Record(i), RecordDocument.JsonOptions));
    }

    /// <summary>Record number <paramref name="n"/>: depends on nothing but n and the corpus.</summary>
    public RecordDocument Record(int n)
    {
        // Seeds must be scattered: SplitMix steps by a fixed increment, so seeds one increment apart would make each
        // record the previous one shifted by a draw.
        var random = new SplitMix(SplitMix.Scatter((ulong)n));
        var date = new DateOnly(1945, 1, 1).AddDays(random.Next(17_166));
        var dateText = random.NextDouble() switch
        {
            < 0.03 => date.ToString("yyyy", CultureInfo.InvariantCulture),
            < 0.13 => date.ToString("yyyy-MM", CultureInfo.InvariantCulture),
            _ => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        };
        var type = Pick(random, Types);
        var figure = Pick(random, Figures);
        var other = Pick(random, Figures);
        var person = people[random.Next(people.Length)];
        var title = random.Next(3) switch
        {
            0 => $"{type.Title} of Conversation between {figure.Latin[0]} and {other.Latin[random.Next(other.Latin.Length)]}",
            1 => $"{type.Title} from {person} to {figure.Latin[0]} on the {Words(random, english, englishWeights, 3, capitalise: false)}",
            _ => $"{type.Title}, {Words(random, english, englishWeights, 4, capitalise: true)} ({figure.Latin[random.Next(figure.Latin.Length)]})",
        };

        // Which texts the record holds: most are an English translation, many add the Russian original, some are Russian only.
        var kind = random.NextDouble();
        var size = 2_600 + random.Next(4_400);
        var transcripts = new List<TranscriptDocument>();
        if (kind < 0.85) transcripts.Add(new("en", EnglishText(random, kind < 0.6 ? size : size * 55 / 100, figure, other, person)));
        if (kind >= 0.6) transcripts.Add(new("ru", RussianText(random, kind < 0.85 ? size * 45 / 100 : size, figure, other)));

        var donors = random.NextDouble() < 0.8 ? Enumerable.Range(0, 1 + random.Next(2)).Select(_ => Pick(random, Donors)).Distinct().ToList() : [];
        var translators = transcripts.Count == 2 || kind >= 0.85 ? [people[random.Next(people.Length)]] : new List<string>();
        return new RecordDocument
        {
            RecordId = (200_000 + n).ToString(CultureInfo.InvariantCulture),
            Title = title,
            Date = dateText,
            Summary = $"{figure.Latin[0]} and {other.Latin[0]} discuss {Words(random, english, englishWeights, 6, capitalise: false)}. {Sentence(random, english, englishWeights, 12 + random.Next(20))}",
            Type = type.Name,
            Classification = Pick(random, Classifications),
            Languages = transcripts.Select(t => t.Language).ToList(),
            Source = new SourceDocument { Text = Reference(random) },
            Provenance = translators.Count > 0 ? $"Obtained by {Pick(random, Donors)} and translated by {translators[0]}." : null,
            Translators = translators,
            Donors = donors,
            Rights = "The History and Public Policy Program welcomes reuse of this document for research and educational purposes.",
            UploadedDate = new DateOnly(2011, 1, 1).AddDays(random.Next(5_000)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Transcripts = transcripts,
        };
    }

    private string EnglishText(SplitMix random, int size, Figure figure, Figure other, string person)
    {
        var text = new StringBuilder(size + 200);
        text.Append(Pick(random, Classifications).ToUpperInvariant()).Append(" Copy No ").Append(1 + random.Next(5)).Append("\n\n");
        while (text.Length < size)
        {
            var paragraph = 3 + random.Next(5);
            for (var s = 0; s < paragraph && text.Length < size; s++)
            {
                var sentence = Sentence(random, english, englishWeights, 8 + random.Next(22));
                // Names and set phrases stand where prose would have them: inside sentences, in their many spellings.
                var roll = random.NextDouble();
                if (roll < 0.25) sentence = Insert(random, sentence, figure.Latin[random.Next(figure.Latin.Length)]);
                else if (roll < 0.35) sentence = Insert(random, sentence, other.Latin[random.Next(other.Latin.Length)]);
                else if (roll < 0.42) sentence = Insert(random, sentence, person);
                else if (roll < 0.60) sentence = Insert(random, sentence, Pick(random, EnglishPhrases));
                text.Append(sentence).Append(' ');
            }
            text.Length--;
            text.Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    private string RussianText(SplitMix random, int size, Figure figure, Figure other)
    {
        var text = new StringBuilder(size + 200);
        text.Append(Pick(random, ["СЕКРЕТНО", "СОВЕРШЕННО СЕКРЕТНО", "Экз. № 1"])).Append("\n\n");
        while (text.Length < size)
        {
            var paragraph = 3 + random.Next(5);
            for (var s = 0; s < paragraph && text.Length < size; s++)
            {
                var sentence = Sentence(random, russian, russianWeights, 8 + random.Next(18));
                var roll = random.NextDouble();
                if (roll < 0.3) sentence = Insert(random, sentence, Inflect(random, figure.Cyrillic));
                else if (roll < 0.4) sentence = Insert(random, sentence, Inflect(random, other.Cyrillic));
                else if (roll < 0.55) sentence = Insert(random, sentence, Pick(random, RussianPhrases));
                text.Append(sentence).Append(' ');
            }
            text.Length--;
            text.Append("\n\n");
        }
        return text.ToString().TrimEnd();
    }

    // Russian names decline: Хрущёв, Хрущёва, Хрущёву, Хрущёвым.
    private static string Inflect(SplitMix random, string name)
    {
        if (name.EndsWith('о') || name.EndsWith('и') || name.EndsWith('е')) return name;
        string[] endings = name.EndsWith('а') ? ["а", "ы", "е", "у", "ой"] : ["", "", "а", "у", "ым", "е"];
        var stem = name.EndsWith('а') ? name[..^1] : name;
        return stem + endings[random.Next(endings.Length)];
    }

    private static string Insert(SplitMix random, string sentence, string words)
    {
        var spaces = sentence.Count(c => c == ' ');
        if (spaces == 0) return sentence + " " + words;
        var at = random.Next(spaces);
        var index = -1;
        for (var i = 0; i <= at; i++) index = sentence.IndexOf(' ', index + 1);
        return string.Concat(sentence.AsSpan(0, index + 1), words, " ", sentence.AsSpan(index + 1));
    }

    private static string Sentence(SplitMix random, string[] vocabulary, double[] weights, int length)
    {
        var sentence = Words(random, vocabulary, weights, length, capitalise: true);
        return sentence + (random.Next(12) == 0 ? "?" : ".");
    }

    private static string Words(SplitMix random, string[] vocabulary, double[] weights, int length, bool capitalise)
    {
        var words = new StringBuilder();
        for (var i = 0; i < length; i++)
        {
            if (i > 0) words.Append(i % 7 == 6 && random.Next(3) == 0 ? ", " : " ");
            words.Append(vocabulary[Zipf(random, weights)]);
        }
        if (capitalise && words.Length > 0) words[0] = char.ToUpperInvariant(words[0]);
        return words.ToString();
    }

    private static int Zipf(SplitMix random, double[] cumulative)
    {
        var index = Array.BinarySearch(cumulative, random.NextDouble() * cumulative[^1]);
        return index >= 0 ? index : Math.Min(~index, cumulative.Length - 1);
    }

    private static double[] Cumulative(int count)
    {
        var weights = new double[count];
        var sum = 0.0;
        for (var r = 0; r < count; r++) weights[r] = sum += 1.0 / Math.Pow(r + 1, ZipfExponent);
        return weights;
    }

    private static T Pick<T>(SplitMix random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static string Reference(SplitMix random) => random.Next(8) switch
    {
        0 or 1 => $"AVP RF, f. 0{100 + random.Next(30)}, op. {random.Next(60)}, p. {random.Next(400)}, d. {random.Next(30)}, ll. {1 + random.Next(80)}-{81 + random.Next(40)}",
        2 => $"AVPRF, fond 0{100 + random.Next(30)}, opis {random.Next(60)}, papka {random.Next(400)}, delo {random.Next(30)}, list {1 + random.Next(300)}",
        3 => $"TsKhSD, f. 5, op. {30 + random.Next(40)}, d. {random.Next(900)}, ll. {1 + random.Next(50)}-{51 + random.Next(40)}, r. {9000 + random.Next(100)}",
        4 => $"RGANI, f. {(random.Next(2) == 0 ? 3 : 5)}, op. {random.Next(70)}, d. {random.Next(1000)}, ll. {1 + random.Next(200)}",
        5 => $"National Archives and Records Administration, RG 59, Central Decimal File, Box {1000 + random.Next(4000)}",
        6 => $"Archiwum Akt Nowych (AAN), KC PZPR, XI A/{random.Next(200)}",
        _ => $"Politisches Archiv des Auswärtigen Amtes (PA AA), MfAA, A {10000 + random.Next(9000)}",
    };

    private static string[] EnglishWords(string frus)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(frus, "*.xml").Order(StringComparer.Ordinal))
        {
            var text = Tag().Replace(File.ReadAllText(file), " ");
            foreach (Match m in EnglishWord().Matches(text))
            {
                var word = m.Value.ToLowerInvariant();
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
        }
        return counts.Where(c => c.Value > 1).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => c.Key).Take(60_000).ToArray();
    }

    /// <summary>
    /// The real Russian words of the captures first, then the forms of common stems of diplomatic prose in their
    /// declensions, then a long tail of rare made-up words (as real text has: names, terms, misprints).
    /// </summary>
    private static string[] RussianWords(string pages)
    {
        var real = Directory.EnumerateFiles(pages, "*.txt").Order(StringComparer.Ordinal)
            .SelectMany(f => CyrillicWord().Matches(File.ReadAllText(f)).Select(m => m.Value.ToLowerInvariant()))
            .GroupBy(w => w, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => g.Key);
        var forms = new List<string>();
        foreach (var stem in RussianAdjectiveStems)
            forms.AddRange(new[] { "ый", "ого", "ому", "ым", "ом", "ая", "ой", "ую", "ое", "ые", "ых", "ыми" }.Select(e => stem + e));
        foreach (var stem in RussianNounStems)
            forms.AddRange(new[] { "", "а", "у", "ом", "е", "ы", "ов", "ам", "ами", "ах" }.Select(e => stem + e));
        var random = new SplitMix(4242);
        random.Shuffle(forms);
        var tail = new List<string>();
        string[] syllables = ["ка", "ро", "ст", "ва", "ни", "ле", "то", "ми", "до", "за", "пре", "ко", "ну", "ше", "ры", "бо", "гра", "тель"];
        string[] endings = ["ость", "ский", "ение", "ова", "ать", "ный", "ики", "ство"];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (tail.Count < 40_000)
        {
            var word = string.Concat(Enumerable.Range(0, 2 + random.Next(3)).Select(_ => syllables[random.Next(syllables.Length)])) + endings[random.Next(endings.Length)];
            if (seen.Add(word)) tail.Add(word);
        }
        return real.Concat(forms).Concat(tail).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string[] People(string data)
    {
        var names = new List<string>();
        foreach (var file in Directory.EnumerateFiles(data, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var preferred = XDocument.Load(file).Root?.Element("names")?.Element("preferred")?.Element("name")?.Value;
            if (preferred is null) continue;
            // "Dennis, Lloyd" is printed "Lloyd Dennis".
            var parts = preferred.Split(',', 2, StringSplitOptions.TrimEntries);
            var name = parts.Length == 2 && parts[1].Length > 0 ? parts[1] + " " + parts[0] : parts[0];
            if (name.Length is > 3 and < 40) names.Add(name);
        }
        return names.ToArray();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tag();

    [GeneratedRegex(@"\b[A-Za-z]{2,}\b")]
    private static partial Regex EnglishWord();

    [GeneratedRegex(@"[А-Яа-яЁё]{2,}")]
    private static partial Regex CyrillicWord();

    public sealed record Figure(string[] Latin, string Cyrillic);

    private sealed record RecordType(string Name, string Title);

    /// <summary>Cold War figures as English texts spell them (several ways) and as Russian texts do.</summary>
    public static readonly Figure[] Figures =
    [
        new(["Khrushchev", "Khrushchov", "N. S. Khrushchev"], "Хрущёв"),
        new(["Mikoyan", "A. I. Mikoyan", "Mikoian"], "Микоян"),
        new(["Gromyko", "A. A. Gromyko"], "Громыко"),
        new(["Alekseev", "Alexeyev", "Alekseyev"], "Алексеев"),
        new(["Kudryavtsev", "Kudriavtsev"], "Кудрявцев"),
        new(["Fidel Castro", "Castro"], "Кастро"),
        new(["Raul Castro", "Raúl Castro"], "Рауль"),
        new(["Dorticos", "Dorticós"], "Дортикос"),
        new(["Guevara", "Che Guevara"], "Гевара"),
        new(["Kosygin", "A. N. Kosygin"], "Косыгин"),
        new(["Brezhnev", "L. I. Brezhnev"], "Брежнев"),
        new(["Suslov", "M. A. Suslov"], "Суслов"),
        new(["Malinovsky", "Malinovskii", "Malinovskiy"], "Малиновский"),
        new(["Dobrynin", "A. F. Dobrynin"], "Добрынин"),
        new(["Ulbricht", "Walter Ulbricht"], "Ульбрихт"),
        new(["Gomulka", "Gomułka"], "Гомулка"),
        new(["Zhou Enlai", "Chou En-lai"], "Чжоу Эньлай"),
        new(["Mao Zedong", "Mao Tse-tung"], "Мао Цзэдун"),
        new(["Tito", "Josip Broz Tito"], "Тито"),
        new(["Novotny", "Novotný"], "Новотный"),
        new(["Kadar", "Kádár"], "Кадар"),
        new(["Gheorghiu-Dej"], "Георгиу-Деж"),
        new(["Zhivkov", "Todor Zhivkov"], "Живков"),
        new(["Andropov", "Iu. V. Andropov", "Yuri Andropov"], "Андропов"),
        new(["Ponomarev", "Ponomaryov", "B. N. Ponomarev"], "Пономарёв"),
        new(["Kennedy", "John F. Kennedy"], "Кеннеди"),
        new(["Rusk", "Dean Rusk"], "Раск"),
        new(["Roa", "Raul Roa"], "Роа"),
        new(["Chervonenko", "S. V. Chervonenko"], "Червоненко"),
        new(["Yudin", "Iudin", "P. F. Yudin"], "Юдин"),
    ];

    private static readonly RecordType[] Types =
    [
        new("Memorandum of Conversation", "Memorandum"), new("Diary", "Record"), new("Journal", "Record"), new("Telegram", "Telegram"),
        new("Letter", "Letter"), new("Report", "Report"), new("Minutes", "Minutes"), new("Cable", "Cable"), new("Note", "Note"),
        new("Speech", "Speech"), new("Transcript", "Transcript"), new("Resolution", "Resolution"),
    ];

    private static readonly string[] Classifications = ["Top Secret", "Secret", "Secret", "Confidential", "Confidential", "Unclassified", "Unclassified", "Unclassified", "Limited Official Use", "Strictly Confidential"];

    private static readonly string[] Donors =
    [
        "Carnegie Corporation of New York", "MacArthur Foundation", "Leon Levy Foundation", "Henry Luce Foundation",
        "Korea Foundation", "Blavatnik Family Foundation", "Ministry of Foreign Affairs of the Republic of Korea",
        "Kingdon Gould, Jr.", "Smith Richardson Foundation", "Bill and Melinda Gates Foundation", "Open Society Foundations", "Wilson Center",
    ];

    private static readonly string[] EnglishPhrases =
    [
        "trade credit", "Council of Ministers", "Central Committee", "missile base", "naval blockade", "Warsaw Pact",
        "peaceful coexistence", "nuclear test ban", "socialist camp", "Presidium of the Central Committee",
        "economic assistance", "military specialists", "Bay of Pigs", "Security Council", "General Assembly",
        "Guantanamo naval base", "imperialist aggression", "five-year plan", "fraternal parties", "disarmament talks",
    ];

    private static readonly string[] RussianPhrases =
    [
        "торговый кредит", "Совет Министров", "Центральный Комитет", "ракетная база", "морская блокада",
        "мирное сосуществование", "социалистический лагерь", "Президиум ЦК КПСС", "экономическая помощь",
        "военные специалисты", "Совет Безопасности", "Генеральная Ассамблея", "военно-морская база Гуантанамо",
        "империалистическая агрессия", "братские партии", "переговоры о разоружении",
    ];

    private static readonly string[] RussianAdjectiveStems =
    [
        "советск", "кубинск", "американск", "китайск", "польск", "германск", "военн", "экономическ", "политическ",
        "международн", "дипломатическ", "партийн", "государственн", "революционн", "социалистическ", "капиталистическ",
        "национальн", "торгов", "морск", "ядерн", "ракетн", "секретн", "официальн", "дружественн", "братск", "важн",
        "нов", "стар", "полн", "главн", "последн", "первичн", "внешн", "внутренн", "центральн", "местн", "народн",
        "трудов", "промышленн", "сельскохозяйственн", "технически", "научн", "культурн", "правительственн",
    ];

    private static readonly string[] RussianNounStems =
    [
        "договор", "вопрос", "посол", "министр", "комитет", "совет", "народ", "кредит", "завод", "флот", "пакт",
        "план", "съезд", "режим", "союз", "проект", "ответ", "документ", "разговор", "приём", "доклад", "конгресс",
        "товарищ", "руководител", "представител", "секретар", "президент", "генерал", "специалист", "отдел",
        "интерес", "контакт", "визит", "обмен", "кризис", "конфликт", "мир", "рынок", "банк", "порт",
    ];

    /// <summary>A small, fast random number generator whose sequence is fixed by its seed on every runtime.</summary>
    private sealed class SplitMix(ulong seed)
    {
        private ulong state = seed;

        public ulong NextUInt64()
        {
            var z = state += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        public static ulong Scatter(ulong value)
        {
            var z = value * 0xD6E8FEB86659FD93UL + 0x632BE59BD9B4E019UL;
            z = (z ^ (z >> 32)) * 0xD6E8FEB86659FD93UL;
            z = (z ^ (z >> 32)) * 0xD6E8FEB86659FD93UL;
            return z ^ (z >> 32);
        }

        public int Next(int bound) => (int)(NextUInt64() % (ulong)bound);

        public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

        public void Shuffle<T>(IList<T> items)
        {
            for (var i = items.Count - 1; i > 0; i--)
            {
                var j = Next(i + 1);
                (items[i], items[j]) = (items[j], items[i]);
            }
        }
    }
}
