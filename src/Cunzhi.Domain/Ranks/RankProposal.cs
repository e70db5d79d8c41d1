using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Ranks;

/// <summary>Promotion or demotion.</summary>
public enum ProposalKind
{
    /// <summary>晋升.</summary>
    Promotion = 1,
    /// <summary>降级.</summary>
    Demotion = 2,
}

/// <summary>Where a proposal stands.</summary>
public enum ProposalState
{
    /// <summary>待批复.</summary>
    Pending = 1,
    /// <summary>已批复.</summary>
    Approved = 2,
    /// <summary>未批准.</summary>
    Rejected = 3,
}

/// <summary>Why a demotion is proposed (SPEC §2).</summary>
public enum DemotionGround
{
    /// <summary>年度考核不称职 (approved).</summary>
    AnnualIncompetent = 1,
    /// <summary>纪检监察设定的一票否决情形.</summary>
    Veto = 2,
}

/// <summary>
/// 职级晋升/降级申请: the town (or, for a veto, discipline) proposes one rank up or down for one cadre; the county approves
/// (批复) — which writes a <see cref="RankChange"/> effective the first day of the next month — or rejects with a reason.
/// One pending proposal per cadre.
/// </summary>
public sealed class RankProposal : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; private set; }
    /// <summary>The cadre's village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>The cadre's name when proposed.</summary>
    public string CadreName { get; private set; } = "";
    /// <summary>Promotion or demotion.</summary>
    public ProposalKind Kind { get; private set; }
    /// <summary>Rank when proposed.</summary>
    public int FromRank { get; private set; }
    /// <summary>Rank proposed.</summary>
    public int ToRank { get; private set; }
    /// <summary>Ground of a demotion.</summary>
    public DemotionGround? Ground { get; private set; }
    /// <summary>The year of the 不称职 rating (demotion for <see cref="DemotionGround.AnnualIncompetent"/>).</summary>
    public int? GroundYear { get; private set; }
    /// <summary>The veto record (demotion for <see cref="DemotionGround.Veto"/>).</summary>
    public long? ConductRecordId { get; private set; }
    /// <summary>The grounds in Chinese: the eligibility summary of a promotion, the rating or veto of a demotion, and the proposer's note.</summary>
    public string Grounds { get; private set; } = "";
    /// <summary>State.</summary>
    public ProposalState State { get; private set; } = ProposalState.Pending;
    /// <summary>Account that proposed.</summary>
    public string ProposedBy { get; private set; } = "";
    /// <summary>When proposed (UTC).</summary>
    public DateTime ProposedAtUtc { get; private set; }
    /// <summary>Account that decided.</summary>
    public string? DecidedBy { get; private set; }
    /// <summary>When decided (UTC).</summary>
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>Reason for a rejection (required) or a note on approval.</summary>
    public string? DecisionReason { get; private set; }
    /// <summary>First day of the new rank, once approved.</summary>
    public DateOnly? EffectiveFrom { get; private set; }

    /// <summary>The code of the problem that a cadre is not eligible for promotion.</summary>
    public const string NotEligible = "ranks.not_eligible";

    /// <summary>Why <paramref name="name"/> cannot be proposed for promotion, with every reason; null when eligible.</summary>
    public static string? PromotionProblem(string name, RankEligibility eligibility) =>
        eligibility.Eligible && eligibility.TargetRank is not null ? null : $"{name} 不符合晋升条件：{string.Join("；", eligibility.Reasons)}";

    /// <summary>A promotion proposal; refused with every reason when <paramref name="eligibility"/> says the cadre is not eligible.</summary>
    public static RankProposal Promotion(long cadreId, string village, string name, RankEligibility eligibility, string? note, string by, DateTime atUtc)
    {
        if (PromotionProblem(name, eligibility) is { } problem) throw new RuleException(NotEligible, null, problem);
        var summary = $"任 {eligibility.Rank} 级满 {eligibility.MonthsAtRank} 个月（须 {eligibility.RequiredMonths} 个月），加分 {eligibility.Points} 分，各项条件均符合（晋升办法第 {eligibility.PolicyVersion} 版）";
        return new()
        {
            CadreId = cadreId, RegionCode = village, CadreName = name, Kind = ProposalKind.Promotion, FromRank = eligibility.Rank, ToRank = eligibility.TargetRank!.Value,
            Grounds = Join(summary, note), ProposedBy = by, ProposedAtUtc = atUtc,
        };
    }

    /// <summary>A demotion proposal: one rank down; refused at rank 13, which has no lower rank (13 stays 13).</summary>
    public static RankProposal Demotion(long cadreId, string village, string name, int rank, DemotionGround ground, int? year, long? conductRecordId,
        string groundText, string? note, string by, DateTime atUtc)
    {
        if (PromotionRules.DemotionTarget(rank) is not { } to)
            throw new RuleException($"{name} 已是最低职级（{RankHistory.EntryRank} 级），降级后仍为 {RankHistory.EntryRank} 级，无需申请降级");
        if (ground == DemotionGround.AnnualIncompetent && year is null) throw new RuleException("请指明不称职的考核年度");
        if (ground == DemotionGround.Veto && conductRecordId is null) throw new RuleException("请指明一票否决记录");
        return new()
        {
            CadreId = cadreId, RegionCode = village, CadreName = name, Kind = ProposalKind.Demotion, FromRank = rank, ToRank = to, Ground = ground,
            GroundYear = ground == DemotionGround.AnnualIncompetent ? year : null, ConductRecordId = ground == DemotionGround.Veto ? conductRecordId : null,
            Grounds = Join(groundText, note), ProposedBy = by, ProposedAtUtc = atUtc,
        };
    }

    private static string Join(string text, string? note) => string.IsNullOrWhiteSpace(note) ? text : $"{text}。{note.Trim()}";

    private void EnsurePending()
    {
        if (State != ProposalState.Pending) throw new RuleException($"该申请已{(State == ProposalState.Approved ? "批复" : "作出不予批准的决定")}，不能再办理");
    }

    /// <summary>
    /// 批复 on <paramref name="today"/>: refused unless pending and the cadre is still at <see cref="FromRank"/>. Returns the
    /// rank change, effective the first day of the next month (<see cref="RankHistory.EffectiveFromApproval"/>).
    /// </summary>
    public RankChange Approve(int currentRank, DateOnly today, string by, DateTime atUtc)
    {
        EnsurePending();
        if (currentRank != FromRank) throw new RuleException($"{CadreName} 的职级已由 {FromRank} 级变为 {currentRank} 级，该申请不再适用，请不予批准后重新申请");
        (State, DecidedBy, DecidedAtUtc, EffectiveFrom) = (ProposalState.Approved, by, atUtc, RankHistory.EffectiveFromApproval(today));
        var reason = Kind == ProposalKind.Promotion ? $"晋升：{Grounds}" : $"降级：{Grounds}";
        return new RankChange
        {
            CadreId = CadreId, RegionCode = RegionCode, FromRank = FromRank, ToRank = ToRank, EffectiveFrom = EffectiveFrom.Value,
            Kind = Kind == ProposalKind.Promotion ? RankChangeKind.Promotion : RankChangeKind.Demotion,
            Reason = reason.Length > 200 ? reason[..199] + "…" : reason, ProposalId = Id, DecidedBy = by, DecidedAtUtc = atUtc,
        };
    }

    /// <summary>不予批准, with a reason (required).</summary>
    public void Reject(string reason, string by, DateTime atUtc)
    {
        EnsurePending();
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("不予批准须填写理由");
        (State, DecidedBy, DecidedAtUtc, DecisionReason) = (ProposalState.Rejected, by, atUtc, reason.Trim());
    }

    /// <summary>Chinese name of a state.</summary>
    public static string StateName(ProposalState s) => s switch
    {
        ProposalState.Pending => "待批复",
        ProposalState.Approved => "已批复",
        ProposalState.Rejected => "不予批准",
        _ => "未知",
    };
}
