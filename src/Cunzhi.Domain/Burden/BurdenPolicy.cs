using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Burden;

/// <summary>
/// A county's burden-reduction settings. Every number is the county's choice with the article's
/// figure as the default: rankings at most once every 12 months (Li County, Hunan: "不得按月、按季度频繁进行通报排名"),
/// at most 10 town assessment items (Li County: "仅保留10项"), a baseline of the first 3 months.
/// </summary>
public sealed class BurdenPolicy : IRegionScoped, Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Default months between two ranking publications of the same kind by the same region.</summary>
    public const int DefaultRankingIntervalMonths = 12;
    /// <summary>Default cap on the assessment items a town imposes on its villages in a year.</summary>
    public const int DefaultAssessmentItemCap = 10;
    /// <summary>Default length of the burden meter's baseline, in months.</summary>
    public const int DefaultBaselineMonths = 3;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>A ranking of one kind may be published by a region at most once in this many months (1–60).</summary>
    public int RankingIntervalMonths { get; set; } = DefaultRankingIntervalMonths;
    /// <summary>Most assessment items (考核事项) a town may impose on its villages in one year (1–50).</summary>
    public int AssessmentItemCap { get; set; } = DefaultAssessmentItemCap;
    /// <summary>First month of the meter's baseline; null means each village's first month with any recorded load.</summary>
    public DateOnly? BaselineFrom { get; set; }
    /// <summary>Number of months in the baseline (1–24).</summary>
    public int BaselineMonths { get; set; } = DefaultBaselineMonths;
    /// <summary>Who last changed the settings.</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? UpdatedAtUtc { get; set; }

    /// <summary>The defaults for a county that has set nothing.</summary>
    public static BurdenPolicy Default(string county) => new() { RegionCode = county };

    /// <summary>Changes the settings, refusing values outside their ranges (every reason at once).</summary>
    public void Change(int rankingIntervalMonths, int assessmentItemCap, DateOnly? baselineFrom, int baselineMonths, string by, DateTime atUtc)
    {
        var errors = new List<RuleProblem>();
        if (rankingIntervalMonths is < 1 or > 60) errors.Add(new("burden.out_of_range", nameof(RankingIntervalMonths), "排名发布间隔须在 1 至 60 个月之间"));
        if (assessmentItemCap is < 1 or > 50) errors.Add(new("burden.out_of_range", nameof(AssessmentItemCap), "乡镇考核事项上限须在 1 至 50 项之间"));
        if (baselineMonths is < 1 or > 24) errors.Add(new("burden.out_of_range", nameof(BaselineMonths), "基线月数须在 1 至 24 之间"));
        RuleException.ThrowIfAny(errors);
        (RankingIntervalMonths, AssessmentItemCap, BaselineMonths) = (rankingIntervalMonths, assessmentItemCap, baselineMonths);
        BaselineFrom = baselineFrom is { } b ? new DateOnly(b.Year, b.Month, 1) : null;
        (UpdatedBy, UpdatedAtUtc) = (by, atUtc);
    }
}
