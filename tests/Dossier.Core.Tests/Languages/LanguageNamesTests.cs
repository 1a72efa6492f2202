using Dossier.Languages;

namespace Dossier.Core.Tests.Languages;

public class LanguageNamesTests
{
    [Theory]
    [InlineData("ru", "ru")]
    [InlineData("Russian", "ru")]
    [InlineData(" English ", "en")]
    [InlineData("en-GB", "en-GB")]
    [InlineData("es", "es")]
    public void Codes_and_english_names_give_a_code(string given, string code) => Assert.Equal(code, LanguageNames.ToCode(given));

    [Theory]
    [InlineData("Klingonese")]
    [InlineData("xx")]
    [InlineData("e")]
    [InlineData("en_GB")]
    [InlineData("")]
    public void Anything_else_is_not_a_language(string given) => Assert.Null(LanguageNames.ToCode(given));
}
