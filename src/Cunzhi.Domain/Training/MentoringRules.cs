using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Training;

/// <summary>Where a pair stands on a day.</summary>
public enum PairState
{
    /// <summary>帮带中.</summary>
    Active = 1,
    /// <summary>已结束 (its period is over).</summary>
    Ended = 2,
    /// <summary>已更换 (the town changed the mentor; a new pair took over).</summary>
    Changed = 3,
}

/// <summary>The pure rules of 1+1 mentoring: who is new, a pair's period, silence.</summary>
public static class MentoringRules
{
    /// <summary>A cadre is new for this many months after the first day of the first post.</summary>
    public const int NewForMonths = 12;

    /// <summary>Whether a cadre whose first post started on <paramref name="firstPostStart"/> is new on <paramref name="today"/> (started within the last 12 months, not in the future).</summary>
    public static bool IsNew(DateOnly firstPostStart, DateOnly today) => firstPostStart <= today && firstPostStart > today.AddMonths(-NewForMonths);

    /// <summary>The pair's last day: the day before the same date <paramref name="months"/> later.</summary>
    public static DateOnly EndDate(DateOnly start, int months) => start.AddMonths(months).AddDays(-1);

    /// <summary>The pair's state on <paramref name="today"/> (changed once the town changed its mentor, <paramref name="endedOn"/> set).</summary>
    public static PairState State(DateOnly start, int months, DateOnly today, DateOnly? endedOn = null) =>
        endedOn is not null ? PairState.Changed : today > EndDate(start, months) ? PairState.Ended : PairState.Active;

    /// <summary>
    /// Months the new pair runs when the mentor changes on <paramref name="changeDate"/>: the fewest whole months that reach
    /// the old pair's last day (at least one), so the cadre's mentoring period is not cut short.
    /// </summary>
    public static int RemainingMonths(DateOnly start, int months, DateOnly changeDate)
    {
        var end = EndDate(start, months);
        var n = 1;
        while (n < MentorPair.MaxMonths && EndDate(changeDate, n) < end) n++;
        return n;
    }

    /// <summary>The first day of the month before <paramref name="today"/>'s (the last full month).</summary>
    public static DateOnly LastFullMonth(DateOnly today) => new DateOnly(today.Year, today.Month, 1).AddMonths(-1);

    /// <summary>
    /// Whether an active pair was silent in the last full month: the pair ran through that month's end, began before it
    /// ended, and no note was written for it.
    /// </summary>
    public static bool SilentLastMonth(DateOnly start, int months, IEnumerable<DateOnly> loggedMonths, DateOnly today, DateOnly? endedOn = null)
    {
        var month = LastFullMonth(today);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        if (State(start, months, today, endedOn) != PairState.Active || start > monthEnd) return false;
        return !loggedMonths.Any(m => m.Year == month.Year && m.Month == month.Month);
    }

    /// <summary>Why a pair cannot be made as given.</summary>
    public static IReadOnlyList<RuleProblem> PairProblems(string? mentorName, string? mentorPost, int months, DateOnly start, DateOnly firstPostStart, DateOnly today)
    {
        var problems = MentorProblems(mentorName, mentorPost, months);
        if (!IsNew(firstPostStart, today)) problems.Add(new("mentoring.not_new", "CadreId", $"该干部首次任职于 {firstPostStart:yyyy-MM-dd}，不是近 {NewForMonths} 个月内新任的干部"));
        if (start < firstPostStart) problems.Add(new("mentoring.start", "StartDate", "帮带开始日期不能早于该干部首次任职日期"));
        if (start > today) problems.Add(new("mentoring.start", "StartDate", "帮带开始日期不能晚于今天"));
        return problems;
    }

    /// <summary>
    /// Why the mentor of a pair (started <paramref name="start"/> for <paramref name="months"/>, <paramref name="state"/>
    /// today) cannot be changed on <paramref name="changeDate"/> to the one given: only a pair still 帮带中 changes, on a
    /// day within its period and not after today, with a reason and a different mentor.
    /// </summary>
    public static IReadOnlyList<RuleProblem> ChangeProblems(PairState state, DateOnly start, int months, string oldMentorName, string? mentorName, string? mentorPost,
        int newMonths, DateOnly changeDate, string? reason, DateOnly today)
    {
        if (state == PairState.Changed) return [new("mentoring.changed", "Id", "该结对已更换过帮带领导，请在新的结对上操作")];
        if (state == PairState.Ended) return [new("mentoring.ended", "Id", "该结对帮带期已满，不能更换帮带领导")];
        var problems = MentorProblems(mentorName, mentorPost, newMonths);
        if (mentorName?.Trim() == oldMentorName) problems.Add(new("mentoring.same_mentor", "MentorName", "新帮带领导与原帮带领导相同"));
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new("mentoring.reason", "Reason", "请填写更换帮带领导的原因"));
        else if (reason.Trim().Length > MentorPair.MaxReason) problems.Add(new("mentoring.reason", "Reason", $"更换原因不能超过 {MentorPair.MaxReason} 个字"));
        if (changeDate > today) problems.Add(new("mentoring.change_date", "Date", "更换日期不能晚于今天"));
        else if (changeDate <= start || changeDate > EndDate(start, months))
            problems.Add(new("mentoring.change_date", "Date", $"更换日期须在原结对帮带期内且晚于开始日期（{start:yyyy-MM-dd} 至 {EndDate(start, months):yyyy-MM-dd}）"));
        return problems;
    }

    private static List<RuleProblem> MentorProblems(string? mentorName, string? mentorPost, int months)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(mentorName)) problems.Add(new("mentoring.mentor", "MentorName", "请填写帮带的乡镇领导姓名"));
        else if (mentorName.Trim().Length > MentorPair.MaxName) problems.Add(new("mentoring.mentor", "MentorName", $"姓名不能超过 {MentorPair.MaxName} 个字"));
        if (string.IsNullOrWhiteSpace(mentorPost)) problems.Add(new("mentoring.post", "MentorPost", "请填写帮带领导的职务"));
        else if (mentorPost.Trim().Length > MentorPair.MaxName) problems.Add(new("mentoring.post", "MentorPost", $"职务不能超过 {MentorPair.MaxName} 个字"));
        if (months is < 1 or > MentorPair.MaxMonths) problems.Add(new("mentoring.months", "Months", $"帮带期限须为 1 至 {MentorPair.MaxMonths} 个月"));
        return problems;
    }

    /// <summary>Why a note for <paramref name="month"/> cannot be written for a pair.</summary>
    public static IReadOnlyList<RuleProblem> LogProblems(DateOnly month, DateOnly start, int months, DateOnly today, string? note)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(note)) problems.Add(new("mentoring.note", "Note", "请填写本月帮带情况"));
        else if (note.Trim().Length > MentorLog.MaxNote) problems.Add(new("mentoring.note", "Note", $"帮带记录不能超过 {MentorLog.MaxNote} 个字"));
        var first = new DateOnly(month.Year, month.Month, 1);
        if (first > today) problems.Add(new("mentoring.month", "Month", "不能为以后的月份写记录"));
        else if (first < new DateOnly(start.Year, start.Month, 1) || first > EndDate(start, months))
            problems.Add(new("mentoring.month", "Month", $"该月份不在帮带期内（{start:yyyy-MM-dd} 至 {EndDate(start, months):yyyy-MM-dd}）"));
        return problems;
    }
}
