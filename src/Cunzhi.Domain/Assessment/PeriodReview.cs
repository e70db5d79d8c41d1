using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Assessment;

/// <summary>
/// 月考评 / 季度实绩考核: one cadre's scores for one month or quarter, given by the town, with the template version
/// they were given under and the weighted total (<see cref="ReviewScoring"/>). One row per cadre, kind, year and
/// period. Performance pay reads <see cref="Total"/> of the monthly rows.
/// </summary>
public sealed class PeriodReview : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The cadre.</summary>
    public long CadreId { get; private set; }
    /// <summary>The cadre's village code.</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Monthly or quarterly.</summary>
    public ReviewKind Kind { get; private set; }
    /// <summary>Year.</summary>
    public int Year { get; private set; }
    /// <summary>Month 1–12 or quarter 1–4.</summary>
    public int Period { get; private set; }
    /// <summary>The template version scored with.</summary>
    public long TemplateId { get; private set; }
    /// <summary>Its version number (for display).</summary>
    public int TemplateVersion { get; private set; }
    /// <summary>Scores per indicator, <see cref="ReviewScoring.Format"/>.</summary>
    public string Scores { get; private set; } = "";
    /// <summary>Weighted total, 0–100.</summary>
    public decimal Total { get; private set; }
    /// <summary>Account that scored last.</summary>
    public string ScoredBy { get; private set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime ScoredAtUtc { get; private set; }

    /// <summary>Months (1–12) or quarters (1–4) in a year.</summary>
    public static int PeriodsIn(ReviewKind kind) => kind == ReviewKind.Monthly ? 12 : 4;

    /// <summary>The first day after the period: scoring is allowed only from then on, or during the period's last month for quarters.</summary>
    public static DateOnly FirstScoringDay(ReviewKind kind, int year, int period) => kind == ReviewKind.Monthly
        ? new DateOnly(year, period, 1)
        : new DateOnly(year, period * 3, 1);

    /// <summary>Why a period cannot be scored on <paramref name="asOf"/>, or null: it must exist and have begun (monthly: its month; quarterly: its last month).</summary>
    public static string? PeriodProblem(ReviewKind kind, int year, int period, DateOnly asOf)
    {
        var label = kind == ReviewKind.Monthly ? $"{year} 年 {period} 月" : $"{year} 年第 {period} 季度";
        if (year is < 2000 or > 2100 || period < 1 || period > PeriodsIn(kind)) return "考核期间无效";
        if (FirstScoringDay(kind, year, period) > asOf) return $"{label}尚未到考核时间";
        return null;
    }

    /// <summary>Scores a cadre for a period (the template's indicators, every score in range).</summary>
    public static PeriodReview Give(long cadreId, string village, ReviewKind kind, int year, int period, IndicatorTemplate template,
        IReadOnlyDictionary<string, decimal?> scores, string by, DateTime atUtc, DateOnly asOf)
    {
        var r = new PeriodReview { CadreId = cadreId, RegionCode = village, Kind = kind, Year = year, Period = period };
        r.Change(template, scores, by, atUtc, asOf, locked: false);
        return r;
    }

    /// <summary>
    /// Re-scores the period with <paramref name="template"/> (the version in force). Refused when the year's annual
    /// result is approved (<paramref name="locked"/>): approved results must stay reproducible.
    /// </summary>
    public void Change(IndicatorTemplate template, IReadOnlyDictionary<string, decimal?> scores, string by, DateTime atUtc, DateOnly asOf, bool locked)
    {
        if (locked) throw new RuleException($"{Year} 年度考核结果已审定，该年的月度和季度得分已锁定，不能修改");
        if (template.Kind != Kind) throw new RuleException("指标模板与考核类型不符");
        if (template.Status == TemplateStatus.Draft) throw new RuleException("草稿模板不能用于评分");
        if (PeriodProblem(Kind, Year, Period, asOf) is { } problem) throw new RuleException(problem);
        var specs = template.Specs;
        Total = ReviewScoring.Total(specs, scores);
        Scores = ReviewScoring.Format(specs, scores);
        (TemplateId, TemplateVersion, ScoredBy, ScoredAtUtc) = (template.Id, template.Version, by, atUtc);
    }
}
