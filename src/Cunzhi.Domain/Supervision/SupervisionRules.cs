using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Supervision;

/// <summary>A period a cadre held office (a post's start and end; no end while serving).</summary>
public sealed record OfficeTerm(DateOnly Start, DateOnly? End);

/// <summary>Pure rules of audits, tours and findings: what each must be to be saved, and when a finding is overdue or due soon.</summary>
public static class SupervisionRules
{
    /// <summary>Days before the deadline a finding counts as due soon (临期).</summary>
    public const int DueSoonDays = 7;

    /// <summary>Every problem of an audit as planned (empty when it may be saved).</summary>
    public static IReadOnlyList<RuleProblem> AuditProblems(AuditReason reason, DateOnly from, DateOnly to, string? auditorUnit, DateOnly plannedStart,
        IReadOnlyCollection<OfficeTerm> terms, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (!Enum.IsDefined(reason)) problems.Add(new("supervision.audit_reason", "Reason", "请选择审计类型（离任、任期届满、专项）"));
        if (string.IsNullOrWhiteSpace(auditorUnit)) problems.Add(new("supervision.auditor", "AuditorUnit", "请填写审计单位"));
        else if (auditorUnit.Trim().Length > EconomicAudit.MaxAuditor) problems.Add(new("supervision.auditor", "AuditorUnit", $"审计单位不能超过 {EconomicAudit.MaxAuditor} 个字"));
        if (to < from) problems.Add(new("supervision.period", "PeriodTo", "审计期间的截止日期不能早于起始日期"));
        else if (to > today) problems.Add(new("supervision.period", "PeriodTo", "审计期间的截止日期不能晚于今天"));
        else if (!terms.Any(t => t.Start <= to && (t.End is null || t.End >= from)))
            problems.Add(new("supervision.not_in_office", "CadreId", $"该干部在审计期间（{from:yyyy-MM-dd} 至 {to:yyyy-MM-dd}）未担任村干部，不能对其进行经济责任审计"));
        if (plannedStart < from) problems.Add(new("supervision.planned", "PlannedStart", "计划开始日期不能早于审计期间的起始日期"));
        return problems;
    }

    /// <summary>
    /// Every problem of a tour as planned: at least one village, each a village of the tour's town (<paramref name="townVillages"/>:
    /// code → name), none twice; dates in order; a name and a team.
    /// </summary>
    public static IReadOnlyList<RuleProblem> TourProblems(string? name, string townName, IReadOnlyDictionary<string, string> townVillages,
        IReadOnlyCollection<string> villages, DateOnly from, DateOnly to, string? team)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(name)) problems.Add(new("supervision.tour_name", "Name", "请填写巡察名称"));
        else if (name.Trim().Length > InspectionTour.MaxName) problems.Add(new("supervision.tour_name", "Name", $"巡察名称不能超过 {InspectionTour.MaxName} 个字"));
        if (villages.Count == 0) problems.Add(new("supervision.tour_villages", "Villages", "请选择巡察的村"));
        else if (villages.Count > InspectionTour.MaxVillages) problems.Add(new("supervision.tour_villages", "Villages", $"一次巡察最多 {InspectionTour.MaxVillages} 个村"));
        foreach (var v in villages.Where(v => !townVillages.ContainsKey(v)).Distinct())
            problems.Add(new("supervision.tour_village_outside", "Villages", $"{v} 不是{townName}的村，巡察只能覆盖本乡镇的村"));
        foreach (var v in villages.GroupBy(v => v).Where(g => g.Count() > 1 && townVillages.ContainsKey(g.Key)))
            problems.Add(new("supervision.tour_village_twice", "Villages", $"{townVillages[v.Key]}重复选择"));
        if (to < from) problems.Add(new("supervision.tour_dates", "To", "巡察结束日期不能早于开始日期"));
        if (string.IsNullOrWhiteSpace(team)) problems.Add(new("supervision.tour_team", "Team", "请填写巡察组成员"));
        else if (team.Trim().Length > InspectionTour.MaxTeam) problems.Add(new("supervision.tour_team", "Team", $"巡察组成员不能超过 {InspectionTour.MaxTeam} 个字"));
        return problems;
    }

    /// <summary>
    /// Every problem of a finding as entered: text, category, severity, remedy, and a deadline that is a working day of the
    /// county's <paramref name="calendar"/> and not before <paramref name="today"/>.
    /// </summary>
    public static IReadOnlyList<RuleProblem> FindingProblems(string? text, FindingCategory category, FindingSeverity severity, string? remedy, DateOnly deadline,
        WorkingCalendar calendar, DateOnly today)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(text)) problems.Add(new("supervision.finding_text", "Text", "请填写问题描述"));
        else if (text.Trim().Length > SupervisionFinding.MaxText) problems.Add(new("supervision.finding_text", "Text", $"问题描述不能超过 {SupervisionFinding.MaxText} 个字"));
        if (!Enum.IsDefined(category)) problems.Add(new("supervision.finding_category", "Category", "请选择问题类别"));
        if (!Enum.IsDefined(severity)) problems.Add(new("supervision.finding_severity", "Severity", "请选择严重程度（一般、较重、严重）"));
        if (string.IsNullOrWhiteSpace(remedy)) problems.Add(new("supervision.finding_remedy", "Remedy", "请填写整改要求"));
        else if (remedy.Trim().Length > SupervisionFinding.MaxRemedy) problems.Add(new("supervision.finding_remedy", "Remedy", $"整改要求不能超过 {SupervisionFinding.MaxRemedy} 个字"));
        if (deadline < today) problems.Add(new("supervision.deadline_past", "Deadline", $"整改期限 {deadline:yyyy-MM-dd} 已过，不能早于今天"));
        else if (deadline.Year > WorkingCalendar.MaxYear) problems.Add(new("supervision.deadline_range", "Deadline", $"整改期限不能晚于 {WorkingCalendar.MaxYear} 年"));
        else if (!calendar.IsWorkingDay(deadline))
            problems.Add(new("supervision.deadline_holiday", "Deadline", $"整改期限 {deadline:yyyy-MM-dd}（{WorkingCalendar.DayName(deadline)}）是节假日或休息日，请选择工作日"));
        return problems;
    }

    /// <summary>Overdue: not yet reported rectified and past its deadline.</summary>
    public static bool Overdue(FindingState state, DateOnly deadline, DateOnly today) =>
        state is FindingState.Open or FindingState.Rectifying && deadline < today;

    /// <summary>Due soon: not yet reported rectified and its deadline within <see cref="DueSoonDays"/> days from today (today included).</summary>
    public static bool DueSoon(FindingState state, DateOnly deadline, DateOnly today) =>
        state is FindingState.Open or FindingState.Rectifying && deadline >= today && deadline <= today.AddDays(DueSoonDays);

    /// <summary>Still open for the inspecting side (anything before 销号).</summary>
    public static bool Open(FindingState state) => state != FindingState.Closed;

    /// <summary>The description of the 审计发现问题 conduct record a finding creates.</summary>
    public static string ConductText(string source, string text)
    {
        var t = $"{source}：{text.Trim()}";
        return t.Length <= 500 ? t : t[..500];
    }
}

/// <summary>Chinese names of the supervision enums.</summary>
public static class SupervisionNames
{
    /// <summary>审计类型.</summary>
    public static string Reason(AuditReason r) => r switch
    {
        AuditReason.Departure => "离任审计",
        AuditReason.TermEnd => "任期届满审计",
        AuditReason.Special => "专项审计",
        _ => "未知",
    };

    /// <summary>审计状态.</summary>
    public static string State(AuditState s) => s switch
    {
        AuditState.Planned => "计划",
        AuditState.InProgress => "实施中",
        AuditState.Reported => "已出报告",
        _ => "未知",
    };

    /// <summary>整改状态.</summary>
    public static string State(FindingState s) => s switch
    {
        FindingState.Open => "待整改",
        FindingState.Rectifying => "整改中",
        FindingState.Rectified => "已整改",
        FindingState.Closed => "已销号",
        _ => "未知",
    };

    /// <summary>问题类别.</summary>
    public static string Category(FindingCategory c) => c switch
    {
        FindingCategory.Finance => "财务管理",
        FindingCategory.Assets => "资产资源",
        FindingCategory.Projects => "工程项目",
        FindingCategory.Benefits => "惠民资金",
        FindingCategory.Conduct => "作风纪律",
        FindingCategory.Other => "其他",
        _ => "未知",
    };

    /// <summary>严重程度.</summary>
    public static string Severity(FindingSeverity s) => s switch
    {
        FindingSeverity.Minor => "一般",
        FindingSeverity.Major => "较重",
        FindingSeverity.Severe => "严重",
        _ => "未知",
    };
}
