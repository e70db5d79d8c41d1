using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>Households and their members: create, add, edit, remove, with Chinese validation.</summary>
public abstract class HouseholdTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task A_household_number_already_in_the_village_is_refused()
    {
        var (api, _, number) = await CreateHousehold();
        var duplicate = await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Dongxi}/households", new { number, headName = "重复" });
        duplicate.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await duplicate.Content.ReadAsStringAsync()).ShouldContain("在本村已存在");
    }

    [Fact]
    public async Task A_member_is_added_through_the_api()
    {
        var (api, household, _) = await CreateHousehold();
        var withHead = await AddHead(api, household);
        withHead.Residents.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_member_is_edited_through_the_api()
    {
        var (api, household, _) = await CreateHousehold();
        var withHead = await AddHead(api, household);
        await EditHead(api, withHead);
    }

    [Fact]
    public async Task A_member_without_a_name_or_with_a_future_birth_date_is_refused_through_the_api()
    {
        var (api, household, _) = await CreateHousehold();
        var future = await api.PostAsJsonAsync($"/api/v1/households/{household.Id}/residents", new { name = "", gender = "Female", birthDate = "2999-01-01" });
        future.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await future.Content.ReadAsStringAsync();
        body.ShouldContain("请填写姓名");
        body.ShouldContain("出生日期不合理");
    }

    [Fact]
    public async Task A_removed_member_is_gone_with_each_of_its_changes_audited()
    {
        var (api, household, _) = await CreateHousehold();
        var withHead = await AddHead(api, household);
        var member = withHead.Residents[0].Id;
        await EditHead(api, withHead);
        (await api.DeleteAsync($"/api/v1/residents/{member}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.WithSystemDb(db => db.Residents.CountAsync(r => r.HouseholdId == household.Id))).ShouldBe(0);
        (await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == "Resident" && a.EntityKey == member.ToString()))).ShouldBe(3);
    }

    /// <summary>A new household in Dongxi created through the API by the Efeng town admin.</summary>
    private async Task<(HttpClient Api, HouseholdRow Household, string Number)> CreateHousehold()
    {
        var api = await f.ApiAs("town.efeng");
        var number = "N" + Guid.NewGuid().ToString("N")[..6];
        var created = await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Dongxi}/households", new { number, headName = "刘建国", address = "坪上3号" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        return (api, (await created.Content.ReadFromJsonAsync<HouseholdDetail>(CunzhiFactory.Json))!.Household, number);
    }

    private static async Task<HouseholdDetail> AddHead(HttpClient api, HouseholdRow household) =>
        (await (await api.PostAsJsonAsync($"/api/v1/households/{household.Id}/residents", new { name = "刘建国", gender = "Male", birthDate = "1968-03-02", relation = "户主", isPartyMember = true }))
            .Content.ReadFromJsonAsync<HouseholdDetail>(CunzhiFactory.Json))!;

    private static async Task EditHead(HttpClient api, HouseholdDetail withHead)
    {
        var edited = await (await api.PutAsJsonAsync($"/api/v1/residents/{withHead.Residents[0].Id}", new { name = "刘建国", gender = "Male", birthDate = "1968-03-12", relation = "户主", isPartyMember = false, version = withHead.Residents[0].Version }))
            .Content.ReadFromJsonAsync<HouseholdDetail>(CunzhiFactory.Json);
        edited!.Residents[0].BirthDate.ShouldBe(new DateOnly(1968, 3, 12));
        edited.Residents[0].IsPartyMember.ShouldBeFalse();
    }

    [Fact]
    public async Task The_household_page_refuses_a_member_without_a_name()
    {
        var client = await f.PagesAs("county.admin");
        var id = await f.FirstHouseholdAsync(Demo.Naoping);
        var invalid = await CunzhiFactory.PostFormAsync(client, $"/Regions/Household?id={id}", new() { ["NewMember.Name"] = "", ["NewMember.Gender"] = "Female" }, formAction: "AddResident");
        (await CunzhiFactory.Html(invalid)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请填写姓名");
    }

    [Fact]
    public async Task The_household_page_adds_a_member() => await AddMemberOnThePage("黄小燕");

    [Fact]
    public async Task The_member_page_edits_a_member()
    {
        var (client, residentId) = await AddMemberOnThePage("黄小英");
        var form = await CunzhiFactory.Html(await client.GetAsync($"/Regions/Resident?id={residentId}"));
        var version = form.QuerySelector("input[name='Member.Version']")!.GetAttribute("value")!;
        var saved = await CunzhiFactory.PostFormAsync(client, $"/Regions/Resident?id={residentId}",
            new() { ["Member.Name"] = "黄晓燕", ["Member.Gender"] = "Female", ["Member.BirthDate"] = "2012-09-01", ["Member.Relation"] = "孙女", ["Member.Version"] = version });
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await f.WithSystemDb(db => db.Residents.Where(r => r.Id == residentId).Select(r => r.Name).SingleAsync())).ShouldBe("黄晓燕");
    }

    [Fact]
    public async Task The_member_page_removes_a_member()
    {
        var (client, residentId) = await AddMemberOnThePage("黄小红");
        var removed = await CunzhiFactory.PostFormAsync(client, $"/Regions/Resident?id={residentId}", [], formAction: "Remove");
        removed.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await f.WithSystemDb(db => db.Residents.AnyAsync(r => r.Id == residentId))).ShouldBeFalse();
    }

    /// <summary>Adds a member called <paramref name="name"/> to Naoping's first household on the household page; the page lists one more member.</summary>
    private async Task<(HttpClient Client, long ResidentId)> AddMemberOnThePage(string name)
    {
        var client = await f.PagesAs("county.admin");
        var id = await f.FirstHouseholdAsync(Demo.Naoping);
        var before = await f.WithSystemDb(db => db.Residents.CountAsync(r => r.HouseholdId == id));
        var added = await CunzhiFactory.PostFormAsync(client, $"/Regions/Household?id={id}",
            new() { ["NewMember.Name"] = name, ["NewMember.Gender"] = "Female", ["NewMember.BirthDate"] = "2012-09-01", ["NewMember.Relation"] = "孙女" }, formAction: "AddResident");
        var page = await CunzhiFactory.Html(added);
        page.QuerySelectorAll("[data-testid=residents] tbody tr").Length.ShouldBe(before + 1);
        var residentId = await f.WithSystemDb(db => db.Residents.Where(r => r.HouseholdId == id && r.Name == name).Select(r => r.Id).SingleAsync());
        return (client, residentId);
    }

    [Fact]
    public async Task The_new_household_page_names_each_missing_field()
    {
        var client = await f.PagesAs("town.sanxing");
        var empty = await CunzhiFactory.PostFormAsync(client, $"/Regions/HouseholdCreate?code={Demo.Naoping}", new() { ["Number"] = "", ["HeadName"] = "" });
        var errors = (await CunzhiFactory.Html(empty)).QuerySelector("[data-testid=errors]")!.TextContent;
        errors.ShouldContain("请填写户号");
        errors.ShouldContain("请填写户主姓名");
    }

    [Fact]
    public async Task The_new_household_page_creates_a_household()
    {
        var client = await f.PagesAs("town.sanxing");
        var ok = await CunzhiFactory.PostFormAsync(client, $"/Regions/HouseholdCreate?code={Demo.Naoping}", new() { ["Number"] = "9001", ["HeadName"] = "钟福生" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        ok.Headers.Location!.ToString().ShouldStartWith("/Regions/Household?id=");
    }
}

public sealed class HouseholdTests_Sqlite(SqliteFactory f) : HouseholdTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class HouseholdTests_Postgres(PostgresFactory f) : HouseholdTests<PostgresFactory>(f);
