using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// The permission table (<see cref="Permissions"/>) as authorization policies: one per capability, named by the
/// capability string, so endpoints say <c>.RequireAuthorization(Permissions.X)</c>, pages
/// <c>[Authorize(Policy = Permissions.X)]</c>, and handlers and views <c>User.Can(Permissions.X)</c>.
/// A principal's roles are its role claims; its level is that of the region claim (<see cref="CunzhiClaims.Region"/>).
/// </summary>
public static class PermissionPolicies
{
    /// <summary>Registers a policy per capability in the table.</summary>
    public static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var capability in Permissions.All)
            builder.AddPolicy(capability.Name, p => p.RequireAuthenticatedUser().RequireAssertion(ctx => ctx.User.Can(capability.Name)));
        return builder;
    }

    /// <summary>Whether the signed-in <paramref name="user"/> has <paramref name="capability"/> by the table.</summary>
    public static bool Can(this ClaimsPrincipal? user, string capability)
    {
        if (user?.Identity?.IsAuthenticated != true) return false;
        return Permissions.Allows(capability, user.Roles(), LevelOf(user));
    }

    /// <summary>The roles <paramref name="user"/> holds (for rules about roles themselves: which roles an admin grants, two-factor).</summary>
    /// <remarks>IsInRole reads the identity's own role claim type, so cookie and bearer principals alike.</remarks>
    public static IEnumerable<string> Roles(this ClaimsPrincipal user) => Domain.Accounts.Roles.All.Where(user.IsInRole);

    /// <summary>The level of the account's region, or null without a valid region claim.</summary>
    public static RegionLevel? LevelOf(ClaimsPrincipal user) => RegionCodes.LevelOf(user.FindFirstValue(CunzhiClaims.Region));
}
