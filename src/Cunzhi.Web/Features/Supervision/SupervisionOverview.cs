using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Features.Imports;
using Cunzhi.Web.Infrastructure.Excel;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>Which parts of the overview the account may read: 村务公开 (disclosure.read), 信访举报 (complaints.read, discipline only), 发现问题 (supervision.dashboard.read).</summary>
public sealed record OverviewSections(bool Disclosure, bool Complaints, bool Findings)
{
    /// <summary>The parts <paramref name="user"/> may read, by the permission table.</summary>
    public static OverviewSections Of(ClaimsPrincipal user) =>
        new(user.Can(Permissions.DisclosureRead), user.Can(Permissions.ComplaintsRead), user.Can(Permissions.SupervisionDashboard));
}

/// <summary>村务公开 of a region in the period: the items due (periods and occurrences ending in it) and how each stands today.</summary>
public sealed record OverviewDisclosure(int Due, int OnTime, int Late, int Overdue, int Pending)
{
    /// <summary>Posted on time among the items already settled (posted, or past due unposted), in percent.</summary>
    public double? OnTimePercent => SupervisionOverviewRules.OnTimePercent(OnTime, Late, Overdue);
}

/// <summary>信访举报 of a region: open ones today by age band (<see cref="SupervisionOverviewRules.ComplaintAgeBands"/>), closed ones in the period by outcome.</summary>
public sealed record OverviewComplaints(IReadOnlyList<int> OpenByAge, int Verified, int PartlyVerified, int Unfounded, int Refused)
{
    /// <summary>Open complaints (待受理, 已受理, 调查中).</summary>
    public int Open => OpenByAge.Sum();
}

/// <summary>审计巡察发现问题 of a region today: not yet 销号 by state, and overdue.</summary>
public sealed record OverviewFindings(int Open, int Rectifying, int Rectified, int Overdue)
{
    /// <summary>Findings not yet 销号.</summary>
    public int Unclosed => Open + Rectifying + Rectified;
}

/// <summary>One line of the overview: a town or village (or the total); a part is null when the account may not read it.</summary>
public sealed record OverviewLine(string Code, string Name, OverviewDisclosure? Disclosure, OverviewComplaints? Complaints, OverviewFindings? Findings);

/// <summary>The overview of a region for a period: the total and one line per town (county) or village (town); a village lists no lines.</summary>
public sealed record OverviewReport(string Code, string Name, RegionLevel Level, string? ParentCode, string Period, string PeriodLabel, DateOnly From, DateOnly To,
    DateOnly Today, OverviewSections Sections, IReadOnlyList<string> AgeBands, OverviewLine Total, Paged<OverviewLine> Rows);

/// <summary>
/// 监督总览: 村务公开 on time, 信访举报 open by age and closed by outcome, 审计巡察发现问题 open by state and overdue, per town
/// (county) or village (town), for a month, quarter or year, and the same as a workbook. Disclosure reads
/// <see cref="DisclosureCalendars.DuesAsync"/> and findings <see cref="FindingDashboard.LinesAsync"/>; complaints are counted here
/// (<see cref="Complaints.ComplaintStats"/> counts the whole scope in other bands). Every read is the data context's region scope.
/// </summary>
public sealed class SupervisionOverview(AppDbContext db, TimeProvider clock, DisclosureCalendars calendars, FindingDashboard findings)
{
    public const string NotFound = "未找到该区划，或其不在您的管辖范围内";

    /// <summary>The report (rows paged); <see cref="BadInputException"/> (400) for a bad period, null when the region is not in scope.</summary>
    public async Task<OverviewReport?> ReportAsync(string? region, string? period, OverviewSections sections, PageRequest page, CancellationToken ct = default)
    {
        if (await AllAsync(region, period, sections, ct) is not { } r) return null;
        return r with { Rows = new([.. r.Rows.Items.Skip(page.Skip).Take(page.Size)], r.Rows.Total, page.Page, page.Size) };
    }

    private async Task<OverviewReport?> AllAsync(string? region, string? period, OverviewSections sections, CancellationToken ct)
    {
        var today = clock.Today();
        var (p, problem) = SupervisionOverviewRules.Period(period, today);
        if (p is null) throw new BadInputException("period", problem!);
        var code = string.IsNullOrWhiteSpace(region) ? db.User.RegionCode : region.Trim();
        var level = RegionCodes.LevelOf(code);
        if (level is not (RegionLevel.County or RegionLevel.Town or RegionLevel.Village)) return null;
        var root = await db.Regions.AsNoTracking().Where(r => r.Code == code).Select(r => new { r.Code, r.Name, r.ParentCode }).FirstOrDefaultAsync(ct);
        if (root is null) return null;
        var children = level == RegionLevel.Village ? [] : await db.Regions.AsNoTracking()
            .Where(r => r.ParentCode == code && r.Level == (level == RegionLevel.County ? RegionLevel.Town : RegionLevel.Village)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).ToListAsync(ct);

        Func<string, bool, OverviewDisclosure>? disclosure = null;
        if (sections.Disclosure && await calendars.DuesAsync(code, p.From, p.To, ct) is { } dues)
            disclosure = (key, all) => Disclosure(dues.Where(x => all || RegionCodes.IsWithin(x.Village.Code, key)).SelectMany(x => x.Dues));

        Func<string, bool, OverviewComplaints>? complaints = null;
        if (sections.Complaints) complaints = await ComplaintsAsync(code, p, today, ct);

        FindingReport? found = sections.Findings ? await findings.LinesAsync(code, ct) : null;
        OverviewFindings? Findings(FindingLine? l) => l is null ? null : new(l.Open, l.Rectifying, l.Rectified, l.Overdue);

        OverviewLine Line(string key, string name, bool all) => new(key, name, disclosure?.Invoke(key, all), complaints?.Invoke(key, all),
            found is null ? null : Findings(all ? found.Total : found.Rows.Items.FirstOrDefault(l => l.Code == key) ?? new FindingLine(key, name, 0, 0, 0, 0, 0)));

        var rows = children.Select(c => Line(c.Code, c.Name, false)).ToList();
        return new(root.Code, root.Name, level.Value, root.ParentCode, p.Key, p.Label, p.From, p.To, today, sections,
            [.. SupervisionOverviewRules.ComplaintAgeBands.Select(b => b.Label)], Line(root.Code, root.Name, true), new(rows, rows.Count, 1, Math.Max(rows.Count, 1)));
    }

    private static OverviewDisclosure Disclosure(IEnumerable<DisclosureDue> dues)
    {
        var d = dues.ToList();
        return new(d.Count, d.Count(x => x.State == DisclosureState.Done && !x.PostedLate), d.Count(x => x.State == DisclosureState.Done && x.PostedLate),
            d.Count(x => x.State == DisclosureState.Overdue), d.Count(x => x.State == DisclosureState.Pending));
    }

    /// <summary>Counts the complaints under <paramref name="code"/>: open by age today, concluded (by outcome) and refused in the period; a line sums its region's.</summary>
    private async Task<Func<string, bool, OverviewComplaints>> ComplaintsAsync(string code, OverviewPeriod p, DateOnly today, CancellationToken ct)
    {
        var prefix = RegionCodes.ScopePrefix(code);
        var set = db.Set<Complaint>().AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix));
        var open = await set.Where(c => c.State == ComplaintState.Received || c.State == ComplaintState.Accepted || c.State == ComplaintState.Investigating)
            .GroupBy(c => new { c.RegionCode, c.FiledOn }).Select(g => new { g.Key.RegionCode, g.Key.FiledOn, Count = g.Count() }).ToListAsync(ct);
        var concluded = await set.Where(c => c.State == ComplaintState.Concluded && c.ConcludedOn >= p.From && c.ConcludedOn <= p.To)
            .GroupBy(c => new { c.RegionCode, c.Outcome }).Select(g => new { g.Key.RegionCode, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var refused = await set.Where(c => c.State == ComplaintState.Refused && c.DecidedOn >= p.From && c.DecidedOn <= p.To)
            .GroupBy(c => c.RegionCode).Select(g => new { RegionCode = g.Key, Count = g.Count() }).ToListAsync(ct);
        return (key, all) =>
        {
            bool Mine(string region) => all || RegionCodes.IsWithin(region, key);
            var ages = new int[SupervisionOverviewRules.ComplaintAgeBands.Count];
            foreach (var o in open.Where(o => Mine(o.RegionCode))) ages[SupervisionOverviewRules.ComplaintAgeBand(o.FiledOn, today)] += o.Count;
            int Of(ComplaintOutcome outcome) => concluded.Where(c => c.Outcome == outcome && Mine(c.RegionCode)).Sum(c => c.Count);
            return new(ages, Of(ComplaintOutcome.Verified), Of(ComplaintOutcome.PartlyVerified), Of(ComplaintOutcome.Unfounded),
                refused.Where(r => Mine(r.RegionCode)).Sum(r => r.Count));
        };
    }

    /// <summary>The report as a workbook, one sheet per part the account may read (every line and the total); null when the region is not in scope.</summary>
    public async Task<XlsxDownload?> ExportAsync(string? region, string? period, OverviewSections sections, CancellationToken ct = default)
    {
        if (await AllAsync(region, period, sections, ct) is not { } r) return null;
        var lines = r.Rows.Items.Append(r.Total with { Name = "合计" }).ToList();
        var sheets = new List<XlsxSheet>();
        if (r.Sections.Disclosure)
            sheets.Add(new XlsxSheet("村务公开", [new("名称", Width: 20), new("应公开", XlsxKind.Integer), new("按时公开", XlsxKind.Integer), new("逾期公开", XlsxKind.Integer),
                new("逾期未公开", XlsxKind.Integer), new("未到期", XlsxKind.Integer), new("按时率（%）", XlsxKind.Decimal)],
                lines.Select(l => new object?[] { l.Name, l.Disclosure!.Due, l.Disclosure.OnTime, l.Disclosure.Late, l.Disclosure.Overdue, l.Disclosure.Pending, l.Disclosure.OnTimePercent })));
        if (r.Sections.Complaints)
            sheets.Add(new XlsxSheet("信访举报", [new("名称", Width: 20), .. r.AgeBands.Select(b => new XlsxColumn($"未办结 {b}", XlsxKind.Integer)),
                new("未办结合计", XlsxKind.Integer), new("查实", XlsxKind.Integer), new("部分查实", XlsxKind.Integer), new("不实", XlsxKind.Integer), new("不予受理", XlsxKind.Integer)],
                lines.Select(l => new object?[] { l.Name }.Concat(l.Complaints!.OpenByAge.Cast<object?>())
                    .Concat([l.Complaints.Open, l.Complaints.Verified, l.Complaints.PartlyVerified, l.Complaints.Unfounded, l.Complaints.Refused]).ToArray())));
        if (r.Sections.Findings)
            sheets.Add(new XlsxSheet("发现问题", [new("名称", Width: 20), new("待整改", XlsxKind.Integer), new("整改中", XlsxKind.Integer), new("已整改待销号", XlsxKind.Integer),
                new("未销号合计", XlsxKind.Integer), new("逾期", XlsxKind.Integer)],
                lines.Select(l => new object?[] { l.Name, l.Findings!.Open, l.Findings.Rectifying, l.Findings.Rectified, l.Findings.Unclosed, l.Findings.Overdue })));
        return new XlsxDownload($"监督总览-{r.Name}-{r.Period}.xlsx", (stream, token) => XlsxWriter.WriteAsync(stream, sheets, token));
    }
}
