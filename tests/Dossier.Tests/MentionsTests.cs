using System.Net;
using AngleSharp.Html.Parser;
using Dossier.Accounts;
using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>
/// Mentions through the real app on each provider: found as records are imported and edited, asserted (full names)
/// or proposed (surnames, initials, shared names); searched by person, place and organization; confirmed, rejected
/// and linked by editors, decisions surviving re-imports; authorities made, merged and split; name candidates; the
/// pictures and their figures; never a proposal or an unpublished record shown to a visitor.
/// </summary>
public abstract class MentionsTests(Provider provider) : IAsyncLifetime
{
    private ArchiveHost archive = null!;
    private Dictionary<string, int> ids = null!;
    private Dictionary<string, int> people = null!;
    private string folder = null!;

    public async Task InitializeAsync()
    {
        TestDatabases.Require(provider);
        archive = await ArchiveHost.StartAsync(provider);
        folder = TempDirectory.Create("mentions");
        Assert.Equal(7, (await archive.ImportAuthoritiesAsync("""
            id,kind,name,variants,birth,death,latitude,longitude
            1,person,"Khrushchev, Nikita Sergeyevich","Хрущёв, Никита Сергеевич; Khrushchov, Nikita",1894,1971,,
            2,person,"Castro, Fidel","Castro Ruz, Fidel; Кастро, Фидель",1926,2016,,
            3,person,"Guevara, Ernesto","Che Guevara; Гевара, Эрнесто",1928,1967,,
            4,person,"Dorticós Torrado, Osvaldo","Dorticos, Osvaldo; Дортикос, Освальдо",1919,1983,,
            5,person,"Kennedy, John Fitzgerald","Kennedy, John F",1917,1963,,
            6,person,"Kennedy, Robert Francis",,1925,1968,,
            7,place,Havana,"La Habana; Гавана",,,23.1136,-82.3666
            """)).Imported);
        // Authorities first, records after: the import finds their mentions as it writes them.
        Assert.Equal(5, (await archive.ImportAsync(Corpus.ArchivePages)).Imported);
        ids = await archive.IdsOfCapturesAsync();
        people = [];
        foreach (var name in new[] { "Khrushchev", "Castro", "Guevara", "Dorticós", "Havana" })
        {
            var kind = name == "Havana" ? "places" : "people";
            people[name] = (int)(await archive.GetJsonAsync($"/api/{kind}?q=" + Uri.EscapeDataString(name)))["items"]![0]!["id"]!;
        }
        await archive.CreateUserAsync("editor@archive.test", ArchiveHost.StaffPassword, Roles.Editor);
    }

    public async Task DisposeAsync()
    {
        if (archive is not null) await archive.DisposeAsync();
    }

    private async Task<List<int>> SearchAsync(string query)
    {
        var found = await archive.GetJsonAsync("/api/search?size=100&" + query);
        return [.. found["hits"]!.AsArray().Select(h => (int)h!["id"]!).Order()];
    }

    [SkippableFact]
    public async Task Full_names_are_asserted_and_searched_by_person_place_and_name_in_any_script_and_proposals_are_for_editors_only()
    {
        // "Fidel Castro" in full: asserted in the four records that write it, in English and in Russian.
        var castro = people["Castro"];
        Assert.Equal(new[] { ids["000"], ids["001"], ids["002"], ids["004"] }.Order(), await SearchAsync($"person={castro}"));
        var document = await archive.GetJsonAsync($"/api/documents/{ids["002"]}");
        Assert.Contains(document["mentions"]!.AsArray(), m => (int)m!["id"]! == castro && (string)m["kind"]! == "person" && ((string)m["url"]!).EndsWith($"/people/{castro}", StringComparison.Ordinal));
        // "N. S. Khrushchev" (initials that fit the one Khrushchev) is asserted in the three records that write it; 002
        // writes "Khrushchev" alone, and this file says nothing of him but his life: a proposal, not searched, not shown
        // to visitors.
        var khrushchev = people["Khrushchev"];
        Assert.Equal(new[] { ids["000"], ids["003"], ids["004"] }.Order(), await SearchAsync($"person={khrushchev}"));
        Assert.DoesNotContain(document["mentions"]!.AsArray(), m => (int)m!["id"]! == khrushchev);
        Assert.Equal(3, (await archive.GetJsonAsync($"/api/people/{khrushchev}"))["records"]!.AsArray().Count);
        var proposed = await new HtmlParser().ParseDocumentAsync(await archive.NewClient().GetStringAsync($"/documents/{ids["002"]}"));
        Assert.DoesNotContain(proposed.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/people/{khrushchev}");

        // person: searches every name of the people a record names: the Russian name finds English records.
        Assert.Contains(ids["002"], await SearchAsync("q=" + Uri.EscapeDataString("person:Кастро")));
        Assert.Contains(ids["002"], await SearchAsync("q=" + Uri.EscapeDataString("person:\"Castro Ruz\"")));
        // The facet names people by their preferred names on the search page.
        var search = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/search?q=Cuba"));
        Assert.Contains(search.QuerySelectorAll("aside.facets a"), a => a.TextContent == "Castro, Fidel" && a.GetAttribute("href")!.Contains($"person={castro}", StringComparison.Ordinal));
        using (var bad = await archive.Client.GetAsync("/api/search?person=Castro"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
            Assert.Equal("application/problem+json", bad.Content.Headers.ContentType!.MediaType);
        }

        // A draft that names Castro in full is his mention for editors, nowhere for visitors.
        var draft = Path.Combine(folder, "draft.jsonl");
        await File.WriteAllTextAsync(draft, """{"recordId":"M-DRAFT","title":"Fidel Castro in Havana, a draft","date":"1959-01-08"}""" + "\n");
        await archive.ImportAsync(publish: false, draft);
        var draftId = await archive.IdOfRecordAsync("M-DRAFT");
        Assert.DoesNotContain(draftId, (await archive.GetJsonAsync($"/api/people/{castro}"))["records"]!.AsArray().Select(r => (int)r!));
        Assert.DoesNotContain(draftId, await SearchAsync($"person={castro}"));
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/people/{castro}"));
        Assert.Contains("4 published records name Castro, Fidel", page.QuerySelector("#records p[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(page.QuerySelectorAll("#records ol.records a"), a => a.TextContent.Contains("a draft", StringComparison.Ordinal));
        Assert.Null(page.QuerySelector("p.staff-links"));
        using var visitor = archive.NewClient();
        foreach (var staffOnly in new[] { "/editor/mentions", $"/editor/mentions?record={draftId}", "/editor/authorities/candidates", $"/editor/authorities/{castro}" })
            using (var refused = await visitor.GetAsync(staffOnly))
                Assert.StartsWith("/account/sign-in", refused.Headers.Location!.PathAndQuery, StringComparison.Ordinal);

        // The browse page counts published records only.
        var list = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/people?q=Castro"));
        Assert.Equal("4 records", list.QuerySelector("ol.authorities li .count")!.TextContent);
        // The place is named too ("Havana"), and its page has a map with its figures.
        Assert.Contains(ids["002"], await SearchAsync($"place={people["Havana"]}"));
        var havana = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/places/{people["Havana"]}"));
        Assert.NotNull(havana.QuerySelector("figure#map svg.map path.land"));
        Assert.Equal("Havana: 23.11° N, 82.37° W", havana.QuerySelector("figure#map svg a, figure#map svg g[role=img]")!.GetAttribute("aria-label"));
        var mapCsv = await archive.Client.GetStringAsync($"/places/{people["Havana"]}/map.csv");
        Assert.Equal($"id,name,latitude,longitude\r\n{people["Havana"]},Havana,23.1136,-82.3666\r\n", mapCsv);
    }

    [SkippableFact]
    public async Task A_withdrawn_record_leaves_every_count_list_picture_and_figure_of_the_people_it_names()
    {
        var castro = people["Castro"];
        var editor = await archive.SignInAsync("editor@archive.test", ArchiveHost.StaffPassword);
        var withdrawn = ids["004"];
        var token = Forms.Token(await editor.GetStringAsync($"/editor/records/{withdrawn}"));
        using (var step = await editor.PostAsync($"/editor/records/{withdrawn}?handler=Withdraw", Forms.Content(token, new() { ["reason"] = "Wrong folder" })))
            Assert.True(step.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{(int)step.StatusCode}");
        await archive.CatchUpAsync();

        Assert.DoesNotContain(withdrawn, await SearchAsync($"person={castro}"));
        Assert.DoesNotContain(withdrawn, (await archive.GetJsonAsync($"/api/people/{castro}"))["records"]!.AsArray().Select(r => (int)r!));
        Assert.Equal(3, (int)(await archive.GetJsonAsync($"/api/people/{castro}"))["recordCount"]!);
        var years = await archive.Client.GetStringAsync($"/people/{castro}/timeline.csv");
        Assert.Equal(3, years.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Sum(r => int.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture)));
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/people/{castro}"));
        Assert.DoesNotContain(page.QuerySelectorAll("#records ol.records a"), a => a.GetAttribute("href") == $"/documents/{withdrawn}");
        // Guevara is named with Castro in 000 ("E. Guevara", "F. Castro") and in the withdrawn record: the network and
        // its figures count what a visitor may read, so one record is left of the two.
        var edges = await archive.Client.GetStringAsync($"/people/{castro}/network.csv");
        Assert.Contains($"{castro},\"Castro, Fidel\",{people["Guevara"]},\"Guevara, Ernesto\",1\r\n", edges, StringComparison.Ordinal);
        Assert.Equal("Guevara, E. (Guevara, Ernesto): named with Castro, Fidel in 1 record",
            page.QuerySelector($"figure#network a[href='/people/{people["Guevara"]}']")!.GetAttribute("aria-label"));
        var list = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/people?sort=records"));
        Assert.Equal("Castro, Fidel", list.QuerySelector("ol.authorities li a")!.TextContent);
        Assert.Equal("3 records", list.QuerySelector("ol.authorities li .count")!.TextContent);
        using (var gone = await archive.Client.GetAsync($"/api/documents/{withdrawn}"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    [SkippableFact]
    public async Task The_pictures_show_records_over_time_and_the_people_named_together_with_their_figures()
    {
        var castro = people["Castro"];
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/people/{castro}"));
        var timeline = page.QuerySelector("figure#timeline")!;
        Assert.NotNull(timeline.QuerySelector("svg[role=group][aria-labelledby=timeline-caption]"));
        var years = await archive.Client.GetStringAsync($"/people/{castro}/timeline.csv");
        Assert.StartsWith("year,records\r\n", years, StringComparison.Ordinal);
        var rows = years.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(r => r.Split(',')).ToList();
        Assert.Equal(4, rows.Sum(r => int.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        // Each year with records is a bar that leads to that year's records, and a row of the table.
        foreach (var row in rows)
        {
            var bar = timeline.QuerySelector($"svg a[aria-label^='{row[0]}:']")!;
            Assert.Equal($"/people/{castro}?year={row[0]}#records", bar.GetAttribute("href"));
            Assert.Contains(timeline.QuerySelectorAll("details table tbody tr"), tr => tr.QuerySelector("th")!.TextContent == row[0] && tr.QuerySelector("td")!.TextContent == row[1]);
        }
        var ofYear = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/people/{castro}?year={rows[0][0]}"));
        Assert.Equal(int.Parse(rows[0][1], System.Globalization.CultureInfo.InvariantCulture), ofYear.QuerySelectorAll("#records ol.records li").Length);

        // Guevara and Dorticós are named in full with Castro: the network links them, its CSV has every edge.
        var network = page.QuerySelector("figure#network")!;
        var guevara = network.QuerySelector($"svg a[href='/people/{people["Guevara"]}']")!;
        // Named with Castro in two published records: in full in 004, by initials in 000 ("E. Guevara", "F. Castro").
        Assert.Equal("Guevara, E. (Guevara, Ernesto): named with Castro, Fidel in 2 records", guevara.GetAttribute("aria-label"));
        Assert.Equal("Guevara, E.", guevara.QuerySelector("text")!.TextContent);
        var edges = await archive.Client.GetStringAsync($"/people/{castro}/network.csv");
        Assert.StartsWith("source_id,source,target_id,target,records\r\n", edges, StringComparison.Ordinal);
        Assert.Contains($"{castro},\"Castro, Fidel\",{people["Guevara"]},\"Guevara, Ernesto\",2\r\n", edges, StringComparison.Ordinal);

        // The search page draws what it finds over time; a bar narrows the search to its period; the figures as CSV.
        var search = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync("/search?q=Castro"));
        var bars = search.QuerySelectorAll("figure#timeline svg a");
        Assert.NotEmpty(bars);
        var first = bars[0].GetAttribute("href")!;
        Assert.Matches(@"^/search\?q=Castro&from=(\d{4}(-\d\d)?)&to=\1$", first);
        var narrowed = await archive.GetJsonAsync("/api/search" + first[7..]);
        Assert.Equal(int.Parse(bars[0].GetAttribute("aria-label")!.Split(": ")[1].Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture), (int)narrowed["total"]!);
        var csv = await archive.Client.GetStringAsync(search.QuerySelector("figure#timeline a[download]")!.GetAttribute("href")!);
        Assert.Matches(@"^(year|month),records\r\n", csv);
        var json = await archive.GetJsonAsync("/api/search/timeline?q=Castro");
        Assert.Equal((int)(await archive.GetJsonAsync("/api/search?q=Castro"))["total"]!, json["periods"]!.AsArray().Sum(p => (int)p!["records"]!));
        using (var bad = await archive.Client.GetAsync("/api/search/timeline?format=xls"))
            Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [SkippableFact]
    public async Task Editors_confirm_reject_and_link_and_their_decisions_survive_re_imports()
    {
        var editor = await archive.SignInAsync("editor@archive.test", ArchiveHost.StaffPassword);
        var khrushchev = people["Khrushchev"];
        var record = Path.Combine(folder, "letter.jsonl");
        await File.WriteAllTextAsync(record, """{"recordId":"M-1","title":"Letter from Moscow","date":"1962-10-26","summary":"Khrushchev writes about Kennedy."}""" + "\n");
        await archive.ImportAsync(record);
        var letter = await archive.IdOfRecordAsync("M-1");

        // The record's names: Khrushchev by his surname alone (probable: this file says nothing of his years at work, and
        // the text names him nowhere else), Kennedy (two Kennedys: ambiguous, both proposed).
        var names = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={letter}"));
        var rows = names.QuerySelectorAll("#mentions tbody tr");
        Assert.Equal(3, rows.Length);
        Assert.Contains(rows, r => r.TextContent.Contains("Khrushchev, Nikita Sergeyevich", StringComparison.Ordinal) && r.TextContent.Contains("one authority bears these words", StringComparison.Ordinal));
        Assert.Equal(2, rows.Count(r => r.TextContent.Contains("several authorities bear these words", StringComparison.Ordinal)));
        // Each says how sure the finder is, and why.
        Assert.Matches(@"how sure: 0\.\d\d \(surname alone, alive in 1962, the only bearer of the record's time\)", RowOf(names, "Khrushchev").TextContent);
        var proposals = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?authority={khrushchev}"));
        Assert.Contains(proposals.QuerySelectorAll("#mentions tbody tr"), r => r.TextContent.Contains("Letter from Moscow", StringComparison.Ordinal));

        await DecideAsync(editor, letter, RowOf(names, "Khrushchev"), "Confirm");
        await DecideAsync(editor, letter, RowOf(names, "Kennedy, Robert"), "Reject");
        await archive.CatchUpAsync();
        Assert.Contains(letter, await SearchAsync($"person={khrushchev}"));
        var record1 = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/documents/{letter}"));
        Assert.Contains(record1.QuerySelectorAll("aside.information dd a"), a => a.TextContent == "Khrushchev, Nikita Sergeyevich");

        // Linked by hand: Havana, which the text does not name.
        var found = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={letter}&find=" + Uri.EscapeDataString("Гавана")));
        var token = Forms.Token(found.DocumentElement.OuterHtml);
        using (var linked = await editor.PostAsync($"/editor/mentions?handler=Link", Forms.Content(token, new() { ["record"] = $"{letter}", ["linked"] = $"{people["Havana"]}" })))
            Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);

        // A link by hand reopened is a proposal like any other: the text does not name Havana.
        await archive.CatchUpAsync();
        Assert.Contains(letter, await SearchAsync($"place={people["Havana"]}"));
        var linkedRows = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={letter}"));
        await DecideAsync(editor, letter, RowOf(linkedRows, "Havana"), "Reopen");
        await archive.CatchUpAsync();
        Assert.DoesNotContain(letter, await SearchAsync($"place={people["Havana"]}"));
        linkedRows = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={letter}"));
        await DecideAsync(editor, letter, RowOf(linkedRows, "Havana"), "Confirm");

        // Imported again with more text: the editors' decisions stand, the new full name is found.
        await File.WriteAllTextAsync(record, """{"recordId":"M-1","title":"Letter from Moscow","date":"1962-10-26","summary":"Khrushchev writes about Kennedy and about Fidel Castro."}""" + "\n");
        Assert.Equal(1, (await archive.ImportAsync(record)).Updated);
        Assert.Contains(letter, await SearchAsync($"person={khrushchev}"));
        Assert.Contains(letter, await SearchAsync($"place={people["Havana"]}"));
        Assert.Contains(letter, await SearchAsync($"person={people["Castro"]}"));
        var after = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={letter}"));
        Assert.Contains("rejected by editor@archive.test", RowOf(after, "Kennedy, Robert").TextContent, StringComparison.Ordinal);
        Assert.Contains("confirmed by editor@archive.test", RowOf(after, "Khrushchev").TextContent, StringComparison.Ordinal);

        // Reopened, a confirmation is a proposal again and leaves search.
        await DecideAsync(editor, letter, RowOf(after, "Khrushchev"), "Reopen");
        await archive.CatchUpAsync();
        Assert.DoesNotContain(letter, await SearchAsync($"person={khrushchev}"));
        var audit = await editor.GetStringAsync("/editor/audit");
        Assert.Contains("mention confirmed", audit, StringComparison.Ordinal);
        Assert.Contains("mention rejected", audit, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Editors_make_merge_and_split_authorities_and_describe_recurring_names()
    {
        var editor = await archive.SignInAsync("editor@archive.test", ArchiveHost.StaffPassword);
        var file = Path.Combine(folder, "roa.jsonl");
        await File.WriteAllTextAsync(file, string.Join('\n', Enumerable.Range(1, 3).Select(i =>
            $$"""{"recordId":"ROA-{{i}}","title":"Conversation {{i}}","date":"1962-0{{i}}-01","summary":"Raúl Roa spoke with the Ambassador."}""")) + "\n");
        await archive.ImportAsync(file);

        // "Raúl Roa" recurs (in these three records, and as "Raul Roa" in a capture) and no authority bears it: a
        // candidate, as are other recurring names of the captures ("Latin America"), until dismissed.
        var candidates = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync("/editor/authorities/candidates"));
        AngleSharp.Dom.IElement Candidate(AngleSharp.Dom.IDocument page, string key) =>
            page.QuerySelectorAll("table tbody tr").Single(r => r.QuerySelector("input[name=key]")!.GetAttribute("value") == key);
        var roa = Candidate(candidates, "raul roa");
        Assert.Equal("4", roa.QuerySelector("td")!.TextContent);
        var written = roa.QuerySelector("th")!.FirstChild!.TextContent.Trim();
        var describe = roa.QuerySelector("a[href*='kind=person']")!.GetAttribute("href")!;
        using (var dismissed = await editor.PostAsync("/editor/authorities/candidates?handler=Dismiss",
                   Forms.Content(Forms.Token(candidates.DocumentElement.OuterHtml), new() { ["key"] = "latin amerika" })))
            Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        candidates = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync("/editor/authorities/candidates"));
        Assert.DoesNotContain(candidates.QuerySelectorAll("input[name=key]"), i => i.GetAttribute("value") == "latin amerika");

        // Described as a person: made, its mentions found at once in the three records.
        var form = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync(describe));
        Assert.Equal(written, form.QuerySelector("#preferred")!.GetAttribute("value"));
        var token = Forms.Token(form.DocumentElement.OuterHtml);
        using var made = await editor.PostAsync("/editor/authorities/new?handler=Save", Forms.Content(token, new()
        {
            ["Form.Kind"] = "Person",
            ["Form.PreferredName"] = "Roa García, Raúl",
            ["Form.Variants"] = "Raúl Roa\nРауль Роа\nRaul Roa",
            ["Form.BirthYear"] = "1907",
            ["Form.DeathYear"] = "1982",
        }));
        Assert.Equal(HttpStatusCode.Redirect, made.StatusCode);
        var roaId = int.Parse(made.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await archive.CatchUpAsync();
        Assert.Equal(4, (await SearchAsync($"person={roaId}")).Count);
        candidates = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync("/editor/authorities/candidates"));
        Assert.DoesNotContain(candidates.QuerySelectorAll("input[name=key]"), i => i.GetAttribute("value") == "raul roa");

        // A bad form is an editor's message, and nothing changes.
        token = Forms.Token(await editor.GetStringAsync($"/editor/authorities/{roaId}"));
        using (var bad = await editor.PostAsync($"/editor/authorities/{roaId}?handler=Save", Forms.Content(token, new() { ["Form.Kind"] = "Person", ["Form.PreferredName"] = "Roa, Raúl", ["Form.BirthYear"] = "1990", ["Form.DeathYear"] = "1982" })))
        {
            var shown = await new HtmlParser().ParseDocumentAsync(await bad.Content.ReadAsStringAsync());
            Assert.Equal("the year of death comes before the year of birth", shown.QuerySelector("p.problem[role=alert]")!.TextContent);
        }

        // A second Castro, made by mistake: "Fidel Castro" now names two people, so the records that write it only
        // propose both (Castro is no longer asserted there). Merged into the first, his mentions join Castro's in the
        // same records, "Fidel Castro" is Castro's alone again, and his address leads on.
        var castro = people["Castro"];
        token = Forms.Token(await editor.GetStringAsync("/editor/authorities/new"));
        using var duplicate = await editor.PostAsync("/editor/authorities/new?handler=Save", Forms.Content(token, new() { ["Form.Kind"] = "Person", ["Form.PreferredName"] = "Castro, F.", ["Form.Variants"] = "Fidel Castro\nFidel Alejandro Castro" }));
        Assert.Equal(HttpStatusCode.Redirect, duplicate.StatusCode);
        var duplicateId = int.Parse(duplicate.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        await archive.CatchUpAsync();
        // 004 writes only "Fidel Castro" (002 also "Fidel Castro Ruz", his alone).
        Assert.DoesNotContain(ids["004"], await SearchAsync($"person={castro}"));
        Assert.Contains(ids["002"], await SearchAsync($"person={castro}"));
        var both = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={ids["004"]}"));
        Assert.Contains("several authorities bear these words", RowOf(both, "Castro, F.").TextContent, StringComparison.Ordinal);
        token = Forms.Token(await editor.GetStringAsync($"/editor/authorities/{castro}"));
        using (var merged = await editor.PostAsync($"/editor/authorities/{castro}?handler=Merge", Forms.Content(token, new() { ["from"] = $"{duplicateId}" })))
            Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        using (var moved = await archive.NewClient().GetAsync($"/people/{duplicateId}"))
        {
            Assert.Equal(HttpStatusCode.MovedPermanently, moved.StatusCode);
            Assert.Equal($"/people/{castro}", moved.Headers.Location!.OriginalString);
        }
        Assert.Contains("Fidel Alejandro Castro", (await archive.GetJsonAsync($"/api/people/{castro}"))["variants"]!.AsArray().Select(v => (string)v!));
        using (var api = await archive.NewClient().GetAsync($"/api/people/{duplicateId}"))
            Assert.Equal((HttpStatusCode.MovedPermanently, $"/api/people/{castro}"), (api.StatusCode, api.Headers.Location!.OriginalString));
        await archive.CatchUpAsync();
        Assert.Equal(new[] { ids["000"], ids["001"], ids["002"], ids["004"] }.Order(), (await SearchAsync($"person={castro}")).Where(id => ids.ContainsValue(id)));
        var afterMerge = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/mentions?record={ids["004"]}"));
        Assert.StartsWith("found: sure", RowOf(afterMerge, "Castro, Fidel").QuerySelectorAll("td")[2].TextContent.Trim(), StringComparison.Ordinal);
        token = Forms.Token(await editor.GetStringAsync($"/editor/authorities/{castro}"));
        using (var self = await editor.PostAsync($"/editor/authorities/{castro}?handler=Merge", Forms.Content(token, new() { ["from"] = $"{castro}" })))
            Assert.Contains("cannot be merged into itself", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        // Che Guevara is split off Guevara (as if two people): the new authority has the name, the old keeps the rest,
        // and the records that name Guevara are no longer found by the name taken from him.
        await archive.CatchUpAsync();
        Assert.Contains(ids["003"], await SearchAsync("q=" + Uri.EscapeDataString("person:\"Che Guevara\"")));
        var guevara = await new HtmlParser().ParseDocumentAsync(await editor.GetStringAsync($"/editor/authorities/{people["Guevara"]}"));
        var che = guevara.QuerySelectorAll("form input[name=names]").Single(i => i.ParentElement!.TextContent.Contains("Che Guevara", StringComparison.Ordinal)).GetAttribute("value")!;
        token = Forms.Token(guevara.DocumentElement.OuterHtml);
        using var split = await editor.PostAsync($"/editor/authorities/{people["Guevara"]}?handler=Split", Forms.Content(token, new() { ["names"] = che }));
        Assert.Equal(HttpStatusCode.Redirect, split.StatusCode);
        var splitId = int.Parse(split.Headers.Location!.OriginalString.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal("Che Guevara", (string)(await archive.GetJsonAsync($"/api/people/{splitId}"))["name"]!);
        Assert.DoesNotContain("Che Guevara", (await archive.GetJsonAsync($"/api/people/{people["Guevara"]}"))["variants"]!.AsArray().Select(v => (string)v!));
        await archive.CatchUpAsync();
        Assert.DoesNotContain(ids["003"], await SearchAsync("q=" + Uri.EscapeDataString("person:\"Che Guevara\"")));
        Assert.Contains(ids["003"], await SearchAsync($"person={people["Guevara"]}"));
    }

    private static AngleSharp.Dom.IElement RowOf(AngleSharp.Dom.IDocument page, string name) =>
        page.QuerySelectorAll("#mentions tbody tr").Single(r => r.QuerySelector("td a")!.TextContent.StartsWith(name, StringComparison.Ordinal));

    private static async Task DecideAsync(HttpClient editor, int record, AngleSharp.Dom.IElement row, string handler)
    {
        var mention = row.QuerySelector("input[name=mention]")!.GetAttribute("value")!;
        var token = Forms.Token(await editor.GetStringAsync($"/editor/mentions?record={record}"));
        using var response = await editor.PostAsync($"/editor/mentions?handler={handler}", Forms.Content(token, new() { ["mention"] = mention, ["record"] = $"{record}" }));
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{handler}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

public sealed class MentionsTestsOnSqlite() : MentionsTests(Provider.Sqlite);

public sealed class MentionsTestsOnPostgres() : MentionsTests(Provider.Postgres);
