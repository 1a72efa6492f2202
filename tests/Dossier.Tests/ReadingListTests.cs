using System.Net;
using Dossier.Core.Tests;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Dossier.Tests;

/// <summary>The reading list: kept in the browser, its citations exported by the archive.</summary>
public class ReadingListTests
{
    [Fact]
    public async Task The_citations_of_listed_records_are_exported_in_their_order_published_only()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        var ids = await archive.IdsOfCapturesAsync();
        var draft = Path.Combine(TempDirectory.Create("reading-list"), "draft.jsonl");
        await File.WriteAllTextAsync(draft, """{"recordId":"R-1","title":"An unpublished memorandum","date":"1960-01-01"}""" + "\n");
        await archive.ImportAsync(publish: false, draft);
        var hidden = await archive.IdOfRecordAsync("R-1");

        using var ris = await archive.Client.GetAsync($"/api/documents/citations?style=ris&ids={ids["003"]},{hidden},{ids["001"]},{ids["003"]}");
        Assert.Equal(HttpStatusCode.OK, ris.StatusCode);
        Assert.Equal("dossier-reading-list.ris", ris.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var text = await ris.Content.ReadAsStringAsync();
        Assert.Equal(2, text.Split("TY  - ").Length - 1);
        Assert.True(text.IndexOf($"/documents/{ids["003"]}", StringComparison.Ordinal) < text.IndexOf($"/documents/{ids["001"]}", StringComparison.Ordinal));
        Assert.DoesNotContain("unpublished memorandum", text, StringComparison.Ordinal);
        foreach (var bad in new[] { "style=ris&ids=", "style=ris&ids=1,x", "style=chicago&ids=1", "ids=1" })
            using (var refused = await archive.Client.GetAsync("/api/documents/citations?" + bad))
            {
                Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
                Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
            }
    }

    [Fact]
    public async Task A_reader_adds_records_to_the_reading_list_exports_their_citations_and_removes_them()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.ArchivePages);
        var ids = await archive.IdsOfCapturesAsync();
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        var page = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString(), AcceptDownloads = true })).NewPageAsync();

        foreach (var prefix in new[] { "003", "001" })
        {
            await page.GotoAsync($"/documents/{ids[prefix]}");
            var add = page.GetByRole(AriaRole.Button, new() { Name = "Add to reading list" });
            await add.ClickAsync();
            await Expect(page.GetByRole(AriaRole.Button, new() { Name = "On your reading list (remove)" })).ToHaveAttributeAsync("aria-pressed", "true");
            await Expect(page.Locator(".citation .actions .copied")).ToHaveTextAsync("Added to your reading list");
        }
        await Expect(page.Locator("header .reading-count")).ToHaveTextAsync(" (2)");

        await page.GetByRole(AriaRole.Link, new() { Name = "Reading list (2)" }).ClickAsync();
        var items = page.Locator("#reading-list ol li");
        await Expect(items).ToHaveCountAsync(2);
        await Expect(items.First).ToContainTextAsync("From the Diary of A. I. Alekseyev");
        await Expect(items.Nth(1)).ToContainTextAsync("From the Journal of");
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "BibTeX" }).ClickAsync());
        Assert.Equal("dossier-reading-list.bib", download.SuggestedFilename);
        var bib = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Equal(2, bib.Split("\n@").Length - (bib.StartsWith('@') ? 0 : 1));

        // Kept across pages and visits (the browser's storage); removed one by one, or all at once.
        await page.ReloadAsync();
        await Expect(items).ToHaveCountAsync(2);
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove " }).First.ClickAsync();
        await Expect(items).ToHaveCountAsync(1);
        await page.GetByRole(AriaRole.Button, new() { Name = "Empty the list" }).ClickAsync();
        await Expect(items).ToHaveCountAsync(0);
        await Expect(page.GetByText("Your reading list is empty.")).ToBeVisibleAsync();
        await Expect(page.Locator("header .reading-count")).ToBeHiddenAsync();
    }
}
