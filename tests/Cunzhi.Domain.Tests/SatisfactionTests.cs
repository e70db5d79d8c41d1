using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Shouldly;

namespace Cunzhi.Domain.Tests;

public sealed class SatisfactionTests
{
    [Theory]
    [InlineData(8, 1, 1, "0.9")]
    [InlineData(0, 0, 5, "0")]
    [InlineData(3, 3, 0, "1")]
    [InlineData(1, 0, 2, "0.3333333333333333333333333333")]
    public void Satisfaction_rate_counts_satisfied_and_basically_satisfied_over_valid_ballots(int s, int b, int d, string expected)
        => PublicEvaluationResult.Rate(s, b, d).ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public void No_ballot_gives_no_rate_rather_than_zero()
        => PublicEvaluationResult.Rate(0, 0, 0).ShouldBeNull();

    [Theory]
    [InlineData(-1, 0, 0, 5, 1)]
    [InlineData(1, 1, 1, 2, 3)]
    public void Impossible_tallies_are_refused(int s, int b, int d, int issued, int used)
        => Should.Throw<RuleException>(() => PublicEvaluationResult.Close(1, 1, "360922106208", 2026, s, b, d, issued, used));

    [Fact]
    public void Turnout_is_used_codes_over_issued_codes()
        => PublicEvaluationResult.Close(1, 1, "360922106208", 2026, 10, 5, 5, 40, 20).Turnout.ShouldBe(0.5m);
}
