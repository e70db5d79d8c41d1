using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Assessment;

/// <summary>Where a town's annual results stand.</summary>
public enum AnnualState
{
    /// <summary>拟定中 — the town is preparing its proposal.</summary>
    Draft = 1,
    /// <summary>已上报 — waiting for the county.</summary>
    Proposed = 2,
    /// <summary>已审定 — approved by the county; locked.</summary>
    Approved = 3,
    /// <summary>已退回 — returned by the county with a reason; the town corrects and proposes again.</summary>
    Returned = 4,
}

/// <summary>
/// 年终综合考核 batch: one town's annual results for one year, proposed by the town and approved (or returned with a
/// reason) by the county. Once approved, the batch and all its reviews refuse every change.
/// </summary>
public sealed class AnnualBatch : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>Town code (12 digits).</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Assessment year.</summary>
    public int Year { get; private set; }
    /// <summary>Where it stands.</summary>
    public AnnualState State { get; private set; } = AnnualState.Draft;
    /// <summary>Account that proposed it last.</summary>
    public string? ProposedBy { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime? ProposedAtUtc { get; private set; }
    /// <summary>County account that approved or returned it.</summary>
    public string? DecidedBy { get; private set; }
    /// <summary>When (UTC).</summary>
    public DateTime? DecidedAtUtc { get; private set; }
    /// <summary>Why the county returned it.</summary>
    public string? ReturnReason { get; private set; }
    /// <summary>One review per cadre.</summary>
    public List<AnnualReview> Reviews { get; private set; } = [];

    /// <summary>A new draft batch for a town and year.</summary>
    public static AnnualBatch Open(string town, int year) => new() { RegionCode = town, Year = year };

    /// <summary>True while the town may change it.</summary>
    public bool Editable => State is AnnualState.Draft or AnnualState.Returned;

    /// <summary>Refuses with a Chinese message unless the town may change it.</summary>
    public void EnsureEditable()
    {
        if (State == AnnualState.Approved) throw new RuleException($"{Year} 年度考核结果已由县委组织部审定，已锁定，不能修改");
        if (State == AnnualState.Proposed) throw new RuleException($"{Year} 年度考核结果已上报县委组织部，等待审定期间不能修改");
    }

    /// <summary>Sends the batch to the county; refused with every problem of <see cref="AnnualRules.CheckProposal"/>.</summary>
    public void Propose(ExcellentQuota quota, AssessmentSettings s, string by, DateTime atUtc)
    {
        EnsureEditable();
        if (Reviews.Count == 0) throw new RuleException("没有需要考核的村干部");
        var problems = AnnualRules.CheckProposal(Reviews.Select(r => r.AsProposed()).ToList(), quota, s);
        if (problems.Count > 0) throw RuleException.Of(problems);
        (State, ProposedBy, ProposedAtUtc, ReturnReason) = (AnnualState.Proposed, by, atUtc, null);
        foreach (var r in Reviews) r.State = State;
    }

    /// <summary>The county approves: the results are final and locked.</summary>
    public void Approve(string by, DateTime atUtc)
    {
        if (State != AnnualState.Proposed) throw new RuleException(State == AnnualState.Approved ? "该年度考核结果已审定" : "乡镇尚未上报，不能审定");
        (State, DecidedBy, DecidedAtUtc) = (AnnualState.Approved, by, atUtc);
        foreach (var r in Reviews) r.State = State;
    }

    /// <summary>The county returns the proposal to the town with a reason.</summary>
    public void Return(string reason, string by, DateTime atUtc)
    {
        if (State != AnnualState.Proposed) throw new RuleException(State == AnnualState.Approved ? "该年度考核结果已审定，不能退回" : "乡镇尚未上报，不能退回");
        if (string.IsNullOrWhiteSpace(reason)) throw new RuleException("退回须填写理由");
        (State, DecidedBy, DecidedAtUtc, ReturnReason) = (AnnualState.Returned, by, atUtc, reason.Trim());
        foreach (var r in Reviews) r.State = State;
    }
}

/// <summary>
/// 年终综合考核 result of one cadre for one year: the components, the annual score (<see cref="AnnualRules.Compute"/>),
/// the rating the score earns and the rating proposed. Later rules (promotion, pay) read <see cref="Rating"/> of rows
/// whose <see cref="State"/> is <see cref="AnnualState.Approved"/>; unique per cadre and year.
/// </summary>
public sealed class AnnualReview : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The town batch.</summary>
    public long BatchId { get; private set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; private set; }
    /// <summary>The cadre's village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Year.</summary>
    public int Year { get; private set; }
    /// <summary>Name at the time of the review (for messages).</summary>
    public string CadreName { get; private set; } = "";
    /// <summary>Average of the year's monthly totals, or null.</summary>
    public decimal? MonthlyAverage { get; private set; }
    /// <summary>Average of the year's quarterly totals, or null.</summary>
    public decimal? QuarterlyAverage { get; private set; }
    /// <summary>双述双评 satisfaction rate × 100, or null.</summary>
    public decimal? Satisfaction { get; private set; }
    /// <summary>Annual score, or null without any component.</summary>
    public decimal? Score { get; private set; }
    /// <summary>What the score earns by the thresholds.</summary>
    public Rating? CandidateRating { get; private set; }
    /// <summary>The rating proposed (final once approved).</summary>
    public Rating? Rating { get; private set; }
    /// <summary>The batch's state, copied so later rules can read one row.</summary>
    public AnnualState State { get; internal set; } = AnnualState.Draft;
    /// <summary>Warnings of the computation, joined with "；".</summary>
    public string? Warnings { get; private set; }
    /// <summary>The town's note, e.g. why a candidate was rated lower.</summary>
    public string? Note { get; private set; }

    /// <summary>A review in <paramref name="batch"/> with the computed score and the suggested rating.</summary>
    public static AnnualReview For(AnnualBatch batch, long cadreId, string village, string name)
    {
        batch.EnsureEditable();
        var r = new AnnualReview { CadreId = cadreId, RegionCode = village, Year = batch.Year, CadreName = name, State = batch.State };
        batch.Reviews.Add(r);
        return r;
    }

    /// <summary>Sets the components and recomputes score and candidate rating (refused when locked).</summary>
    public void Compute(AnnualBatch batch, decimal? monthly, decimal? quarterly, decimal? satisfactionRate, AssessmentSettings s)
    {
        batch.EnsureEditable();
        var a = AnnualRules.Compute(monthly, quarterly, satisfactionRate, s);
        (MonthlyAverage, QuarterlyAverage, Satisfaction) = (monthly, quarterly, satisfactionRate is { } r ? decimal.Round(r * 100, 2, MidpointRounding.AwayFromZero) : null);
        (Score, Warnings) = (a.Score, a.Warnings.Count == 0 ? null : string.Join("；", a.Warnings));
        CandidateRating = a.Score is { } sc ? AnnualRules.CandidateRating(sc, s) : null;
    }

    /// <summary>The town sets the proposed rating (refused when the batch is proposed or approved).</summary>
    public void Propose(AnnualBatch batch, Rating? rating, string? note)
    {
        batch.EnsureEditable();
        if (rating is { } r && !Enum.IsDefined(r)) throw new RuleException("等次无效");
        (Rating, Note) = (rating, string.IsNullOrWhiteSpace(note) ? null : note.Trim());
    }

    /// <summary>This line as the cap rule reads it.</summary>
    public ProposedRating AsProposed() => new(CadreId, CadreName, Score, Rating);
}
