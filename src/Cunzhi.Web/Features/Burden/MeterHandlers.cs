using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Burden;

/// <summary>Rows of one source counted per village and month (a month is Year + Month).</summary>
public sealed record MeterCount(string RegionCode, int Year, int Month, int Count);

/// <summary>
/// One thing the meter counts. <see cref="Query"/> counts rows per village and month for villages whose code starts with the
/// prefix, within the range; null means the
/// platform has no such data yet (shown as 0 and marked 待接入; none today). To add a source, add a line to <see cref="MeterHandlers.Sources"/>.
/// </summary>
public sealed record MeterSource(string Key, string Name, Func<AppDbContext, string, MeterRange, IQueryable<MeterCount>>? Query);

/// <summary>
/// The China months [<see cref="From"/>, <see cref="To"/>) a meter query counts: their bounds as UTC instants, and
/// <see cref="Hours"/>, the business zone's offset from UTC over the range, by which a stored UTC time is shifted to find
/// its China month. In a zone with daylight saving the range is one month (the offset may change inside it, so the
/// caller files every count under <see cref="From"/>'s month); without it, the whole range at once.
/// </summary>
public sealed record MeterRange(DateOnly From, DateOnly To, DateTime FromUtc, DateTime ToUtc, double Hours);

/// <summary>Load pushed by one department (task items, meetings, inspections) in the period.</summary>
public sealed record DepartmentLoad(string Department, int TaskItems, int Meetings, int Inspections)
{
    public int Total => TaskItems + Meetings + Inspections;
}

/// <summary>One row of the meter: a town (county view) or a village (town view), or a month (village view).</summary>
public sealed record MeterRow(string Code, string Name, DateOnly Month, IReadOnlyDictionary<string, int> Counts, int Total, double? Baseline, double? ChangePercent);

public sealed record MeterSourceView(string Key, string Name, bool Connected);

public sealed record MeterReport(string RegionCode, string RegionName, RegionLevel Level, string? ParentCode, DateOnly Month, IReadOnlyList<MeterSourceView> Sources,
    MeterRow Summary, Paged<MeterRow> Rows, IReadOnlyList<MeterRow> History, IReadOnlyList<DepartmentLoad> Departments, DateOnly? BaselineFrom, int BaselineMonths);

/// <summary>
/// 负担监测: per village per month, how many forms, meetings, inspections, task items, evidence uploads and weekly report items
/// came its way, against its baseline (see <see cref="BurdenMeter"/>); drill-down county → town → village; and which
/// departments push the load. Counts are by China month of the recorded time (Cunzhi:TimeZone; dates without a time count by their day).
/// </summary>
public sealed class MeterHandlers(AppDbContext db, UserContext user, TimeProvider clock, BurdenHandlers burden)
{

    /// <summary>The meter's sources, in column order.</summary>
    public static readonly IReadOnlyList<MeterSource> Sources =
    [
        // 一表通: a form reaches a village as an admitted village task of the form's request. The filter on forms is lifted
        // because forms carry the county's code; the prefix is the region already found in scope (the gateway checks it).
        new("forms", "报表", (db, prefix, r) => ScopeGateway.CountyForms.VillageTasksWithFormIn(db, prefix)
            .Where(t => t.AdmittedAtUtc >= r.FromUtc && t.AdmittedAtUtc < r.ToUtc)
            .GroupBy(t => new { t.RegionCode, t.AdmittedAtUtc.AddHours(r.Hours).Year, t.AdmittedAtUtc.AddHours(r.Hours).Month }).Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Count()))),
        // Fields a village typed by hand in the forms it submitted (those filled from the registry are not a burden).
        new("typed", "手填指标", (db, prefix, r) => db.Set<FormSubmission>()
            .Where(s => s.RegionCode.StartsWith(prefix) && s.Status == SubmissionStatus.Submitted && s.SubmittedAtUtc >= r.FromUtc && s.SubmittedAtUtc < r.ToUtc)
            .GroupBy(s => new { s.RegionCode, s.SubmittedAtUtc!.Value.AddHours(r.Hours).Year, s.SubmittedAtUtc!.Value.AddHours(r.Hours).Month })
            .Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Sum(s => s.TypedCount)))),
        new("meetings", "会议", (db, prefix, r) => db.Set<BurdenEventVillage>().Where(v => v.RegionCode.StartsWith(prefix))
            .Join(db.Set<BurdenEvent>().Where(e => e.Kind == BurdenEventKind.Meeting && e.Date >= r.From && e.Date < r.To), v => v.BurdenEventId, e => e.Id, (v, e) => new { v.RegionCode, e.Date })
            .GroupBy(x => new { x.RegionCode, x.Date.Year, x.Date.Month }).Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Count()))),
        new("inspections", "检查", (db, prefix, r) => db.Set<BurdenEventVillage>().Where(v => v.RegionCode.StartsWith(prefix))
            .Join(db.Set<BurdenEvent>().Where(e => e.Kind == BurdenEventKind.Inspection && e.Date >= r.From && e.Date < r.To), v => v.BurdenEventId, e => e.Id, (v, e) => new { v.RegionCode, e.Date })
            .GroupBy(x => new { x.RegionCode, x.Date.Year, x.Date.Month }).Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Count()))),
        new("tasks", "任务事项", (db, prefix, r) => db.Set<VillageTask>().Where(t => t.RegionCode.StartsWith(prefix) && t.AdmittedAtUtc >= r.FromUtc && t.AdmittedAtUtc < r.ToUtc)
            .GroupBy(t => new { t.RegionCode, t.AdmittedAtUtc.AddHours(r.Hours).Year, t.AdmittedAtUtc.AddHours(r.Hours).Month }).Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Count()))),
        new("evidence", "佐证上传", (db, prefix, r) => db.Set<TaskEvidence>().Where(e => e.RegionCode.StartsWith(prefix) && e.UploadedAtUtc >= r.FromUtc && e.UploadedAtUtc < r.ToUtc)
            .GroupBy(e => new { e.RegionCode, e.UploadedAtUtc.AddHours(r.Hours).Year, e.UploadedAtUtc.AddHours(r.Hours).Month }).Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Count()))),
        new("reports", "周报条目", (db, prefix, r) => db.Set<WeeklyReport>().Where(w => w.RegionCode.StartsWith(prefix) && w.WeekStart >= r.From && w.WeekStart < r.To)
            .GroupBy(w => new { w.RegionCode, w.WeekStart.Year, w.WeekStart.Month }).Select(g => new MeterCount(g.Key.RegionCode, g.Key.Year, g.Key.Month, g.Count()))),
    ];

    private static readonly string[] Keys = Sources.Select(s => s.Key).ToArray();

    /// <summary>
    /// The China months (Cunzhi:TimeZone) from <paramref name="from"/> to <paramref name="to"/> as query ranges: one range
    /// when the zone keeps one offset all year (Asia/Shanghai: no daylight saving since 1991), else one per month, each
    /// bound at its own offset, so a time near a month's edge is counted in its China month.
    /// </summary>
    public static IEnumerable<MeterRange> Ranges(TimeProvider clock, DateOnly from, DateOnly to)
    {
        var zone = clock.LocalTimeZone;
        DateTime Utc(DateOnly d) => clock.StartUtc(d);
        double Hours(DateOnly d) => zone.GetUtcOffset(Utc(d)).TotalHours;
        if (!zone.SupportsDaylightSavingTime)
        {
            yield return new MeterRange(from, to, Utc(from), Utc(to), Hours(from));
            yield break;
        }
        for (var m = from; m < to; m = m.AddMonths(1))
            yield return new MeterRange(m, m.AddMonths(1), Utc(m), Utc(m.AddMonths(1)), Hours(m));
    }

    /// <summary>The meter for a region in scope (default: the account's own) and month (default: this month); null when not found.</summary>
    public async Task<MeterReport?> ReportAsync(string? region, DateOnly? month, PageRequest page, CancellationToken ct = default)
    {
        var code = string.IsNullOrWhiteSpace(region) ? user.RegionCode : region.Trim();
        var r = await db.Regions.AsNoTracking().Where(x => x.Code == code).Select(x => new { x.Code, x.Name, x.Level, x.ParentCode }).FirstOrDefaultAsync(ct);
        if (r is null || r.Level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var asOf = BurdenMeter.MonthOf(month is { } asked ? Infrastructure.Web.InputRange.Month(asked) : DateOnly.FromDateTime(clock.GetLocalNow().DateTime));
        var policy = await burden.PolicyOfAsync(ct);
        // History long enough for the baseline window and a year of months to show.
        var from = new[] { asOf.AddMonths(-35), policy.BaselineFrom ?? asOf }.Min();
        var to = asOf.AddMonths(1);
        var prefix = RegionCodes.ScopePrefix(r.Code);
        var counts = new List<(string Source, MeterCount Count)>();
        foreach (var range in Ranges(clock, from, to))
            foreach (var s in Sources.Where(s => s.Query is not null))
                counts.AddRange((await s.Query!(db, prefix, range).ToListAsync(ct))
                    .Select(c => (s.Key, range.To == range.From.AddMonths(1) ? c with { Year = range.From.Year, Month = range.From.Month } : c)));

        MeterRow Row(string rowCode, string name, Func<string, bool> includes)
        {
            var history = counts.Where(c => includes(c.Count.RegionCode)).GroupBy(c => new DateOnly(c.Count.Year, c.Count.Month, 1))
                .Select(g => new MeterMonth(g.Key, g.GroupBy(x => x.Source).ToDictionary(x => x.Key, x => x.Sum(y => y.Count.Count)))).ToList();
            var current = history.FirstOrDefault(m => m.Month == asOf) ?? new MeterMonth(asOf, new Dictionary<string, int>());
            var baseline = BurdenMeter.Baseline(history, Keys, policy.BaselineFrom, policy.BaselineMonths, asOf);
            return new(rowCode, name, asOf, Keys.ToDictionary(k => k, current.Of), current.Total, baseline is null ? null : Math.Round(baseline.Total, 1),
                baseline is null ? null : BurdenMeter.ChangePercent(current.Total, baseline.Total));
        }

        var summary = Row(r.Code, r.Name, _ => true);
        Paged<MeterRow> rows;
        var monthsShown = new List<MeterRow>();
        if (r.Level == RegionLevel.Village)
        {
            rows = new Paged<MeterRow>([], 0, 1, page.Size);
            for (var m = asOf.AddMonths(-11); m <= asOf; m = m.AddMonths(1))
            {
                var monthRow = RowForMonth(counts, m, policy);
                monthsShown.Add(monthRow with { Code = r.Code, Name = $"{m:yyyy-MM}" });
            }
        }
        else
        {
            var childLevel = r.Level == RegionLevel.County ? RegionLevel.Town : RegionLevel.Village;
            var children = await db.Regions.AsNoTracking().Where(x => x.Level == childLevel && x.Code.StartsWith(prefix)).OrderBy(x => x.Code)
                .Select(x => new { x.Code, x.Name }).ToPagedAsync(page, ct);
            rows = new Paged<MeterRow>(children.Items.Select(c =>
                {
                    var childPrefix = RegionCodes.ScopePrefix(c.Code);
                    return Row(c.Code, c.Name, v => v.StartsWith(childPrefix, StringComparison.Ordinal));
                }).ToList(), children.Total, children.Page, children.PageSize);
        }
        var departments = await DepartmentsAsync(prefix, asOf.AddMonths(-11), to, ct);
        return new(r.Code, r.Name, r.Level, r.ParentCode, asOf, Sources.Select(s => new MeterSourceView(s.Key, s.Name, s.Query is not null)).ToList(),
            summary, rows, monthsShown, departments, policy.BaselineFrom, policy.BaselineMonths);
    }

    private static MeterRow RowForMonth(List<(string Source, MeterCount Count)> counts, DateOnly month, BurdenPolicy policy)
    {
        var history = counts.GroupBy(c => new DateOnly(c.Count.Year, c.Count.Month, 1))
            .Select(g => new MeterMonth(g.Key, g.GroupBy(x => x.Source).ToDictionary(x => x.Key, x => x.Sum(y => y.Count.Count)))).ToList();
        var current = history.FirstOrDefault(m => m.Month == month) ?? new MeterMonth(month, new Dictionary<string, int>());
        var baseline = BurdenMeter.Baseline(history, Keys, policy.BaselineFrom, policy.BaselineMonths, month);
        return new("", "", month, Keys.ToDictionary(k => k, current.Of), current.Total, baseline is null ? null : Math.Round(baseline.Total, 1),
            baseline is null ? null : BurdenMeter.ChangePercent(current.Total, baseline.Total));
    }

    /// <summary>Task items, meetings and inspections per department on the villages under <paramref name="prefix"/>, most load first.</summary>
    private async Task<IReadOnlyList<DepartmentLoad>> DepartmentsAsync(string prefix, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var (fromUtc, toUtc) = (clock.StartUtc(from), clock.StartUtc(to));
        var tasks = await db.Set<VillageTask>().Where(t => t.RegionCode.StartsWith(prefix) && t.AdmittedAtUtc >= fromUtc && t.AdmittedAtUtc < toUtc)
            .GroupBy(t => t.DepartmentName).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct);
        var events = await db.Set<BurdenEventVillage>().Where(v => v.RegionCode.StartsWith(prefix))
            .Join(db.Set<BurdenEvent>().Where(e => e.Date >= from && e.Date < to), v => v.BurdenEventId, e => e.Id, (v, e) => new { e.Organizer, e.Kind })
            .GroupBy(x => new { x.Organizer, x.Kind }).Select(g => new { g.Key.Organizer, g.Key.Kind, Count = g.Count() }).ToListAsync(ct);
        return tasks.Select(t => t.Key).Concat(events.Select(e => e.Organizer)).Distinct()
            .Select(d => new DepartmentLoad(d, tasks.Where(t => t.Key == d).Sum(t => t.Count),
                events.Where(e => e.Organizer == d && e.Kind == BurdenEventKind.Meeting).Sum(e => e.Count),
                events.Where(e => e.Organizer == d && e.Kind == BurdenEventKind.Inspection).Sum(e => e.Count)))
            .OrderByDescending(d => d.Total).ThenBy(d => d.Department, StringComparer.Ordinal).ToList();
    }
}
