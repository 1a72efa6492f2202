using Deque.AxeCore.Playwright;
using Dossier.Accounts;
using Dossier.Core.Tests;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Dossier.Tests;

/// <summary>
/// Every page type, as a visitor (in English and in Russian), a researcher and an administrator see it, at a desktop's and a phone's size, scanned in
/// Debian's Chromium by axe-core (WCAG 2.x A and AA rules, best practices): no serious or critical violation anywhere.
/// </summary>
public class AccessibilityTests
{
    [Fact]
    public async Task Every_page_type_passes_an_axe_scan_on_a_desktop_and_on_a_phone()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAuthoritiesAsync("""
            id,kind,name,variants,latitude,longitude
            1,person,"Castro, Fidel","Castro Ruz, Fidel; Кастро, Фидель",,
            2,person,"Guevara, Ernesto","Che Guevara; Гевара, Эрнесто",,
            3,place,Havana,"La Habana; Гавана",23.1136,-82.3666
            4,organization,Central Committee of the CPSU,ЦК КПСС,,
            """);
        int collection;
        await archive.ImportAsync(Corpus.ArchivePages);
        var ids = await archive.IdsOfCapturesAsync();
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var curation = scope.ServiceProvider.GetRequiredService<Dossier.Collections.CollectionCuration>();
            var made = await curation.CreateAsync("Cuba, 1962–1964", "cuba", "Records of the crisis and after.");
            await curation.AddAsync(made, [.. ids.Values]);
            await curation.DescribeAsync(made, made.Title, made.Description, isPublic: true);
            collection = made.Id;
        }
        await archive.CreateUserAsync("admin@archive.test", ArchiveHost.StaffPassword, Roles.Administrator);
        await archive.CreateUserAsync("historian@archive.test", ArchiveHost.StaffPassword, Roles.Researcher);
        var castro = (int)(await archive.GetJsonAsync("/api/people?q=Castro"))["items"]![0]!["id"]!;
        var havana = (int)(await archive.GetJsonAsync("/api/places?q=Havana"))["items"]![0]!["id"]!;
        var committee = (int)(await archive.GetJsonAsync("/api/organizations"))["items"]![0]!["id"]!;
        var record = ids["001"];

        string[] visitorPages =
        [
            "/", "/search", "/search?q=Castro", "/search?q=nothing-matches-this", "/search?q=%22unclosed", $"/documents/{record}",
            $"/documents/{record}?view=parallel", $"/documents/{ids["003"]}", "/collections", "/collections/cuba", "/people", "/people?sort=records",
            $"/people/{castro}", $"/places/{havana}", $"/organizations/{committee}", "/account/sign-in", "/no-such-page", "/documents/999999", "/reading-list",
            "/account/register",
        ];
        // The same pages in Russian: the interface's words in it, the catalogue's marked as English.
        string[] russianPages = ["/", "/search?q=Кастро", $"/documents/{record}?view=parallel", $"/people/{castro}", $"/places/{havana}", "/reading-list"];
        string[] staffPages =
        [
            "/editor", $"/editor/records/{record}", $"/editor/edit/{record}", "/editor/edit", $"/editor/records/{record}/history", "/editor/collections",
            $"/editor/collections/{collection}", "/editor/mentions", $"/editor/mentions?record={record}", $"/editor/authorities/{castro}",
            "/editor/authorities/new", "/editor/authorities/candidates", "/editor/import", "/editor/audit", "/editor/tokens", "/admin/users",
            "/admin/fixity", "/account/denied",
        ];

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await BrowserTests.LaunchChromiumAsync(playwright);
        // The two sizes are scanned side by side (the scans, not the server, take the time).
        var found = await Task.WhenAll(new[] { ("desktop", new ViewportSize { Width = 1280, Height = 900 }), ("phone", new ViewportSize { Width = 390, Height = 844 }) }.Select(async size =>
        {
            var (name, viewport) = size;
            var problems = new List<string>();
            var visitor = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString(), ViewportSize = viewport })).NewPageAsync();
            foreach (var path in visitorPages) problems.AddRange(await ScanAsync(visitor, path, $"{name}, visitor"));
            var russian = await (await browser.NewContextAsync(new() { BaseURL = archive.Address.ToString(), ViewportSize = viewport, Locale = "ru-RU" })).NewPageAsync();
            foreach (var path in russianPages) problems.AddRange(await ScanAsync(russian, path, $"{name}, visitor in Russian"));

            // A researcher: the search page with its save form, and the saved searches with their feeds.
            var researcher = await SignInAsync(browser, archive.Address, viewport, "historian@archive.test");
            await researcher.GotoAsync("/search?q=Castro");
            await researcher.GetByRole(AriaRole.Button, new() { Name = "Save this search" }).ClickAsync();
            await researcher.WaitForURLAsync(url => url.Contains("/account/searches", StringComparison.Ordinal));
            foreach (var path in new[] { "/search?q=Castro", "/account/searches" }) problems.AddRange(await ScanAsync(researcher, path, $"{name}, researcher"));

            var staff = await SignInAsync(browser, archive.Address, viewport, "admin@archive.test");
            foreach (var path in staffPages.Concat(["/", $"/documents/{record}", $"/people/{castro}"])) problems.AddRange(await ScanAsync(staff, path, $"{name}, administrator"));
            return problems;
        }));
        var all = found.SelectMany(p => p).ToList();
        Assert.True(all.Count == 0, string.Join("\n", all));
    }

    private static async Task<IPage> SignInAsync(IBrowser browser, Uri archive, ViewportSize viewport, string email)
    {
        var page = await (await browser.NewContextAsync(new() { BaseURL = archive.ToString(), ViewportSize = viewport })).NewPageAsync();
        await page.GotoAsync("/account/sign-in");
        await page.GetByLabel("Email address").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(ArchiveHost.StaffPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/account/sign-in", StringComparison.Ordinal));
        return page;
    }

    /// <summary>The serious and critical violations axe-core finds on a page, each with where it stands.</summary>
    private static async Task<IEnumerable<string>> ScanAsync(IPage page, string path, string who)
    {
        await page.GotoAsync(path);
        // Closed disclosures (the figures' tables) are opened, so that what they hold is scanned too.
        await page.EvaluateAsync("() => document.querySelectorAll('details').forEach(d => d.open = true)");
        var results = await page.RunAxe();
        Assert.True(results.Passes.Length > 10, $"axe-core did not run its rules on {path}");
        return results.Violations.Where(v => v.Impact is "serious" or "critical").Select(v =>
            $"{path} ({who}): {v.Id} ({v.Impact}) {v.Help}: {string.Join(" | ", v.Nodes.Take(3).Select(n => string.Join(" ", n.Target) + " " + (n.Html.Length > 120 ? n.Html[..120] : n.Html)))}");
    }
}
