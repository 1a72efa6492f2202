using Dossier.Records;
using Dossier.Search;

namespace Dossier.Tests;

/// <summary>
/// Facet counts are read from per-segment ordinals kept in memory. A real Lucene index with several segments, an
/// edited record (its old version deleted in an older segment) and a record of several languages must count as the
/// records stand now.
/// </summary>
public sealed class FacetCountingTests : IDisposable
{
    private readonly string folder = TempDirectory.Create("facet-counting");

    [Fact]
    public void Counts_follow_new_segments_edits_and_removals()
    {
        using var index = RecordIndex.Open(folder);
        index.Apply([Record(1, "Telegram", "en"), Record(2, "Telegram", "en", "ru"), Record(3, "Memorandum", "ru")], [], 1, commit: true);
        Assert.Equal([("Telegram", 2), ("Memorandum", 1)], Counts(index, "type"));
        Assert.Equal([("en", 2), ("ru", 2)], Counts(index, "language"));

        // A second segment, and an edit that deletes the first version from the first segment.
        index.Apply([Record(4, "Letter", "es"), Record(1, "Memorandum", "en")], [], 2, commit: true);
        Assert.Equal([("Memorandum", 2), ("Letter", 1), ("Telegram", 1)], Counts(index, "type"));
        Assert.Equal([("en", 2), ("ru", 2), ("es", 1)], Counts(index, "language"));

        index.Apply([], [2], 3, commit: true);
        Assert.Equal([("Memorandum", 2), ("Letter", 1)], Counts(index, "type"));
        Assert.Equal([("en", 1), ("es", 1), ("ru", 1)], Counts(index, "language"));

        // Narrowed by a word: only the records that have it are counted.
        var narrowed = index.Search(new SearchOptions("Lisbon"));
        Assert.Equal([("Memorandum", 1)], narrowed.Facets["type"].Select(v => (v.Value, v.Count)));
    }

    private static List<(string, int)> Counts(RecordIndex index, string facet) =>
        [.. index.Search(new SearchOptions(null)).Facets[facet].Select(v => (v.Value, v.Count))];

    private static ArchivalRecord Record(int id, string type, params string[] languages) => new()
    {
        Id = id,
        Title = id == 3 ? "A memorandum from Lisbon" : $"Record {id} from Vienna",
        Date = "1962-10-0" + id,
        Type = type,
        Languages = [.. languages],
        Status = PublicationStatus.Published,
    };

    public void Dispose() => TempDirectory.Delete(folder);
}
