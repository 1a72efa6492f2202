using System.Net;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Dossier.Accounts;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>
/// Collections through the real app: an editor makes one, fills it (by numbers, by Record IDs, by a search), orders
/// it, makes it public, takes it back and deletes it; at each step what visitors see on its page, in the API, in
/// search, on records' pages, in its feed and in its OAI-PMH set — never an unpublished record or a staff-only collection.
/// </summary>
public abstract class CollectionsTests(Provider provider) : IAsyncLifetime
{
    private static readonly XNamespace O = OaiValidation.Oai;
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private const string Password = ArchiveHost.StaffPassword;
    private const string DraftTitle = "A draft memorandum on Quillmorant";
    private ArchiveHost archive = null!;
    private Dictionary<string, int> ids = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(provider);
        Assert.Equal(5, (await archive.ImportAsync(Corpus.ArchivePages)).Imported);
        ids = await archive.IdsOfCapturesAsync();
        var file = Path.Combine(TempDirectory.Create("collections"), "drafts.jsonl");
        await File.WriteAllTextAsync(file, $$"""{"recordId":"K-1","title":"{{DraftTitle}}","date":"1961-01-01"}""" + "\n");
        await archive.ImportAsync(publish: false, file);
        ids["draft"] = await archive.IdOfRecordAsync("K-1");
        await archive.CreateUserAsync("editor@archive.test", Password, Roles.Editor);
        await archive.CreateUserAsync("contributor@archive.test", Password, Roles.Contributor);
    }

    public async Task DisposeAsync() => await archive.DisposeAsync();

    [SkippableFact]
    public async Task An_editor_makes_fills_orders_publishes_and_deletes_a_collection_and_visitors_see_only_what_is_public()
    {
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        var made = await PostAsync(editor, "/editor/collections", "Create",
            new() { ["Title"] = "Cuba, 1962–1964", ["Description"] = "Soviet records of conversations with Cuba's leaders.\n\nTranslated for the archive." });
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var page = made.Headers.Location!.OriginalString;
        Assert.Matches(@"^/editor/collections/\d+$", page);
        const string slug = "cuba-1962-1964";
        Assert.Contains($"<code>{slug}</code>", await editor.GetStringAsync(page), StringComparison.Ordinal);

        // Filled three ways; a wrong number or Record ID adds nothing and says why.
        await ExpectDoneAsync(editor, page, "Add", new() { ["records"] = $"{ids["001"]}, {ids["002"]}\n#{ids["draft"]}", ["by"] = "number" }, "3 records added.");
        await ExpectProblemAsync(editor, page, "Add", new() { ["records"] = "K-1 nope", ["by"] = "recordId" }, "no record has the Record ID nope");
        await ExpectProblemAsync(editor, page, "Add", new() { ["records"] = $"{ids["000"]} 999999", ["by"] = "number" }, "999999");
        await ExpectDoneAsync(editor, page, "Add", new() { ["records"] = "K-1", ["by"] = "recordId" }, "0 records added.");
        await ExpectDoneAsync(editor, page, "AddSearch", new() { ["q"] = "title:Serna" }, "1 record added.");
        Assert.Equal([ids["001"], ids["002"], ids["draft"], ids["004"]], await StaffOrderAsync(editor, page));

        // Staff-only so far: no visitor's route knows it.
        using var visitor = archive.NewClient();
        Assert.DoesNotContain("Cuba, 1962–1964", await visitor.GetStringAsync("/collections"), StringComparison.Ordinal);
        foreach (var path in new[] { $"/collections/{slug}", $"/api/collections/{slug}", $"/feeds/collections/{slug}.atom" })
            Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync(path)).StatusCode);
        Assert.Empty((await archive.GetJsonAsync("/api/collections"))["collections"]!.AsArray());
        Assert.DoesNotContain(await SetSpecsAsync(), s => s.StartsWith("collection:", StringComparison.Ordinal));
        Assert.Equal(0, (await archive.GetJsonAsync($"/api/search?collection={slug}"))["total"]!.GetValue<int>());

        // Made public: harvesters of the set see its records as changed since then.
        await Task.Delay(1100);
        var madePublic = TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture);
        await ExpectDoneAsync(editor, page, "Describe", new() { ["title"] = "Cuba, 1962–1964", ["description"] = "Soviet records of conversations with Cuba's leaders.\n\nTranslated for the archive.", ["isPublic"] = "true" }, "Saved.");
        await archive.CatchUpAsync();
        int[] published = [ids["001"], ids["002"], ids["004"]];

        var listed = (await archive.GetJsonAsync("/api/collections"))["collections"]!.AsArray().Single()!;
        Assert.Equal(slug, (string?)listed["slug"]);
        Assert.Equal(3, (int)listed["records"]!);
        Assert.Equal("collection:" + slug, (string?)listed["set"]);
        Assert.Equal(published, await PublicOrderAsync(slug));

        var html = await visitor.GetStringAsync($"/collections/{slug}");
        var document = await new HtmlParser().ParseDocumentAsync(html);
        Assert.Equal("Cuba, 1962–1964", document.QuerySelector("h1")!.TextContent);
        Assert.Equal(3, document.QuerySelectorAll("ol.records > li").Length);
        Assert.DoesNotContain(DraftTitle, html, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector($"link[rel=alternate][href='/feeds/collections/{slug}.atom']"));
        Assert.NotNull(document.QuerySelector($"a[href='/search?collection={slug}']"));
        var index = await new HtmlParser().ParseDocumentAsync(await visitor.GetStringAsync("/collections"));
        Assert.Contains("Soviet records of conversations", index.QuerySelector("ol.collections")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain("Translated for the archive", index.QuerySelector("ol.collections")!.TextContent, StringComparison.Ordinal);

        // A filter and a facet in search, named by its title on the page.
        var search = await archive.GetJsonAsync($"/api/search?collection={slug}");
        Assert.Equal(3, search["total"]!.GetValue<int>());
        Assert.Equal(published.Order(), search["hits"]!.AsArray().Select(h => (int)h!["id"]!).Order());
        var facet = (await archive.GetJsonAsync("/api/search"))["facets"]!["collection"]!.AsArray().Single()!;
        Assert.Equal((slug, 3), ((string)facet["value"]!, (int)facet["count"]!));
        var searchPage = await new HtmlParser().ParseDocumentAsync(await visitor.GetStringAsync("/search"));
        Assert.Contains(searchPage.QuerySelectorAll("aside.facets a"), a => a.TextContent == "Cuba, 1962–1964" && a.GetAttribute("href")!.Contains($"collection={slug}", StringComparison.Ordinal));

        // The record's page names the collection.
        var recordPage = await new HtmlParser().ParseDocumentAsync(await visitor.GetStringAsync($"/documents/{ids["001"]}"));
        Assert.Contains(recordPage.QuerySelectorAll("aside.information dd a"), a => a.GetAttribute("href") == $"/collections/{slug}" && a.TextContent == "Cuba, 1962–1964");

        // An OAI-PMH set, described, whose records name it in their headers; its records changed when it became public
        // (lists end at the second they begin: what changed in this second is in the next).
        await Task.Delay(1100);
        var sets = (await OaiAsync("verb=ListSets")).Descendants(O + "set").ToDictionary(s => s.Element(O + "setSpec")!.Value);
        Assert.Equal("Cuba, 1962–1964", sets["collection:" + slug].Element(O + "setName")!.Value);
        Assert.Contains("Soviet records", sets["collection:" + slug].Descendants(Dc + "description").Single().Value, StringComparison.Ordinal);
        Assert.Contains("collection", sets.Keys);
        var inSet = await OaiAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:{slug}");
        Assert.Equal(published.Select(Identifier).Order(), inSet.Descendants(O + "identifier").Select(i => i.Value).Order());
        var changedSince = await OaiAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection:{slug}&from={madePublic}");
        Assert.Equal(3, changedSince.Descendants(O + "header").Count());
        var header = (await OaiAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(ids["001"])}")).Descendants(O + "header").Single();
        Assert.Contains("collection:" + slug, header.Elements(O + "setSpec").Select(s => s.Value));
        Assert.Equal(3, (await OaiAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=collection")).Descendants(O + "header").Count());

        // An Atom feed of its published records.
        var feed = XDocument.Parse(await visitor.GetStringAsync($"/feeds/collections/{slug}.atom"));
        Assert.Contains("Cuba, 1962–1964", feed.Root!.Element(Atom + "title")!.Value, StringComparison.Ordinal);
        Assert.Equal(published.Select(id => $"{archive.Address.ToString().TrimEnd('/')}/documents/{id}").Order(),
            feed.Root.Elements(Atom + "entry").Select(e => e.Element(Atom + "id")!.Value).Order());

        // The draft, published by an editor, is in the collection's search at once (this node indexes it with its collections).
        var token = Forms.Token(await editor.GetStringAsync($"/editor/records/{ids["draft"]}"));
        using (var publish = await editor.PostAsync($"/editor/records/{ids["draft"]}?handler=Publish", Forms.Content(token)))
            Assert.Equal(HttpStatusCode.Redirect, publish.StatusCode);
        Assert.Equal(4, (await archive.GetJsonAsync($"/api/search?collection={slug}"))["total"]!.GetValue<int>());

        // Ordered by hand, then by date.
        await ExpectDoneAsync(editor, page, "Move", new() { ["record"] = ids["002"].ToString(System.Globalization.CultureInfo.InvariantCulture), ["by"] = "-1" }, "Moved.");
        Assert.Equal([ids["002"], ids["001"], ids["draft"], ids["004"]], await PublicOrderAsync(slug));
        await ExpectDoneAsync(editor, page, "OrderByDate", [], "Put in date order.");
        Assert.Equal([ids["draft"], ids["001"], ids["002"], ids["004"]], await PublicOrderAsync(slug));

        // Taken out: the record stays in the archive, out of the collection's search and page.
        await ExpectDoneAsync(editor, page, "Remove", new() { ["selected"] = ids["002"].ToString(System.Globalization.CultureInfo.InvariantCulture) }, "1 record taken out of the collection.");
        await archive.CatchUpAsync();
        Assert.Equal(3, (await archive.GetJsonAsync($"/api/search?collection={slug}"))["total"]!.GetValue<int>());
        Assert.DoesNotContain($"/collections/{slug}", await visitor.GetStringAsync($"/documents/{ids["002"]}"), StringComparison.Ordinal);

        // Staff-only again: gone for visitors at once, the search's facet included, before the index has followed.
        await ExpectDoneAsync(editor, page, "Describe", new() { ["title"] = "Cuba, 1962–1964", ["description"] = "" }, "Saved.");
        Assert.Equal(HttpStatusCode.NotFound, (await visitor.GetAsync($"/collections/{slug}")).StatusCode);
        Assert.False((await archive.GetJsonAsync("/api/search"))["facets"]!["collection"]!.AsArray().Any());
        Assert.Equal(0, (await archive.GetJsonAsync($"/api/search?collection={slug}"))["total"]!.GetValue<int>());
        Assert.DoesNotContain("Cuba, 1962–1964", await visitor.GetStringAsync("/search"), StringComparison.Ordinal);
        Assert.DoesNotContain(await SetSpecsAsync(), s => s.StartsWith("collection:", StringComparison.Ordinal));
        await archive.CatchUpAsync();
        Assert.Equal(0, (await archive.GetJsonAsync($"/api/search?collection={slug}"))["total"]!.GetValue<int>());

        // Deleted, once confirmed; its records stay.
        await ExpectProblemAsync(editor, page, "Delete", [], "Tick the box");
        using (var deleted = await PostAsync(editor, page, "Delete", new() { ["confirm"] = "true" }))
            Assert.Equal("/editor/collections", deleted.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync($"/documents/{ids["001"]}")).StatusCode);
        var audit = await editor.GetStringAsync("/editor/audit");
        foreach (var what in new[] { "collection created", "collection changed", "collection deleted", $"{slug}: made public", $"{slug}: 1 record removed" })
            Assert.Contains(what, audit, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Collections_are_named_once_and_ordered_and_only_editors_change_them()
    {
        using var editor = await archive.SignInAsync("editor@archive.test", Password);
        var first = (await PostAsync(editor, "/editor/collections", "Create", new() { ["Title"] = "Berlin" })).Headers.Location!.OriginalString;
        var second = (await PostAsync(editor, "/editor/collections", "Create", new() { ["Title"] = "Berlin" })).Headers.Location!.OriginalString;
        Assert.Contains("<code>berlin-2</code>", await editor.GetStringAsync(second), StringComparison.Ordinal);
        await ExpectProblemAsync(editor, "/editor/collections", "Create", new() { ["Title"] = "Other", ["Slug"] = "berlin" }, "another collection is named");
        await ExpectProblemAsync(editor, "/editor/collections", "Create", new() { ["Title"] = "Other", ["Slug"] = "two words" }, "cannot name a collection");
        await ExpectProblemAsync(editor, "/editor/collections", "Create", new() { ["Title"] = "  " }, "needs a title");
        var given = (await PostAsync(editor, "/editor/collections", "Create", new() { ["Title"] = "Cuba", ["Slug"] = "Cuba_1962.v1" })).Headers.Location!.OriginalString;
        foreach (var page in new[] { first, second, given })
            await ExpectDoneAsync(editor, page, "Describe", new() { ["title"] = "Collection " + page[^1..], ["isPublic"] = "true" }, "Saved.");
        Assert.Equal(["berlin", "berlin-2", "Cuba_1962.v1"], await PublicSlugsAsync());

        var id = given["/editor/collections/".Length..];
        using (await PostAsync(editor, "/editor/collections", "Move", new() { ["id"] = id, ["by"] = "-1" })) { }
        Assert.Equal(["berlin", "Cuba_1962.v1", "berlin-2"], await PublicSlugsAsync());
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync("/collections/Cuba_1962.v1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await archive.Client.GetAsync("/feeds/collections/Cuba_1962.v1.atom")).StatusCode);

        // Bad requests of the API are problems.
        using var badPage = await archive.Client.GetAsync("/api/collections/berlin?page=0&size=501");
        Assert.Equal(HttpStatusCode.BadRequest, badPage.StatusCode);
        var problem = JsonNode.Parse(await badPage.Content.ReadAsStringAsync())!;
        Assert.NotNull(problem["errors"]!["page"]);
        Assert.NotNull(problem["errors"]!["size"]);
        Assert.Equal("application/problem+json", badPage.Content.Headers.ContentType!.MediaType);

        using var contributor = await archive.SignInAsync("contributor@archive.test", Password);
        using (var denied = await contributor.GetAsync("/editor/collections"))
            Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        var token = Forms.Token(await contributor.GetStringAsync("/editor"));
        using (var denied = await contributor.PostAsync(first + "?handler=Delete", Forms.Content(token, new() { ["confirm"] = "true" })))
            Assert.StartsWith("/account/denied", denied.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        using var visitor = archive.NewClient();
        using (var signIn = await visitor.GetAsync(first))
            Assert.StartsWith("/account/sign-in", signIn.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(3, (await PublicSlugsAsync()).Count);
    }

    private async Task<List<string>> PublicSlugsAsync() =>
        [.. (await archive.GetJsonAsync("/api/collections"))["collections"]!.AsArray().Select(c => (string)c!["slug"]!)];

    private async Task<List<int>> PublicOrderAsync(string slug) =>
        [.. (await archive.GetJsonAsync($"/api/collections/{slug}"))["records"]!.AsArray().Select(r => (int)r!["id"]!)];

    private static async Task<List<int>> StaffOrderAsync(HttpClient editor, string page)
    {
        var document = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync(page));
        return [.. document.QuerySelectorAll("input[name=selected]").Select(i => int.Parse(i.GetAttribute("value")!, System.Globalization.CultureInfo.InvariantCulture))];
    }

    private string Identifier(int id) => "oai:dossier.local:" + id;

    private async Task<XDocument> OaiAsync(string query) => OaiValidation.Validate(await archive.Client.GetStringAsync("/oai?" + query));

    private async Task<List<string>> SetSpecsAsync() => [.. (await OaiAsync("verb=ListSets")).Descendants(O + "setSpec").Select(s => s.Value)];

    /// <summary>Sends a form of a page, as the browser would (with the page's token).</summary>
    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields)
    {
        var token = Forms.Token(await client.GetStringAsync(page));
        return await client.PostAsync($"{page}?handler={handler}", Forms.Content(token, fields));
    }

    private static async Task ExpectDoneAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields, string done)
    {
        using var response = await PostAsync(client, page, handler, fields);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var shown = await new HtmlParser().ParseDocumentAsync(await client.GetStringAsync(response.Headers.Location!.OriginalString));
        Assert.Equal(done, shown.QuerySelector("p.done[role=status]")?.TextContent);
    }

    private static async Task ExpectProblemAsync(HttpClient client, string page, string handler, Dictionary<string, string> fields, string problem)
    {
        using var response = await PostAsync(client, page, handler, fields);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var alert = (await new HtmlParser().ParseDocumentAsync(await response.Content.ReadAsStringAsync())).QuerySelector("[role=alert]");
        Assert.True(alert is not null, $"{handler}: no problem shown");
        Assert.Contains(problem, alert.TextContent, StringComparison.Ordinal);
    }
}

public sealed class CollectionsTestsOnSqlite() : CollectionsTests(Provider.Sqlite);

public sealed class CollectionsTestsOnPostgres() : CollectionsTests(Provider.Postgres);
