using Dossier.Accounts;
using Dossier.Curation;
using Dossier.Data;
using Dossier.Features.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Administration;

/// <summary>The administrators' page of accounts: add one, change its role, lift a lock-out. Every change is audited.</summary>
[Authorize(Policy = Policies.Administrators)]
public sealed class UsersModel(UserManager<IdentityUser> users, DossierDb db, TimeProvider clock, IStringLocalizer<Text> text) : PageModel
{
    public IReadOnlyList<Account> Accounts { get; private set; } = [];
    public string? Problem { get; private set; }

    [TempData]
    public string? Done { get; set; }

    public async Task OnGetAsync() => await LoadAsync();

    public async Task<IActionResult> OnPostAddAsync(string? email, string? role, string? password)
    {
        if (Roles.Parse(role) is not { } chosen) return await RefuseAsync(text["Choose a role."]);
        if (string.IsNullOrWhiteSpace(email)) return await RefuseAsync(text["Give the email address."]);
        var added = await StaffAccounts.AddAsync(HttpContext.RequestServices, email, chosen, password ?? "",
            (users.GetUserId(User), User.Identity?.Name), "by an administrator", HttpContext.RequestAborted);
        if (!added.Succeeded) return await RefuseAsync(string.Join(" ", added.Errors.Select(e => e.Description)));
        Done = text["Added {0} as {1}.", email.Trim(), Editing.StaffWords.Role(text, chosen)];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostRoleAsync(string id, string? role)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        if (Roles.Parse(role) is not { } chosen) return await RefuseAsync(text["Choose a role."]);
        var before = await users.GetRolesAsync(user);
        if (before.Contains(Roles.Administrator) && chosen != Roles.Administrator
            && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1)
            return await RefuseAsync(text["The archive's last administrator keeps the role: make another administrator first."]);
        await users.RemoveFromRolesAsync(user, before);
        var granted = await StaffAccounts.GrantAsync(HttpContext.RequestServices, user, chosen);
        if (!granted.Succeeded) return await RefuseAsync(string.Join(" ", granted.Errors.Select(e => e.Description)));
        // A new stamp signs the account out everywhere, so the new role applies at once.
        await users.UpdateSecurityStampAsync(user);
        Audit(AuditEvents.RoleGranted, user, $"{chosen} (was {(before.Count == 0 ? "none" : string.Join(", ", before))})");
        await db.SaveChangesAsync();
        Done = text["{0} is now {1}.", user.Email ?? "", Editing.StaffWords.Role(text, chosen)];
        return RedirectToPage();
    }

    /// <summary>
    /// Takes an account out: no role, no sign-in ever again (a lock-out without end), every session and API token
    /// ended at once. The account stays, so that its history and audit lines keep their author.
    /// </summary>
    public async Task<IActionResult> OnPostDisableAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        var before = await users.GetRolesAsync(user);
        if (before.Contains(Roles.Administrator) && (await users.GetUsersInRoleAsync(Roles.Administrator)).Count == 1)
            return await RefuseAsync(text["The archive's last administrator cannot be disabled: make another administrator first."]);
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
        await users.RemoveFromRolesAsync(user, before);
        await users.UpdateSecurityStampAsync(user);
        Audit(AuditEvents.Disabled, user, before.Count == 0 ? null : $"was {string.Join(", ", before)}");
        await db.SaveChangesAsync();
        Done = text["{0} is disabled.", user.Email ?? ""];
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id)
    {
        if (await users.FindByIdAsync(id) is not { } user) return NotFound();
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        Audit(AuditEvents.Unlocked, user, null);
        await db.SaveChangesAsync();
        Done = text["{0} may sign in again.", user.Email ?? ""];
        return RedirectToPage();
    }

    private void Audit(string what, IdentityUser user, string? detail) => db.AuditLog.Add(new AuditEntry
    {
        At = clock.GetUtcNow().UtcDateTime,
        Event = what,
        UserId = users.GetUserId(User),
        UserName = User.Identity?.Name,
        Detail = $"{user.Email}" + (detail is null ? "" : ": " + detail),
    });

    private async Task<IActionResult> RefuseAsync(string problem)
    {
        Problem = problem;
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        await LoadAsync();
        return Page();
    }

    private async Task LoadAsync()
    {
        var now = clock.GetUtcNow();
        var list = new List<Account>();
        foreach (var user in users.Users.OrderBy(u => u.Email).ToList())
            list.Add(new Account(user.Id, user.Email ?? user.Id, string.Join(", ", await users.GetRolesAsync(user)), user.LockoutEnd > now,
                user.LockoutEnd == DateTimeOffset.MaxValue));
        Accounts = list;
    }

    public sealed record Account(string Id, string Email, string Roles, bool Locked, bool Disabled);
}
