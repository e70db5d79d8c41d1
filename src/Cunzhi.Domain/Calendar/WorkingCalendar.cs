using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Calendar;

/// <summary>A listed day as the rules read it.</summary>
public sealed record CalendarEntry(DateOnly Date, CalendarDayKind Kind, string Name);

/// <summary>
/// Working days (工作日) by a calendar: Monday to Friday are worked and weekends rest, except the listed days — a holiday
/// (放假) rests even on a weekday, a make-up working day (调休上班) is worked although a weekend. Pure; built from a
/// county's rows (or <see cref="NationalCalendar"/>'s).
/// </summary>
public sealed class WorkingCalendar
{
    /// <summary>First and last year the calendar answers for.</summary>
    public const int MinYear = 2000, MaxYear = 2100;
    /// <summary>Most working days added in one call (about 15 years).</summary>
    public const int MaxSpan = 4000;

    private readonly Dictionary<DateOnly, CalendarDayKind> days;

    /// <summary>A calendar of the listed days (a later entry for the same date wins).</summary>
    public WorkingCalendar(IEnumerable<CalendarEntry> entries)
    {
        days = new();
        foreach (var e in entries) days[e.Date] = e.Kind;
    }

    /// <summary>Whether <paramref name="date"/> is a working day; refused outside <see cref="MinYear"/>–<see cref="MaxYear"/>.</summary>
    public bool IsWorkingDay(DateOnly date)
    {
        CheckYear(date, "date");
        return days.TryGetValue(date, out var kind) ? kind == CalendarDayKind.MakeUpWorkday : !IsWeekend(date);
    }

    /// <summary>
    /// The <paramref name="n"/>-th working day after <paramref name="date"/> (before it when negative); the start itself
    /// does not count, so adding 1 to a Friday before an ordinary weekend gives Monday. 0 gives the date itself.
    /// </summary>
    public DateOnly AddWorkingDays(DateOnly date, int n)
    {
        CheckYear(date, "date");
        if (Math.Abs((long)n) > MaxSpan) throw new RuleException("calendar.span", "n", $"工作日天数须在 -{MaxSpan} 至 {MaxSpan} 之间");
        var step = n < 0 ? -1 : 1;
        var d = date;
        for (var left = Math.Abs(n); left > 0;)
        {
            d = d.AddDays(step);
            CheckYear(d, "n");
            if (IsWorkingDay(d)) left--;
        }
        return d;
    }

    /// <summary>
    /// Working days after <paramref name="from"/> up to and including <paramref name="to"/> (negative when
    /// <paramref name="to"/> is earlier), so that <c>WorkingDaysBetween(d, AddWorkingDays(d, n)) == n</c>.
    /// </summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to)
    {
        CheckYear(from, "from");
        CheckYear(to, "to");
        if (to < from) return -WorkingDaysBetween(to, from);
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (IsWorkingDay(d)) count++;
        return count;
    }

    /// <summary>Whether <paramref name="date"/> is one of the listed days (a holiday or a make-up working day).</summary>
    public bool IsListed(DateOnly date) => days.ContainsKey(date);

    /// <summary>Saturday or Sunday.</summary>
    public static bool IsWeekend(DateOnly date) => date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;

    /// <summary>Chinese day of the week (周一 … 周日).</summary>
    public static string DayName(DateOnly date) => date.DayOfWeek switch
    {
        DayOfWeek.Monday => "周一", DayOfWeek.Tuesday => "周二", DayOfWeek.Wednesday => "周三", DayOfWeek.Thursday => "周四",
        DayOfWeek.Friday => "周五", DayOfWeek.Saturday => "周六", _ => "周日",
    };

    /// <summary>The label of a kind.</summary>
    public static string KindName(CalendarDayKind kind) => kind switch
    {
        CalendarDayKind.Holiday => "放假",
        CalendarDayKind.MakeUpWorkday => "调休上班",
        _ => "",
    };

    private static void CheckYear(DateOnly d, string field)
    {
        if (d.Year is < MinYear or > MaxYear)
            throw new RuleException("calendar.year", field, $"工作日历只支持 {MinYear} 至 {MaxYear} 年的日期（{d:yyyy-MM-dd} 超出范围）");
    }

    /// <summary>
    /// Why a day cannot be listed (every reason): a year outside the range, a missing or too long name, an unknown kind,
    /// a make-up working day that is already a weekday (Monday–Friday are worked anyway).
    /// </summary>
    public static IReadOnlyList<RuleProblem> Problems(DateOnly date, CalendarDayKind kind, string? name)
    {
        var problems = new List<RuleProblem>();
        if (date.Year is < MinYear or > MaxYear)
            problems.Add(new("calendar.year", "Date", $"日期须在 {MinYear} 至 {MaxYear} 年之间"));
        if (!Enum.IsDefined(kind))
            problems.Add(new("calendar.kind", "Kind", "请选择放假或调休上班"));
        else if (kind == CalendarDayKind.MakeUpWorkday && !IsWeekend(date))
            problems.Add(new("calendar.makeup_weekday", "Kind", $"{date:yyyy-MM-dd} 是{DayName(date)}，本来就是工作日，不能设为调休上班日（调休上班日须为周六或周日）"));
        if (string.IsNullOrWhiteSpace(name))
            problems.Add(new("calendar.name", "Name", "请填写名称（如“春节”“本县庙会”）"));
        else if (name.Trim().Length > CalendarDay.MaxName)
            problems.Add(new("calendar.name", "Name", $"名称不能超过 {CalendarDay.MaxName} 个字"));
        return problems;
    }
}
