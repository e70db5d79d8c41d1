using Cunzhi.Domain.Care;

namespace Cunzhi.Domain.Tests;

public sealed class CareRulesTests
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    [Theory]
    [InlineData("中国人寿", "P-1", "2026-01-01", "2026-12-31", 3, null)]
    [InlineData("", "P-1", "2026-01-01", "2026-12-31", 3, "care.insurer")]
    [InlineData("中国人寿", " ", "2026-01-01", "2026-12-31", 3, "care.number")]
    [InlineData("中国人寿", "P-1", "2026-12-31", "2026-01-01", 3, "care.period")]
    [InlineData("中国人寿", "P-1", "2026-01-01", "2029-12-31", 3, "care.period")]
    [InlineData("中国人寿", "P-1", "2026-01-01", "2026-12-31", 0, "care.insured")]
    [InlineData("中国人寿", "P-1", "2026-01-01", "2026-12-31", CareRules.MaxInsured + 1, "care.insured")]
    public void A_policy_is_refused_for_each_missing_or_wrong_part(string insurer, string number, string from, string to, int insured, string? code)
    {
        var problems = CareRules.PolicyProblems(insurer, number, DateOnly.Parse(from), DateOnly.Parse(to), insured);
        problems.Select(p => p.Code).ShouldBe(code is null ? [] : [code]);
    }

    [Fact]
    public void A_policy_with_every_part_wrong_lists_every_problem() =>
        CareRules.PolicyProblems(null, null, Today, Today.AddDays(-1), 0).Select(p => p.Code)
            .ShouldBe(["care.insurer", "care.number", "care.period", "care.insured"]);

    [Theory]
    [InlineData(0, true)]    // ends today
    [InlineData(29, true)]   // the 30th day counting today
    [InlineData(30, false)]
    [InlineData(-1, false)]  // already ended
    [InlineData(200, false)]
    public void A_policy_expires_soon_when_it_ends_within_thirty_days_counting_today(int daysLeft, bool soon) =>
        CareRules.ExpiresSoon(Today.AddDays(daysLeft), Today).ShouldBe(soon);

    [Theory]
    [InlineData(0, false)]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void The_warning_window_ends_thirty_days_after_today(int daysLeft, bool outside) =>
        (Today.AddDays(daysLeft) >= CareRules.WarningEnd(Today)).ShouldBe(outside);

    [Theory]
    [InlineData("2026-01-01", "2026-12-31", "2026-01-01", true)]
    [InlineData("2026-01-01", "2026-12-31", "2026-12-31", true)]
    [InlineData("2026-01-01", "2026-12-31", "2025-12-31", false)]
    [InlineData("2026-01-01", "2026-12-31", "2027-01-01", false)]
    public void A_policy_covers_the_days_of_its_period_inclusive(string from, string to, string day, bool covers) =>
        CareRules.Covers(DateOnly.Parse(from), DateOnly.Parse(to), DateOnly.Parse(day)).ShouldBe(covers);

    [Theory]
    [InlineData(0, "县委组织部", null)]
    [InlineData(-100, "乡镇卫生院", null)]
    [InlineData(1, "县委组织部", "care.check_date")]
    [InlineData(0, "", "care.organiser")]
    public void A_health_check_is_refused_when_dated_after_today_or_without_organiser(int offset, string organiser, string? code) =>
        CareRules.HealthCheckProblems(Today.AddDays(offset), organiser, Today).Select(p => p.Code).ShouldBe(code is null ? [] : [code]);

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 0, 0)]
    [InlineData(3, 1, 33.3)]
    [InlineData(3, 3, 100)]
    public void Coverage_is_the_share_of_cadres_in_office_rounded_to_one_decimal(int inOffice, int covered, double percent) =>
        new CareCoverage(inOffice, covered).Percent.ShouldBe((decimal)percent);
}
