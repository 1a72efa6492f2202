using Dossier.Core.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests;

/// <summary>
/// A reader's path through the archive in a real browser: Debian's Chromium driven by Playwright.
/// The browser is the system's (.ci/run installs it); Playwright never downloads one.
/// </summary>
public class BrowserTests
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    [Fact]
    public async Task A_reader_searches_opens_a_record_reads_the_original_and_copies_the_citation()
    {
        Assert.True(File.Exists(ChromiumPath), $"Chromium is expected at {ChromiumPath} (apt-get install chromium; .ci/run does it)");
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
        var context = await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByText("The archive holds")).ToContainTextAsync("5");

        await page.GetByRole(AriaRole.Searchbox, new() { Name = "Search the archive" }).FillAsync("Castro Ecuador");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search", Exact = true }).ClickAsync();
        await Expect(page.Locator("ol.records li")).ToHaveCountAsync(1);
        await Expect(page.Locator(".snippet mark").First).ToBeVisibleAsync();

        await page.Locator("ol.records h3 a").First.ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("From the Journal of S.M. Kudryavtsev");
        await Expect(page.Locator("section.transcript[lang=en]")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Russian", Exact = true }).ClickAsync();
        var russian = page.Locator("section.transcript[lang=ru]");
        await Expect(russian).ToBeVisibleAsync();
        await Expect(russian).ToContainTextAsync("Гуантанамо");
        await Expect(page.Locator("section.transcript[lang=en]")).ToHaveCountAsync(0);

        var citation = (await page.Locator("#citation-chicago").TextContentAsync())!.Trim();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy citation" }).ClickAsync();
        await Expect(page.Locator(".citation .copied")).ToHaveTextAsync("Copied");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(citation, clipboard);
        Assert.StartsWith("\"From the Journal of S.M. Kudryavtsev", clipboard);
        Assert.EndsWith("Obtained by James G. Hershberg and translated by Gary Goldberg.", clipboard);
    }
}
