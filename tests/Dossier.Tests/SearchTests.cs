using System.Text.Json.Nodes;

namespace Dossier.Tests;

/// <summary>Search across scripts, spellings, accents and word forms, over records built for the purpose.</summary>
public abstract class SearchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture> where TFixture : SearchArchiveFixture
{
    [SkippableTheory]
    // Latin finds Cyrillic and the other way round.
    [InlineData("Guantanamo", "R-GUANTANAMO")]
    [InlineData("Хрущев", "E-KHRUSHCHEV")]
    [InlineData("Хрущёв", "E-KHRUSHCHEV")]
    [InlineData("Khrushchev", "R-KHRUSHCHEV")]
    // Romanizations and accents.
    [InlineData("Khrushchov", "E-KHRUSHCHEV")]
    [InlineData("Alekseev", "E-ALEKSEYEV")]
    [InlineData("Alexeyev", "E-ALEKSEYEV")]
    [InlineData("Alekseyev", "R-ALEKSEEV")]
    [InlineData("Jelen", "E-JELEN")]
    [InlineData("Sandor", "E-SANDOR")]
    // Word forms: English and Russian stems; a Russian case form of a name.
    [InlineData("negotiate", "E-NEGOTIATIONS")]
    [InlineData("кубинского", "R-CUBAN")]
    [InlineData("Хрущева", "R-KHRUSHCHEV")]
    // Fuzzy and prefix queries for what folding leaves.
    [InlineData("Khrushcheff~", "E-KHRUSHCHEV")]
    [InlineData("Khrushch*", "E-KHRUSHCHEV")]
    public async Task The_query_finds_the_record(string query, string recordId)
    {
        var ids = await HitsAsync(query);
        Assert.Contains(fixture.IdOf[recordId], ids);
    }

    [SkippableFact]
    public async Task A_quoted_word_asks_for_that_form_only()
    {
        var stemmed = await HitsAsync("negotiate");
        Assert.Contains(fixture.IdOf["E-NEGOTIATE"], stemmed);
        Assert.Contains(fixture.IdOf["E-NEGOTIATIONS"], stemmed);

        var exact = await HitsAsync("\"negotiate\"");
        Assert.Contains(fixture.IdOf["E-NEGOTIATE"], exact);
        Assert.DoesNotContain(fixture.IdOf["E-NEGOTIATIONS"], exact);
    }

    [SkippableFact]
    public async Task Names_that_only_look_alike_stay_apart()
    {
        Assert.DoesNotContain(fixture.IdOf["E-KHRUSHCHEV"], await HitsAsync("Castro"));
        Assert.Empty(await HitsAsync("Kennedy Guantanamo"));
    }

    [SkippableFact]
    public async Task The_snippet_marks_the_word_in_the_script_it_is_written_in()
    {
        var results = await fixture.Archive.GetJsonAsync("/api/search?q=Guantanamo");
        var hit = results["hits"]!.AsArray().Single(h => h!["id"]!.GetValue<int>() == fixture.IdOf["R-GUANTANAMO"])!;
        Assert.Contains("<mark>Гуантанамо</mark>", hit["snippet"]!.GetValue<string>());

        var russian = await fixture.Archive.GetJsonAsync("/api/search?q=" + Uri.EscapeDataString("Хрущёв"));
        var english = russian["hits"]!.AsArray().Single(h => h!["id"]!.GetValue<int>() == fixture.IdOf["E-KHRUSHCHEV"])!;
        Assert.Contains("<mark>Khrushchev</mark>", english["snippet"]!.GetValue<string>());
    }

    private async Task<List<int>> HitsAsync(string query)
    {
        var results = await fixture.Archive.GetJsonAsync("/api/search?size=100&q=" + Uri.EscapeDataString(query));
        return results["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).ToList();
    }
}

/// <summary>The constructed records (their record numbers by Record ID), shared by tests that only read them.</summary>
public abstract class SearchArchiveFixture(Provider provider) : SharedArchiveFixture(provider)
{
    public sealed class OnSqlite() : SearchArchiveFixture(Provider.Sqlite);

    public sealed class OnPostgres() : SearchArchiveFixture(Provider.Postgres);

    protected override async Task FillAsync(ArchiveHost archive)
    {
        var report = await archive.ImportAsync(await ConstructedRecords.WriteAsync());
        Assert.Equal(ConstructedRecords.All.Length, report.Imported);
        foreach (var (recordId, _, _) in ConstructedRecords.All) IdOf[recordId] = await archive.IdOfRecordAsync(recordId);
    }
}

/// <summary>Short records built to test search: pairs across scripts, spellings, accents and word forms.</summary>
public static class ConstructedRecords
{
    public static readonly (string RecordId, string Language, string Text)[] All =
    [
        ("R-GUANTANAMO", "ru", "За последнее время в Гуантанамо высадилось 800 солдат морской пехоты."),
        ("E-KHRUSHCHEV", "en", "The letter of N. S. Khrushchev was read attentively in my presence."),
        ("R-KHRUSHCHEV", "ru", "Письмо Хрущева было прочитано в моем присутствии."),
        ("E-ALEKSEYEV", "en", "Ambassador Alekseyev reported on the conversation."),
        ("R-ALEKSEEV", "ru", "Посол Алексеев доложил о беседе."),
        ("E-JELEN", "en", "The talks with Jeleń were held in Warsaw."),
        ("E-SANDOR", "en", "Sándor spoke for the Hungarian side."),
        ("E-NEGOTIATIONS", "en", "The trade negotiations went on for weeks."),
        ("E-NEGOTIATE", "en", "They refused to negotiate before the elections."),
        ("R-CUBAN", "ru", "Представители кубинских организаций присутствовали на приеме."),
    ];


    /// <summary>Writes them as a JSON Lines file to import; each has its record ID in its title.</summary>
    public static async Task<string> WriteAsync()
    {
        var file = Path.Combine(TempDirectory.Create("constructed"), "records.jsonl");
        await File.WriteAllLinesAsync(file, All.Select(r => new JsonObject
        {
            ["recordId"] = r.RecordId,
            ["title"] = "Record " + r.RecordId.ToLowerInvariant(),
            ["date"] = "1963",
            ["transcripts"] = new JsonArray(new JsonObject { ["language"] = r.Language, ["text"] = r.Text }),
        }.ToJsonString()));
        return file;
    }
}

public sealed class SearchTestsOnSqlite(SearchArchiveFixture.OnSqlite fixture) : SearchTests<SearchArchiveFixture.OnSqlite>(fixture);

public sealed class SearchTestsOnPostgres(SearchArchiveFixture.OnPostgres fixture) : SearchTests<SearchArchiveFixture.OnPostgres>(fixture);
