using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Pay;

/// <summary>Where a payroll run is: 草稿 → 已复核 → 已审批 → 已锁定.</summary>
public enum PayrollState
{
    /// <summary>草稿: the town computes and recomputes.</summary>
    Draft = 1,
    /// <summary>已复核: the town has checked it; the county approves or returns it.</summary>
    Reviewed = 2,
    /// <summary>已审批: approved by the county; waits to be locked once paid.</summary>
    Approved = 3,
    /// <summary>已锁定: final; corrected only by adjustment lines in a later run.</summary>
    Locked = 4,
}

/// <summary>What a pay line is.</summary>
public enum PayLineKind
{
    /// <summary>A cadre in office during the month (base, allowance, performance, rewards).</summary>
    Regular = 1,
    /// <summary>A reward due to a cadre who has no regular line this month (left office before it).</summary>
    Reward = 2,
    /// <summary>正常离任村干部生活补贴.</summary>
    Retirement = 3,
    /// <summary>调整: a correction of a line of a locked run, entered by hand with a reason.</summary>
    Adjustment = 4,
}

/// <summary>
/// 工资发放批次: one town's payroll for one month (SPEC §2). The town computes and recomputes it while it is a draft
/// (recomputing replaces the computed lines and keeps adjustment lines, and gives identical lines for identical data),
/// marks it reviewed; the county approves (refused while a line lacks its monthly score) or returns it, then locks it.
/// A locked run never changes: <see cref="EnsureDraft"/> refuses every change, and corrections are adjustment lines in a
/// later run that reference the original line.
/// </summary>
public sealed class PayrollRun : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Town code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Year.</summary>
    public int Year { get; set; }
    /// <summary>Month 1–12.</summary>
    public int Month { get; set; }
    /// <summary>State.</summary>
    public PayrollState State { get; set; } = PayrollState.Draft;
    /// <summary>Pay settings version used.</summary>
    public int SettingsVersion { get; set; }
    /// <summary>Rank policy version used (null: none published, the default step was used).</summary>
    public int? RankPolicyVersion { get; set; }
    /// <summary>Allowance step used, fen.</summary>
    public long AllowanceStepFen { get; set; }
    /// <summary>Number of lines.</summary>
    public int LineCount { get; set; }
    /// <summary>Sum of the lines, fen.</summary>
    public long TotalFen { get; set; }
    /// <summary>Lines lacking a monthly score: approval is refused while this is above 0.</summary>
    public int MissingScores { get; set; }
    /// <summary>Run-level warnings, one a line, in Chinese.</summary>
    public string Warnings { get; set; } = "";
    /// <summary>Who computed it last.</summary>
    public string ComputedBy { get; set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime ComputedAtUtc { get; set; }
    /// <summary>Who marked it reviewed.</summary>
    public string? ReviewedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? ReviewedAtUtc { get; set; }
    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? ApprovedAtUtc { get; set; }
    /// <summary>Who locked it.</summary>
    public string? LockedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? LockedAtUtc { get; set; }
    /// <summary>Why the county last returned it, if it did.</summary>
    public string? ReturnReason { get; set; }

    /// <summary>The lines (loaded only when needed; adding to it on a new run lets one save write run and lines).</summary>
    public List<PayLine> Lines { get; set; } = [];

    /// <summary>First day of the run's month.</summary>
    public DateOnly MonthStart => new(Year, Month, 1);

    /// <summary>"2026 年 10 月".</summary>
    public string Label => $"{Year} 年 {Month} 月";

    /// <summary>Refuses any change to lines or figures unless the run is a draft.</summary>
    public void EnsureDraft()
    {
        if (NotDraftReason() is { } reason) throw new RuleException(reason);
    }

    /// <summary>Why lines or figures cannot change (the run is not a draft), or null when they can.</summary>
    public string? NotDraftReason() => State switch
    {
        PayrollState.Draft => null,
        PayrollState.Locked => $"{Label}的工资已锁定，不能修改；如需更正，请在以后月份的批次中添加调整项",
        _ => $"{Label}的工资已{StateName(State)}，不能修改；需修改请由县委组织部退回",
    };

    /// <summary>草稿 → 已复核.</summary>
    public void MarkReviewed(string by, DateTime atUtc)
    {
        EnsureDraft();
        if (LineCount == 0) throw new RuleException("批次没有明细，不能复核");
        (State, ReviewedBy, ReviewedAtUtc) = (PayrollState.Reviewed, by, atUtc);
    }

    /// <summary>已复核 → 草稿 with a reason (county).</summary>
    public void Return(string reason)
    {
        if (State != PayrollState.Reviewed) throw new RuleException($"只有已复核的批次可以退回（现为{StateName(State)}）");
        (State, ReturnReason, ReviewedBy, ReviewedAtUtc) = (PayrollState.Draft, reason, null, null);
    }

    /// <summary>已复核 → 已审批; refused while any line lacks its monthly score (performance pay would otherwise be a silent 0).</summary>
    public void Approve(string by, DateTime atUtc)
    {
        if (State != PayrollState.Reviewed) throw new RuleException($"只有已复核的批次可以审批（现为{StateName(State)}）");
        if (MissingScores > 0) throw new RuleException($"有 {MissingScores} 名干部缺少{Label}的月度考评得分，绩效报酬无法计算；请乡镇评分后重新计算");
        (State, ApprovedBy, ApprovedAtUtc) = (PayrollState.Approved, by, atUtc);
    }

    /// <summary>已审批 → 已锁定.</summary>
    public void Lock(string by, DateTime atUtc)
    {
        if (State != PayrollState.Approved) throw new RuleException($"只有已审批的批次可以锁定（现为{StateName(State)}）");
        (State, LockedBy, LockedAtUtc) = (PayrollState.Locked, by, atUtc);
    }

    /// <summary>Chinese name of a state.</summary>
    public static string StateName(PayrollState s) => s switch
    {
        PayrollState.Draft => "草稿",
        PayrollState.Reviewed => "复核",
        PayrollState.Approved => "审批",
        PayrollState.Locked => "锁定",
        _ => s.ToString(),
    };
}

/// <summary>
/// 工资明细: one payment of a run, to a cadre of a village (RegionCode = village code). Money is fen. Every figure it was
/// computed from is stored with it (rank, step, score, coefficient, days, settings and policy versions, in
/// <see cref="Explanation"/> and the fields), so each payment can be reproduced. Lines are written in bulk and audited
/// by one summary entry per computation (run, count, total and a SHA-256 over the lines), not row by row.
/// </summary>
public sealed class PayLine : IRegionScoped, ISummaryAudited
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The run.</summary>
    public long RunId { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>Name at computation.</summary>
    public required string CadreName { get; set; }
    /// <summary>Post code at the end of the month's service.</summary>
    public required string PostCode { get; set; }
    /// <summary>What the line is.</summary>
    public PayLineKind Kind { get; set; }
    /// <summary>Rank in force (regular lines).</summary>
    public int? Rank { get; set; }
    /// <summary>Days in office this month.</summary>
    public int Days { get; set; }
    /// <summary>Days in the month.</summary>
    public int DaysInMonth { get; set; }
    /// <summary>Monthly score (null: not scored).</summary>
    public decimal? Score { get; set; }
    /// <summary>Performance coefficient ‰ (null: not scored).</summary>
    public int? CoefficientPermille { get; set; }
    /// <summary>Base pay, fen.</summary>
    public long BaseFen { get; set; }
    /// <summary>Rank allowance, fen.</summary>
    public long AllowanceFen { get; set; }
    /// <summary>Performance pay, fen.</summary>
    public long PerformanceFen { get; set; }
    /// <summary>Rewards paid this month, fen.</summary>
    public long RewardFen { get; set; }
    /// <summary>Retirement allowance, fen.</summary>
    public long RetirementFen { get; set; }
    /// <summary>Adjustment amount (may be negative), fen.</summary>
    public long AdjustmentFen { get; set; }
    /// <summary>Sum of the parts, fen.</summary>
    public long TotalFen { get; set; }
    /// <summary>How each part was computed, in Chinese.</summary>
    public string Explanation { get; set; } = "";
    /// <summary>What needs attention on this line (e.g. no monthly score), or null.</summary>
    public string? Warning { get; set; }
    /// <summary>Adjustment: the corrected line.</summary>
    public long? AdjustsLineId { get; set; }
    /// <summary>Adjustment: the locked run of that line.</summary>
    public long? AdjustsRunId { get; set; }
    /// <summary>Adjustment: why.</summary>
    public string? Reason { get; set; }

    /// <summary>Sets <see cref="TotalFen"/> to the sum of the parts.</summary>
    public void Total() => TotalFen = BaseFen + AllowanceFen + PerformanceFen + RewardFen + RetirementFen + AdjustmentFen;

    /// <summary>The content of the line (everything but its key and run), for comparing and hashing.</summary>
    public string Fingerprint() => string.Join('|', RegionCode, CadreId, CadreName, PostCode, Kind, Rank, Days, DaysInMonth, Score?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        CoefficientPermille, BaseFen, AllowanceFen, PerformanceFen, RewardFen, RetirementFen, AdjustmentFen, TotalFen, Explanation, Warning, AdjustsLineId, AdjustsRunId, Reason);
}
