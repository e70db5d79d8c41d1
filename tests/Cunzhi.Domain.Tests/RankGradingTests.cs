using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Tests;

public sealed class RankGradingTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // in office, history, took office, rank, effective, today → the problems, joined by '|'
    [InlineData(true, false, "2020-05-01", 10, "2026-12-01", "2026-12-03", "")]
    [InlineData(true, false, "2020-05-01", 13, "2027-01-01", "2026-12-03", "")]
    [InlineData(true, false, "2020-05-01", 1, "2024-01-01", "2026-12-03", "")]
    [InlineData(true, false, "2026-11-01", 13, "2026-11-01", "2026-12-03", "")]
    [InlineData(true, false, "2026-12-31", 13, "2027-01-01", "2026-12-31", "")]
    [InlineData(false, false, "2020-05-01", 10, "2026-12-01", "2026-12-03", "不在任，不能定级")]
    [InlineData(true, true, "2020-05-01", 10, "2026-12-01", "2026-12-03", "已定级：职级变动须走晋升或降级")]
    [InlineData(true, false, "2020-05-01", 0, "2026-12-01", "2026-12-03", "职级应在 1 至 13 之间")]
    [InlineData(true, false, "2020-05-01", 14, "2026-12-01", "2026-12-03", "职级应在 1 至 13 之间")]
    [InlineData(true, false, "2020-05-01", 10, "2026-12-15", "2026-12-03", "定级须从某月 1 日起生效")]
    [InlineData(true, false, "2020-05-01", 10, "2027-02-01", "2026-12-03", "生效日期不能晚于 2027-01-01")]
    [InlineData(true, false, "2020-05-01", 10, "2027-02-01", "2026-12-31", "生效日期不能晚于 2027-01-01")]
    [InlineData(true, false, "2020-05-01", 10, "2027-02-01", "2027-01-01", "")]
    [InlineData(true, false, "2026-03-15", 12, "2026-03-01", "2026-12-03", "2026-03-15 任职，定级最早从 2026-04-01 起生效")]
    [InlineData(true, false, "2026-03-15", 12, "2026-04-01", "2026-12-03", "")]
    [InlineData(true, false, "2026-03-01", 12, "2026-03-01", "2026-12-03", "")]
    [InlineData(true, false, "2026-03-02", 12, "2026-03-01", "2026-12-03", "2026-03-02 任职，定级最早从 2026-04-01 起生效")]
    [InlineData(false, true, "2026-03-15", 20, "2026-03-01", "2026-12-03", "不在任，不能定级|已定级：职级变动须走晋升或降级|职级应在 1 至 13 之间|2026-03-15 任职，定级最早从 2026-04-01 起生效")]
    public void Every_problem_is_listed(bool inOffice, bool history, string took, int rank, string effective, string today, string expected) =>
        string.Join('|', RankGrading.Check(inOffice, history, D(took), rank, D(effective), D(today))).ShouldBe(expected);

    [Theory]
    [InlineData("2026-03-01", "2026-03-01")]
    [InlineData("2026-03-02", "2026-04-01")]
    [InlineData("2026-03-15", "2026-04-01")]
    [InlineData("2026-03-31", "2026-04-01")]
    [InlineData("2026-12-31", "2027-01-01")]
    [InlineData("2024-02-29", "2024-03-01")]
    public void A_rank_starts_on_the_first_1st_in_office(string took, string first) => RankGrading.FirstEffectiveDate(D(took)).ShouldBe(D(first));
}
