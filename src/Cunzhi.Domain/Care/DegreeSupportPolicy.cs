using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Care;

/// <summary>
/// 学历提升报销办法: a county's versioned policy (<see cref="VersionedPolicy{TSelf}"/>) — the share of tuition reimbursed
/// (percent) and the caps in yuan: per cadre per year and per programme (0 = no cap of that kind).
/// </summary>
public sealed class DegreeSupportPolicy : VersionedPolicy<DegreeSupportPolicy>, IPublishedAsDrafted
{
    /// <summary>Highest cap (yuan).</summary>
    public const int MaxCapYuan = 1_000_000;

    /// <summary>The policy a county uses until it publishes its own.</summary>
    public static DegreeSupportPolicy Default(string county) => new() { CountyCode = county };

    /// <inheritdoc/>
    protected override string PolicyName => "学历提升报销办法";

    /// <summary>报销比例 (percent of tuition, 1–100; default 50).</summary>
    public int SharePercent { get; set; } = 50;
    /// <summary>每人每年报销上限 (yuan; 0 = none; default 3,000).</summary>
    public int CapPerYearYuan { get; set; } = 3000;
    /// <summary>每个学历项目报销上限 (yuan; 0 = none; default 10,000).</summary>
    public int CapPerProgrammeYuan { get; set; } = 10000;

    /// <inheritdoc/>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (SharePercent is < 1 or > 100) p.Add($"报销比例须为 1% 至 100%（现为 {SharePercent}%）");
        if (CapPerYearYuan is < 0 or > MaxCapYuan) p.Add($"每人每年报销上限须为 0 至 {MaxCapYuan:N0} 元（0 为不设上限）");
        if (CapPerProgrammeYuan is < 0 or > MaxCapYuan) p.Add($"每个学历项目报销上限须为 0 至 {MaxCapYuan:N0} 元（0 为不设上限）");
        return p;
    }

    /// <summary>Publishes the draft (refused with its <see cref="Problems"/>).</summary>
    public void Publish(string by, DateTime atUtc) => MarkPublished(by, atUtc);
}
