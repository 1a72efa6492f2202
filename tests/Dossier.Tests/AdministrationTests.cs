using System.Net;
using Dossier.Accounts;

namespace Dossier.Tests;

/// <summary>An administrator's accounts page: adding accounts, changing roles (audited, in force at once), the last administrator kept.</summary>
public abstract class AdministrationTests(Provider provider) : IAsyncLifetime
{
    private const string Password = ArchiveHost.StaffPassword;
    private ArchiveHost archive = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        await archive.CreateUserAsync("admin@archive.test", Password, Roles.Administrator);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string handler, Dictionary<string, string> fields, string? id = null)
    {
        var page = await client.GetStringAsync("/admin/users");
        return await client.PostAsync($"/admin/users?handler={handler}" + (id is null ? "" : $"&id={id}"), Forms.Content(Forms.Token(page), fields));
    }

    [SkippableFact]
    public async Task An_administrator_adds_accounts_and_changes_roles_which_apply_at_once()
    {
        using var admin = await archive.SignInAsync("admin@archive.test", Password);
        using (var added = await PostAsync(admin, "Add", new() { ["email"] = "new.editor@archive.test", ["role"] = "editor", ["password"] = Password }))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        using (var weak = await PostAsync(admin, "Add", new() { ["email"] = "weak@archive.test", ["role"] = "editor", ["password"] = "short" }))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
            Assert.Contains("at least 12 characters", await weak.Content.ReadAsStringAsync());
        }
        using var newEditor = await archive.SignInAsync("new.editor@archive.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await newEditor.GetAsync("/editor/audit")).StatusCode);

        using var contributor = await archive.SignInAsync("contributor@archive.test", Password);
        Assert.Equal(HttpStatusCode.Redirect, (await contributor.GetAsync("/editor/audit")).StatusCode);
        var page = await admin.GetStringAsync("/admin/users");
        var id = System.Text.RegularExpressions.Regex.Match(page, "<td>contributor@archive.test</td>[\\s\\S]*?id=([0-9a-f-]{36})").Groups[1].Value;
        using (var changed = await PostAsync(admin, "Role", new() { ["role"] = "editor" }, id)) Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);

        // The old session ends with the change: signed in again, the account has its new role.
        using (var stale = await contributor.GetAsync("/editor")) Assert.StartsWith("/account/sign-in", stale.Headers.Location!.PathAndQuery);
        using var promoted = await archive.SignInAsync("contributor@archive.test", Password);
        Assert.Equal(HttpStatusCode.OK, (await promoted.GetAsync("/editor/audit")).StatusCode);
        var log = WebUtility.HtmlDecode(await admin.GetStringAsync("/editor/audit"));
        Assert.Contains("contributor@archive.test: Editor (was Contributor)", log);
        Assert.Contains("new.editor@archive.test: by an administrator", log);
    }

    [SkippableFact]
    public async Task A_disabled_account_is_out_at_once_with_its_sessions_and_tokens()
    {
        await archive.CreateUserAsync("leaving@archive.test", Password, Roles.Editor);
        using var leaving = await archive.SignInAsync("leaving@archive.test", Password);
        var tokens = await leaving.GetStringAsync("/editor/tokens");
        using var made = await leaving.PostAsync("/editor/tokens?handler=Create", Forms.Content(Forms.Token(tokens), new() { ["name"] = "script" }));
        var secret = System.Text.RegularExpressions.Regex.Match(await made.Content.ReadAsStringAsync(), "<code class=\"token\">([^<]+)</code>").Groups[1].Value;
        using var script = new HttpClient { BaseAddress = archive.Address };
        script.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        Assert.Equal(HttpStatusCode.BadRequest, (await script.PostAsync("/api/documents", System.Net.Http.Json.JsonContent.Create(new { date = "x" }))).StatusCode);

        using var admin = await archive.SignInAsync("admin@archive.test", Password);
        var page = await admin.GetStringAsync("/admin/users");
        var id = System.Text.RegularExpressions.Regex.Match(page, "<td>leaving@archive.test</td>[\\s\\S]*?id=([0-9a-f-]{36})").Groups[1].Value;
        using (var disabled = await PostAsync(admin, "Disable", [], id)) Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);

        using (var stale = await leaving.GetAsync("/editor")) Assert.StartsWith("/account/sign-in", stale.Headers.Location!.PathAndQuery);
        Assert.Contains("locked", await ArchiveHost.PostSignInAsync(archive.NewClient(), "leaving@archive.test", Password));
        Assert.Equal(HttpStatusCode.Unauthorized, (await script.PostAsync("/api/documents", System.Net.Http.Json.JsonContent.Create(new { date = "x" }))).StatusCode);
        Assert.Contains("leaving@archive.test: was Editor", WebUtility.HtmlDecode(await admin.GetStringAsync("/editor/audit")));
    }

    [SkippableFact]
    public async Task The_last_administrator_keeps_the_role()
    {
        using var admin = await archive.SignInAsync("admin@archive.test", Password);
        var page = await admin.GetStringAsync("/admin/users");
        var id = System.Text.RegularExpressions.Regex.Match(page, "<td>admin@archive.test</td>[\\s\\S]*?id=([0-9a-f-]{36})").Groups[1].Value;
        using var refused = await PostAsync(admin, "Role", new() { ["role"] = "editor" }, id);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("last administrator", await refused.Content.ReadAsStringAsync());
    }
}

public sealed class AdministrationTestsOnSqlite() : AdministrationTests(Provider.Sqlite);

public sealed class AdministrationTestsOnPostgres() : AdministrationTests(Provider.Postgres);
