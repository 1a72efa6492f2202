using System.Globalization;
using Deque.AxeCore.Playwright;
using Dossier.Core.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests;

/// <summary>
/// The pictures in Debian's Chromium: drawn, clickable, their tables behind them, and scanned by axe-core for serious
/// and critical accessibility violations (the pages they are on, in full).
/// </summary>
public class PicturesBrowserTests
{
    [Fact]
    public async Task The_timeline_network_and_map_render_lead_where_they_say_and_pass_an_accessibility_scan()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAuthoritiesAsync("""
            id,kind,name,variants,latitude,longitude
            1,person,"Castro, Fidel","Castro Ruz, Fidel; Кастро, Фидель",,
            2,person,"Guevara, Ernesto","Che Guevara; Гевара, Эрнесто",,
            3,person,"Dorticós Torrado, Osvaldo","Dorticos, Osvaldo; Дортикос, Освальдо",,
            4,place,Havana,"La Habana; Гавана",23.1136,-82.3666
            """);
        await archive.ImportAsync(Corpus.ArchivePages);
        var castro = (int)(await archive.GetJsonAsync("/api/people?q=Castro"))["items"]![0]!["id"]!;
        var guevara = (int)(await archive.GetJsonAsync("/api/people?q=Guevara"))["items"]![0]!["id"]!;
        var havana = (int)(await archive.GetJsonAsync("/api/places?q=Havana"))["items"]![0]!["id"]!;

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() });
        var page = await context.NewPageAsync();

        // Records over time on the search page: bars drawn, each a link named with its period and count.
        await page.GotoAsync("/search?q=Castro");
        var bars = page.Locator("figure#timeline svg a");
        await Expect(bars.First).ToBeVisibleAsync();
        var label = (await bars.First.GetAttributeAsync("aria-label"))!;
        var box = await bars.First.Locator("rect:not(.target)").BoundingBoxAsync();
        Assert.True(box is { Height: > 0, Width: > 0 }, $"the bar {label} is not drawn");
        // The figures as a table, behind a disclosure (scanned open too); then a click on a bar narrows the search to its period.
        await page.Locator("figure#timeline details summary").ClickAsync();
        await Expect(page.Locator("figure#timeline details table")).ToBeVisibleAsync();
        await ScanAsync(page, "the search page");
        await bars.First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"from=\d{4}(-\d\d)?&to=\d{4}"));
        var count = int.Parse(label.Split(": ")[1].Split(' ')[0], CultureInfo.InvariantCulture);
        await Expect(page.Locator("ol.records > li")).ToHaveCountAsync(Math.Min(count, Dossier.Features.Search.SearchApi.DefaultSize));

        // A person's page: the timeline of the records naming him and the people named with him, whose nodes lead to them.
        await page.GotoAsync($"/people/{castro}");
        await Expect(page.Locator("figure#timeline svg a").First).ToBeVisibleAsync();
        var node = page.Locator($"figure#network svg a[href='/people/{guevara}']");
        await Expect(node).ToBeVisibleAsync();
        Assert.True(await node.Locator("circle").BoundingBoxAsync() is { Width: > 0 });
        await page.Locator("figure#network details summary").ClickAsync();
        await ScanAsync(page, "a person's page");
        // The network's links are reached by the keyboard too: tabbing from the top of the page comes to Guevara.
        await page.Locator("h1").FocusAsync();
        var reached = false;
        for (var i = 0; i < 200 && !reached; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            reached = await page.EvaluateAsync<bool>($"() => document.activeElement?.getAttribute('href') === '/people/{guevara}' && !!document.activeElement.closest('figure#network svg')");
        }
        Assert.True(reached, "Guevara's node is not reached by Tab");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Guevara, Ernesto");

        // A place's page: the land drawn around the point, named.
        await page.GotoAsync($"/places/{havana}");
        var map = page.Locator("figure#map svg");
        await Expect(map).ToBeVisibleAsync();
        Assert.True(await map.Locator("path.land").BoundingBoxAsync() is { Width: > 100 });
        // The land beyond the map's frame is cut off, not drawn over the page.
        await Expect(map).ToHaveCSSAsync("overflow", "hidden");
        await Expect(map.Locator("[aria-label^='Havana: 23.11° N, 82.37° W']")).ToHaveCountAsync(1);
        await ScanAsync(page, "a place's page");
    }

    /// <summary>axe-core over the whole page: no serious or critical violation.</summary>
    private static async Task ScanAsync(IPage page, string what)
    {
        var results = await page.RunAxe();
        var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
        Assert.True(serious.Count == 0, $"axe on {what}: " + string.Join("; ", serious.Select(v =>
            $"{v.Id} ({v.Impact}): {v.Help} at {string.Join(", ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target)))}")));
    }
}
