using Dossier.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests;

/// <summary>
/// The main paths of a visitor and of the editors, end to end in Debian's Chromium, each on a desktop's screen and on
/// a phone's: every step is done as a person does it (clicks, typing, the keyboard), and no page is wider than the
/// screen.
/// </summary>
public sealed class FlowTests
{
    public static TheoryData<string> Screens => ["desktop", "phone"];

    private static BrowserNewContextOptions Screen(string screen, Uri address) => screen == "phone"
        ? new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 390, Height = 844 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2, AcceptDownloads = true }
        : new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1280, Height = 800 }, AcceptDownloads = true };

    /// <summary>A page that scrolls sideways on a phone is broken there: nothing may be wider than the window.</summary>
    private static async Task FitsTheScreenAsync(IPage page)
    {
        // A phone widens its layout to hold what overflows, so the measure is the screen the context was given.
        var content = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth");
        var screen = page.ViewportSize!.Width;
        if (content <= screen) return;
        var wide = await page.EvaluateAsync<string[]>(
            "(screen) => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > screen)" +
            ".slice(0, 8).map(e => e.tagName.toLowerCase() + (e.className ? '.' + e.className : '') + ' ' + Math.round(e.getBoundingClientRect().right))", screen);
        Assert.Fail($"{page.Url} is {content} px wide on a {screen} px screen: {string.Join(", ", wide)}");
    }

    [SkippableTheory]
    [MemberData(nameof(Screens))]
    public async Task A_visitor_searches_narrows_opens_reads_the_scan_cites_keeps_and_switches_language(string screen)
    {
        Dossier.Core.Tests.Originals.OriginalFiles.RequireTools();
        await using var archive = await ArchiveHost.StartAsync("--Dossier:Originals:Read=false");
        await archive.ImportAsync(Corpus.ArchivePages);
        var id = (await archive.IdsOfCapturesAsync())["001"];
        var pdf = Path.Combine(TempDirectory.Create("flow"), "journal.pdf");
        Dossier.Core.Tests.Originals.OriginalFiles.BornDigitalPdf(pdf, pages: 3);
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalAttachment>().AttachAsync(id, [("journal.pdf", () => File.OpenRead(pdf))], "test");
            Assert.Equal((1, 0), await scope.ServiceProvider.GetRequiredService<Dossier.Originals.OriginalReading>().ReadAllDueAsync());
        }
        await archive.CatchUpAsync();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(Screen(screen, archive.Address));
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        var page = await context.NewPageAsync();

        // Search from the home page's box, with the keyboard.
        await page.GotoAsync("/");
        await FitsTheScreenAsync(page);
        var box = page.GetByRole(AriaRole.Combobox, new() { Name = "Search the archive" });
        await box.FillAsync("Castro");
        await box.PressAsync("Enter");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Search");
        var hits = await page.Locator("ol.records > li").CountAsync();
        Assert.True(hits > 1, $"{hits} hits for Castro");
        await FitsTheScreenAsync(page);

        // Narrow by a facet: the records with a Russian transcript.
        await page.Locator("aside.facets").GetByRole(AriaRole.Link, new() { Name = "Russian" }).ClickAsync();
        await Expect(page.Locator("aside.facets a[aria-current=true]")).ToHaveTextAsync("Russian");
        var narrowed = await page.Locator("ol.records > li").CountAsync();
        Assert.InRange(narrowed, 1, hits - 1);

        // Open the record, read the translation beside its original text.
        await page.Locator("ol.records h3 a", new() { HasText = "Kudryavtsev" }).ClickAsync();
        await Expect(page.Locator("h1")).ToContainTextAsync("From the Journal of S.M. Kudryavtsev");
        await page.GetByRole(AriaRole.Link, new() { Name = "Side by side" }).ClickAsync();
        await Expect(page.Locator("section.transcript[lang=en]")).ToBeVisibleAsync();
        await Expect(page.Locator("section.transcript[lang=ru]")).ToBeVisibleAsync();
        await FitsTheScreenAsync(page);

        // The scan: the viewer turns its pages.
        var viewer = page.GetByRole(AriaRole.Toolbar, new() { Name = "Pages of journal.pdf" });
        await viewer.ScrollIntoViewIfNeededAsync();
        await Expect(viewer.Locator(".where")).ToHaveTextAsync("Page 1 of 3");
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Next page" }).ClickAsync();
        await Expect(viewer.Locator(".where")).ToHaveTextAsync("Page 2 of 3");
        await Expect(page.Locator("section.original li.page").Nth(1).Locator("img")).ToBeVisibleAsync();
        await FitsTheScreenAsync(page);

        // Cite: the dialog's Chicago citation copied, then closed with Escape.
        await page.GetByRole(AriaRole.Button, new() { Name = "Cite in other styles" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Cite this record" });
        await Expect(dialog).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Copy Chicago (note)" }).ClickAsync();
        await Expect(dialog.Locator("#style-chicago ~ .actions .copied")).ToHaveTextAsync("Copied");
        Assert.StartsWith("\"From the Journal of S.M. Kudryavtsev", await page.EvaluateAsync<string>("() => navigator.clipboard.readText()"));
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).Not.ToBeVisibleAsync();

        // Keep it on the reading list, and export the list's citations.
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to reading list" }).ClickAsync();
        await Expect(page.Locator("button[data-reading-list]")).ToHaveAttributeAsync("aria-pressed", "true");
        await page.GetByRole(AriaRole.Link, new() { Name = "Reading list" }).ClickAsync();
        await Expect(page.Locator("#reading-list ol.records > li")).ToHaveCountAsync(1);
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "BibTeX" }).ClickAsync());
        Assert.StartsWith($"@misc{{dossier-{id},", await File.ReadAllTextAsync((await download.PathAsync())!));
        await FitsTheScreenAsync(page);

        // The interface in Spanish, by the switch: the list is still there, the record's words unchanged.
        await page.GetByRole(AriaRole.Button, new() { Name = "Español" }).ClickAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "es");
        await Expect(page.Locator("h1")).ToHaveTextAsync("Lista de lectura");
        await Expect(page.Locator("#reading-list ol.records > li")).ToHaveCountAsync(1);
        await page.Locator("#reading-list ol.records a").ClickAsync();
        await Expect(page.Locator("h2#information-heading")).ToHaveTextAsync("Información del documento");
        await Expect(page.Locator("h1")).ToContainTextAsync("From the Journal of S.M. Kudryavtsev");
        await Expect(page.Locator("button[data-reading-list]")).ToHaveTextAsync("En su lista de lectura (quitar)");
        await FitsTheScreenAsync(page);
    }

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_contributor_creates_and_edits_an_editor_reviews_publishes_and_withdraws(string screen)
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.CreateUserAsync("contributor@archive.test", ArchiveHost.StaffPassword, Dossier.Accounts.Roles.Contributor);
        await archive.CreateUserAsync("editor@archive.test", ArchiveHost.StaffPassword, Dossier.Accounts.Roles.Editor);

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        async Task<IPage> SignInAsync(string email)
        {
            var page = await (await browser.NewContextAsync(Screen(screen, archive.Address))).NewPageAsync();
            await page.GotoAsync("/account/sign-in");
            await page.GetByLabel("Email address").FillAsync(email);
            await page.GetByLabel("Password").FillAsync(ArchiveHost.StaffPassword);
            await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
            await Expect(page.Locator("h1")).ToHaveTextAsync("Records");
            await FitsTheScreenAsync(page);
            return page;
        }

        // Create: a new record with its transcript.
        var contributor = await SignInAsync("contributor@archive.test");
        await contributor.GetByRole(AriaRole.Link, new() { Name = "New record" }).ClickAsync();
        await contributor.GetByLabel("Title").FillAsync("Telegram on the Missile Sites at San Cristóbal");
        await contributor.GetByLabel("Date (YYYY, YYYY-MM or YYYY-MM-DD)").FillAsync("1962-10-27");
        await contributor.GetByLabel("Language (code or name)").First.FillAsync("en");
        await contributor.GetByLabel("Text (paragraphs separated by a blank line)").First.FillAsync("The sites near San Cristóbal are operational.");
        await FitsTheScreenAsync(contributor);
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Create the draft" }).ClickAsync();
        await Expect(contributor.Locator(".done")).ToHaveTextAsync("Created, as a draft.");

        // Edit, then submit for review.
        await contributor.GetByRole(AriaRole.Link, new() { Name = "Edit every field" }).ClickAsync();
        await contributor.GetByLabel("Summary").FillAsync("Reconnaissance confirms the missile sites are ready.");
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Save" }).ClickAsync();
        await Expect(contributor.Locator(".done")).ToHaveTextAsync("Saved.");
        await contributor.GetByRole(AriaRole.Button, new() { Name = "Submit for review" }).ClickAsync();
        await Expect(contributor.Locator(".done")).ToHaveTextAsync("Submitted for review.");
        // A contributor cannot publish.
        await Expect(contributor.GetByRole(AriaRole.Button, new() { Name = "Publish" })).ToHaveCountAsync(0);
        await FitsTheScreenAsync(contributor);

        // Review: the editor finds it among the records in review, and publishes it.
        var editor = await SignInAsync("editor@archive.test");
        await editor.GetByRole(AriaRole.Link, new() { Name = "In review" }).ClickAsync();
        await editor.GetByRole(AriaRole.Link, new() { Name = "Telegram on the Missile Sites at San Cristóbal" }).ClickAsync();
        await FitsTheScreenAsync(editor);
        await editor.GetByRole(AriaRole.Button, new() { Name = "Publish" }).ClickAsync();
        await Expect(editor.Locator(".done")).ToHaveTextAsync("Published.");
        await FitsTheScreenAsync(editor);
        var recordPath = new Uri(editor.Url).AbsolutePath.Replace("/editor/records/", "/documents/", StringComparison.Ordinal);

        var visitor = await (await browser.NewContextAsync(Screen(screen, archive.Address))).NewPageAsync();
        Assert.Equal(200, (await visitor.GotoAsync(recordPath))!.Status);
        await Expect(visitor.Locator("h1")).ToHaveTextAsync("Telegram on the Missile Sites at San Cristóbal");
        await Expect(visitor.Locator("p.summary")).ToHaveTextAsync("Reconnaissance confirms the missile sites are ready.");

        // Withdraw, with the reason the staff keep: the visitor finds nothing at its address.
        await editor.GetByLabel("Why it is withdrawn").FillAsync("The telegram's release was not authorized.");
        await editor.GetByRole(AriaRole.Button, new() { Name = "Withdraw" }).ClickAsync();
        await Expect(editor.Locator(".done")).ToHaveTextAsync("Withdrawn.");
        Assert.Equal(404, (await visitor.GotoAsync(recordPath))!.Status);
    }

    /// <summary>Presses Tab until the focus is on what <paramref name="selector"/> names, as a keyboard user moves.</summary>
    private static async Task TabToAsync(IPage page, string selector, int most = 120)
    {
        for (var i = 0; i < most; i++)
        {
            if (await page.EvaluateAsync<bool>("(s) => document.activeElement !== null && document.activeElement.matches(s)", selector)) return;
            await page.Keyboard.PressAsync("Tab");
        }
        Assert.Fail($"{most} presses of Tab never reached {selector} on {page.Url}");
    }

    [Fact]
    public async Task The_Cite_dialog_and_the_editor_work_with_the_keyboard_alone()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        var id = (await archive.IdsOfCapturesAsync())["003"];
        await archive.CreateUserAsync("editor@archive.test", ArchiveHost.StaffPassword, Dossier.Accounts.Roles.Editor);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        var context = await browser.NewContextAsync(Screen("desktop", archive.Address));
        await context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);

        // A reader: the Cite dialog opened, a style copied and the dialog closed, the focus back where it was.
        var reader = await context.NewPageAsync();
        await reader.GotoAsync($"/documents/{id}");
        await TabToAsync(reader, "button[data-dialog='#cite']");
        await reader.Keyboard.PressAsync("Enter");
        var dialog = reader.GetByRole(AriaRole.Dialog, new() { Name = "Cite this record" });
        await Expect(dialog).ToBeVisibleAsync();
        await TabToAsync(reader, "button[data-copy='#cite-mla']");
        await reader.Keyboard.PressAsync("Enter");
        await Expect(dialog.Locator("#style-mla ~ .actions .copied")).ToHaveTextAsync("Copied");
        await reader.Keyboard.PressAsync("Escape");
        await Expect(dialog).Not.ToBeVisibleAsync();
        Assert.True(await reader.EvaluateAsync<bool>("() => document.activeElement.matches(\"button[data-dialog='#cite']\")"), "the focus returns to the button that opened the dialog");

        // An editor: signs in, makes a record and publishes it, never touching the mouse.
        var editor = await (await browser.NewContextAsync(Screen("desktop", archive.Address))).NewPageAsync();
        await editor.GotoAsync("/account/sign-in");
        await TabToAsync(editor, "#Email");
        await editor.Keyboard.TypeAsync("editor@archive.test");
        await TabToAsync(editor, "#Password");
        await editor.Keyboard.TypeAsync(ArchiveHost.StaffPassword);
        await editor.Keyboard.PressAsync("Enter");
        await Expect(editor.Locator("h1")).ToHaveTextAsync("Records");
        await TabToAsync(editor, "a[href='/editor/edit']");
        await editor.Keyboard.PressAsync("Enter");
        await Expect(editor.Locator("h1")).ToHaveTextAsync("New record");
        await TabToAsync(editor, "#Form_Title");
        await editor.Keyboard.TypeAsync("Keyboard Memorandum");
        await TabToAsync(editor, "#Form_Transcripts_0__Language");
        await editor.Keyboard.TypeAsync("en");
        await TabToAsync(editor, "#Form_Transcripts_0__Text");
        await editor.Keyboard.TypeAsync("Typed without a mouse.");
        await TabToAsync(editor, "main form.editing button[type=submit]");
        await editor.Keyboard.PressAsync("Enter");
        await Expect(editor.Locator(".done")).ToHaveTextAsync("Created, as a draft.");
        await TabToAsync(editor, "main form[action*='handler=Publish'] button[type=submit]");
        await editor.Keyboard.PressAsync("Enter");
        await Expect(editor.Locator(".done")).ToHaveTextAsync("Published.");
    }
}
