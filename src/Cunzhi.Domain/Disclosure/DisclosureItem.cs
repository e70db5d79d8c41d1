namespace Cunzhi.Domain.Disclosure;

/// <summary>The three columns of a village's notice board (党务村务财务公开).</summary>
public enum DisclosureCategory
{
    /// <summary>党务.</summary>
    Party = 1,
    /// <summary>村务.</summary>
    Village = 2,
    /// <summary>财务.</summary>
    Finance = 3,
}

/// <summary>
/// How often an item is made public, after 《中华人民共和国村民委员会组织法》第三十条: general items at least every quarter,
/// finance every month where the village's collective finance is busy, matters touching villagers' interests at once.
/// There is deliberately no yearly value: the law allows nothing rarer than a quarter.
/// </summary>
public enum DisclosureFrequency
{
    /// <summary>每月: once for every calendar month.</summary>
    Monthly = 1,
    /// <summary>每季度: once for every calendar quarter (the law's floor for general items).</summary>
    Quarterly = 2,
    /// <summary>随时: once for every occurrence (a decision approved, a list settled), within days of it.</summary>
    Immediate = 3,
}

/// <summary>
/// One item of a county's disclosure catalogue (公开目录): a code unique in its catalogue, a name, its column, its
/// frequency, and for a quarterly finance item whether it becomes monthly in a village whose collective finance is busy
/// (集体财务往来较多的，财务收支情况应当每月公布一次).
/// </summary>
public sealed record DisclosureItem(string Code, string Name, DisclosureCategory Category, DisclosureFrequency Frequency, bool MonthlyWhenFrequent = false)
{
    /// <summary>Longest code.</summary>
    public const int MaxCode = 10;
    /// <summary>Longest name.</summary>
    public const int MaxName = 50;

    /// <summary>The frequency in a village: monthly when quarterly and <see cref="MonthlyWhenFrequent"/> and the village's finance is busy.</summary>
    public DisclosureFrequency FrequencyFor(bool frequentFinance) =>
        Frequency == DisclosureFrequency.Quarterly && MonthlyWhenFrequent && frequentFinance ? DisclosureFrequency.Monthly : Frequency;
}
