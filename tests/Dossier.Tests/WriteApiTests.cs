using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Dossier.Accounts;
using Dossier.Records;

namespace Dossier.Tests;

/// <summary>Scripted ingestion: an editor's API token, the write API, problem details, revocation taking effect at once.</summary>
public abstract class WriteApiTests(Provider provider) : IAsyncLifetime
{
    private const string Password = ArchiveHost.StaffPassword;
    private ArchiveHost archive = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        await archive.CreateUserAsync("editor@archive.test", Password, Roles.Editor);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    [SkippableFact]
    public async Task An_editors_token_creates_replaces_and_deletes_records_until_it_is_revoked()
    {
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        var tokens = await editor.GetStringAsync("/editor/tokens");
        using var made = await editor.PostAsync("/editor/tokens?handler=Create", Forms.Content(Forms.Token(tokens), new() { ["name"] = "nightly load" }));
        var page = await made.Content.ReadAsStringAsync();
        Assert.True(made.Headers.CacheControl?.NoStore);
        var secret = Forms.ApiTokenSecret(page);
        Assert.StartsWith("dossier_", secret);
        // Shown once: the list shows only its first characters.
        Assert.DoesNotContain(secret, await editor.GetStringAsync("/editor/tokens"));

        using var script = new HttpClient { BaseAddress = archive.Address };
        using (var anonymous = await script.PostAsJsonAsync("/api/documents", new { title = "No token" }))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
            Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        }
        script.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        using var created = await script.PostAsJsonAsync("/api/documents", new
        {
            recordId = "W-1",
            title = "Telegram from Havana",
            date = "1962-10-28",
            transcripts = new[] { new { language = "en", text = "Missiles." } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        Assert.Equal($"/api/documents/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal(PublicationStatus.Draft, (await RecordAsync(id)).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/api/documents/{id}")).StatusCode);

        using (var invalid = await script.PostAsJsonAsync("/api/documents", new { date = "1962-13-40" }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Contains("title is required", (await invalid.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!["record"]![0]!.GetValue<string>());
        }
        using (var taken = await script.PostAsJsonAsync("/api/documents", new { recordId = "W-1", title = "Another" }))
            Assert.Equal(HttpStatusCode.Conflict, taken.StatusCode);

        using (var replaced = await script.PutAsJsonAsync($"/api/documents/{id}", new { recordId = "W-1", title = "Telegram from Havana, corrected", date = "1962-10-28" }))
            Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var record = await RecordAsync(id);
        Assert.Equal(("Telegram from Havana, corrected", 0), (record.Title, record.Transcripts.Count));
        Assert.Contains("replaced through the API", await editor.GetStringAsync($"/editor/records/{id}/history"));

        // The workflow through the API: publish, then withdraw (a withdrawal needs its reason).
        using (var published = await script.PostAsync($"/api/documents/{id}/publish", null))
        {
            Assert.Equal(HttpStatusCode.OK, published.StatusCode);
            Assert.Equal("published", (await published.Content.ReadFromJsonAsync<JsonObject>())!["state"]!.GetValue<string>());
        }
        await archive.CatchUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync($"/api/documents/{id}")).StatusCode);
        using (var noReason = await script.PostAsync($"/api/documents/{id}/withdraw", null)) Assert.Equal(HttpStatusCode.Conflict, noReason.StatusCode);
        using (var unknown = await script.PostAsync($"/api/documents/{id}/approve", null)) Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        using (var withdrawn = await script.PostAsJsonAsync($"/api/documents/{id}/withdraw", new { reason = "Rights not cleared" }))
            Assert.Equal(HttpStatusCode.OK, withdrawn.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/api/documents/{id}")).StatusCode);
        using (var embargoed = await script.PostAsJsonAsync($"/api/documents/{id}/publish", new { embargoUntil = "2999-01-01" }))
            Assert.Equal("embargoed", (await embargoed.Content.ReadFromJsonAsync<JsonObject>())!["state"]!.GetValue<string>());
        using (var badDate = await script.PostAsJsonAsync($"/api/documents/{id}/publish", new { embargoUntil = "next spring" }))
            Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);

        using (var deleted = await script.DeleteAsync($"/api/documents/{id}")) Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.NotNull((await RecordAsync(id)).DeletedAt);
        using (var again = await script.DeleteAsync($"/api/documents/{id}")) Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);

        // Revoked, the token stops working at the next request.
        var list = await editor.GetStringAsync("/editor/tokens");
        var action = WebUtility.HtmlDecode(Regex.Match(list, "action=\"([^\"]*Revoke[^\"]*)\"").Groups[1].Value);
        using (var revoke = await editor.PostAsync(action, Forms.Content(Forms.Token(list))))
            Assert.Equal(HttpStatusCode.Redirect, revoke.StatusCode);
        using var refused = await script.PostAsJsonAsync("/api/documents", new { title = "After revocation" });
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
    }

    [SkippableFact]
    public async Task A_contributor_makes_no_tokens_and_a_browser_cookie_does_not_open_the_write_api()
    {
        using var contributor = await archive.SignInAsync("contributor@archive.test", Password);
        using var tokens = await contributor.GetAsync("/editor/tokens");
        Assert.Equal(HttpStatusCode.Redirect, tokens.StatusCode);
        Assert.StartsWith("/account/denied", tokens.Headers.Location!.PathAndQuery);

        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        using var withCookie = await editor.PostAsJsonAsync("/api/documents", new { title = "Through a cookie" });
        Assert.Equal(HttpStatusCode.Unauthorized, withCookie.StatusCode);
    }

    private Task<ArchivalRecord> RecordAsync(int id) => archive.StoredRecordAsync(id);
}

public sealed class WriteApiTestsOnSqlite() : WriteApiTests(Provider.Sqlite);

public sealed class WriteApiTestsOnPostgres() : WriteApiTests(Provider.Postgres);
