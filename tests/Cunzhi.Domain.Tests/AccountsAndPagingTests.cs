using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Domain.Tests;

public sealed class RolesTests
{
    [Theory]
    [InlineData(Roles.CountyAdmin, RegionLevel.County, null)]
    [InlineData(Roles.CountyAdmin, RegionLevel.Town, "只能绑定到县(区)")]
    [InlineData(Roles.CoordinationOffice, RegionLevel.County, null)]
    [InlineData(Roles.Department, RegionLevel.Village, "只能绑定到县(区)")]
    [InlineData(Roles.TownAdmin, RegionLevel.Town, null)]
    [InlineData(Roles.TownAdmin, RegionLevel.County, "只能绑定到乡镇(街道)")]
    [InlineData(Roles.VillageCadre, RegionLevel.Village, null)]
    [InlineData(Roles.VillageCadre, RegionLevel.VillagerGroup, "只能绑定到村(社区)")]
    [InlineData(Roles.DisciplineInspector, RegionLevel.Town, null)]
    [InlineData(Roles.DisciplineInspector, RegionLevel.Village, "县(区)或乡镇(街道)")]
    [InlineData(Roles.ProvinceViewer, RegionLevel.Province, null)]
    [InlineData(Roles.ProvinceViewer, RegionLevel.County, "只能绑定到省(自治区、直辖市)")]
    [InlineData(Roles.CountyAdmin, RegionLevel.Province, "只能绑定到县(区)")]
    [InlineData("Resident", RegionLevel.Village, "未知角色")]
    [InlineData(Roles.TownAdmin, null, "区划代码无效")]
    public void Binding_an_account_to_a_region(string role, RegionLevel? level, string? error)
    {
        var message = Roles.BindingError(role, level);
        if (error is null) message.ShouldBeNull();
        else message!.ShouldContain(error);
    }

    [Theory]
    [InlineData(new[] { Roles.CountyAdmin }, new[] { Roles.CountyAdmin, Roles.CoordinationOffice, Roles.Department, Roles.TownAdmin, Roles.VillageCadre, Roles.DisciplineInspector })]
    [InlineData(new[] { Roles.TownAdmin }, new[] { Roles.VillageCadre })]
    [InlineData(new[] { Roles.ProvinceViewer }, new string[0])]
    [InlineData(new[] { Roles.VillageCadre }, new string[0])]
    [InlineData(new[] { Roles.DisciplineInspector, Roles.Department }, new string[0])]
    public void Who_may_grant_which_role(string[] actor, string[] grantable) => Roles.Grantable(actor).ShouldBe(grantable);

    [Fact]
    public void Every_role_has_a_Chinese_name() =>
        Roles.All.ShouldAllBe(r => Roles.DisplayName(r) != r);
}

public sealed class PageRequestTests
{
    [Theory]
    [InlineData(null, null, 1, 20, 0)]
    [InlineData(3, 10, 3, 10, 20)]
    [InlineData(0, 0, 1, 20, 0)]
    [InlineData(-5, -1, 1, 20, 0)]
    [InlineData(2, 100000, 2, 200, 200)]
    [InlineData(int.MaxValue, 200, PageRequest.MaxPage, 200, (PageRequest.MaxPage - 1) * 200)]
    public void Out_of_range_input_is_clamped(int? page, int? size, int expectedPage, int expectedSize, int skip)
    {
        var p = new PageRequest(page, size);
        (p.Page, p.Size, p.Skip).ShouldBe((expectedPage, expectedSize, skip));
    }

    [Theory]
    [InlineData(0, 20, 1)]
    [InlineData(20, 20, 1)]
    [InlineData(21, 20, 2)]
    [InlineData(208, 20, 11)]
    public void Page_count(long total, int size, int pages) => new PageRequest(1, size).PageCount(total).ShouldBe(pages);
}
