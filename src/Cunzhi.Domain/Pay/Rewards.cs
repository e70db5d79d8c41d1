using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Pay;

/// <summary>
/// 担当作为好支书: the county grants the award to a named cadre for a year; it is paid in the run of
/// <see cref="PayYear"/>/<see cref="PayMonth"/> of the cadre's town. One award per cadre and year.
/// </summary>
public sealed class GoodSecretaryAward : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>The cadre's village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Year the award is for.</summary>
    public int Year { get; set; }
    /// <summary>Amount, fen.</summary>
    public long AmountFen { get; set; }
    /// <summary>Year of the paying run.</summary>
    public int PayYear { get; set; }
    /// <summary>Month of the paying run.</summary>
    public int PayMonth { get; set; }
    /// <summary>Note (e.g. the commendation).</summary>
    public string? Note { get; set; }
    /// <summary>Account that granted it.</summary>
    public required string GrantedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime GrantedAtUtc { get; set; }
}

/// <summary>Where an income-increment reward is.</summary>
public enum IncomeRewardState
{
    /// <summary>已填报: the village entered the incomes; shares may be edited.</summary>
    Entered = 1,
    /// <summary>已审核: approved by the town, paid in the chosen month's run.</summary>
    Approved = 2,
}

/// <summary>
/// 村集体经济收益增量奖励 of a village for a year: the village enters this year's and last year's collective operating
/// income; the pool is at most the county's cap (20%) of a positive increment (<see cref="PayRules.IncrementReward"/>);
/// it is shared among the village's cadres by weights (defaults by post from the pay settings, editable per village
/// before approval); the town approves it and picks the month whose run pays it.
/// </summary>
public sealed class IncomeReward : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The year whose income is rewarded.</summary>
    public int Year { get; set; }
    /// <summary>This year's collective operating income, fen.</summary>
    public long ThisYearIncomeFen { get; set; }
    /// <summary>Last year's, fen.</summary>
    public long LastYearIncomeFen { get; set; }
    /// <summary>Cap used, percent.</summary>
    public int CapPercent { get; set; }
    /// <summary>The pool, fen.</summary>
    public long PoolFen { get; set; }
    /// <summary>How the pool was found, in Chinese.</summary>
    public string Explanation { get; set; } = "";
    /// <summary>State.</summary>
    public IncomeRewardState State { get; set; } = IncomeRewardState.Entered;
    /// <summary>Paying run's year (set on approval).</summary>
    public int? PayYear { get; set; }
    /// <summary>Paying run's month (set on approval).</summary>
    public int? PayMonth { get; set; }
    /// <summary>Who entered it.</summary>
    public required string EnteredBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime EnteredAtUtc { get; set; }
    /// <summary>Who approved it.</summary>
    public string? ApprovedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? ApprovedAtUtc { get; set; }
    /// <summary>The cadres' parts.</summary>
    public List<IncomeRewardShare> Shares { get; set; } = [];

    /// <summary>Enters (or re-enters) the incomes and recomputes the pool and the parts. Refused once approved.</summary>
    public void Enter(long thisYearFen, long lastYearFen, int capPercent, IReadOnlyList<(long CadreId, int Weight)> weights)
    {
        EnsureEditable();
        var pool = PayRules.IncrementReward(thisYearFen, lastYearFen, capPercent);
        (ThisYearIncomeFen, LastYearIncomeFen, CapPercent, PoolFen, Explanation) = (thisYearFen, lastYearFen, capPercent, pool.PoolFen, pool.Explanation);
        SetWeights(weights);
    }

    /// <summary>Replaces the weights and recomputes the parts (<see cref="PayRules.Share"/>). Refused once approved.</summary>
    public void SetWeights(IReadOnlyList<(long CadreId, int Weight)> weights)
    {
        EnsureEditable();
        var parts = PayRules.Share(PoolFen, weights);
        var byCadre = Shares.ToDictionary(s => s.CadreId);
        foreach (var p in parts)
        {
            if (!byCadre.TryGetValue(p.CadreId, out var s)) Shares.Add(s = new IncomeRewardShare { CadreId = p.CadreId, RegionCode = RegionCode });
            (s.Weight, s.AmountFen) = (p.Weight, p.AmountFen);
        }
        Shares.RemoveAll(s => parts.All(p => p.CadreId != s.CadreId));
    }

    /// <summary>Approves and picks the paying month. A pool above zero whose weights are all zero is refused (nobody would be paid).</summary>
    public void Approve(int payYear, int payMonth, string by, DateTime atUtc)
    {
        EnsureEditable();
        if (PoolFen > 0 && Shares.Sum(s => s.AmountFen) != PoolFen) throw new RuleException("分配权重全为 0，奖励无法分配；请先设置各干部的分配权重");
        (State, PayYear, PayMonth, ApprovedBy, ApprovedAtUtc) = (IncomeRewardState.Approved, payYear, payMonth, by, atUtc);
    }

    private void EnsureEditable()
    {
        if (State == IncomeRewardState.Approved) throw new RuleException($"{Year} 年度增量奖励已审核，不能修改");
    }
}

/// <summary>One cadre's part of an income-increment reward.</summary>
public sealed class IncomeRewardShare : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The reward.</summary>
    public long IncomeRewardId { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; set; }
    /// <summary>Weight.</summary>
    public int Weight { get; set; }
    /// <summary>Amount, fen.</summary>
    public long AmountFen { get; set; }
}
