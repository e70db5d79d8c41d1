using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Disclosure;

/// <summary>Where one owed disclosure stands.</summary>
public enum DisclosureState
{
    /// <summary>待公开: not yet made public, not yet late.</summary>
    Pending = 1,
    /// <summary>已公开: made public (perhaps late: <see cref="DisclosureDue.PostedLate"/>).</summary>
    Done = 2,
    /// <summary>逾期: not made public and its due date has passed.</summary>
    Overdue = 3,
}

/// <summary>
/// The stretch a disclosure covers: a calendar month, a calendar quarter, or for an item made public at once the day of
/// the occurrence (<see cref="Start"/> = <see cref="End"/>).
/// </summary>
public sealed record DisclosurePeriod(DisclosureFrequency Frequency, DateOnly Start, DateOnly End)
{
    /// <summary>The period as a villager reads it: 2026 年 5 月, 2026 年第二季度, 2026-05-14.</summary>
    public string Label => Frequency switch
    {
        DisclosureFrequency.Monthly => $"{Start.Year} 年 {Start.Month} 月",
        DisclosureFrequency.Quarterly => $"{Start.Year} 年第{"一二三四"[(Start.Month - 1) / 3]}季度",
        _ => $"{Start:yyyy-MM-dd}",
    };
}

/// <summary>A village's spell of busy collective finance (集体财务往来较多), from a day to a day (null: still so).</summary>
public sealed record FrequentFinanceSpell(DateOnly From, DateOnly? Until);

/// <summary>
/// Something to be made public at once (随时): an occurrence of an immediate item on a day — a low-income list settled, a
/// housing site approved. <paramref name="Key"/> names it uniquely in the village (the record it comes from); the
/// posting that discloses it carries the same key.
/// </summary>
public sealed record DisclosureOccurrence(string Key, string ItemCode, DateOnly On);

/// <summary>
/// A disclosure a village made: the item, the period it is for (the first day of the month or quarter as offered by
/// <see cref="DisclosureRules.Calendar"/>, or for an occurrence its day and <paramref name="OccurrenceKey"/>) and the day
/// it was made public. It counts for exactly the period it names.
/// </summary>
public sealed record DisclosurePosting(string ItemCode, DateOnly PeriodStart, DateOnly PostedOn, string? OccurrenceKey = null);

/// <summary>
/// One owed disclosure in a village's calendar: the item (as the version in force defines it), that version's number,
/// the period, the occurrence key for an immediate item, the due date, the state as of the day asked, when it was made
/// public, whether that was after the due date, and whether it is due soon (待公开 within the policy's warning).
/// </summary>
public sealed record DisclosureDue(
    DisclosureItem Item, int PolicyVersion, DisclosurePeriod Period, string? OccurrenceKey,
    DateOnly DueOn, DisclosureState State, DateOnly? PostedOn, bool PostedLate, bool DueSoon);

/// <summary>
/// 村务公开日历: which disclosures a village owes, by when, and where each stands. Pure: the county's published policy
/// versions, its working calendar, the village's busy-finance spells, its occurrences and postings and the day asked are
/// all passed in. The frequencies are the law's (<see cref="LegalBasis"/>); the deadlines the policy's.
/// <para>Rules, decided here and tested:</para>
/// <list type="bullet">
/// <item>Periods are calendar months and quarters. What a quarter owes is settled on its first day: the policy version in
/// force then gives the catalogue and deadlines, and the village's busy-finance flag on that day decides whether its
/// finance items are monthly or quarterly for the whole quarter (a flag set on 10 May makes them monthly from July). A
/// quarter is thus never split between two rules, and no one is late for a period that began before the rule.</item>
/// <item>A monthly or quarterly period is due <see cref="DisclosurePolicy.PeriodicDueWorkingDays"/> working days after
/// its last day on the county's working calendar; an occurrence <see cref="DisclosurePolicy.ImmediateDueWorkingDays"/>
/// working days after its day, under the version in force that day (an occurrence of an item that version does not list
/// as immediate owes nothing).</item>
/// <item>已公开 once a posting for the period (or occurrence) is dated on or before the day asked; otherwise 逾期 after the
/// due date and 待公开 up to it — also while the period is still running.</item>
/// <item>A calendar for a range lists the periods that END in it (a quarter shows in its last month) and the occurrences
/// ON a day in it, ordered by due date, column and item code.</item>
/// </list>
/// </summary>
public static class DisclosureRules
{
    /// <summary>
    /// 《中华人民共和国村民委员会组织法》第三十条 on how often, as the pages cite it.
    /// </summary>
    public const string LegalBasis =
        "《中华人民共和国村民委员会组织法》第三十条：一般事项至少每季度公布一次；集体财务往来较多的，财务收支情况应当每月公布一次；涉及村民利益的重大事项应当随时公布。";

    /// <summary>Longest range a calendar covers, in months.</summary>
    public const int MaxMonths = 60;

    /// <summary>The Chinese name of a column.</summary>
    public static string CategoryName(DisclosureCategory category) => category switch
    {
        DisclosureCategory.Party => "党务",
        DisclosureCategory.Village => "村务",
        DisclosureCategory.Finance => "财务",
        _ => "",
    };

    /// <summary>The Chinese name of a frequency.</summary>
    public static string FrequencyName(DisclosureFrequency frequency) => frequency switch
    {
        DisclosureFrequency.Monthly => "每月",
        DisclosureFrequency.Quarterly => "每季度",
        DisclosureFrequency.Immediate => "随时",
        _ => "",
    };

    /// <summary>The Chinese name of a state.</summary>
    public static string StateName(DisclosureState state) => state switch
    {
        DisclosureState.Pending => "待公开",
        DisclosureState.Done => "已公开",
        DisclosureState.Overdue => "逾期",
        _ => "",
    };

    /// <summary>The frequency of <paramref name="item"/> with its legal reason, for the catalogue page.</summary>
    public static string FrequencyRule(DisclosureItem item)
    {
        ArgumentNullException.ThrowIfNull(item);
        return item.Frequency switch
        {
            DisclosureFrequency.Immediate => "随时公开：涉及村民利益的重大事项应当随时公布（《村民委员会组织法》第三十条）",
            DisclosureFrequency.Monthly => "每月公开",
            _ when item.MonthlyWhenFrequent => "每季度公开；集体财务往来较多的村每月公开（《村民委员会组织法》第三十条）",
            _ => "每季度公开：一般事项至少每季度公布一次（《村民委员会组织法》第三十条）",
        };
    }

    /// <summary>The first day of the quarter holding <paramref name="date"/>.</summary>
    public static DateOnly QuarterStart(DateOnly date) => new(date.Year, (date.Month - 1) / 3 * 3 + 1, 1);

    /// <summary>Whether the village's collective finance is busy on <paramref name="date"/>.</summary>
    public static bool IsFrequentFinance(IEnumerable<FrequentFinanceSpell> spells, DateOnly date) =>
        spells.Any(s => s.From <= date && (s.Until is null || date <= s.Until));

    /// <summary>
    /// A village's owed disclosures whose period ends (or occurrence falls) from <paramref name="from"/> to
    /// <paramref name="to"/> inclusive, as they stand on <paramref name="today"/>. Refused when the range is reversed or
    /// longer than <see cref="MaxMonths"/> months.
    /// </summary>
    /// <param name="versions">The county's policy versions (drafts are ignored).</param>
    /// <param name="calendar">The county's working calendar.</param>
    /// <param name="spells">The village's busy-finance spells.</param>
    /// <param name="occurrences">The village's occurrences of immediate items.</param>
    /// <param name="postings">The village's disclosures made.</param>
    /// <param name="from">First day of the range.</param>
    /// <param name="to">Last day of the range.</param>
    /// <param name="today">The day the states are judged on (China time).</param>
    public static IReadOnlyList<DisclosureDue> Calendar(
        IReadOnlyCollection<DisclosurePolicy> versions, WorkingCalendar calendar, IReadOnlyCollection<FrequentFinanceSpell> spells,
        IReadOnlyCollection<DisclosureOccurrence> occurrences, IReadOnlyCollection<DisclosurePosting> postings,
        DateOnly from, DateOnly to, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(spells);
        ArgumentNullException.ThrowIfNull(occurrences);
        ArgumentNullException.ThrowIfNull(postings);
        if (to < from) throw new RuleException("disclosure.range", "to", "结束日期不能早于开始日期");
        if (from.AddMonths(MaxMonths) <= to) throw new RuleException("disclosure.range", "to", $"公开日历一次最多查看 {MaxMonths} 个月");

        var periodic = postings.Where(p => p.OccurrenceKey is null)
            .GroupBy(p => (p.ItemCode, p.PeriodStart)).ToDictionary(g => g.Key, g => g.Min(p => p.PostedOn));
        var immediate = postings.Where(p => p.OccurrenceKey is not null)
            .GroupBy(p => (p.ItemCode, p.OccurrenceKey!)).ToDictionary(g => g.Key, g => g.Min(p => p.PostedOn));
        var result = new List<DisclosureDue>();

        for (var q = QuarterStart(from); q <= to; q = q.AddMonths(3))
        {
            if (DisclosurePolicy.InForce(versions, q) is not { } policy) continue;
            var frequent = IsFrequentFinance(spells, q);
            foreach (var item in policy.Items.Where(i => i.Frequency != DisclosureFrequency.Immediate))
            {
                var frequency = item.FrequencyFor(frequent);
                var periods = frequency == DisclosureFrequency.Monthly
                    ? [Month(q), Month(q.AddMonths(1)), Month(q.AddMonths(2))]
                    : new[] { new DisclosurePeriod(DisclosureFrequency.Quarterly, q, q.AddMonths(3).AddDays(-1)) };
                foreach (var period in periods.Where(p => p.End >= from && p.End <= to))
                {
                    var due = calendar.AddWorkingDays(period.End, policy.PeriodicDueWorkingDays);
                    var posted = periodic.TryGetValue((item.Code, period.Start), out var on) ? on : (DateOnly?)null;
                    result.Add(Judge(item, policy, period, null, due, posted, calendar, today));
                }
            }
        }

        foreach (var o in occurrences.Where(o => o.On >= from && o.On <= to))
        {
            if (DisclosurePolicy.InForce(versions, o.On) is not { } policy) continue;
            if (policy.Item(o.ItemCode) is not { Frequency: DisclosureFrequency.Immediate } item) continue;
            var due = calendar.AddWorkingDays(o.On, policy.ImmediateDueWorkingDays);
            var posted = immediate.TryGetValue((item.Code, o.Key), out var on) ? on : (DateOnly?)null;
            result.Add(Judge(item, policy, new(DisclosureFrequency.Immediate, o.On, o.On), o.Key, due, posted, calendar, today));
        }

        return [.. result.OrderBy(d => d.DueOn).ThenBy(d => d.Item.Category).ThenBy(d => d.Item.Code, StringComparer.Ordinal).ThenBy(d => d.Period.Start)];
    }

    /// <summary>
    /// Why a village may not post <paramref name="itemCode"/> for the period starting <paramref name="periodStart"/> on
    /// <paramref name="today"/> (every reason, in Chinese); empty when it may. The period must be one the item owes — the
    /// first day of a month for a monthly item, of a quarter for a quarterly one, as settled on the quarter's first day
    /// (<see cref="Calendar"/>) — and must have reached its last day. An immediate item is posted against its occurrence,
    /// not a period.
    /// </summary>
    public static IReadOnlyList<RuleProblem> PostingProblems(
        IReadOnlyCollection<DisclosurePolicy> versions, IReadOnlyCollection<FrequentFinanceSpell> spells, string? itemCode,
        DateOnly periodStart, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(versions);
        ArgumentNullException.ThrowIfNull(spells);
        var q = QuarterStart(periodStart);
        if (DisclosurePolicy.InForce(versions, q) is not { } policy)
            return [new("disclosure.no-policy", "periodStart", $"{q:yyyy-MM-dd} 所在季度还没有生效的公开规则")];
        if (string.IsNullOrWhiteSpace(itemCode) || policy.Item(itemCode.Trim()) is not { } item)
            return [new("disclosure.item", "itemCode", $"第 {policy.Version} 版公开目录中没有这个公开事项")];
        if (item.Frequency == DisclosureFrequency.Immediate)
            return [new("disclosure.immediate", "itemCode", $"「{item.Name}」随时公开，请就具体事项发布")];
        var frequency = item.FrequencyFor(IsFrequentFinance(spells, q));
        var period = frequency == DisclosureFrequency.Monthly
            ? Month(new(periodStart.Year, periodStart.Month, 1))
            : new DisclosurePeriod(DisclosureFrequency.Quarterly, q, q.AddMonths(3).AddDays(-1));
        var problems = new List<RuleProblem>();
        if (period.Start != periodStart)
            problems.Add(new("disclosure.period", "periodStart",
                $"「{item.Name}」在{period.Label}{FrequencyName(frequency)}公开，公开期间应从 {period.Start:yyyy-MM-dd} 起"));
        if (today < period.End)
            problems.Add(new("disclosure.period-open", "periodStart", $"{period.Label}到 {period.End:yyyy-MM-dd} 才结束，届时再公开"));
        return problems;
    }

    private static DisclosurePeriod Month(DateOnly first) => new(DisclosureFrequency.Monthly, first, first.AddMonths(1).AddDays(-1));

    private static DisclosureDue Judge(
        DisclosureItem item, DisclosurePolicy policy, DisclosurePeriod period, string? key, DateOnly due, DateOnly? posted,
        WorkingCalendar calendar, DateOnly today)
    {
        if (posted is { } p && p <= today)
            return new(item, policy.Version, period, key, due, DisclosureState.Done, p, p > due, false);
        if (today > due)
            return new(item, policy.Version, period, key, due, DisclosureState.Overdue, null, false, false);
        var soon = calendar.WorkingDaysBetween(today, due) <= policy.DueSoonWorkingDays;
        return new(item, policy.Version, period, key, due, DisclosureState.Pending, null, false, soon);
    }
}
