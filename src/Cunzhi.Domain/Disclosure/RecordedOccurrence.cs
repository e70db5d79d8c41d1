using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Disclosure;

/// <summary>Where a recorded occurrence came from.</summary>
public enum OccurrenceSource
{
    /// <summary>Registered by hand by the village or its town.</summary>
    Registered = 1,
    /// <summary>Recorded by the system when a small-and-micro power exercise mapped to the item was completed (<see cref="PowerOccurrences"/>).</summary>
    PowerExercise = 2,
}

/// <summary>
/// A matter to be made public at once (需随时公开的事项) recorded before it is posted: an occurrence of an immediate (随时)
/// item of the catalogue on a day, with a short title that is its key (<see cref="DisclosureOccurrence.Key"/>) — a
/// low-income list settled, a housing site approved. The calendar owes a posting for it within the policy's working
/// days, so an occurrence nobody posts turns late; the posting that discloses it carries the same key and day. Never
/// edited: one registered by mistake and not yet posted is deleted. One title per village and item (unique index).
/// </summary>
public sealed class RecordedOccurrence : IRegionScoped
{
    /// <summary>Longest title (the posting's occurrence key).</summary>
    public const int MaxTitle = VillageDisclosure.MaxOccurrenceKey;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The immediate item's code (<see cref="DisclosureItem.Code"/>).</summary>
    public required string ItemCode { get; set; }
    /// <summary>The day it happened (approved, settled, signed).</summary>
    public DateOnly On { get; set; }
    /// <summary>Short title, the occurrence's key.</summary>
    public required string Title { get; set; }
    /// <summary>Where it came from.</summary>
    public OccurrenceSource Source { get; set; } = OccurrenceSource.Registered;
    /// <summary>Account that recorded it.</summary>
    public required string RecordedBy { get; set; }
    /// <summary>When it was recorded (UTC).</summary>
    public DateTime RecordedAtUtc { get; set; }

    /// <summary>The occurrence as <see cref="DisclosureRules.Calendar"/> reads it.</summary>
    public DisclosureOccurrence ToOccurrence() => new(Title, ItemCode, On);

    /// <summary>
    /// Every reason (in Chinese) an occurrence of <paramref name="itemCode"/> on <paramref name="on"/> titled
    /// <paramref name="title"/> may not be recorded on <paramref name="today"/> under the county's policy versions; empty when it may.
    /// </summary>
    public static IReadOnlyList<RuleProblem> Problems(IReadOnlyCollection<DisclosurePolicy> versions, string? itemCode, DateOnly on, string? title, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        var p = new List<RuleProblem>();
        if (on > today) p.Add(new("disclosure.occurrence", "on", "事项发生日期不能晚于今天"));
        var t = title?.Trim() ?? "";
        if (t.Length is 0 or > MaxTitle) p.Add(new("disclosure.occurrence", "title", $"请填写事项名称或文号（1 至 {MaxTitle} 个字）"));
        if (DisclosurePolicy.InForce(versions, on) is not { } policy)
            p.Add(new("disclosure.no-policy", "on", $"{on:yyyy-MM-dd} 还没有生效的公开规则"));
        else if (string.IsNullOrWhiteSpace(itemCode) || policy.Item(itemCode.Trim()) is not { } item)
            p.Add(new("disclosure.item", "itemCode", $"第 {policy.Version} 版公开目录中没有这个公开事项"));
        else if (item.Frequency != DisclosureFrequency.Immediate)
            p.Add(new("disclosure.item", "itemCode", $"「{item.Name}」{DisclosureRules.FrequencyName(item.Frequency)}公开，不是随时公开事项"));
        return p;
    }
}
