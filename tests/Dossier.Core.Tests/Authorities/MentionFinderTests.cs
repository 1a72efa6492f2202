using Dossier.Authorities;
using Dossier.Import.PageCaptures;

namespace Dossier.Core.Tests.Authorities;

/// <summary>Mentions found in English and Russian, across spellings and scripts, with initials, case endings and shared surnames.</summary>
public class MentionFinderTests
{
    private const int Khrushchev = 1, Castro = 2, Guevara = 3, Dorticos = 4, Mikoyan = 5, Mao = 6, Kennedy = 7, JohnSmith = 8, BedellSmith = 9, RobertKennedy = 10;

    private static readonly MentionFinder Finder = new(
    [
        (Khrushchev, ["Khrushchev, Nikita Sergeyevich", "Хрущёв, Никита Сергеевич"]),
        (Castro, ["Castro Ruz, Fidel", "Castro, Fidel", "Кастро Рус, Фидель", "Кастро, Фидель"]),
        (Guevara, ["Guevara, Ernesto", "Guevara Serna, Ernesto", "Гевара, Эрнесто", "Che Guevara"]),
        (Dorticos, ["Dorticós Torrado, Osvaldo", "Dorticós, Osvaldo", "Дортикос Торрадо, Освальдо", "Дортикос, Освальдо"]),
        (Mikoyan, ["Mikoyan, Anastas Ivanovich", "Микоян, Анастас Иванович"]),
        (Mao, ["Mao Zedong", "Mao Tse-tung", "Мао Цзэдун"]),
        (Kennedy, ["Kennedy, John Fitzgerald", "Kennedy, John F", "Кеннеди, Джон"]),
        (JohnSmith, ["Smith, John"]),
        (BedellSmith, ["Smith, Walter Bedell"]),
        (RobertKennedy, ["Kennedy, Robert Francis"]),
    ]);

    private static List<(int? Id, string Text, MentionCertainty Certainty)> Find(string text) =>
        [.. Finder.Find(text).Select(m => (m.AuthorityId, m.Text, m.Certainty))];

    [Fact]
    public void Full_names_are_found_in_any_order_spelling_and_script()
    {
        Assert.Equal([(Khrushchev, "Nikita Khrushchev", MentionCertainty.Certain)], Find("A letter from Nikita Khrushchev arrived."));
        Assert.Equal([(Khrushchev, "Khrushchov, Nikita", MentionCertainty.Certain)], Find("Signed: Khrushchov, Nikita"));
        Assert.Equal([(Khrushchev, "Никита Сергеевич Хрущёв", MentionCertainty.Certain)], Find("Никита Сергеевич Хрущёв принял посла."));
        Assert.Equal([(Mao, "Mao Tse-tung", MentionCertainty.Certain)], Find("Chairman Mao Tse-tung received him."));
        Assert.Equal([(Mao, "Мао Цзэдуна", MentionCertainty.Certain)], Find("Беседа с Мао Цзэдуна"));
    }

    [Fact]
    public void Russian_case_endings_are_the_same_name()
    {
        Assert.Equal(Khrushchev, Find("Встреча с товарищем Хрущёвым").Single().Id);
        Assert.Equal(Khrushchev, Find("Письмо Хрущёву").Single().Id);
        Assert.Equal(Mikoyan, Find("Анастаса Микояна встретили").Single().Id);
        Assert.Equal(Castro, Find("Беседа с Фиделем Кастро").Single().Id);
        Assert.Equal(Dorticos, Find("Президент Освальдо Дортикос").Single().Id);
    }

    [Fact]
    public void Initials_that_fit_one_bearer_are_certain_and_a_surname_alone_is_proposed_unless_the_text_names_the_person()
    {
        // Names alone (no years, no descriptions): initials with a surname fit the one Khrushchev; a surname alone is
        // proposed, as the finder knows nothing of who could be meant.
        Assert.Equal([(Khrushchev, "N. S. Khrushchev", MentionCertainty.Certain)], Find("Message of N. S. Khrushchev to the President"));
        Assert.Equal([(Khrushchev, "Н. С. Хрущёва", MentionCertainty.Certain)], Find("Посылаю письмо Н. С. Хрущёва"));
        Assert.Equal([(Mikoyan, "Mikoyan", MentionCertainty.Probable)], Find("Mikoyan arrived in Havana."));
        // Two Kennedys: the surname alone is ambiguous, until the text names one of them in full.
        var alone = Finder.Find("Kennedy spoke.").Single();
        Assert.Equal((null, MentionCertainty.Ambiguous), (alone.AuthorityId, alone.Certainty));
        Assert.Equal([Kennedy, RobertKennedy], alone.Candidates.Order());
        Assert.Equal([(Kennedy, "John F. Kennedy", MentionCertainty.Certain), (Khrushchev, "Khrushchev", MentionCertainty.Probable), (Kennedy, "Kennedy", MentionCertainty.Certain)],
            Find("John F. Kennedy wrote to Khrushchev's envoy. Kennedy insisted."));
        // Initials that tell two Smiths apart.
        Assert.Equal([(BedellSmith, "W. B. Smith", MentionCertainty.Certain)], Find("Ambassador W. B. Smith reported."));
        // Initials no bearer has are someone else's.
        Assert.Empty(Find("Ambassador Q. Smith reported."));
    }

    [Fact]
    public void Words_in_lower_case_are_not_names()
    {
        Assert.Empty(Find("the smith and the castro district"));
        Assert.Single(Find("Castro and the smith"));
    }

    [Fact]
    public void A_surname_the_text_also_writes_as_a_word_is_not_proposed_alone()
    {
        var finder = new MentionFinder([(1, ["Grant, Ulysses"]), (2, ["Rice, Condoleezza"])]);
        // "Grant" begins a sentence, and the text writes "grant" as a word: not a name here.
        Assert.Empty(finder.Find("Grant us time. They will grant nothing."));
        // Without the lower-case word, it is proposed; named in full, it is certain everywhere.
        Assert.Equal(MentionCertainty.Probable, finder.Find("Grant spoke first.").Single().Certainty);
        Assert.All(finder.Find("Condoleezza Rice arrived. Rice said the rice harvest failed."), m => Assert.Equal(MentionCertainty.Certain, m.Certainty));
    }

    [Fact]
    public void A_place_or_an_organization_is_named_in_full_by_one_word()
    {
        var finder = new MentionFinder([(1, ["Havana", "La Habana", "Гавана"]), (2, ["Washington, D.C."])], wholeNames: new HashSet<int> { 1, 2 });
        Assert.Equal([(1, "Havana", MentionCertainty.Certain)], [.. finder.Find("He flew to Havana.").Select(m => (m.AuthorityId, m.Text, m.Certainty))]);
        Assert.Equal(1, finder.Find("прилетел в Гавану").Single().AuthorityId);
        Assert.Equal(2, finder.Find("Back in Washington, D.C. on Monday").Single().AuthorityId);
        // The same word as a person's surname alone stays a proposal; with a title that fits its one bearer, it is his.
        var person = new MentionFinder([(3, ["Havana, Ernest"])]);
        Assert.Equal(MentionCertainty.Probable, person.Find("Havana spoke.").Single().Certainty);
        Assert.Equal(MentionCertainty.Certain, person.Find("Mr. Havana spoke.").Single().Certainty);
    }

    [Fact]
    public void Recurring_capitalized_names_no_authority_bears_are_candidates()
    {
        var reading = Finder.Read("""
            TOP SECRET
            Memorandum of Conversation between Nikita Khrushchev and Raúl Roa García, Minister Vasily Kuznetsov
            present. Dear Comrade Anastas Mikoyan: the Soviet Union and John F. Kennedy. In the morning Roa left.
            """);
        // Names of authorities are mentions, not candidates; titles and articles in front are dropped; headings in
        // capitals, single words and a sentence's first word alone are not names.
        Assert.Equal(["Raúl Roa García", "Vasily Kuznetsov", "Soviet Union"], reading.Unmatched.Select(u => u.Name));
        Assert.Equal("raul roa garcia", reading.Unmatched[0].Key);
        Assert.Contains(reading.Mentions, m => m.AuthorityId == Mikoyan);
    }

    [Fact]
    public void The_five_pages_name_their_people_in_English_and_in_Russian()
    {
        var found = new Dictionary<string, HashSet<int>> { ["en"] = [], ["ru"] = [] };
        foreach (var prefix in new[] { "000", "001", "002", "003", "004" })
        {
            var page = PageCaptureParser.Parse(Corpus.ReadPage(prefix));
            foreach (var transcript in page.Transcripts)
                foreach (var mention in Finder.Find(transcript.Text))
                    found[transcript.Language].UnionWith(mention.AuthorityId is { } id ? [id] : mention.Candidates);
        }
        // The English transcripts name all seven (Kennedy as "Kennedy", proposed between the two Kennedys); the one
        // Russian transcript (page 001) names Castro, Guevara and Dorticós.
        Assert.Superset(new HashSet<int> { Khrushchev, Castro, Guevara, Dorticos, Mikoyan, Mao, Kennedy }, found["en"]);
        Assert.Superset(new HashSet<int> { Castro, Guevara, Dorticos }, found["ru"]);
        Assert.DoesNotContain(JohnSmith, found["en"]);
    }

    // People as the Office of the Historian's file describes them (names, years, descriptions as it writes them).
    private static MentionFinder WithFacts(params (int Id, string[] Names, AuthorityFacts Facts)[] people) =>
        new(people.Select(p => (p.Id, (IEnumerable<string>)p.Names)), facts: people.ToDictionary(p => p.Id, p => p.Facts));

    private static (int? Id, MentionCertainty Certainty) Only(MentionFinder finder, string text, int year, params string[] namedBySource) =>
        finder.Read(text, year, namedBySource).Mentions.Select(m => (m.AuthorityId, m.Certainty)).Single();

    [Fact]
    public void The_record_s_year_tells_which_bearer_a_title_and_surname_mean()
    {
        var finder = WithFacts(
            (1, ["Kennedy, John F"], new(1917, 1963, 1958, 1963, "Democratic Senator from Massachusetts; President of the United States from January 20, 1961")),
            (2, ["Kennedy, Robert F"], new(null, null, 1961, 1968, "Attorney General of the United States from January 1961")),
            (3, ["Kennedy, Crammond"], new(1842, 1918, null, null, "Non-career appointee. Chargé d'Affaires")));
        // 1962: the one in high office then; 1870: the only Kennedy grown and alive.
        Assert.Equal((1, MentionCertainty.Certain), Only(finder, "President Kennedy wrote again.", 1962));
        Assert.Equal((3, MentionCertainty.Certain), Only(finder, "Mr. Kennedy wrote again.", 1870));
        // The reason says why.
        Assert.Contains("the one in a high office then", finder.Read("President Kennedy wrote again.", 1962).Mentions.Single().Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_dead_are_not_addressed_and_initials_are_folded_as_the_text_writes_them()
    {
        var finder = WithFacts(
            (1, ["Adams, John Quincy"], new(1767, 1848, 1825, 1829, "President of the United States, from March 4, 1825 until March 4, 1829")),
            (2, ["Adams, Charles Francis"], new(1807, 1886, null, null, "Non-career appointee. Envoy Extraordinary and Minister Plenipotentiary (United Kingdom)")),
            (3, ["Adams, Charles"], new(1845, 1895, null, null, "Non-career appointee. Minister Resident/Consul General (Bolivia)")));
        // 1861: John Quincy is dead, Charles a boy: "Mr. Adams" is Charles Francis. "C. F." is his too, though a text's
        // "C." folds to "k." and "Charles" keeps its c.
        Assert.Equal((2, MentionCertainty.Certain), Only(finder, "my predecessor, Mr. Adams, sails today", 1861));
        Assert.Equal((2, MentionCertainty.Certain), Only(finder, "Sir A. Cockburn, Mr. C. F. Adams, that", 1872));
    }

    [Fact]
    public void What_the_text_says_of_a_person_that_the_file_denies_is_not_theirs()
    {
        var steere = WithFacts((1, ["Steere, Loyd V"], new(null, null, 1945, 1954, "Counselor of the Embassy in Poland, August 20, 1952–May 18, 1953")));
        // "Comrade" is said of communists: not the American diplomat, however alone he is in the file.
        Assert.NotEqual(MentionCertainty.Certain, Only(steere, "we consider that Comrade Stere acted appropriately", 1954).Certainty);
        var mora = WithFacts((1, ["Mora-Otero, José Antonio", "Mora, José A"], new(null, null, 1956, 1968, "Secretary General of the Organization of American States")));
        // The Cuban Minister of Foreign Trade is not the OAS's Secretary General, wherever his surname stands.
        Assert.DoesNotContain(mora.Read("Minister of Foreign Trade Mora had just summoned me. Mora asked me", 1964).Mentions, m => m.Certainty == MentionCertainty.Certain);
    }

    [Fact]
    public void A_signature_an_edition_s_list_of_persons_and_the_file_s_years_make_a_surname_sure()
    {
        var hulls = WithFacts(
            (1, ["Hull, Cordell"], new(1871, 1955, 1933, 1946, "Non-career appointee. Secretary of State | Secretary of State, 1933–1944")),
            (2, ["Hull, John Edwin"], new(null, null, 1945, 1958, "Assistant Chief of Staff, Operations Division, War Department General Staff")));
        // A telegram signed "Hull" in 1934: the Secretary of State then.
        Assert.Equal((1, MentionCertainty.Certain), Only(hulls, "Repeat to Habana.\n\nHull", 1934));
        var polks = WithFacts(
            (1, ["Polk, Frank Lyon"], new(1871, 1943, 1915, 1916, "Counselor of the Department of State")),
            (2, ["Polk, James K"], new(1795, 1849, 1845, 1849, "President of the United States, from March 4, 1845 until March 4, 1849")),
            (3, ["Polk, Judd"], new(null, null, 1951, 1951, "Chief, British Commonwealth and Middle East Division")));
        // Undated: "Polk" alone could be any of them; the edition's editors identified him as Frank Lyon Polk.
        Assert.Null(polks.Read("For Polk from Auchincloss.").Mentions.Single().AuthorityId);
        Assert.Equal((1, MentionCertainty.Certain), polks.Read("For Polk from Auchincloss.", null, ["Polk, Frank Lyon"]).Mentions.Select(m => (m.AuthorityId, m.Certainty)).Single());
    }
}
