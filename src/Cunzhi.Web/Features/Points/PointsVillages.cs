using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>A village a town or county account may choose on the points pages, named with its town.</summary>
public sealed record PointsVillage(string Code, string Name, string Label);

/// <summary>
/// The villages in the account's scope for the points pages' village selector (积分台账, 积分排名): a town's villages,
/// or the county's grouped by town; a village account has only its own. Region scope is the data context's.
/// </summary>
public sealed class PointsVillages(AppDbContext db, UserContext user)
{
    /// <summary>Villages in scope, by code.</summary>
    public async Task<IReadOnlyList<PointsVillage>> InScopeAsync(CancellationToken ct = default)
    {
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.ParentCode }).ToListAsync(ct);
        var towns = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var townName = towns.ToDictionary(t => t.Code, t => t.Name);
        return villages.Select(v => new PointsVillage(v.Code, v.Name,
            v.ParentCode is { } p && townName.TryGetValue(p, out var t) && RegionCodes.LevelOf(user.RegionCode) != RegionLevel.Town ? $"{t} · {v.Name}" : v.Name)).ToList();
    }

    /// <summary>The village to show: the account's own for a village account; else <paramref name="asked"/> when it is a village in scope, else null.</summary>
    public async Task<string?> ChosenAsync(string? asked, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Village) return user.RegionCode;
        var code = asked?.Trim();
        if (string.IsNullOrEmpty(code) || RegionCodes.LevelOf(code) != RegionLevel.Village) return null;
        return await db.Regions.AsNoTracking().AnyAsync(r => r.Code == code, ct) ? code : null;
    }
}
