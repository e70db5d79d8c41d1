using Cunzhi.Domain.Ranks;

namespace Cunzhi.Domain.Tests;

public sealed class RankHistoryTests
{
    [Theory]
    [InlineData("2026-03-01", "2026-04-01")]
    [InlineData("2026-03-31", "2026-04-01")]
    [InlineData("2026-12-31", "2027-01-01")] // across the year
    [InlineData("2024-02-29", "2024-03-01")]
    [InlineData("2026-01-15", "2026-02-01")]
    public void Approved_in_month_M_takes_effect_on_the_first_of_M_plus_1(string approved, string effective) =>
        RankHistory.EffectiveFromApproval(DateOnly.Parse(approved)).ShouldBe(DateOnly.Parse(effective));

    private static RankChange Change(long id, int from, int to, string effective) => new()
    {
        Id = id, CadreId = 1, RegionCode = "360922106208", FromRank = from, ToRank = to, EffectiveFrom = DateOnly.Parse(effective),
        Kind = to < from ? RankChangeKind.Promotion : to > from ? RankChangeKind.Demotion : RankChangeKind.Initial, Reason = "测试", DecidedBy = "t",
    };

    [Theory]
    [InlineData("2026-01-31", 13)] // before the first change: its FromRank
    [InlineData("2026-02-01", 12)]
    [InlineData("2026-06-30", 12)]
    [InlineData("2026-07-01", 11)]
    [InlineData("2027-01-01", 12)] // demoted
    [InlineData("2030-01-01", 12)]
    public void The_rank_in_force_is_the_latest_change_effective_on_the_date(string date, int rank)
    {
        RankChange[] history = [Change(3, 11, 12, "2027-01-01"), Change(1, 13, 12, "2026-02-01"), Change(2, 12, 11, "2026-07-01")];
        RankHistory.RankInForce(history, currentRank: 12, DateOnly.Parse(date)).ShouldBe(rank);
    }

    [Fact]
    public void Without_history_the_cadre_records_rank_is_in_force() =>
        RankHistory.RankInForce([], currentRank: 10, new DateOnly(2026, 5, 1)).ShouldBe(10);

    [Theory]
    [InlineData(13, 100_00, 0)]
    [InlineData(12, 100_00, 100_00)]
    [InlineData(1, 100_00, 1200_00)]
    [InlineData(7, 150_00, 900_00)]
    public void The_allowance_is_thirteen_minus_rank_times_the_step(int rank, long step, long fen) =>
        RankHistory.AllowanceFen(rank, step).ShouldBe(fen);

    [Theory]
    [InlineData(0)]
    [InlineData(14)]
    public void Ranks_outside_the_ladder_are_refused(int rank) =>
        Should.Throw<ArgumentOutOfRangeException>(() => RankHistory.AllowanceFen(rank, 100_00));

    [Fact]
    public void The_policy_in_force_is_the_latest_published_version_effective_on_the_date()
    {
        RankPolicy[] versions =
        [
            new() { CountyCode = "360922000000", Version = 1, EffectiveFrom = new(2025, 1, 1), IsPublished = true, AllowanceStepFen = 100_00 },
            new() { CountyCode = "360922000000", Version = 2, EffectiveFrom = new(2026, 1, 1), IsPublished = true, AllowanceStepFen = 120_00 },
            new() { CountyCode = "360922000000", Version = 3, EffectiveFrom = new(2026, 6, 1), IsPublished = false, AllowanceStepFen = 200_00 },
        ];
        RankPolicy.InForce(versions, new(2024, 12, 31)).ShouldBeNull();
        RankPolicy.InForce(versions, new(2025, 12, 31))!.Version.ShouldBe(1);
        RankPolicy.InForce(versions, new(2026, 7, 1))!.Version.ShouldBe(2); // a draft is never in force
    }
}
