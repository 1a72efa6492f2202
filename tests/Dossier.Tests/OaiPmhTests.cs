using System.Net;
using System.Xml.Linq;
using Dossier.Core.Tests;
using Dossier.Data;
using Dossier.Oai;
using Dossier.Records;
using Dossier.Search;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Dossier.Tests;

/// <summary>
/// The OAI-PMH data provider through the real app: every verb, every error condition, resumption across pages, sets,
/// dates, deleted records; each response checked against OAI-PMH.xsd and each record against its format's schema.
/// The archive holds the five captures (published), a draft and an embargoed record that were never published, and a
/// withdrawn and a deleted record that had been. Lists come two records (three headers) to a response.
/// </summary>
public abstract class OaiPmhTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : OaiArchiveFixture
{
    private static readonly XNamespace O = OaiValidation.Oai;
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace D = DossierRecordXml.Namespace;

    private ArchiveHost Archive => fixture.Archive;

    private string Identifier(int id) => "oai:dossier.local:" + id;

    private async Task<XDocument> GetAsync(string query)
    {
        using var response = await Archive.Client.GetAsync("/oai?" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType!.MediaType);
        return OaiValidation.Validate(await response.Content.ReadAsStringAsync());
    }

    private async Task AssertErrorAsync(string query, string code, bool echoesRequest = true)
    {
        var document = await GetAsync(query);
        var error = document.Root!.Element(O + "error");
        Assert.True(error is not null, $"{query}: no error in\n{document}");
        Assert.Equal(code, (string?)error.Attribute("code"));
        Assert.False(string.IsNullOrWhiteSpace(error.Value));
        var request = document.Root.Element(O + "request")!;
        Assert.EndsWith("/oai", request.Value, StringComparison.Ordinal);
        Assert.Equal(echoesRequest, request.HasAttributes);
    }

    private static List<string> Identifiers(XDocument document) =>
        [.. document.Descendants(O + "header").Select(h => h.Element(O + "identifier")!.Value)];

    [SkippableFact]
    public async Task Identify_describes_the_repository()
    {
        var identify = (await GetAsync("verb=Identify")).Root!.Element(O + "Identify")!;
        Assert.Equal("Dossier", identify.Element(O + "repositoryName")!.Value);
        Assert.Equal(new Uri(Archive.Address, "/oai").ToString(), identify.Element(O + "baseURL")!.Value);
        Assert.Equal("2.0", identify.Element(O + "protocolVersion")!.Value);
        Assert.Equal("persistent", identify.Element(O + "deletedRecord")!.Value);
        Assert.Equal("YYYY-MM-DDThh:mm:ssZ", identify.Element(O + "granularity")!.Value);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", identify.Element(O + "earliestDatestamp")!.Value);
    }

    [SkippableFact]
    public async Task ListMetadataFormats_offers_oai_dc_and_the_full_record_and_its_schema_is_served()
    {
        var formats = (await GetAsync("verb=ListMetadataFormats")).Descendants(O + "metadataPrefix").Select(p => p.Value);
        Assert.Equal(["oai_dc", "dossier"], formats);
        var forRecord = await GetAsync("verb=ListMetadataFormats&identifier=" + Identifier(fixture.IdOf["001"]));
        Assert.Equal(2, forRecord.Descendants(O + "metadataFormat").Count());
        var schema = forRecord.Descendants(O + "schema").Last().Value;
        Assert.Equal(DossierRecordXml.Schema(), await Archive.Client.GetStringAsync(schema));

        await AssertErrorAsync("verb=ListMetadataFormats&identifier=oai:dossier.local:999999", "idDoesNotExist");
        await AssertErrorAsync("verb=ListMetadataFormats&identifier=" + Identifier(fixture.IdOf["draft"]), "idDoesNotExist");
    }

    [SkippableFact]
    public async Task ListSets_gives_a_set_per_type_and_language()
    {
        var sets = (await GetAsync("verb=ListSets")).Descendants(O + "set")
            .ToDictionary(s => s.Element(O + "setSpec")!.Value, s => s.Element(O + "setName")!.Value);
        Assert.Equal("Type: Memorandum of Conversation", sets["type:memorandum-of-conversation"]);
        Assert.Equal("Language: Russian", sets["language:ru"]);
        Assert.Contains("type", sets.Keys);
        Assert.Contains("language", sets.Keys);
        // Nothing of the unpublished records names a set.
        Assert.DoesNotContain(sets, s => s.Key.Contains("secrettype", StringComparison.OrdinalIgnoreCase));
        await AssertErrorAsync("verb=ListSets&resumptionToken=abc", "badResumptionToken");
    }

    [SkippableFact]
    public async Task ListRecords_pages_through_every_published_record_and_the_deleted_ones()
    {
        var seen = new List<XElement>();
        var document = await GetAsync("verb=ListRecords&metadataPrefix=oai_dc");
        var cursor = 0;
        while (true)
        {
            var records = document.Descendants(O + "record").ToList();
            seen.AddRange(records);
            var token = document.Descendants(O + "resumptionToken").SingleOrDefault();
            Assert.NotNull(token);
            Assert.Equal(7, (int)token.Attribute("completeListSize")!);
            Assert.Equal(cursor, (int)token.Attribute("cursor")!);
            cursor += records.Count;
            if (token.Value.Length == 0) break;
            Assert.Equal(2, records.Count);
            document = await GetAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token.Value));
        }

        var byIdentifier = seen.ToDictionary(r => r.Element(O + "header")!.Element(O + "identifier")!.Value);
        Assert.Equal(7, byIdentifier.Count);
        foreach (var page in new[] { "000", "001", "002", "003", "004" })
        {
            var record = byIdentifier[Identifier(fixture.IdOf[page])];
            Assert.Null(record.Element(O + "header")!.Attribute("status"));
            Assert.NotEmpty(record.Descendants(Dc + "title").Single().Value);
        }
        foreach (var gone in new[] { "withdrawn", "deleted" })
        {
            var record = byIdentifier[Identifier(fixture.IdOf[gone])];
            Assert.Equal("deleted", (string?)record.Element(O + "header")!.Attribute("status"));
            Assert.Null(record.Element(O + "metadata"));
            Assert.Empty(record.Element(O + "header")!.Elements(O + "setSpec"));
        }
        Assert.DoesNotContain(Identifier(fixture.IdOf["draft"]), byIdentifier.Keys);
        Assert.DoesNotContain(Identifier(fixture.IdOf["embargoed"]), byIdentifier.Keys);
        Assert.DoesNotContain(OaiArchiveFixture.Secret, string.Concat(seen.Select(r => r.ToString())), StringComparison.OrdinalIgnoreCase);

        var dc = byIdentifier[Identifier(fixture.IdOf["001"])].Descendants(Dc + "source").Single();
        Assert.Equal("AVP RF, f. 0104, op. 18, p. 121, d. 3, ll. 196-202", dc.Value);
    }

    [SkippableFact]
    public async Task The_full_record_format_carries_every_field_and_the_transcripts()
    {
        var record = (await GetAsync($"verb=GetRecord&metadataPrefix=dossier&identifier={Identifier(fixture.IdOf["001"])}")).Descendants(D + "record").Single();
        var stored = await Archive.StoredRecordAsync(fixture.IdOf["001"]);
        var read = DossierRecordXml.Read(record);
        Assert.Equal(stored.Title, read.Title);
        Assert.Equal(stored.Date, read.Date);
        Assert.Equal(stored.Summary, read.Summary);
        Assert.Equal(stored.Classification, read.Classification);
        Assert.Equal(stored.Languages, read.Languages);
        Assert.Equal(stored.Source.Text, read.Source!.Text);
        Assert.Equal(stored.Source.Fond, read.Source.Fond);
        Assert.Equal(stored.Source.Papka, read.Source.Papka);
        Assert.Equal(stored.Provenance, read.Provenance);
        Assert.Equal(stored.Translators, read.Translators);
        Assert.Equal(stored.Donors, read.Donors);
        Assert.Equal(stored.Rights, read.Rights);
        Assert.Equal(stored.Repository, read.Repository);
        Assert.Equal(stored.Transcripts.OrderBy(t => t.Position).Select(t => (t.Language, t.Text)), read.Transcripts.Select(t => (t.Language, t.Text)));
        Assert.Equal(["type:memorandum-of-conversation", "language:en", "language:ru"],
            (await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(fixture.IdOf["002"])}")).Descendants(O + "setSpec").Select(s => s.Value).Where(s => s.StartsWith("type", StringComparison.Ordinal)).Concat(
            (await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(fixture.IdOf["001"])}")).Descendants(O + "setSpec").Select(s => s.Value)));
    }

    [SkippableFact]
    public async Task GetRecord_answers_deleted_records_with_their_header_and_never_shows_unpublished_ones()
    {
        var deleted = (await GetAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(fixture.IdOf["withdrawn"])}")).Descendants(O + "record").Single();
        Assert.Equal("deleted", (string?)deleted.Element(O + "header")!.Attribute("status"));
        Assert.Null(deleted.Element(O + "metadata"));
        await AssertErrorAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(fixture.IdOf["draft"])}", "idDoesNotExist");
        await AssertErrorAsync($"verb=GetRecord&metadataPrefix=oai_dc&identifier={Identifier(fixture.IdOf["embargoed"])}", "idDoesNotExist");
        await AssertErrorAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai:elsewhere.org:1", "idDoesNotExist");
        await AssertErrorAsync($"verb=GetRecord&metadataPrefix=marc21&identifier={Identifier(fixture.IdOf["001"])}", "cannotDisseminateFormat");
    }

    [SkippableFact]
    public async Task Sets_select_records_and_a_child_sets_records_are_in_its_parent()
    {
        Assert.Equal([Identifier(fixture.IdOf["001"])], Identifiers(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=language:ru")));
        Assert.Equal([.. new[] { "002", "004" }.Select(p => Identifier(fixture.IdOf[p])).Order()],
            Identifiers(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:memorandum-of-conversation")).Order());
        var typed = Identifiers(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type"));
        Assert.Contains(Identifier(fixture.IdOf["002"]), typed);
        Assert.DoesNotContain(Identifier(fixture.IdOf["000"]), typed); // a capture without a type
        await AssertErrorAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=type:no-such-type", "noRecordsMatch");
        await AssertErrorAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&set=a%20b", "badArgument", echoesRequest: false);
    }

    [SkippableFact]
    public async Task From_and_until_select_by_datestamp_to_the_second()
    {
        var headers = (await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc")).Descendants(O + "header").ToList();
        Assert.Equal(3, headers.Count);
        var stamp = headers[0].Element(O + "datestamp")!.Value;
        var first = Identifiers(await GetAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&from={stamp}&until={stamp}"));
        Assert.Contains(headers[0].Element(O + "identifier")!.Value, first);
        var day = stamp[..10];
        Assert.Contains(headers[0].Element(O + "identifier")!.Value, Identifiers(await GetAsync($"verb=ListIdentifiers&metadataPrefix=oai_dc&from={day}&until={day}")));

        await AssertErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2999-01-01", "noRecordsMatch");
        await AssertErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&until=1990-01-01T00:00:00Z", "noRecordsMatch");
        await AssertErrorAsync($"verb=ListRecords&metadataPrefix=oai_dc&from={day}&until={stamp}", "badArgument", echoesRequest: false);
        await AssertErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2002-02-30", "badArgument", echoesRequest: false);
        await AssertErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2002-02-01T12:00Z", "badArgument", echoesRequest: false);
        await AssertErrorAsync("verb=ListRecords&metadataPrefix=oai_dc&from=2005-01-01&until=2004-01-01", "badArgument", echoesRequest: false);
    }

    [SkippableTheory]
    [InlineData("", "badVerb")]
    [InlineData("verb=Harvest", "badVerb")]
    [InlineData("verb=Identify&verb=Identify", "badVerb")]
    [InlineData("verb=Identify&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListRecords", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&metadataPrefix=dossier", "badArgument")]
    [InlineData("verb=ListRecords&metadataPrefix=oai_dc&resumptionToken=abc", "badArgument")]
    [InlineData("verb=GetRecord&metadataPrefix=oai_dc", "badArgument")]
    [InlineData("verb=ListIdentifiers&metadataPrefix=oai_dc&sets=x", "badArgument")]
    public async Task A_bad_verb_or_argument_is_answered_with_its_error_and_an_unechoed_request(string query, string code) =>
        await AssertErrorAsync(query, code, echoesRequest: false);

    [SkippableFact]
    public async Task A_resumption_token_is_checked_and_belongs_to_its_verb()
    {
        await AssertErrorAsync("verb=ListRecords&resumptionToken=not-a-token", "badResumptionToken");
        await AssertErrorAsync("verb=ListIdentifiers&resumptionToken=" + new ResumptionToken("ListIdentifiers", "oai_dc", null, null, new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0, 0).Encode()[..10], "badResumptionToken");
        var token = (await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc")).Descendants(O + "resumptionToken").Single().Value;
        await AssertErrorAsync("verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token), "badResumptionToken");
        await AssertErrorAsync("verb=ListRecords&metadataPrefix=marc21", "cannotDisseminateFormat");
    }

    [SkippableFact]
    public async Task Odd_arguments_are_answered_in_valid_XML()
    {
        // A control character is echoed without it (XML cannot carry it); the last day there is does not overflow.
        await AssertErrorAsync("verb=GetRecord&metadataPrefix=oai_dc&identifier=oai%3Ax%01", "idDoesNotExist");
        Assert.NotEmpty(Identifiers(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&until=9999-12-31")));
        Assert.NotEmpty(Identifiers(await GetAsync("verb=ListIdentifiers&metadataPrefix=oai_dc&until=9999-12-31T23:59:59Z")));
        // A token's format and set are checked as the request's would be.
        var forged = new ResumptionToken("ListRecords", "marc21", null, null, new DateTime(2999, 1, 1, 0, 0, 0, DateTimeKind.Utc), 0, 0).Encode();
        await AssertErrorAsync("verb=ListRecords&resumptionToken=" + forged, "badResumptionToken");
    }

    [SkippableFact]
    public async Task A_harvester_may_POST_its_request()
    {
        using var response = await Archive.Client.PostAsync("/oai", new FormUrlEncodedContent([new("verb", "GetRecord"), new("metadataPrefix", "oai_dc"), new("identifier", Identifier(fixture.IdOf["003"]))]));
        var document = OaiValidation.Validate(await response.Content.ReadAsStringAsync());
        Assert.Equal(Identifier(fixture.IdOf["003"]), Identifiers(document).Single());
        Assert.Equal("GetRecord", (string?)document.Root!.Element(O + "request")!.Attribute("verb"));
    }
}

public abstract class OaiArchiveFixture(Provider provider) : SharedArchiveFixture(provider)
{
    public const string Secret = "Quillmorant";

    public sealed class OnSqlite() : OaiArchiveFixture(Provider.Sqlite);

    public sealed class OnPostgres() : OaiArchiveFixture(Provider.Postgres);

    protected override string[] Settings => ["--Dossier:Oai:RecordsPerResponse=2", "--Dossier:Oai:IdentifiersPerResponse=3"];

    protected override async Task FillAsync(ArchiveHost archive)
    {
        Assert.Equal(5, (await archive.ImportAsync(Corpus.ArchivePages)).Imported);
        foreach (var (prefix, id) in await archive.IdsOfCapturesAsync()) IdOf[prefix] = id;

        var file = Path.Combine(archive.DataDirectory, "unpublished.jsonl");
        string[] states = ["draft", "embargoed", "withdrawn", "deleted"];
        await File.WriteAllLinesAsync(file, states.Select(state => $$"""
            {"recordId":"{{Secret}}-{{state}}","title":"{{Secret}} {{state}}","type":"{{Secret}}type","languages":["de"],"transcripts":[{"language":"de","text":"{{Secret}}"}]}
            """));
        Assert.Equal(4, (await archive.ImportAsync(publish: false, file)).Imported);

        await using var scope = archive.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DossierDb>().WholeArchive();
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        foreach (var record in await db.Records.Where(r => r.RecordId!.StartsWith(Secret)).ToListAsync())
        {
            var state = record.RecordId![(Secret.Length + 1)..];
            IdOf[state] = record.Id;
            switch (state)
            {
                case "embargoed":
                    (record.Status, record.EmbargoUntil) = (PublicationStatus.Embargoed, new DateOnly(2999, 1, 1));
                    break;
                case "withdrawn":
                    (record.Status, record.PublishedAt, record.WithdrawalReason) = (PublicationStatus.Withdrawn, now.AddDays(-1), "a reason");
                    break;
                case "deleted":
                    (record.Status, record.PublishedAt, record.DeletedAt) = (PublicationStatus.Published, now.AddDays(-1), now);
                    break;
            }
            record.UpdatedAt = now;
            db.IndexingTasks.Add(IndexingTask.For(record.Id, now));
        }
        await db.SaveChangesAsync();
        await archive.CatchUpAsync();
        // Datestamps are to the second; the lists below are taken after the last change's second has passed.
        await Task.Delay(1100);
    }
}

public sealed class OaiPmhTestsOnSqlite(OaiArchiveFixture.OnSqlite fixture) : OaiPmhTests<OaiArchiveFixture.OnSqlite>(fixture);

public sealed class OaiPmhTestsOnPostgres(OaiArchiveFixture.OnPostgres fixture) : OaiPmhTests<OaiArchiveFixture.OnPostgres>(fixture);

/// <summary>A harvest's resumption token carries the whole list's place: it goes on after the server restarts.</summary>
public class OaiResumptionAcrossRestartTests
{
    private static readonly XNamespace O = OaiValidation.Oai;

    [Fact]
    public async Task A_harvest_goes_on_with_its_token_after_the_server_restarts()
    {
        var data = TempDirectory.Create("oai-restart");
        try
        {
            var (code, output) = await DossierProcess.RunAsync("import", Corpus.ArchivePages, "--publish", "--data", data);
            Assert.True(code == 0, output);
            string[] settings = ["--data", data, "--Dossier:Oai:RecordsPerResponse=2"];
            var harvested = new List<string>();
            string token;
            await using (var server = await ServerProcess.StartAsync(settings))
            {
                var first = OaiValidation.Validate(await server.Client.GetStringAsync("/oai?verb=ListRecords&metadataPrefix=dossier"));
                harvested.AddRange(first.Descendants(O + "identifier").Select(i => i.Value));
                token = first.Descendants(O + "resumptionToken").Single().Value;
                Assert.NotEmpty(token);
            }
            await using (var server = await ServerProcess.StartAsync(settings))
            {
                while (token.Length > 0)
                {
                    var page = OaiValidation.Validate(await server.Client.GetStringAsync("/oai?verb=ListRecords&resumptionToken=" + Uri.EscapeDataString(token)));
                    harvested.AddRange(page.Descendants(O + "identifier").Select(i => i.Value));
                    var next = page.Descendants(O + "resumptionToken").Single();
                    Assert.Equal(5, (int)next.Attribute("completeListSize")!);
                    token = next.Value;
                }
            }
            Assert.Equal(5, harvested.Count);
            Assert.Equal(5, harvested.Distinct().Count());
        }
        finally
        {
            TempDirectory.Delete(data);
        }
    }
}

/// <summary>An archive that offers no sets says so (noSetHierarchy) to ListSets and to a set argument.</summary>
public class OaiWithoutSetsTests
{
    private static readonly XNamespace O = OaiValidation.Oai;

    [Fact]
    public async Task ListSets_and_a_set_argument_answer_noSetHierarchy()
    {
        await using var archive = await ArchiveHost.StartAsync("--Dossier:Oai:Sets=false");
        await archive.ImportAsync(Corpus.Page("001"));
        foreach (var query in new[] { "verb=ListSets", "verb=ListIdentifiers&metadataPrefix=oai_dc&set=language:ru" })
        {
            var document = OaiValidation.Validate(await archive.Client.GetStringAsync("/oai?" + query));
            Assert.Equal("noSetHierarchy", (string?)document.Root!.Element(O + "error")!.Attribute("code"));
        }
        var record = OaiValidation.Validate(await archive.Client.GetStringAsync("/oai?verb=ListRecords&metadataPrefix=oai_dc"));
        Assert.Empty(record.Descendants(O + "setSpec"));
    }
}
