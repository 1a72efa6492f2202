using System.Security.Claims;
using System.Text.Encodings.Web;
using Dossier.Accounts;
using Dossier.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Dossier.Features.Accounts;

/// <summary>
/// <c>Authorization: Bearer dossier_...</c>: the token's hash is looked up on every request, so a revoked token, or
/// one whose account is disabled or gone, stops working at once. The account's roles are the token's.
/// </summary>
public sealed class ApiTokenAuthentication(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    DossierDb db, UserManager<IdentityUser> users, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var secret = header["Bearer ".Length..].Trim();
        var hash = ApiToken.HashOf(secret);
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Hash == hash && t.RevokedAt == null, Context.RequestAborted);
        if (token is null) return AuthenticateResult.Fail("the token is unknown or revoked");
        var user = await users.FindByIdAsync(token.UserId);
        // A disabled account's tokens stop; a passing lock-out after failed sign-ins does not stop them, or anyone who
        // knows an editor's address could halt their scripts by guessing wrong passwords.
        if (user is null || user.LockoutEnd == DateTimeOffset.MaxValue) return AuthenticateResult.Fail("the token's account is disabled or gone");

        // "Last used" to the minute: a script's every request need not be a write.
        var now = clock.GetUtcNow().UtcDateTime;
        if (token.LastUsedAt is not { } used || now - used > TimeSpan.FromMinutes(1))
        {
            token.LastUsedAt = now;
            await db.SaveChangesAsync(Context.RequestAborted);
        }
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, user.Id), new(ClaimTypes.Name, user.Email ?? user.Id) };
        claims.AddRange((await users.GetRolesAsync(user)).Select(r => new Claim(ClaimTypes.Role, r)));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName)), SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"dossier\"";
        return Task.CompletedTask;
    }
}
