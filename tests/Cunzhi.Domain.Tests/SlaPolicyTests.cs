using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;

namespace Cunzhi.Domain.Tests;

/// <summary>Due dates in working days on the shipped 2026 national calendar (holidays and 调休), the flags, and due dates set by hand.</summary>
public sealed class SlaPolicyTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static readonly WorkingCalendar National = new(NationalCalendar.All());
    private static readonly MatterDeadlines Deadlines = new(SlaPolicy.Default("360922000000"), National);

    [Theory]
    // kind, level, from → due (default policy: 微实事 5/5/5, 问题 10/10/15, 发展项目 40/40/60, 村庄规划 60/60/60 working days)
    [InlineData(MatterKind.MicroMatter, MatterLevel.Village, "2026-04-02", "2026-04-10")] // 清明 4–6 April skipped
    [InlineData(MatterKind.MicroMatter, MatterLevel.Town, "2026-09-30", "2026-10-13")]    // 国庆 1–7 October skipped, Saturday 10 October worked
    [InlineData(MatterKind.MicroMatter, MatterLevel.County, "2026-09-18", "2026-09-24")]  // Sunday 20 September is a make-up working day
    [InlineData(MatterKind.MicroMatter, MatterLevel.Village, "2026-12-05", "2026-12-11")] // from a Saturday: the next week
    [InlineData(MatterKind.Problem, MatterLevel.County, "2026-12-07", "2026-12-28")]      // 15 ordinary working days
    [InlineData(MatterKind.Problem, MatterLevel.Village, "2026-12-07", "2026-12-21")]     // 10
    [InlineData(MatterKind.DevelopmentProject, MatterLevel.Town, "2026-04-30", "2026-06-30")] // 劳动节 1–5 May and 端午 19 June skipped, 9 May worked
    public void The_due_date_counts_working_days_of_the_kind_and_level(MatterKind kind, MatterLevel level, string from, string due) =>
        SlaPolicy.DueOn(SlaPolicy.Default("c"), National, kind, level, D(from)).ShouldBe(D(due));

    [Theory]
    // kind, level, days set, from → due
    [InlineData(MatterKind.MicroMatter, MatterLevel.Village, 1, "2026-02-13", "2026-02-14")] // Saturday 14 February worked (春节调休)
    [InlineData(MatterKind.VillagePlan, MatterLevel.County, 3, "2026-02-13", "2026-02-25")]  // 14 February, then 春节 15–23 February rests
    [InlineData(MatterKind.Problem, MatterLevel.Town, 2, "2026-12-31", "2027-01-04")]        // 2027 not yet listed: weekends only
    public void The_county_policy_sets_the_days_of_each_kind_and_level(MatterKind kind, MatterLevel level, int days, string from, string due)
    {
        var policy = SlaPolicy.Default("c");
        policy.SetDays(kind, level, days);
        SlaPolicy.DueOn(policy, National, kind, level, D(from)).ShouldBe(D(due));
    }

    [Theory]
    // state, due, today → overdue, due soon (2 working days before; 30 September 2026: 8 and 9 October are the next working days)
    [InlineData(MatterState.InProgress, "2026-09-29", "2026-09-30", true, false)]
    [InlineData(MatterState.InProgress, "2026-09-30", "2026-09-30", false, true)]
    [InlineData(MatterState.Received, "2026-10-09", "2026-09-30", false, true)]
    [InlineData(MatterState.Accepted, "2026-10-10", "2026-09-30", false, false)]
    [InlineData(MatterState.Done, "2026-09-29", "2026-09-30", false, false)]
    [InlineData(MatterState.Confirmed, "2026-09-30", "2026-09-30", false, false)]
    public void Flags_read_the_due_date_in_working_days(MatterState state, string due, string today, bool overdue, bool dueSoon)
    {
        MatterDeadlines.IsOverdue(state, D(due), D(today)).ShouldBe(overdue);
        Deadlines.IsDueSoon(state, D(due), D(today)).ShouldBe(dueSoon);
    }

    [Theory]
    [InlineData("2026-10-01", "2026-10-01 是法定节假日，办理期限须为工作日")]
    [InlineData("2026-10-03", "2026-10-03 是法定节假日，办理期限须为工作日")]
    [InlineData("2026-09-19", "2026-09-19 是周六，办理期限须为工作日")]
    [InlineData("2026-08-31", "2026-08-31 已经过去，办理期限不能早于今天")]
    [InlineData("2026-09-20", null)]
    [InlineData("2026-09-01", null)]
    public void A_due_date_set_by_hand_must_be_a_working_day_not_in_the_past(string due, string? problem) =>
        Deadlines.HandSetProblem(D(due), D("2026-09-01")).ShouldBe(problem);

    [Fact]
    public void A_refused_due_date_leaves_the_matter_unchanged()
    {
        var m = new Matter { RegionCode = "360922106208", Title = "t", ReceiptHash = "h", CreatedBy = "v", State = MatterState.InProgress, Level = MatterLevel.Village, DueOn = D("2026-09-15") };
        Should.Throw<RuleException>(() => MatterRules.SetDue(m, MatterLevel.Village, D("2026-10-01"), "等材料", Deadlines, "v", D("2026-09-01"), TestClock.Instant))
            .Message.ShouldBe("2026-10-01 是法定节假日，办理期限须为工作日");
        m.DueOn.ShouldBe(D("2026-09-15"));
    }

    [Fact]
    public void A_due_date_set_by_hand_is_an_event_carrying_the_new_date()
    {
        var m = new Matter { RegionCode = "360922106208", Title = "t", ReceiptHash = "h", CreatedBy = "v", State = MatterState.InProgress, Level = MatterLevel.Village, DueOn = D("2026-09-15") };
        var e = MatterRules.SetDue(m, MatterLevel.Village, D("2026-10-09"), "等县里批复", Deadlines, "v", D("2026-09-01"), TestClock.Instant);
        (e.Kind, e.DueOn, m.DueOn).ShouldBe((MatterEventKind.DueChanged, (DateOnly?)D("2026-10-09"), D("2026-10-09")));
    }

    [Theory]
    [InlineData(0, 2, "微实事（村级）的办理时限须为 1 至 365 个工作日（现为 0）")]
    [InlineData(366, 2, "微实事（村级）的办理时限须为 1 至 365 个工作日（现为 366）")]
    [InlineData(5, -1, "临期提醒须为到期前 0 至 30 个工作日（现为 -1）")]
    [InlineData(5, 31, "临期提醒须为到期前 0 至 30 个工作日（现为 31）")]
    [InlineData(5, 0, "")]
    public void Policy_numbers_out_of_range_are_refused(int microVillage, int dueSoon, string problem)
    {
        var p = SlaPolicy.Default("c");
        (p.MicroVillageDays, p.DueSoonDays) = (microVillage, dueSoon);
        string.Join("；", p.Problems()).ShouldBe(problem);
    }

    [Theory]
    // village, level, kind → regions reminded
    [InlineData(MatterLevel.Village, MatterReminderKind.DueSoon, "360922106208")]
    [InlineData(MatterLevel.Village, MatterReminderKind.Overdue, "360922106208,360922106000")]
    [InlineData(MatterLevel.Town, MatterReminderKind.Overdue, "360922106000,360922000000")]
    [InlineData(MatterLevel.County, MatterReminderKind.Overdue, "360922000000")]
    public void Overdue_reminders_also_go_to_the_level_above(MatterLevel level, MatterReminderKind kind, string regions) =>
        string.Join(",", MatterReminders.Targets("360922106208", level, kind)).ShouldBe(regions);
}
