using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Tests;

public sealed class RegionCodesTests
{
    public static TheoryData<string?, RegionLevel?> Levels => new()
    {
        { "360922000000", RegionLevel.County },
        { "360922106000", RegionLevel.Town },
        { "360922106208", RegionLevel.Village },
        { "360922001001", RegionLevel.Village },       // community under a sub-district
        { "360922106208001", RegionLevel.VillagerGroup },
        { "360922106208899", RegionLevel.VillagerGroup },
        { "360922106208901", RegionLevel.Grid },
        { "360922106208000", null },                    // 000 is no group
        { "360922106208900", null },                    // 900 separates groups from grids
        { "360922106000001", null },                    // groups hang under villages only
        { "110101000000", RegionLevel.County },         // 东城区: a municipality's district
        { "360900000000", null },                       // prefecture level is not served
        { "360000000000", RegionLevel.Province },       // 江西省 (issue #19: a province office's statistics)
        { "110000000000", RegionLevel.Province },       // 北京市
        { "990000000000", null },                       // 99 is no province
        { "710000000000", null },                       // not in the statistical division codes
        { "000000000000", null },
        { "36092210620", null },                        // 11 digits
        { "3609221062081", null },                      // 13 digits
        { "36092210620a", null },
        { "", null },
        { null, null },
    };

    [Theory, MemberData(nameof(Levels))]
    public void Level_of_a_code(string? code, RegionLevel? expected) => RegionCodes.LevelOf(code).ShouldBe(expected);

    [Theory]
    [InlineData("360000000000", "36")]
    [InlineData("360922000000", "360922")]
    [InlineData("360922106000", "360922106")]
    [InlineData("360922106208", "360922106208")]
    [InlineData("360922106208901", "360922106208901")]
    public void Scope_prefix_keeps_the_significant_digits(string code, string prefix) => RegionCodes.ScopePrefix(code).ShouldBe(prefix);

    [Theory]
    [InlineData("360922106208", "360922000000", true)]
    [InlineData("360922106208", "360922106000", true)]
    [InlineData("360922106208003", "360922106208", true)]
    [InlineData("360922200201", "360922106000", false)]
    [InlineData("360922000000", "360922106000", false)]   // a town does not contain its county
    [InlineData("360923100200", "360922000000", false)]   // the neighbouring county
    [InlineData("360922106208", "360000000000", true)]    // a village of 江西 lies in the province
    [InlineData("360922000000", "360000000000", true)]
    [InlineData("430522000000", "360000000000", false)]   // another province's county
    public void Within(string code, string ancestor, bool expected) => RegionCodes.IsWithin(code, ancestor).ShouldBe(expected);

    [Theory]
    [InlineData("360922106000", "360922000000")]
    [InlineData("360922106208", "360922106000")]
    [InlineData("360922106208002", "360922106208")]
    public void Parent_of_a_code(string code, string parent) => RegionCodes.ParentOf(code).ShouldBe(parent);

    [Fact]
    public void A_county_has_no_parent() => RegionCodes.ParentOf("360922000000").ShouldBeNull();

    [Fact]
    public void A_province_has_no_parent_county_or_town_and_is_named_from_the_national_table()
    {
        RegionCodes.ParentOf("360000000000").ShouldBeNull();
        RegionCodes.CountyOf("360000000000").ShouldBeNull();
        RegionCodes.TownOf("360000000000").ShouldBeNull();
        RegionCodes.ChildLevels(RegionLevel.Province).ShouldBeEmpty();
        ProvinceNames.Of("360922106208").ShouldBe("江西省");
        ProvinceNames.CodeOf("360922000000").ShouldBe("360000000000");
        ProvinceNames.Of("990000000000").ShouldBeNull();
        RegionCodes.DisplayName(RegionLevel.Province).ShouldBe("省(自治区、直辖市)");
    }

    [Fact]
    public void A_bad_code_is_refused_in_Chinese() =>
        Should.Throw<ArgumentException>(() => RegionCodes.ScopePrefix("12")).Message.ShouldContain("不是有效的区划代码");

    [Fact]
    public void New_groups_and_grids_take_the_first_free_number_of_their_range()
    {
        const string v = "360922106208";
        RegionCodes.NextSubVillageCode(v, RegionLevel.VillagerGroup, []).ShouldBe(v + "001");
        RegionCodes.NextSubVillageCode(v, RegionLevel.VillagerGroup, [v + "001", v + "002", v + "004", v + "901"]).ShouldBe(v + "003");
        RegionCodes.NextSubVillageCode(v, RegionLevel.Grid, [v + "001", v + "901"]).ShouldBe(v + "902");
        RegionCodes.NextSubVillageCode(v, RegionLevel.Grid, Enumerable.Range(901, 99).Select(n => v + n)).ShouldBeNull();
    }

    [Fact]
    public void Only_a_village_gets_groups_and_grids() =>
        Should.Throw<ArgumentException>(() => RegionCodes.NextSubVillageCode("360922106000", RegionLevel.Grid, []));

    [Theory]
    [InlineData(RegionLevel.County, new[] { RegionLevel.Town })]
    [InlineData(RegionLevel.Town, new[] { RegionLevel.Village })]
    [InlineData(RegionLevel.Village, new[] { RegionLevel.VillagerGroup, RegionLevel.Grid })]
    [InlineData(RegionLevel.Grid, new RegionLevel[0])]
    public void Child_levels(RegionLevel parent, RegionLevel[] children) => RegionCodes.ChildLevels(parent).ShouldBe(children);

    public static TheoryData<string?, string?, string?> CountyAndTown => new()
    {
        { "360922000000", "360922000000", null },                 // a county is its own county and lies in no town
        { "360922106000", "360922000000", "360922106000" },       // a town is its own town
        { "360922106208", "360922000000", "360922106000" },
        { "360922106208001", "360922000000", "360922106000" },    // villager group
        { "360922106208901", "360922000000", "360922106000" },    // grid
        { "360900000000", null, null },                           // malformed: no answer rather than a wrong one
        { "36092210620", null, null },
        { "", null, null },
        { null, null, null },
    };

    [Theory, MemberData(nameof(CountyAndTown))]
    public void County_and_town_of_a_code(string? code, string? county, string? town)
    {
        RegionCodes.CountyOf(code).ShouldBe(county);
        RegionCodes.TownOf(code).ShouldBe(town);
    }

    [Theory]
    [InlineData("360922106208", "360922", "360922106")]
    [InlineData("360922106208901", "360922", "360922106")]
    public void County_and_town_prefixes_are_the_leading_digits(string code, string county, string town)
    {
        RegionCodes.CountyPrefix(code).ShouldBe(county);
        RegionCodes.TownPrefix(code).ShouldBe(town);
        RegionCodes.CountyPrefix(code).ShouldBe(RegionCodes.ScopePrefix(RegionCodes.CountyOf(code)!));
        RegionCodes.TownPrefix(code).ShouldBe(RegionCodes.ScopePrefix(RegionCodes.TownOf(code)!));
    }

    [Fact]
    public void Towns_are_the_town_level_regions_in_code_order_optionally_within_a_region()
    {
        Region R(string code, RegionLevel level) => new() { Code = code, Name = code, Level = level };
        var regions = new[]
        {
            R("360922000000", RegionLevel.County), R("360922107000", RegionLevel.Town), R("360922106000", RegionLevel.Town),
            R("360922106208", RegionLevel.Village), R("360923101000", RegionLevel.Town),
        }.AsQueryable();
        regions.Towns().Select(r => r.Code).ShouldBe(["360922106000", "360922107000", "360923101000"]);
        regions.Towns("360922000000").Select(r => r.Code).ShouldBe(["360922106000", "360922107000"]);
        regions.Towns("360922106000").Select(r => r.Code).ShouldBe(["360922106000"]);
    }
}
