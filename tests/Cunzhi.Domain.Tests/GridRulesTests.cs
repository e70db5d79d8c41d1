using Cunzhi.Domain.Common;
using Cunzhi.Domain.Grid;

namespace Cunzhi.Domain.Tests;

public sealed class GridRulesTests
{
    private const string Village = "360922106208";
    private const string Group = "360922106208001";
    private const string OtherVillageGroup = "360922106200001";
    private const string Grid = "360922106208901";
    private static readonly DateOnly D = new(2026, 3, 1);

    [Theory]
    [InlineData(Group, true, Village, true, null, null, null)]                                   // valid
    [InlineData(OtherVillageGroup, true, Village, true, null, null, "grid.group")]              // group of another village
    [InlineData(Grid, true, Village, true, null, null, "grid.group")]                           // a grid, not a group
    [InlineData(Group, false, Village, true, null, null, "grid.group")]                         // group not registered
    [InlineData(Group, true, "360922106200", true, null, null, "grid.same_village")]            // cadre of another village
    [InlineData(Group, true, Village, false, null, null, "grid.not_serving")]                   // cadre has left office
    [InlineData(Group, true, Village, true, "2026-02-28", null, "grid.dates")]                  // to before from
    [InlineData(Group, true, Village, true, null, "钟德福", "grid.group_taken")]                 // group already has a current cadre
    [InlineData(Group, true, Village, true, "2026-06-30", "钟德福", null)]                       // an ended (historic) link may overlap
    public void A_cadre_group_link_must_be_in_one_village_with_one_current_cadre(string group, bool exists, string cadreVillage, bool serving, string? to, string? current,
        string? problem)
    {
        var problems = GridRules.CheckCadreLink(new CadreLinkCase(Village, group, exists, cadreVillage, serving, D, to is null ? null : DateOnly.Parse(to), current));
        if (problem is null) problems.ShouldBeEmpty();
        else problems.Select(p => p.Code).ShouldBe([problem]);
    }

    [Theory]
    [InlineData(Village, Village, true, false, null, 0, 15, null)]                     // valid
    [InlineData("360922106200", Village, true, false, null, 0, 15, "grid.same_village")]  // household of another village
    [InlineData(Village, "360922106200", true, false, null, 0, 15, "grid.same_village")]  // member of another village
    [InlineData(Village, Village, false, false, null, 0, 15, "grid.not_member")]          // not a Party member
    [InlineData(Village, Village, true, true, null, 0, 15, "grid.own_household")]         // own household
    [InlineData(Village, Village, true, false, "张三", 0, 15, "grid.household_taken")]     // household already linked
    [InlineData(Village, Village, true, false, null, 14, 15, null)]                       // the 15th household: at the maximum
    [InlineData(Village, Village, true, false, null, 15, 15, "grid.over_range")]          // the 16th: over the maximum
    public void A_member_household_link_must_respect_village_membership_and_the_maximum(string householdVillage, string memberVillage, bool isMember, bool own,
        string? current, int load, int max, string? problem)
    {
        var problems = GridRules.CheckMemberLink(new MemberLinkCase(Village, householdVillage, memberVillage, isMember, own, D, null, current, load, max));
        if (problem is null) problems.ShouldBeEmpty();
        else problems.Select(p => p.Code).ShouldBe([problem]);
    }

    [Theory]
    [InlineData(Grid, true, Village, false, null, null)]
    [InlineData(Group, true, Village, false, null, "grid.grid")]
    [InlineData(Grid, true, null, false, null, "grid.same_village")]
    [InlineData(Grid, true, Village, true, null, "grid.not_serving")]
    [InlineData(Grid, true, Village, false, "李四", "grid.grid_taken")]
    public void A_grid_has_one_current_member_of_its_village(string grid, bool exists, string? personVillage, bool notServing, string? current, string? problem)
    {
        var problems = GridRules.CheckGridMember(new GridMemberCase(Village, grid, exists, personVillage, notServing, D, null, current));
        if (problem is null) problems.ShouldBeEmpty();
        else problems.Select(p => p.Code).ShouldBe([problem]);
    }

    [Theory]
    [InlineData(5, 15, 0)]
    [InlineData(1, 1, 0)]
    [InlineData(0, 15, 1)]
    [InlineData(5, 101, 1)]
    [InlineData(16, 15, 1)]
    [InlineData(0, 0, 2)]
    public void The_county_range_is_between_1_and_100_with_min_not_above_max(int min, int max, int problems) =>
        GridRules.RangeProblems(min, max).Count.ShouldBe(problems);

    [Theory]
    [InlineData(4, MemberLoad.Under)]
    [InlineData(5, MemberLoad.Within)]
    [InlineData(15, MemberLoad.Within)]
    [InlineData(16, MemberLoad.Over)]
    public void A_members_load_is_placed_against_the_range(int households, MemberLoad load) => GridRules.Load(households, 5, 15).ShouldBe(load);

    [Theory]
    [InlineData("2026-03-01", null, "2026-03-01", true)]
    [InlineData("2026-03-01", null, "2026-02-28", false)]
    [InlineData("2026-03-01", "2026-03-31", "2026-03-31", true)]
    [InlineData("2026-03-01", "2026-03-31", "2026-04-01", false)]
    public void A_link_holds_from_its_first_to_its_last_day(string from, string? to, string day, bool holds) =>
        NetLinkDates.HoldsOn(DateOnly.Parse(from), to is null ? null : DateOnly.Parse(to), DateOnly.Parse(day)).ShouldBe(holds);

    [Fact]
    public void Ending_a_link_before_its_start_is_refused()
    {
        var link = new CadreGroupLink { RegionCode = Village, GroupCode = Group, CadreId = 1, FromDate = D };
        Should.Throw<RuleException>(() => NetLinkDates.End(link, D.AddDays(-1))).Problems[0].Code.ShouldBe("grid.dates");
        link.ToDate.ShouldBeNull();
    }

    [Fact]
    public void Ending_an_ended_link_is_refused()
    {
        var link = new CadreGroupLink { RegionCode = Village, GroupCode = Group, CadreId = 1, FromDate = D, ToDate = D.AddDays(5) };
        Should.Throw<RuleException>(() => NetLinkDates.End(link, D.AddDays(9))).Problems[0].Code.ShouldBe("grid.link_ended");
        link.ToDate.ShouldBe(D.AddDays(5));
    }

    [Theory]
    [InlineData("2026-03-01", "2026-05-10", "2026-05-10")] // leaves after the link began: ends that day
    [InlineData("2026-06-01", "2026-05-10", "2026-06-01")] // the link was to begin later: it ends on its own start
    public void Leaving_office_closes_a_current_link(string from, string left, string end)
    {
        var link = new CadreGroupLink { RegionCode = Village, GroupCode = Group, CadreId = 1, FromDate = DateOnly.Parse(from) };
        NetLinkDates.CloseOnLeaving(link, DateOnly.Parse(left));
        link.ToDate.ShouldBe(DateOnly.Parse(end));
    }
}

public sealed class NetCoverageTests
{
    private static readonly string[] Groups = ["g1", "g2", "g3", "g4"];
    private static readonly long[] Households = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

    public static TheoryData<string[], (long, long)[], int, int, int, int, int> Cases => new()
    {
        // linked groups, member links (household, member), groups uncovered, households unlinked, members, under, over (range 2–3)
        { [], [], 4, 10, 0, 0, 0 },
        { ["g1", "g2", "g3", "g4"], [], 0, 10, 0, 0, 0 },
        { ["g1", "g1", "gX"], [], 3, 10, 0, 0, 0 },                                           // a duplicate and an unknown group count once / not at all
        { ["g2"], [(1, 100), (2, 100), (3, 200)], 3, 7, 2, 1, 0 },                           // member 200 has 1 (< 2)
        { ["g2"], [(1, 100), (2, 100), (3, 100), (4, 100), (5, 200), (6, 200)], 3, 4, 2, 0, 1 }, // member 100 has 4 (> 3)
        { ["g2"], [(1, 100), (1, 100), (99, 100)], 3, 9, 1, 1, 0 },                          // the same link twice and an unknown household count once
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Coverage_counts_uncovered_groups_unlinked_households_and_members_off_range(string[] linkedGroups, (long, long)[] links, int groupsUncovered,
        int unlinked, int members, int under, int over)
    {
        var c = NetCoverage.Compute(Groups, linkedGroups, Households, links, 2, 3);
        (c.Groups, c.GroupsWithoutCadre, c.Households, c.HouseholdsWithoutMember, c.Members, c.MembersUnder, c.MembersOver)
            .ShouldBe((4, groupsUncovered, 10, unlinked, members, under, over));
    }

    [Fact]
    public void Coverage_of_regions_adds_up()
    {
        var a = NetCoverage.Compute(["a1", "a2"], ["a1"], [1, 2], [(1, 10)], 1, 1);
        var b = NetCoverage.Compute(["b1"], [], [3, 4, 5], [], 1, 1);
        var sum = a.Add(b);
        (sum.Groups, sum.GroupsWithoutCadre, sum.Households, sum.HouseholdsWithoutMember, sum.Members).ShouldBe((3, 2, 5, 4, 1));
        sum.GroupPercent.ShouldBe(33.3m);
        sum.HouseholdPercent.ShouldBe(20m);
    }
}
