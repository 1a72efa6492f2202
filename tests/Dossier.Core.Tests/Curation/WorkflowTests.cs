using Dossier.Curation;
using Dossier.Records;

namespace Dossier.Core.Tests.Curation;

public class WorkflowTests
{
    private static readonly DateTime Now = new(1991, 12, 25, 18, 0, 0, DateTimeKind.Utc);
    private static readonly Curator Editor = new("editor", IsEditor: true);
    private static readonly Curator Contributor = new("contributor", IsEditor: false);

    private static ArchivalRecord Draft(string? owner = null) => new() { Title = "A memorandum", OwnerId = owner };

    [Fact]
    public void A_contributor_submits_their_own_draft_and_nothing_more()
    {
        var own = Draft("contributor");
        Workflow.Submit(own, Contributor);
        Assert.Equal(PublicationStatus.InReview, own.Status);
        Assert.Contains("only a draft", Assert.Throws<WorkflowException>(() => Workflow.Submit(own, Contributor)).Message);

        Assert.Throws<WorkflowException>(() => Workflow.Submit(Draft("someone else"), Contributor));
        Assert.Contains("only an editor", Assert.Throws<WorkflowException>(() => Workflow.Publish(own, Contributor, null, Now)).Message);
        Assert.Throws<WorkflowException>(() => Workflow.Withdraw(own, Contributor, "reason"));
        Assert.Equal(PublicationStatus.InReview, own.Status);
    }

    [Fact]
    public void Publishing_with_a_future_embargo_holds_the_record_until_its_day()
    {
        var record = Draft();
        Workflow.Publish(record, Editor, new DateOnly(1992, 1, 1), Now);
        Assert.Equal((PublicationStatus.Embargoed, new DateOnly(1992, 1, 1)), (record.Status, record.EmbargoUntil));
        Assert.Null(record.PublishedAt);

        Assert.False(Workflow.IsDue(record, new DateTime(1991, 12, 31, 23, 59, 59, DateTimeKind.Utc)));
        Assert.Throws<WorkflowException>(() => Workflow.ReleaseDue(record, Now));
        var day = new DateTime(1992, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.True(Workflow.IsDue(record, day));
        Workflow.ReleaseDue(record, day);
        Assert.Equal((PublicationStatus.Published, day, (DateOnly?)null), (record.Status, record.PublishedAt, record.EmbargoUntil));
    }

    [Fact]
    public void An_embargo_date_of_today_or_before_publishes_at_once()
    {
        var record = Draft();
        Workflow.Publish(record, Editor, DateOnly.FromDateTime(Now), Now);
        Assert.Equal((PublicationStatus.Published, Now), (record.Status, record.PublishedAt));
        Assert.Contains("already published", Assert.Throws<WorkflowException>(() => Workflow.Publish(record, Editor, null, Now)).Message);
    }

    [Fact]
    public void A_withdrawal_needs_a_reason_and_a_published_record()
    {
        var record = Draft();
        Assert.Contains("only a published or embargoed", Assert.Throws<WorkflowException>(() => Workflow.Withdraw(record, Editor, "why")).Message);
        Workflow.Publish(record, Editor, null, Now);
        Assert.Contains("needs a reason", Assert.Throws<WorkflowException>(() => Workflow.Withdraw(record, Editor, "  ")).Message);
        Workflow.Withdraw(record, Editor, "  Published by mistake ");
        Assert.Equal((PublicationStatus.Withdrawn, "Published by mistake"), (record.Status, record.WithdrawalReason));

        // A published record leaves the reading room by a withdrawal (with its reason), not by a return to draft.
        var published = Draft();
        Workflow.Publish(published, Editor, null, Now);
        Assert.Contains("withdrawn first", Assert.Throws<WorkflowException>(() => Workflow.ReturnToDraft(published, Editor)).Message);

        // Published again, the old reason no longer stands.
        Workflow.Publish(record, Editor, null, Now);
        Assert.Null(record.WithdrawalReason);
    }

    [Fact]
    public void A_deleted_record_is_a_tombstone_until_an_editor_restores_it_as_a_draft()
    {
        var own = Draft("contributor");
        Workflow.Delete(own, Contributor, Now);
        Assert.Equal(Now, own.DeletedAt);
        Assert.Contains("restore it first", Assert.Throws<WorkflowException>(() => Workflow.Submit(own, Contributor)).Message);
        Assert.Throws<WorkflowException>(() => Workflow.Restore(own, Contributor));
        Workflow.Restore(own, Editor);
        Assert.Equal((PublicationStatus.Draft, (DateTime?)null), (own.Status, own.DeletedAt));

        var published = Draft("contributor");
        Workflow.Publish(published, Editor, null, Now);
        Assert.Contains("only their own drafts", Assert.Throws<WorkflowException>(() => Workflow.Delete(published, Contributor, Now)).Message);
        Workflow.Delete(published, Editor, Now);
        Assert.False(Publication.IsPublic(published));
    }
}
