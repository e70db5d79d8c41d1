using Cunzhi.Domain.Calendar;

namespace Cunzhi.Domain.Matters;

/// <summary>
/// The one seam that gives a matter its due date: the county's SLA policy in force (<see cref="SlaPolicy"/>) counted in
/// working days on the county's calendar (<see cref="WorkingCalendar"/>), and the flags read from it (逾期, 临期).
/// Every caller of the matter rules passes the county's deadlines; <see cref="Default"/> (the default policy on the
/// shipped national calendar) is what a caller without a county gets.
/// </summary>
public sealed class MatterDeadlines(SlaPolicy policy, WorkingCalendar calendar)
{
    /// <summary>The policy in force.</summary>
    public SlaPolicy Policy => policy;
    /// <summary>The county's working-day calendar.</summary>
    public WorkingCalendar Calendar => calendar;

    /// <summary>The default policy on the shipped national calendar.</summary>
    public static MatterDeadlines Default { get; } = new(SlaPolicy.Default(""), new WorkingCalendar(NationalCalendar.All()));

    /// <summary>The day a matter of <paramref name="kind"/> reaching <paramref name="level"/> on <paramref name="from"/> is due.</summary>
    public DateOnly DueOn(MatterKind kind, MatterLevel level, DateOnly from) => SlaPolicy.DueOn(policy, calendar, kind, level, from);

    /// <summary>
    /// The first due date that is no longer due soon on <paramref name="today"/>: a matter not done is 临期 when
    /// <c>today ≤ DueOn &lt; DueSoonBefore(today)</c>, i.e. at most <see cref="SlaPolicy.DueSoonDays"/> working days remain.
    /// One date, so a list can filter on it in the database.
    /// </summary>
    public DateOnly DueSoonBefore(DateOnly today) => calendar.AddWorkingDays(today, policy.DueSoonDays + 1);

    /// <summary>Whether a matter is still open (not done, not confirmed).</summary>
    public static bool IsOpen(MatterState state) => state is not (MatterState.Done or MatterState.Confirmed);

    /// <summary>逾期: open and <paramref name="today"/> is after its due date.</summary>
    public static bool IsOverdue(MatterState state, DateOnly dueOn, DateOnly today) => IsOpen(state) && today > dueOn;

    /// <summary>临期: open, not overdue, and at most <see cref="SlaPolicy.DueSoonDays"/> working days left.</summary>
    public bool IsDueSoon(MatterState state, DateOnly dueOn, DateOnly today) => IsOpen(state) && today <= dueOn && dueOn < DueSoonBefore(today);

    /// <summary>
    /// Why a due date set by hand on <paramref name="today"/> is refused: a past date, a day that is not a working day on the
    /// county's calendar, or one further than the longest time limit. Null when it may be set.
    /// </summary>
    public string? HandSetProblem(DateOnly dueOn, DateOnly today)
    {
        if (dueOn.Year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear) return $"办理期限须在 {WorkingCalendar.MinYear} 至 {WorkingCalendar.MaxYear} 年之间";
        if (dueOn < today) return $"{dueOn:yyyy-MM-dd} 已经过去，办理期限不能早于今天";
        if (!calendar.IsWorkingDay(dueOn))
            return WorkingCalendar.IsWeekend(dueOn) && !IsListed(dueOn)
                ? $"{dueOn:yyyy-MM-dd} 是{WorkingCalendar.DayName(dueOn)}，办理期限须为工作日"
                : $"{dueOn:yyyy-MM-dd} 是法定节假日，办理期限须为工作日";
        if (dueOn > today.AddDays(2 * SlaPolicy.MaxDays)) return $"办理期限不能晚于 {today.AddDays(2 * SlaPolicy.MaxDays):yyyy-MM-dd}";
        return null;
    }

    private bool IsListed(DateOnly date) => calendar.IsListed(date);
}
