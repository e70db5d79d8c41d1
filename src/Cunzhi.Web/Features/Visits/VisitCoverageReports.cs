using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Visits;

/// <summary>One line of coverage: a village, an official, a town or a round, with households visited of planned.</summary>
public sealed record CoverageLine(string Key, string Name, VisitCoverage Coverage, long? RoundId = null, int Rounds = 0);

/// <summary>A round's coverage: the total, per village (paged) and per official (paged), in the reader's scope.</summary>
public sealed record RoundCoverage(RoundView Round, VisitCoverage Total, Paged<CoverageLine> Villages, Paged<CoverageLine> Officials);

/// <summary>
/// Coverage of a region over a year: for the county one line per town (its rounds summed), for a town one line per
/// round, for a village one line per round of its town that reaches it (its own households only).
/// </summary>
public sealed record RegionCoverage(string Code, string Name, RegionLevel Level, string? ParentCode, int Year, VisitCoverage Total, Paged<CoverageLine> Rows);

/// <summary>
/// 走访覆盖: households visited ÷ planned, each planned household counted once however often it was visited
/// (<see cref="VisitRules.Coverage"/>), drilled down county → town → round → village and official, and the round's Excel export.
/// </summary>
public sealed class VisitCoverageReports(AppDbContext db, VisitPlanning planning, TimeProvider clock)
{
    /// <summary>A round's coverage in scope, or null.</summary>
    public async Task<RoundCoverage?> RoundAsync(long roundId, PageRequest page, CancellationToken ct = default)
    {
        if (await planning.GetAsync(roundId, ct) is not { } round) return null;
        var (villages, officials, total) = await LinesAsync(roundId, ct);
        return new(round, total, Page(villages, page), Page(officials, page));
    }

    private static Paged<CoverageLine> Page(IReadOnlyList<CoverageLine> lines, PageRequest page) =>
        new(lines.Skip(page.Skip).Take(page.Size).ToList(), lines.Count, page.Page, page.Size);

    private async Task<(List<CoverageLine> Villages, List<CoverageLine> Officials, VisitCoverage Total)> LinesAsync(long roundId, CancellationToken ct)
    {
        var planned = await db.Set<VisitAssignment>().AsNoTracking().Where(a => a.RoundId == roundId)
            .Select(a => new { a.HouseholdId, a.RegionCode, a.Official }).ToListAsync(ct);
        var visited = (await db.Set<VisitRecord>().AsNoTracking().Where(v => v.RoundId == roundId).Select(v => v.HouseholdId).Distinct().ToListAsync(ct)).ToHashSet();
        var codes = planned.Select(p => p.RegionCode).Distinct().ToList();
        var names = await ScopeGateway.PublicRegions(db).Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var people = await planning.OfficialNamesAsync(planned.Select(p => p.Official), ct);
        var villages = planned.GroupBy(p => p.RegionCode).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CoverageLine(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, VisitRules.Coverage(g.Select(p => p.HouseholdId), visited))).ToList();
        var officials = planned.GroupBy(p => p.Official).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new CoverageLine(g.Key, people.GetValueOrDefault(g.Key) ?? g.Key, VisitRules.Coverage(g.Select(p => p.HouseholdId), visited))).ToList();
        return (villages, officials, VisitRules.Coverage(planned.Select(p => p.HouseholdId), visited));
    }

    /// <summary>
    /// Coverage under a region (the account's own when none) for rounds starting in <paramref name="year"/> (this year
    /// when none); null when the region is not a county, town or village in scope.
    /// </summary>
    public async Task<RegionCoverage?> RegionAsync(string? region, int? year, PageRequest page, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        var level = RegionCodes.LevelOf(code);
        if (level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.ParentCode }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var y = year ?? clock.Today().Year;
        var prefix = RegionCodes.ScopePrefix(code);
        var townPrefix = level == RegionLevel.County ? prefix : RegionCodes.TownPrefix(code);
        var rounds = await planning.Rounds().Where(r => r.RegionCode.StartsWith(townPrefix) && r.FromDate.Year == y)
            .OrderByDescending(r => r.FromDate).ThenByDescending(r => r.Id).Select(r => new { r.Id, r.RegionCode, r.Name, r.FromDate, r.ToDate }).ToListAsync(ct);
        var ids = rounds.Select(r => r.Id).ToList();
        var planned = await db.Set<VisitAssignment>().AsNoTracking().Where(a => ids.Contains(a.RoundId) && a.RegionCode.StartsWith(prefix))
            .GroupBy(a => a.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoundId, g => g.Count, ct);
        var visited = await db.Set<VisitRecord>().AsNoTracking().Where(v => ids.Contains(v.RoundId) && v.RegionCode.StartsWith(prefix))
            .Where(v => db.Set<VisitAssignment>().Any(a => a.RoundId == v.RoundId && a.HouseholdId == v.HouseholdId))
            .Select(v => new { v.RoundId, v.HouseholdId }).Distinct()
            .GroupBy(v => v.RoundId).Select(g => new { RoundId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.RoundId, g => g.Count, ct);
        VisitCoverage Of(long id) => new(planned.GetValueOrDefault(id), visited.GetValueOrDefault(id));

        List<CoverageLine> lines;
        if (level == RegionLevel.County)
        {
            var towns = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            lines = towns.Select(t =>
            {
                var own = rounds.Where(r => r.RegionCode == t.Code).ToList();
                return new CoverageLine(t.Code, t.Name, own.Select(r => Of(r.Id)).Aggregate(VisitCoverage.Empty, (a, b) => a.Add(b)), null, own.Count);
            }).ToList();
        }
        else
            lines = rounds.Where(r => level == RegionLevel.Town || planned.ContainsKey(r.Id))
                .Select(r => new CoverageLine(r.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), $"{r.Name}（{r.FromDate:MM-dd}至{r.ToDate:MM-dd}）", Of(r.Id), r.Id, 1)).ToList();
        var total = ids.Select(Of).Aggregate(VisitCoverage.Empty, (a, b) => a.Add(b));
        return new(root.Code, root.Name, level.Value, root.ParentCode, y, total, Page(lines, page));
    }

    /// <summary>The round's coverage as a workbook: 按村, 按干部 and 农户明细 (every planned household, visited or not); null when the round is not found.</summary>
    public async Task<XlsxDownload?> ExportAsync(long roundId, CancellationToken ct = default)
    {
        if (await planning.GetAsync(roundId, ct) is not { } round) return null;
        var (villages, officials, total) = await LinesAsync(roundId, ct);
        XlsxColumn[] lineColumns = [new("名称", Width: 20), new("计划走访户数", XlsxKind.Integer), new("已走访户数", XlsxKind.Integer), new("走访率（%）", XlsxKind.Decimal)];
        object?[] Row(CoverageLine l) => [l.Name, l.Coverage.Planned, l.Coverage.Visited, l.Coverage.Percent];
        var totalRow = new object?[] { "合计", total.Planned, total.Visited, total.Percent };
        var households = await db.Set<VisitAssignment>().AsNoTracking().Where(a => a.RoundId == roundId)
            .OrderBy(a => a.RegionCode).ThenBy(a => a.GroupCode).ThenBy(a => a.HouseholdId)
            .Select(a => new
            {
                Village = db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault(),
                Group = db.Regions.Where(r => r.Code == a.GroupCode).Select(r => r.Name).FirstOrDefault(),
                Number = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.Number).FirstOrDefault(),
                Head = db.Households.Where(h => h.Id == a.HouseholdId).Select(h => h.HeadName).FirstOrDefault(),
                a.Official,
                Visits = db.Set<VisitRecord>().Count(v => v.RoundId == roundId && v.HouseholdId == a.HouseholdId),
                Last = db.Set<VisitRecord>().Where(v => v.RoundId == roundId && v.HouseholdId == a.HouseholdId).Max(v => (DateOnly?)v.Date),
            }).ToListAsync(ct);
        var people = await planning.OfficialNamesAsync(households.Select(h => h.Official), ct);
        XlsxColumn[] detailColumns = [new("村", Width: 14), new("村民小组", Width: 12), new("户号"), new("户主"), new("走访干部", Width: 16), new("已走访", XlsxKind.Boolean),
            new("走访次数", XlsxKind.Integer), new("最近走访日期", XlsxKind.Date, 12)];
        var detail = households.Select(h => new object?[] { h.Village, h.Group, h.Number, h.Head, people.GetValueOrDefault(h.Official) ?? h.Official, h.Visits > 0, h.Visits, h.Last });
        var fileName = $"走访覆盖-{round.TownName}-{round.Name}-{clock.Today():yyyyMMdd}.xlsx";
        return new XlsxDownload(fileName, (stream, token) => XlsxWriter.WriteAsync(stream,
        [
            new XlsxSheet("按村", lineColumns, villages.Select(Row).Append(totalRow)),
            new XlsxSheet("按干部", lineColumns, officials.Select(Row).Append(totalRow)),
            new XlsxSheet("农户明细", detailColumns, detail),
        ], token));
    }
}
