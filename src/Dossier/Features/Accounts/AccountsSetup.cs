using Dossier.Accounts;
using Dossier.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;

namespace Dossier.Features.Accounts;

/// <summary>The staff's accounts: ASP.NET Core Identity in the archive's store, cookie sign-in, roles.</summary>
public static class AccountsSetup
{
    public const string SignInPath = "/account/sign-in";

    /// <summary>Whether researchers may make their own accounts (Dossier:Accounts:Registration, open unless set false).</summary>
    public static bool RegistrationOpen(IConfiguration configuration) => configuration.GetValue("Dossier:Accounts:Registration", true);

    /// <summary>Identity's user store and password rules, for the web app and for <c>dossier users</c>.</summary>
    public static IServiceCollection AddAccountStore(this IServiceCollection services)
    {
        // Cookies and antiforgery tokens are protected by keys kept in the database: sign-ins survive a restart, and
        // every node behind a load balancer reads what another node wrote.
        services.AddDataProtection()
            .PersistKeysToDbContext<DossierDb>()
            .SetApplicationName("Dossier");
        services.AddIdentityCore<IdentityUser>(identity =>
            {
                identity.User.RequireUniqueEmail = true;
                // Length makes a password strong, not a required mix of symbols (NIST SP 800-63B).
                identity.Password.RequiredLength = 12;
                identity.Password.RequireDigit = false;
                identity.Password.RequireLowercase = false;
                identity.Password.RequireUppercase = false;
                identity.Password.RequireNonAlphanumeric = false;
                identity.Lockout.AllowedForNewUsers = true;
                identity.Lockout.MaxFailedAccessAttempts = 5;
                identity.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<DossierDb>()
            .AddSignInManager();
        return services;
    }

    public static IServiceCollection AddAccounts(this IServiceCollection services)
    {
        services.AddAccountStore();
        services.AddAuthentication(IdentityConstants.ApplicationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddAuthentication().AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.Cookie.Name = "dossier.staff";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.LoginPath = SignInPath;
            cookie.LogoutPath = "/account/sign-out";
            cookie.AccessDeniedPath = "/account/denied";
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
        });
        // Every request checks the account's security stamp, so that signing out (which renews it) ends the session
        // on every copy of its cookie, and a locked or removed account is out at once.
        services.Configure<SecurityStampValidatorOptions>(stamp => stamp.ValidationInterval = TimeSpan.Zero);
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Staff, policy => policy.RequireRole(Roles.All))
            .AddPolicy(Policies.Editors, policy => policy.RequireRole(Roles.Administrator, Roles.Editor))
            .AddPolicy(Policies.Administrators, policy => policy.RequireRole(Roles.Administrator))
            // The write API: a bearer token of an editor's, never a browser's cookie (no cross-site requests to fear).
            .AddPolicy(Policies.ApiEditors, policy => policy.AddAuthenticationSchemes(ApiTokenAuthentication.SchemeName).RequireRole(Roles.Administrator, Roles.Editor));
        return services;
    }
}

public static class Policies
{
    public const string Staff = "staff";
    public const string Editors = "editors";
    public const string Administrators = "administrators";
    public const string ApiEditors = "api-editors";
}
