using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Supervision;

namespace Cunzhi.Domain.Tests;

/// <summary>经济责任审计 and 巡察: every refusal of audits, tours and findings, and the rectification states, table by table.</summary>
public sealed class SupervisionRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7); // a Monday
    private static readonly OfficeTerm[] Served2021To2024 = [new(new(2021, 1, 1), new(2024, 6, 30))];
    private static readonly WorkingCalendar Calendar = new([
        new(new(2027, 1, 1), CalendarDayKind.Holiday, "元旦"),
        new(new(2026, 12, 12), CalendarDayKind.MakeUpWorkday, "调休上班"),
    ]);

    [Theory]
    [InlineData(AuditReason.Departure, "2021-01-01", "2024-06-30", "县审计局", "2026-12-10", null)]
    [InlineData(AuditReason.Special, "2024-06-30", "2025-12-31", "县审计局", "2026-12-10", null)]
    [InlineData(AuditReason.TermEnd, "2020-01-01", "2021-01-01", "县审计局", "2026-12-10", null)]
    [InlineData((AuditReason)7, "2021-01-01", "2024-06-30", "县审计局", "2026-12-10", "supervision.audit_reason")]
    [InlineData(AuditReason.Departure, "2021-01-01", "2024-06-30", " ", "2026-12-10", "supervision.auditor")]
    [InlineData(AuditReason.Departure, "2024-06-30", "2021-01-01", "县审计局", "2026-12-10", "supervision.period")]
    [InlineData(AuditReason.Departure, "2021-01-01", "2026-12-08", "县审计局", "2026-12-10", "supervision.period")]
    [InlineData(AuditReason.Special, "2024-07-01", "2025-12-31", "县审计局", "2026-12-10", "supervision.not_in_office")]
    [InlineData(AuditReason.Special, "2018-01-01", "2020-12-31", "县审计局", "2026-12-10", "supervision.not_in_office")]
    [InlineData(AuditReason.Departure, "2021-01-01", "2024-06-30", "县审计局", "2020-12-31", "supervision.planned")]
    public void An_audit_is_refused_for_each_wrong_part(AuditReason reason, string from, string to, string auditor, string planned, string? code) =>
        SupervisionRules.AuditProblems(reason, DateOnly.Parse(from), DateOnly.Parse(to), auditor, DateOnly.Parse(planned), Served2021To2024, Today)
            .Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Fact]
    public void An_audit_of_a_cadre_still_serving_covers_up_to_today() =>
        SupervisionRules.AuditProblems(AuditReason.Special, new(2026, 1, 1), Today, "县审计局", Today, [new(new(2025, 3, 1), null)], Today).ShouldBeEmpty();

    [Fact]
    public void An_audit_of_a_cadre_not_in_office_names_the_period() =>
        SupervisionRules.AuditProblems(AuditReason.Special, new(2025, 1, 1), new(2025, 12, 31), "县审计局", Today, Served2021To2024, Today)
            .Single().Message.ShouldBe("该干部在审计期间（2025-01-01 至 2025-12-31）未担任村干部，不能对其进行经济责任审计");

    private static readonly Dictionary<string, string> Sanxing = new() { ["360922106208"] = "闹坪村", ["360922106201"] = "三兴村" };

    [Theory]
    [InlineData("第一轮巡察", "360922106208,360922106201", "2026-12-01", "2026-12-20", "组长：王某", null)]
    [InlineData("", "360922106208", "2026-12-01", "2026-12-20", "组长：王某", "supervision.tour_name")]
    [InlineData("第一轮巡察", "", "2026-12-01", "2026-12-20", "组长：王某", "supervision.tour_villages")]
    [InlineData("第一轮巡察", "360922106208,360922200201", "2026-12-01", "2026-12-20", "组长：王某", "supervision.tour_village_outside")]
    [InlineData("第一轮巡察", "360922106208,360922106208", "2026-12-01", "2026-12-20", "组长：王某", "supervision.tour_village_twice")]
    [InlineData("第一轮巡察", "360922106208", "2026-12-20", "2026-12-01", "组长：王某", "supervision.tour_dates")]
    [InlineData("第一轮巡察", "360922106208", "2026-12-01", "2026-12-20", " ", "supervision.tour_team")]
    public void A_tour_is_refused_for_each_wrong_part(string name, string villages, string from, string to, string team, string? code) =>
        SupervisionRules.TourProblems(name, "三兴镇", Sanxing, villages.Split(',', StringSplitOptions.RemoveEmptyEntries), DateOnly.Parse(from), DateOnly.Parse(to), team)
            .Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Fact]
    public void A_tour_village_outside_the_town_is_named() =>
        SupervisionRules.TourProblems("第一轮巡察", "三兴镇", Sanxing, ["360922200201"], Today, Today, "组长").Single().Message
            .ShouldBe("360922200201 不是三兴镇的村，巡察只能覆盖本乡镇的村");

    [Theory]
    [InlineData("2026-12-08", null)]
    [InlineData("2026-12-07", null)]
    [InlineData("2026-12-12", null)] // a make-up Saturday is worked
    [InlineData("2026-12-04", "supervision.deadline_past")]
    [InlineData("2026-12-13", "supervision.deadline_holiday")] // Sunday
    [InlineData("2027-01-01", "supervision.deadline_holiday")] // 元旦
    [InlineData("2101-01-03", "supervision.deadline_range")]
    public void A_finding_deadline_must_be_a_working_day_from_today(string deadline, string? code) =>
        SupervisionRules.FindingProblems("账目不清", FindingCategory.Finance, FindingSeverity.Minor, "补齐凭证", DateOnly.Parse(deadline), Calendar, Today)
            .Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Theory]
    [InlineData("", FindingCategory.Finance, FindingSeverity.Minor, "补齐凭证", "supervision.finding_text")]
    [InlineData("账目不清", (FindingCategory)0, FindingSeverity.Minor, "补齐凭证", "supervision.finding_category")]
    [InlineData("账目不清", FindingCategory.Finance, (FindingSeverity)8, "补齐凭证", "supervision.finding_severity")]
    [InlineData("账目不清", FindingCategory.Finance, FindingSeverity.Severe, " ", "supervision.finding_remedy")]
    public void A_finding_is_refused_for_each_missing_part(string text, FindingCategory category, FindingSeverity severity, string remedy, string code) =>
        SupervisionRules.FindingProblems(text, category, severity, remedy, new(2026, 12, 8), Calendar, Today).Select(p => p.Code).ShouldBe([code]);

    [Theory]
    [InlineData(FindingState.Open, "2026-12-04", true)]
    [InlineData(FindingState.Rectifying, "2026-12-06", true)]
    [InlineData(FindingState.Open, "2026-12-07", false)]
    [InlineData(FindingState.Rectified, "2026-12-01", false)]
    [InlineData(FindingState.Closed, "2026-12-01", false)]
    public void A_finding_is_overdue_only_when_unrectified_past_its_deadline(FindingState state, string deadline, bool overdue) =>
        SupervisionRules.Overdue(state, DateOnly.Parse(deadline), Today).ShouldBe(overdue);

    [Theory]
    [InlineData(FindingState.Open, "2026-12-07", true)]
    [InlineData(FindingState.Rectifying, "2026-12-14", true)]
    [InlineData(FindingState.Open, "2026-12-15", false)]
    [InlineData(FindingState.Open, "2026-12-04", false)]
    [InlineData(FindingState.Rectified, "2026-12-08", false)]
    public void A_finding_is_due_soon_within_a_week_of_its_deadline(FindingState state, string deadline, bool soon) =>
        SupervisionRules.DueSoon(state, DateOnly.Parse(deadline), Today).ShouldBe(soon);

    private static SupervisionFinding Finding(FindingState state = FindingState.Open) => new()
    {
        RegionCode = "360922106208", Source = "巡察：第一轮", Text = "账目不清", Remedy = "补齐凭证", Deadline = new(2026, 12, 18), RecordedBy = "discipline", State = state,
    };

    [Fact]
    public void A_finding_is_not_reported_rectified_without_evidence() =>
        Should.Throw<RuleException>(() => Finding().ReportRectified(" ", null, "village.naoping", Today)).Problems.Single().Code.ShouldBe("supervision.evidence");

    [Fact]
    public void A_finding_reported_rectified_keeps_its_evidence_file()
    {
        var f = Finding(FindingState.Rectifying);
        f.ReportRectified("已补齐 2025 年全部凭证", ("凭证.pdf", "application/pdf", 1200, new string('a', 64)), "village.naoping", Today);
        (f.State, f.EvidenceName, f.RectifiedOn).ShouldBe((FindingState.Rectified, "凭证.pdf", Today));
    }

    [Theory]
    [InlineData(FindingState.Open)]
    [InlineData(FindingState.Rectifying)]
    public void A_finding_without_evidence_is_not_closed(FindingState state) =>
        Should.Throw<RuleException>(() => Finding(state).Close("discipline", Today)).Message.ShouldBe("该问题尚未报送整改佐证，不能销号");

    [Fact]
    public void A_closed_finding_is_not_closed_twice()
    {
        var f = Finding();
        f.ReportRectified("已整改", null, "village.naoping", Today);
        f.Close("discipline", Today);
        Should.Throw<RuleException>(() => f.Close("discipline", Today)).Message.ShouldContain("已于 2026-12-07 由 discipline 销号");
    }

    [Fact]
    public void A_returned_finding_goes_back_to_rectifying()
    {
        var f = Finding();
        f.ReportRectified("已整改", null, "village.naoping", Today);
        f.ReturnEvidence("凭证不全");
        (f.State, f.ReturnReason).ShouldBe((FindingState.Rectifying, "凭证不全"));
    }

    [Theory]
    [InlineData(FindingState.Rectifying)]
    [InlineData(FindingState.Rectified)]
    [InlineData(FindingState.Closed)]
    public void Only_an_open_finding_starts_rectifying(FindingState state) =>
        Should.Throw<RuleException>(() => Finding(state).StartRectifying(null)).Problems.Single().Code.ShouldBe("supervision.finding_state");

    [Fact]
    public void An_audit_goes_from_planned_to_reported()
    {
        var a = new EconomicAudit { RegionCode = "360922106208", AuditorUnit = "县审计局", RecordedBy = "discipline" };
        a.Begin(new(2026, 12, 1), Today);
        a.Report(Today, "基本合规，发现问题 2 个", Today);
        (a.State, a.StartedOn, a.ReportedOn).ShouldBe((AuditState.Reported, new DateOnly(2026, 12, 1), Today));
    }

    [Fact]
    public void A_planned_audit_is_not_reported() =>
        Should.Throw<RuleException>(() => new EconomicAudit { RegionCode = "1", AuditorUnit = "u", RecordedBy = "x" }.Report(Today, "结论", Today))
            .Message.ShouldContain("只有实施中的审计可以出具报告");

    [Fact]
    public void An_audit_report_before_its_start_is_refused()
    {
        var a = new EconomicAudit { RegionCode = "1", AuditorUnit = "u", RecordedBy = "x" };
        a.Begin(Today, Today);
        Should.Throw<RuleException>(() => a.Report(Today.AddDays(-1), "结论", Today)).Message.ShouldBe("报告日期不能早于实施开始日期 2026-12-07");
    }
}
