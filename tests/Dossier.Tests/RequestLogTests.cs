using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Dossier.Tests;

/// <summary>
/// The request log of a real <c>dossier serve</c> process, as an operator reads it from standard output: one line per
/// request, without the query string, and none lost when the server is stopped in order right after answering.
/// </summary>
public sealed partial class RequestLogTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("dossier-log-").FullName;

    [Fact]
    public async Task Each_request_is_one_json_line_without_its_query_and_a_stopped_server_has_logged_them_all()
    {
        // Searches as fast as a test asks them, which the search rate limit is there to stop.
        await using var server = await ServerProcess.StartAsync("--data", data, "--Dossier:Logs=json", "--Dossier:RateLimits:SearchPerSecond=0");
        const int searches = 300;
        for (var i = 0; i < searches; i++)
            Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync($"/search?q=secret{i}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await server.Client.GetAsync("/documents/999999")).StatusCode);

        Assert.Equal(0, await server.StopAsync());

        var requests = server.Lines.Where(l => l.Contains("\"Dossier.Requests\"", StringComparison.Ordinal)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.DoesNotContain(server.Lines, l => l.Contains("secret", StringComparison.Ordinal));
        var searched = requests.Where(r => (string?)r["State"]!["Path"] == "/search").ToList();
        Assert.Equal(searches, searched.Count);
        Assert.All(searched, r =>
        {
            Assert.Equal("Information", (string?)r["LogLevel"]);
            Assert.Equal("GET", (string?)r["State"]!["Method"]);
            Assert.Equal(200, (int?)r["State"]!["StatusCode"]);
            var elapsed = r["State"]!["ElapsedMs"]!.GetValue<double>();
            Assert.InRange(elapsed, 0, 60_000);
            Assert.Equal($"GET /search 200 {elapsed.ToString("0.0", CultureInfo.InvariantCulture)} ms", (string?)r["Message"]);
            Assert.True(DateTimeOffset.TryParse((string?)r["Timestamp"], out _));
        });
        var missing = Assert.Single(requests, r => (string?)r["State"]!["Path"] == "/documents/999999");
        Assert.Equal(404, (int?)missing["State"]!["StatusCode"]);
        // Readiness probes (the helper asked /health/ready until the server was up) are Debug lines, left out.
        Assert.DoesNotContain(requests, r => ((string?)r["State"]!["Path"])!.StartsWith("/health", StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_text_log_gives_a_request_one_line()
    {
        await using var server = await ServerProcess.StartAsync("--data", data);
        Assert.Equal(HttpStatusCode.OK, (await server.Client.GetAsync("/?utm=secret")).StatusCode);
        Assert.Equal(0, await server.StopAsync());

        var line = Assert.Single(server.Lines, l => l.Contains("Dossier.Requests", StringComparison.Ordinal));
        Assert.Matches(TextLine(), line);
    }

    [GeneratedRegex(@"^info: Dossier\.Requests\[0\] GET / 200 \d+(\.\d)? ms$")]
    private static partial Regex TextLine();

    public void Dispose() => Directory.Delete(data, recursive: true);
}
