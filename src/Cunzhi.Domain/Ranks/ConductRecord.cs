using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Ranks;

/// <summary>What a conduct record is about — the evidence the promotion conditions (SPEC §2) need.</summary>
public enum ConductKind
{
    /// <summary>党纪政务处分 (D2) — entered by discipline.</summary>
    Sanction = 1,
    /// <summary>立案审查 (D3), open until its end date — entered by discipline.</summary>
    Investigation = 2,
    /// <summary>信访举报查实 (D5) — entered by discipline.</summary>
    Complaint = 3,
    /// <summary>无故缺勤 in days (D6) — entered by the town.</summary>
    Absence = 4,
    /// <summary>审计发现问题 (D7), unremedied until its end date — entered by discipline.</summary>
    AuditFinding = 5,
    /// <summary>表彰 (bonus points by level) — entered by the town.</summary>
    Commendation = 6,
    /// <summary>一票否决 with a reason from the policy — entered by discipline; also a ground for demotion.</summary>
    Veto = 7,
}

/// <summary>Level of a commendation (表彰等次), for bonus points.</summary>
public enum CommendationLevel
{
    /// <summary>县级.</summary>
    County = 1,
    /// <summary>市级.</summary>
    City = 2,
    /// <summary>省级.</summary>
    Province = 3,
    /// <summary>国家级.</summary>
    National = 4,
}

/// <summary>
/// 履职记录: one fact about a cadre that a promotion condition reads — a sanction, an investigation, a verified complaint,
/// unexcused absence, an audit finding, a commendation or a veto. Discipline enters the first, second, third, fifth and
/// seventh kinds, the town absence and commendations. Rows are kept; an investigation or an audit finding is closed by
/// setting its <see cref="EndDate"/> (审查结束 / 整改完成), and a record entered in error is withdrawn (撤销,
/// <see cref="Withdraw"/>) with a reason — never deleted — after which no rule reads it.
/// </summary>
public sealed class ConductRecord : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; private set; }
    /// <summary>The cadre's village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Kind.</summary>
    public ConductKind Kind { get; private set; }
    /// <summary>Date of the fact (处分决定日期, 立案日期, 查实日期, 缺勤日期, 发现日期, 表彰日期, 否决日期).</summary>
    public DateOnly Date { get; private set; }
    /// <summary>Investigation ended or audit finding remedied on this date; null while open.</summary>
    public DateOnly? EndDate { get; private set; }
    /// <summary>Days of unexcused absence (absence records only).</summary>
    public int? Days { get; private set; }
    /// <summary>Commendation level (commendations only).</summary>
    public CommendationLevel? Level { get; private set; }
    /// <summary>Veto reason, one of the policy's (vetoes only).</summary>
    public string? VetoReason { get; private set; }
    /// <summary>What happened, in Chinese.</summary>
    public string Description { get; private set; } = "";
    /// <summary>Account that entered it.</summary>
    public string RecordedBy { get; private set; } = "";
    /// <summary>When it was entered (UTC).</summary>
    public DateTime RecordedAtUtc { get; private set; }
    /// <summary>When it was withdrawn as entered in error (UTC); null while it stands.</summary>
    public DateTime? WithdrawnAtUtc { get; private set; }
    /// <summary>Account that withdrew it.</summary>
    public string? WithdrawnBy { get; private set; }
    /// <summary>Why it was withdrawn (撤销理由), in Chinese.</summary>
    public string? WithdrawReason { get; private set; }

    /// <summary>Longest withdrawal reason accepted.</summary>
    public const int MaxWithdrawReasonLength = 500;

    /// <summary>Withdrawn (撤销): kept for the record, read by no rule — not eligibility, not demotion.</summary>
    public bool Withdrawn => WithdrawnAtUtc is not null;

    /// <summary>Kinds the discipline inspector enters.</summary>
    public static readonly IReadOnlyList<ConductKind> DisciplineKinds = [ConductKind.Sanction, ConductKind.Investigation, ConductKind.Complaint, ConductKind.AuditFinding, ConductKind.Veto];
    /// <summary>Kinds the town enters.</summary>
    public static readonly IReadOnlyList<ConductKind> TownKinds = [ConductKind.Absence, ConductKind.Commendation];

    /// <summary>
    /// A new record, checked: the date not after <paramref name="today"/>, days only and always for absence (1–366), a level
    /// only and always for commendations, a veto reason only and always for vetoes and from <paramref name="vetoReasons"/>,
    /// an end date only for investigations and audit findings and not before the date.
    /// </summary>
    public static ConductRecord Create(long cadreId, string village, ConductKind kind, DateOnly date, DateOnly? endDate, int? days, CommendationLevel? level,
        string? vetoReason, string description, IReadOnlyCollection<string> vetoReasons, DateOnly today, string by, DateTime atUtc)
    {
        var problems = new List<string>();
        if (!Enum.IsDefined(kind)) problems.Add("请选择记录类型");
        if (date > today) problems.Add("日期不能晚于今天");
        if (kind == ConductKind.Absence && days is not (>= 1 and <= 366)) problems.Add("请填写缺勤天数（1 至 366）");
        if (kind != ConductKind.Absence && days is not null) problems.Add("只有无故缺勤记录填写天数");
        if (kind == ConductKind.Commendation && (level is null || !Enum.IsDefined(level.Value))) problems.Add("请选择表彰级别");
        if (kind != ConductKind.Commendation && level is not null) problems.Add("只有表彰记录选择级别");
        if (kind == ConductKind.Veto && (string.IsNullOrWhiteSpace(vetoReason) || !vetoReasons.Contains(vetoReason.Trim())))
            problems.Add($"请从晋升办法列出的情形中选择一票否决理由（{string.Join("、", vetoReasons)}）");
        if (kind != ConductKind.Veto && !string.IsNullOrWhiteSpace(vetoReason)) problems.Add("只有一票否决记录填写否决理由");
        if (endDate is not null && kind is not (ConductKind.Investigation or ConductKind.AuditFinding)) problems.Add("只有立案审查和审计发现问题填写结束（整改）日期");
        if (endDate is not null && endDate < date) problems.Add("结束（整改）日期不能早于发生日期");
        if (endDate is not null && endDate > today) problems.Add("结束（整改）日期不能晚于今天");
        if (string.IsNullOrWhiteSpace(description)) problems.Add("请填写事由");
        if (problems.Count > 0) throw RuleException.Of(problems);
        return new()
        {
            CadreId = cadreId, RegionCode = village, Kind = kind, Date = date, EndDate = endDate, Days = days, Level = level,
            VetoReason = vetoReason?.Trim() is { Length: > 0 } r ? r : null, Description = description.Trim(), RecordedBy = by, RecordedAtUtc = atUtc,
        };
    }

    /// <summary>Closes an investigation (审查结束) or marks an audit finding remedied (整改完成) on <paramref name="endDate"/>.</summary>
    public void Close(DateOnly endDate, DateOnly today)
    {
        if (Withdrawn) throw new RuleException("该记录已撤销，不能办结");
        if (Kind is not (ConductKind.Investigation or ConductKind.AuditFinding)) throw new RuleException("只有立案审查和审计发现问题可以办结");
        if (EndDate is not null) throw new RuleException($"该记录已于 {EndDate:yyyy-MM-dd} 办结");
        if (endDate < Date) throw new RuleException("结束（整改）日期不能早于发生日期");
        if (endDate > today) throw new RuleException("结束（整改）日期不能晚于今天");
        EndDate = endDate;
    }

    /// <summary>
    /// 撤销: withdraws a record entered in error. The row stays, with who withdrew it, when and why; a reason is required
    /// (at most <see cref="MaxWithdrawReasonLength"/> characters) and a record is withdrawn once only.
    /// </summary>
    public void Withdraw(string? reason, string by, DateTime atUtc)
    {
        if (Withdrawn) throw new RuleException($"该记录已由 {WithdrawnBy} 撤销（{WithdrawReason}），不能重复撤销");
        var text = reason?.Trim() ?? "";
        if (text.Length == 0) throw new RuleException("请填写撤销理由");
        if (text.Length > MaxWithdrawReasonLength) throw new RuleException($"撤销理由不能超过 {MaxWithdrawReasonLength} 个字");
        (WithdrawnAtUtc, WithdrawnBy, WithdrawReason) = (atUtc, by, text);
    }

    /// <summary>
    /// Refuses a demotion resting on this record unless it is a veto (一票否决) that stands: a withdrawn veto is no ground
    /// (SPEC §2: demotion for a veto set by the DisciplineInspector).
    /// </summary>
    public void EnsureDemotionGround()
    {
        if (DemotionGroundProblem() is { } problem) throw new RuleException(problem);
    }

    /// <summary>Why this record cannot ground a demotion (see <see cref="EnsureDemotionGround"/>), or null when it can.</summary>
    public string? DemotionGroundProblem() =>
        Kind != ConductKind.Veto ? "只有一票否决记录可以作为降级依据"
        : Withdrawn ? $"该一票否决记录已撤销（{WithdrawReason}），不能据此降级"
        : null;

    /// <summary>Open on <paramref name="date"/>: begun on or before it and not yet ended (an end date on the day closes it).</summary>
    public bool OpenOn(DateOnly date) => Date <= date && (EndDate is null || EndDate > date);
}

/// <summary>Chinese names for conduct kinds and commendation levels.</summary>
public static class ConductNames
{
    /// <summary>The kind's Chinese name.</summary>
    public static string Kind(ConductKind k) => k switch
    {
        ConductKind.Sanction => "党纪政务处分",
        ConductKind.Investigation => "立案审查",
        ConductKind.Complaint => "信访举报查实",
        ConductKind.Absence => "无故缺勤",
        ConductKind.AuditFinding => "审计发现问题",
        ConductKind.Commendation => "表彰",
        ConductKind.Veto => "一票否决",
        _ => "未知",
    };

    /// <summary>The level's Chinese name.</summary>
    public static string Level(CommendationLevel l) => l switch
    {
        CommendationLevel.County => "县级",
        CommendationLevel.City => "市级",
        CommendationLevel.Province => "省级",
        CommendationLevel.National => "国家级",
        _ => "未知",
    };
}
