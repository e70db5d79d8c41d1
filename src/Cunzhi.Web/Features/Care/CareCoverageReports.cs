using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>One line of the dashboard: a town or village with its cadres in office, insured today and checked this year.</summary>
public sealed record CareLine(string Code, string Name, CareCoverage Insured, CareCoverage Checked);

/// <summary>A region's care coverage on a day: the total and one line per town (county) or village (town); a village lists no lines.</summary>
public sealed record CareReport(string Code, string Name, RegionLevel Level, string? ParentCode, DateOnly Day, CareLine Total, Paged<CareLine> Rows);

/// <summary>
/// 保险与体检覆盖: of the cadres in office under a region, how many are covered by an accident policy on the day and how
/// many had the day's year's health check — county → town → village, and the same as a workbook.
/// </summary>
public sealed class CareCoverageReports(AppDbContext db, TimeProvider clock)
{
    /// <summary>The report under a region (the account's own when none) on today; null when the region is not a county, town or village in scope.</summary>
    public async Task<CareReport?> RegionAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        if (await LinesAsync(region, ct) is not { } r) return null;
        return new(r.Code, r.Name, r.Level, r.ParentCode, r.Day, r.Total, new(r.Rows.Skip(page.Skip).Take(page.Size).ToList(), r.Rows.Count, page.Page, page.Size));
    }

    private sealed record Lines(string Code, string Name, RegionLevel Level, string? ParentCode, DateOnly Day, CareLine Total, List<CareLine> Rows);

    private async Task<Lines?> LinesAsync(string? region, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        var level = RegionCodes.LevelOf(code);
        if (level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.ParentCode }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var today = clock.Today();
        var prefix = RegionCodes.ScopePrefix(code);
        var serving = await db.Cadres.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.Status == CadreStatus.InOffice)
            .GroupBy(c => c.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var insured = await db.Set<InsuredCadre>().AsNoTracking()
            .Where(i => i.RegionCode.StartsWith(prefix) && i.FromDate <= today && i.ToDate >= today)
            .Where(i => db.Cadres.Any(c => c.Id == i.CadreId && c.Status == CadreStatus.InOffice))
            .Select(i => new { i.RegionCode, i.CadreId }).Distinct()
            .GroupBy(i => i.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var year = today.Year;
        var checkedCount = await db.Set<HealthCheck>().AsNoTracking()
            .Where(h => h.RegionCode.StartsWith(prefix) && h.Year == year && db.Cadres.Any(c => c.Id == h.CadreId && c.Status == CadreStatus.InOffice))
            .GroupBy(h => h.RegionCode).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);

        CareLine Sum(string key, string name, Func<string, bool> under) => new(key, name,
            new(serving.Where(s => under(s.Key)).Sum(s => s.Value), insured.Where(s => under(s.Key)).Sum(s => s.Value)),
            new(serving.Where(s => under(s.Key)).Sum(s => s.Value), checkedCount.Where(s => under(s.Key)).Sum(s => s.Value)));

        var rows = new List<CareLine>();
        if (level is RegionLevel.County or RegionLevel.Town)
        {
            var childLevel = level == RegionLevel.County ? RegionLevel.Town : RegionLevel.Village;
            var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.Level == childLevel).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            rows = children.Select(c => Sum(c.Code, c.Name, k => RegionCodes.IsWithin(k, c.Code))).ToList();
        }
        return new(root.Code, root.Name, level.Value, root.ParentCode, today, Sum(root.Code, root.Name, _ => true), rows);
    }

    /// <summary>The report as a workbook (every line and the total); null when the region is not in scope.</summary>
    public async Task<XlsxDownload?> ExportAsync(string? region, CancellationToken ct = default)
    {
        if (await LinesAsync(region, ct) is not { } r) return null;
        XlsxColumn[] columns = [new("名称", Width: 20), new("在任干部", XlsxKind.Integer), new("今日在保", XlsxKind.Integer), new("参保率（%）", XlsxKind.Decimal),
            new($"{r.Day.Year} 年已体检", XlsxKind.Integer), new("体检率（%）", XlsxKind.Decimal)];
        static object?[] Row(CareLine l) => [l.Name, l.Insured.InOffice, l.Insured.Covered, l.Insured.Percent, l.Checked.Covered, l.Checked.Percent];
        var rows = r.Rows.Select(Row).Append(Row(r.Total with { Name = "合计" }));
        var fileName = $"保险与体检覆盖-{r.Name}-{r.Day:yyyyMMdd}.xlsx";
        return new XlsxDownload(fileName, (stream, token) => XlsxWriter.WriteAsync(stream, [new XlsxSheet("覆盖情况", columns, rows)], token));
    }
}
