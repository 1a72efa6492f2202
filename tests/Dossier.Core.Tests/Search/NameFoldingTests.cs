using Dossier.Search;

namespace Dossier.Core.Tests.Search;

public class NameFoldingTests
{
    [Theory]
    // Across scripts and romanizations: each row's spellings fold to one key.
    [InlineData("Khrushchev", "Хрущёв", "Хрущев", "Khrushchov", "Khrushchyov")]
    [InlineData("Alekseyev", "Alekseev", "Alexeyev", "Алексеев", "Alekseiev")]
    [InlineData("Guantanamo", "Гуантанамо")]
    [InlineData("Kudryavtsev", "Кудрявцев", "Kudriavtsev", "Kudrjavcev")]
    [InlineData("Yuri", "Юрий", "Iurii", "Yuriy")]
    [InlineData("Tsar", "Tzar", "Царь")]
    [InlineData("Jelen", "Jeleń")]
    [InlineData("Sandor", "Sándor")]
    [InlineData("Mikoyan", "Микоян")]
    [InlineData("Castro", "Кастро")]
    [InlineData("Cuba", "Куба")]
    [InlineData("Dorticos", "Dorticós", "Дортикос")]
    [InlineData("Gheorghiu", "Gheorghiu")]
    public void Spellings_of_one_name_meet(params string[] spellings)
    {
        var keys = spellings.Select(NameFolding.Fold).Distinct().ToList();
        Assert.True(keys.Count == 1, string.Join(", ", spellings.Zip(spellings.Select(NameFolding.Fold), (s, k) => $"{s} → {k}")));
    }

    [Theory]
    [InlineData("Castro", "Chomon")]
    [InlineData("Moscow", "Mexico")]
    [InlineData("Kennedy", "Khrushchev")]
    public void Different_names_stay_apart(string a, string b) => Assert.NotEqual(NameFolding.Fold(a), NameFolding.Fold(b));

    [Fact]
    public void Digits_and_other_scripts_pass_through()
    {
        Assert.Equal("1963", NameFolding.Fold("1963"));
        Assert.Equal("毛", NameFolding.Fold("毛"));
    }
}
