using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Duty;

/// <summary>
/// One line of the duty dashboard: a town or village with its villages' working days (village × day), the days someone
/// available was on duty, the gaps (nobody, or only cadres on approved leave) and the cadres' leave days on working days.
/// </summary>
public sealed record DutyCoverageLine(string Code, string Name, int Villages, int WorkingDays, int Covered, int Gaps, int LeaveDays)
{
    /// <summary>Covered share of the working days, in percent (100 when there are none).</summary>
    public decimal Percent => WorkingDays == 0 ? 100m : Math.Round(Covered * 100m / WorkingDays, 1);
}

/// <summary>A region's duty coverage of a month: the total and one line per town (county) or village (town); a village lists no lines.</summary>
public sealed record DutyCoverageReport(string Code, string Name, RegionLevel Level, string? ParentCode, int Year, int Month, DutyCoverageLine Total,
    Paged<DutyCoverageLine> Rows);

/// <summary>
/// 值班覆盖: for the villages under a region and a month, how many working days had someone available on duty and how many
/// were gaps — county → town → village, and the same as a workbook; also the home's 下周值班空缺 count. Gaps are counted by
/// <see cref="DutyRules.Gaps"/> on the county's calendar, so a village without a roster has every working day as a gap.
/// </summary>
public sealed class DutyCoverageReports(AppDbContext db, WorkingCalendars calendars, TimeProvider clock)
{
    private sealed record Figures(int WorkingDays, int Gaps, int LeaveDays);

    /// <summary>Each village under <paramref name="prefix"/> with its working days, gaps and leave days between <paramref name="from"/> and <paramref name="to"/>.</summary>
    private async Task<Dictionary<string, Figures>> FiguresAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var calendar = await calendars.ForCountyAsync(ct);
        var days = new List<DateOnly>();
        for (var d = from; d <= to; d = d.AddDays(1))
            if (calendar.IsWorkingDay(d)) days.Add(d);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).Select(r => r.Code).ToListAsync(ct);
        var assignments = (await db.Set<DutyAssignment>().AsNoTracking().Where(a => a.RegionCode.StartsWith(prefix) && a.Date >= from && a.Date <= to)
            .Select(a => new { a.RegionCode, a.Date, a.CadreId }).ToListAsync(ct)).ToLookup(a => a.RegionCode);
        var leave = (await db.Set<DutyLeave>().AsNoTracking()
            .Where(l => l.RegionCode.StartsWith(prefix) && l.State == LeaveState.Approved && l.FromDate <= to && l.ToDate >= from)
            .Select(l => new { l.RegionCode, Span = new LeaveSpan(l.CadreId, l.FromDate, l.ToDate) }).ToListAsync(ct)).ToLookup(l => l.RegionCode, l => l.Span);
        var result = new Dictionary<string, Figures>();
        foreach (var v in villages)
        {
            var roster = assignments[v].GroupBy(a => a.Date).ToDictionary(g => g.Key, g => (IReadOnlyList<long>)g.Select(a => a.CadreId).ToList());
            var spans = leave[v].ToList();
            result[v] = new(days.Count, DutyRules.Gaps(days, roster, spans).Count, spans.Sum(s => days.Count(s.Covers)));
        }
        return result;
    }

    /// <summary>The number of next week's working days with nobody available on duty, summed over the account's villages (a village account: its own).</summary>
    public async Task<int> NextWeekGapsAsync(CancellationToken ct = default)
    {
        var own = db.User.RegionCode;
        if (RegionCodes.LevelOf(own) is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return 0;
        var monday = Week.MondayOf(clock.Today()).AddDays(7);
        return (await FiguresAsync(RegionCodes.ScopePrefix(own!), monday, monday.AddDays(6), ct)).Values.Sum(f => f.Gaps);
    }

    /// <summary>The report under a region (the account's own when none) for a month; null when the region is not a county, town or village in scope.</summary>
    public async Task<DutyCoverageReport?> RegionAsync(string? region, int year, int month, PageRequest page, CancellationToken ct = default)
    {
        if (await LinesAsync(region, year, month, ct) is not { } r) return null;
        return new(r.Code, r.Name, r.Level, r.ParentCode, year, month, r.Total, new(r.Rows.Skip(page.Skip).Take(page.Size).ToList(), r.Rows.Count, page.Page, page.Size));
    }

    private sealed record Lines(string Code, string Name, RegionLevel Level, string? ParentCode, DutyCoverageLine Total, List<DutyCoverageLine> Rows);

    private async Task<Lines?> LinesAsync(string? region, int year, int month, CancellationToken ct)
    {
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        var level = RegionCodes.LevelOf(code);
        if (level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.ParentCode }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var first = new DateOnly(year, month, 1);
        var figures = await FiguresAsync(RegionCodes.ScopePrefix(code!), first, first.AddMonths(1).AddDays(-1), ct);

        DutyCoverageLine Sum(string key, string name, Func<string, bool> under)
        {
            var f = figures.Where(x => under(x.Key)).Select(x => x.Value).ToList();
            return new(key, name, f.Count, f.Sum(x => x.WorkingDays), f.Sum(x => x.WorkingDays - x.Gaps), f.Sum(x => x.Gaps), f.Sum(x => x.LeaveDays));
        }

        var rows = new List<DutyCoverageLine>();
        if (level is RegionLevel.County or RegionLevel.Town)
        {
            var childLevel = level == RegionLevel.County ? RegionLevel.Town : RegionLevel.Village;
            var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code && r.Level == childLevel).OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
            rows = children.Select(c => Sum(c.Code, c.Name, k => RegionCodes.IsWithin(k, c.Code))).ToList();
        }
        return new(root.Code, root.Name, level.Value, root.ParentCode, Sum(root.Code, root.Name, _ => true), rows);
    }

    /// <summary>The report as a workbook (every line and the total); null when the region is not in scope.</summary>
    public async Task<XlsxDownload?> ExportAsync(string? region, int year, int month, CancellationToken ct = default)
    {
        if (await LinesAsync(region, year, month, ct) is not { } r) return null;
        XlsxColumn[] columns = [new("名称", Width: 20), new("村数", XlsxKind.Integer), new("工作日（村·天）", XlsxKind.Integer), new("有人值班", XlsxKind.Integer),
            new("值班空缺", XlsxKind.Integer), new("覆盖率（%）", XlsxKind.Decimal), new("休假（人·天）", XlsxKind.Integer)];
        static object?[] Row(DutyCoverageLine l) => [l.Name, l.Villages, l.WorkingDays, l.Covered, l.Gaps, l.Percent, l.LeaveDays];
        var rows = r.Rows.Select(Row).Append(Row(r.Total with { Name = "合计" }));
        var fileName = $"值班覆盖-{r.Name}-{year}{month:00}.xlsx";
        return new XlsxDownload(fileName, (stream, token) => XlsxWriter.WriteAsync(stream, [new XlsxSheet("值班覆盖", columns, rows)], token));
    }
}
