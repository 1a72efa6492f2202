using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dossier.Features;

namespace Dossier.Tests;

/// <summary>The pages in English, Russian and Spanish: every phrase translated, the choice honoured, documents untouched.</summary>
public sealed partial class InterfaceLanguagesTests
{
    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Dossier.slnx"))) return dir.FullName;
        }
        throw new DirectoryNotFoundException("The repository root (Dossier.slnx) was not found above " + AppContext.BaseDirectory);
    }

    // T["…"] in a page, text["…"] in its model; counted phrases as T.Plural(n, "…", "…").
    [GeneratedRegex("""\b(?:T|text)\[\s*"((?:[^"\\]|\\.)*)"\s*[\],]""")]
    private static partial Regex Phrase();

    [GeneratedRegex("""\.Plural\([^"]*?"((?:[^"\\]|\\.)*)"\s*,\s*"((?:[^"\\]|\\.)*)"\s*\)""")]
    private static partial Regex CountedPhrase();

    [GeneratedRegex(@"\{\d+\}")]
    private static partial Regex Placeholder();

    private static HashSet<string> PhrasesUsed()
    {
        var source = Path.Combine(RepositoryRoot(), "src", "Dossier");
        var files = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".cshtml", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                        && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var used = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = File.ReadAllText(file);
            foreach (Match m in Phrase().Matches(text)) used.Add(Unescape(m.Groups[1].Value));
            foreach (Match m in CountedPhrase().Matches(text)) used.Add(Unescape(m.Groups[1].Value) + "|" + Unescape(m.Groups[2].Value));
        }
        return used;
    }

    private static string Unescape(string literal) => literal.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal);

    private static Dictionary<string, string> Translations(string language) =>
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Dossier", "Features", "Shared", $"Text.{language}.resx"))
            .Root!.Elements("data").ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value, StringComparer.Ordinal);

    [Theory]
    [InlineData("ru", 3)]
    [InlineData("es", 2)]
    public void Every_phrase_of_the_pages_is_translated_with_its_placeholders_and_plural_forms(string language, int pluralForms)
    {
        var used = PhrasesUsed();
        Assert.True(used.Count > 100, $"only {used.Count} phrases found: is the source where the test looks?");
        var translations = Translations(language);
        Assert.Empty(used.Where(p => !translations.ContainsKey(p)).Order());
        Assert.Empty(translations.Keys.Where(k => !used.Contains(k)).Order());
        foreach (var (phrase, translated) in translations)
        {
            Assert.False(string.IsNullOrWhiteSpace(translated), phrase);
            var placeholders = Placeholder().Matches(phrase).Select(m => m.Value).Distinct().Order();
            Assert.Equal(placeholders, Placeholder().Matches(translated).Select(m => m.Value).Distinct().Order());
            if (phrase.Contains('|', StringComparison.Ordinal))
            {
                Assert.Equal(pluralForms, translated.Split('|').Length);
                Assert.All(translated.Split('|'), form => Assert.Contains("{0}", form, StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [InlineData("en", new long[] { 1 }, new long[] { 0, 2, 5, 11, 21, 101 }, new long[0])]
    [InlineData("es", new long[] { 1 }, new long[] { 0, 2, 5, 21 }, new long[0])]
    [InlineData("ru", new long[] { 1, 21, 101, 1001 }, new long[] { 2, 3, 4, 22, 34, 102 }, new long[] { 0, 5, 11, 12, 14, 20, 25, 111, 112 })]
    public void Counts_take_the_plural_form_of_the_language(string language, long[] first, long[] second, long[] third)
    {
        var culture = CultureInfo.GetCultureInfo(language);
        Assert.All(first, n => Assert.Equal(0, TextPlurals.FormOf(n, culture)));
        Assert.All(second, n => Assert.Equal(1, TextPlurals.FormOf(n, culture)));
        Assert.All(third, n => Assert.Equal(2, TextPlurals.FormOf(n, culture)));
    }
}
