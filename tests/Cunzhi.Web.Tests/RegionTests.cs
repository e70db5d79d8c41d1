using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>Browsing and editing the region tree and households, through pages and the API.</summary>
public abstract class RegionTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task County_admin_drills_down_from_county_to_town_to_village_with_breadcrumbs()
    {
        var client = await f.PagesAs("county.admin");
        var county = await CunzhiFactory.Html(await client.GetAsync("/Regions"));
        county.QuerySelector("[data-testid=region-name]")!.TextContent.ShouldContain("万载县");
        county.QuerySelectorAll("[data-testid=children] tbody tr").Length.ShouldBe(18 > 20 ? 20 : 18);
        var village = await CunzhiFactory.Html(await client.GetAsync($"/Regions?code={Demo.Naoping}"));
        village.QuerySelectorAll(".breadcrumb-item").Select(b => b.TextContent.Trim()).ShouldBe(["万载县", "三兴镇", "闹坪村"]);
        village.QuerySelector($"a[href='/Regions/Households?code={Demo.Naoping}']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Children_are_searchable_by_name_or_code()
    {
        var api = await f.ApiAs("county.admin");
        var byName = await api.GetFromJsonAsync<Paged<RegionView>>($"/api/v1/regions/{Demo.County}/children?q=三兴", CunzhiFactory.Json);
        byName!.Items.Select(r => r.Code).ShouldBe([Demo.Sanxing]);
        var byCode = await api.GetFromJsonAsync<Paged<RegionView>>($"/api/v1/regions/{Demo.County}/children?q=3609222", CunzhiFactory.Json);
        byCode!.Items.ShouldAllBe(r => r.Code.StartsWith("3609222"));
        var client = await f.PagesAs("county.admin");
        var html = await CunzhiFactory.Html(await client.GetAsync($"/Regions?code={Demo.County}&q=鹅峰"));
        html.QuerySelectorAll("[data-testid=children] tbody tr").Length.ShouldBe(1);
    }

    [Fact]
    public async Task Children_are_paged()
    {
        var api = await f.ApiAs("county.admin");
        var page2 = await api.GetFromJsonAsync<Paged<RegionView>>($"/api/v1/regions/{Demo.County}/children?page=2&pageSize=5", CunzhiFactory.Json);
        page2!.Total.ShouldBe(18);
        page2.PageCount.ShouldBe(4);
        page2.Items.Count.ShouldBe(5);
        var huge = await api.GetFromJsonAsync<Paged<RegionView>>($"/api/v1/regions/{Demo.County}/children?pageSize=100000", CunzhiFactory.Json);
        huge!.PageSize.ShouldBe(Domain.Common.PageRequest.MaxSize);
        var client = await f.PagesAs("county.admin");
        var paged = await CunzhiFactory.Html(await client.GetAsync($"/Regions?code={Demo.Sanxing}&page=2"));
        paged.QuerySelector(".pagination").ShouldBeNull("11 个村一页可显示完");
    }

    [Fact]
    public async Task A_new_group_or_grid_gets_a_code_in_its_levels_range()
    {
        var api = await f.ApiAs("town.sanxing");
        var group = await (await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/children", new { level = "VillagerGroup", name = "新建组" }))
            .Content.ReadFromJsonAsync<RegionView>(CunzhiFactory.Json);
        RegionCodes.LevelOf(group!.Code).ShouldBe(RegionLevel.VillagerGroup);
        group.ParentCode.ShouldBe(Demo.Naoping);
        var grid = await (await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/children", new { level = "Grid", name = "新网格" }))
            .Content.ReadFromJsonAsync<RegionView>(CunzhiFactory.Json);
        RegionCodes.LevelOf(grid!.Code).ShouldBe(RegionLevel.Grid);
    }

    [Fact]
    public async Task A_region_of_the_wrong_level_or_with_a_foreign_or_malformed_code_is_refused()
    {
        var api = await f.ApiAs("town.sanxing");
        // A town cannot be created under a village, and a village code must belong to its town.
        var wrongLevel = await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/children", new { level = "Town", name = "错", code = "360922109000" });
        wrongLevel.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await wrongLevel.Content.ReadAsStringAsync()).ShouldContain("下不能设");
        var county = await f.ApiAs("county.admin");
        var foreign = await county.PostAsJsonAsync($"/api/v1/regions/{Demo.Sanxing}/children", new { level = "Village", name = "外村", code = "360922200299" });
        foreign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("不属于");
        var badCode = await county.PostAsJsonAsync($"/api/v1/regions/{Demo.Sanxing}/children", new { level = "Village", name = "坏码村", code = "12345" });
        badCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badCode.Content.ReadAsStringAsync()).ShouldContain("\"code\"");
    }

    [Fact]
    public async Task The_rename_page_refuses_an_empty_or_too_long_name_in_Chinese()
    {
        var client = await f.PagesAs("town.sanxing");
        var empty = await CunzhiFactory.PostFormAsync(client, $"/Regions/Edit?code={Demo.Sanxingcun}", new() { ["Name"] = "" });
        (await CunzhiFactory.Html(empty)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请填写名称");
        var tooLong = await CunzhiFactory.PostFormAsync(client, $"/Regions/Edit?code={Demo.Sanxingcun}", new() { ["Name"] = new string('村', 61) });
        (await tooLong.Content.ReadAsStringAsync()).ShouldContain("不能超过 60 个字");
    }

    [Fact]
    public async Task The_rename_page_saves_a_new_name()
    {
        var client = await f.PagesAs("town.sanxing");
        var version = (await CunzhiFactory.Html(await client.GetAsync($"/Regions/Edit?code={Demo.Sanxingcun}"))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var saved = await CunzhiFactory.PostFormAsync(client, $"/Regions/Edit?code={Demo.Sanxingcun}", new() { ["Name"] = "三兴新村", ["Version"] = version });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await f.WithSystemDb(db => db.Regions.Where(r => r.Code == Demo.Sanxingcun).Select(r => r.Name).SingleAsync())).ShouldBe("三兴新村");
    }

    [Fact]
    public async Task Only_county_and_town_admins_may_edit()
    {
        var county = await f.ApiAs("county.admin");
        foreach (var (user, allowed) in new[] { ("county.admin", true), ("town.sanxing", true), ("village.naoping", false), ("coord.office", false), ("dept.agri", false), ("discipline", false) })
        {
            var api = await f.ApiAs(user);
            // The current version, so only the role decides the answer.
            var version = (await county.GetFromJsonAsync<RegionView>($"/api/v1/regions/{Demo.Naoping}", CunzhiFactory.Json))!.Version;
            var response = await api.PutAsJsonAsync($"/api/v1/regions/{Demo.Naoping}", new { name = "闹坪村", version });
            response.StatusCode.ShouldBe(allowed ? HttpStatusCode.OK : HttpStatusCode.Forbidden, user);
            var page = await (await f.PagesAs(user)).GetAsync($"/Regions/Edit?code={Demo.Naoping}");
            page.StatusCode.ShouldBe(allowed ? HttpStatusCode.OK : HttpStatusCode.Redirect, user);
            if (!allowed) page.Headers.Location!.ToString().ShouldContain("AccessDenied");
        }
    }

    [Fact]
    public async Task The_households_list_finds_a_household_by_a_members_name()
    {
        var (api, id, detail) = await FirstNaopingHousehold();
        var member = detail.Residents.Last().Name;
        var found = await api.GetFromJsonAsync<Paged<HouseholdRow>>($"/api/v1/regions/{Demo.Naoping}/households?q={Uri.EscapeDataString(member)}", CunzhiFactory.Json);
        found!.Items.ShouldContain(h => h.Id == id);
    }

    [Fact]
    public async Task A_household_cannot_be_moved_to_a_grid_of_another_village()
    {
        var (api, id, detail) = await FirstNaopingHousehold();
        var foreignGrid = await api.PutAsJsonAsync($"/api/v1/households/{id}", new { headName = "某某", gridCode = Demo.Sanxingcun + "901", version = detail.Version });
        foreignGrid.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreignGrid.Content.ReadAsStringAsync()).ShouldContain("不属于该村");
    }

    /// <summary>The first household of Naoping's list (which must not be empty) as its town admin reads it.</summary>
    private async Task<(HttpClient Api, long Id, HouseholdDetail Detail)> FirstNaopingHousehold()
    {
        var api = await f.ApiAs("town.sanxing");
        var list = await api.GetFromJsonAsync<Paged<HouseholdRow>>($"/api/v1/regions/{Demo.Naoping}/households", CunzhiFactory.Json);
        list!.Total.ShouldBeGreaterThan(0);
        var id = list.Items[0].Id;
        var detail = await api.GetFromJsonAsync<HouseholdDetail>($"/api/v1/households/{id}", CunzhiFactory.Json);
        return (api, id, detail!);
    }

    [Fact]
    public async Task A_household_can_be_moved_to_another_grid_of_its_village()
    {
        var (api, id, detail) = await FirstNaopingHousehold();
        var grids = await api.GetFromJsonAsync<Paged<RegionView>>($"/api/v1/regions/{Demo.Naoping}/children?pageSize=200", CunzhiFactory.Json);
        var grid = grids!.Items.First(r => r.Level == RegionLevel.Grid).Code;
        var updated = await api.PutAsJsonAsync($"/api/v1/households/{id}", new { headName = detail.Household.HeadName, address = "坪上8号", gridCode = grid, version = detail.Version });
        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Regions/Household?id={id}"));
        page.QuerySelectorAll("[data-testid=residents] tbody tr").Length.ShouldBe(detail.Residents.Count);
        page.QuerySelector("#Address")!.GetAttribute("value").ShouldBe("坪上8号");
    }

    [Fact]
    public async Task Region_statistics_match_the_database_for_the_accounts_region()
    {
        var expected = await f.WithSystemDb(db => db.Households.CountAsync(h => h.RegionCode.StartsWith("360922106")));
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Regions/Stats"));
        html.QuerySelector("[data-stat=households]")!.TextContent.Replace(",", "").ShouldBe(expected.ToString());
        html.QuerySelector("[data-stat=villages]")!.TextContent.ShouldBe("11");
    }
}

public sealed class RegionTests_Sqlite(SqliteFactory f) : RegionTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RegionTests_Postgres(PostgresFactory f) : RegionTests<PostgresFactory>(f);
