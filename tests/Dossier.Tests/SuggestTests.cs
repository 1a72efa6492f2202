using System.Net;
using Dossier.Core.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests;

/// <summary>Search as you type: the suggestions endpoint, and the search box that offers them in Chromium.</summary>
public class SuggestTests
{
    private static async Task<ArchiveHost> StartAsync()
    {
        var archive = await ArchiveHost.StartAsync();
        await archive.ImportAuthoritiesAsync("id,kind,name,variants,birth,death\n1,person,\"Castro, Fidel\",\"Кастро, Фидель\",1926,2016\n2,place,Havana,Гавана,,\n");
        await archive.ImportAsync(Corpus.ArchivePages);
        return archive;
    }

    [Fact]
    public async Task Titles_people_and_places_are_suggested_from_the_first_letters_in_any_script()
    {
        await using var archive = await StartAsync();
        var draft = Path.Combine(TempDirectory.Create("suggest-draft"), "draft.jsonl");
        await File.WriteAllTextAsync(draft, """{"recordId":"S-1","title":"Castro's secret draft","date":"1960-01-01"}""" + "\n");
        await archive.ImportAsync(publish: false, draft);

        var castro = (await archive.GetJsonAsync("/api/suggest?q=Cast"))["suggestions"]!.AsArray();
        Assert.Contains(castro, s => (string)s!["kind"]! == "person" && (string)s["label"]! == "Castro, Fidel" && (string)s["detail"]! == "1926–2016");
        Assert.Contains(castro, s => (string)s!["kind"]! == "record" && ((string)s["label"]!).Contains("Fidel Castro Ruz", StringComparison.Ordinal)
                                                              && ((string)s["url"]!).StartsWith("/documents/", StringComparison.Ordinal));
        // Never an unpublished record.
        Assert.DoesNotContain(castro, s => ((string)s!["label"]!).Contains("secret draft", StringComparison.Ordinal));
        // Whole words and the beginning of the last: the journal of Kudryavtsev, by "journal kudr".
        Assert.Contains((await archive.GetJsonAsync("/api/suggest?q=journal%20kudr"))["suggestions"]!.AsArray(),
            s => ((string)s!["label"]!).StartsWith("From the Journal of S.M. Kudryavtsev", StringComparison.Ordinal));
        // Another script: "Гава" is Havana.
        Assert.Contains((await archive.GetJsonAsync("/api/suggest?q=" + Uri.EscapeDataString("Гава")))["suggestions"]!.AsArray(),
            s => (string)s!["kind"]! == "place" && (string)s["label"]! == "Havana");
        Assert.Empty((await archive.GetJsonAsync("/api/suggest?q=C"))["suggestions"]!.AsArray());
        // Names are looked up in memory, and the memory follows the authorities: one added is suggested at once, with
        // every word typed beginning one of its names' words, whichever its order.
        Assert.DoesNotContain((await archive.GetJsonAsync("/api/suggest?q=guev"))["suggestions"]!.AsArray(), s => (string)s!["kind"]! == "person");
        await archive.ImportAuthoritiesAsync("id,kind,name,variants,birth,death\n3,person,\"Guevara, Ernesto\",Che Guevara,1928,1967\n");
        Assert.Contains((await archive.GetJsonAsync("/api/suggest?q=che%20guev"))["suggestions"]!.AsArray(),
            s => (string)s!["label"]! == "Guevara, Ernesto" && (string)s["detail"]! == "1928–1967");
        Assert.Contains((await archive.GetJsonAsync("/api/suggest?q=ernesto%20guev"))["suggestions"]!.AsArray(), s => (string)s!["label"]! == "Guevara, Ernesto");
        Assert.DoesNotContain((await archive.GetJsonAsync("/api/suggest?q=fidel%20guev"))["suggestions"]!.AsArray(), s => (string)s!["kind"]! == "person");
        using var tooLong = await archive.Client.GetAsync("/api/suggest?q=" + new string('a', 201));
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
    }

    [Fact]
    public async Task The_search_box_offers_suggestions_chosen_with_the_keyboard()
    {
        await using var archive = await StartAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() })).NewPageAsync();
        await page.GotoAsync("/");
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the archive" });
        await box.PressSequentiallyAsync("Kudr", new() { Delay = 30 });
        var options = page.GetByRole(AriaRole.Option);
        await Expect(options.First).ToContainTextAsync("From the Journal of S.M. Kudryavtsev");
        await Expect(box).ToHaveAttributeAsync("aria-expanded", "true");
        await box.PressAsync("ArrowDown");
        await Expect(options.First).ToHaveAttributeAsync("aria-selected", "true");
        await Expect(box).ToHaveAttributeAsync("aria-activedescendant", (await options.First.GetAttributeAsync("id"))!);
        // Escape closes the list; typing opens it again; Enter on a chosen suggestion opens its page.
        await box.PressAsync("Escape");
        await Expect(page.GetByRole(AriaRole.Listbox)).ToBeHiddenAsync();
        await box.PressSequentiallyAsync("y", new() { Delay = 30 });
        await Expect(options.First).ToContainTextAsync("Kudryavtsev");
        await box.PressAsync("ArrowDown");
        await box.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToContainTextAsync("From the Journal of S.M. Kudryavtsev");
        // Without a choice, Enter searches as the form always did.
        await page.GotoAsync("/");
        await box.FillAsync("Castro");
        await box.PressAsync("Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/search\\?q=Castro$"));
    }
}
