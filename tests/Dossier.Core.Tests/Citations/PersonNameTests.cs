using Dossier.Citations;

namespace Dossier.Core.Tests.Citations;

public class PersonNameTests
{
    // Name, family, given, particle, suffix, literal; then the inverted form a bibliography sorts by.
    [Theory]
    [InlineData("Gary Goldberg", "Goldberg", "Gary", null, null, null, "Goldberg, Gary")]
    [InlineData("James G. Hershberg", "Hershberg", "James G.", null, null, null, "Hershberg, James G.")]
    [InlineData("Hershberg, James G.", "Hershberg", "James G.", null, null, null, "Hershberg, James G.")]
    [InlineData("  Svetlana   Savranskaya ", "Savranskaya", "Svetlana", null, null, null, "Savranskaya, Svetlana")]
    [InlineData("Martin Luther King Jr.", "King", "Martin Luther", null, "Jr.", null, "King, Martin Luther, Jr.")]
    [InlineData("King, Jr.", "King", null, null, "Jr.", null, "King, Jr.")]
    [InlineData("Ludwig van Beethoven", "Beethoven", "Ludwig", "van", null, null, "van Beethoven, Ludwig")]
    [InlineData("Сергей Кудрявцев", "Кудрявцев", "Сергей", null, null, null, "Кудрявцев, Сергей")]
    [InlineData("CWIHP", null, null, null, null, "CWIHP", "CWIHP")]
    [InlineData("Blavatnik Family Foundation", null, null, null, null, "Blavatnik Family Foundation", "Blavatnik Family Foundation")]
    [InlineData("History and Public Policy Program", null, null, null, null, "History and Public Policy Program", "History and Public Policy Program")]
    public void Names_are_read_as_archives_write_them(string text, string? family, string? given, string? particle, string? suffix, string? literal, string inverted)
    {
        var name = PersonName.Parse(text);
        Assert.Equal(new PersonName(family, given, particle, suffix, literal), name);
        Assert.Equal(inverted, name.Inverted());
    }

    [Fact]
    public void The_natural_order_puts_the_particle_and_suffix_back()
    {
        Assert.Equal("Ludwig van Beethoven", PersonName.Parse("Ludwig van Beethoven").Natural());
        Assert.Equal("James G. Hershberg", PersonName.Parse("Hershberg, James G.").Natural());
        Assert.Equal("Martin Luther King Jr.", PersonName.Parse("Martin Luther King Jr.").Natural());
    }
}

public class RecordSlugTests
{
    [Theory]
    [InlineData("Record of Conversation with Fidel Castro", "record-of-conversation-with-fidel-castro")]
    [InlineData("From the Journal of S.M. Kudryavtsev, 'Record of Conversation'", "from-the-journal-of-s-m-kudryavtsev-record-of-conversation")]
    [InlineData("Запись беседы с Н. С. Хрущёвым", "zapis-besedy-s-n-s-khrushchevym")]
    [InlineData("Khrushchev's Letter", "khrushchevs-letter")]
    [InlineData("???", "")]
    public void A_title_becomes_lower_case_ASCII_words(string title, string slug) => Assert.Equal(slug, RecordSlug.Of(title));

    [Fact]
    public void A_long_title_is_cut_at_a_word_end()
    {
        var slug = RecordSlug.Of(string.Concat(Enumerable.Repeat("conversation ", 20)));
        Assert.True(slug.Length <= RecordSlug.MaxLength);
        Assert.EndsWith("conversation", slug, StringComparison.Ordinal);
    }
}

public class InvertedParticleTests
{
    [Fact]
    public void A_particle_after_the_given_names_of_an_inverted_name_goes_with_the_family_name()
    {
        var name = PersonName.Parse("Jong, G. de");
        Assert.Equal(("Jong", "G.", "de"), (name.Family, name.Given, name.Particle));
        Assert.Equal("G. de Jong", name.Natural());
        Assert.Equal("de Jong, G.", name.InvertedInitials());
        Assert.Equal("van der Laan, L.", PersonName.Parse("Laan, L. van der").Inverted());
        // With no given name to take it from, the particle stays.
        Assert.Equal("Beethoven, van", PersonName.Parse("Beethoven, van").Inverted());
    }
}
