using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>
/// The disclosure calendar on the shipped 2026 national calendar plus 1 January 2027 (元旦), default policy: periodic
/// items due 10 working days after the period, immediate ones 5 working days after the occurrence. Due dates were
/// counted by hand on the calendar (holidays and 调休 days noted on each row).
/// </summary>
public sealed class DisclosureRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static readonly WorkingCalendar Calendar =
        new([.. NationalCalendar.All(), new CalendarEntry(new(2027, 1, 1), CalendarDayKind.Holiday, "元旦")]);

    private static DisclosurePolicy Published(int version, string effectiveFrom, Action<DisclosurePolicy>? change = null)
    {
        var p = DisclosurePolicy.Default("360922000000");
        (p.Version, p.EffectiveFrom, p.IsPublished) = (version, D(effectiveFrom), true);
        change?.Invoke(p);
        return p;
    }

    private static readonly DisclosurePolicy[] V1 = [Published(1, "2025-01-01")];

    private static IReadOnlyList<DisclosureDue> Run(
        string from, string to, string today, IReadOnlyCollection<FrequentFinanceSpell>? spells = null,
        IReadOnlyCollection<DisclosurePosting>? postings = null, IReadOnlyCollection<DisclosureOccurrence>? occurrences = null,
        IReadOnlyCollection<DisclosurePolicy>? versions = null) =>
        DisclosureRules.Calendar(versions ?? V1, Calendar, spells ?? [], occurrences ?? [], postings ?? [], D(from), D(to), D(today));

    private static string Periods(IEnumerable<DisclosureDue> dues, string item) =>
        string.Join("; ", dues.Where(d => d.Item.Code == item).Select(d => $"{d.Period.Label}:{d.DueOn:yyyy-MM-dd}"));

    [Theory]
    // item, busy finance all along, range → each period and its due date
    [InlineData("D01", false, "2026-01-01", "2026-12-31",
        "2026 年第一季度:2026-04-15; 2026 年第二季度:2026-07-14; 2026 年第三季度:2026-10-20; 2026 年第四季度:2027-01-15")]
    // Q1: 清明 4–6 April skipped; Q3: 国庆 1–7 October skipped, Saturday 10 October worked; Q4: 元旦 2027 skipped
    [InlineData("F01", false, "2026-01-01", "2026-06-30", "2026 年第一季度:2026-04-15; 2026 年第二季度:2026-07-14")]
    [InlineData("F01", true, "2026-01-01", "2026-06-30",
        "2026 年 1 月:2026-02-13; 2026 年 2 月:2026-03-13; 2026 年 3 月:2026-04-15; 2026 年 4 月:2026-05-18; 2026 年 5 月:2026-06-12; 2026 年 6 月:2026-07-14")]
    // April: 劳动节 1–5 May skipped, Saturday 9 May worked; May ends on a Sunday
    [InlineData("F02", true, "2026-01-01", "2026-06-30", "2026 年第一季度:2026-04-15; 2026 年第二季度:2026-07-14")] // only F01 turns monthly
    [InlineData("D01", false, "2026-03-01", "2026-03-31", "2026 年第一季度:2026-04-15")]                            // a quarter shows in its last month
    [InlineData("D01", false, "2026-02-01", "2026-02-28", "")]
    [InlineData("F01", true, "2026-12-01", "2027-01-31", "2026 年 12 月:2027-01-15; 2027 年 1 月:2027-02-12")]       // across the year
    [InlineData("C04", false, "2026-01-01", "2026-12-31", "")]                                                         // immediate: only occurrences owe
    public void Each_period_is_due_ten_working_days_after_it_ends(string item, bool busy, string from, string to, string expected)
    {
        FrequentFinanceSpell[] spells = busy ? [new(D("2020-01-01"), null)] : [];
        Periods(Run(from, to, "2025-12-01", spells), item).ShouldBe(expected);
    }

    [Theory]
    // D01, 2026 Q3 (due 2026-10-20): posted on, today → state, posted late, due soon (3 working days)
    [InlineData("2026-10-15", "2026-10-30", DisclosureState.Done, false, false)]
    [InlineData("2026-10-20", "2026-10-30", DisclosureState.Done, false, false)]
    [InlineData("2026-10-21", "2026-10-30", DisclosureState.Done, true, false)]
    [InlineData(null, "2026-10-21", DisclosureState.Overdue, false, false)]
    [InlineData(null, "2026-10-20", DisclosureState.Pending, false, true)]
    [InlineData(null, "2026-10-15", DisclosureState.Pending, false, true)]   // 16, 19, 20 October: 3 working days left
    [InlineData(null, "2026-10-14", DisclosureState.Pending, false, false)]  // 4 left
    [InlineData(null, "2026-08-01", DisclosureState.Pending, false, false)]  // the quarter is still running
    [InlineData("2026-10-25", "2026-10-22", DisclosureState.Overdue, false, false)] // asked before the posting was made
    public void A_period_is_pending_done_or_overdue_on_the_day_asked(string? postedOn, string today, DisclosureState state, bool late, bool soon)
    {
        DisclosurePosting[] postings = postedOn is null ? [] : [new("D01", D("2026-07-01"), D(postedOn))];
        var due = Run("2026-09-01", "2026-09-30", today, postings: postings).Single(d => d.Item.Code == "D01");
        (due.State, due.PostedLate, due.DueSoon).ShouldBe((state, late, soon));
        due.PostedOn.ShouldBe(state == DisclosureState.Done ? D(postedOn!) : null);
    }

    [Fact]
    public void A_posting_counts_only_for_the_period_it_names()
    {
        DisclosurePosting[] postings = [new("D01", D("2026-08-01"), D("2026-10-10")), new("D02", D("2026-07-01"), D("2026-10-10"))];
        var due = Run("2026-09-01", "2026-09-30", "2026-10-30", postings: postings).Single(d => d.Item.Code == "D01");
        due.State.ShouldBe(DisclosureState.Overdue);
    }

    [Theory]
    // busy-finance spell → F01's periods in 2026: the flag on a quarter's first day settles the whole quarter
    [InlineData("2026-05-10", null,
        "2026 年第一季度; 2026 年第二季度; 2026 年 7 月; 2026 年 8 月; 2026 年 9 月; 2026 年 10 月; 2026 年 11 月; 2026 年 12 月")]
    [InlineData("2026-04-01", null,
        "2026 年第一季度; 2026 年 4 月; 2026 年 5 月; 2026 年 6 月; 2026 年 7 月; 2026 年 8 月; 2026 年 9 月; 2026 年 10 月; 2026 年 11 月; 2026 年 12 月")]
    [InlineData("2025-10-01", "2026-06-30",
        "2026 年 1 月; 2026 年 2 月; 2026 年 3 月; 2026 年 4 月; 2026 年 5 月; 2026 年 6 月; 2026 年第三季度; 2026 年第四季度")]
    [InlineData("2026-02-01", "2026-03-31", "2026 年第一季度; 2026 年第二季度; 2026 年第三季度; 2026 年第四季度")] // a spell inside a quarter changes nothing
    public void A_finance_item_switches_to_monthly_from_the_quarter_the_village_is_busy_on(string spellFrom, string? spellUntil, string expected)
    {
        var dues = Run("2026-01-01", "2026-12-31", "2026-01-01", [new(D(spellFrom), spellUntil is null ? null : D(spellUntil))]);
        string.Join("; ", dues.Where(d => d.Item.Code == "F01").Select(d => d.Period.Label)).ShouldBe(expected);
    }

    [Fact]
    public void An_item_added_mid_year_is_owed_from_the_quarter_its_version_takes_effect()
    {
        var v2 = Published(2, "2026-07-01", p => p.Items.Add(new("D03", "党员积分管理情况", DisclosureCategory.Party, DisclosureFrequency.Quarterly)));
        var dues = Run("2026-01-01", "2026-12-31", "2026-01-01", versions: [V1[0], v2]);
        string.Join("; ", dues.Where(d => d.Item.Code == "D03").Select(d => $"{d.Period.Label} 第 {d.PolicyVersion} 版"))
            .ShouldBe("2026 年第三季度 第 2 版; 2026 年第四季度 第 2 版");
        dues.Where(d => d.Item.Code == "D01").Select(d => d.PolicyVersion).ShouldBe([1, 1, 2, 2]);
    }

    [Fact]
    public void A_version_sets_the_deadline_of_the_quarters_it_governs()
    {
        var v2 = Published(2, "2026-07-01", p => p.PeriodicDueWorkingDays = 5);
        Periods(Run("2026-01-01", "2026-09-30", "2026-01-01", versions: [V1[0], v2]), "D01")
            .ShouldBe("2026 年第一季度:2026-04-15; 2026 年第二季度:2026-07-14; 2026 年第三季度:2026-10-13"); // 8, 9, 10 (Sat), 12, 13 October
    }

    [Fact]
    public void Only_published_versions_owe_disclosures()
    {
        var draft = Published(2, "2026-01-01");
        draft.IsPublished = false;
        Run("2025-01-01", "2026-12-31", "2026-01-01", versions: [Published(1, "2026-07-01"), draft])
            .Select(d => d.Period.Label).Distinct().ShouldBe(["2026 年第三季度", "2026 年第四季度"]);
    }

    [Fact]
    public void A_county_holiday_moves_the_due_date()
    {
        var county = new WorkingCalendar([.. NationalCalendar.All(), new CalendarEntry(D("2026-04-15"), CalendarDayKind.Holiday, "本县庙会")]);
        DisclosureRules.Calendar(V1, county, [], [], [], D("2026-03-01"), D("2026-03-31"), D("2026-03-01"))
            .First(d => d.Item.Code == "D01").DueOn.ShouldBe(D("2026-04-16"));
    }

    [Theory]
    // occurrence of item on day → due (5 working days), state on 2026-10-30 with or without its posting
    [InlineData("C04", "2026-09-29", "2026-10-12", "2026-10-09", DisclosureState.Done)]   // 30 Sep, 8, 9, 10 (Sat), 12 October
    [InlineData("C04", "2026-09-29", "2026-10-12", null, DisclosureState.Overdue)]
    [InlineData("C05", "2026-05-14", "2026-05-21", "2026-05-22", DisclosureState.Done)]
    [InlineData("C06", "2026-10-28", "2026-11-04", null, DisclosureState.Pending)]
    public void An_occurrence_is_due_five_working_days_after_it(string item, string on, string due, string? postedOn, DisclosureState state)
    {
        DisclosurePosting[] postings = postedOn is null ? [] : [new(item, D(on), D(postedOn), "低保-2026-07")];
        var d = Run("2026-01-01", "2026-12-31", "2026-10-30", postings: postings, occurrences: [new("低保-2026-07", item, D(on))])
            .Single(x => x.Period.Frequency == DisclosureFrequency.Immediate);
        (d.Item.Code, d.OccurrenceKey, d.DueOn, d.State, d.Period.Label).ShouldBe((item, "低保-2026-07", D(due), state, on));
    }

    [Fact]
    public void An_occurrence_of_an_item_that_is_not_immediate_owes_nothing()
    {
        DisclosureOccurrence[] occurrences = [new("k1", "D01", D("2026-05-14")), new("k2", "ZZZ", D("2026-05-14")), new("k3", "C04", D("2027-01-04"))];
        Run("2026-01-01", "2026-12-31", "2026-10-30", occurrences: occurrences)
            .ShouldNotContain(d => d.Period.Frequency == DisclosureFrequency.Immediate);
    }

    [Fact]
    public void The_calendar_is_ordered_by_due_date_then_column_then_code()
    {
        var dues = Run("2026-03-01", "2026-03-31", "2026-03-01", occurrences: [new("k", "C05", D("2026-03-02"))]);
        dues.Select(d => $"{d.DueOn:MM-dd} {d.Item.Code}").ShouldBe(
            ["03-09 C05", "04-15 D01", "04-15 D02", "04-15 C01", "04-15 C02", "04-15 C03", "04-15 F01", "04-15 F02", "04-15 F03"]);
    }

    [Theory]
    // item, period start, busy finance from 2026-07-01, today → problems
    [InlineData("D01", "2026-07-01", false, "2026-10-08", "")]
    [InlineData("D01", "2026-07-01", false, "2026-09-30", "")]                 // today is the period's last day
    [InlineData("D01", "2026-08-01", false, "2026-10-08", "「党组织建设、党员发展和党费收缴使用情况」在2026 年第三季度每季度公开，公开期间应从 2026-07-01 起")]
    [InlineData("D01", "2026-07-01", false, "2026-09-29", "2026 年第三季度到 2026-09-30 才结束，届时再公开")]
    [InlineData("F01", "2026-08-01", true, "2026-09-01", "")]
    [InlineData("F01", "2026-07-01", true, "2026-10-08", "")]                  // July, not the quarter
    [InlineData("F01", "2026-08-15", true, "2026-09-01", "「村集体财务收支情况」在2026 年 8 月每月公开，公开期间应从 2026-08-01 起")]
    [InlineData("F01", "2026-05-01", true, "2026-09-01", "「村集体财务收支情况」在2026 年第二季度每季度公开，公开期间应从 2026-04-01 起")] // busy only from Q3
    [InlineData("C04", "2026-07-01", false, "2026-10-08", "「低保、特困供养、临时救助对象评定」随时公开，请就具体事项发布")]
    [InlineData("ZZ9", "2026-07-01", false, "2026-10-08", "第 1 版公开目录中没有这个公开事项")]
    [InlineData("D01", "2024-10-01", false, "2026-10-08", "2024-10-01 所在季度还没有生效的公开规则")]
    public void A_posting_names_a_period_its_item_owes_that_has_ended(string item, string periodStart, bool busy, string today, string problems)
    {
        FrequentFinanceSpell[] spells = busy ? [new(D("2026-07-01"), null)] : [];
        string.Join("；", DisclosureRules.PostingProblems(V1, spells, item, D(periodStart), D(today)).Select(p => p.Message)).ShouldBe(problems);
    }

    [Theory]
    [InlineData("2026-12-31", "2026-01-01", "结束日期不能早于开始日期")]
    [InlineData("2026-01-01", "2031-01-01", "公开日历一次最多查看 60 个月")]
    public void A_bad_range_is_refused(string from, string to, string message) =>
        Should.Throw<RuleException>(() => Run(from, to, "2026-01-01")).Message.ShouldBe(message);

    [Fact]
    public void The_legal_basis_is_cited_where_the_frequency_is_shown()
    {
        DisclosureRules.LegalBasis.ShouldContain("《中华人民共和国村民委员会组织法》第三十条");
        DisclosureRules.FrequencyRule(DisclosurePolicy.DefaultItems().Single(i => i.Code == "F01"))
            .ShouldBe("每季度公开；集体财务往来较多的村每月公开（《村民委员会组织法》第三十条）");
        DisclosureRules.FrequencyRule(DisclosurePolicy.DefaultItems().Single(i => i.Code == "C04")).ShouldStartWith("随时公开");
    }
}
