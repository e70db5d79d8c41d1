using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Supervision;

/// <summary>Why a committee member's economic responsibility is audited (经济责任审计的类型).</summary>
public enum AuditReason
{
    /// <summary>离任审计.</summary>
    Departure = 1,
    /// <summary>任期届满审计.</summary>
    TermEnd = 2,
    /// <summary>专项审计.</summary>
    Special = 3,
}

/// <summary>Where an audit stands: 计划 → 实施中 → 已出报告, forward only.</summary>
public enum AuditState
{
    /// <summary>计划.</summary>
    Planned = 1,
    /// <summary>实施中.</summary>
    InProgress = 2,
    /// <summary>已出报告.</summary>
    Reported = 3,
}

/// <summary>
/// 经济责任审计: an audit of one village committee member (a cadre) for a period, by an auditor unit, planned by the county
/// or discipline inspection, then begun (实施中) and closed with its report (已出报告). Lives in the cadre's village's
/// region so the town reads its villages' audits. Versioned: a stale edit is refused (409).
/// </summary>
public sealed class EconomicAudit : IRegionScoped, IVersioned
{
    /// <summary>Longest auditor unit name.</summary>
    public const int MaxAuditor = 60;
    /// <summary>Longest report summary.</summary>
    public const int MaxSummary = 500;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The audited cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The audited cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>审计类型.</summary>
    public AuditReason Reason { get; set; }
    /// <summary>First day of the audited period.</summary>
    public DateOnly PeriodFrom { get; set; }
    /// <summary>Last day of the audited period.</summary>
    public DateOnly PeriodTo { get; set; }
    /// <summary>审计单位.</summary>
    public required string AuditorUnit { get; set; }
    /// <summary>计划开始日期.</summary>
    public DateOnly PlannedStart { get; set; }
    /// <summary>实施开始日期.</summary>
    public DateOnly? StartedOn { get; set; }
    /// <summary>出具报告日期.</summary>
    public DateOnly? ReportedOn { get; set; }
    /// <summary>Report summary (审计结论摘要).</summary>
    public string? ReportSummary { get; set; }
    /// <summary>State.</summary>
    public AuditState State { get; set; } = AuditState.Planned;
    /// <summary>Who planned it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }
    /// <inheritdoc />
    public int RowVersion { get; set; }

    /// <summary>计划 → 实施中 on <paramref name="date"/> (not after today).</summary>
    public void Begin(DateOnly date, DateOnly today)
    {
        if (State != AuditState.Planned) throw new RuleException("supervision.audit_state", "State", $"该审计当前为「{SupervisionNames.State(State)}」，只有计划中的审计可以开始实施");
        if (date > today) throw new RuleException("supervision.audit_date", "Date", "实施开始日期不能晚于今天");
        (State, StartedOn) = (AuditState.InProgress, date);
    }

    /// <summary>实施中 → 已出报告 on <paramref name="date"/> with the report's summary.</summary>
    public void Report(DateOnly date, string? summary, DateOnly today)
    {
        if (State != AuditState.InProgress) throw new RuleException("supervision.audit_state", "State", $"该审计当前为「{SupervisionNames.State(State)}」，只有实施中的审计可以出具报告");
        var problems = new List<RuleProblem>();
        if (date > today) problems.Add(new("supervision.audit_date", "Date", "报告日期不能晚于今天"));
        if (StartedOn is { } s && date < s) problems.Add(new("supervision.audit_date", "Date", $"报告日期不能早于实施开始日期 {s:yyyy-MM-dd}"));
        var text = summary?.Trim() ?? "";
        if (text.Length == 0) problems.Add(new("supervision.audit_summary", "Summary", "请填写审计结论摘要"));
        else if (text.Length > MaxSummary) problems.Add(new("supervision.audit_summary", "Summary", $"审计结论摘要不能超过 {MaxSummary} 个字"));
        RuleException.ThrowIfAny(problems);
        (State, ReportedOn, ReportSummary) = (AuditState.Reported, date, text);
    }
}
