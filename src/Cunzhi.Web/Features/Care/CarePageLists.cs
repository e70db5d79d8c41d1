using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>The village and cadre choices of the 荣誉表彰, 两代表一委员 and 职业发展 pages (rows in scope only).</summary>
public static class CarePageLists
{
    /// <summary>Villages in the account's scope, by code (at most 1,000).</summary>
    public static async Task<IReadOnlyList<(string Code, string Name)>> VillagesAsync(AppDbContext db, CancellationToken ct)
    {
        var own = db.User.RegionCode;
        var prefix = RegionCodes.ScopePrefix(own is { Length: > 0 } ? own : "000000000000");
        return (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).Take(1000).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
    }

    /// <summary>A village's cadres (in office first, then those who left), for a form's select; empty without a village.</summary>
    public static async Task<IReadOnlyList<(long Id, string Name, bool InOffice)>> CadresAsync(AppDbContext db, string? village, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(village)) return [];
        var code = village.Trim();
        return (await db.Cadres.AsNoTracking().Where(c => c.RegionCode == code).OrderBy(c => c.Status).ThenBy(c => c.Id).Take(200)
            .Select(c => new { c.Id, c.Name, c.Status }).ToListAsync(ct)).Select(c => (c.Id, c.Name, c.Status == CadreStatus.InOffice)).ToList();
    }

    /// <summary>Whether the account records for its cadres (a county or town account with the capability).</summary>
    public static bool CountyOrTown(AppDbContext db) => RegionCodes.LevelOf(db.User.RegionCode) is RegionLevel.County or RegionLevel.Town;
}
