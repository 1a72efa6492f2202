using System.ComponentModel.DataAnnotations;
using Dossier.Curation;
using Dossier.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Accounts;

[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class SignInModel(SignInManager<IdentityUser> signIn, DossierDb db, TimeProvider clock, IStringLocalizer<Text> text, IConfiguration configuration) : PageModel
{
    public bool RegistrationOpen => AccountsSetup.RegistrationOpen(configuration);

    private async Task<bool> IsStaffAsync(IdentityUser user)
    {
        var roles = await signIn.UserManager.GetRolesAsync(user);
        return roles.Any(Dossier.Accounts.Roles.All.Contains);
    }

    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address, such as name@example.org.")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Enter your password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var user = await signIn.UserManager.FindByEmailAsync(Email);
        // Failures count towards the lockout; an unknown address reads the same as a wrong password.
        var result = user is null ? Microsoft.AspNetCore.Identity.SignInResult.Failed
            : await signIn.PasswordSignInAsync(user, Password, isPersistent: false, lockoutOnFailure: true);
        db.AuditLog.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Event = result.Succeeded ? AuditEvents.SignedIn : result.IsLockedOut ? AuditEvents.LockedOut : AuditEvents.SignInFailed,
            UserId = user?.Id,
            UserName = Email,
            Address = HttpContext.Connection.RemoteIpAddress?.ToString(),
        });
        await db.SaveChangesAsync();
        // The staff go to their records; a researcher to their saved searches.
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : await IsStaffAsync(user!) ? "/editor" : "/account/searches");
        ModelState.AddModelError("", result.IsLockedOut
            ? text["This account is locked for a while after repeated failed sign-ins. Try again later, or ask an administrator."]
            : text["The email address or the password is not right."]);
        return Page();
    }
}
