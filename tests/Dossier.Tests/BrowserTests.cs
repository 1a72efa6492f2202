using Dossier.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
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

    /// <summary>Debian's Chromium, headless, as every browser test drives it (never a browser Playwright downloads).</summary>
    public static Task<IBrowser> LaunchChromiumAsync(IPlaywright playwright)
    {
        return playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Args = ChromiumArgs, Headless = true });
    }

    [Fact]
    public async Task A_reader_searches_opens_a_record_reads_the_original_and_copies_the_citation()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await Expect(page.GetByText("The archive holds")).ToContainTextAsync("5");

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Search the archive" }).FillAsync("Castro Ecuador");
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
        await Expect(page.Locator(".citation .actions .copied")).ToHaveTextAsync("Copied");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.Equal(citation, clipboard);
        Assert.StartsWith("\"From the Journal of S.M. Kudryavtsev", clipboard);
        Assert.EndsWith("Obtained by James G. Hershberg and translated by Gary Goldberg.", clipboard);
    }

    [Fact]
    public async Task A_reader_opens_the_Cite_dialog_copies_a_style_and_downloads_the_BibTeX()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        var id = (await archive.IdsOfCapturesAsync())["003"];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString(), AcceptDownloads = true });
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();
        await page.GotoAsync($"/documents/{id}");

        var dialog = page.Locator("dialog#cite");
        await Expect(dialog).Not.ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cite in other styles" }).ClickAsync();
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Dialog, new() { Name = "Cite this record" })).ToBeVisibleAsync();

        // MLA: the archive in italics on the page, plain text on the clipboard.
        await Expect(dialog.Locator("#cite-mla i")).ToHaveTextAsync("History and Public Policy Program Digital Archive");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy MLA 9" }).ClickAsync();
        await Expect(dialog.Locator("#style-mla ~ .actions .copied")).ToHaveTextAsync("Copied");
        var clipboard = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith("\"From the Diary of A. I. Alekseyev, Record of a Conversation with Ernesto Guevara, 25 December 1963.\" Translated by Gary Goldberg, 29 Jan. 1964.", clipboard);
        Assert.Contains("History and Public Policy Program Digital Archive, ", clipboard);
        Assert.Equal((await dialog.Locator("#cite-mla").TextContentAsync())!.Trim(), clipboard);

        // BibTeX: copied as it is shown, and downloaded as a .bib file.
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy BibTeX" }).ClickAsync();
        var bibtex = await page.EvaluateAsync<string>("() => navigator.clipboard.readText()");
        Assert.StartsWith($"@misc{{dossier-{id},", bibtex);
        var download = await page.RunAndWaitForDownloadAsync(() => dialog.GetByRole(AriaRole.Link, new() { Name = "Download .bib" }).First.ClickAsync());
        Assert.Equal($"dossier-{id}.bib", download.SuggestedFilename);
        Assert.StartsWith($"@misc{{dossier-{id},", await File.ReadAllTextAsync((await download.PathAsync())!));

        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).Not.ToBeVisibleAsync();
    }

    [Fact]
    public async Task An_editor_edits_and_submits_a_second_publishes_a_visitor_finds_it_until_it_is_withdrawn()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var folder = TempDirectory.Create("browser-curation");
        var file = Path.Combine(folder, "draft.jsonl");
        await File.WriteAllTextAsync(file, """{"recordId":"B-1","title":"Cable on the Quarantine Line","date":"1962-10-24","summary":"A first summary."}""" + "\n");
        await archive.ImportAsync(publish: false, file);
        const string password = ArchiveHost.StaffPassword;
        await archive.CreateUserAsync("first@archive.test", password, Dossier.Accounts.Roles.Editor);
        await archive.CreateUserAsync("second@archive.test", password, Dossier.Accounts.Roles.Editor);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        async Task<IPage> SignInAsync(string email)
        {
            var context = await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() });
            var page = await context.NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(password);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Records");
            return page;
        }

        var first = await SignInAsync("first@archive.test");
        await first.GetByRole(AriaRole.Link, new() { Name = "Cable on the Quarantine Line" }).ClickAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = "Edit every field" }).ClickAsync();
        await first.GetByLabel("Summary").FillAsync("Soviet ships turn back at the quarantine line.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(first.Locator(".done")).ToHaveTextAsync("Saved.");
        await first.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(first.Locator(".done")).ToHaveTextAsync("Submitted for review.");

        var second = await SignInAsync("second@archive.test");
        await second.GotoAsync("/editor?state=review");
        await second.GetByRole(AriaRole.Link, new() { Name = "Cable on the Quarantine Line" }).ClickAsync();
        await second.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(second.Locator(".done")).ToHaveTextAsync("Published.");
        var recordPath = new Uri(second.Url).AbsolutePath.Replace("/editor/records/", "/documents/", StringComparison.Ordinal);

        var visitor = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() })).NewPageAsync();
        await SearchUntilAsync(visitor, "quarantine ships", 1);
        await visitor.Locator("ol.records h3 a").First.ClickAsync();
        await Expect(visitor.Locator("h1")).ToContainTextAsync("Cable on the Quarantine Line");

        await second.GetByLabel("Why it is withdrawn").FillAsync("Declassification was not confirmed.");
        await second.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(second.Locator(".done")).ToHaveTextAsync("Withdrawn.");

        await SearchUntilAsync(visitor, "quarantine ships", 0);
        var gone = await visitor.GotoAsync(recordPath);
        Assert.Equal(404, gone!.Status);
        await visitor.GotoAsync("/");
        await Expect(visitor.Locator("main")).Not.ToContainTextAsync("Quarantine");
    }

    /// <summary>Searches again until the hits are as expected: the server's index follows the store within a second or so.</summary>
    private static async Task SearchUntilAsync(IPage page, string query, int hits)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await page.GotoAsync("/search?q=" + Uri.EscapeDataString(query));
            if (await page.Locator("ol.records li").CountAsync() == hits) return;
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(10), $"'{query}' did not come to {hits} hits");
            await Task.Delay(200);
        }
    }

    [SkippableFact]
    public async Task A_reader_turns_the_pages_of_an_original_with_buttons_and_keys_and_zooms_and_without_a_script_sees_them_all()
    {
        Dossier.Core.Tests.Originals.OriginalFiles.RequireTools();
        await using var archive = await ArchiveHost.StartAsync("--Dossier:Originals:Read=false");
        await archive.ImportAsync(Corpus.ArchivePages);
        var id = (await archive.IdsOfCapturesAsync())["003"];
        var pdf = Path.Combine(TempDirectory.Create("viewer"), "three pages.pdf");
        Dossier.Core.Tests.Originals.OriginalFiles.BornDigitalPdf(pdf, pages: 3);
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalAttachment>().AttachAsync(id, [("three pages.pdf", () => File.OpenRead(pdf))], "test");
            Assert.Equal((1, 0), await scope.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalReading>().ReadAllDueAsync());
        }
        await archive.CatchUpAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchChromiumAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString() })).NewPageAsync();
        await page.GotoAsync($"/documents/{id}");
        var viewer = page.GetByRole(AriaRole.Toolbar, new() { Name = "Pages of three pages.pdf" });
        var pages = page.Locator("section.original li.page");
        await Expect(viewer.Locator(".where")).ToHaveTextAsync("Page 1 of 3");
        await Expect(pages.Nth(0)).ToBeVisibleAsync();
        await Expect(pages.Nth(1)).ToBeHiddenAsync();
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Previous page" })).ToBeDisabledAsync();

        await viewer.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(viewer.Locator(".where")).ToHaveTextAsync("Page 2 of 3");
        await Expect(pages.Nth(1)).ToBeVisibleAsync();
        await Expect(pages.Nth(0)).ToBeHiddenAsync();
        await Expect(pages.Nth(1).Locator(".machine-read")).ToContainTextAsync("Zanzibar telegram of the ambassador. (2)");

        // The keyboard, from the pages themselves.
        await page.Locator("section.original ol.pages").FocusAsync();
        await page.Keyboard.PressAsync("ArrowRight");
        await Expect(viewer.Locator(".where")).ToHaveTextAsync("Page 3 of 3");
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Next page" })).ToBeDisabledAsync();
        await page.Keyboard.PressAsync("Home");
        await Expect(viewer.Locator(".where")).ToHaveTextAsync("Page 1 of 3");

        // Zoom: a larger image of those kept, loaded; then smaller ones.
        var image = pages.Nth(0).Locator("img");
        await Expect(image).ToHaveAttributeAsync("width", "800");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Zoom in" }).ClickAsync();
        await Expect(image).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/1240\\.jpg$"));
        await Expect(viewer.GetByRole(AriaRole.Button, new() { Name = "Zoom in" })).ToBeDisabledAsync();
        Assert.Equal(1240, await image.EvaluateAsync<int>("(img) => new Promise(done => img.complete && img.naturalWidth ? done(img.naturalWidth) : img.addEventListener('load', () => done(img.naturalWidth)))"));
        await page.Keyboard.PressAsync("-");
        await page.Keyboard.PressAsync("-");
        await Expect(image).ToHaveAttributeAsync("width", "400");

        // Without a script: every page, as a list of images.
        var plain = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString(), JavaScriptEnabled = false })).NewPageAsync();
        await plain.GotoAsync($"/documents/{id}");
        await Expect(plain.Locator("section.original li.page img")).ToHaveCountAsync(3);
        foreach (var n in new[] { 0, 1, 2 }) await Expect(plain.Locator("section.original li.page").Nth(n)).ToBeVisibleAsync();
        await Expect(plain.Locator("div.viewer")).ToHaveCountAsync(0);
    }
}
