using Dossier.Curation;
using Dossier.Data;
using Microsoft.AspNetCore.Identity;

namespace Dossier.Features.Accounts;

/// <summary>Making a staff account, the same from the command line and from the administrators' page.</summary>
public static class StaffAccounts
{
    /// <summary>Creates the account with its role and writes both to the audit log (by <paramref name="actor"/>, or the archive).</summary>
    public static async Task<IdentityResult> AddAsync(IServiceProvider services, string email, string role, string password,
        (string? Id, string? Name) actor, string how, CancellationToken cancellationToken)
    {
        var users = services.GetRequiredService<UserManager<IdentityUser>>();
        var user = new IdentityUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded) return created;
        var granted = await GrantAsync(services, user, role);
        if (!granted.Succeeded) return granted;
        var db = services.GetRequiredService<DossierDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        db.AuditLog.Add(new AuditEntry { At = now, Event = AuditEvents.AccountCreated, UserId = actor.Id, UserName = actor.Name, Detail = $"{user.Email}: {how}" });
        db.AuditLog.Add(new AuditEntry { At = now, Event = AuditEvents.RoleGranted, UserId = actor.Id, UserName = actor.Name, Detail = $"{user.Email}: {role}" });
        await db.SaveChangesAsync(cancellationToken);
        return IdentityResult.Success;
    }

    /// <summary>Gives an account a role, making the role first in an archive that has none yet.</summary>
    public static async Task<IdentityResult> GrantAsync(IServiceProvider services, IdentityUser user, string role)
    {
        var roles = services.GetRequiredService<RoleManager<IdentityRole>>();
        if (!await roles.RoleExistsAsync(role))
        {
            var made = await roles.CreateAsync(new IdentityRole(role));
            if (!made.Succeeded) return made;
        }
        return await services.GetRequiredService<UserManager<IdentityUser>>().AddToRoleAsync(user, role);
    }
}
