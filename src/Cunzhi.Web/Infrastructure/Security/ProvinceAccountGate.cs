using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// A province account (issue #19, <see cref="Domain.Accounts.Roles.ProvinceViewer"/>) reads what its capabilities name and
/// nothing else. Endpoints that name a capability are refused by the permission table as for everyone; pages and API
/// endpoints that name none (open to any signed-in county, town or village account: 区划与农户, 区划统计, 班子结构, import
/// jobs …) are refused here, 403, except its home, its own account pages and sign-in, its to-dos and the error page.
/// </summary>
public static class ProvinceAccountGate
{
    private static readonly PathString[] Open = ["/Index", "/Error", "/Account", "/api/v1/auth", "/api/v1/me"];

    /// <summary>After authorization: refuses a province account every endpoint that names no capability and is not open to it.</summary>
    public static IApplicationBuilder UseProvinceAccountGate(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.User.Identity?.IsAuthenticated == true && PermissionPolicies.LevelOf(context.User) == RegionLevel.Province
            && context.GetEndpoint() is { } endpoint && endpoint.Metadata.GetMetadata<IAllowAnonymous>() is null
            && !NamesCapability(endpoint) && !IsOpen(context.Request.Path))
        {
            if (context.Request.IsApi()) context.Response.StatusCode = StatusCodes.Status403Forbidden;
            else await context.ForbidAsync();
            return;
        }
        await next(context);
    });

    private static bool IsOpen(PathString path) => path == "/" || Open.Any(p => path.StartsWithSegments(p, StringComparison.OrdinalIgnoreCase));

    private static readonly HashSet<string> Capabilities = Domain.Accounts.Permissions.All.Select(c => c.Name).ToHashSet();

    private static bool NamesCapability(Endpoint endpoint) =>
        endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(a => a.Policy is { } p && Capabilities.Contains(p));
}
