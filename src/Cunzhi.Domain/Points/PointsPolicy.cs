using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Points;

/// <summary>Whether a rule adds points (加分) or takes them away (扣分).</summary>
public enum PointsSign
{
    /// <summary>加分.</summary>
    Earn = 1,
    /// <summary>扣分.</summary>
    Deduct = 2,
}

/// <summary>Whose points a rule moves: a household (农户) or a Party member among the residents (党员).</summary>
public enum PointsHolderKind
{
    /// <summary>农户.</summary>
    Household = 1,
    /// <summary>党员 (a resident with IsPartyMember).</summary>
    PartyMember = 2,
}

/// <summary>The county's carry-over rule (结转): what of last year's balance opens this year.</summary>
public enum CarryOverRule
{
    /// <summary>每年清零: nothing carries over.</summary>
    None = 0,
    /// <summary>全部结转.</summary>
    All = 1,
    /// <summary>按比例结转 (<see cref="PointsPolicy.CarryOverPercent"/>, rounded down).</summary>
    Share = 2,
}

/// <summary>
/// One item of the catalogue (积分细则条目): a code unique in its catalogue, a name, earn or deduct, the points it moves
/// (a whole number fixed by the rule), for whom, whether evidence is required, and the cap per holder per year in points
/// (null: no cap).
/// </summary>
public sealed record PointsItem(string Code, string Name, PointsSign Sign, int Points, PointsHolderKind For, bool EvidenceRequired, int? YearCap);

/// <summary>
/// 积分细则: one county's points catalogue and settings, versioned (<see cref="VersionedPolicy{TSelf}"/>): a draft is edited,
/// publishing makes it a version in force from a date not before today, a published version never changes, and every
/// ledger entry keeps the version number it was proposed under. Villages add their own items (<see cref="VillagePointsItem"/>)
/// within the limits this version sets (<see cref="VillageItemMaxPoints"/>, <see cref="VillageItemMaxYearCap"/>, <see cref="VillageItemMaxCount"/>).
/// </summary>
public sealed class PointsPolicy : VersionedPolicy<PointsPolicy>
{
    /// <summary>Default 公示 period: 5 days.</summary>
    public const int DefaultPublicityDays = 5;
    /// <summary>Largest points of one item (county or village).</summary>
    public const int MaxItemPoints = 1000;
    /// <summary>Most items in a county catalogue.</summary>
    public const int MaxItems = 200;

    /// <inheritdoc/>
    protected override string PolicyName => "积分细则";

    /// <summary>The county's items.</summary>
    public List<PointsItem> Items { get; set; } = [];
    /// <summary>公示 days after approval (1–30, default 5): the first day is the day after approval, inclusive.</summary>
    public int PublicityDays { get; set; } = DefaultPublicityDays;
    /// <summary>What of last year's balance carries into the next (default none).</summary>
    public CarryOverRule CarryOver { get; set; } = CarryOverRule.None;
    /// <summary>The share carried over under <see cref="CarryOverRule.Share"/>, 1–99 percent.</summary>
    public int CarryOverPercent { get; set; }
    /// <summary>Whether a deduction may take a balance below zero (default no).</summary>
    public bool AllowNegative { get; set; }
    /// <summary>Most points a village's own item may move (default 10).</summary>
    public int VillageItemMaxPoints { get; set; } = 10;
    /// <summary>Largest year cap a village's own item may set, in points (default 50; every village item has a cap).</summary>
    public int VillageItemMaxYearCap { get; set; } = 50;
    /// <summary>Most own items a village may keep in use (default 20).</summary>
    public int VillageItemMaxCount { get; set; } = 20;
    /// <summary>积分联奖惩: how a Party member's yearly score takes in their linked households' points (default none).</summary>
    public LinkedScoreRule LinkedRule { get; set; } = LinkedScoreRule.None;
    /// <summary>The weight w (percent, 1–100) of the linked households' average under <see cref="LinkedScoreRule.Weighted"/>.</summary>
    public int LinkWeightPercent { get; set; }

    /// <summary>The item with <paramref name="code"/>, or null.</summary>
    public PointsItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    /// <summary>The defaults a county starts from: settings above and a short illustrative catalogue.</summary>
    public static List<PointsItem> DefaultItems() =>
    [
        new("A01", "参加村集体义务劳动", PointsSign.Earn, 2, PointsHolderKind.Household, false, 24),
        new("A02", "庭院整洁、门前三包达标", PointsSign.Earn, 3, PointsHolderKind.Household, false, 36),
        new("A03", "见义勇为、好人好事", PointsSign.Earn, 10, PointsHolderKind.Household, true, 30),
        new("B01", "乱堆乱放、乱倒垃圾", PointsSign.Deduct, 3, PointsHolderKind.Household, true, null),
        new("P01", "联系农户、走访记录完整", PointsSign.Earn, 2, PointsHolderKind.PartyMember, false, 24),
        new("P02", "参加组织生活", PointsSign.Earn, 1, PointsHolderKind.PartyMember, false, 12),
        new("Q01", "无故不参加组织生活", PointsSign.Deduct, 2, PointsHolderKind.PartyMember, false, null),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Items.Count == 0) p.Add("积分细则至少需要一项");
        if (Items.Count > MaxItems) p.Add($"积分细则不能超过 {MaxItems} 项");
        foreach (var i in Items) p.AddRange(PointsRules.ItemProblems(i, $"条目 {i.Code}"));
        foreach (var d in Items.GroupBy(i => i.Code).Where(g => g.Count() > 1)) p.Add($"条目编号 {d.Key} 重复");
        if (PublicityDays is < 1 or > 30) p.Add("公示天数应在 1 至 30 天之间");
        if (!Enum.IsDefined(CarryOver)) p.Add("请选择结转规则");
        if (CarryOver == CarryOverRule.Share && CarryOverPercent is < 1 or > 99) p.Add("按比例结转时比例应在 1% 至 99% 之间");
        if (VillageItemMaxPoints is < 1 or > MaxItemPoints) p.Add($"村级自定条目分值上限应在 1 至 {MaxItemPoints} 之间");
        if (VillageItemMaxYearCap < VillageItemMaxPoints || VillageItemMaxYearCap > 100 * MaxItemPoints) p.Add("村级自定条目年度上限不能小于分值上限");
        if (VillageItemMaxCount is < 0 or > 100) p.Add("村级自定条目数应在 0 至 100 之间");
        if (!Enum.IsDefined(LinkedRule)) p.Add("请选择党员积分联农户的计算方式");
        if (LinkedRule == LinkedScoreRule.Weighted && LinkWeightPercent is < 1 or > 100) p.Add("按权重计入联系农户积分时，权重应在 1% 至 100% 之间");
        return p;
    }

    /// <inheritdoc/>
    protected override void CopyMutableMembers() => Items = [.. Items];

    /// <summary>
    /// Publishes this draft from <paramref name="effectiveFrom"/>. A rule change may not rewrite history: the date is not
    /// before <paramref name="today"/> (entries already proposed keep the version they were made under) and after every
    /// published version's effective date.
    /// </summary>
    public void Publish(DateOnly effectiveFrom, IEnumerable<PointsPolicy> published, DateOnly today, string by, DateTime atUtc)
    {
        EnsureDraft();
        RuleException.ThrowIfAny(Problems());
        if (effectiveFrom < today)
            throw new RuleException("points.rewrite-history", "effectiveFrom", $"生效日期不能早于今天（{today:yyyy-MM-dd}）：已记录的积分按当时的细则计算，不能改写");
        var latest = LatestPublished(published);
        if (latest is not null && effectiveFrom <= latest.EffectiveFrom)
            throw new RuleException("points.rewrite-history", "effectiveFrom", $"生效日期须晚于第 {latest.Version} 版的生效日期（{latest.EffectiveFrom:yyyy-MM-dd}）");
        EffectiveFrom = effectiveFrom;
        MarkPublished(by, atUtc);
    }
}

/// <summary>
/// A village's own item (村级自定条目), added within the county's limits of the version in force. Never edited: a
/// changed item is a new one and the old one is retired (停用), so entries made under it keep what they were made under.
/// </summary>
public sealed class VillagePointsItem : Regions.IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>Code unique in the village (e.g. C01); distinct from the county's codes.</summary>
    public required string Code { get; set; }
    /// <summary>Name.</summary>
    public required string Name { get; set; }
    /// <summary>Earn or deduct.</summary>
    public PointsSign Sign { get; set; }
    /// <summary>Points it moves.</summary>
    public int Points { get; set; }
    /// <summary>For whom.</summary>
    public PointsHolderKind For { get; set; }
    /// <summary>Whether evidence is required.</summary>
    public bool EvidenceRequired { get; set; }
    /// <summary>Cap per holder per year, in points (required for a village item).</summary>
    public int YearCap { get; set; }
    /// <summary>The county version whose limits it was checked against.</summary>
    public int PolicyVersion { get; set; }
    /// <summary>Who added it.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When it was retired (UTC); null while in use.</summary>
    public DateTime? RetiredAtUtc { get; set; }

    /// <summary>As a catalogue item.</summary>
    public PointsItem AsItem() => new(Code, Name, Sign, Points, For, EvidenceRequired, YearCap);
}
