using Dossier.Records;
using Dossier.Search;

namespace Dossier.Tests;

/// <summary>
/// A search reads much from memory kept per index segment (which records are visible, the order of dates and
/// titles, facet ordinals) and reads its hits' snippets segment by segment in document order. A real index with
/// several segments, edited and withdrawn records must answer as the records stand now, and in the ranking's order.
/// </summary>
public sealed class IndexReadingTests : IDisposable
{
    private readonly string folder = TempDirectory.Create("index-reading");

    [Fact]
    public void Visibility_and_order_follow_new_segments_edits_and_withdrawals()
    {
        using var index = RecordIndex.Open(folder);
        index.Apply([Record(1, "Bravo", "1962-10-01"), Record(2, "Alpha", "1962-10-03"), Record(3, "Delta", "1962-10-02", published: false)], [], 1, commit: true);
        Assert.Equal([2, 1], Ids(index, SearchSort.DateDescending));

        // In a second segment: a new record, an edit that moves record 1 (its old version deleted from the first
        // segment) and the draft published.
        index.Apply([Record(4, "Charlie", "1962-09-30"), Record(1, "Echo", "1962-10-05"), Record(3, "Delta", "1962-10-02")], [], 2, commit: true);
        Assert.Equal([1, 2, 3, 4], Ids(index, SearchSort.DateDescending));
        Assert.Equal([4, 3, 2, 1], Ids(index, SearchSort.DateAscending));
        Assert.Equal([2, 4, 3, 1], Ids(index, SearchSort.Title));

        // Withdrawn: the record's visible version in an older segment is deleted, its new one hidden from visitors.
        index.Apply([Record(2, "Alpha", "1962-10-03", published: false)], [], 3, commit: true);
        Assert.Equal([1, 3, 4], Ids(index, SearchSort.DateDescending));
        Assert.Equal(3, index.Search(new SearchOptions("Lisbon")).Total);
        Assert.Equal([1, 2, 3, 4], Ids(index, SearchSort.DateDescending, staff: true));
    }

    [Fact]
    public void Each_hit_of_several_segments_has_the_snippet_of_its_own_text_in_the_ranking_order()
    {
        using var index = RecordIndex.Open(folder);
        var filler = string.Join(' ', Enumerable.Repeat("lorem ipsum", 40));
        // Record 1 says "embassy" once, record 2 three times, record 3 twice: ranked 2, 3, 1, indexed 1, 2, then 3
        // in a segment of its own.
        index.Apply([
            Record(1, "First", "1962-10-01", $"{filler} the embassy of record one {filler}"),
            Record(2, "Second", "1962-10-02", $"embassy two, embassy two, the embassy of record two {filler}"),
        ], [], 1, commit: true);
        index.Apply([Record(3, "Third", "1962-10-03", $"{filler} embassy three and the embassy of record three")], [], 2, commit: true);

        var results = index.Search(new SearchOptions("embassy"));
        Assert.Equal([2, 3, 1], results.Hits.Select(h => h.Id));
        foreach (var (hit, word) in results.Hits.Zip(["two", "three", "one"]))
        {
            Assert.Contains("<mark>embassy</mark>", hit.Snippet);
            Assert.Contains($"record {word}", hit.Snippet);
        }
        Assert.True(results.Hits[0].Score > results.Hits[1].Score && results.Hits[1].Score > results.Hits[2].Score);
    }

    private static List<int> Ids(RecordIndex index, SearchSort sort, bool staff = false) =>
        [.. index.Search(new SearchOptions("Lisbon") { Sort = sort, IncludeUnpublished = staff }).Hits.Select(h => h.Id)];

    private static ArchivalRecord Record(int id, string title, string date, string? transcript = null, bool published = true) => new()
    {
        Id = id,
        Title = $"{title}: a telegram from Lisbon",
        Date = date,
        Status = published ? PublicationStatus.Published : PublicationStatus.Draft,
        Transcripts = transcript is null ? [] : [new Transcript { Language = "en", Text = transcript, Position = 0 }],
    };

    public void Dispose() => TempDirectory.Delete(folder);
}
