using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// A cadre's 积分情况 for a year, offered as read-only evidence to the annual review and the 好支书/reward decisions: the
/// villager groups they were linked to in the year (干部联村组), those groups' households with their points of the year
/// (one page, ranked) and the total and average, and the Party members linked to those households with their scores
/// under the county's 积分联奖惩 rule. Nothing here moves money or scores. Null when the cadre is not in scope.
/// </summary>
public sealed record CadrePointsEvidence(long CadreId, string CadreName, string VillageCode, int Year, IReadOnlyList<string> Groups, int HouseholdCount,
    int TotalPoints, decimal AveragePoints, Paged<HouseholdScoreView> Households, IReadOnlyList<MemberScoreView> Members);

/// <summary>Builds <see cref="CadrePointsEvidence"/> from the net and the running rows (region scope is the data context's).</summary>
public sealed class PointsEvidence(AppDbContext db, LinkedPoints linked)
{
    /// <summary>The evidence of <paramref name="cadreId"/> for <paramref name="year"/>; null when the cadre is not in scope.</summary>
    public async Task<CadrePointsEvidence?> ForCadreAsync(long cadreId, int year, PageRequest page, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Id == cadreId).Select(c => new { c.Id, c.Name, c.RegionCode }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        var start = new DateOnly(year, 1, 1);
        var end = new DateOnly(year, 12, 31);
        var groups = await db.Set<CadreGroupLink>().AsNoTracking()
            .Where(l => l.CadreId == cadreId && l.FromDate <= end && (l.ToDate == null || l.ToDate >= start)).Select(l => l.GroupCode).Distinct().OrderBy(g => g).ToListAsync(ct);
        var inGroups = (await db.Households.AsNoTracking().Where(h => h.GroupCode != null && groups.Contains(h.GroupCode)).Select(h => h.Id).ToListAsync(ct)).ToHashSet();
        var households = (await linked.HouseholdsAsync(cadre.RegionCode, year, ct)).Where(h => inGroups.Contains(h.HouseholdId)).ToList();
        var total = households.Sum(h => h.Points);
        var average = households.Count == 0 ? 0m : LinkedScore.Round((decimal)total / households.Count);
        var memberIds = (await db.Set<MemberHouseholdLink>().AsNoTracking()
            .Where(l => inGroups.Contains(l.HouseholdId) && l.FromDate <= end && (l.ToDate == null || l.ToDate >= start)).Select(l => l.ResidentId).ToListAsync(ct)).ToHashSet();
        var members = (await linked.MembersAsync(cadre.RegionCode, year, ct)).Where(m => memberIds.Contains(m.ResidentId)).ToList();
        var rows = new Paged<HouseholdScoreView>(households.Skip(page.Skip).Take(page.Size).ToList(), households.Count, page.Page, page.Size);
        var groupNames = await db.Regions.AsNoTracking().Where(r => groups.Contains(r.Code)).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var names = groups.Select(g => groupNames.FirstOrDefault(n => n.Code == g)?.Name ?? g).ToList();
        return new(cadre.Id, cadre.Name, cadre.RegionCode, year, names, households.Count, total, average, rows, members);
    }
}
