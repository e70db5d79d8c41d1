using System.Security.Claims;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Http;

namespace Cunzhi.Data.Security;

/// <summary>Claim types this application adds to every principal.</summary>
public static class CunzhiClaims
{
    /// <summary>Code of the account's region.</summary>
    public const string Region = "cz:region";
    /// <summary>Display name.</summary>
    public const string DisplayName = "cz:name";
}

/// <summary>
/// Who is acting and which region they may touch. A web request reads it from the signed-in
/// principal; command-line verbs and jobs say explicitly that they act as the system.
/// The data context reads <see cref="ScopePrefix"/> for its query filters and write checks —
/// the one place region scope is enforced.
/// </summary>
public sealed class UserContext(IHttpContextAccessor http)
{
    /// <summary>A prefix no region code starts with: the scope of anyone not signed in.</summary>
    public const string NoRegion = "-";

    private bool _system;
    private ClaimsPrincipal? _actingAs;

    /// <summary>Act as the system (no region limit) — for migrations, seeding, CLI verbs and tests' setup.</summary>
    public UserContext AsSystem()
    {
        _system = true;
        return this;
    }

    /// <summary>
    /// Act for a given account outside a request (a background import started by that account):
    /// the same scope and audit identity as the request that started it.
    /// </summary>
    public UserContext ActAs(ClaimsPrincipal principal)
    {
        _actingAs = principal;
        return this;
    }

    private ClaimsPrincipal? Principal => _system ? null : _actingAs ?? http.HttpContext?.User;

    /// <summary>True when acting as the system.</summary>
    public bool IsSystem => _system;

    /// <summary>Account id, or empty for the system and anonymous visitors.</summary>
    public string UserId => Principal?.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>Account name, "system", or "anonymous".</summary>
    public string UserName => _system ? "system" : Principal?.Identity?.IsAuthenticated == true ? Principal.Identity.Name ?? "" : "anonymous";

    /// <summary>The account's region code, or empty.</summary>
    public string RegionCode => Principal?.FindFirstValue(CunzhiClaims.Region) ?? "";

    /// <summary>Leading digits every code in scope starts with: empty for the system, <see cref="NoRegion"/> for visitors.</summary>
    public string ScopePrefix
    {
        get
        {
            if (_system) return "";
            var code = RegionCode;
            return RegionCodes.LevelOf(code) is null ? NoRegion : RegionCodes.ScopePrefix(code);
        }
    }

    /// <summary>True when a row of <paramref name="regionCode"/> is within scope.</summary>
    public bool Allows(string? regionCode) => regionCode is not null && regionCode.StartsWith(ScopePrefix, StringComparison.Ordinal);
}

/// <summary>A read or write outside the account's region.</summary>
public sealed class RegionScopeViolationException(string regionCode)
    : Exception($"区划 {regionCode} 不在您的管辖范围内")
{
    /// <summary>The region that was out of scope.</summary>
    public string RegionCode { get; } = regionCode;
}
