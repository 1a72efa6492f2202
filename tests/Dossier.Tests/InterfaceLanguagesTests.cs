using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dossier.Core.Tests;
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

    // T["…"] in a page, text["…"] in its model, a form's ErrorMessage = "…"; counted phrases as T.Plural(n, "…", "…").
    [GeneratedRegex("""(?:\b(?:T|text)\[|ErrorMessage\s*=)\s*"((?:[^"\\]|\\.)*)"\s*[\],)]""")]
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
        XDocument.Load(Path.Combine(RepositoryRoot(), "src", "Dossier", "Features", "Shared", language.Length == 0 ? "Text.resx" : $"Text.{language}.resx"))
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

    [Fact]
    public void Phrases_differ_by_more_than_case_and_those_with_a_context_read_in_English_without_it()
    {
        var used = PhrasesUsed();
        // Resources tell names apart regardless of case: one of two such phrases would lose its translation.
        Assert.Empty(used.GroupBy(p => p.ToUpperInvariant()).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));
        var english = Translations("");
        foreach (var phrase in used.Where(p => Context().IsMatch(p)))
            Assert.Equal(Context().Replace(phrase, ""), english.GetValueOrDefault(phrase));
        Assert.DoesNotContain(english.Keys, k => !used.Contains(k));
    }

    [GeneratedRegex(@" \[[^\]]+\]$")]
    private static partial Regex Context();

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

    private static async Task<string> PageAsync(ArchiveHost archive, string path, string acceptLanguage, string? cookie = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        if (cookie is not null) request.Headers.Add("Cookie", cookie);
        using var response = await archive.Client.SendAsync(request);
        Assert.Contains("Accept-Language", response.Headers.Vary);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_browser_asking_for_russian_or_spanish_reads_the_pages_in_it_and_the_documents_as_they_are()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        var id = await archive.FindAsync("Kudryavtsev");

        var english = await PageAsync(archive, $"/documents/{id}?view=parallel", "en-US,en;q=0.9");
        var russian = await PageAsync(archive, $"/documents/{id}?view=parallel", "ru-RU,ru;q=0.9,en;q=0.5");
        var spanish = await PageAsync(archive, $"/documents/{id}?view=parallel", "es-MX,es;q=0.9");

        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains("<html lang=\"ru\">", russian);
        Assert.Contains("<html lang=\"es\">", spanish);
        // The interface's words and the date follow the language; the record's own words do not.
        Assert.Contains("April 13, 1962", english);
        // ICU's Russian long date, with its narrow no-break space before "г.".
        Assert.Contains("<p class=\"date\">13 апреля 1962&#x202F;г.</p>", russian);
        Assert.Contains("13 de abril de 1962", spanish);
        Assert.Contains(">Document Information<", english);
        Assert.Contains(">Сведения о документе<", russian);
        Assert.Contains(">Información del documento<", spanish);
        Assert.Contains("<dd>Английский, Русский</dd>", russian);
        foreach (var page in new[] { english, russian, spanish })
        {
            // The catalogue's English is marked as English on every page; the transcripts keep their languages.
            Assert.Contains("<h1 lang=\"en\">From the Journal of S.M. Kudryavtsev", page);
            Assert.Contains("<p>I met with Fidel Castro at my apartment.</p>", page);
            Assert.Contains("<p class=\"marking\">Исх. № 130</p>", page);
            Assert.Contains("<section class=\"transcript\" lang=\"ru\"", page);
        }
        Assert.Equal(Transcripts(english), Transcripts(russian));
        Assert.Equal(Transcripts(english), Transcripts(spanish));

        // A language the interface does not speak is English; so is a request naming none.
        Assert.Contains("<html lang=\"en\">", await PageAsync(archive, "/", "de-DE,de;q=0.9"));
        Assert.Contains("<html lang=\"en\">", await archive.Client.GetStringAsync("/"));

        // Counts and the home page's figures in the language's plural forms.
        var home = await PageAsync(archive, "/", "ru");
        Assert.Contains("В архиве 1 запись, 2 расшифровки на 2 языках.", home);
        var notFound = await archive.Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/no-such-page") { Headers = { { "Accept-Language", "es" } } });
        Assert.Equal(HttpStatusCode.NotFound, notFound.StatusCode);
        Assert.Contains("No hay ninguna página en esta dirección.", await notFound.Content.ReadAsStringAsync());
    }

    private static string Transcripts(string html) =>
        string.Join("\n", Regex.Matches(html, "<section class=\"transcript\"[\\s\\S]*?</section>").Select(m => Regex.Replace(m.Value, "<h2[^>]*>.*?</h2>", "")));

    [Fact]
    public async Task The_switch_keeps_the_readers_choice_over_the_browsers_and_returns_to_the_page()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = archive.Address };

        var english = await archive.Client.GetStringAsync("/search?q=Castro");
        Assert.Contains("<form class=\"languages\" method=\"post\" action=\"/language\">", english);
        Assert.Contains("name=\"back\" value=\"/search?q=Castro\"", english);
        Assert.Contains("value=\"es\" lang=\"es\"", english);

        using var chosen = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "es", ["back"] = "/search?q=Castro" }));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);
        Assert.Equal("/search?q=Castro", chosen.Headers.Location!.OriginalString);
        var cookie = chosen.Headers.GetValues("Set-Cookie").Single().Split(';')[0];
        Assert.StartsWith(".AspNetCore.Culture=", cookie, StringComparison.Ordinal);

        // The choice wins over the browser's Accept-Language, on every page, until changed.
        var spanish = await PageAsync(archive, "/search?q=Castro", "ru-RU,ru", cookie);
        Assert.Contains("<html lang=\"es\">", spanish);
        Assert.Contains("1 registro", spanish);
        Assert.Contains("aria-pressed=\"true\">Español</button>", spanish);
        Assert.Contains("<html lang=\"es\">", await PageAsync(archive, "/people", "ru", cookie));

        // The switch leads back to this site only; an unknown language is a problem, not a silent English.
        using var away = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "ru", ["back"] = "//evil.example/" }));
        Assert.Equal("/", away.Headers.Location!.OriginalString);
        using var broken = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "ru", ["back"] = "/x\n" }));
        Assert.Equal("/", broken.Headers.Location!.OriginalString);
        using var notAForm = await client.PostAsync("/language", new StringContent("{\"language\":\"ru\"}", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notAForm.StatusCode);
        using var unknown = await client.PostAsync("/language", new FormUrlEncodedContent(new Dictionary<string, string> { ["language"] = "de", ["back"] = "/" }));
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task Machines_read_one_invariant_form_whatever_language_they_ask_for()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        var id = await archive.FindAsync("Kudryavtsev");
        foreach (var path in new[] { $"/api/documents/{id}", "/api/search?q=Castro&facets=language", "/feeds/records.atom", "/api/search/timeline?format=csv", "/sitemap.xml", "/oai?verb=Identify" })
        {
            var plain = await archive.Client.GetStringAsync(path);
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.AcceptLanguage.ParseAdd("ru");
            using var response = await archive.Client.SendAsync(request);
            var russian = await response.Content.ReadAsStringAsync();
            Assert.Equal(Regex.Replace(plain, "\"tookMs\":[0-9.]+|<responseDate>[^<]*</responseDate>", ""), Regex.Replace(russian, "\"tookMs\":[0-9.]+|<responseDate>[^<]*</responseDate>", ""));
        }
    }
}
