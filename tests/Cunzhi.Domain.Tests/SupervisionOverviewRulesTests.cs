using Cunzhi.Domain.Supervision;

namespace Cunzhi.Domain.Tests;

/// <summary>监督总览: the period a request asks for (month, quarter, year, refusals) and the open complaints' age bands, table by table.</summary>
public sealed class SupervisionOverviewRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData(null, "Quarter", "2026-10-01", "2026-12-31", "2026-Q4")]
    [InlineData("", "Quarter", "2026-10-01", "2026-12-31", "2026-Q4")]
    [InlineData("month", "Month", "2026-12-01", "2026-12-31", "2026-12")]
    [InlineData("quarter", "Quarter", "2026-10-01", "2026-12-31", "2026-Q4")]
    [InlineData("year", "Year", "2026-01-01", "2026-12-31", "2026")]
    [InlineData("2026-02", "Month", "2026-02-01", "2026-02-28", "2026-02")]
    [InlineData(" 2024-02 ", "Month", "2024-02-01", "2024-02-29", "2024-02")]
    [InlineData("2026-q2", "Quarter", "2026-04-01", "2026-06-30", "2026-Q2")]
    [InlineData("2025", "Year", "2025-01-01", "2025-12-31", "2025")]
    [InlineData("2026-12", "Month", "2026-12-01", "2026-12-31", "2026-12")]
    public void A_period_is_read(string? text, string kind, string from, string to, string key)
    {
        var (period, problem) = SupervisionOverviewRules.Period(text, Today);
        problem.ShouldBeNull();
        period!.Kind.ShouldBe(Enum.Parse<OverviewPeriodKind>(kind));
        period.From.ShouldBe(DateOnly.Parse(from));
        period.To.ShouldBe(DateOnly.Parse(to));
        period.Key.ShouldBe(key);
    }

    [Theory]
    [InlineData("2026-13", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("2026-00", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("2026-Q5", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("2026-Q0", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("1999", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("2101-01", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("abc", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("2026-1", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("２０２６", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("-202", SupervisionOverviewRules.PeriodFormat)]
    [InlineData("2027-01", SupervisionOverviewRules.PeriodFuture)]
    [InlineData("2027", SupervisionOverviewRules.PeriodFuture)]
    public void A_bad_period_is_refused(string text, string message)
    {
        var (period, problem) = SupervisionOverviewRules.Period(text, Today);
        period.ShouldBeNull();
        problem.ShouldBe(message);
    }

    [Theory]
    [InlineData("2026-12", "2026-11", "2027-01", "2026年12月")]
    [InlineData("2026-Q1", "2025-Q4", "2026-Q2", "2026年第1季度")]
    [InlineData("2025", "2024", "2026", "2025年")]
    public void A_period_knows_its_neighbours_and_label(string key, string previous, string next, string label)
    {
        var p = SupervisionOverviewRules.Period(key, Today).Period!;
        p.Previous.Key.ShouldBe(previous);
        p.Next.Key.ShouldBe(next);
        p.Label.ShouldBe(label);
    }

    [Theory]
    [InlineData("2026-12-08", 0)]
    [InlineData("2026-12-07", 0)]
    [InlineData("2026-11-22", 0)]
    [InlineData("2026-11-21", 1)]
    [InlineData("2026-11-07", 1)]
    [InlineData("2026-11-06", 2)]
    [InlineData("2026-10-08", 2)]
    [InlineData("2026-10-07", 3)]
    [InlineData("2020-01-01", 3)]
    public void An_open_complaint_falls_in_its_age_band(string filed, int band) =>
        SupervisionOverviewRules.ComplaintAgeBand(DateOnly.Parse(filed), Today).ShouldBe(band);

    [Theory]
    [InlineData(3, 1, 0, 75.0)]
    [InlineData(0, 0, 2, 0.0)]
    [InlineData(1, 1, 1, 33.3)]
    [InlineData(0, 0, 0, null)]
    public void The_on_time_share_counts_only_settled_items(int onTime, int late, int overdue, double? percent) =>
        SupervisionOverviewRules.OnTimePercent(onTime, late, overdue).ShouldBe(percent);
}
