using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>One line of the dashboard: a town or village with its findings by state and how many of them are overdue today.</summary>
public sealed record FindingLine(string Code, string Name, int Open, int Rectifying, int Rectified, int Closed, int Overdue)
{
    /// <summary>Findings not yet 销号.</summary>
    public int Unclosed => Open + Rectifying + Rectified;
}

/// <summary>A region's findings on a day: the total and one line per town (county) or village (town); a village lists no lines.</summary>
public sealed record FindingReport(string Code, string Name, RegionLevel Level, string? ParentCode, DateOnly Day, FindingLine Total, Paged<FindingLine> Rows);

/// <summary>
/// 发现问题统计: the findings under a region by rectification state and overdue, county → town → village, and the same as
/// a workbook. One grouped query per region; the lines are summed in memory.
/// </summary>
public sealed class FindingDashboard(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该区划，或其不在您的管辖范围内";

    /// <summary>The report under a region (the account's own when none); null when not a county, town or village in scope.</summary>
    public async Task<FindingReport?> RegionAsync(string? region, PageRequest page, CancellationToken ct = default)
    {
        if (await LinesAsync(region, ct) is not { } r) return null;
        return r with { Rows = new(r.Rows.Items.Skip(page.Skip).Take(page.Size).ToList(), r.Rows.Total, page.Page, page.Size) };
    }

    /// <summary>The report under a region with every line (no paging; the supervision overview reads it too); null when not in scope.</summary>
    public async Task<FindingReport?> LinesAsync(string? region, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        var level = RegionCodes.LevelOf(code);
        if (level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.ParentCode }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var today = clock.Today();
        var prefix = RegionCodes.ScopePrefix(code);
        var counts = await db.Set<SupervisionFinding>().AsNoTracking().Where(f => f.RegionCode.StartsWith(prefix))
            .GroupBy(f => new { f.RegionCode, f.State })
            .Select(g => new { g.Key.RegionCode, g.Key.State, Count = g.Count(), Overdue = g.Count(f => f.Deadline < today) })
            .ToListAsync(ct);

        FindingLine Sum(string key, string name, Func<string, bool> under)
        {
            var mine = counts.Where(c => under(c.RegionCode)).ToList();
            int Of(FindingState s) => mine.Where(c => c.State == s).Sum(c => c.Count);
            return new(key, name, Of(FindingState.Open), Of(FindingState.Rectifying), Of(FindingState.Rectified), Of(FindingState.Closed),
                mine.Where(c => SupervisionRules.Overdue(c.State, DateOnly.MinValue, today)).Sum(c => c.Overdue));
        }

        var rows = new List<FindingLine>();
        if (level is RegionLevel.County or RegionLevel.Town)
        {
            var childLevel = level == RegionLevel.County ? RegionLevel.Town : RegionLevel.Village;
            var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.Level == childLevel).OrderBy(r => r.Code)
                .Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            rows = children.Select(c => Sum(c.Code, c.Name, k => RegionCodes.IsWithin(k, c.Code))).ToList();
        }
        return new(root.Code, root.Name, level.Value, root.ParentCode, today, Sum(root.Code, root.Name, _ => true), new(rows, rows.Count, 1, Math.Max(rows.Count, 1)));
    }

    /// <summary>The report as a workbook (every line and the total); null when the region is not in scope.</summary>
    public async Task<XlsxDownload?> ExportAsync(string? region, CancellationToken ct = default)
    {
        if (await LinesAsync(region, ct) is not { } r) return null;
        XlsxColumn[] columns = [new("名称", Width: 20), new("待整改", XlsxKind.Integer), new("整改中", XlsxKind.Integer), new("已整改待销号", XlsxKind.Integer),
            new("已销号", XlsxKind.Integer), new("未销号合计", XlsxKind.Integer), new("逾期", XlsxKind.Integer)];
        static object?[] Row(FindingLine l) => [l.Name, l.Open, l.Rectifying, l.Rectified, l.Closed, l.Unclosed, l.Overdue];
        var rows = r.Rows.Items.Select(Row).Append(Row(r.Total with { Name = "合计" }));
        var fileName = $"审计巡察发现问题-{r.Name}-{r.Day:yyyyMMdd}.xlsx";
        return new XlsxDownload(fileName, (stream, token) => XlsxWriter.WriteAsync(stream, [new XlsxSheet("发现问题", columns, rows)], token));
    }
}
