using Dossier.Collections;

namespace Dossier.Core.Tests.Collections;

public class CollectionSlugTests
{
    [Theory]
    [InlineData("frus1918Russiav03", true)]
    [InlineData("Cuba_1962.v1", true)]
    [InlineData("cuba-1962", true)]
    [InlineData("-cuba", false)]
    [InlineData(".hidden", false)]
    [InlineData("two words", false)]
    [InlineData("cuba:1962", false)]
    [InlineData("cuba/1962", false)]
    [InlineData("Куба", false)]
    [InlineData("", false)]
    public void A_slug_is_safe_in_a_path_and_in_a_setSpec(string slug, bool valid) => Assert.Equal(valid, Collection.IsValidSlug(slug));

    [Fact]
    public void A_slug_is_at_most_64_characters() => Assert.False(Collection.IsValidSlug(new string('a', 65)));

    [Theory]
    [InlineData("Cuba, 1962–1964", "cuba-1962-1964")]
    [InlineData("Хрущёв и Кастро", "khrushchev-i-kastro")]
    [InlineData("!!!", "collection")]
    public void A_title_makes_a_slug(string title, string slug) => Assert.Equal(slug, Collection.SlugOf(title));

    [Fact]
    public void A_long_title_makes_a_valid_slug()
    {
        var slug = Collection.SlugOf(string.Join(' ', Enumerable.Repeat("Foreign Relations of the United States", 5)));
        Assert.True(Collection.IsValidSlug(slug), slug);
    }
}
