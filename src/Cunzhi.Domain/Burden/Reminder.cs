using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Tasks;

namespace Cunzhi.Domain.Burden;

/// <summary>Which weekly reminder.</summary>
public enum ReminderKind
{
    /// <summary>本周清单已下发 — Monday.</summary>
    MondayList = 1,
    /// <summary>请于今日完成周五汇报 — Friday, to villages with unreported items.</summary>
    FridayReport = 2,
}

/// <summary>An in-app reminder to one village (all its accounts see it); at most one of each kind per week.</summary>
public sealed class Reminder : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>Village code.</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>Kind.</summary>
    public ReminderKind Kind { get; set; }
    /// <summary>Monday of the week it is about.</summary>
    public DateOnly WeekStart { get; set; }
    /// <summary>Title.</summary>
    public string Title { get; set; } = "";
    /// <summary>Body.</summary>
    public string Body { get; set; } = "";
    /// <summary>Page it points to.</summary>
    public string Link { get; set; } = "";
    /// <summary>When it was made (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When it was read (UTC); null while unread.</summary>
    public DateTime? ReadAtUtc { get; set; }
    /// <summary>Who read it.</summary>
    public string? ReadBy { get; set; }
}

/// <summary>When the weekly reminders are due (pure; the caller passes the local day).</summary>
public static class ReminderSchedule
{
    /// <summary>
    /// The kinds due on <paramref name="today"/> for its week: the Monday list from Monday on, the Friday report from Friday
    /// on (to the end of Sunday, while the report is still open). Later days catch up when the service was down on the day.
    /// </summary>
    public static IReadOnlyList<ReminderKind> Due(DateOnly today)
    {
        var day = ((int)today.DayOfWeek + 6) % 7; // Monday 0 … Sunday 6
        return day >= 4 ? [ReminderKind.MondayList, ReminderKind.FridayReport] : [ReminderKind.MondayList];
    }

    /// <summary>Title and body of a reminder for a village with <paramref name="items"/> items on the list, <paramref name="unreported"/> not yet reported.</summary>
    public static (string Title, string Body) Text(ReminderKind kind, DateOnly week, int items, int unreported) => kind switch
    {
        ReminderKind.MondayList => ("本周清单已下发", $"{Week.MondayOf(week):M月d日}这一周的周一清单共 {items} 项，请查看。"),
        _ => ("请于今日完成周五汇报", $"本周清单还有 {unreported} 项未汇报，请逐项填报已完成、推进中或受阻。"),
    };
}
