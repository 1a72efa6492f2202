using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dossier.Data;
using Dossier.Data.Sqlite;
using Dossier.Features.Indexing;
using Dossier.Features.Operations;
using Dossier.Search;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// What a load balancer and a monitoring system ask of a node: /health/live, /health/ready and /metrics, over the
/// real server. The node is made to fall behind by stopping its follower, never by racing it. The tests run alone:
/// OpenTelemetry's exporter listens to every meter named Dossier in the process, so another test's host searching at
/// the same moment would add its own series to this host's scrape.
/// </summary>
[Collection(nameof(OperationsTests))]
public sealed partial class OperationsTests
{
    [Fact]
    public async Task Live_and_ready_answer_200_with_each_check_in_json_and_are_not_cached()
    {
        await using var archive = await ArchiveHost.StartAsync();

        var (status, live) = await HealthAsync(archive, "/health/live");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("healthy", live["status"]!.GetValue<string>());
        Assert.Empty(live["checks"]!.AsObject());

        using var response = await archive.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
        var ready = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("healthy", ready["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["index"]!["status"]!.GetValue<string>());
        Assert.Equal(0, ready["checks"]!["index"]!["data"]!["behind"]!.GetValue<long>());
    }

    [Fact]
    public async Task Ready_is_503_while_the_index_is_behind_old_changes_and_200_once_it_has_caught_up()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.StopFollowingAsync();

        // A change made an hour ago that this node has not followed: what a node finds when it comes back up.
        await WriteTaskAsync(archive, TimeSpan.FromHours(1));
        var (status, ready) = await HealthAsync(archive, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", ready["status"]!.GetValue<string>());
        Assert.Equal("healthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
        var index = ready["checks"]!["index"]!;
        Assert.Equal("unhealthy", index["status"]!.GetValue<string>());
        Assert.Equal(1, index["data"]!["behind"]!.GetValue<long>());
        Assert.Equal("stopped", index["data"]!["follower"]!.GetValue<string>());
        Assert.StartsWith("1 task behind, not following; the oldest has waited 3,6", index["description"]!.GetValue<string>(), StringComparison.Ordinal);
        // Still alive: the process serves, it only should not be sent readers.
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(archive, "/health/live")).Status);

        await archive.CatchUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(archive, "/health/ready")).Status);

        // A change made just now is within the allowed delay: a following node is a moment behind, and stays ready.
        await WriteTaskAsync(archive, TimeSpan.Zero);
        (status, ready) = await HealthAsync(archive, "/health/ready");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.StartsWith("1 task behind; the oldest has waited ", ready["checks"]!["index"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
    }

    [Theory]
    // Up to date, or a moment behind: ready whatever the follower does.
    [InlineData(0, 3600, FollowerState.Stopped, 3600, 30, true)]
    [InlineData(5, 2, FollowerState.CatchingUp, 0, 30, true)]
    [InlineData(5, 2, FollowerState.Failing, 60, 30, true)]
    // Behind old tasks while following an import: it caught up since start and indexed a batch a second ago.
    [InlineData(50_000, 90, FollowerState.Following, 1, 30, true)]
    // ... but not once it stops moving, nor while still catching up at start (back from being down), failing or stopped.
    [InlineData(50_000, 90, FollowerState.Following, 45, 30, false)]
    [InlineData(50_000, 90, FollowerState.CatchingUp, 1, 30, false)]
    [InlineData(50_000, 90, FollowerState.Failing, 1, 30, false)]
    [InlineData(1, 90, FollowerState.Stopped, 1, 30, false)]
    // No delay allowed: ready only with every task followed.
    [InlineData(1, 0, FollowerState.Following, 0, 0, false)]
    [InlineData(0, 0, FollowerState.Following, 0, 0, true)]
    public void Readiness_weighs_the_delay_and_the_follower(long behind, int waitedSeconds, FollowerState follower, int sinceProgressSeconds, int allowedSeconds, bool ready) =>
        Assert.Equal(ready, IndexHealthCheck.Assess(behind, TimeSpan.FromSeconds(waitedSeconds), follower, TimeSpan.FromSeconds(sinceProgressSeconds), TimeSpan.FromSeconds(allowedSeconds)).Ready);

    [Fact]
    public async Task With_no_delay_allowed_any_change_not_followed_makes_the_node_not_ready()
    {
        await using var archive = await ArchiveHost.StartAsync("--Dossier:Health:IndexDelaySeconds=0");
        await archive.StopFollowingAsync();
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(archive, "/health/ready")).Status);

        await WriteTaskAsync(archive, TimeSpan.Zero);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await HealthAsync(archive, "/health/ready")).Status);
    }

    [Fact]
    public async Task Ready_is_503_when_the_database_does_not_answer_and_says_nothing_of_why()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.StopFollowingAsync();

        // The database file becomes a folder, which SQLite cannot open. The pooled connections, which would still
        // reach the file wherever it is moved, are closed first.
        using (var connection = new SqliteConnection(SqliteDatabase.ConnectionString(archive.DataDirectory))) SqliteConnection.ClearPool(connection);
        var aside = Directory.CreateDirectory(Path.Combine(archive.DataDirectory, "aside")).FullName;
        foreach (var file in Directory.GetFiles(archive.DataDirectory, SqliteDatabase.FileName + "*"))
            File.Move(file, Path.Combine(aside, Path.GetFileName(file)));
        Directory.CreateDirectory(Path.Combine(archive.DataDirectory, SqliteDatabase.FileName));

        var (status, ready) = await HealthAsync(archive, "/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("unhealthy", ready["checks"]!["database"]!["status"]!.GetValue<string>());
        Assert.Equal("the database does not answer", ready["checks"]!["database"]!["description"]!.GetValue<string>());
        Assert.Equal("unhealthy", ready["checks"]!["index"]!["status"]!.GetValue<string>());
        Assert.DoesNotContain(archive.DataDirectory, ready.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await HealthAsync(archive, "/health/live")).Status);
    }

    [Fact]
    public async Task Metrics_give_the_search_and_request_histograms_in_prometheus_text()
    {
        await using var archive = await ArchiveHost.StartAsync();
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync("/api/search?q=Berlin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync("/search?q=Berlin")).StatusCode);

        // A request's duration is recorded as it ends, which can be a moment after its client has the answer.
        var (text, samples) = await ScrapeUntilAsync(archive, s => s.Any(x => x.Name == "http_server_request_duration_seconds_count" && x.Labels.GetValueOrDefault("http_route") == "/api/search"));

        Assert.Contains("# TYPE dossier_search_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE http_server_request_duration_seconds histogram", text, StringComparison.Ordinal);
        Assert.Contains("# TYPE dossier_indexing_position gauge", text, StringComparison.Ordinal);
        foreach (var endpoint in new[] { "api", "page" })
        {
            var series = samples.Where(s => s.Name.StartsWith("dossier_search_duration_seconds", StringComparison.Ordinal) && s.Labels.GetValueOrDefault("endpoint") == endpoint).ToList();
            AssertHistogram("dossier_search_duration_seconds", series);
        }
        var requests = samples.Where(s => s.Name.StartsWith("http_server_request_duration_seconds", StringComparison.Ordinal)
            && s.Labels.GetValueOrDefault("http_route") == "/api/search" && s.Labels.GetValueOrDefault("http_request_method") == "GET"
            && s.Labels.GetValueOrDefault("http_response_status_code") == "200").ToList();
        AssertHistogram("http_server_request_duration_seconds", requests);
        // Routes, never the addresses asked for: a search's words are not in the metrics.
        Assert.DoesNotContain("Berlin", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_can_be_kept_to_another_port_or_turned_off()
    {
        await using (var elsewhere = await ArchiveHost.StartAsync("--Dossier:Metrics:Port=1"))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await elsewhere.Client.GetAsync("/metrics")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await elsewhere.Client.GetAsync("/health/ready")).StatusCode);
        }
        await using var off = await ArchiveHost.StartAsync("--Dossier:Metrics:Enabled=false");
        Assert.Equal(HttpStatusCode.NotFound, (await off.Client.GetAsync("/metrics")).StatusCode);
    }

    private static async Task<(HttpStatusCode Status, JsonNode Body)> HealthAsync(ArchiveHost archive, string path)
    {
        using var response = await archive.Client.GetAsync(path);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }

    /// <summary>An indexing task written straight into the store, <paramref name="ago"/> ago, for a record that does not exist.</summary>
    private static async Task WriteTaskAsync(ArchiveHost archive, TimeSpan ago)
    {
        await using var scope = archive.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>();
        db.IndexingTasks.Add(IndexingTask.For(int.MaxValue, TimeProvider.System.GetUtcNow().UtcDateTime - ago));
        await db.SaveChangesAsync();
    }

    private sealed record Sample(string Name, Dictionary<string, string> Labels, double Value);

    /// <summary>Scrapes until <paramref name="ready"/> holds (ten seconds at most); every line must be valid exposition format.</summary>
    private static async Task<(string Text, List<Sample> Samples)> ScrapeUntilAsync(ArchiveHost archive, Func<List<Sample>, bool> ready)
    {
        for (var attempt = 0; ; attempt++)
        {
            using var response = await archive.Client.GetAsync("/metrics");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType?.ToString());
            Assert.True(response.Headers.CacheControl?.NoStore, $"Cache-Control: {response.Headers.CacheControl}");
            var text = await response.Content.ReadAsStringAsync();
            var samples = Parse(text);
            if (ready(samples) || attempt == 100) return (text, samples);
            await Task.Delay(100);
        }
    }

    /// <summary>The Prometheus text format 0.0.4: comments, and samples <c>name{label="value",...} value [timestamp]</c>.</summary>
    private static List<Sample> Parse(string text)
    {
        var samples = new List<Sample>();
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0) continue;
            if (line.StartsWith('#'))
            {
                Assert.Matches(@"^# (HELP [a-zA-Z_:][a-zA-Z0-9_:]* .*|TYPE [a-zA-Z_:][a-zA-Z0-9_:]* (counter|gauge|histogram|summary|untyped))$", line);
                continue;
            }
            var match = SampleLine().Match(line);
            Assert.True(match.Success, $"not a sample: {line}");
            var labels = LabelPair().Matches(match.Groups["labels"].Value)
                .ToDictionary(m => m.Groups["name"].Value, m => m.Groups["value"].Value.Replace("\\\"", "\"", StringComparison.Ordinal).Replace("\\\\", "\\", StringComparison.Ordinal));
            samples.Add(new Sample(match.Groups["name"].Value, labels, ParseValue(match.Groups["value"].Value)));
        }
        return samples;
    }

    private static double ParseValue(string value) => value switch
    {
        "+Inf" => double.PositiveInfinity,
        "-Inf" => double.NegativeInfinity,
        _ => double.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
    };

    /// <summary>One histogram series: buckets cumulative up to +Inf, which equals the count; a sum; at least one observation.</summary>
    private static void AssertHistogram(string name, List<Sample> series)
    {
        var buckets = series.Where(s => s.Name == name + "_bucket").Select(s => (Le: ParseValue(s.Labels["le"]), s.Value)).OrderBy(b => b.Le).ToList();
        Assert.True(buckets.Count >= 2, $"{name}: no buckets");
        Assert.Equal(double.PositiveInfinity, buckets[^1].Le);
        for (var i = 1; i < buckets.Count; i++) Assert.True(buckets[i].Value >= buckets[i - 1].Value, $"{name}: buckets not cumulative");
        var count = Assert.Single(series, s => s.Name == name + "_count").Value;
        Assert.Equal(count, buckets[^1].Value);
        Assert.True(count >= 1, $"{name}: nothing observed");
        Assert.True(Assert.Single(series, s => s.Name == name + "_sum").Value > 0, $"{name}: no sum");
    }

    [GeneratedRegex(@"^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\{(?<labels>([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\\n]|\\[\\""n])*"",?)*)\})? (?<value>[^ ]+)( -?\d+)?$")]
    private static partial Regex SampleLine();

    [GeneratedRegex(@"(?<name>[a-zA-Z_][a-zA-Z0-9_]*)=""(?<value>([^""\\\n]|\\[\\""n])*)""")]
    private static partial Regex LabelPair();
}

[CollectionDefinition(nameof(OperationsTests), DisableParallelization = true)]
public sealed class OperationsTestsRunAlone;
