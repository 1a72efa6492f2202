using System.Security.Claims;
using Dossier.Accounts;
using Dossier.Curation;
using Microsoft.AspNetCore.Identity;

namespace Dossier.Features.Editing;

public static class Curators
{
    /// <summary>The signed-in member of staff as the workflow knows them.</summary>
    public static Curator Of(ClaimsPrincipal user, UserManager<IdentityUser> users) =>
        new(users.GetUserId(user) ?? throw new InvalidOperationException("no signed-in user"), IsEditor(user));

    public static bool IsEditor(ClaimsPrincipal user) => user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Editor);
}
