using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// 经济责任审计 and 巡察 for the demo town (with the activity demo; small, fixed): a departure audit of a cadre who left
/// office (a term-end audit when nobody left), reported, with one finding being rectified; and a tour of four of the town's
/// villages (闹坪村 first) with a finding in each rectification state — 待整改, 整改中 due within the week, 已整改 waiting
/// for 销号, 已销号 — and one overdue in 闹坪村. Deadlines fall on the county calendar's working days. Does nothing when the
/// town already has a tour.
/// </summary>
public sealed class SupervisionDemo(AppDbContext db)
{
    /// <summary>Seeds and returns the number of findings written (0 when skipped).</summary>
    public async Task<int> SeedAsync(string county, string town, DateOnly today, DateTime nowUtc, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var prefix = RegionCodes.ScopePrefix(town);
        if (await db.Set<InspectionTour>().AnyAsync(t => t.RegionCode == town, ct)) return 0;
        var villages = await db.Regions.AsNoTracking().Where(r => r.ParentCode == town && r.Level == RegionLevel.Village).OrderBy(r => r.Code)
            .Select(r => r.Code).ToListAsync(ct);
        if (villages.Count == 0) return 0;
        var toured = villages.Where(v => v == ActivityDemo.DemoVillage).Concat(villages.Where(v => v != ActivityDemo.DemoVillage)).Take(4).ToList();
        var calendar = new WorkingCalendar(await db.Set<CalendarDay>().AsNoTracking().Where(d => d.RegionCode == county)
            .Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)).ToListAsync(ct));
        DateOnly Working(DateOnly d)
        {
            while (!calendar.IsWorkingDay(d)) d = d.AddDays(1);
            return d;
        }

        var audited = await db.Cadres.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && c.Status != CadreStatus.InOffice && c.DepartureDate != null)
            .OrderBy(c => c.RegionCode).ThenBy(c => c.Id).FirstOrDefaultAsync(ct)
            ?? await db.Cadres.AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix)).OrderBy(c => c.RegionCode).ThenBy(c => c.Id).FirstOrDefaultAsync(ct);
        if (audited is null) return 0;
        var departed = audited.Status != CadreStatus.InOffice && audited.DepartureDate is not null;
        var periodTo = departed ? audited.DepartureDate!.Value : today.AddDays(-1);
        var audit = new EconomicAudit
        {
            RegionCode = audited.RegionCode, CadreId = audited.Id, Reason = departed ? AuditReason.Departure : AuditReason.TermEnd,
            PeriodFrom = audited.StartDate < periodTo ? audited.StartDate : periodTo.AddYears(-1), PeriodTo = periodTo, AuditorUnit = "万载县审计局",
            PlannedStart = today.AddDays(-45), StartedOn = today.AddDays(-40), ReportedOn = today.AddDays(-20), State = AuditState.Reported,
            ReportSummary = "任期内财务收支基本规范，发现集体资金往来未及时入账问题 1 个", RecordedBy = "system", RecordedAtUtc = nowUtc, RowVersion = 1,
        };
        var tour = new InspectionTour
        {
            RegionCode = town, Name = $"{today.Year}年第一轮村级巡察", Villages = string.Join(',', toured.Order(StringComparer.Ordinal)),
            From = today.AddDays(-35), To = today.AddDays(-21), Team = "组长：县委巡察办 刘某；成员：县纪委监委 陈某、县财政局 黄某", RecordedBy = "system", RecordedAtUtc = nowUtc, RowVersion = 1,
        };
        db.AddRange(audit, tour);
        await db.SaveChangesAsync(ct);

        SupervisionFinding Finding(string village, string source, string text, FindingCategory category, FindingSeverity severity, string remedy, DateOnly deadline,
            FindingState state) => new()
        {
            RegionCode = village, TourId = tour.Id, Source = source, Text = text, Category = category, Severity = severity, Remedy = remedy, Deadline = Working(deadline),
            State = state, RecordedBy = "system", RecordedAtUtc = nowUtc, RowVersion = 1,
        };
        var source = $"巡察：{tour.Name}";
        var v = (int i) => toured[Math.Min(i, toured.Count - 1)];
        var overdue = Finding(v(0), source, "村级集体经济项目收益分配未经村民代表会议讨论", FindingCategory.Assets, FindingSeverity.Major,
            "补开村民代表会议，按程序确认分配方案并公开", today.AddDays(-12), FindingState.Open);
        var open = Finding(v(1), source, "2025 年部分支出凭证缺少经办人签字", FindingCategory.Finance, FindingSeverity.Minor,
            "补齐经办人、证明人签字，完善报销审批流程", today.AddDays(20), FindingState.Open);
        var rectifying = Finding(v(2), source, "低保对象动态调整未按季度公示", FindingCategory.Benefits, FindingSeverity.Major,
            "按季度在村务公开栏公示低保对象名单（隐去身份证号）", today.AddDays(3), FindingState.Rectifying);
        rectifying.EvidenceText = "已整理本年度前三季度调整名单，正在补公示";
        var rectified = Finding(v(3), source, "村部办公用品采购未比价", FindingCategory.Finance, FindingSeverity.Minor,
            "建立采购比价登记制度", today.AddDays(10), FindingState.Rectified);
        (rectified.EvidenceText, rectified.RectifiedBy, rectified.RectifiedOn) = ("已制定《村级小额采购比价登记办法》，并补登记本年度采购 12 笔", "system", today.AddDays(-2));
        var closed = Finding(v(0), source, "村务监督委员会会议记录不全", FindingCategory.Conduct, FindingSeverity.Minor,
            "完善村务监督委员会会议记录", today.AddDays(5), FindingState.Closed);
        (closed.EvidenceText, closed.RectifiedBy, closed.RectifiedOn, closed.ClosedBy, closed.ClosedOn) =
            ("已补全本年度 9 次会议记录并装订归档", "system", today.AddDays(-10), "system", today.AddDays(-8));
        var auditFinding = new SupervisionFinding
        {
            RegionCode = audited.RegionCode, AuditId = audit.Id, CadreId = audited.Id, Source = $"{SupervisionNames.Reason(audit.Reason)}：{audited.Name}（{audit.AuditorUnit}）",
            Text = "集体资金往来款 3.2 万元未及时入账", Category = FindingCategory.Finance, Severity = FindingSeverity.Major, Remedy = "清理往来款项，全部入账并说明原因",
            Deadline = Working(today.AddDays(14)), State = FindingState.Rectifying, EvidenceText = "已清理 2.1 万元，其余正在核对", RecordedBy = "system", RecordedAtUtc = nowUtc, RowVersion = 1,
        };
        db.AddRange(overdue, open, rectifying, rectified, closed, auditFinding);
        db.RecordEvent(AuditActions.Seed, "SupervisionDemo", town, town, JsonSerializer.Serialize(new { Audits = 1, Tours = 1, Findings = 6 }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
        return 6;
    }
}
