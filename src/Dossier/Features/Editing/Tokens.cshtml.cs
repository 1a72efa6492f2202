using Dossier.Accounts;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Editing;

/// <summary>An editor's API tokens: made (shown once), listed by name and first characters, revoked.</summary>
[Authorize(Policy = Policies.Editors)]
public sealed class TokensModel(DossierDb db, UserManager<IdentityUser> users, TimeProvider clock, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<ApiToken> Tokens { get; private set; } = [];

    /// <summary>The token just made: on this answer only, never again.</summary>
    public string? NewSecret { get; private set; }

    public string? Problem { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostCreateAsync(string? name, CancellationToken cancellationToken)
    {
        var user = await users.GetUserAsync(User);
        if (user is null) return Forbid();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > 200)
        {
            Problem = text["Name the token (200 characters at most): what is it for?"];
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            await LoadAsync(cancellationToken);
            return Page();
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var (secret, token) = ApiToken.Create(user.Id, name, now);
        db.ApiTokens.Add(token);
        db.AuditLog.Add(new AuditEntry { At = now, Event = AuditEvents.TokenCreated, UserId = user.Id, UserName = user.Email, Detail = $"{token.Name} ({token.Start}…)" });
        await db.SaveChangesAsync(cancellationToken);
        NewSecret = secret;
        // The secret is in this page only: no cache may keep it.
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(int token, CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User);
        var revoked = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == token && t.UserId == me && t.RevokedAt == null, cancellationToken);
        if (revoked is null) return NotFound();
        var now = clock.GetUtcNow().UtcDateTime;
        revoked.RevokedAt = now;
        db.AuditLog.Add(new AuditEntry { At = now, Event = AuditEvents.TokenRevoked, UserId = me, UserName = User.Identity?.Name, Detail = $"{revoked.Name} ({revoked.Start}…)" });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var me = users.GetUserId(User);
        Tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == me).OrderByDescending(t => t.CreatedAt).ToListAsync(cancellationToken);
    }
}
