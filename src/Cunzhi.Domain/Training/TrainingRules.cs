using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Training;

/// <summary>A requirement as read: post, first year, hours.</summary>
public sealed record RequiredHours(string PostCode, int FromYear, decimal Hours);

/// <summary>The pure rules of training: a session's dates and hours, attendance, required hours, the 大讲堂 cadence.</summary>
public static class TrainingRules
{
    /// <summary>Most hours credited per day of a session.</summary>
    public const int MaxHoursPerDay = 8;
    /// <summary>Longest session (days).</summary>
    public const int MaxDays = 60;

    /// <summary>The Chinese name of a kind.</summary>
    public static string KindName(TrainingKind kind) => kind switch
    {
        TrainingKind.RotationClass => "集中轮训",
        TrainingKind.Topical => "专题培训",
        TrainingKind.Contest => "练兵比武",
        TrainingKind.Lecture => "大讲堂",
        TrainingKind.StudyTrip => "外出学习",
        _ => "培训",
    };

    /// <summary>Days of a session (inclusive).</summary>
    public static int Days(DateOnly start, DateOnly end) => end.DayNumber - start.DayNumber + 1;

    /// <summary>Why a session cannot be saved as given (every reason).</summary>
    public static IReadOnlyList<RuleProblem> SessionProblems(string? title, TrainingKind kind, DateOnly start, DateOnly end, decimal hours)
    {
        var problems = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(title)) problems.Add(new("training.title", "Title", "请填写培训名称"));
        else if (title.Trim().Length > TrainingSession.MaxTitle) problems.Add(new("training.title", "Title", $"培训名称不能超过 {TrainingSession.MaxTitle} 个字"));
        if (!Enum.IsDefined(kind)) problems.Add(new("training.kind", "Kind", "请选择培训类别"));
        if (end < start) problems.Add(new("training.dates", "EndDate", "结束日期不能早于开始日期"));
        else if (Days(start, end) > MaxDays) problems.Add(new("training.dates", "EndDate", $"一次培训不能超过 {MaxDays} 天"));
        if (hours <= 0) problems.Add(new("training.hours", "Hours", "学时须大于 0"));
        else if (end >= start && hours > Days(start, end) * MaxHoursPerDay)
            problems.Add(new("training.hours", "Hours", $"学时不能超过培训天数 × {MaxHoursPerDay}（本次最多 {Days(start, end) * MaxHoursPerDay} 学时）"));
        else if (decimal.Round(hours, 1) != hours) problems.Add(new("training.hours", "Hours", "学时最多保留一位小数"));
        return problems;
    }

    /// <summary>
    /// Why attendance cannot be marked for a session ending <paramref name="end"/> on <paramref name="today"/>:
    /// cancelled, or not yet held (its last day is after today).
    /// </summary>
    public static IReadOnlyList<RuleProblem> AttendanceSessionProblems(bool cancelled, DateOnly end, DateOnly today)
    {
        if (cancelled) return [new("training.cancelled", null, "该培训已取消，不能登记出勤")];
        if (end > today) return [new("training.not_held", null, $"培训尚未结束（{end:yyyy-MM-dd} 结束），不能登记出勤")];
        return [];
    }

    /// <summary>Why one cadre's attendance cannot be credited: hours below zero, beyond the session's, or hours for an absence.</summary>
    public static IReadOnlyList<RuleProblem> CreditProblems(string who, bool attended, decimal hours, decimal sessionHours)
    {
        if (hours < 0) return [new("training.credit", "Hours", $"{who}：学时不能为负数")];
        if (hours > sessionHours) return [new("training.credit", "Hours", $"{who}：学时 {hours:0.#} 超过本次培训的 {sessionHours:0.#} 学时")];
        if (!attended && hours > 0) return [new("training.credit", "Hours", $"{who}：缺勤不能记学时")];
        if (attended && hours == 0) return [new("training.credit", "Hours", $"{who}：出勤须记学时（大于 0）")];
        if (decimal.Round(hours, 1) != hours) return [new("training.credit", "Hours", $"{who}：学时最多保留一位小数")];
        return [];
    }

    /// <summary>The hours required of <paramref name="postCode"/> in <paramref name="year"/>: the latest requirement of that post from that year or before, or null.</summary>
    public static decimal? Required(IEnumerable<RequiredHours> requirements, string postCode, int year) =>
        requirements.Where(r => r.PostCode == postCode && r.FromYear <= year).OrderByDescending(r => r.FromYear).Select(r => (decimal?)r.Hours).FirstOrDefault();

    /// <summary>Hours still short of the requirement (0 when met or when nothing is required).</summary>
    public static decimal Shortfall(decimal credited, decimal? required) => required is { } r && credited < r ? r - credited : 0;

    /// <summary>The two-month slot (1 = Jan–Feb … 6 = Nov–Dec) of a date.</summary>
    public static int Slot(DateOnly date) => (date.Month + 1) / 2;

    /// <summary>
    /// The two-month slots of <paramref name="year"/> that have no 大讲堂 among <paramref name="lectureStarts"/> (start
    /// dates of held or planned, not cancelled, lectures), counting only slots that have begun by <paramref name="today"/>
    /// (a later slot may still be planned).
    /// </summary>
    public static IReadOnlyList<int> EmptyLectureSlots(int year, IEnumerable<DateOnly> lectureStarts, DateOnly today)
    {
        var held = lectureStarts.Where(d => d.Year == year).Select(Slot).ToHashSet();
        return Enumerable.Range(1, 6).Where(s => new DateOnly(year, s * 2 - 1, 1) <= today && !held.Contains(s)).ToList();
    }

    /// <summary>The months of a slot as Chinese text (1–2 月).</summary>
    public static string SlotName(int slot) => $"{slot * 2 - 1}–{slot * 2} 月";
}
