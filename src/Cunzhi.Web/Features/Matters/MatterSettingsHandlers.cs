using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>诉求设置: one row per county (the reopen window after confirmation, default 30 days), edited by the county with its version.</summary>
public sealed class MatterSettingsHandlers(AppDbContext db, UserContext user)
{
    private string County => RegionCodes.CountyOf(user.RegionCode) ?? throw new RuleException("账号未绑定区划");

    /// <summary>The county's settings (version 0: the default, nothing saved yet).</summary>
    public async Task<MatterSettingsView> GetAsync(CancellationToken ct = default)
    {
        var county = County;
        var s = await db.Set<MatterSettings>().AsNoTracking().FirstOrDefaultAsync(x => x.CountyCode == county, ct);
        return new(county, s?.ReopenDays ?? MatterSettings.DefaultReopenDays, s?.RowVersion ?? 0);
    }

    /// <summary>Saves them (a county account; version checked, 0 creates).</summary>
    public async Task<MatterSettingsView> SaveAsync(SaveMatterSettings c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.County) throw new RuleException("只有县级账号可以修改诉求设置");
        var county = County;
        var s = await db.Set<MatterSettings>().FirstOrDefaultAsync(x => x.CountyCode == county, ct);
        if (s is null)
        {
            ConcurrencyVersions.ExpectNone(c.Version);
            db.Add(s = new MatterSettings { CountyCode = county });
            s.ReopenDays = c.ReopenDays;
            await db.SaveCreatedAsync(ct);
        }
        else
        {
            db.ExpectVersion(s, c.Version);
            s.ReopenDays = c.ReopenDays;
            await db.SaveChangesAsync(ct);
        }
        return new(county, s.ReopenDays, s.RowVersion);
    }
}
