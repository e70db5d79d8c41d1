using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Duty;

namespace Cunzhi.Domain.Tests;

public sealed class DutyRulesTests
{
    private static readonly WorkingCalendar National = new(NationalCalendar.Of(2026));
    private static readonly Dictionary<long, int> NoPrior = [];

    private static IReadOnlyList<long> Cadres(int n) => Enumerable.Range(1, n).Select(i => (long)i).ToList();

    private static Dictionary<long, int> Counts(IReadOnlyDictionary<DateOnly, IReadOnlyList<long>> roster, IReadOnlyList<long> cadres, IReadOnlyDictionary<long, int>? prior = null) =>
        cadres.ToDictionary(c => c, c => roster.Values.Count(ids => ids.Contains(c)) + (prior?.GetValueOrDefault(c) ?? 0));

    private static readonly Dictionary<long, DutyCadre> Village = new()
    {
        [1] = new(1, "张三", true), [2] = new(2, "李四", true), [3] = new(3, "王五", true), [9] = new(9, "赵六", false),
    };

    [Theory]
    [InlineData(2026, 10, 18)] // 10/1–8 off, Saturday 10/10 worked
    [InlineData(2026, 12, 23)]
    [InlineData(2026, 2, 16)]  // 20 weekdays, 6 of them off for 春节 (2/15–23), Saturdays 2/14 and 2/28 worked
    public void The_working_days_of_a_month_follow_the_national_calendar(int year, int month, int count) =>
        DutyRules.WorkingDays(National, year, month).Count.ShouldBe(count);

    [Fact]
    public void A_make_up_saturday_is_a_roster_day() =>
        DutyRules.WorkingDays(National, 2026, 10).ShouldContain(new DateOnly(2026, 10, 10));

    [Theory]
    [InlineData(3, 1, 12)]
    [InlineData(4, 1, 10)]
    [InlineData(5, 2, 12)]
    [InlineData(7, 1, 10)]
    [InlineData(7, 3, 11)]
    [InlineData(30, 1, 12)]
    public void Generating_without_leave_keeps_counts_within_one(int cadres, int perDay, int month)
    {
        var ids = Cadres(cadres);
        var roster = DutyRules.Generate(DutyRules.WorkingDays(National, 2026, month), ids, NoPrior, [], perDay);
        var counts = Counts(roster, ids).Values;
        (counts.Max() - counts.Min()).ShouldBeLessThanOrEqualTo(1);
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(5, 2)]
    public void Generating_fills_every_working_day_with_the_number_asked(int cadres, int perDay)
    {
        var days = DutyRules.WorkingDays(National, 2026, 12);
        var roster = DutyRules.Generate(days, Cadres(cadres), NoPrior, [], perDay);
        roster.Keys.ShouldBe(days);
        roster.Values.ShouldAllBe(ids => ids.Count == perDay && ids.Distinct().Count() == perDay);
    }

    [Fact]
    public void Generating_balances_counts_with_the_previous_month()
    {
        var ids = Cadres(4);
        var prior = new Dictionary<long, int> { [1] = 8, [2] = 6, [3] = 4, [4] = 4 };
        var roster = DutyRules.Generate(DutyRules.WorkingDays(National, 2026, 12), ids, prior, []);
        var totals = Counts(roster, ids, prior).Values;
        (totals.Max() - totals.Min()).ShouldBeLessThanOrEqualTo(1);
    }

    [Fact]
    public void Generating_skips_a_cadre_on_approved_leave()
    {
        var leave = new LeaveSpan(2, new(2026, 12, 7), new(2026, 12, 18));
        var roster = DutyRules.Generate(DutyRules.WorkingDays(National, 2026, 12), Cadres(3), NoPrior, [leave]);
        roster.Where(kv => leave.Covers(kv.Key)).ShouldAllBe(kv => !kv.Value.Contains(2L));
    }

    [Fact]
    public void Generating_leaves_a_day_empty_when_everyone_is_on_leave()
    {
        var roster = DutyRules.Generate(DutyRules.WorkingDays(National, 2026, 12), Cadres(1), NoPrior, [new LeaveSpan(1, new(2026, 12, 8), new(2026, 12, 8))]);
        roster[new DateOnly(2026, 12, 8)].ShouldBeEmpty();
    }

    [Fact]
    public void Generating_is_deterministic()
    {
        var days = DutyRules.WorkingDays(National, 2026, 12);
        var leave = new[] { new LeaveSpan(3, new(2026, 12, 1), new(2026, 12, 4)) };
        var a = DutyRules.Generate(days, [5L, 3, 9, 1], NoPrior, leave);
        var b = DutyRules.Generate(days, [1L, 9, 3, 5], NoPrior, leave);
        a.SelectMany(kv => kv.Value.Select(i => (kv.Key, i))).ShouldBe(b.SelectMany(kv => kv.Value.Select(i => (kv.Key, i))));
    }

    [Fact]
    public void Generating_for_a_village_without_cadres_is_refused() =>
        Should.Throw<RuleException>(() => DutyRules.Generate(DutyRules.WorkingDays(National, 2026, 12), [], NoPrior, [])).Problems.Single().Code.ShouldBe("duty.no_cadres");

    [Theory]
    [InlineData("2026-12-08", new long[] { 1 }, null)]
    [InlineData("2026-12-08", new long[] { 1, 2 }, null)]
    [InlineData("2026-12-08", new long[0], "duty.empty_day")]
    [InlineData("2026-12-08", new long[] { 1, 1 }, "duty.twice")]
    [InlineData("2026-12-08", new long[] { 9 }, "duty.not_in_office")]
    [InlineData("2026-12-08", new long[] { 42 }, "duty.not_in_village")]
    [InlineData("2026-12-12", new long[] { 1 }, "duty.not_working_day")]
    public void A_roster_day_holds_working_cadres_of_the_village(string date, long[] ids, string? code)
    {
        var d = DateOnly.Parse(date);
        var problems = DutyRules.DayProblems(d, National.IsWorkingDay(d), ids, Village);
        if (code is null) problems.ShouldBeEmpty();
        else problems.Select(p => p.Code).ShouldBe([code]);
    }

    [Fact]
    public void An_empty_day_is_refused_naming_the_date() =>
        DutyRules.DayProblems(new(2026, 12, 8), true, [], Village).Single().Message.ShouldBe("2026-12-08 无人值班");

    [Fact]
    public void A_day_whose_only_cadre_is_on_leave_is_a_gap()
    {
        var days = new[] { new DateOnly(2026, 12, 7), new DateOnly(2026, 12, 8), new DateOnly(2026, 12, 9) };
        var roster = new Dictionary<DateOnly, IReadOnlyList<long>> { [days[0]] = [1], [days[1]] = [1, 2], [days[2]] = [2] };
        DutyRules.Gaps(days, roster, [new LeaveSpan(2, days[1], days[2])]).ShouldBe([days[2]]);
    }

    [Fact]
    public void A_day_without_a_roster_row_is_a_gap() =>
        DutyRules.Gaps([new DateOnly(2026, 12, 7)], new Dictionary<DateOnly, IReadOnlyList<long>>(), []).ShouldBe([new DateOnly(2026, 12, 7)]);

    [Theory]
    [InlineData("2026-12-08", "2026-12-09", LeaveKind.Annual, "探亲", null)]
    [InlineData("2026-12-09", "2026-12-08", LeaveKind.Annual, "探亲", "duty.leave_dates")]
    [InlineData("2026-12-08", "2027-12-08", LeaveKind.Annual, "探亲", "duty.leave_long")]
    [InlineData("2026-12-08", "2026-12-09", (LeaveKind)9, "探亲", "duty.leave_kind")]
    [InlineData("2026-12-08", "2026-12-09", LeaveKind.Sick, " ", "duty.leave_reason")]
    [InlineData("2101-12-08", "2101-12-09", LeaveKind.Sick, "病", "duty.leave_year")]
    public void A_leave_request_has_ordered_dates_a_kind_and_a_reason(string from, string to, LeaveKind kind, string reason, string? code)
    {
        var problems = DutyRules.LeaveProblems(DateOnly.Parse(from), DateOnly.Parse(to), kind, reason);
        if (code is null) problems.ShouldBeEmpty();
        else problems.Select(p => p.Code).ShouldBe([code]);
    }

    [Theory]
    [InlineData("2026-12-01", "2026-12-07", true)]
    [InlineData("2026-12-10", "2026-12-20", true)]
    [InlineData("2026-12-11", "2026-12-20", false)]
    [InlineData("2026-11-01", "2026-12-06", false)]
    public void Leave_overlapping_an_approved_leave_is_refused(string from, string to, bool refused) =>
        DutyRules.OverlapProblems(DateOnly.Parse(from), DateOnly.Parse(to), [new LeaveSpan(1, new(2026, 12, 7), new(2026, 12, 10))]).Any().ShouldBe(refused);

    private static readonly DateOnly Mon = new(2026, 12, 7), Tue = new(2026, 12, 8), Wed = new(2026, 12, 9);

    [Fact]
    public void Approving_leave_takes_the_cadre_off_days_others_still_cover()
    {
        var roster = new Dictionary<DateOnly, IReadOnlyList<long>> { [Mon] = [1, 2], [Tue] = [2] };
        var changed = DutyRules.ApplyLeave(new LeaveSpan(1, Mon, Tue), roster, [], null, Village);
        changed.Keys.ShouldBe([Mon]);
        changed[Mon].ShouldBe([2L]);
    }

    [Fact]
    public void Approving_leave_that_empties_a_day_without_a_replacement_is_refused_naming_the_day()
    {
        var roster = new Dictionary<DateOnly, IReadOnlyList<long>> { [Mon] = [1, 2], [Tue] = [1] };
        var e = Should.Throw<RuleException>(() => DutyRules.ApplyLeave(new LeaveSpan(1, Mon, Wed), roster, [], null, Village));
        (e.Problems.Single().Code, e.Problems.Single().Message).ShouldBe(("duty.leave_uncovered", "批准后 2026-12-08 无人值班，请指定顶班人"));
    }

    [Fact]
    public void Approving_leave_with_a_replacement_puts_them_on_the_emptied_days()
    {
        var roster = new Dictionary<DateOnly, IReadOnlyList<long>> { [Mon] = [1, 2], [Tue] = [1] };
        var changed = DutyRules.ApplyLeave(new LeaveSpan(1, Mon, Wed), roster, [], 3, Village);
        changed[Mon].ShouldBe([2L]);
        changed[Tue].ShouldBe([3L]);
    }

    [Fact]
    public void A_day_whose_other_cadre_is_on_leave_counts_as_emptied()
    {
        var roster = new Dictionary<DateOnly, IReadOnlyList<long>> { [Mon] = [1, 2] };
        Should.Throw<RuleException>(() => DutyRules.ApplyLeave(new LeaveSpan(1, Mon, Mon), roster, [new LeaveSpan(2, Mon, Mon)], null, Village))
            .Problems.Single().Code.ShouldBe("duty.leave_uncovered");
    }

    [Theory]
    [InlineData(1L, "duty.replacement_self")]
    [InlineData(9L, "duty.not_in_office")]
    [InlineData(42L, "duty.not_in_village")]
    [InlineData(3L, "duty.replacement_on_leave")]
    public void A_replacement_is_another_cadre_in_office_and_not_on_leave(long replacement, string code)
    {
        var roster = new Dictionary<DateOnly, IReadOnlyList<long>> { [Tue] = [1] };
        Should.Throw<RuleException>(() => DutyRules.ApplyLeave(new LeaveSpan(1, Mon, Wed), roster, [new LeaveSpan(3, Tue, Tue)], replacement, Village))
            .Problems.Single().Code.ShouldBe(code);
    }
}
