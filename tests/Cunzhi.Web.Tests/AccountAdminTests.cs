using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Accounts;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>County and town admins manage accounts within their region and roles they may grant.</summary>
public abstract class AccountAdminTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static string NewName(string prefix) => $"{prefix}.{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    [Fact]
    public async Task Town_admin_creates_a_village_cadre_in_its_town_who_then_sees_that_village()
    {
        var api = await f.ApiAs("town.sanxing");
        var name = NewName("cadre");
        var created = await api.PostAsJsonAsync("/api/v1/accounts", new { userName = name, displayName = "三兴村会计", role = "VillageCadre", regionCode = Demo.Sanxingcun, password = "Village-pass-2026" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var cadre = await f.ApiAs(name, "Village-pass-2026");
        var root = await cadre.GetFromJsonAsync<Features.Regions.RegionView>("/api/v1/regions", CunzhiFactory.Json);
        root!.Code.ShouldBe(Demo.Sanxingcun);
    }

    [Theory]
    [InlineData("town.sanxing", "TownAdmin", Demo.Sanxing, "不能创建")]
    [InlineData("town.sanxing", "VillageCadre", Demo.Dongxi, "不存在或不在您的管辖范围内")]
    [InlineData("county.admin", "TownAdmin", Demo.Naoping, "只能绑定到乡镇(街道)")]
    [InlineData("county.admin", "VillageCadre", "430102001001", "不存在或不在您的管辖范围内")]
    public async Task Accounts_outside_the_admins_grant_or_region_are_refused(string admin, string role, string region, string message)
    {
        var api = await f.ApiAs(admin);
        var response = await api.PostAsJsonAsync("/api/v1/accounts", new { userName = NewName("x"), displayName = "某人", role, regionCode = region, password = "Village-pass-2026" });
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
    }

    [Fact]
    public async Task Bad_input_is_answered_field_by_field_in_Chinese()
    {
        var api = await f.ApiAs("county.admin");
        var response = await api.PostAsJsonAsync("/api/v1/accounts", new { userName = "空 格", displayName = "", role = "Nobody", regionCode = "1", password = "short" });
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await response.Content.ReadAsStringAsync();
        foreach (var expected in new[] { "\"userName\"", "\"displayName\"", "\"role\"", "\"regionCode\"", "\"password\"", "密码至少需要 10 个字符", "请选择角色" })
            body.ShouldContain(expected);
    }

    [Fact]
    public async Task Lists_hold_only_accounts_of_the_admins_region()
    {
        var town = await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<Paged<AccountRow>>("/api/v1/accounts?pageSize=200", CunzhiFactory.Json);
        town!.Items.ShouldAllBe(a => a.RegionCode.StartsWith("360922106"));
        town.Items.ShouldContain(a => a.UserName == "village.naoping");
        town.Items.ShouldNotContain(a => a.UserName == "town.efeng");
        var county = await (await f.ApiAs("county.admin")).GetFromJsonAsync<Paged<AccountRow>>("/api/v1/accounts?role=TownAdmin", CunzhiFactory.Json);
        county!.Items.Select(a => a.UserName).ShouldContain("town.efeng");
        county.Items.ShouldAllBe(a => a.Role == "TownAdmin");
    }

    [Fact]
    public async Task A_town_admin_cannot_touch_another_towns_or_a_higher_roles_account()
    {
        var county = await f.ApiAs("county.admin");
        var all = await county.GetFromJsonAsync<Paged<AccountRow>>("/api/v1/accounts?pageSize=200", CunzhiFactory.Json);
        var efeng = all!.Items.Single(a => a.UserName == "town.efeng").Id;
        var sanxingAdmin = all.Items.Single(a => a.UserName == "town.sanxing").Id;
        var town = await f.ApiAs("town.sanxing");
        (await town.GetAsync($"/api/v1/accounts/{efeng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Each edit sends the version the county admin read: the refusals are about scope and role, not a stale or missing version.
        int Version(string id) => all.Items.Single(a => a.Id == id).Version;
        (await town.PutAsJsonAsync($"/api/v1/accounts/{efeng}", new { displayName = "x", locked = true, version = Version(efeng) })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await town.PutAsJsonAsync($"/api/v1/accounts/{efeng}/password", new { password = "Another-pass-2026" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var higher = await town.PutAsJsonAsync($"/api/v1/accounts/{sanxingAdmin}", new { displayName = "x", locked = false, version = Version(sanxingAdmin) });
        higher.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await higher.Content.ReadAsStringAsync()).ShouldContain("不能管理该角色的账号");
        (await (await f.ApiAs("village.naoping")).GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.ApiAs("discipline")).GetAsync("/api/v1/accounts")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Disabling_an_account_stops_its_sign_in()
    {
        var (_, name, _) = await CreateLockedDepartment();
        (await f.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = name, password = "Dept-pass-2026" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task A_reenabled_account_signs_in_with_the_password_an_admin_reset()
    {
        var (county, name, locked) = await CreateLockedDepartment();
        var row = (await locked.Content.ReadFromJsonAsync<AccountRow>(CunzhiFactory.Json))!;
        (await county.PutAsJsonAsync($"/api/v1/accounts/{row.Id}", new { displayName = "县民政局", locked = false, version = row.Version })).EnsureSuccessStatusCode();
        (await county.PutAsJsonAsync($"/api/v1/accounts/{row.Id}/password", new { password = "Reset-pass-2026" })).EnsureSuccessStatusCode();
        await f.ApiAs(name, "Reset-pass-2026");
    }

    /// <summary>A new department account (password Dept-pass-2026) that the county admin has just locked.</summary>
    private async Task<(HttpClient County, string Name, HttpResponseMessage Locked)> CreateLockedDepartment()
    {
        var county = await f.ApiAs("county.admin");
        var name = NewName("dept");
        var created = await (await county.PostAsJsonAsync("/api/v1/accounts", new { userName = name, displayName = "县民政局", role = "Department", regionCode = Demo.County, password = "Dept-pass-2026" }))
            .Content.ReadFromJsonAsync<AccountRow>(CunzhiFactory.Json);
        var locked = await county.PutAsJsonAsync($"/api/v1/accounts/{created!.Id}", new { displayName = "县民政局", locked = true, version = created.Version });
        locked.EnsureSuccessStatusCode();
        return (county, name, locked);
    }

    [Fact]
    public async Task The_create_page_refuses_an_account_without_a_display_name()
    {
        var client = await f.PagesAs("county.admin");
        var list = await CunzhiFactory.Html(await client.GetAsync("/Accounts?role=TownAdmin"));
        // The two demo town admins; town admins made by the edit-page tests of this class (user names "page.…") may be listed too.
        list.QuerySelectorAll("[data-testid=accounts] tbody tr").Count(r => !r.TextContent.Contains("page.")).ShouldBe(2);
        var bad = await CunzhiFactory.PostFormAsync(client, "/Accounts/Create", new() { ["UserName"] = NewName("page"), ["DisplayName"] = "", ["Role"] = "TownAdmin", ["RegionCode"] = Demo.Efeng, ["Password"] = "Town-pass-2026" });
        (await CunzhiFactory.Html(bad)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请填写名称");
    }

    [Fact]
    public async Task The_edit_page_saves_a_new_display_name()
    {
        var (client, name, edit) = await CreateTownAdminOnThePages();
        var version = (await CunzhiFactory.Html(await client.GetAsync(edit))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var saved = await CunzhiFactory.PostFormAsync(client, edit, new() { ["DisplayName"] = "鹅峰乡组织干事", ["Version"] = version });
        (await saved.Content.ReadAsStringAsync()).ShouldContain("已保存");
        var efengApi = await f.ApiAs(name, "Town-pass-2026");
        (await efengApi.GetFromJsonAsync<ProfileView>("/api/v1/me", CunzhiFactory.Json))!.DisplayName.ShouldBe("鹅峰乡组织干事");
    }

    [Fact]
    public async Task The_edit_page_resets_the_password()
    {
        var (client, name, edit) = await CreateTownAdminOnThePages();
        var reset = await CunzhiFactory.PostFormAsync(client, edit, new() { ["NewPassword"] = "Fresh-pass-2026" }, formAction: "Password");
        (await reset.Content.ReadAsStringAsync()).ShouldContain("密码已重置");
        await f.ApiAs(name, "Fresh-pass-2026");
    }

    /// <summary>Creates a town admin (password Town-pass-2026) through the create page; returns the link to its edit page found in the list.</summary>
    private async Task<(HttpClient Client, string Name, string Edit)> CreateTownAdminOnThePages()
    {
        var client = await f.PagesAs("county.admin");
        var name = NewName("page");
        var ok = await CunzhiFactory.PostFormAsync(client, "/Accounts/Create", new() { ["UserName"] = name, ["DisplayName"] = "鹅峰乡副书记", ["Role"] = "TownAdmin", ["RegionCode"] = Demo.Efeng, ["Password"] = "Town-pass-2026" });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var row = (await CunzhiFactory.Html(await client.GetAsync($"/Accounts?q={name}"))).QuerySelector("[data-testid=accounts] tbody a")!;
        return (client, name, row.GetAttribute("href")!);
    }
}

public sealed class AccountAdminTests_Sqlite(SqliteFactory f) : AccountAdminTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AccountAdminTests_Postgres(PostgresFactory f) : AccountAdminTests<PostgresFactory>(f);
