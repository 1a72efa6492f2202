using Dossier.Authorities;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Authorities;

/// <summary>
/// The finder's proposals and editors' decisions: all proposals waiting (surest first), or those of one authority
/// (<c>?authority=</c>), or every mention of one record (<c>?record=</c>, with a form to link an authority the finder
/// missed). Each can be confirmed, rejected or reopened.
/// </summary>
[Authorize(Policy = Policies.Editors)]
public sealed class EditorMentionsModel(DossierDb db, AuthorityCuration curation, UserManager<IdentityUser> users,
    IStringLocalizer<Text> text) : PageModel
{
    public const int PageSize = 50;

    private readonly DossierDb db = db.WholeArchive();

    public sealed record Row(int Id, int RecordId, string RecordTitle, string? RecordDate, int AuthorityId, AuthorityKind Kind, string AuthorityName,
        MentionState State, MentionCertainty Certainty, int Count, string? Evidence, string? Context, string? DecidedBy, double Score, string? Reason);

    public IReadOnlyList<Row> Rows { get; private set; } = [];
    public int Total { get; private set; }
    public int PageNumber { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public int? RecordId { get; private set; }
    public string? RecordTitle { get; private set; }
    public int? AuthorityId { get; private set; }
    public string? AuthorityName { get; private set; }
    public string? Problem { get; private set; }

    /// <summary>?find=: authorities found by name, to link to the record.</summary>
    public string? Find { get; private set; }

    public IReadOnlyList<Authority> Found { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? record, int? authority, string? find, CancellationToken cancellationToken)
    {
        await LoadAsync(record, authority, find, cancellationToken);
        return RecordId is null && record is not null || AuthorityId is null && authority is not null ? NotFound() : Page();
    }

    // "at": the page of the list the decision was made on, to go back to (a form's own "page" would be Razor Pages' route value).
    public Task<IActionResult> OnPostConfirmAsync(int mention, int? record, int? authority, int? at, CancellationToken cancellationToken) =>
        DecideAsync(mention, MentionState.Confirmed, record, authority, at, cancellationToken);

    public Task<IActionResult> OnPostRejectAsync(int mention, int? record, int? authority, int? at, CancellationToken cancellationToken) =>
        DecideAsync(mention, MentionState.Rejected, record, authority, at, cancellationToken);

    public Task<IActionResult> OnPostReopenAsync(int mention, int? record, int? authority, int? at, CancellationToken cancellationToken) =>
        DecideAsync(mention, MentionState.Proposed, record, authority, at, cancellationToken);

    public async Task<IActionResult> OnPostLinkAsync(int record, int linked, CancellationToken cancellationToken)
    {
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        try
        {
            await curation.LinkAsync(record, linked, cancellationToken);
        }
        catch (Exception e) when (e is AuthorityException or DbUpdateException)
        {
            // A unique clash is a second click, or another editor, that linked it first.
            Problem = e is AuthorityException ? e.Message : text["another change of this record's mentions came first; look again and try once more"];
            await LoadAsync(record, null, null, cancellationToken);
            return Page();
        }
        return Redirect($"/editor/mentions?record={record}");
    }

    private async Task<IActionResult> DecideAsync(int mention, MentionState state, int? record, int? authority, int? at, CancellationToken cancellationToken)
    {
        curation.Actor = (users.GetUserId(User), User.Identity?.Name);
        try
        {
            await curation.DecideAsync(mention, state, cancellationToken);
        }
        catch (Exception e) when (e is AuthorityException or DbUpdateException)
        {
            Problem = e is AuthorityException ? e.Message : text["another change of this mention came first; look again and try once more"];
            await LoadAsync(record, authority, null, cancellationToken);
            return Page();
        }
        return Redirect(ListUrl(record, authority, at ?? 1) + "#mentions");
    }

    private async Task LoadAsync(int? record, int? authority, string? find, CancellationToken cancellationToken)
    {
        var mentions = db.Mentions.AsNoTracking().Where(m => m.Record!.DeletedAt == null);
        if (record is { } r)
        {
            RecordTitle = await db.Records.Where(x => x.Id == r && x.DeletedAt == null).Select(x => x.Title).FirstOrDefaultAsync(cancellationToken);
            if (RecordTitle is null) return;
            RecordId = r;
            mentions = mentions.Where(m => m.ArchivalRecordId == r);
        }
        else
        {
            // Waiting for an editor: the finder's proposals it did not assert.
            mentions = mentions.Where(m => m.State == MentionState.Proposed && !m.Asserted);
        }
        if (authority is { } a)
        {
            AuthorityName = await db.Authorities.Where(x => x.Id == a).Select(x => x.PreferredName).FirstOrDefaultAsync(cancellationToken);
            if (AuthorityName is null) return;
            AuthorityId = a;
            mentions = mentions.Where(m => m.AuthorityId == a);
        }
        Total = await mentions.CountAsync(cancellationToken);
        PageNumber = Math.Clamp(Display.PageOf(Request.Query), 1, Pages);
        // Surest first (probable before ambiguous), then by authority, then by record.
        var ordered = RecordId is null
            ? mentions.OrderBy(m => m.Certainty == MentionCertainty.Ambiguous).ThenBy(m => m.Authority.PreferredName).ThenBy(m => m.ArchivalRecordId)
            : mentions.OrderBy(m => m.Authority.Kind).ThenBy(m => m.Authority.PreferredName);
        Rows = await ordered.Skip((PageNumber - 1) * PageSize).Take(PageSize)
            .Select(m => new Row(m.Id, m.ArchivalRecordId, m.Record!.Title, m.Record.Date, m.AuthorityId, m.Authority.Kind, m.Authority.PreferredName,
                m.State, m.Certainty, m.Count, m.Evidence, m.Context, m.DecidedBy, m.Score, m.Reason))
            .ToListAsync(cancellationToken);
        if (RecordId is not null && !string.IsNullOrWhiteSpace(find))
        {
            Find = find.Trim()[..Math.Min(find.Trim().Length, 200)];
            Found = await AuthoritiesApi.FindAny(db, Find).Take(20).ToListAsync(cancellationToken);
        }
    }

    public string PageUrl(int page) => ListUrl(RecordId, AuthorityId, page);

    /// <summary>The list of one record's or one authority's mentions (or of all proposals) at a page.</summary>
    private static string ListUrl(int? record, int? authority, int page) => "/editor/mentions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["record"] = record?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["authority"] = authority?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page > 1 ? page.ToString(System.Globalization.CultureInfo.InvariantCulture) : null,
    }.Where(p => p.Value is not null)).ToUriComponent();

    public static string Describe(IStringLocalizer<Text> text, MentionState state, MentionCertainty certainty) => (state, certainty) switch
    {
        (MentionState.Confirmed, _) => text["confirmed"],
        (MentionState.Rejected, _) => text["rejected"],
        (_, MentionCertainty.Certain) => text["found: sure"],
        (_, MentionCertainty.Probable) => text["proposed: one authority bears these words"],
        _ => text["proposed: several authorities bear these words"],
    };
}
