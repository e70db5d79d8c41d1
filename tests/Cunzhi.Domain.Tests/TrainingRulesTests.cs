using Cunzhi.Domain.Training;

namespace Cunzhi.Domain.Tests;

public sealed class TrainingRulesTests
{
    private static readonly DateOnly D = new(2026, 5, 11);

    [Theory]
    [InlineData(0, 8, true)]    // one day: 8 h fits
    [InlineData(0, 8.5, false)] // one day: 8.5 h is beyond 8 h a day
    [InlineData(2, 24, true)]   // three days: 24 h fits
    [InlineData(2, 24.5, false)]
    [InlineData(0, 0, false)]   // no hours
    [InlineData(0, 2.25, false)] // more than one decimal
    public void A_sessions_hours_are_at_most_eight_a_day(int extraDays, double hours, bool ok) =>
        TrainingRules.SessionProblems("轮训", TrainingKind.RotationClass, D, D.AddDays(extraDays), (decimal)hours).Count.ShouldBe(ok ? 0 : 1);

    [Fact]
    public void A_session_ending_before_it_starts_is_refused() =>
        TrainingRules.SessionProblems("轮训", TrainingKind.Topical, D, D.AddDays(-1), 4).Single().Code.ShouldBe("training.dates");

    [Theory]
    [InlineData(null)]
    [InlineData("  ")]
    public void A_session_without_a_title_is_refused(string? title) =>
        TrainingRules.SessionProblems(title, TrainingKind.Lecture, D, D, 2).Single().Code.ShouldBe("training.title");

    [Fact]
    public void A_session_of_an_unknown_kind_is_refused() =>
        TrainingRules.SessionProblems("讲座", (TrainingKind)99, D, D, 2).Single().Code.ShouldBe("training.kind");

    [Theory]
    [InlineData(0, false, true)]   // ended today: may be marked
    [InlineData(1, false, false)]  // ends tomorrow: not yet held
    [InlineData(-3, true, false)]  // cancelled
    public void Attendance_is_taken_only_for_a_held_session(int endOffset, bool cancelled, bool ok) =>
        TrainingRules.AttendanceSessionProblems(cancelled, D.AddDays(endOffset), D).Count.ShouldBe(ok ? 0 : 1);

    [Theory]
    [InlineData(true, 8, 8, true)]
    [InlineData(true, 3.5, 8, true)]   // partial attendance
    [InlineData(true, 8.5, 8, false)]  // beyond the session's hours
    [InlineData(true, 0, 8, false)]    // attended without hours
    [InlineData(false, 0, 8, true)]
    [InlineData(false, 2, 8, false)]   // absent with hours
    [InlineData(true, -1, 8, false)]
    public void Credited_hours_stay_within_the_sessions_hours(bool attended, double hours, double sessionHours, bool ok) =>
        TrainingRules.CreditProblems("张三", attended, (decimal)hours, (decimal)sessionHours).Count.ShouldBe(ok ? 0 : 1);

    [Theory]
    [InlineData(2025, null)]
    [InlineData(2026, 40)]
    [InlineData(2027, 40)]
    [InlineData(2028, 48)]
    public void The_required_hours_are_the_latest_in_effect(int year, int? expected)
    {
        RequiredHours[] rows = [new("secretary", 2026, 40), new("secretary", 2028, 48), new("director", 2020, 30)];
        TrainingRules.Required(rows, "secretary", year).ShouldBe(expected is { } e ? e : null);
    }

    [Theory]
    [InlineData(30, 40, 10)]
    [InlineData(40, 40, 0)]
    [InlineData(45, 40, 0)]
    [InlineData(5, null, 0)]
    public void The_shortfall_is_what_remains_of_the_requirement(double credited, int? required, double shortfall) =>
        TrainingRules.Shortfall((decimal)credited, required).ShouldBe((decimal)shortfall);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 2)]
    [InlineData(11, 6)]
    [InlineData(12, 6)]
    public void A_month_falls_in_its_two_month_slot(int month, int slot) =>
        TrainingRules.Slot(new DateOnly(2026, month, 15)).ShouldBe(slot);

    [Fact]
    public void The_lecture_cadence_flags_begun_slots_without_a_lecture()
    {
        DateOnly[] lectures = [new(2026, 2, 10), new(2026, 6, 1), new(2025, 3, 3)];
        TrainingRules.EmptyLectureSlots(2026, lectures, new DateOnly(2026, 7, 1)).ShouldBe([2, 4]);
    }

    [Fact]
    public void The_lecture_cadence_does_not_flag_slots_yet_to_begin() =>
        TrainingRules.EmptyLectureSlots(2026, [], new DateOnly(2026, 2, 28)).ShouldBe([1]);
}

public sealed class MentoringRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("2026-01-01", true)]
    [InlineData("2025-12-08", true)]
    [InlineData("2025-12-07", false)] // exactly 12 months ago: no longer new
    [InlineData("2024-03-01", false)]
    [InlineData("2026-12-20", false)] // not yet started
    public void A_cadre_is_new_for_twelve_months_after_the_first_post(string first, bool isNew) =>
        MentoringRules.IsNew(DateOnly.Parse(first), Today).ShouldBe(isNew);

    [Theory]
    [InlineData("2026-01-15", 12, "2027-01-14")]
    [InlineData("2026-03-01", 6, "2026-08-31")]
    public void A_pair_ends_the_day_before_its_period_is_over(string start, int months, string end) =>
        MentoringRules.EndDate(DateOnly.Parse(start), months).ShouldBe(DateOnly.Parse(end));

    [Theory]
    [InlineData("2026-03-01", 6, PairState.Ended)]
    [InlineData("2026-03-01", 12, PairState.Active)]
    public void A_pair_past_its_period_is_ended(string start, int months, PairState state) =>
        MentoringRules.State(DateOnly.Parse(start), months, Today).ShouldBe(state);

    [Theory]
    [InlineData("2026-02-01", 12, new string[0], true)]              // nothing for November
    [InlineData("2026-02-01", 12, new[] { "2026-11-01" }, false)]    // November written
    [InlineData("2026-02-01", 12, new[] { "2026-10-01" }, true)]     // only October
    [InlineData("2026-12-01", 12, new string[0], false)]             // began after November
    [InlineData("2025-10-01", 12, new string[0], false)]             // ended
    public void A_pair_is_silent_without_a_note_for_the_last_full_month(string start, int months, string[] logged, bool silent) =>
        MentoringRules.SilentLastMonth(DateOnly.Parse(start), months, logged.Select(DateOnly.Parse), Today).ShouldBe(silent);

    [Fact]
    public void Pairing_a_cadre_who_is_not_new_is_refused() =>
        MentoringRules.PairProblems("李明", "党委副书记", 12, Today, new DateOnly(2020, 1, 1), Today).Single().Code.ShouldBe("mentoring.not_new");

    [Theory]
    [InlineData(0)]
    [InlineData(37)]
    public void A_pair_period_outside_one_to_thirty_six_months_is_refused(int months) =>
        MentoringRules.PairProblems("李明", "党委副书记", months, Today, new DateOnly(2026, 6, 1), Today).Single().Code.ShouldBe("mentoring.months");

    [Theory]
    [InlineData("2026-11-01", true)]
    [InlineData("2026-05-01", false)] // before the pair began
    [InlineData("2027-01-01", false)] // after today
    public void A_note_is_written_for_a_month_of_the_pair_up_to_now(string month, bool ok) =>
        MentoringRules.LogProblems(DateOnly.Parse(month), new DateOnly(2026, 6, 10), 12, Today, "谈心谈话一次").Count.ShouldBe(ok ? 0 : 1);

    [Theory]
    [InlineData("2026-06-10", 12, "2026-12-07", 7)]  // old pair ends 2027-06-09: six months fall three days short
    [InlineData("2026-06-10", 12, "2027-06-01", 1)]  // days left: at least one month
    [InlineData("2026-01-01", 36, "2026-02-01", 35)]
    public void A_changed_mentor_runs_what_remains_of_the_old_period(string start, int months, string change, int remaining) =>
        MentoringRules.RemainingMonths(DateOnly.Parse(start), months, DateOnly.Parse(change)).ShouldBe(remaining);

    [Theory]
    [InlineData(PairState.Active, "王芳", "调任", "2026-12-01", null)]
    [InlineData(PairState.Changed, "王芳", "调任", "2026-12-01", "mentoring.changed")]
    [InlineData(PairState.Ended, "王芳", "调任", "2026-12-01", "mentoring.ended")]
    [InlineData(PairState.Active, "李明", "调任", "2026-12-01", "mentoring.same_mentor")]
    [InlineData(PairState.Active, "王芳", " ", "2026-12-01", "mentoring.reason")]
    [InlineData(PairState.Active, "王芳", "调任", "2026-06-10", "mentoring.change_date")] // the pair's own first day
    [InlineData(PairState.Active, "王芳", "调任", "2026-12-08", "mentoring.change_date")] // after today
    public void Changing_a_mentor_needs_an_active_pair_a_new_mentor_a_reason_and_a_day_in_the_period(PairState state, string mentor, string reason, string day, string? code) =>
        MentoringRules.ChangeProblems(state, new DateOnly(2026, 6, 10), 12, "李明", mentor, "副镇长", 6, DateOnly.Parse(day), reason, Today)
            .Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Fact]
    public void A_changed_pair_is_not_silent() =>
        MentoringRules.SilentLastMonth(new DateOnly(2026, 2, 1), 12, [], Today, new DateOnly(2026, 12, 1)).ShouldBeFalse();
}
