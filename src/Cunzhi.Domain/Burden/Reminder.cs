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
    /// <summary>村级周报未汇报 — Friday afternoon, to a town whose villages still have unreported items.</summary>
    TownUnreported = 3,
    /// <summary>本周周报汇总 — Friday evening, the county's summary of the week.</summary>
    CountySummary = 4,
    /// <summary>村务公开临期 — a village with disclosures due within the county's warning (once a week).</summary>
    DisclosureDueSoon = 5,
    /// <summary>村务公开逾期 — a village with disclosures past their due date (once a week).</summary>
    DisclosureOverdue = 6,
    /// <summary>村务公开逾期的村 — a town some of whose villages have overdue disclosures (once a week; pushed to its group robots too).</summary>
    DisclosureTownLate = 7,
}

/// <summary>Kinds of webhook robot a county or town can have reminders pushed to.</summary>
public enum RobotKind
{
    /// <summary>钉钉群机器人 (signed with timestamp + HMAC-SHA256 of the secret).</summary>
    DingTalk = 1,
    /// <summary>企业微信群机器人 (the key is part of the webhook URL).</summary>
    WeCom = 2,
}

/// <summary>
/// A county's or town's group robot that its reminders are also pushed to. URL and secret are stored encrypted (they are
/// credentials: anyone holding them can post to the group); the platform shows only the host.
/// </summary>
public sealed class ReminderWebhook : IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>County or town code (12 digits).</summary>
    public string RegionCode { get; set; } = "";
    /// <summary>DingTalk or WeCom.</summary>
    public RobotKind Kind { get; set; }
    /// <summary>The webhook URL, encrypted.</summary>
    public string UrlProtected { get; set; } = "";
    /// <summary>Host of the URL, shown instead of it.</summary>
    public string Host { get; set; } = "";
    /// <summary>DingTalk's signing secret (加签), encrypted; null when none.</summary>
    public string? SecretProtected { get; set; }
    /// <summary>Whether pushing is on.</summary>
    public bool Enabled { get; set; } = true;
    /// <summary>Who last changed it.</summary>
    public string UpdatedBy { get; set; } = "";
    /// <summary>When (UTC).</summary>
    public DateTime UpdatedAtUtc { get; set; }
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

    /// <summary>Hour (local) from which Friday's town reminder is due: the afternoon, leaving villages the morning.</summary>
    public const int TownHour = 14;
    /// <summary>Hour (local) from which Friday's county summary is due: the end of the working week.</summary>
    public const int CountyHour = 17;

    /// <summary>
    /// The town and county kinds due at <paramref name="localNow"/>: on Friday from <see cref="TownHour"/> the towns with
    /// unreported villages, from <see cref="CountyHour"/> the county's summary; Saturday and Sunday catch up.
    /// </summary>
    public static IReadOnlyList<ReminderKind> SummariesDue(DateTime localNow)
    {
        var day = ((int)localNow.DayOfWeek + 6) % 7;
        var kinds = new List<ReminderKind>();
        if (day > 4 || (day == 4 && localNow.Hour >= TownHour)) kinds.Add(ReminderKind.TownUnreported);
        if (day > 4 || (day == 4 && localNow.Hour >= CountyHour)) kinds.Add(ReminderKind.CountySummary);
        return kinds;
    }

    /// <summary>A town's reminder: which of its villages have items not yet reported (at most ten named).</summary>
    public static (string Title, string Body) TownText(IReadOnlyList<(string Village, int Unreported)> villages)
    {
        var named = string.Join("、", villages.Take(10).Select(v => $"{v.Village}（{v.Unreported} 项）"));
        return ("村级周报未汇报", $"本周还有 {villages.Count} 个村未完成周五汇报：{named}{(villages.Count > 10 ? " 等" : "")}。");
    }

    /// <summary>The county's weekly summary: villages, items, reported, blocked, villages not done.</summary>
    public static (string Title, string Body) CountyText(DateOnly week, int villages, int items, int reported, int blocked, int villagesNotDone) =>
        ("本周周报汇总", $"{Week.MondayOf(week):M月d日}这一周：{villages} 个村共 {items} 项任务，已汇报 {reported} 项，其中受阻 {blocked} 项；{villagesNotDone} 个村尚未汇报完。");

    /// <summary>Title and body of a reminder for a village with <paramref name="items"/> items on the list, <paramref name="unreported"/> not yet reported.</summary>
    public static (string Title, string Body) Text(ReminderKind kind, DateOnly week, int items, int unreported) => kind switch
    {
        ReminderKind.MondayList => ("本周清单已下发", $"{Week.MondayOf(week):M月d日}这一周的周一清单共 {items} 项，请查看。"),
        _ => ("请于今日完成周五汇报", $"本周清单还有 {unreported} 项未汇报，请逐项填报已完成、推进中或受阻。"),
    };
}
