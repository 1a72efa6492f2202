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
    public void Initials_and_a_surname_alone_are_proposed_unless_the_text_names_the_person_in_full()
    {
        Assert.Equal([(Khrushchev, "N. S. Khrushchev", MentionCertainty.Probable)], Find("Message of N. S. Khrushchev to the President"));
        Assert.Equal([(Khrushchev, "Н. С. Хрущёва", MentionCertainty.Probable)], Find("Посылаю письмо Н. С. Хрущёва"));
        Assert.Equal([(Mikoyan, "Mikoyan", MentionCertainty.Probable)], Find("Mikoyan arrived in Havana."));
        // Two Kennedys: the surname alone is ambiguous, until the text names one of them in full.
        var alone = Finder.Find("Kennedy spoke.").Single();
        Assert.Equal((null, MentionCertainty.Ambiguous), (alone.AuthorityId, alone.Certainty));
        Assert.Equal([Kennedy, RobertKennedy], alone.Candidates.Order());
        Assert.Equal([(Kennedy, "John F. Kennedy", MentionCertainty.Certain), (Khrushchev, "Khrushchev", MentionCertainty.Probable), (Kennedy, "Kennedy", MentionCertainty.Certain)],
            Find("John F. Kennedy wrote to Khrushchev's envoy. Kennedy insisted."));
        // Initials that tell two Smiths apart.
        Assert.Equal([(BedellSmith, "W. B. Smith", MentionCertainty.Probable)], Find("Ambassador W. B. Smith reported."));
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
        // The same word as a person's surname alone stays a proposal.
        var person = new MentionFinder([(3, ["Havana, Ernest"])]);
        Assert.Equal(MentionCertainty.Probable, person.Find("Mr. Havana spoke.").Single().Certainty);
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
}
