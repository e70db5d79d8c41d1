using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Assessment;

/// <summary>Why a cadre needs attention in the half-year analysis (每半年研判).</summary>
public enum AttentionKind
{
    /// <summary>月度考评均分偏低.</summary>
    LowMonthlyAverage = 1,
    /// <summary>上年度基本称职.</summary>
    LastYearBasicallyCompetent = 2,
    /// <summary>上年度不称职.</summary>
    LastYearIncompetent = 3,
    /// <summary>群众满意率偏低.</summary>
    LowSatisfaction = 4,
    /// <summary>连续两年不称职 — 建议罢免/调整.</summary>
    ConsecutiveIncompetent = 5,
}

/// <summary>One reason, with its Chinese explanation.</summary>
/// <param name="Kind">The rule that fired.</param>
/// <param name="Message">What the town sees.</param>
public sealed record AttentionReason(AttentionKind Kind, string Message);

/// <summary>What the half-year rules read about one cadre.</summary>
/// <param name="MonthlyAverage">Average of the half-year's monthly totals, or null when none.</param>
/// <param name="MonthsScored">How many months of the half-year were scored.</param>
/// <param name="LastYear">Approved rating of the previous year, or null.</param>
/// <param name="YearBefore">Approved rating of the year before that, or null.</param>
/// <param name="SatisfactionRate">Latest 双述双评 satisfaction rate (0–1), or null.</param>
/// <param name="SatisfactionYear">Year of that rate.</param>
public sealed record HalfYearInput(decimal? MonthlyAverage, int MonthsScored, Rating? LastYear, Rating? YearBefore, decimal? SatisfactionRate, int? SatisfactionYear);

/// <summary>每半年研判: which cadres need adjustment (不胜任、不称职) and why.</summary>
public static class HalfYearAnalysis
{
    /// <summary>The months of half 1 (Jan–Jun) or 2 (Jul–Dec).</summary>
    public static (int From, int To) Months(int half) => half switch
    {
        1 => (1, 6),
        2 => (7, 12),
        _ => throw new RuleException("半年只能是上半年（1）或下半年（2）"),
    };

    /// <summary>
    /// Every reason, in rule order: monthly average of the half-year below the county's line; last year 基本称职 or
    /// 不称职; latest satisfaction rate below the line; 不称职 in both of the last two years, which flags the cadre for
    /// removal or adjustment (SPEC §3). An empty list means no attention needed. <paramref name="year"/> is the year
    /// analysed; "last year" is <paramref name="year"/> − 1.
    /// </summary>
    public static IReadOnlyList<AttentionReason> Reasons(HalfYearInput c, int year, AssessmentSettings s)
    {
        var r = new List<AttentionReason>();
        if (c.MonthlyAverage is { } avg && avg < s.LowMonthlyAverage)
            r.Add(new(AttentionKind.LowMonthlyAverage, $"本半年 {c.MonthsScored} 个月的月度考评均分 {avg:0.00}，低于 {s.LowMonthlyAverage:0.##} 分"));
        if (c.LastYear == Rating.BasicallyCompetent)
            r.Add(new(AttentionKind.LastYearBasicallyCompetent, $"{year - 1} 年度考核为基本称职"));
        if (c.LastYear == Rating.Incompetent)
            r.Add(new(AttentionKind.LastYearIncompetent, $"{year - 1} 年度考核为不称职"));
        if (c.SatisfactionRate is { } rate && rate * 100 < s.LowSatisfactionPercent)
            r.Add(new(AttentionKind.LowSatisfaction, $"{c.SatisfactionYear} 年双述双评满意率 {rate * 100:0.#}%，低于 {s.LowSatisfactionPercent}%"));
        if (c.LastYear == Rating.Incompetent && c.YearBefore == Rating.Incompetent)
            r.Add(new(AttentionKind.ConsecutiveIncompetent, $"{year - 2}、{year - 1} 连续两年不称职，建议罢免或调整"));
        return r;
    }

    /// <summary>Chinese name of a reason kind.</summary>
    public static string Name(AttentionKind k) => k switch
    {
        AttentionKind.LowMonthlyAverage => "月度均分偏低",
        AttentionKind.LastYearBasicallyCompetent => "上年基本称职",
        AttentionKind.LastYearIncompetent => "上年不称职",
        AttentionKind.LowSatisfaction => "满意率偏低",
        AttentionKind.ConsecutiveIncompetent => "建议罢免/调整",
        _ => "",
    };
}
