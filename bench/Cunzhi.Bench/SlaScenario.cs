using System.Diagnostics;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Matters;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    // ---------------------------------------------------------------- 9: matter due dates in working days (issue #19)

    /// <summary>
    /// 诉求办理时限: due dates of <c>Rows</c> matters in WORKING days, through the one seam the app uses
    /// (<see cref="MatterDeadlines.DueOn"/> → <see cref="SlaPolicy.DueOn"/> → <see cref="WorkingCalendar.AddWorkingDays"/>), with
    /// the county's calendar (the shipped 2025 and 2026 national calendar with its 调休 days, as a county holds it after
    /// importing) and a county policy (the defaults with two kinds changed). Untimed: the inputs (kind, level, and a start day
    /// spread over 2025–2026, fixed seed). Timed: every due date, plus the 临期 flag of each on the day after its start.
    /// Pure: no database (the same figure on either provider). The app does not recompute stored due dates in bulk when a
    /// policy or calendar changes — a due date is fixed when the matter reaches its level, under the version then in
    /// force — so this pure path is the whole cost of the computation.
    /// </summary>
    private static RunResult SlaAsync(RunSpec spec)
    {
        var n = spec.Rows;
        var load = Memory.LoadAverage();
        var policy = SlaPolicy.Default("360922000000");
        policy.SetDays(MatterKind.Problem, MatterLevel.Town, 12);
        policy.SetDays(MatterKind.DevelopmentProject, MatterLevel.County, 90);
        var deadlines = new MatterDeadlines(policy, new WorkingCalendar(NationalCalendar.All()));
        var random = new Random(19);
        var first = new DateOnly(2025, 1, 1).DayNumber;
        var kinds = new MatterKind[n];
        var levels = new MatterLevel[n];
        var from = new DateOnly[n];
        for (var i = 0; i < n; i++)
        {
            kinds[i] = SlaPolicy.Kinds[random.Next(SlaPolicy.Kinds.Length)];
            levels[i] = SlaPolicy.Levels[random.Next(SlaPolicy.Levels.Length)];
            from[i] = DateOnly.FromDayNumber(first + random.Next(730));
        }
        var due = new DateOnly[n];
        var dueSoon = 0L;
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < n; i++)
        {
            due[i] = deadlines.DueOn(kinds[i], levels[i], from[i]);
            if (deadlines.IsDueSoon(MatterState.InProgress, due[i], from[i].AddDays(1))) dueSoon++;
        }
        var seconds = sw.Elapsed.TotalSeconds;
        var peak = Memory.OwnPeak();
        var span = 0L;
        for (var i = 0; i < n; i++) span += due[i].DayNumber - from[i].DayNumber;
        return Result(spec, seconds, n, peak, OwnPeak, load, new()
        {
            ["matters"] = n, ["mattersPerSecond"] = n / seconds, ["averageCalendarDays"] = (double)span / n, ["dueSoonOnNextDay"] = dueSoon,
        }, note: "pure domain path (MatterDeadlines.DueOn + IsDueSoon), no database; the app keeps due dates fixed and has no bulk recompute");
    }
}
