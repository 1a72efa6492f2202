using Microsoft.Playwright;

namespace Dossier.Bench;

/// <summary>
/// The screenshots of docs/screenshots: the five record pages and the people of the Office of the Historian imported by
/// the real CLI into a fresh archive, served by the real <c>dossier serve</c>, photographed by Debian's Chromium at a
/// desktop's and a phone's width. Run on demand: <c>dotnet run --project bench/Dossier.Bench -- screenshots</c>.
/// </summary>
public static class Screenshots
{
    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    public static async Task RunAsync(string root)
    {
        var corpus = Path.Combine(root, "..", "shared", "corpus");
        var data = Path.Combine(Path.GetTempPath(), "dossier-screenshots-" + Guid.NewGuid().ToString("N")[..8]);
        var places = Path.Combine(data + "-places.csv");
        await File.WriteAllTextAsync(places, "id,kind,name,variants,latitude,longitude\nhavana,place,Havana,La Habana; Гавана,23.1136,-82.3666\nmoscow,place,Moscow,Москва,55.7558,37.6173\n");
        var output = Path.Combine(root, "docs", "screenshots");
        Directory.CreateDirectory(output);
        try
        {
            await ArchiveProcess.RunAsync("import", Path.Combine(corpus, "archive-pages"), "--publish", "--data", data);
            await ArchiveProcess.RunAsync("authorities", "import", Path.Combine(corpus, "people", "data"), places, "--data", data);
            await using var server = await ArchiveProcess.Server.StartAsync(data);
            using var client = new HttpClient { BaseAddress = server.Address };
            var castro = await FirstIdAsync(client, "/api/people?q=Castro%20Fidel");
            var havana = await FirstIdAsync(client, "/api/places?q=Havana");
            var record = await FirstIdAsync(client, "/api/search?q=Kudryavtsev", "hits");
            var diary = await FirstIdAsync(client, "/api/search?q=Alekseyev%20Guevara%20Serna", "hits");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = "/usr/bin/chromium", Args = ChromiumArgs, Headless = true });
            (string Name, string Path)[] pages =
            [
                ("home", "/"), ("search", "/search?q=Castro"), ("record", $"/documents/{record}?view=parallel"),
                ("person", $"/people/{castro}"), ("place", $"/places/{havana}"), ("people", "/people?sort=records"),
                ("document", $"/documents/{diary}"),
            ];
            foreach (var (size, viewport) in new[] { ("desktop", new ViewportSize { Width = 1280, Height = 900 }), ("phone", new ViewportSize { Width = 390, Height = 844 }) })
            {
                var page = await (await browser.NewContextAsync(new() { BaseURL = server.Address.ToString(), ViewportSize = viewport, DeviceScaleFactor = 1 })).NewPageAsync();
                foreach (var (name, path) in pages)
                {
                    await page.GotoAsync(path);
                    var file = Path.Combine(output, $"{name}-{size}.png");
                    await page.ScreenshotAsync(new() { Path = file, FullPage = false });
                    Console.WriteLine($"{file}: {path}");
                }
            }
            // The interface in Russian, as a browser asking for it sees it: the documents' words unchanged.
            var russian = await (await browser.NewContextAsync(new() { BaseURL = server.Address.ToString(), ViewportSize = new ViewportSize { Width = 1280, Height = 900 }, Locale = "ru-RU" })).NewPageAsync();
            foreach (var (name, path) in new[] { ("search-ru", "/search?q=Кастро"), ("record-ru", $"/documents/{record}?view=parallel") })
            {
                await russian.GotoAsync(path);
                var file = Path.Combine(output, $"{name}-desktop.png");
                await russian.ScreenshotAsync(new() { Path = file, FullPage = false });
                Console.WriteLine($"{file}: {path}");
            }
        }
        finally
        {
            if (Directory.Exists(data)) Directory.Delete(data, recursive: true);
            File.Delete(places);
        }
    }

    private static async Task<int> FirstIdAsync(HttpClient client, string path, string list = "items")
    {
        var answer = System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(path))!;
        return (int)answer[list]![0]!["id"]!;
    }
}
