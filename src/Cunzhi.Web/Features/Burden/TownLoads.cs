using Cunzhi.Data;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Burden;

/// <summary>One month of a town's own work: household visits made (户次) and matters escalated (提级) to the town.</summary>
public sealed record TownLoadMonth(DateOnly Month, int Visits, int Escalated)
{
    /// <summary>Both together.</summary>
    public int Total => Visits + Escalated;
}

/// <summary>
/// 乡镇工作量: the meter counts what comes down to villages; visits (上门问事) and matters escalated to the town are the
/// town's own work, so they are counted here per town and month and never added to any village's load. Region scope is
/// the data context's (the visits and matter events of villages in scope).
/// </summary>
public sealed class TownLoads(AppDbContext db)
{
    /// <summary>The twelve months ending with <paramref name="month"/> for <paramref name="town"/> (a town's code), oldest first; empty for another level.</summary>
    public async Task<IReadOnlyList<TownLoadMonth>> MonthsAsync(string town, DateOnly month, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(town) != RegionLevel.Town) return [];
        var to = new DateOnly(month.Year, month.Month, 1).AddMonths(1);
        var from = to.AddMonths(-12);
        var prefix = RegionCodes.ScopePrefix(town);
        var visits = await db.Set<VisitRecord>().AsNoTracking().Where(v => v.RegionCode.StartsWith(prefix) && v.Date >= from && v.Date < to)
            .GroupBy(v => new { v.Date.Year, v.Date.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var escalated = await db.Set<MatterEvent>().AsNoTracking()
            .Where(e => e.RegionCode.StartsWith(prefix) && e.Kind == MatterEventKind.Escalated && e.Level == MatterLevel.Town && e.On >= from && e.On < to)
            .GroupBy(e => new { e.On.Year, e.On.Month }).Select(g => new { g.Key.Year, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        return Enumerable.Range(0, 12).Select(i => from.AddMonths(i)).Select(m => new TownLoadMonth(m,
            visits.Where(v => v.Year == m.Year && v.Month == m.Month).Sum(v => v.Count),
            escalated.Where(e => e.Year == m.Year && e.Month == m.Month).Sum(e => e.Count))).ToList();
    }
}
