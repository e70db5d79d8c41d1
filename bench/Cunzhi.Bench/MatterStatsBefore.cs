using Cunzhi.Data;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

/// <summary>
/// The "before" path of the matter-stats scenario: <see cref="MatterStats"/>' five queries as they were on main at
/// f72ad2f (region filter <c>RegionCode.StartsWith(prefix)</c>, which SQLite cannot seek), kept verbatim so one run
/// measures both and checks they give the same report. Scope and period checks are left out: the bench asks valid ones.
/// </summary>
internal static class MatterStatsBefore
{
    /// <summary>The total, the first page of child rows and time to close, computed the old way.</summary>
    public static async Task<(StatsRow Total, List<StatsRow> Rows, List<CloseTimeView> CloseTimes)> ReportAsync(AppDbContext db, string code, DateOnly from, DateOnly to,
        DateOnly today, int pageSize)
    {
        var root = await ScopeGateway.PublicRegions(db).Where(r => r.Code == code).Select(r => new { r.Code, r.Name }).FirstAsync();
        var prefix = RegionCodes.ScopePrefix(code);
        var visited = await db.Set<VisitRecord>().AsNoTracking().Where(v => v.RegionCode.StartsWith(prefix) && v.Date >= from && v.Date <= to)
            .Select(v => new { v.RegionCode, v.HouseholdId }).Distinct()
            .GroupBy(v => v.RegionCode).Select(g => new { Village = g.Key, Households = g.Count() }).ToListAsync();
        var matters = db.Set<Matter>().AsNoTracking().Where(m => m.RegionCode.StartsWith(prefix));
        var closed = await matters.Where(MatterStatistics.ClosedIn(from, to))
            .GroupBy(m => new { m.RegionCode, m.Kind }).Select(g => new { g.Key.RegionCode, g.Key.Kind, Count = g.Count() }).ToListAsync();
        var durations = await matters.Where(MatterStatistics.ClosedIn(from, to))
            .GroupBy(m => new { m.Kind, m.ReceivedOn, m.DoneOn }).Select(g => new { g.Key.Kind, g.Key.ReceivedOn, g.Key.DoneOn, Count = g.Count() }).ToListAsync();
        var due = await matters.Where(MatterStatistics.DueIn(from, to))
            .GroupBy(m => m.RegionCode).Select(g => new { RegionCode = g.Key, Count = g.Count() }).ToListAsync();
        var late = await matters.Where(MatterStatistics.DueIn(from, to)).Where(MatterOverdue.LateOn(today))
            .GroupBy(m => m.RegionCode).Select(g => new { RegionCode = g.Key, Count = g.Count() }).ToListAsync();

        StatsRow Row(string rowCode, string name, Func<string, bool> includes)
        {
            int Closed(MatterKind kind) => closed.Where(c => c.Kind == kind && includes(c.RegionCode)).Sum(c => c.Count);
            var v = visited.Where(x => includes(x.Village)).ToList();
            var figures = new StatsFigures(v.Count, v.Sum(x => x.Households), Closed(MatterKind.MicroMatter), Closed(MatterKind.Problem),
                Closed(MatterKind.DevelopmentProject), Closed(MatterKind.VillagePlan));
            var d = due.Where(x => includes(x.RegionCode)).Sum(x => x.Count);
            var l = late.Where(x => includes(x.RegionCode)).Sum(x => x.Count);
            return new(rowCode, name, figures, d, l, MatterStatistics.SharePercent(l, d));
        }

        var children = await ScopeGateway.PublicRegions(db).Where(r => r.ParentCode == code && (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).Take(pageSize).ToListAsync();
        var rows = children.Select(c =>
        {
            var childPrefix = RegionCodes.ScopePrefix(c.Code);
            return Row(c.Code, c.Name, x => x.StartsWith(childPrefix, StringComparison.Ordinal));
        }).ToList();
        var closeTimes = Enum.GetValues<MatterKind>().Select(k => MatterStatistics.CloseTimeOf(k,
                durations.Where(x => x.Kind == k && x.DoneOn is not null).Select(x => (x.DoneOn!.Value.DayNumber - x.ReceivedOn.DayNumber, x.Count))))
            .Select(c => new CloseTimeView(c.Kind, MatterRules.KindName(c.Kind), c.Count, c.MedianDays, c.AverageDays)).ToList();
        return (Row(root.Code, root.Name, _ => true), rows, closeTimes);
    }
}
