using AngleSharp.Html.Parser;
using Dossier.Core.Tests.Fixtures;

namespace Dossier.Tests;

/// <summary>
/// What a new user does: the five page captures imported, then the Office of the Historian's persons (in the fixtures,
/// those whose surnames the gold set's documents write, tests/Fixtures/mention-gold) with the places and organizations.
/// A reader of the five pages finds Khrushchev in four, Castro in four, Guevara in four (once as "Эрнетсо Гевара"),
/// Dorticós in two and Mikoyan in one: the finder links the same, and the people pages count them.
/// </summary>
public sealed class ReaderLinksTests : IAsyncLifetime
{
    private ArchiveHost archive = null!;

    public async Task InitializeAsync()
    {
        archive = await ArchiveHost.StartAsync(Provider.Sqlite);
        Assert.Equal(5, (await archive.ImportAsync(Fixture.Path("archive-pages"))).Imported);
        var report = await archive.ImportAuthorityFilesAsync(Fixture.Path("mention-gold", "people.csv"), Fixture.Path("mention-gold", "places-and-organizations.csv"));
        Assert.Empty(report.Failures);
        // Then the archive's records are read for their names, as the command does after an import.
        await archive.FindMentionsAsync();
        await archive.CatchUpAsync();
    }

    public async Task DisposeAsync()
    {
        if (archive is not null) await archive.DisposeAsync();
    }

    [Theory]
    [InlineData("Khrushchev", "Khrushchev, Nikita Sergeyevich", new[] { "000", "002", "003", "004" })]
    [InlineData("Castro", "Castro, Fidel", new[] { "000", "001", "002", "004" })]
    [InlineData("Guevara", "Guevara de la Serna, Ernesto (“Che”)", new[] { "000", "001", "003", "004" })]
    [InlineData("Dorticos", "Dorticós Torrado, Osvaldo", new[] { "000", "001" })]
    [InlineData("Mikoyan", "Mikoyan, Anastas Ivanovich", new[] { "004" })]
    public async Task Each_person_is_found_in_the_records_a_reader_finds_them_in(string query, string person, string[] captures)
    {
        var ids = await archive.IdsOfCapturesAsync();
        var expected = captures.Select(c => ids[c]).Order().ToList();

        var found = await archive.GetJsonAsync("/api/search?size=50&q=" + Uri.EscapeDataString("person:" + query));
        Assert.Equal(expected, found["hits"]!.AsArray().Select(h => (int)h!["id"]!).Order());

        var authority = (await archive.GetJsonAsync("/api/people?q=" + Uri.EscapeDataString(person)))["items"]!.AsArray()
            .Single(p => (string)p!["name"]! == person)!;
        var id = (int)authority["id"]!;
        Assert.Equal(expected, (await archive.GetJsonAsync($"/api/search?size=50&person={id}"))["hits"]!.AsArray().Select(h => (int)h!["id"]!).Order());
        var page = await new HtmlParser().ParseDocumentAsync(await archive.Client.GetStringAsync($"/people/{id}"));
        var count = captures.Length == 1 ? "1 published record names" : $"{captures.Length} published records name";
        Assert.Contains($"{count} {person}", page.QuerySelector("#records p[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(captures.Length, page.QuerySelectorAll("#records ol.records li").Length);
    }
}
