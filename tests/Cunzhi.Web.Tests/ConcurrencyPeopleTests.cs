using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Accounts;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Lost updates on households, their members, regions and accounts: each PUT carries the version it read (body or
/// If-Match), a stale one is 409 and changes nothing, none at all is 428, GET answers the version as ETag, and the edit
/// pages carry it hidden and say 数据已被他人修改，请刷新后重试 on a stale save.
/// </summary>
public abstract class ConcurrencyPeopleTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Stale = "数据已被他人修改，请刷新后重试";

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static string Unique(string prefix) => prefix + Guid.NewGuid().ToString("N")[..6];

    private static async Task<HouseholdDetail> NewHouseholdAsync(HttpClient api)
    {
        var created = await Read<HouseholdDetail>(await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/households",
            new { number = Unique("B"), headName = "柯长林", address = "坪上1号" }), HttpStatusCode.Created);
        return await Read<HouseholdDetail>(await api.PostAsJsonAsync($"/api/v1/households/{created.Household.Id}/residents",
            new { name = "柯长林", gender = "Male", birthDate = "1970-02-03", relation = "户主", isPartyMember = false }));
    }

    private static object HouseholdEdit(string headName, int? version = null) => new { headName, address = "坪上2号", version };

    private static object ResidentEdit(string name, int? version = null) => new { name, gender = "Male", birthDate = "1970-02-03", relation = "户主", isPartyMember = true, version };

    private static async Task<RegionView> NewGroupAsync(HttpClient api) =>
        await Read<RegionView>(await api.PostAsJsonAsync($"/api/v1/regions/{Demo.Naoping}/children", new { level = "VillagerGroup", name = Unique("并发组") }), HttpStatusCode.Created);

    /// <summary>A village cadre account of 闹坪村: both county.admin and town.sanxing may manage it.</summary>
    private static async Task<AccountRow> NewAccountAsync(HttpClient admin) =>
        await Read<AccountRow>(await admin.PostAsJsonAsync("/api/v1/accounts",
            new { userName = Unique("cc."), displayName = "并发账号", role = "VillageCadre", regionCode = Demo.Naoping, password = "Village-pass-2026" }), HttpStatusCode.Created);

    private Task<int> AuditCountAsync(string entity, string key) =>
        f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == entity && a.EntityKey == key));

    /// <summary>Each client sends its PUT at the same moment (released together); returns (client index, status, body).</summary>
    private static async Task<(int I, HttpStatusCode Status, string Body)[]> RaceAsync(HttpClient[] clients, Func<HttpClient, int, Task<HttpResponseMessage>> put)
    {
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await put(c, i);
            return (i, response.StatusCode, await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Length);
        return await Task.WhenAll(racing);
    }

    /// <summary>Exactly one 200, every other answer 409 with the message; returns the winner's index.</summary>
    private static int OneWinner((int I, HttpStatusCode Status, string Body)[] results)
    {
        var report = string.Join("\n", results.Select(r => $"{r.I}: {r.Status} {r.Body}"));
        results.Count(r => r.Status == HttpStatusCode.OK).ShouldBe(1, report);
        results.Where(r => r.Status != HttpStatusCode.OK).ShouldAllBe(r => r.Status == HttpStatusCode.Conflict && r.Body.Contains(Stale), report);
        return results.Single(r => r.Status == HttpStatusCode.OK).I;
    }

    private static HttpRequestMessage Put(string url, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static string Tag(int version) => $"\"{version}\"";

    // 农户 (household)

    [Fact]
    public async Task Four_simultaneous_household_edits_from_the_same_version_one_wins_three_get_409()
    {
        var household = await NewHouseholdAsync(await f.ApiAs("town.sanxing"));
        var key = household.Household.Id.ToString();
        var audit = await AuditCountAsync(nameof(Household), key);
        var clients = await Task.WhenAll(f.ApiAs("town.sanxing"), f.ApiAs("county.admin"), f.ApiAs("town.sanxing"), f.ApiAs("county.admin"));

        var results = await RaceAsync(clients, (c, i) => c.PutAsJsonAsync($"/api/v1/households/{key}", HouseholdEdit($"户主{i}", household.Version)));

        var winner = OneWinner(results);
        var stored = await f.WithSystemDb(db => db.Households.SingleAsync(h => h.Id == household.Household.Id));
        (stored.HeadName, stored.RowVersion).ShouldBe(($"户主{winner}", household.Version + 1));
        (await AuditCountAsync(nameof(Household), key)).ShouldBe(audit + 1);
    }

    [Fact]
    public async Task A_stale_household_edit_is_refused_with_409_leaving_no_trace()
    {
        var api = await f.ApiAs("town.sanxing");
        var household = await NewHouseholdAsync(api);
        var url = $"/api/v1/households/{household.Household.Id}";
        var first = await Read<HouseholdDetail>(await api.PutAsJsonAsync(url, HouseholdEdit("先改户主", household.Version)));
        first.Version.ShouldBe(household.Version + 1);
        var audit = await AuditCountAsync(nameof(Household), household.Household.Id.ToString());

        var stale = await api.PutAsJsonAsync(url, HouseholdEdit("后改户主", household.Version));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain(Stale);
        var stored = await f.WithSystemDb(db => db.Households.SingleAsync(h => h.Id == household.Household.Id));
        (stored.HeadName, stored.RowVersion).ShouldBe(("先改户主", first.Version));
        (await AuditCountAsync(nameof(Household), household.Household.Id.ToString())).ShouldBe(audit);
    }

    [Fact]
    public async Task A_household_PUT_without_a_version_is_428()
    {
        var api = await f.ApiAs("town.sanxing");
        var household = await NewHouseholdAsync(api);
        var none = await api.PutAsJsonAsync($"/api/v1/households/{household.Household.Id}", HouseholdEdit("无版本"));
        none.StatusCode.ShouldBe((HttpStatusCode)428);
        (await none.Content.ReadAsStringAsync()).ShouldContain("If-Match");
    }

    [Fact]
    public async Task The_household_version_is_the_ETag_that_If_Match_sends_back()
    {
        var api = await f.ApiAs("town.sanxing");
        var household = await NewHouseholdAsync(api);
        var url = $"/api/v1/households/{household.Household.Id}";
        var get = await api.GetAsync(url);
        get.Headers.ETag!.Tag.ShouldBe(Tag(household.Version));

        var put = await api.SendAsync(Put(url, HouseholdEdit("按标签改"), get.Headers.ETag.Tag));
        var saved = await Read<HouseholdDetail>(put);
        (saved.Household.HeadName, saved.Version).ShouldBe(("按标签改", household.Version + 1));
        put.Headers.ETag!.Tag.ShouldBe(Tag(saved.Version));
        (await api.SendAsync(Put(url, HouseholdEdit("旧标签"), get.Headers.ETag.Tag))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.SendAsync(Put(url, HouseholdEdit("不一致", saved.Version), Tag(saved.Version + 1)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await f.WithSystemDb(db => db.Households.Where(h => h.Id == household.Household.Id).Select(h => h.HeadName).SingleAsync())).ShouldBe("按标签改");
    }

    [Fact]
    public async Task The_household_page_refuses_a_stale_save_until_reloaded()
    {
        var api = await f.ApiAs("town.sanxing");
        var household = await NewHouseholdAsync(api);
        var url = $"/Regions/Household?id={household.Household.Id}";
        var client = await f.PagesAs("town.sanxing");
        var form = await CunzhiFactory.Html(await client.GetAsync(url));
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        version.ShouldBe(household.Version.ToString());

        (await api.PutAsJsonAsync($"/api/v1/households/{household.Household.Id}", HouseholdEdit("别人先改", household.Version))).EnsureSuccessStatusCode();
        Dictionary<string, string> Fields(string v) => new() { ["Version"] = v, ["HeadName"] = "我的修改", ["Address"] = "坪上9号", ["GroupCode"] = "", ["GridCode"] = "" };
        var stale = await CunzhiFactory.PostFormAsync(client, url, Fields(version));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("#HeadName")!.GetAttribute("value").ShouldBe("我的修改");
        page.QuerySelector("input[name=Version]")!.GetAttribute("value").ShouldBe(version);
        (await f.WithSystemDb(db => db.Households.Where(h => h.Id == household.Household.Id).Select(h => h.HeadName).SingleAsync())).ShouldBe("别人先改");

        var fresh = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var ok = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(client, url, Fields(fresh)));
        ok.QuerySelector(".alert-success").ShouldNotBeNull();
        // The page now carries the saved version: a second save from it goes through too.
        var next = ok.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        next.ShouldBe((int.Parse(fresh) + 1).ToString());
        (await f.WithSystemDb(db => db.Households.Where(h => h.Id == household.Household.Id).Select(h => h.HeadName).SingleAsync())).ShouldBe("我的修改");
    }

    // 家庭成员 (resident): each member has its own version

    [Fact]
    public async Task Two_simultaneous_edits_of_one_member_one_wins_the_other_gets_409()
    {
        var household = await NewHouseholdAsync(await f.ApiAs("town.sanxing"));
        var member = household.Residents.Single();
        var clients = await Task.WhenAll(f.ApiAs("town.sanxing"), f.ApiAs("county.admin"));

        var results = await RaceAsync(clients, (c, i) => c.PutAsJsonAsync($"/api/v1/residents/{member.Id}", ResidentEdit($"成员{i}", member.Version)));

        var winner = OneWinner(results);
        var stored = await f.WithSystemDb(db => db.Residents.SingleAsync(r => r.Id == member.Id));
        (stored.Name, stored.RowVersion).ShouldBe(($"成员{winner}", member.Version + 1));
    }

    [Fact]
    public async Task A_stale_member_edit_is_refused_with_409_leaving_no_trace()
    {
        var (api, _, head, _) = await HouseholdOfTwoWithTheHeadEditedAsync();
        var audit = await AuditCountAsync(nameof(Resident), head.Id.ToString());

        var stale = await api.PutAsJsonAsync($"/api/v1/residents/{head.Id}", ResidentEdit("柯后改", head.Version));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain(Stale);
        (await f.WithSystemDb(db => db.Residents.SingleAsync(r => r.Id == head.Id))).Name.ShouldBe("柯先改");
        (await AuditCountAsync(nameof(Resident), head.Id.ToString())).ShouldBe(audit);
    }

    [Fact]
    public async Task A_members_edit_makes_neither_its_household_nor_another_member_stale()
    {
        var (api, household, _, daughter) = await HouseholdOfTwoWithTheHeadEditedAsync();
        // Another member and the household itself were read at versions nobody has changed.
        (await api.PutAsJsonAsync($"/api/v1/residents/{daughter.Id}", new { name = "柯小梅", gender = "Female", birthDate = "1998-06-08", relation = "女", version = daughter.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PutAsJsonAsync($"/api/v1/households/{household.Household.Id}", HouseholdEdit("柯长林", household.Version))).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>A new household with a second member; its head is then renamed 柯先改 once, which moves the head's version only.</summary>
    private async Task<(HttpClient Api, HouseholdDetail Household, ResidentView Head, ResidentView Daughter)> HouseholdOfTwoWithTheHeadEditedAsync()
    {
        var api = await f.ApiAs("town.sanxing");
        var household = await NewHouseholdAsync(api);
        var withTwo = await Read<HouseholdDetail>(await api.PostAsJsonAsync($"/api/v1/households/{household.Household.Id}/residents",
            new { name = "柯小梅", gender = "Female", birthDate = "1998-06-07", relation = "女" }));
        var (head, daughter) = (withTwo.Residents[0], withTwo.Residents[1]);

        var first = await Read<HouseholdDetail>(await api.PutAsJsonAsync($"/api/v1/residents/{head.Id}", ResidentEdit("柯先改", head.Version)));
        first.Residents.Single(r => r.Id == head.Id).Version.ShouldBe(head.Version + 1);
        first.Version.ShouldBe(household.Version);
        return (api, household, head, daughter);
    }

    [Fact]
    public async Task A_member_PUT_without_a_version_is_428()
    {
        var api = await f.ApiAs("town.sanxing");
        var member = (await NewHouseholdAsync(api)).Residents.Single();
        var none = await api.PutAsJsonAsync($"/api/v1/residents/{member.Id}", ResidentEdit("无版本"));
        none.StatusCode.ShouldBe((HttpStatusCode)428);
        (await none.Content.ReadAsStringAsync()).ShouldContain("If-Match");
    }

    [Fact]
    public async Task The_member_version_is_the_ETag_that_If_Match_sends_back()
    {
        var api = await f.ApiAs("town.sanxing");
        var household = await NewHouseholdAsync(api);
        var member = household.Residents.Single();
        var url = $"/api/v1/residents/{member.Id}";

        var put = await api.SendAsync(Put(url, ResidentEdit("按标签改"), Tag(member.Version)));
        var saved = (await Read<HouseholdDetail>(put)).Residents.Single(r => r.Id == member.Id);
        (saved.Name, saved.Version).ShouldBe(("按标签改", member.Version + 1));
        // The answer is the household; its ETag is the member's, what the next edit of the member sends.
        put.Headers.ETag!.Tag.ShouldBe(Tag(saved.Version));
        (await api.SendAsync(Put(url, ResidentEdit("旧标签"), Tag(member.Version)))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await api.SendAsync(Put(url, ResidentEdit("不一致", saved.Version), Tag(saved.Version + 1)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Read<HouseholdDetail>(await api.SendAsync(Put(url, ResidentEdit("再按标签改"), put.Headers.ETag.Tag)))).Residents.Single().Name.ShouldBe("再按标签改");
    }

    [Fact]
    public async Task The_member_page_refuses_a_stale_save_with_the_message()
    {
        var api = await f.ApiAs("town.sanxing");
        var member = (await NewHouseholdAsync(api)).Residents.Single();
        var url = $"/Regions/Resident?id={member.Id}";
        var client = await f.PagesAs("town.sanxing");
        var version = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name='Member.Version']")!.GetAttribute("value")!;
        version.ShouldBe(member.Version.ToString());

        (await api.PutAsJsonAsync($"/api/v1/residents/{member.Id}", ResidentEdit("别人先改", member.Version))).EnsureSuccessStatusCode();
        Dictionary<string, string> Fields(string v) => new()
        {
            ["Member.Version"] = v, ["Member.Name"] = "我的修改", ["Member.Gender"] = "Male", ["Member.BirthDate"] = "1970-02-03", ["Member.Relation"] = "户主",
        };
        var stale = await CunzhiFactory.PostFormAsync(client, url, Fields(version));
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("input[name='Member.Name']")!.GetAttribute("value").ShouldBe("我的修改");
        (await f.WithSystemDb(db => db.Residents.Where(r => r.Id == member.Id).Select(r => r.Name).SingleAsync())).ShouldBe("别人先改");

        var fresh = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name='Member.Version']")!.GetAttribute("value")!;
        (await CunzhiFactory.PostFormAsync(client, url, Fields(fresh))).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await f.WithSystemDb(db => db.Residents.Where(r => r.Id == member.Id).Select(r => r.Name).SingleAsync())).ShouldBe("我的修改");
    }

    // 区划 (region)

    [Fact]
    public async Task Three_simultaneous_renames_of_a_region_one_wins_two_get_409()
    {
        var group = await NewGroupAsync(await f.ApiAs("town.sanxing"));
        var audit = await AuditCountAsync(nameof(Region), group.Code);
        var clients = await Task.WhenAll(f.ApiAs("town.sanxing"), f.ApiAs("county.admin"), f.ApiAs("town.sanxing"));

        var results = await RaceAsync(clients, (c, i) => c.PutAsJsonAsync($"/api/v1/regions/{group.Code}", new { name = $"改名组{i}", version = group.Version }));

        var winner = OneWinner(results);
        var stored = await f.WithSystemDb(db => db.Regions.SingleAsync(r => r.Code == group.Code));
        (stored.Name, stored.RowVersion).ShouldBe(($"改名组{winner}", group.Version + 1));
        (await AuditCountAsync(nameof(Region), group.Code)).ShouldBe(audit + 1);
    }

    [Fact]
    public async Task A_region_PUT_without_a_version_is_428()
    {
        var api = await f.ApiAs("town.sanxing");
        var group = await NewGroupAsync(api);
        var none = await api.PutAsJsonAsync($"/api/v1/regions/{group.Code}", new { name = "无版本组" });
        none.StatusCode.ShouldBe((HttpStatusCode)428);
        (await none.Content.ReadAsStringAsync()).ShouldContain("If-Match");
    }

    [Fact]
    public async Task The_region_version_is_the_ETag_that_If_Match_sends_back()
    {
        var (api, group, url, saved) = await GroupRenamedByTagAsync();
        (await api.SendAsync(Put(url, new { name = "不一致组", version = saved.Version }, Tag(saved.Version + 1)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await f.WithSystemDb(db => db.Regions.Where(r => r.Code == group.Code).Select(r => r.Name).SingleAsync())).ShouldBe("按标签组");
    }

    [Fact]
    public async Task A_stale_rename_is_refused_with_409_leaving_no_trace()
    {
        var (api, group, url, _) = await GroupRenamedByTagAsync();
        var audit = await AuditCountAsync(nameof(Region), group.Code);
        var stale = await api.PutAsJsonAsync(url, new { name = "旧版本组", version = group.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain(Stale);
        (await f.WithSystemDb(db => db.Regions.Where(r => r.Code == group.Code).Select(r => r.Name).SingleAsync())).ShouldBe("按标签组");
        (await AuditCountAsync(nameof(Region), group.Code)).ShouldBe(audit);
    }

    /// <summary>A new villager group, read with its ETag and renamed 按标签组 by sending that ETag back as If-Match.</summary>
    private async Task<(HttpClient Api, RegionView Group, string Url, RegionView Saved)> GroupRenamedByTagAsync()
    {
        var api = await f.ApiAs("town.sanxing");
        var group = await NewGroupAsync(api);
        var url = $"/api/v1/regions/{group.Code}";
        var get = await api.GetAsync(url);
        get.Headers.ETag!.Tag.ShouldBe(Tag(group.Version));
        (await Read<RegionView>(get)).Version.ShouldBe(group.Version);

        var put = await api.SendAsync(Put(url, new { name = "按标签组" }, get.Headers.ETag.Tag));
        var saved = await Read<RegionView>(put);
        (saved.Name, saved.Version).ShouldBe(("按标签组", group.Version + 1));
        put.Headers.ETag!.Tag.ShouldBe(Tag(saved.Version));
        return (api, group, url, saved);
    }

    [Fact]
    public async Task The_region_edit_page_refuses_a_stale_save_with_the_message()
    {
        var api = await f.ApiAs("town.sanxing");
        var group = await NewGroupAsync(api);
        var url = $"/Regions/Edit?code={group.Code}";
        var client = await f.PagesAs("town.sanxing");
        var version = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        version.ShouldBe(group.Version.ToString());

        (await api.PutAsJsonAsync($"/api/v1/regions/{group.Code}", new { name = "别人先改组", version = group.Version })).EnsureSuccessStatusCode();
        var stale = await CunzhiFactory.PostFormAsync(client, url, new() { ["Version"] = version, ["Name"] = "我的修改组" });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("#Name")!.GetAttribute("value").ShouldBe("我的修改组");
        (await f.WithSystemDb(db => db.Regions.Where(r => r.Code == group.Code).Select(r => r.Name).SingleAsync())).ShouldBe("别人先改组");

        var fresh = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        (await CunzhiFactory.PostFormAsync(client, url, new() { ["Version"] = fresh, ["Name"] = "我的修改组" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    // 账号 (account)

    [Fact]
    public async Task Four_simultaneous_account_edits_from_the_same_version_one_wins_three_get_409()
    {
        var account = await NewAccountAsync(await f.ApiAs("county.admin"));
        var audit = await AuditCountAsync(nameof(AppUser), account.Id);
        var clients = await Task.WhenAll(f.ApiAs("county.admin"), f.ApiAs("town.sanxing"), f.ApiAs("county.admin"), f.ApiAs("town.sanxing"));

        var results = await RaceAsync(clients, (c, i) => c.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { displayName = $"账号{i}", locked = i % 2 == 0, version = account.Version }));

        var winner = OneWinner(results);
        var stored = await f.WithSystemDb(db => db.Users.SingleAsync(u => u.Id == account.Id));
        (stored.DisplayName, stored.RowVersion, stored.LockoutEnd is not null).ShouldBe(($"账号{winner}", account.Version + 1, winner % 2 == 0));
        (await AuditCountAsync(nameof(AppUser), account.Id)).ShouldBe(audit + 1);
    }

    [Fact]
    public async Task An_account_PUT_without_a_version_is_428()
    {
        var api = await f.ApiAs("county.admin");
        var account = await NewAccountAsync(api);
        var none = await api.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { displayName = "无版本", locked = true });
        none.StatusCode.ShouldBe((HttpStatusCode)428);
        (await none.Content.ReadAsStringAsync()).ShouldContain("If-Match");
    }

    [Fact]
    public async Task The_account_version_is_the_ETag_that_If_Match_sends_back()
    {
        var (api, account, url, saved) = await AccountRenamedByTagAsync();
        (await api.SendAsync(Put(url, new { displayName = "不一致", version = saved.Version }, Tag(saved.Version + 1)))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var stored = await f.WithSystemDb(db => db.Users.SingleAsync(u => u.Id == account.Id));
        (stored.DisplayName, stored.LockoutEnd, stored.RowVersion).ShouldBe(("按标签改", (DateTimeOffset?)null, saved.Version));
    }

    [Fact]
    public async Task A_stale_account_edit_is_refused_with_409_leaving_no_trace()
    {
        var (api, account, url, saved) = await AccountRenamedByTagAsync();
        var audit = await AuditCountAsync(nameof(AppUser), account.Id);
        // A stale edit would also have locked the account: it does neither.
        var stale = await api.PutAsJsonAsync(url, new { displayName = "旧版本", locked = true, version = account.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain(Stale);
        var stored = await f.WithSystemDb(db => db.Users.SingleAsync(u => u.Id == account.Id));
        (stored.DisplayName, stored.LockoutEnd, stored.RowVersion).ShouldBe(("按标签改", (DateTimeOffset?)null, saved.Version));
        (await AuditCountAsync(nameof(AppUser), account.Id)).ShouldBe(audit);
    }

    /// <summary>A new account, read with its ETag and renamed 按标签改 by sending that ETag back as If-Match.</summary>
    private async Task<(HttpClient Api, AccountRow Account, string Url, AccountRow Saved)> AccountRenamedByTagAsync()
    {
        var api = await f.ApiAs("county.admin");
        var account = await NewAccountAsync(api);
        var url = $"/api/v1/accounts/{account.Id}";
        var get = await api.GetAsync(url);
        get.Headers.ETag!.Tag.ShouldBe(Tag(account.Version));

        var put = await api.SendAsync(Put(url, new { displayName = "按标签改" }, get.Headers.ETag.Tag));
        var saved = await Read<AccountRow>(put);
        (saved.DisplayName, saved.Version).ShouldBe(("按标签改", account.Version + 1));
        put.Headers.ETag!.Tag.ShouldBe(Tag(saved.Version));
        return (api, account, url, saved);
    }

    [Fact]
    public async Task The_account_edit_page_refuses_a_stale_save_until_reloaded()
    {
        var api = await f.ApiAs("county.admin");
        var account = await NewAccountAsync(api);
        var url = $"/Accounts/Edit?id={account.Id}";
        var client = await f.PagesAs("county.admin");
        var version = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        version.ShouldBe(account.Version.ToString());

        (await api.PutAsJsonAsync($"/api/v1/accounts/{account.Id}", new { displayName = "别人先改", version = account.Version })).EnsureSuccessStatusCode();
        var stale = await CunzhiFactory.PostFormAsync(client, url, new() { ["Version"] = version, ["DisplayName"] = "我的修改", ["Locked"] = "true" });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(Stale);
        page.QuerySelector("#DisplayName")!.GetAttribute("value").ShouldBe("我的修改");
        var stored = await f.WithSystemDb(db => db.Users.SingleAsync(u => u.Id == account.Id));
        (stored.DisplayName, stored.LockoutEnd).ShouldBe(("别人先改", (DateTimeOffset?)null));

        var fresh = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        var saved = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(client, url, new() { ["Version"] = fresh, ["DisplayName"] = "我的修改", ["Locked"] = "true" }));
        saved.QuerySelector(".alert-success").ShouldNotBeNull();
        saved.QuerySelector("input[name=Version]")!.GetAttribute("value").ShouldBe((int.Parse(fresh) + 1).ToString());
        stored = await f.WithSystemDb(db => db.Users.SingleAsync(u => u.Id == account.Id));
        (stored.DisplayName, stored.LockoutEnd is not null).ShouldBe(("我的修改", true));
    }

    [Fact]
    public async Task A_password_reset_on_the_account_page_leaves_the_account_form_showing_the_account_at_its_new_version()
    {
        var api = await f.ApiAs("county.admin");
        var account = await NewAccountAsync(api);
        var url = $"/Accounts/Edit?id={account.Id}";
        var client = await f.PagesAs("county.admin");
        var reset = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(client, url, new() { ["NewPassword"] = "Another-pass-2026" }, formAction: "Password"));
        reset.QuerySelector(".alert-success").ShouldNotBeNull();
        var current = await Read<AccountRow>(await api.GetAsync($"/api/v1/accounts/{account.Id}"));
        current.Version.ShouldBeGreaterThan(account.Version);
        reset.QuerySelector("input[name=Version]")!.GetAttribute("value").ShouldBe(current.Version.ToString());
        reset.QuerySelector("#DisplayName")!.GetAttribute("value").ShouldBe("并发账号");
    }
}

public sealed class ConcurrencyPeopleTests_Sqlite(SqliteFactory f) : ConcurrencyPeopleTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ConcurrencyPeopleTests_Postgres(PostgresFactory f) : ConcurrencyPeopleTests<PostgresFactory>(f);
