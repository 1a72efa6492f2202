using Dossier.Curation;
using Dossier.Records;

namespace Dossier.Core.Tests.Curation;

public class RevisionTests
{
    private static ArchivalRecord Record() => new()
    {
        Title = "Memorandum of Conversation",
        Date = "1962-10-27",
        Summary = "Mikoyan and Castro.",
        Languages = ["en", "ru"],
        Transcripts = [new() { Language = "en", Text = "The translation.", Position = 0 }, new() { Language = "ru", Text = "Оригинал.", Position = 1 }],
    };

    [Fact]
    public void A_snapshot_survives_compression_whole()
    {
        var snapshot = RecordSnapshot.Of(Record());
        var read = RecordSnapshot.Read(snapshot.Compress());
        Assert.Equal(snapshot.Fields(), read.Fields());
        Assert.Contains(("Transcript (ru)", "Оригинал."), read.Fields());
    }

    [Fact]
    public void The_diff_names_the_fields_that_changed_and_nothing_else()
    {
        var before = Record();
        var after = Record();
        after.Summary = "Mikoyan and Castro, at length.";
        after.Transcripts.RemoveAt(1);
        after.Status = PublicationStatus.Published;

        var changes = RecordSnapshot.Diff(RecordSnapshot.Of(before), RecordSnapshot.Of(after));

        Assert.Equal(
            [
                new FieldChange("Summary", "Mikoyan and Castro.", "Mikoyan and Castro, at length."),
                new FieldChange("Transcript (ru)", "Оригинал.", ""),
                new FieldChange("State", "a draft", "published"),
            ],
            changes);
    }

    [Fact]
    public void Restoring_puts_back_the_description_and_transcripts_but_not_the_state()
    {
        var old = RecordSnapshot.Of(Record());
        var record = Record();
        record.Summary = "Changed.";
        record.Transcripts.Clear();
        record.Status = PublicationStatus.Published;

        old.RestoreInto(record);

        Assert.Equal("Mikoyan and Castro.", record.Summary);
        Assert.Equal(["en", "ru"], record.Transcripts.Select(t => t.Language));
        Assert.Equal(PublicationStatus.Published, record.Status);
    }
}
