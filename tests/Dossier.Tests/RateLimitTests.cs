using System.Net;

namespace Dossier.Tests;

/// <summary>Password guessing and scraping are slowed down: 429 with Retry-After, as problem details for the API.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task The_search_api_answers_429_with_retry_after_past_its_burst()
    {
        await using var archive = await ArchiveHost.StartAsync("--Dossier:RateLimits:SearchPerSecond=1");
        // A burst of ten seconds' worth is allowed.
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync("/api/search?q=Berlin")).StatusCode);

        using var refused = await archive.Client.GetAsync("/api/search?q=Berlin");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {refused.Headers.RetryAfter}");
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        // The pages are not the API: reading a record page is not limited by it.
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_but_reading_the_form_is_not()
    {
        await using var archive = await ArchiveHost.StartAsync("--Dossier:RateLimits:SignInPerMinute=3");
        using var client = archive.NewClient();
        for (var i = 0; i < 3; i++)
        {
            var token = Forms.Token(await client.GetStringAsync("/account/sign-in"));
            using var attempt = await client.PostAsync("/account/sign-in", Form(token, "nobody@archive.test", "a wrong password"));
            Assert.Equal(HttpStatusCode.OK, attempt.StatusCode);
        }
        var last = Forms.Token(await client.GetStringAsync("/account/sign-in"));
        using var refused = await client.PostAsync("/account/sign-in", Form(last, "nobody@archive.test", "a wrong password"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task Behind_a_trusted_proxy_each_reader_has_a_budget_of_their_own()
    {
        // The test client is on loopback, which stands for a proxy on the same machine.
        await using var archive = await ArchiveHost.StartAsync("--Dossier:RateLimits:SearchPerSecond=1");
        async Task<HttpStatusCode> SearchAsync(string reader)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/search?q=Berlin");
            request.Headers.Add("X-Forwarded-For", reader);
            using var response = await archive.Client.SendAsync(request);
            return response.StatusCode;
        }
        for (var i = 0; i < 10; i++) Assert.Equal(HttpStatusCode.OK, await SearchAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.TooManyRequests, await SearchAsync("203.0.113.7"));
        Assert.Equal(HttpStatusCode.OK, await SearchAsync("198.51.100.23"));
    }

    private static FormUrlEncodedContent Form(string token, string email, string password) =>
        Forms.Content(token, new() { ["Email"] = email, ["Password"] = password });
}
