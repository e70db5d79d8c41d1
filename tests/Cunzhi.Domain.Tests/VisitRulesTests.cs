using Cunzhi.Domain.Common;
using Cunzhi.Domain.Visits;

namespace Cunzhi.Domain.Tests;

public sealed class VisitRulesTests
{
    private static IReadOnlyList<PlannedHousehold> Households(int n) =>
        Enumerable.Range(1, n).Select(i => new PlannedHousehold(i, i <= n / 2 ? "360922106208" : "360922106209", null)).ToList();

    private static IReadOnlyList<string> Officials(int k) => Enumerable.Range(1, k).Select(i => $"town.o{i}").ToList();

    [Theory]
    [InlineData(10, 3, new[] { 4, 3, 3 })]
    [InlineData(9, 3, new[] { 3, 3, 3 })]
    [InlineData(2, 3, new[] { 1, 1, 0 })]
    [InlineData(1, 1, new[] { 1 })]
    [InlineData(1001, 4, new[] { 251, 250, 250, 250 })]
    public void Sharing_gives_each_official_a_near_equal_share(int households, int officials, int[] shares)
    {
        var result = VisitRules.Share(Households(households), Officials(officials));
        Officials(officials).Select(o => result.Count(r => r.Official == o)).ShouldBe(shares);
    }

    [Theory]
    [InlineData(10, 3)]
    [InlineData(57, 5)]
    public void Sharing_assigns_every_household_exactly_once(int households, int officials)
    {
        var result = VisitRules.Share(Households(households), Officials(officials));
        result.Select(r => r.Household.HouseholdId).OrderBy(x => x).ShouldBe(Enumerable.Range(1, households).Select(i => (long)i));
    }

    [Fact]
    public void Sharing_keeps_each_share_a_run_of_neighbouring_households()
    {
        var result = VisitRules.Share(Households(12), Officials(3));
        result.Where(r => r.Official == "town.o2").Select(r => r.Household.HouseholdId).ShouldBe([5L, 6, 7, 8]);
    }

    [Theory]
    [InlineData(0, 2, "visits.no_households")]
    [InlineData(5, 0, "visits.officials")]
    public void Sharing_nothing_or_among_nobody_is_refused(int households, int officials, string code) =>
        Should.Throw<RuleException>(() => VisitRules.Share(Households(households), Officials(officials))).Problems.Single().Code.ShouldBe(code);

    [Fact]
    public void Sharing_with_an_official_named_twice_is_refused() =>
        Should.Throw<RuleException>(() => VisitRules.Share(Households(4), ["town.a", "town.a"])).Problems.Single().Code.ShouldBe("visits.officials");

    [Theory]
    [InlineData("2026-12-01", null)]
    [InlineData("2026-12-07", null)]
    [InlineData("2026-11-30", "visits.date_outside")]
    [InlineData("2026-12-21", "visits.date_outside")]
    [InlineData("2026-12-08", "visits.date_future")]
    public void A_visit_day_lies_within_the_round_and_not_after_today(string date, string? code)
    {
        var problems = VisitRules.DateProblems(DateOnly.Parse(date), new(2026, 12, 1), new(2026, 12, 20), new(2026, 12, 7));
        if (code is null) problems.ShouldBeEmpty();
        else problems.Single().Code.ShouldBe(code);
    }

    [Theory]
    [InlineData("名称", "2026-12-01", "2026-12-20", 1, 1, new string[0])]
    [InlineData("", "2026-12-01", "2026-12-20", 1, 1, new[] { "visits.name" })]
    [InlineData("名称", "2026-12-20", "2026-12-01", 1, 1, new[] { "visits.dates" })]
    [InlineData("名称", "2026-01-01", "2027-01-02", 1, 1, new[] { "visits.dates" })]
    [InlineData("名称", "2026-12-01", "2026-12-20", 0, 0, new[] { "visits.villages", "visits.officials" })]
    public void A_round_needs_a_name_sound_dates_villages_and_officials(string name, string from, string to, int villages, int officials, string[] codes) =>
        VisitRules.RoundProblems(name, DateOnly.Parse(from), DateOnly.Parse(to), villages, officials).Select(p => p.Code).ShouldBe(codes);

    [Fact]
    public void Coverage_counts_a_household_visited_twice_once() =>
        VisitRules.Coverage([1, 2, 3, 4], [2, 2, 3]).ShouldBe(new VisitCoverage(4, 2));

    [Fact]
    public void Coverage_ignores_visits_to_households_not_planned() =>
        VisitRules.Coverage([1, 2], [2, 9]).ShouldBe(new VisitCoverage(2, 1));

    [Theory]
    [InlineData(0, 0, 0)]
    [InlineData(3, 1, 33.3)]
    [InlineData(8, 8, 100)]
    public void Coverage_percent_is_visited_over_planned(int planned, int visited, decimal percent) =>
        new VisitCoverage(planned, visited).Percent.ShouldBe(percent);
}
