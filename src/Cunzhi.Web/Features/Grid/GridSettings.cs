using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Grid;

/// <summary>The county's 一网三联 settings; <see cref="Version"/> is 0 while the county uses the defaults (5–15).</summary>
public sealed record GridPolicyView(string County, int MinHouseholds, int MaxHouseholds, string? UpdatedBy, DateTime? UpdatedAtUtc, int Version) : IVersionedView;

/// <summary>
/// 一网三联设置: one row per county, edited by the county (version checked: stale = 409). Towns and villages read their
/// county's row through <see cref="ScopeGateway.CountyGridPolicyAsync"/>, because the range binds them.
/// </summary>
public sealed class GridSettings(AppDbContext db, UserContext user, TimeProvider clock)
{
    private string County => RegionCodes.CountyOf(user.RegionCode) ?? throw new RuleException("账号未绑定区划");

    public async Task<GridPolicy> PolicyOfAsync(CancellationToken ct = default)
    {
        var county = County;
        return await ScopeGateway.CountyGridPolicyAsync(db, county, ct) ?? GridPolicy.Default(county);
    }

    private static GridPolicyView View(GridPolicy p) => new(p.RegionCode, p.MinHouseholds, p.MaxHouseholds, p.UpdatedBy, p.UpdatedAtUtc, p.RowVersion);

    public async Task<GridPolicyView> GetAsync(CancellationToken ct = default) => View(await PolicyOfAsync(ct));

    public async Task<GridPolicyView> SaveAsync(SaveGridPolicy c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.County) throw new RuleException("只有县级账号可以修改一网三联设置");
        var county = County;
        var p = await db.Set<GridPolicy>().FirstOrDefaultAsync(x => x.RegionCode == county, ct);
        var created = p is null;
        if (p is null)
        {
            ConcurrencyVersions.ExpectNone(c.Version);
            db.Add(p = GridPolicy.Default(county));
        }
        else db.ExpectVersion(p, c.Version);
        p.Change(c.MinHouseholds, c.MaxHouseholds, user.UserName, clock.GetUtcNow().UtcDateTime);
        if (created) await db.SaveCreatedAsync(ct);
        else await db.SaveChangesAsync(ct);
        return View(p);
    }
}
