using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Auditing;

/// <summary>Where log entries that belong to no account's region are filed, so the county's auditors see them.</summary>
public static class AuditRegions
{
    /// <summary>
    /// The deployment's root region: <c>Security:UnknownSignInRegion</c> if set, else the single top-level region
    /// of the Regions table (the county of a county deployment), else empty (several top-level regions: only the
    /// system sees such entries; set the option).
    /// </summary>
    public static async Task<string> RootAsync(AppDbContext db, IConfiguration config, CancellationToken ct = default)
    {
        if (config["Security:UnknownSignInRegion"] is { Length: > 0 } configured) return configured.Trim();
        var tops = await ScopeGateway.PublicRegions(db).Where(r => r.ParentCode == null).OrderBy(r => r.Code)
            .Select(r => r.Code).Take(2).ToListAsync(ct);
        return tops.Count == 1 ? tops[0] : "";
    }
}
