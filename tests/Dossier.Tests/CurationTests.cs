using System.Net;
using Dossier.Accounts;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Records;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// The staff at work through the real app over HTTP: signing in (and being locked out), the workflow by role, the
/// embargo released by the clock (an injected one), and what a visitor sees at each step.
/// </summary>
public abstract class CurationTests(Provider provider) : IAsyncLifetime
{
    private const string Password = ArchiveHost.StaffPassword;
    private ArchiveHost archive = null!;
    private int draft;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        var folder = TempDirectory.Create("curation");
        var file = Path.Combine(folder, "drafts.jsonl");
        await File.WriteAllTextAsync(file, """{"recordId":"C-1","title":"A draft memorandum on Cienfuegos","date":"1970-09-25","summary":"Submarine base."}""" + "\n");
        await archive.ImportAsync(publish: false, file);
        draft = await archive.IdOfRecordAsync("C-1");
        await archive.CreateUserAsync("editor@archive.test", Password, Roles.Editor);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    [SkippableFact]
    public async Task A_visitor_reaching_an_editor_route_is_sent_to_sign_in()
    {
        using var visitor = archive.NewClient();
        foreach (var path in new[] { "/editor", $"/editor/records/{draft}" })
        {
            using var response = await visitor.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
        }
    }

    [SkippableFact]
    public async Task An_editor_publishes_withdraws_and_the_visitor_follows()
    {
        using var editor = await SignInAsync("editor@archive.test");
        var list = await editor.GetStringAsync("/editor?state=draft");
        Assert.Contains("A draft memorandum on Cienfuegos", list);
        // The staff find unpublished records by their words; visitors do not.
        Assert.Contains("A draft memorandum on Cienfuegos", await editor.GetStringAsync("/editor?q=submarine"));
        Assert.DoesNotContain("A draft memorandum on Cienfuegos", await editor.GetStringAsync("/editor?q=Berlin"));
        Assert.Contains("cannot be read", await editor.GetStringAsync("/editor?q=%22unclosed"));
        Assert.Equal(0, (await archive.GetJsonAsync("/api/search?q=submarine"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/documents/{draft}")).StatusCode);

        await StepAsync(editor, "Publish");
        await archive.CatchUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync($"/documents/{draft}")).StatusCode);
        Assert.Equal(1, (await archive.GetJsonAsync("/api/search?q=Cienfuegos"))["total"]!.GetValue<int>());

        // A withdrawal needs a reason.
        var refused = await StepAsync(editor, "Withdraw", expect: HttpStatusCode.Conflict);
        Assert.Contains("needs a reason", refused);
        await StepAsync(editor, "Withdraw", new() { ["reason"] = "Published before its declassification was confirmed" });
        // Out of public search at once: the server's index takes the step itself, without waiting for its follower.
        Assert.Equal(0, (await archive.GetJsonAsync("/api/search?q=Cienfuegos"))["total"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/documents/{draft}")).StatusCode);
        Assert.Contains("Published before its declassification was confirmed", await editor.GetStringAsync($"/editor/records/{draft}"));

        await StepAsync(editor, "Delete");
        Assert.Contains("deleted", await editor.GetStringAsync($"/editor/records/{draft}"));
        await StepAsync(editor, "Restore");
        Assert.Equal(PublicationStatus.Draft, (await RecordAsync()).Status);
    }

    [SkippableFact]
    public async Task An_embargo_date_that_cannot_be_read_publishes_nothing()
    {
        using var editor = await SignInAsync("editor@archive.test");
        var refused = await StepAsync(editor, "Publish", new() { ["embargoUntil"] = "next spring" }, HttpStatusCode.UnprocessableEntity);
        Assert.Contains("not a date", refused);
        Assert.Equal(PublicationStatus.Draft, (await RecordAsync()).Status);
    }

    [SkippableFact]
    public async Task Two_changes_of_one_record_at_once_do_not_overwrite_each_other()
    {
        await using var first = archive.Services.CreateAsyncScope();
        await using var second = archive.Services.CreateAsyncScope();
        var a = first.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var b = second.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var seenByA = await a.Records.SingleAsync(r => r.Id == draft);
        var seenByB = await b.Records.SingleAsync(r => r.Id == draft);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;

        Workflow.Publish(seenByB, new Curator("b", IsEditor: true), null, now);
        seenByB.UpdatedAt = now;
        await b.SaveChangesAsync();
        Workflow.Submit(seenByA, new Curator("a", IsEditor: true));
        seenByA.UpdatedAt = now.AddSeconds(1);
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => a.SaveChangesAsync());
        Assert.Equal(PublicationStatus.Published, (await RecordAsync()).Status);
    }

    [SkippableFact]
    public async Task A_contributor_cannot_publish()
    {
        using var contributor = await SignInAsync("contributor@archive.test");
        // Imported records belong to no contributor: for a contributor they do not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await contributor.GetAsync($"/editor/records/{draft}")).StatusCode);
        await using (var scope = archive.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
            var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Microsoft.AspNetCore.Identity.IdentityUser>>();
            var record = await db.Records.SingleAsync(r => r.Id == draft);
            record.OwnerId = (await users.FindByEmailAsync("contributor@archive.test"))!.Id;
            await db.SaveChangesAsync();
        }
        var page = await contributor.GetStringAsync($"/editor/records/{draft}");
        Assert.DoesNotContain(">Publish<", page);

        var token = Forms.Token(page);
        using var publish = await contributor.PostAsync($"/editor/records/{draft}?handler=Publish", Forms.Content(token));
        Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.StartsWith("/account/denied", publish.Headers.Location!.PathAndQuery);
        Assert.Equal(PublicationStatus.Draft, (await RecordAsync()).Status);

        await StepAsync(contributor, "Submit");
        Assert.Equal(PublicationStatus.InReview, (await RecordAsync()).Status);
    }

    [SkippableFact]
    public async Task An_embargoed_record_is_published_on_its_day_without_anyone_acting()
    {
        using var editor = await SignInAsync("editor@archive.test");
        var day = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime).AddDays(30);
        await StepAsync(editor, "Publish", new() { ["embargoUntil"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var record = await RecordAsync();
        Assert.Equal((PublicationStatus.Embargoed, day), (record.Status, record.EmbargoUntil));

        var clock = new ManualClock(new DateTimeOffset(day.AddDays(-1).ToDateTime(new TimeOnly(23, 59)), TimeSpan.Zero));
        Assert.Empty(await ReleaseAsync(clock));
        await archive.CatchUpAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await archive.Client.GetAsync($"/documents/{draft}")).StatusCode);

        clock.Now = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        Assert.Equal([draft], await ReleaseAsync(clock));
        await archive.CatchUpAsync();
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync($"/documents/{draft}")).StatusCode);
        Assert.Equal(clock.Now.UtcDateTime, (await RecordAsync()).PublishedAt);
    }

    [SkippableFact]
    public async Task Repeated_failed_sign_ins_lock_the_account()
    {
        using var client = archive.NewClient();
        for (var i = 0; i < 4; i++) Assert.Contains("is not right", await PostSignInAsync(client, "editor@archive.test", "not the password at all"));
        // The fifth failure locks the account; then even the right password is refused for a while.
        Assert.Contains("locked for a while", await PostSignInAsync(client, "editor@archive.test", "not the password at all"));
        var locked = await PostSignInAsync(client, "editor@archive.test", Password);
        Assert.Contains("locked for a while", locked);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/editor")).StatusCode);
    }

    [SkippableFact]
    public async Task Signing_out_ends_the_session_for_every_copy_of_its_cookie()
    {
        using var editor = await SignInAsync("editor@archive.test");
        var cookie = Cookies(editor);
        Assert.Equal(HttpStatusCode.OK, (await editor.GetAsync("/editor")).StatusCode);

        var token = Forms.Token(await editor.GetStringAsync("/editor"));
        using (var signOut = await editor.PostAsync("/account/sign-out", Forms.Content(token))) Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);

        using var copy = archive.NewClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/editor");
        request.Headers.Add("Cookie", cookie);
        using var response = await copy.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/sign-in", response.Headers.Location!.PathAndQuery);
    }

    [SkippableFact]
    public async Task A_form_without_its_antiforgery_token_is_refused()
    {
        using var editor = await SignInAsync("editor@archive.test");
        using var response = await editor.PostAsync($"/editor/records/{draft}?handler=Publish", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(PublicationStatus.Draft, (await RecordAsync()).Status);
    }

    [SkippableFact]
    public async Task Every_change_is_a_revision_and_an_older_one_can_be_restored()
    {
        var folder = TempDirectory.Create("curation-revisions");
        var file = Path.Combine(folder, "corrected.jsonl");
        await File.WriteAllTextAsync(file, """{"recordId":"C-1","title":"A draft memorandum on Cienfuegos","date":"1970-09-25","summary":"A submarine base, corrected."}""" + "\n");
        await archive.ImportAsync(publish: false, file);
        using var editor = await SignInAsync("editor@archive.test");
        await StepAsync(editor, "Publish");

        var history = await editor.GetStringAsync($"/editor/records/{draft}/history");
        Assert.Contains("imported from drafts.jsonl", history);
        Assert.Contains("imported from corrected.jsonl", history);
        Assert.Contains("editor@archive.test", history);
        Assert.Contains("3 revisions", history);

        var diff = WebUtility.HtmlDecode(await editor.GetStringAsync($"/editor/records/{draft}/history?a=1&b=2"));
        Assert.Contains("From revision 1 to revision 2", diff);
        Assert.Contains("<th scope=\"row\">Summary</th><td class=\"before\">Submarine base.</td><td class=\"after\">A submarine base, corrected.</td>", diff);
        Assert.DoesNotContain("<th scope=\"row\">Title</th>", diff);

        var token = Forms.Token(history);
        using (var restore = await editor.PostAsync($"/editor/records/{draft}/history?handler=Restore&number=1", Forms.Content(token)))
            Assert.Equal(HttpStatusCode.Redirect, restore.StatusCode);
        var record = await RecordAsync();
        Assert.Equal(("Submarine base.", PublicationStatus.Published), (record.Summary, record.Status));
        Assert.Contains("restored revision 1", await editor.GetStringAsync($"/editor/records/{draft}/history"));
        await archive.CatchUpAsync();
        Assert.Contains("Submarine base.", await archive.Client.GetStringAsync($"/documents/{draft}"));
    }

    [SkippableFact]
    public async Task The_audit_log_lists_sign_ins_failures_and_publications_for_editors_only()
    {
        using (var client = archive.NewClient()) await PostSignInAsync(client, "editor@archive.test", "not the password at all");
        using var editor = await SignInAsync("editor@archive.test");
        await StepAsync(editor, "Publish");
        await StepAsync(editor, "Withdraw", new() { ["reason"] = "Wrong folder" });

        var log = WebUtility.HtmlDecode(await editor.GetStringAsync("/editor/audit"));
        foreach (var expected in new[] { AuditEvents.SignInFailed, AuditEvents.SignedIn, AuditEvents.Published, "withdrawn: Wrong folder", "drafts.jsonl: 1 new, 0 updated, as drafts" })
            Assert.Contains(expected, log);

        using var contributor = await SignInAsync("contributor@archive.test");
        using var denied = await contributor.GetAsync("/editor/audit");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery);
    }

    private Task<HttpClient> SignInAsync(string email) => archive.SignInAsync(email, Password);

    private static Task<string> PostSignInAsync(HttpClient client, string email, string password) => ArchiveHost.PostSignInAsync(client, email, password);

    /// <summary>Presses a workflow button on the record's editor page, as the browser would (with the form's token).</summary>
    private async Task<string> StepAsync(HttpClient client, string handler, Dictionary<string, string>? fields = null, HttpStatusCode expect = HttpStatusCode.Redirect)
    {
        var token = Forms.Token(await client.GetStringAsync($"/editor/records/{draft}"));
        using var response = await client.PostAsync($"/editor/records/{draft}?handler={handler}", Forms.Content(token, fields));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(expect == response.StatusCode, $"{handler}: {(int)response.StatusCode} {body}");
        return body;
    }

    private async Task<IReadOnlyList<int>> ReleaseAsync(TimeProvider clock)
    {
        await using var scope = archive.Services.CreateAsyncScope();
        return await new EmbargoRelease(scope.ServiceProvider.GetRequiredService<DossierDb>(), clock).ReleaseDueAsync();
    }

    private Task<ArchivalRecord> RecordAsync() => archive.StoredRecordAsync(draft);

    private static string Cookies(HttpClient client)
    {
        var handler = (HttpClientHandler)typeof(HttpMessageInvoker).GetField("_handler", System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Instance)!.GetValue(client)!;
        return handler.CookieContainer.GetCookieHeader(client.BaseAddress!);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

public sealed class CurationTestsOnSqlite() : CurationTests(Provider.Sqlite);

public sealed class CurationTestsOnPostgres() : CurationTests(Provider.Postgres);
