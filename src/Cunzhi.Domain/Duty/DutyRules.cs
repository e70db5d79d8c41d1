using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Duty;

/// <summary>A cadre as the roster rules read them: in office in the village or not.</summary>
public sealed record DutyCadre(long Id, string Name, bool InOffice);

/// <summary>An approved leave as the roster rules read it.</summary>
public sealed record LeaveSpan(long CadreId, DateOnly From, DateOnly To)
{
    /// <summary>Whether the leave covers <paramref name="date"/>.</summary>
    public bool Covers(DateOnly date) => date >= From && date <= To;
}

/// <summary>
/// The pure rules of the duty roster (坐班值班): the working days of a month, a fair generator, what a roster day may hold,
/// which days lack anyone on duty, and what approving a leave does to the roster.
/// </summary>
public static class DutyRules
{
    /// <summary>Most cadres on duty on one day.</summary>
    public const int MaxPerDay = 10;

    /// <summary>The working days of a month by the county's calendar (holidays skipped, 调休 Saturdays and Sundays included).</summary>
    public static IReadOnlyList<DateOnly> WorkingDays(WorkingCalendar calendar, int year, int month)
    {
        var days = new List<DateOnly>();
        for (var d = new DateOnly(year, month, 1); d.Month == month; d = d.AddDays(1))
            if (calendar.IsWorkingDay(d)) days.Add(d);
        return days;
    }

    /// <summary>
    /// Fills the working days fairly: each day takes the <paramref name="perDay"/> cadres with the fewest duty days so far
    /// (the previous month's <paramref name="priorCounts"/> included), ties going to whoever was on duty longest ago, then
    /// to the lower id — a round-robin that evens out counts. A cadre on approved leave that day is skipped; a day with
    /// nobody available stays empty (a gap the caller reports). Deterministic: the same input gives the same roster.
    /// </summary>
    public static IReadOnlyDictionary<DateOnly, IReadOnlyList<long>> Generate(IReadOnlyList<DateOnly> days, IReadOnlyList<long> cadreIds,
        IReadOnlyDictionary<long, int> priorCounts, IReadOnlyList<LeaveSpan> leave, int perDay = 1)
    {
        if (perDay is < 1 or > MaxPerDay) throw new RuleException("duty.per_day", "PerDay", $"每天值班人数须在 1 至 {MaxPerDay} 之间");
        if (cadreIds.Count == 0) throw new RuleException("duty.no_cadres", "Village", "该村没有在任干部，无法排班");
        var ids = cadreIds.Distinct().Order().ToList();
        var count = ids.ToDictionary(i => i, i => priorCounts.GetValueOrDefault(i));
        var last = ids.ToDictionary(i => i, _ => -1);
        var byCadre = leave.GroupBy(l => l.CadreId).ToDictionary(g => g.Key, g => g.ToList());
        var roster = new SortedDictionary<DateOnly, IReadOnlyList<long>>();
        var index = 0;
        foreach (var day in days.Distinct().Order())
        {
            var chosen = ids.Where(i => !(byCadre.TryGetValue(i, out var spans) && spans.Any(s => s.Covers(day))))
                .OrderBy(i => count[i]).ThenBy(i => last[i]).ThenBy(i => i).Take(perDay).Order().ToList();
            foreach (var i in chosen) { count[i]++; last[i] = index; }
            roster[day] = chosen;
            index++;
        }
        return roster;
    }

    /// <summary>
    /// Why a roster day cannot hold these cadres (every reason): not a working day, nobody on duty ("2026-12-08 无人值班"),
    /// too many, someone named twice, someone not in office in the village (or of another village: absent from
    /// <paramref name="villageCadres"/>).
    /// </summary>
    public static IReadOnlyList<RuleProblem> DayProblems(DateOnly date, bool workingDay, IReadOnlyList<long> cadreIds, IReadOnlyDictionary<long, DutyCadre> villageCadres)
    {
        var problems = new List<RuleProblem>();
        if (!workingDay) problems.Add(new("duty.not_working_day", "Date", $"{date:yyyy-MM-dd} 不是工作日，无需排班"));
        if (cadreIds.Count == 0) problems.Add(new("duty.empty_day", "CadreIds", $"{date:yyyy-MM-dd} 无人值班"));
        if (cadreIds.Count > MaxPerDay) problems.Add(new("duty.too_many", "CadreIds", $"{date:yyyy-MM-dd} 值班人数不能超过 {MaxPerDay} 人"));
        if (cadreIds.Distinct().Count() != cadreIds.Count) problems.Add(new("duty.twice", "CadreIds", $"{date:yyyy-MM-dd} 同一名干部重复排班"));
        foreach (var id in cadreIds.Distinct())
        {
            if (!villageCadres.TryGetValue(id, out var c))
                problems.Add(new("duty.not_in_village", "CadreIds", $"编号 {id} 的干部不是本村干部，不能在本村值班"));
            else if (!c.InOffice)
                problems.Add(new("duty.not_in_office", "CadreIds", $"{c.Name} 已不在任，不能排班"));
        }
        return problems;
    }

    /// <summary>
    /// The working days among <paramref name="days"/> with nobody available on duty: no one assigned, or everyone assigned
    /// is on approved leave that day.
    /// </summary>
    public static IReadOnlyList<DateOnly> Gaps(IEnumerable<DateOnly> days, IReadOnlyDictionary<DateOnly, IReadOnlyList<long>> roster, IReadOnlyList<LeaveSpan> leave) =>
        days.Where(d => !roster.TryGetValue(d, out var ids) || ids.All(i => leave.Any(l => l.CadreId == i && l.Covers(d)))).Order().ToList();

    /// <summary>Why a leave request is not valid (every reason): dates reversed or too long, unknown kind, reason missing or too long.</summary>
    public static IReadOnlyList<RuleProblem> LeaveProblems(DateOnly from, DateOnly to, LeaveKind kind, string? reason)
    {
        var problems = new List<RuleProblem>();
        if (from.Year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear || to.Year is < WorkingCalendar.MinYear or > WorkingCalendar.MaxYear)
            problems.Add(new("duty.leave_year", "FromDate", $"日期须在 {WorkingCalendar.MinYear} 至 {WorkingCalendar.MaxYear} 年之间"));
        else if (to < from) problems.Add(new("duty.leave_dates", "ToDate", "结束日期不能早于开始日期"));
        else if (to.DayNumber - from.DayNumber + 1 > DutyLeave.MaxDays) problems.Add(new("duty.leave_long", "ToDate", $"一次休假不能超过 {DutyLeave.MaxDays} 天"));
        if (!Enum.IsDefined(kind)) problems.Add(new("duty.leave_kind", "Kind", "请选择休假类别"));
        if (string.IsNullOrWhiteSpace(reason)) problems.Add(new("duty.leave_reason", "Reason", "请填写休假事由"));
        else if (reason.Trim().Length > DutyLeave.MaxReason) problems.Add(new("duty.leave_reason", "Reason", $"休假事由不能超过 {DutyLeave.MaxReason} 个字"));
        return problems;
    }

    /// <summary>The cadre's other approved leave overlapping <paramref name="from"/>–<paramref name="to"/>, refused in Chinese.</summary>
    public static IReadOnlyList<RuleProblem> OverlapProblems(DateOnly from, DateOnly to, IEnumerable<LeaveSpan> approvedOfCadre) =>
        approvedOfCadre.Where(l => l.From <= to && from <= l.To)
            .Select(l => new RuleProblem("duty.leave_overlap", "FromDate", $"与已批准的休假（{l.From:yyyy-MM-dd} 至 {l.To:yyyy-MM-dd}）重叠"))
            .ToList();

    /// <summary>
    /// What approving a leave does to the roster: on each rostered day within the leave the cadre comes off; a day that
    /// would then have nobody available (the others assigned being on leave too) gets <paramref name="replacement"/>. Without a
    /// replacement such days refuse the approval, naming them; a replacement on leave or not in office is refused too.
    /// Returns the changed days with their new cadres.
    /// </summary>
    public static IReadOnlyDictionary<DateOnly, IReadOnlyList<long>> ApplyLeave(LeaveSpan leave, IReadOnlyDictionary<DateOnly, IReadOnlyList<long>> roster,
        IReadOnlyList<LeaveSpan> otherApproved, long? replacement, IReadOnlyDictionary<long, DutyCadre> villageCadres)
    {
        if (replacement is { } r)
        {
            if (r == leave.CadreId) throw new RuleException("duty.replacement_self", "ReplacementCadreId", "顶班人不能是休假者本人");
            if (!villageCadres.TryGetValue(r, out var rc)) throw new RuleException("duty.not_in_village", "ReplacementCadreId", "顶班人不是本村干部");
            if (!rc.InOffice) throw new RuleException("duty.not_in_office", "ReplacementCadreId", $"顶班人 {rc.Name} 已不在任");
        }
        var changed = new SortedDictionary<DateOnly, IReadOnlyList<long>>();
        var empty = new List<DateOnly>();
        foreach (var (day, ids) in roster.Where(kv => leave.Covers(kv.Key) && kv.Value.Contains(leave.CadreId)).OrderBy(kv => kv.Key))
        {
            var rest = ids.Where(i => i != leave.CadreId).ToList();
            if (rest.All(i => otherApproved.Any(l => l.CadreId == i && l.Covers(day))))
            {
                if (replacement is not { } rep) { empty.Add(day); continue; }
                if (otherApproved.Any(l => l.CadreId == rep && l.Covers(day)))
                    throw new RuleException("duty.replacement_on_leave", "ReplacementCadreId", $"顶班人 {villageCadres[rep].Name} 在 {day:yyyy-MM-dd} 也在休假");
                if (!rest.Contains(rep)) rest.Add(rep);
            }
            changed[day] = rest;
        }
        if (empty.Count > 0)
            throw new RuleException("duty.leave_uncovered", "ReplacementCadreId",
                $"批准后 {string.Join("、", empty.Select(d => d.ToString("yyyy-MM-dd")))} 无人值班，请指定顶班人");
        return changed;
    }
}
