using Cunzhi.Domain.Matters;

namespace Cunzhi.Domain.Tests;

public sealed class MatterStatisticsTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    private static Matter New(MatterState state, string dueOn, string? doneOn) => new()
    {
        RegionCode = "360922106208", Title = "t", ReceiptHash = "h", CreatedBy = "v", State = state, DueOn = D(dueOn),
        DoneOn = doneOn is null ? null : D(doneOn),
    };

    [Theory]
    // state, due, done, day → overdue, late (overdue or closed late)
    [InlineData(MatterState.Received, "2026-03-10", null, "2026-03-11", true, true)]
    [InlineData(MatterState.InProgress, "2026-03-10", null, "2026-03-10", false, false)]
    [InlineData(MatterState.Accepted, "2026-03-10", null, "2026-03-09", false, false)]
    [InlineData(MatterState.Done, "2026-03-10", "2026-03-12", "2026-03-20", false, true)]
    [InlineData(MatterState.Done, "2026-03-10", "2026-03-10", "2026-03-20", false, false)]
    [InlineData(MatterState.Confirmed, "2026-03-10", "2026-03-11", "2026-03-20", false, true)]
    [InlineData(MatterState.Confirmed, "2026-03-10", "2026-03-01", "2026-03-20", false, false)]
    // Reopened: open again, its last done date is kept but it counts as open.
    [InlineData(MatterState.InProgress, "2026-03-10", "2026-03-05", "2026-03-20", true, true)]
    public void Overdue_and_late_follow_the_state_and_dates(MatterState state, string due, string? done, string day, bool overdue, bool late)
    {
        MatterOverdue.IsOverdue(state, D(due), D(day)).ShouldBe(overdue);
        MatterOverdue.IsLate(state, D(due), done is null ? null : D(done), D(day)).ShouldBe(late);
    }

    [Theory]
    [InlineData(MatterState.Received, "2026-03-10", null, "2026-03-11")]
    [InlineData(MatterState.InProgress, "2026-03-10", null, "2026-03-10")]
    [InlineData(MatterState.Done, "2026-03-10", "2026-03-12", "2026-03-20")]
    [InlineData(MatterState.Done, "2026-03-10", "2026-03-10", "2026-03-20")]
    [InlineData(MatterState.Confirmed, "2026-03-10", "2026-03-11", "2026-03-20")]
    [InlineData(MatterState.InProgress, "2026-03-10", "2026-03-05", "2026-03-20")]
    public void The_query_expressions_agree_with_the_rules(MatterState state, string due, string? done, string day)
    {
        var m = New(state, due, done);
        MatterOverdue.OverdueOn(D(day)).Compile()(m).ShouldBe(MatterOverdue.IsOverdue(state, D(due), D(day)));
        MatterOverdue.LateOn(D(day)).Compile()(m).ShouldBe(MatterOverdue.IsLate(state, D(due), m.DoneOn, D(day)));
    }

    [Theory]
    [InlineData(MatterState.Done, "2026-03-01", true)]
    [InlineData(MatterState.Confirmed, "2026-03-31", true)]
    [InlineData(MatterState.Done, "2026-04-01", false)]
    [InlineData(MatterState.Done, "2026-02-28", false)]
    [InlineData(MatterState.InProgress, "2026-03-15", false)]
    public void A_matter_counts_as_done_in_the_period_when_closed_and_last_done_within(MatterState state, string doneOn, bool counted) =>
        MatterStatistics.ClosedIn(D("2026-03-01"), D("2026-03-31")).Compile()(New(state, "2026-03-01", doneOn)).ShouldBe(counted);

    [Theory]
    [InlineData("2026-03-02", "2026-03-01", "开始日期不能晚于结束日期")]
    [InlineData("2026-03-01", "2026-03-01", null)]
    [InlineData("2021-03-01", "2026-02-28", null)]
    [InlineData("2021-03-01", "2026-03-01", "统计期间不能超过 5 年")]
    public void A_period_is_refused_when_reversed_or_longer_than_five_years(string from, string to, string? problem) =>
        MatterStatistics.PeriodProblem(D(from), D(to)).ShouldBe(problem);

    [Theory]
    [InlineData("month", "2026-05-17", "2026-05-01", "2026-05-31")]
    [InlineData("quarter", "2026-05-17", "2026-04-01", "2026-06-30")]
    [InlineData("quarter", "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData("year", "2026-05-17", "2026-01-01", "2026-12-31")]
    public void A_preset_is_the_month_quarter_or_year_of_today(string preset, string today, string from, string to) =>
        MatterStatistics.Preset(preset, D(today)).ShouldBe((D(from), D(to)));

    [Fact]
    public void An_unknown_preset_has_no_period() => MatterStatistics.Preset("week", D("2026-05-17")).ShouldBeNull();

    [Theory]
    // (days × count) pairs → count, median, average
    [InlineData("3x1", 1, 3.0, 3.0)]
    [InlineData("1x1,2x1,10x1", 3, 2.0, 4.3)]
    [InlineData("1x1,3x1", 2, 2.0, 2.0)]
    [InlineData("0x2,4x1,9x1", 4, 2.0, 3.3)]
    [InlineData("5x3,1x1", 4, 5.0, 4.0)]
    public void Time_to_close_has_the_median_and_average_of_days(string bins, int count, double median, double average)
    {
        var histogram = bins.Split(',').Select(b => b.Split('x')).Select(p => (int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture)));
        var c = MatterStatistics.CloseTimeOf(MatterKind.Problem, histogram);
        (c.Count, c.MedianDays, c.AverageDays).ShouldBe((count, median, average));
    }

    [Fact]
    public void Time_to_close_of_nothing_is_empty() =>
        MatterStatistics.CloseTimeOf(MatterKind.Problem, []).ShouldBe(new CloseTime(MatterKind.Problem, 0, null, null));

    [Theory]
    [InlineData(1, 3, 33.3)]
    [InlineData(0, 5, 0.0)]
    [InlineData(2, 2, 100.0)]
    public void The_overdue_share_is_late_over_due(int late, int due, double percent) => MatterStatistics.SharePercent(late, due).ShouldBe(percent);

    [Fact]
    public void The_overdue_share_of_nothing_due_is_empty() => MatterStatistics.SharePercent(0, 0).ShouldBeNull();

    [Fact]
    public void Every_figure_has_a_name_and_a_definition() =>
        MatterStatistics.Figures.Select(f => f.Figure).ShouldBe(Enum.GetValues<MatterFigure>());
}
