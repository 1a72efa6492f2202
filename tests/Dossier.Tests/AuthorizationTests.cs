using System.Net;
using Dossier.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;

namespace Dossier.Tests;

/// <summary>
/// Every endpoint that asks for authorization, found from the app's own endpoint data (so new ones are covered),
/// asked by a visitor, a contributor and an editor: who gets in and who is turned away, and how.
/// </summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private const string Password = ArchiveHost.StaffPassword;
    private ArchiveHost archive = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync();
        await archive.CreateUserAsync("editor@archive.test", Password, Roles.Editor);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    [Fact]
    public async Task Visitors_are_turned_away_from_every_protected_endpoint_contributors_from_the_editors_and_editors_from_the_administrators()
    {
        var guarded = archive.Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetOrderedMetadata<IAuthorizeData>().Count > 0)
            .ToList();
        Assert.Contains(guarded, e => e.RoutePattern.RawText!.TrimStart('/') == "editor");
        Assert.Contains(guarded, e => e.RoutePattern.RawText!.TrimStart('/').StartsWith("api/documents", StringComparison.Ordinal));

        using var visitor = archive.NewClient();
        using var contributor = await archive.SignInAsync("contributor@archive.test", Password);
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        foreach (var endpoint in guarded)
        {
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).ToList();
            var path = Fill(endpoint.RoutePattern);
            var api = path.StartsWith("/api/", StringComparison.Ordinal);
            var method = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods[0] ?? "GET";

            using (var response = await SendAsync(visitor, method, path))
            {
                if (api) Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"visitor {method} {path}: {(int)response.StatusCode}");
                else Assert.True(response.Headers.Location?.OriginalString.StartsWith("/account/sign-in", StringComparison.Ordinal) == true
                                 || response.Headers.Location?.PathAndQuery.StartsWith("/account/sign-in", StringComparison.Ordinal) == true,
                    $"visitor {method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }

            if (policies.Contains(Features.Accounts.Policies.Administrators))
            {
                using var response = await SendAsync(editor, method, path);
                Assert.True(response.Headers.Location?.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal) == true,
                    $"editor {method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
                continue;
            }
            if (policies.Contains(Features.Accounts.Policies.Editors))
            {
                using var response = await SendAsync(contributor, method, path);
                Assert.True(response.Headers.Location?.PathAndQuery.StartsWith("/account/denied", StringComparison.Ordinal) == true,
                    $"contributor {method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
            if (!api && method == "GET" && !path.Contains("/0", StringComparison.Ordinal))
            {
                // An editor gets in: the page, or where it sends them (sign-out's GET goes to the records), never turned away.
                using var response = await SendAsync(editor, method, path);
                var turnedAway = response.Headers.Location?.OriginalString is { } to && to.Contains("/account/", StringComparison.Ordinal);
                Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect && !turnedAway, $"editor {method} {path}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT") request.Content = new StringContent("""{"title":"A record"}""", System.Text.Encoding.UTF8, "application/json");
        return await client.SendAsync(request);
    }

    /// <summary>A route's path with its parameters filled: numbers with 0 (no such record), optional ones left out.</summary>
    private static string Fill(RoutePattern pattern) => Routes.Fill(pattern, parameter => parameter.IsOptional ? "" : "0");
}

/// <summary>The security headers are on every kind of answer: pages, the API, errors, redirects of staff pages.</summary>
public sealed class SecurityHeaderTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/search?q=Castro")]
    [InlineData("/api/search?q=Castro")]
    [InlineData("/documents/999999")]
    [InlineData("/api/documents/x")]
    [InlineData("/account/sign-in")]
    [InlineData("/editor")]
    public async Task Every_answer_carries_the_security_headers(string path)
    {
        await using var archive = await ArchiveHost.StartAsync();
        using var client = archive.NewClient();
        using var response = await client.GetAsync(path);
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("script-src 'self'", policy);
        Assert.DoesNotContain("unsafe-inline", policy);
        Assert.Contains("frame-ancestors 'none'", policy);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }
}

/// <summary>Text from imports and editors is plain text: markup in it is shown as written, never run.</summary>
public sealed class EncodingTests
{
    [Fact]
    public async Task Markup_in_a_record_is_encoded_on_every_page_that_shows_it()
    {
        await using var archive = await ArchiveHost.StartAsync();
        var folder = TempDirectory.Create("encoding");
        var file = Path.Combine(folder, "markup.jsonl");
        await File.WriteAllTextAsync(file, """{"title":"<script>alert('title')</script> Havana","summary":"<img src=x onerror=alert(1)> summary","transcripts":[{"language":"en","text":"<b>bold</b> Havana text"}]}""" + "\n");
        await archive.ImportAsync(file);
        var id = await archive.FindAsync("Havana");

        foreach (var path in new[] { $"/documents/{id}", "/search?q=Havana", "/" })
        {
            var page = await archive.Client.GetStringAsync(path);
            Assert.DoesNotContain("<script>alert", page);
            Assert.DoesNotContain("<img src=x", page);
            Assert.DoesNotContain("<b>bold</b>", page);
            Assert.Contains("&lt;script&gt;", page);
        }
    }
}
