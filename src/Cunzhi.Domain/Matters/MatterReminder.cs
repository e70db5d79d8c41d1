using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Matters;

/// <summary>What a matter reminder says.</summary>
public enum MatterReminderKind
{
    /// <summary>临期: few working days left.</summary>
    DueSoon = 1,
    /// <summary>逾期: past its due date (to the owner's level and to the level above).</summary>
    Overdue = 2,
}

/// <summary>
/// An in-app reminder about one matter to one region (the level that holds it, or the level above when overdue): at most
/// one per matter, region and China day (a unique index makes a second run, or two instances, harmless). Any account of
/// the region sees it.
/// </summary>
public sealed class MatterReminder : IRegionScoped
{
    /// <summary>Longest title or body.</summary>
    public const int MaxText = 200;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The matter.</summary>
    public long MatterId { get; set; }
    /// <summary>The region reminded (village, town or county code).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Due soon or overdue.</summary>
    public MatterReminderKind Kind { get; set; }
    /// <summary>China day it was made for.</summary>
    public DateOnly On { get; set; }
    /// <summary>The matter's due date then.</summary>
    public DateOnly DueOn { get; set; }
    /// <summary>Title.</summary>
    public required string Title { get; set; }
    /// <summary>Body.</summary>
    public required string Body { get; set; }
    /// <summary>When it was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When it was read (UTC); null while unread.</summary>
    public DateTime? ReadAtUtc { get; set; }
    /// <summary>Who read it.</summary>
    public string? ReadBy { get; set; }
}

/// <summary>Who a matter reminder goes to and what it says (pure).</summary>
public static class MatterReminders
{
    /// <summary>The kind's label.</summary>
    public static string KindName(MatterReminderKind k) => k switch
    {
        MatterReminderKind.DueSoon => "临期",
        MatterReminderKind.Overdue => "逾期",
        _ => "",
    };

    /// <summary>The region holding a matter of <paramref name="village"/> at <paramref name="level"/>: the village, its town or its county.</summary>
    public static string HolderOf(string village, MatterLevel level) => level switch
    {
        MatterLevel.Village => village,
        MatterLevel.Town => RegionCodes.TownOf(village)!,
        _ => RegionCodes.CountyOf(village)!,
    };

    /// <summary>
    /// The regions reminded: due soon → the level holding it; overdue → that level and the one above (the town for a village
    /// matter, the county for a town matter; a county matter has none above).
    /// </summary>
    public static IReadOnlyList<string> Targets(string village, MatterLevel level, MatterReminderKind kind) =>
        kind == MatterReminderKind.Overdue && level != MatterLevel.County
            ? [HolderOf(village, level), HolderOf(village, level + 1)]
            : [HolderOf(village, level)];

    /// <summary>Title and body (no personal names: the matter's title only).</summary>
    public static (string Title, string Body) Text(MatterReminderKind kind, long id, string title, MatterLevel level, DateOnly dueOn, DateOnly today)
    {
        var t = title.Length > 60 ? title[..60] : title;
        return kind == MatterReminderKind.Overdue
            ? ("逾期诉求", $"第 {id} 号诉求“{t}”（{MatterRules.LevelName(level)}办理）应于 {dueOn:yyyy-MM-dd} 办结，已逾期 {today.DayNumber - dueOn.DayNumber} 天")
            : ("临期诉求", $"第 {id} 号诉求“{t}”（{MatterRules.LevelName(level)}办理）应于 {dueOn:yyyy-MM-dd} 办结，请抓紧办理");
    }
}
