using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Assessment;

/// <summary>One of the three answers a ballot gives for a cadre in 双述双评.</summary>
public enum BallotChoice
{
    /// <summary>满意.</summary>
    Satisfied = 1,
    /// <summary>基本满意.</summary>
    BasicallySatisfied = 2,
    /// <summary>不满意.</summary>
    Dissatisfied = 3,
}

/// <summary>
/// 双述双评 result of one cadre in one year, written when the village's evaluation window closes.
/// This is the contract the annual review (and later promotion condition D4) reads: counts only, no ballot,
/// no code. Satisfaction rate = (满意 + 基本满意) / valid ballots (SPEC §3).
/// </summary>
public sealed class PublicEvaluationResult : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The evaluation window (one per village and year) the result closes.</summary>
    public long WindowId { get; private set; }
    /// <summary>The cadre evaluated.</summary>
    public long CadreId { get; private set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Assessment year.</summary>
    public int Year { get; private set; }
    /// <summary>满意 ballots.</summary>
    public int Satisfied { get; private set; }
    /// <summary>基本满意 ballots.</summary>
    public int BasicallySatisfied { get; private set; }
    /// <summary>不满意 ballots.</summary>
    public int Dissatisfied { get; private set; }
    /// <summary>Codes issued for the window (the turnout denominator).</summary>
    public int CodesIssued { get; private set; }
    /// <summary>Codes used (ballots cast) in the window.</summary>
    public int CodesUsed { get; private set; }

    /// <summary>Valid ballots for this cadre.</summary>
    public int ValidBallots => Satisfied + BasicallySatisfied + Dissatisfied;

    /// <summary>(满意 + 基本满意) / valid ballots, or null with no valid ballot.</summary>
    public decimal? SatisfactionRate => Rate(Satisfied, BasicallySatisfied, Dissatisfied);

    /// <summary>Share of issued codes that were used, or null when none were issued.</summary>
    public decimal? Turnout => CodesIssued == 0 ? null : (decimal)CodesUsed / CodesIssued;

    /// <summary>The satisfaction rate rule: (满意 + 基本满意) / (满意 + 基本满意 + 不满意); null without ballots.</summary>
    public static decimal? Rate(int satisfied, int basicallySatisfied, int dissatisfied)
    {
        if (satisfied < 0 || basicallySatisfied < 0 || dissatisfied < 0) throw new ArgumentOutOfRangeException(nameof(satisfied), "票数不能为负");
        var valid = satisfied + basicallySatisfied + dissatisfied;
        return valid == 0 ? null : (decimal)(satisfied + basicallySatisfied) / valid;
    }

    /// <summary>The closed window's tally for one cadre.</summary>
    public static PublicEvaluationResult Close(long windowId, long cadreId, string village, int year,
        int satisfied, int basicallySatisfied, int dissatisfied, int codesIssued, int codesUsed)
    {
        if (satisfied < 0 || basicallySatisfied < 0 || dissatisfied < 0 || codesUsed < 0 || codesIssued < codesUsed)
            throw new RuleException("票数不合理：票数不能为负，已用票码不能多于发放票码");
        return new()
        {
            WindowId = windowId, CadreId = cadreId, RegionCode = village, Year = year,
            Satisfied = satisfied, BasicallySatisfied = basicallySatisfied, Dissatisfied = dissatisfied,
            CodesIssued = codesIssued, CodesUsed = codesUsed,
        };
    }
}
