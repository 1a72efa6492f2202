using Dossier.Core.Tests;

namespace Dossier.Tests;

/// <summary>
/// Judged queries: for each, the record a researcher means must be among the first three hits. Over the five
/// captures and the constructed records together, so that every query has competitors.
/// </summary>
public class RelevanceTests(RelevanceFixture fixture) : IClassFixture<RelevanceFixture>
{
    public static TheoryData<string, string> Judgements => new()
    {
        // The five captures, by what a reader remembers of them.
        { "Dorticos letter Mao", "000" },
        { "sugar Rodriguez Czechoslovakia", "000" },
        { "OAS Venezuelan complaint", "000" },
        { "TsKhSD 758", "000" },
        { "Kudryavtsev Ecuador", "001" },
        { "Arosemena", "001" },
        { "Inchaustegui report", "001" },
        { "Ленинской премии мира", "001" },
        { "Гуантанамо", "001" },
        { "Guantanamo", "001" },
        { "Chomon minister", "001" },
        { "Canada fruit plantations", "002" },
        { "Goulart Brazil", "002" },
        { "Vatican contacts", "002" },
        { "Hershberg Castro Canada", "002" },
        { "Guevara pro-Chinese", "003" },
        { "labor unions Guevara", "003" },
        { "\"Cuba Socialista\"", "003" },
        { "9127", "003" },
        { "ugly duckling", "004" },
        { "Malinovsky speech", "004" },
        { "177840", "004" },
        { "Mikoyan vacation", "004" },
        { "\"Soviet Army\"", "004" },
        { "trade memorandum irritation", "004" },
        // Constructed records: scripts, spellings, accents, stems.
        { "Хрущёв письмо", "R-KHRUSHCHEV" },
        { "Khrushchev letter presence", "E-KHRUSHCHEV" },
        { "Jelen Warsaw", "E-JELEN" },
        { "Sandor Hungarian", "E-SANDOR" },
        { "кубинского организаций", "R-CUBAN" },
        { "negotiate elections", "E-NEGOTIATE" },
        { "trade negotiations weeks", "E-NEGOTIATIONS" },
        { "Alexeyev reported", "E-ALEKSEYEV" },
        { "Alekseev беседе", "R-ALEKSEEV" },
    };

    [Theory]
    [MemberData(nameof(Judgements))]
    public async Task The_meant_record_is_in_the_first_three(string query, string expected)
    {
        var results = await fixture.Archive.GetJsonAsync("/api/search?size=3&q=" + Uri.EscapeDataString(query));
        var top = results["hits"]!.AsArray().Select(h => h!["id"]!.GetValue<int>()).ToList();
        Assert.Contains(fixture.IdOf[expected], top);
    }
}

public sealed class RelevanceFixture : IAsyncLifetime
{
    public ArchiveHost Archive { get; private set; } = null!;
    public Dictionary<string, int> IdOf { get; } = [];

    public async Task InitializeAsync()
    {
        Archive = await ArchiveHost.StartAsync();
        await Archive.ImportAsync(Corpus.ArchivePages, await ConstructedRecords.WriteAsync());
        foreach (var (prefix, id) in await Archive.IdsOfCapturesAsync()) IdOf[prefix] = id;
        foreach (var (recordId, _, _) in ConstructedRecords.All) IdOf[recordId] = await Archive.IdOfRecordAsync(recordId);
    }

    public async Task DisposeAsync() => await Archive.DisposeAsync();
}
