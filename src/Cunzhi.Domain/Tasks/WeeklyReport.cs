using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Tasks;

/// <summary>How a village answers one item of its Monday list in the Friday report.</summary>
public enum WeeklyStatus
{
    /// <summary>已完成.</summary>
    Done = 1,
    /// <summary>推进中.</summary>
    InProgress = 2,
    /// <summary>受阻 — a note saying why is required.</summary>
    Blocked = 3,
}

/// <summary>ISO weeks (Monday to Sunday) as the weekly rhythm uses them.</summary>
public static class Week
{
    /// <summary>The Monday of the week <paramref name="day"/> falls in.</summary>
    public static DateOnly MondayOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>The Sunday ending the week that starts on <paramref name="monday"/>.</summary>
    public static DateOnly SundayOf(DateOnly monday) => MondayOf(monday).AddDays(6);

    /// <summary>
    /// Whether the report of the week of <paramref name="week"/> may be filed or changed on <paramref name="today"/>:
    /// from that Monday until the end of that week's Sunday — never for a future week, never after the week is over.
    /// </summary>
    public static bool IsOpen(DateOnly week, DateOnly today)
    {
        var monday = MondayOf(week);
        return today >= monday && today <= SundayOf(monday);
    }
}

/// <summary>
/// 周五汇报: one village's answer to one item of its Monday list (周一清单) for one week. At most one per
/// <see cref="VillageTask"/> and week; it may be changed until the week's Sunday is over.
/// </summary>
public sealed class WeeklyReport : IRegionScoped
{
    /// <summary>Longest note.</summary>
    public const int NoteMaxLength = 200;

    /// <summary>Surrogate key.</summary>
    public long Id { get; private set; }
    /// <summary>The village task answered.</summary>
    public long VillageTaskId { get; private set; }
    /// <summary>Village code (same as the task's).</summary>
    public string RegionCode { get; private set; } = "";
    /// <summary>Monday of the week reported.</summary>
    public DateOnly WeekStart { get; private set; }
    /// <summary>Done, in progress or blocked.</summary>
    public WeeklyStatus Status { get; private set; }
    /// <summary>Short note; required when blocked.</summary>
    public string? Note { get; private set; }
    /// <summary>When last reported (UTC).</summary>
    public DateTime ReportedAtUtc { get; private set; }
    /// <summary>Account that last reported.</summary>
    public string ReportedBy { get; private set; } = "";

    /// <summary>A first answer for the task <paramref name="villageTaskId"/> of village <paramref name="village"/> in the week of <paramref name="week"/>.</summary>
    public static WeeklyReport File(long villageTaskId, string village, DateOnly week, WeeklyStatus status, string? note, string by, DateTime atUtc, DateOnly today)
    {
        var r = new WeeklyReport { VillageTaskId = villageTaskId, RegionCode = village, WeekStart = Week.MondayOf(week) };
        r.Change(status, note, by, atUtc, today);
        return r;
    }

    /// <summary>Changes the answer; refused once the week is over.</summary>
    public void Change(WeeklyStatus status, string? note, string by, DateTime atUtc, DateOnly today)
    {
        if (!Week.IsOpen(WeekStart, today))
            throw new RuleException(today < WeekStart
                ? $"{WeekStart:yyyy-MM-dd} 这一周尚未开始，不能填报"
                : $"{WeekStart:yyyy-MM-dd} 这一周已结束，周报不能再修改");
        if (!Enum.IsDefined(status)) throw new RuleException("请选择完成情况");
        var n = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        if (status == WeeklyStatus.Blocked && n is null) throw new RuleException("受阻的事项请填写情况说明");
        if (n is { Length: > NoteMaxLength }) throw new RuleException($"情况说明不能超过 {NoteMaxLength} 个字");
        (Status, Note, ReportedBy, ReportedAtUtc) = (status, n, by, atUtc);
    }

    /// <summary>The note of an item answered by submitting its form (一表通): the form's title, cut to fit.</summary>
    public static string FormSubmittedNote(string formTitle)
    {
        var note = $"已通过一表通提交报表《{formTitle}》";
        return note.Length <= NoteMaxLength ? note : note[..(NoteMaxLength - 2)] + "…》";
    }

    /// <summary>Chinese name of a status; null means not yet reported.</summary>
    public static string StatusName(WeeklyStatus? s) => s switch
    {
        WeeklyStatus.Done => "已完成",
        WeeklyStatus.InProgress => "推进中",
        WeeklyStatus.Blocked => "受阻",
        _ => "未报",
    };
}
