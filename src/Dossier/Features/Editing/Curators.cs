using System.Security.Claims;
using Dossier.Accounts;
using Dossier.Authorities;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Records;
using Dossier.Search;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Dossier.Features.Editing;

public static class Curators
{
    /// <summary>The signed-in member of staff as the workflow knows them.</summary>
    public static Curator Of(ClaimsPrincipal user, UserManager<IdentityUser> users) =>
        new(users.GetUserId(user) ?? throw new InvalidOperationException("no signed-in user"), IsEditor(user));

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor);

    /// <summary>
    /// A record, with its transcripts, as a member of staff may see it: any record for an editor, their own for a
    /// contributor (others' do not exist for them, as unpublished ones do not for visitors). Tracked, to be changed.
    /// </summary>
    public static Task<ArchivalRecord?> FindRecordAsync(DossierDb db, int id, Curator curator, CancellationToken cancellationToken) =>
        db.WholeArchive().Records.Include(r => r.Transcripts.OrderBy(t => t.Position))
            .Where(r => r.Id == id && (curator.IsEditor || r.OwnerId == curator.UserId))
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Saves a change of a record with its revision (by <paramref name="user"/>, saying <paramref name="change"/>) and
    /// its indexing task and the mentions found in its text, in one transaction; a new record gets its number first.
    /// </summary>
    /// <remarks>
    /// This server's own index takes the change at once: a record withdrawn, returned to draft or deleted must leave
    /// public search now, not when the follower comes to its task (behind a large import, that can be minutes).
    /// Other nodes follow the task as usual.
    /// </remarks>
    public static async Task SaveChangeAsync(DossierDb db, RecordIndex index, MentionPatterns? mentions, ArchivalRecord record, DateTime now, string change, IdentityUser? user, CancellationToken cancellationToken)
    {
        record.UpdatedAt = now;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            await db.Revising(change, user?.Id, user?.Email).SaveChangesAsync(cancellationToken);
            // The names it mentions, read again from its text as it now is (with its number, for a new record);
            // a change of state only (publish, withdraw) passes no finder.
            if (mentions is not null)
                await RecordMentions.RefreshAsync(db, [record], await mentions.GetAsync(db, cancellationToken), now, cancellationToken);
            db.IndexingTasks.Add(IndexingTask.For(record.Id, now));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        // The index keeps the record's public collections and its originals' text too.
        await db.LoadForIndexingAsync([record.Id], cancellationToken);
        index.Apply([record], [], 0, commit: true);
    }
}
