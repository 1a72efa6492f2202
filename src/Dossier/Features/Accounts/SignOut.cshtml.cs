using Dossier.Curation;
using Dossier.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Dossier.Features.Accounts;

[Authorize]
public sealed class SignOutModel(SignInManager<IdentityUser> signIn, DossierDb db, TimeProvider clock) : PageModel
{
    public IActionResult OnGet() => RedirectToPage("/Editing/Records");

    public async Task<IActionResult> OnPostAsync()
    {
        // A new security stamp ends the session everywhere, not only in this browser (copies of the cookie fail).
        if (await signIn.UserManager.GetUserAsync(User) is { } user)
        {
            await signIn.UserManager.UpdateSecurityStampAsync(user);
            db.AuditLog.Add(new AuditEntry { At = clock.GetUtcNow().UtcDateTime, Event = AuditEvents.SignedOut, UserId = user.Id, UserName = user.Email });
            await db.SaveChangesAsync();
        }
        await signIn.SignOutAsync();
        return LocalRedirect("/");
    }
}
