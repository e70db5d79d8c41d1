using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Disclosure;

/// <summary>
/// 村务公开规则: a county's disclosure catalogue and deadlines, versioned like the other county policies
/// (<see cref="VersionedPolicy{TSelf}"/>). The frequencies follow 《中华人民共和国村民委员会组织法》第三十条
/// (<see cref="DisclosureRules.LegalBasis"/>); the deadlines are the county's:
/// <list type="bullet">
/// <item>a monthly or quarterly item is due <see cref="PeriodicDueWorkingDays"/> working days after its period ends
/// (default 10: about two calendar weeks, the local practice of publishing by the 15th of the next month or quarter,
/// counted in working days so a Spring Festival or National Day week cannot make a village late);</item>
/// <item>an item made public at once (随时) is due <see cref="ImmediateDueWorkingDays"/> working days after the day of
/// the occurrence (default 5, the provincial rules' 「自收到批复后五日内公布」), counted the same way.</item>
/// </list>
/// A version takes effect on the first day of a quarter (<see cref="Publish"/>), so a quarter is never judged under two
/// catalogues and nobody is late for a period that began before the rule.
/// </summary>
public sealed class DisclosurePolicy : VersionedPolicy<DisclosurePolicy>
{
    /// <summary>Most items in a catalogue.</summary>
    public const int MaxItems = 100;
    /// <summary>Most working days after a period or occurrence a county may allow.</summary>
    public const int MaxDueWorkingDays = 30;
    /// <summary>Most working days of the due-soon warning.</summary>
    public const int MaxDueSoonWorkingDays = 10;

    /// <inheritdoc/>
    protected override string PolicyName => "村务公开规则";

    /// <summary>The catalogue.</summary>
    public List<DisclosureItem> Items { get; set; } = [];
    /// <summary>Working days after a month or quarter ends by which its disclosure is due (default 10).</summary>
    public int PeriodicDueWorkingDays { get; set; } = 10;
    /// <summary>Working days after an occurrence by which its disclosure is due (default 5).</summary>
    public int ImmediateDueWorkingDays { get; set; } = 5;
    /// <summary>临期: a disclosure not yet made within this many working days of its due date (default 3).</summary>
    public int DueSoonWorkingDays { get; set; } = 3;

    /// <summary>The policy a county uses until it publishes its own.</summary>
    public static DisclosurePolicy Default(string county) => new() { CountyCode = county, Items = DefaultItems() };

    /// <summary>The item with <paramref name="code"/>, or null.</summary>
    public DisclosureItem? Item(string code) => Items.FirstOrDefault(i => i.Code == code);

    /// <summary>
    /// A catalogue to start from, after the law's list (art. 30 (1)–(5)) and common county catalogues: each column's
    /// periodic items and the matters touching villagers' interests that are published at once.
    /// </summary>
    public static List<DisclosureItem> DefaultItems() =>
    [
        new("D01", "党组织建设、党员发展和党费收缴使用情况", DisclosureCategory.Party, DisclosureFrequency.Quarterly),
        new("D02", "党组织重要决策和“三会一课”开展情况", DisclosureCategory.Party, DisclosureFrequency.Quarterly),
        new("C01", "村民会议、村民代表会议决定事项及实施情况", DisclosureCategory.Village, DisclosureFrequency.Quarterly),
        new("C02", "救灾救助、补贴补助资金物资管理使用情况", DisclosureCategory.Village, DisclosureFrequency.Quarterly),
        new("C03", "村民委员会协助政府开展工作情况", DisclosureCategory.Village, DisclosureFrequency.Quarterly),
        new("C04", "低保、特困供养、临时救助对象评定", DisclosureCategory.Village, DisclosureFrequency.Immediate),
        new("C05", "宅基地审批和土地征收补偿", DisclosureCategory.Village, DisclosureFrequency.Immediate),
        new("C06", "村级工程项目招标、实施和验收", DisclosureCategory.Village, DisclosureFrequency.Immediate),
        new("F01", "村集体财务收支情况", DisclosureCategory.Finance, DisclosureFrequency.Quarterly, MonthlyWhenFrequent: true),
        new("F02", "集体资产资源发包、租赁和收益分配", DisclosureCategory.Finance, DisclosureFrequency.Quarterly),
        new("F03", "集体债权债务情况", DisclosureCategory.Finance, DisclosureFrequency.Quarterly),
    ];

    /// <inheritdoc/>
    public override IReadOnlyList<string> Problems()
    {
        var p = new List<string>();
        if (Items.Count == 0) p.Add("公开目录至少需要一项");
        if (Items.Count > MaxItems) p.Add($"公开目录不能超过 {MaxItems} 项");
        foreach (var i in Items) p.AddRange(ItemProblems(i));
        foreach (var d in Items.GroupBy(i => i.Code).Where(g => g.Count() > 1)) p.Add($"公开事项编号 {d.Key} 重复");
        if (Items.Count > 0 && !Items.Any(i => i.Category == DisclosureCategory.Finance
                && (i.Frequency == DisclosureFrequency.Monthly || i.MonthlyWhenFrequent)))
            p.Add("财务类至少须有一项在集体财务往来较多时每月公开（财务收支情况，《村民委员会组织法》第三十条）");
        if (PeriodicDueWorkingDays is < 1 or > MaxDueWorkingDays)
            p.Add($"按月、按季公开的期限须为期满后 1 至 {MaxDueWorkingDays} 个工作日（现为 {PeriodicDueWorkingDays}）");
        if (ImmediateDueWorkingDays is < 1 or > MaxDueWorkingDays)
            p.Add($"随时公开的期限须为事项发生后 1 至 {MaxDueWorkingDays} 个工作日（现为 {ImmediateDueWorkingDays}）");
        if (DueSoonWorkingDays is < 0 or > MaxDueSoonWorkingDays)
            p.Add($"临期提醒须为到期前 0 至 {MaxDueSoonWorkingDays} 个工作日（现为 {DueSoonWorkingDays}）");
        return p;
    }

    /// <summary>What is wrong with one item, in Chinese.</summary>
    public static IReadOnlyList<string> ItemProblems(DisclosureItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        var p = new List<string>();
        var code = item.Code?.Trim() ?? "";
        var label = code.Length == 0 ? "公开事项" : $"公开事项 {code}";
        if (code.Length is 0 or > DisclosureItem.MaxCode) p.Add($"{label}的编号须为 1 至 {DisclosureItem.MaxCode} 个字符");
        if (string.IsNullOrWhiteSpace(item.Name) || item.Name.Trim().Length > DisclosureItem.MaxName)
            p.Add($"{label}的名称须为 1 至 {DisclosureItem.MaxName} 个字");
        if (!Enum.IsDefined(item.Category)) p.Add($"{label}请选择党务、村务或财务");
        if (!Enum.IsDefined(item.Frequency)) p.Add($"{label}请选择每月、每季度或随时公开");
        if (item.MonthlyWhenFrequent && (item.Category != DisclosureCategory.Finance || item.Frequency != DisclosureFrequency.Quarterly))
            p.Add($"{label}：只有按季度公开的财务类事项可以设为“财务往来较多时每月公开”");
        return p;
    }

    /// <inheritdoc/>
    protected override void CopyMutableMembers() => Items = [.. Items];

    /// <summary>
    /// Publishes this draft from <paramref name="effectiveFrom"/>: the first day of a quarter, not before the current
    /// quarter's, and after every published version's effective date.
    /// </summary>
    public void Publish(DateOnly effectiveFrom, IEnumerable<DisclosurePolicy> published, DateOnly today, string by, DateTime atUtc)
    {
        EnsureDraft();
        RuleException.ThrowIfAny(Problems());
        if (effectiveFrom != DisclosureRules.QuarterStart(effectiveFrom))
            throw new RuleException("disclosure.effective-quarter", "effectiveFrom",
                $"公开规则须从季度第一天起生效（如 {DisclosureRules.QuarterStart(effectiveFrom).AddMonths(3):yyyy-MM-dd}），以免一个季度按两套规则计算");
        if (effectiveFrom < DisclosureRules.QuarterStart(today))
            throw new RuleException("disclosure.rewrite-history", "effectiveFrom", "生效日期不能早于本季度：已过去的季度按当时的规则计算，不能改写");
        var latest = LatestPublished(published);
        if (latest is not null && effectiveFrom <= latest.EffectiveFrom)
            throw new RuleException("disclosure.rewrite-history", "effectiveFrom", $"生效日期须晚于第 {latest.Version} 版的生效日期（{latest.EffectiveFrom:yyyy-MM-dd}）");
        EffectiveFrom = effectiveFrom;
        MarkPublished(by, atUtc);
    }
}
