namespace Cunzhi.Domain.Assessment;

/// <summary>
/// A county's assessment settings (考核参数). Every number here is the county's choice; the defaults are the figures
/// the issue and the articles give. Not region-scoped: every town reads its county's settings.
/// </summary>
public sealed class AssessmentSettings : Common.IVersioned
{
    /// <summary>Concurrency version (<see cref="Common.IVersioned"/>).</summary>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County code (12 digits).</summary>
    public required string CountyCode { get; set; }
    /// <summary>Weight of the monthly average in the annual score, percent (default 40).</summary>
    public int MonthlyWeight { get; set; } = 40;
    /// <summary>Weight of the quarterly average, percent (default 40).</summary>
    public int QuarterlyWeight { get; set; } = 40;
    /// <summary>Weight of the villagers' satisfaction rate × 100, percent (default 20).</summary>
    public int SatisfactionWeight { get; set; } = 20;
    /// <summary>Annual score at or above which a cadre is a 优秀 candidate (default 90).</summary>
    public decimal ExcellentThreshold { get; set; } = 90;
    /// <summary>Score at or above which 称职 (default 70).</summary>
    public decimal CompetentThreshold { get; set; } = 70;
    /// <summary>Score at or above which 基本称职 (default 60); below is 不称职.</summary>
    public decimal BasicThreshold { get; set; } = 60;
    /// <summary>Cap on 优秀 as a percentage of a town's cadres (default 20; see <see cref="AnnualRules.ExcellentCap"/>).</summary>
    public int ExcellentCapPercent { get; set; } = 20;
    /// <summary>Half-year analysis: a monthly average below this needs attention (default 60).</summary>
    public decimal LowMonthlyAverage { get; set; } = 60;
    /// <summary>Half-year analysis: a satisfaction rate below this percentage needs attention (default 60, as promotion rule D4).</summary>
    public int LowSatisfactionPercent { get; set; } = 60;
    /// <summary>Account that last changed them.</summary>
    public string? UpdatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime? UpdatedAtUtc { get; set; }

    /// <summary>The defaults for a county that has saved none.</summary>
    public static AssessmentSettings DefaultFor(string county) => new() { CountyCode = county };

    /// <summary>
    /// Every problem: the three weights 0–100 adding up to 100; 0 ≤ 基本称职 &lt; 称职 &lt; 优秀 ≤ 100; the cap 0–100;
    /// the half-year thresholds 0–100.
    /// </summary>
    public IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (MonthlyWeight is < 0 or > 100 || QuarterlyWeight is < 0 or > 100 || SatisfactionWeight is < 0 or > 100) p.Add("各项权重须在 0–100 之间");
        if (MonthlyWeight + QuarterlyWeight + SatisfactionWeight != 100) p.Add($"月度、季度、群众满意度三项权重之和须为 100（现为 {MonthlyWeight + QuarterlyWeight + SatisfactionWeight}）");
        if (!(BasicThreshold >= 0 && BasicThreshold < CompetentThreshold && CompetentThreshold < ExcellentThreshold && ExcellentThreshold <= 100))
            p.Add("等次分数线须满足 0 ≤ 基本称职 < 称职 < 优秀 ≤ 100");
        if (ExcellentCapPercent is < 0 or > 100) p.Add("优秀比例须在 0–100% 之间");
        if (LowMonthlyAverage is < 0 or > 100) p.Add("半年研判的月度均分线须在 0–100 之间");
        if (LowSatisfactionPercent is < 0 or > 100) p.Add("半年研判的满意率线须在 0–100% 之间");
        return p;
    }
}
