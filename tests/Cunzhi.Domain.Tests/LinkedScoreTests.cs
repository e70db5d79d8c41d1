using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Points;

namespace Cunzhi.Domain.Tests;

public sealed class LinkedScoreTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // from, to (null: current), year → days of the year the link held
    [InlineData("2025-01-01", null, 2025, 365)]
    [InlineData("2024-06-01", null, 2025, 365)]
    [InlineData("2025-07-01", null, 2025, 184)]
    [InlineData("2025-01-01", "2025-01-31", 2025, 31)]
    [InlineData("2024-01-01", "2024-12-31", 2025, 0)]
    [InlineData("2026-01-01", null, 2025, 0)]
    [InlineData("2024-01-01", null, 2024, 366)]
    [InlineData("2025-12-31", "2025-12-31", 2025, 1)]
    public void Days_linked_in_a_year(string from, string? to, int year, int days) =>
        LinkedScore.DaysInYear(D(from), to is null ? null : D(to), year).ShouldBe(days);

    private static MemberHouseholdLink Link(long household, string from, string? to) =>
        new() { RegionCode = "360922106208", ResidentId = 1, HouseholdId = household, FromDate = D(from), ToDate = to is null ? null : D(to) };

    [Fact]
    public void A_household_linked_twice_in_a_year_adds_its_periods()
    {
        var days = LinkedScore.HouseholdDays([Link(7, "2025-01-01", "2025-01-31"), Link(7, "2025-03-01", "2025-03-31"), Link(8, "2024-01-01", "2024-12-31")], 2025);
        days.ShouldBe([(7L, 62)]);
    }

    [Theory]
    // own, households as "days:points,…", rule, weight → score
    [InlineData(10, "365:20,365:40", LinkedScoreRule.None, 0, "10")]
    [InlineData(10, "365:20,365:40", LinkedScoreRule.Average, 0, "40")]
    [InlineData(10, "365:20,365:40", LinkedScoreRule.Weighted, 50, "25")]
    [InlineData(10, "", LinkedScoreRule.Average, 0, "10")]
    [InlineData(0, "300:10,65:-5", LinkedScoreRule.Average, 0, "7.3")]
    [InlineData(5, "31:12", LinkedScoreRule.Weighted, 25, "8")]
    [InlineData(-3, "365:1,365:2", LinkedScoreRule.Weighted, 33, "-2.5")]
    public void A_members_score_under_the_county_rule(int own, string households, LinkedScoreRule rule, int weight, string expected)
    {
        var linked = households.Split(',', StringSplitOptions.RemoveEmptyEntries).Select((h, i) =>
        {
            var p = h.Split(':');
            return new LinkedHousehold(i + 1, int.Parse(p[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(p[1], System.Globalization.CultureInfo.InvariantCulture));
        }).ToList();
        LinkedScore.Score(own, linked, rule, weight).Score.ShouldBe(decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_partial_year_household_weighs_by_its_days()
    {
        // 300 days at 10 and 65 days at -5: (3000 - 325) / 365 = 7.33 → 7.3
        LinkedScore.Score(0, [new(1, 300, 10), new(2, 65, -5)], LinkedScoreRule.Average, 0).LinkedAverage.ShouldBe(7.3m);
    }

    [Fact]
    public void Equal_scores_share_a_place()
    {
        var ranked = LinkedScore.Rank([("a", 5m), ("b", 9m), ("c", 5m), ("d", 1m)], x => x.Item2, x => x.Item1[0]);
        ranked.Select(r => (r.Item.Item1, r.Place)).ShouldBe([("b", 1), ("a", 2), ("c", 2), ("d", 4)]);
    }

    [Theory]
    [InlineData(LinkedScoreRule.Weighted, 0, "权重应在 1% 至 100% 之间")]
    [InlineData(LinkedScoreRule.Weighted, 101, "权重应在 1% 至 100% 之间")]
    [InlineData((LinkedScoreRule)9, 0, "请选择党员积分联农户的计算方式")]
    public void A_catalogue_with_a_bad_link_rule_is_refused(LinkedScoreRule rule, int weight, string message)
    {
        var p = new PointsPolicy { CountyCode = "360922", Items = PointsPolicy.DefaultItems(), LinkedRule = rule, LinkWeightPercent = weight };
        p.Problems().ShouldContain(x => x.Contains(message));
    }
}

public sealed class PointsCapsTests
{
    private static readonly PointsItem Capped = new("A03", "好人好事", PointsSign.Earn, 10, PointsHolderKind.Household, true, 30);

    private static PointsCapUsage Row(int used) => new() { RegionCode = "360922106208", ItemCode = "A03", Year = 2026, Used = used, Cap = 30 };

    [Theory]
    // used before, points → used after, or the refusal
    [InlineData(0, 10, "10")]
    [InlineData(20, 10, "30")]
    [InlineData(21, 10, "条目“好人好事”每年最多 30 分，该对象 2026 年已审核通过 21 分，不能再通过 10 分")]
    [InlineData(30, -10, "条目“好人好事”每年最多 30 分，该对象 2026 年已审核通过 30 分，不能再通过 10 分")]
    public void An_approval_takes_from_the_cap(int used, int points, string expected)
    {
        var row = Row(used);
        if (int.TryParse(expected, out var after))
        {
            PointsCaps.Take(row, Capped, points);
            row.Used.ShouldBe(after);
        }
        else Should.Throw<RuleException>(() => PointsCaps.Take(row, Capped, points)).Message.ShouldBe(expected);
    }

    [Fact]
    public void An_item_without_a_cap_takes_nothing()
    {
        var row = Row(0);
        PointsCaps.Take(row, Capped with { YearCap = null }, 500);
        row.Used.ShouldBe(0);
    }

    [Theory]
    [InlineData(30, 10, 20)]
    [InlineData(5, -10, 0)]
    public void A_void_or_reversal_gives_back(int used, int points, int after)
    {
        var row = Row(used);
        PointsCaps.GiveBack(row, points);
        row.Used.ShouldBe(after);
    }
}

public sealed class PointsProposersTests
{
    [Theory]
    // kind, proposer id, holder, on the net (null: nobody) → refusal, or "" when accepted
    [InlineData(PointsProposer.VillageCadre, null, PointsHolderKind.Household, true, "")]
    [InlineData(PointsProposer.VillageCadre, 5L, PointsHolderKind.Household, true, "村干部本人提出时不需填写提出人")]
    [InlineData(PointsProposer.GridMember, 5L, PointsHolderKind.Household, true, "")]
    [InlineData(PointsProposer.GridMember, null, PointsHolderKind.Household, true, "请选择代为提出的网格员")]
    [InlineData(PointsProposer.GridMember, 5L, PointsHolderKind.Household, false, "该网格员目前不负责这户所在的网格，不能作为提出人")]
    [InlineData(PointsProposer.LinkedPartyMember, 5L, PointsHolderKind.Household, false, "该党员目前没有联系这户，不能作为提出人")]
    [InlineData(PointsProposer.LinkedPartyMember, 5L, PointsHolderKind.Household, null, "本村没有这位联户党员")]
    [InlineData(PointsProposer.LinkedPartyMember, 5L, PointsHolderKind.PartyMember, true, "联户党员只能为其负责的农户提出积分，党员积分由村干部提出")]
    [InlineData((PointsProposer)7, null, PointsHolderKind.Household, true, "请选择提出人类别（村干部、网格员或联户党员）")]
    public void A_named_proposer_must_be_on_the_net(PointsProposer kind, long? id, PointsHolderKind holder, bool? onNet, string refusal)
    {
        if (refusal == "") Should.NotThrow(() => PointsProposers.Check(kind, id, holder, onNet));
        else Should.Throw<RuleException>(() => PointsProposers.Check(kind, id, holder, onNet)).Message.ShouldBe(refusal);
    }
}
