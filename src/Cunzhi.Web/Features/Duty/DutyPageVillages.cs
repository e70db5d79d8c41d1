using Cunzhi.Data;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Duty;

/// <summary>A village as the duty pages' picker lists it.</summary>
public sealed record DutyVillageChoice(string Code, string Name, string? TownName);

/// <summary>
/// The village the duty pages show: a village account its own; a town or county account picks one of its villages (the
/// picker lists them under their town).
/// </summary>
public static class DutyPageVillages
{
    /// <summary>The account's own village, or null when it is a town or county account.</summary>
    public static string? Own(AppDbContext db) => RegionCodes.LevelOf(db.User.RegionCode) == RegionLevel.Village ? db.User.RegionCode : null;

    /// <summary>The villages in the account's scope (at most 2,000), by code, with their town's name.</summary>
    public static async Task<IReadOnlyList<DutyVillageChoice>> ListAsync(AppDbContext db, CancellationToken ct)
    {
        var own = db.User.RegionCode;
        if (RegionCodes.LevelOf(own) is not (RegionLevel.County or RegionLevel.Town)) return [];
        var prefix = RegionCodes.ScopePrefix(own!);
        return await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code).Take(2000)
            .Select(r => new DutyVillageChoice(r.Code, r.Name, db.Regions.Where(t => t.Code == r.ParentCode).Select(t => t.Name).FirstOrDefault()))
            .ToListAsync(ct);
    }
}
