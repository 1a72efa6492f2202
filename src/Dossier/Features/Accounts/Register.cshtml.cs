using System.ComponentModel.DataAnnotations;
using Dossier.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Dossier.Features.Accounts;

/// <summary>
/// A researcher makes an account of their own, for saved searches. It is no staff account: it sees what any visitor
/// sees. An archive that wants no such accounts sets Dossier:Accounts:Registration to false.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(RateLimits.SignIn)]
public sealed class RegisterModel(SignInManager<IdentityUser> signIn, IConfiguration configuration, IStringLocalizer<Text> text) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Enter your email address.")]
    [EmailAddress(ErrorMessage = "Enter an email address, such as name@example.org.")]
    public string Email { get; set; } = "";

    [BindProperty]
    [Required(ErrorMessage = "Choose a password.")]
    [DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [BindProperty]
    [DataType(DataType.Password)]
    public string Repeated { get; set; } = "";

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    public bool Open => AccountsSetup.RegistrationOpen(configuration);

    public IActionResult OnGet() => Open ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!Open) return NotFound();
        if (Password != Repeated) ModelState.AddModelError(nameof(Repeated), text["The two passwords differ."]);
        if (!ModelState.IsValid) return Page();
        var made = await StaffAccounts.AddAsync(HttpContext.RequestServices, Email, Roles.Researcher, Password, (null, Email.Trim()), "registered", cancellationToken);
        if (!made.Succeeded)
        {
            foreach (var error in made.Errors) ModelState.AddModelError("", Describe(error));
            return Page();
        }
        var user = await signIn.UserManager.FindByEmailAsync(Email.Trim());
        await signIn.SignInAsync(user!, isPersistent: false);
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl! : "/account/searches");
    }

    // Identity's own messages are English; the ones a researcher meets here are the page's.
    private string Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) =>
            text["An account with this email address exists already. Sign in, or ask the archive to reset its password."],
        nameof(IdentityErrorDescriber.PasswordTooShort) => text["A password must be at least {0} characters long; a few words make a good one.", 12],
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => text["Enter an email address, such as name@example.org."],
        _ => error.Description,
    };
}
