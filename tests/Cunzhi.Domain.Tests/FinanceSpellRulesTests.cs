using Cunzhi.Domain.Disclosure;

namespace Cunzhi.Domain.Tests;

/// <summary>Which busy-finance spells may be declared beside a village's others: whole quarters, not reversed, at most five years, no overlap.</summary>
public sealed class FinanceSpellRulesTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);
    private static DateOnly? N(string? s) => s is null ? null : D(s);

    [Theory]
    // from, until, other spell (from, until) → the problem codes, "" when none
    [InlineData("2026-04-01", "2026-06-30", null, null, "")]
    [InlineData("2026-04-01", null, null, null, "")]
    [InlineData("2026-04-15", null, null, null, "disclosure.spell-from")]
    [InlineData("2026-04-01", "2026-03-31", null, null, "disclosure.spell-until")]
    [InlineData("2026-04-01", "2026-05-31", null, null, "disclosure.spell-until")]
    [InlineData("2026-04-01", "2031-03-31", null, null, "")]
    [InlineData("2026-04-01", "2031-06-30", null, null, "disclosure.spell-long")]
    [InlineData("2026-07-01", "2026-09-30", "2026-01-01", "2026-06-30", "")]
    [InlineData("2026-04-01", "2026-09-30", "2026-01-01", "2026-06-30", "disclosure.spell-overlap")]
    [InlineData("2030-01-01", null, "2026-01-01", null, "disclosure.spell-overlap")]
    [InlineData("2025-01-01", "2025-12-31", "2026-01-01", null, "")]
    [InlineData("2025-01-01", null, "2026-01-01", "2026-03-31", "disclosure.spell-overlap")]
    public void A_spell_is_checked_against_its_dates_and_the_villages_others(string from, string? until, string? otherFrom, string? otherUntil, string codes)
    {
        FrequentFinanceSpell[] others = otherFrom is null ? [] : [new(D(otherFrom), N(otherUntil))];
        string.Join(",", FinanceSpellRules.Problems(D(from), N(until), others).Select(p => p.Code)).ShouldBe(codes);
    }

    [Fact]
    public void An_overlap_names_the_other_spell_in_Chinese()
    {
        var p = FinanceSpellRules.Problems(D("2026-04-01"), null, [new(D("2026-01-01"), null)]).Single();
        p.Message.ShouldBe("与该村已认定的时段 2026-01-01 至 今后 重叠");
    }
}
