using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>Researchers' accounts: saved searches, what is new in them, and their private feeds — never anything unpublished.</summary>
public sealed partial class SavedSearchesTests
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    private static async Task<HttpClient> RegisterAsync(ArchiveHost archive, string email, string? returnUrl = null)
    {
        var client = archive.NewClient();
        var path = "/account/register" + (returnUrl is null ? "" : "?ReturnUrl=" + Uri.EscapeDataString(returnUrl));
        var token = Forms.Token(await client.GetStringAsync(path));
        using var made = await client.PostAsync(path, Forms.Content(token, new()
        {
            ["Email"] = email,
            ["Password"] = ArchiveHost.StaffPassword,
            ["Repeated"] = ArchiveHost.StaffPassword,
        }));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        Assert.Equal(returnUrl ?? "/account/searches", made.Headers.Location!.OriginalString);
        return client;
    }

    private static async Task<string> SaveAsync(HttpClient researcher, string search, string? name = null)
    {
        var page = await researcher.GetStringAsync(search);
        Assert.Contains("Save this search", page);
        var fields = new Dictionary<string, string> { ["query"] = WebUtility.HtmlDecode(QueryField().Match(page).Groups[1].Value) };
        if (name is not null) fields["name"] = name;
        using var saved = await researcher.PostAsync(SaveAction().Match(page).Groups[1].Value, Forms.Content(Forms.Token(page), fields));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        return saved.Headers.Location!.OriginalString;
    }

    private static async Task<List<string>> FeedTitlesAsync(ArchiveHost archive, string feed)
    {
        using var anonymous = archive.NewClient();
        var atom = XDocument.Parse(await anonymous.GetStringAsync(feed));
        return [.. atom.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value)];
    }

    [Fact]
    public async Task A_researcher_saves_a_search_and_hears_of_new_published_records_by_its_private_feed()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        var researcher = await RegisterAsync(archive, "historian@example.org", "/search?q=Castro");

        // A researcher is no staff member: the editor stays shut and the header shows no staff links.
        var editor = await researcher.GetAsync("/editor");
        Assert.NotEqual(HttpStatusCode.OK, editor.StatusCode);
        var home = await researcher.GetStringAsync("/");
        Assert.DoesNotContain("href=\"/editor\"", home);
        Assert.Contains("href=\"/account/searches\"", home);

        // Saved without its page; a name given by the researcher, or the words searched.
        var where = await SaveAsync(researcher, "/search?q=Castro&page=1", "Castro");
        Assert.StartsWith("/account/searches?saved=", where, StringComparison.Ordinal);
        var searches = await researcher.GetStringAsync("/account/searches");
        Assert.Contains("class=\"link\">Castro</button>", searches);
        Assert.Contains("Nothing new since you last opened it.", searches);
        var feed = new Uri(FeedAddress().Match(searches).Groups[1].Value).PathAndQuery;
        Assert.StartsWith("/feeds/saved/", feed, StringComparison.Ordinal);
        // Saving the same search again keeps one.
        await SaveAsync(researcher, "/search?q=Castro");
        Assert.Single(FeedAddress().Matches(await researcher.GetStringAsync("/account/searches")));

        var before = await FeedTitlesAsync(archive, feed);
        Assert.Single(before);

        // A draft that matches is not news, nor in the feed; a published record is both.
        await archive.ImportAsync(publish: false, Corpus.Page("002"));
        Assert.Contains("Nothing new since you last opened it.", await researcher.GetStringAsync("/account/searches"));
        Assert.Equal(before, await FeedTitlesAsync(archive, feed));
        await archive.ImportAsync(Corpus.Page("004"));
        searches = await researcher.GetStringAsync("/account/searches");
        Assert.Contains("1 new record since you last opened it.", searches);
        var after = await FeedTitlesAsync(archive, feed);
        Assert.Equal(2, after.Count);
        Assert.Equal(before[0], after[1]);

        // Opening the search shows its results and makes them seen.
        var id = Regex.Match(searches, "action=\"/account/searches/Open\\?id=(\\d+)\"").Groups[1].Value;
        Assert.NotEmpty(id);
        // Opening is a form (it marks what is new as seen), never a link another site could send the reader to.
        Assert.Equal(HttpStatusCode.BadRequest, (await researcher.PostAsync($"/account/searches/Open?id={id}", null)).StatusCode);
        using (var opened = await researcher.PostAsync($"/account/searches/Open?id={id}", Forms.Content(Forms.Token(searches))))
        {
            Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
            Assert.Equal("/search?q=Castro", opened.Headers.Location!.OriginalString);
        }
        Assert.Contains("Nothing new since you last opened it.", await researcher.GetStringAsync("/account/searches"));

        // Another researcher can neither open nor remove it; its owner removes it and the feed is gone.
        var other = await RegisterAsync(archive, "student@example.org");
        var otherPage = await other.GetStringAsync("/account/searches");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/account/searches/Open?id={id}", Forms.Content(Forms.Token(otherPage)))).StatusCode);
        Assert.DoesNotContain("Castro", otherPage);
        using (var removeOthers = await other.PostAsync($"/account/searches/Remove?id={id}", Forms.Content(Forms.Token(otherPage))))
        {
            Assert.Equal(HttpStatusCode.Redirect, removeOthers.StatusCode);
        }
        Assert.Equal(2, (await FeedTitlesAsync(archive, feed)).Count);
        var mine = await researcher.GetStringAsync("/account/searches");
        using (var remove = await researcher.PostAsync($"/account/searches/Remove?id={id}", Forms.Content(Forms.Token(mine))))
        {
            Assert.Equal(HttpStatusCode.Redirect, remove.StatusCode);
        }
        using var anonymous = archive.NewClient();
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(feed)).StatusCode);
    }

    [Fact]
    public async Task Visitors_are_offered_an_account_and_an_archive_may_refuse_registration()
    {
        await using var archive = await ArchiveHost.StartAsync();
        await archive.ImportAsync(Corpus.Page("001"));
        var page = await archive.Client.GetStringAsync("/search?q=Castro");
        Assert.Contains("href=\"/account/register?ReturnUrl=%2Fsearch%3Fq%3DCastro\"", page);
        Assert.DoesNotContain("Save this search", page);
        using (var anonymous = archive.NewClient())
        {
            using var shut = await anonymous.GetAsync("/account/searches");
            Assert.Equal(HttpStatusCode.Redirect, shut.StatusCode);
            Assert.StartsWith("/account/sign-in", shut.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
        }

        // Two passwords that differ and an address already taken are told, and no account is made twice.
        await RegisterAsync(archive, "historian@example.org");
        var client = archive.NewClient();
        var form = await client.GetStringAsync("/account/register");
        using var differ = await client.PostAsync("/account/register", Forms.Content(Forms.Token(form), new()
        {
            ["Email"] = "new@example.org",
            ["Password"] = ArchiveHost.StaffPassword,
            ["Repeated"] = "another horse battery staple",
        }));
        Assert.Contains("The two passwords differ.", await differ.Content.ReadAsStringAsync());
        using var taken = await client.PostAsync("/account/register", Forms.Content(Forms.Token(form), new()
        {
            ["Email"] = "historian@example.org",
            ["Password"] = ArchiveHost.StaffPassword,
            ["Repeated"] = ArchiveHost.StaffPassword,
        }));
        Assert.Contains("An account with this email address exists already.", await taken.Content.ReadAsStringAsync());

        // Signed in again, a researcher lands on their saved searches, not on the staff's records.
        using (var again = archive.NewClient())
        {
            var signIn = await again.GetStringAsync("/account/sign-in");
            Assert.Contains("href=\"/account/register\"", signIn);
            using var signedIn = await again.PostAsync("/account/sign-in", Forms.Content(Forms.Token(signIn), new() { ["Email"] = "historian@example.org", ["Password"] = ArchiveHost.StaffPassword }));
            Assert.Equal("/account/searches", signedIn.Headers.Location!.OriginalString);
        }

        await using var closed = await ArchiveHost.StartAsync("--Dossier:Accounts:Registration=false");
        Assert.DoesNotContain("/account/register", await closed.Client.GetStringAsync("/account/sign-in"));
        Assert.Equal(HttpStatusCode.NotFound, (await closed.Client.GetAsync("/account/register")).StatusCode);
    }

    [Fact]
    public void The_request_log_never_writes_a_private_feeds_secret()
    {
        Assert.Equal("/feeds/saved/(private).atom", Dossier.Features.Operations.RequestLog.Logged(new Microsoft.AspNetCore.Http.PathString("/feeds/saved/s3cr3tKey.atom")));
        Assert.Equal("/feeds/search.atom", Dossier.Features.Operations.RequestLog.Logged(new Microsoft.AspNetCore.Http.PathString("/feeds/search.atom")));
    }

    [Theory]
    [InlineData("?q=Castro&page=3&size=50", "?q=Castro")]
    [InlineData("/search?language=ru&q=Кастро", "?q=%D0%9A%D0%B0%D1%81%D1%82%D1%80%D0%BE&language=ru")]
    [InlineData("", "")]
    [InlineData("https://elsewhere.example/?q=x", null)]
    public void A_saved_search_keeps_the_search_and_not_its_page(string given, string? kept) =>
        Assert.Equal(kept, Dossier.Features.SavedSearches.SavedSearchesModel.Keep(given));

    [GeneratedRegex("name=\"query\" value=\"([^\"]*)\"")]
    private static partial Regex QueryField();

    [GeneratedRegex("<form method=\"post\" class=\"save-search\" action=\"([^\"]+)\"")]
    private static partial Regex SaveAction();

    [GeneratedRegex("type=\"url\" readonly value=\"([^\"]+/feeds/saved/[^\"]+)\"")]
    private static partial Regex FeedAddress();
}
