using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Matters;

/// <summary>What a statistics request asks: a region (default: the account's own), a period (from–to, China dates, inclusive) or a preset (month, quarter, year; default: this year).</summary>
public sealed record MatterStatsQuery(string? Region, DateOnly? From, DateOnly? To, string? Preset);

/// <summary>The six figures of <see cref="MatterStatistics.Figures"/>.</summary>
public sealed record StatsFigures(int VillagesVisited, int HouseholdsVisited, int MicroMattersDone, int ProblemsSolved, int ProjectsGuided, int PlansImproved)
{
    public static readonly StatsFigures Zero = new(0, 0, 0, 0, 0, 0);

    /// <summary>One figure's value.</summary>
    public int Of(MatterFigure figure) => figure switch
    {
        MatterFigure.VillagesVisited => VillagesVisited,
        MatterFigure.HouseholdsVisited => HouseholdsVisited,
        MatterFigure.MicroMattersDone => MicroMattersDone,
        MatterFigure.ProblemsSolved => ProblemsSolved,
        MatterFigure.ProjectsGuided => ProjectsGuided,
        MatterFigure.PlansImproved => PlansImproved,
        _ => 0,
    };
}

/// <summary>A region's figures and its overdue share: matters due in the period (<see cref="Due"/>), of them late (<see cref="Late"/>).</summary>
public sealed record StatsRow(string Code, string Name, StatsFigures Figures, int Due, int Late, double? LatePercent);

/// <summary>A figure's key, name and definition.</summary>
public sealed record StatsFigureView(string Key, string Name, string Definition);

/// <summary>Time to close of one kind.</summary>
public sealed record CloseTimeView(MatterKind Kind, string KindName, int Count, double? MedianDays, double? AverageDays);

/// <summary>诉求统计 of a region and period: the total, a row per child region (counties of a province, towns of a county, villages of a town; paged), time to close by kind.</summary>
public sealed record MatterStatsReport(string RegionCode, string RegionName, RegionLevel Level, string? ParentCode, DateOnly From, DateOnly To, DateOnly AsOf,
    IReadOnlyList<StatsFigureView> Definitions, string CloseTimeDefinition, string OverdueDefinition, StatsRow Total, Paged<StatsRow> Rows,
    IReadOnlyList<CloseTimeView> CloseTimes);

/// <summary>
/// 诉求统计 (Zibo's list): 走访村数, 走访户数 and the four kinds of matters done, per child region with drill-down county →
/// town → village; time to close by kind; the overdue share per child region (<see cref="MatterOverdue"/>). Every figure is
/// defined in <see cref="MatterStatistics"/>; the page, the API and the Excel export read this one report. A province
/// (issue #19) aggregates its counties the same way: province → county → town → village.
/// </summary>
public sealed class MatterStats(ReadDb read, TimeProvider clock)
{
    /// <summary>The report; <see cref="BadInputException"/> (400) for a bad period or unknown region, <see cref="RegionScopeViolationException"/> (403) out of scope.</summary>
    public Task<MatterStatsReport> ReportAsync(MatterStatsQuery q, PageRequest page, CancellationToken ct = default) => BuildAsync(q, page, ct);

    /// <summary>The report with every child region on one page (<paramref name="page"/> null), as the export needs.</summary>
    private async Task<MatterStatsReport> BuildAsync(MatterStatsQuery q, PageRequest? page, CancellationToken ct)
    {
        // A report: read on the standby when there is one and it has the reader's own writes (ReadDb).
        var db = await read.GetAsync(ct);
        var today = clock.Today();
        var (from, to) = Period(q, today);
        var code = string.IsNullOrWhiteSpace(q.Region) ? db.User.RegionCode : q.Region.Trim();
        var level = RegionCodes.LevelOf(code);
        if (level is not (RegionLevel.Province or RegionLevel.County or RegionLevel.Town or RegionLevel.Village))
            throw new BadInputException("region", "请选择省、县、乡镇或村");
        // A province has no row in the regions table (its counties are the roots): its name is the national table's.
        var root = level == RegionLevel.Province
            ? new Root(code, ProvinceNames.Of(code)!, null)
            : await ScopeGateway.PublicRegions(db).Where(r => r.Code == code).Select(r => new Root(r.Code, r.Name, r.ParentCode)).FirstOrDefaultAsync(ct)
              ?? throw new BadInputException("region", "未找到该区划");
        if (!db.User.Allows(code)) throw new RegionScopeViolationException(code);
        var prefix = RegionCodes.ScopePrefix(code);
        // Summary rows are grouped in the database by village, or for a province by county (a village code's first six
        // digits), so a province report returns a row per county and kind, not one per village.
        var groupDigits = level == RegionLevel.Province ? RegionCodes.CountyDigits : RegionCodes.VillageDigits;

        // Matter figures from the per-village daily summary (MatterDailySummary, kept in each matter's save), one primary-key
        // range each: region range, then the period. Visit figures are distinct counts, which daily rows cannot sum: they
        // are counted from the visit records' covering index (RegionCode, Date, HouseholdId), so both stay exact.
        var visited = await db.Set<VisitRecord>().AsNoTracking().WhereCodeStartsWith(v => v.RegionCode, prefix).Where(v => v.Date >= from && v.Date <= to)
            .Select(v => new { v.RegionCode, v.HouseholdId }).Distinct()
            .GroupBy(v => v.RegionCode).Select(g => new { Village = g.Key, Households = g.Count() }).ToListAsync(ct);
        var inPeriod = db.Set<MatterDailySummary>().AsNoTracking().WhereCodeStartsWith(s => s.RegionCode, prefix).Where(s => s.Day >= from && s.Day <= to);
        var summary = await (level == RegionLevel.Province
                ? inPeriod.GroupBy(s => new { Child = s.RegionCode.Substring(0, RegionCodes.CountyDigits), s.Kind })
                : inPeriod.GroupBy(s => new { Child = s.RegionCode, s.Kind }))
            .Select(g => new
            {
                g.Key.Child, g.Key.Kind, Closed = g.Sum(s => s.Closed), Due = g.Sum(s => s.Due),
                // Late (MatterOverdue.IsLate on today): closed after the due date, or still open with the due date passed.
                Late = g.Sum(s => s.DueClosedLate) + g.Sum(s => s.Day < today ? s.DueOpen : 0),
            }).ToListAsync(ct);
        var durations = await db.Set<MatterCloseDays>().AsNoTracking().WhereCodeStartsWith(s => s.RegionCode, prefix).Where(s => s.Day >= from && s.Day <= to)
            .GroupBy(s => new { s.Kind, s.Days }).Select(g => new { g.Key.Kind, g.Key.Days, Count = g.Sum(s => s.Count) }).ToListAsync(ct);

        // Keyed by the group (village, or a province's county) so each child row reads only the groups under it.
        var summaryByGroup = summary.ToLookup(x => x.Child);
        var visitedByGroup = visited.ToLookup(x => x.Village.Length > groupDigits ? x.Village[..groupDigits] : x.Village);
        var groups = summaryByGroup.Select(g => g.Key).Union(visitedByGroup.Select(g => g.Key)).ToList();

        StatsRow Row(string rowCode, string name, string rowPrefix)
        {
            var keys = groups.Where(k => k.StartsWith(rowPrefix, StringComparison.Ordinal)).ToList();
            var mine = keys.SelectMany(k => summaryByGroup[k]).ToList();
            int Closed(MatterKind kind) => mine.Where(c => c.Kind == kind).Sum(c => c.Closed);
            var v = keys.SelectMany(k => visitedByGroup[k]).ToList();
            var figures = new StatsFigures(v.Count, v.Sum(x => x.Households), Closed(MatterKind.MicroMatter), Closed(MatterKind.Problem),
                Closed(MatterKind.DevelopmentProject), Closed(MatterKind.VillagePlan));
            var d = mine.Sum(x => x.Due);
            var l = mine.Sum(x => x.Late);
            return new(rowCode, name, figures, d, l, MatterStatistics.SharePercent(l, d));
        }

        var total = Row(root.Code, root.Name, "");
        var rows = new Paged<StatsRow>([], 0, page?.Page ?? 1, page?.Size ?? 0);
        if (level != RegionLevel.Village)
        {
            // A province's children are its counties (roots of the regions table); a county's its towns, a town's its villages.
            var query = (level == RegionLevel.Province
                    ? ScopeGateway.PublicRegions(db).WhereCodeStartsWith(r => r.Code, prefix).Where(r => r.Level == RegionLevel.County)
                    : ScopeGateway.PublicRegions(db).Where(r => r.ParentCode == code && (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village)))
                .OrderBy(r => r.Code).Select(r => new Child(r.Code, r.Name));
            Paged<Child> children;
            if (page is { } p) children = await query.ToPagedAsync(p, ct);
            else
            {
                var all = await query.ToListAsync(ct);
                children = new(all, all.Count, 1, all.Count);
            }
            rows = new Paged<StatsRow>(children.Items.Select(c => Row(c.Code, c.Name, RegionCodes.ScopePrefix(c.Code))).ToList(),
                children.Total, children.Page, children.PageSize);
        }
        var closeTimes = Enum.GetValues<MatterKind>().Select(k => MatterStatistics.CloseTimeOf(k,
                durations.Where(x => x.Kind == k).Select(x => (x.Days, x.Count))))
            .Select(c => new CloseTimeView(c.Kind, MatterRules.KindName(c.Kind), c.Count, c.MedianDays, c.AverageDays)).ToList();
        return new(root.Code, root.Name, level.Value, root.ParentCode, from, to, today,
            MatterStatistics.Figures.Select(f => new StatsFigureView(f.Key, f.Name, f.Definition)).ToList(),
            MatterStatistics.CloseTimeDefinition, MatterStatistics.OverdueDefinition, total, rows, closeTimes);
    }

    /// <summary>The counties in the account's scope (a province account's home: how many counties its statistics cover).</summary>
    public async Task<int> CountiesAsync(CancellationToken ct = default) =>
        await (await read.GetAsync(ct)).Regions.CountAsync(r => r.Level == RegionLevel.County, ct);

    private sealed record Child(string Code, string Name);

    private sealed record Root(string Code, string Name, string? ParentCode);

    /// <summary>The period asked: from–to when both are given, else the preset (default: this year); 400 for a bad one.</summary>
    public static (DateOnly From, DateOnly To) Period(MatterStatsQuery q, DateOnly today)
    {
        if (q.From is not null || q.To is not null)
        {
            if (q.From is not { } f || q.To is not { } t) throw new BadInputException(q.From is null ? "from" : "to", "请同时填写开始日期和结束日期");
            InputRange.Date(f, "from");
            InputRange.Date(t, "to");
            if (MatterStatistics.PeriodProblem(f, t) is { } problem) throw new BadInputException("from", problem);
            return (f, t);
        }
        if (string.IsNullOrWhiteSpace(q.Preset)) return MatterStatistics.Preset("year", today)!.Value;
        return MatterStatistics.Preset(q.Preset, today) ?? throw new BadInputException("preset", "统计期间只能是本月（month）、本季度（quarter）或本年（year）");
    }

    /// <summary>The report as a workbook: 统计 (each child region and the total, with the overdue share), 办结用时, 口径 (region, period, definitions).</summary>
    public async Task<XlsxDownload> ExportAsync(MatterStatsQuery q, CancellationToken ct = default)
    {
        var r = await BuildAsync(q, null, ct);
        XlsxColumn[] columns =
        [
            new("区划", Width: 20), .. MatterStatistics.Figures.Select(f => new XlsxColumn(f.Name, XlsxKind.Integer)),
            new("到期诉求", XlsxKind.Integer), new("逾期", XlsxKind.Integer), new("逾期率（%）", XlsxKind.Decimal),
        ];
        object?[] Line(StatsRow row) =>
            [row.Name, .. MatterStatistics.Figures.Select(f => (object?)row.Figures.Of(f.Figure)), row.Due, row.Late, row.LatePercent];
        var lines = r.Rows.Items.Select(Line).Append(Line(r.Total with { Name = "合计" }));
        XlsxColumn[] closeColumns = [new("类别", Width: 12), new("办结数", XlsxKind.Integer), new("中位数（天）", XlsxKind.Decimal), new("平均（天）", XlsxKind.Decimal)];
        var closeLines = r.CloseTimes.Select(c => new object?[] { c.KindName, c.Count, c.MedianDays, c.AverageDays });
        var about = new List<object?[]> { new object?[] { "区划", r.RegionName }, new object?[] { "统计期间", $"{r.From:yyyy-MM-dd} 至 {r.To:yyyy-MM-dd}" } }
            .Concat(r.Definitions.Select(d => new object?[] { d.Name, d.Definition }))
            .Append(["办结用时", r.CloseTimeDefinition]).Append(["逾期率", r.OverdueDefinition]);
        var fileName = $"诉求统计-{r.RegionName}-{r.From:yyyyMMdd}-{r.To:yyyyMMdd}.xlsx";
        return new XlsxDownload(fileName, (stream, token) => XlsxWriter.WriteAsync(stream,
        [
            new XlsxSheet("统计", columns, lines),
            new XlsxSheet("办结用时", closeColumns, closeLines),
            new XlsxSheet("口径", [new XlsxColumn("项目", Width: 14), new XlsxColumn("说明", Width: 60)], about),
        ], token));
    }
}
