using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Reserves;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Lost updates (versions, ETag/If-Match, 409 on a stale write, 428 without a version), one secretary and one director
/// in office per village under parallel appointments, and the reserve's ID number carried to the appointed cadre.
/// </summary>
public abstract class ConcurrencyTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Today = China.Today.ToString("yyyy-MM-dd");

    private static async Task<T> Read<T>(HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        response.StatusCode.ShouldBe(expected, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static object Edit(string name, int? version = null) => new { name, educationCode = "college", isPartyMember = true, origin = "Elected", version };

    private async Task<CadreDetail> NewCadreAsync(HttpClient api, string village = Demo.Naoping, string post = "committee-member")
    {
        var id = TestIds.Next(new DateOnly(1980, 3, 4), Gender.Female);
        return await Read<CadreDetail>(await api.PostAsJsonAsync("/api/v1/cadres", new
        {
            regionCode = village, name = "钟秀英", nationalId = id, educationCode = "college", isPartyMember = true,
            postCode = post, startDate = "2024-03-01", term = 12, origin = "Elected",
        }), HttpStatusCode.Created);
    }

    private Task<int> AuditCountAsync(long cadreId) =>
        f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Entity == nameof(Cadre) && a.EntityKey == cadreId.ToString()));

    /// <summary>A village of 三兴镇 made for the test, with no cadres: both leading posts vacant.</summary>
    private async Task<string> EmptyVillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        var used = await db.Regions.Where(r => r.ParentCode == Demo.Sanxing).Select(r => r.Code).ToListAsync();
        var code = Enumerable.Range(900, 99).Select(n => Demo.Sanxing[..9] + n).First(c => !used.Contains(c));
        db.Regions.Add(new Region { Code = code, Name = "并发空缺村" + code[9..], Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    private static async Task<ReserveDetail> NewReserveAsync(HttpClient api, string region, string? nationalId, bool party = true)
    {
        var body = new
        {
            regionCode = region, name = "后备" + Guid.NewGuid().ToString("N")[..4], gender = "Male", birthDate = "1994-05-06", educationCode = "bachelor",
            isPartyMember = party, source = "ReturningYouth", channel = "UnitParty", recommender = "三兴镇党委", recommendedDate = "2025-01-01", nationalId,
        };
        return await Read<ReserveDetail>(await api.PostAsJsonAsync("/api/v1/reserves", body), HttpStatusCode.Created);
    }

    [Fact]
    public async Task Two_simultaneous_cadre_edits_from_the_same_version_one_wins_the_other_gets_409()
    {
        var cadre = await NewCadreAsync(await f.ApiAs("town.sanxing"));
        var clients = await Task.WhenAll(f.ApiAs("town.sanxing"), f.ApiAs("county.admin"));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await c.PutAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}", Edit($"并发{i}", cadre.Version));
            return (i, response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(2);
        var results = await Task.WhenAll(racing);

        var report = string.Join("\n", results.Select(r => $"{r.StatusCode} {r.Body}"));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, report);
        var loser = results.Single(r => r.StatusCode != HttpStatusCode.OK);
        loser.StatusCode.ShouldBe(HttpStatusCode.Conflict, report);
        loser.Body.ShouldContain("已被他人修改，请刷新后重试");
        var winner = results.Single(r => r.StatusCode == HttpStatusCode.OK).i;
        var stored = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == cadre.Cadre.Id));
        (stored.Name, stored.RowVersion).ShouldBe(($"并发{winner}", cadre.Version + 1));
    }

    [Fact]
    public async Task A_stale_cadre_edit_is_refused_with_409_leaving_no_trace()
    {
        var api = await f.ApiAs("town.sanxing");
        var cadre = await NewCadreAsync(api);
        var first = await Read<CadreDetail>(await api.PutAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}", Edit("钟先改", cadre.Version)));
        first.Version.ShouldBe(cadre.Version + 1);
        var audit = await AuditCountAsync(cadre.Cadre.Id);

        var stale = await api.PutAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}", Edit("钟后改", cadre.Version));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("数据已被他人修改，请刷新后重试");
        var stored = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == cadre.Cadre.Id));
        (stored.Name, stored.RowVersion).ShouldBe(("钟先改", first.Version));
        (await AuditCountAsync(cadre.Cadre.Id)).ShouldBe(audit);
    }

    [Fact]
    public async Task A_cadre_PUT_without_a_version_is_428()
    {
        var api = await f.ApiAs("town.sanxing");
        var cadre = await NewCadreAsync(api);
        var none = await api.PutAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}", Edit("无版本"));
        none.StatusCode.ShouldBe((HttpStatusCode)428);
        (await none.Content.ReadAsStringAsync()).ShouldContain("If-Match");
    }

    [Fact]
    public async Task The_cadre_version_is_the_ETag_that_If_Match_sends_back()
    {
        var api = await f.ApiAs("town.sanxing");
        var cadre = await NewCadreAsync(api);
        var get = await api.GetAsync($"/api/v1/cadres/{cadre.Cadre.Id}");
        get.Headers.ETag!.Tag.ShouldBe($"\"{cadre.Version}\"");

        var withTag = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cadres/{cadre.Cadre.Id}") { Content = JsonContent.Create(Edit("按标签改")) };
        withTag.Headers.IfMatch.Add(get.Headers.ETag);
        var put = await api.SendAsync(withTag);
        var saved = await Read<CadreDetail>(put);
        (saved.Cadre.Name, saved.Version).ShouldBe(("按标签改", cadre.Version + 1));
        put.Headers.ETag!.Tag.ShouldBe($"\"{saved.Version}\"");

        // The weak form names the same version; an old one is refused like a stale body version.
        var weak = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cadres/{cadre.Cadre.Id}") { Content = JsonContent.Create(Edit("弱标签")) };
        weak.Headers.TryAddWithoutValidation("If-Match", $"W/\"{saved.Version}\"");
        (await Read<CadreDetail>(await api.SendAsync(weak))).Cadre.Name.ShouldBe("弱标签");
        var old = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cadres/{cadre.Cadre.Id}") { Content = JsonContent.Create(Edit("旧标签")) };
        old.Headers.IfMatch.Add(get.Headers.ETag);
        (await api.SendAsync(old)).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var disagree = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/cadres/{cadre.Cadre.Id}") { Content = JsonContent.Create(Edit("不一致", saved.Version + 1)) };
        disagree.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{saved.Version + 1 + 1}\""));
        (await api.SendAsync(disagree)).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task The_edit_page_refuses_a_stale_save_keeping_the_input_until_reloaded()
    {
        var api = await f.ApiAs("town.sanxing");
        var cadre = await NewCadreAsync(api);
        var client = await f.PagesAs("town.sanxing");
        var form = await CunzhiFactory.Html(await client.GetAsync($"/Cadres/Edit?id={cadre.Cadre.Id}"));
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value");
        version.ShouldBe(cadre.Version.ToString());

        (await api.PutAsJsonAsync($"/api/v1/cadres/{cadre.Cadre.Id}", Edit("别人先改", cadre.Version))).EnsureSuccessStatusCode();
        var stale = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Edit?id={cadre.Cadre.Id}", new()
        {
            ["Version"] = version!, ["Form.Name"] = "我的修改", ["Form.EducationCode"] = "postgraduate", ["Form.Origin"] = "Elected",
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("已被他人修改，请刷新后重试");
        page.QuerySelector("input[name='Form.Name']")!.GetAttribute("value").ShouldBe("我的修改");
        (await f.WithSystemDb(db => db.Cadres.Where(c => c.Id == cadre.Cadre.Id).Select(c => c.Name).SingleAsync())).ShouldBe("别人先改");

        // Reloaded, the form carries the new version and saves.
        var fresh = await CunzhiFactory.Html(await client.GetAsync($"/Cadres/Edit?id={cadre.Cadre.Id}"));
        var ok = await CunzhiFactory.PostFormAsync(client, $"/Cadres/Edit?id={cadre.Cadre.Id}", new()
        {
            ["Version"] = fresh.QuerySelector("input[name=Version]")!.GetAttribute("value")!, ["Form.Name"] = "我的修改", ["Form.EducationCode"] = "postgraduate", ["Form.Origin"] = "Elected",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Eight_parallel_appointments_to_one_vacant_director_post_one_succeeds_seven_get_409()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var candidates = new List<ReserveDetail>();
        for (var i = 0; i < 8; i++) candidates.Add(await NewReserveAsync(api, village, TestIds.Next(new DateOnly(1994, 5, 6), Gender.Male)));
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.ApiAs("town.sanxing")));

        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await c.PostAsJsonAsync($"/api/v1/reserves/{candidates[i].Reserve.Id}/appoint", new { postCode = "director", date = Today, term = 12 });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);

        var report = string.Join("\n", results.Select(r => $"{r.StatusCode} {r.Body}"));
        results.Count(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(1, report);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(7, report);
        results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ShouldAllBe(r => r.Body.Contains("主任"), report);
        var directors = await f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode == village && c.Status == CadreStatus.InOffice
            && (c.PostCode == "director" || c.PostCode == "secretary-director")));
        directors.ShouldBe(1);
        (await f.WithSystemDb(db => db.CadrePosts.CountAsync(p => p.RegionCode == village && p.EndDate == null))).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_director_is_refused_on_create()
    {
        var api = await f.ApiAs("town.sanxing");
        // 闹坪村 has a director in office (or a 一肩挑 secretary-director).
        var id = TestIds.Next(new DateOnly(1980, 3, 4), Gender.Male);
        var created = await api.PostAsJsonAsync("/api/v1/cadres", new
        {
            regionCode = Demo.Naoping, name = "第二主任", nationalId = id, educationCode = "college", isPartyMember = true,
            postCode = "director", startDate = "2024-03-01", term = 12, origin = "Elected",
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await created.Content.ReadAsStringAsync()).ShouldContain("主任职务不空缺");
        (await NaopingDirectorsAsync()).ShouldBe(1);
    }

    [Fact]
    public async Task A_second_director_is_refused_on_a_post_change()
    {
        var api = await f.ApiAs("town.sanxing");
        // 闹坪村 has a director in office (or a 一肩挑 secretary-director).
        var member = await NewCadreAsync(api);
        var change = await api.PostAsJsonAsync($"/api/v1/cadres/{member.Cadre.Id}/posts", new { postCode = "director", from = Today });
        change.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await change.Content.ReadAsStringAsync()).ShouldContain("主任职务不空缺");
        (await NaopingDirectorsAsync()).ShouldBe(1);
    }

    private Task<int> NaopingDirectorsAsync() => f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode == Demo.Naoping && c.Status == CadreStatus.InOffice
        && (c.PostCode == "director" || c.PostCode == "secretary-director")));

    [Fact]
    public async Task A_bad_reserve_ID_number_is_refused()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var number = TestIds.Next(new DateOnly(1994, 5, 6), Gender.Male);

        var wrongDigit = number[..17] + (number[17] == '0' ? '1' : '0');
        var invalid = await api.PostAsJsonAsync("/api/v1/reserves", new
        {
            regionCode = village, name = "校验", gender = "Male", birthDate = "1994-05-06", educationCode = "bachelor", isPartyMember = true,
            source = "ReturningYouth", channel = "UnitParty", recommender = "三兴镇党委", recommendedDate = "2025-01-01", nationalId = wrongDigit,
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("身份证号");
        var female = TestIds.Next(new DateOnly(1994, 5, 6), Gender.Female);
        var disagrees = await api.PostAsJsonAsync("/api/v1/reserves", new
        {
            regionCode = village, name = "不符", gender = "Male", birthDate = "1994-05-06", educationCode = "bachelor", isPartyMember = true,
            source = "ReturningYouth", channel = "UnitParty", recommender = "三兴镇党委", recommendedDate = "2025-01-01", nationalId = female,
        });
        disagrees.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await disagrees.Content.ReadAsStringAsync()).ShouldContain("性别与身份证号不符");
    }

    [Fact]
    public async Task A_reserve_ID_number_is_kept_masked()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var number = TestIds.Next(new DateOnly(1994, 5, 6), Gender.Male);
        var reserve = await NewReserveAsync(api, village, number);
        reserve.NationalIdMasked.ShouldBe(NationalId.Mask(number));
        (await api.GetStringAsync($"/api/v1/reserves/{reserve.Reserve.Id}")).ShouldNotContain(number);
        var stored = await f.WithSystemDb(db => db.Set<Domain.Reserves.ReserveCadre>().SingleAsync(r => r.Id == reserve.Reserve.Id));
        stored.NationalIdCipher.ShouldNotBeNull().ShouldNotContain(number);
    }

    [Fact]
    public async Task A_reserve_ID_number_is_carried_to_the_appointed_cadre()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var number = TestIds.Next(new DateOnly(1994, 5, 6), Gender.Male);
        var reserve = await NewReserveAsync(api, village, number);
        var appointed = await Read<ReserveDetail>(await api.PostAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}/appoint", new { postCode = "secretary-director", date = Today, term = 12 }));
        var cadreId = appointed.Cadre.ShouldNotBeNull().Id;
        var cadreJson = await api.GetStringAsync($"/api/v1/cadres/{cadreId}");
        cadreJson.ShouldNotContain(number);
        (await Read<CadreDetail>(await api.GetAsync($"/api/v1/cadres/{cadreId}"))).Cadre.NationalIdMasked.ShouldBe(NationalId.Mask(number));
        (await api.PostAsync($"/api/v1/cadres/{cadreId}/reveal", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var revealed = await Read<RevealedNumbers>(await (await f.ApiAs("county.admin")).PostAsync($"/api/v1/cadres/{cadreId}/reveal", null));
        revealed.NationalId.ShouldBe(number);
    }

    [Fact]
    public async Task A_reserve_without_an_ID_number_gives_it_at_appointment()
    {
        var api = await f.ApiAs("town.sanxing");
        var village = await EmptyVillageAsync();
        var reserve = await NewReserveAsync(api, village, null);
        reserve.NationalIdMasked.ShouldBeNull();

        var refused = await api.PostAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}/appoint", new { postCode = "committee-member", date = Today });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("未登记身份证号，任用时请填写身份证号");
        var invalid = await api.PostAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}/appoint", new { postCode = "committee-member", date = Today, nationalId = "123" });
        invalid.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await invalid.Content.ReadAsStringAsync()).ShouldContain("身份证号应为 18 位");
        (await f.WithSystemDb(db => db.Cadres.CountAsync(c => c.RegionCode == village))).ShouldBe(0);

        var number = TestIds.Next(new DateOnly(1994, 5, 6), Gender.Male);
        var appointed = await Read<ReserveDetail>(await api.PostAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}/appoint", new { postCode = "committee-member", date = Today, nationalId = number }));
        appointed.NationalIdMasked.ShouldBe(NationalId.Mask(number));
        var cadre = await f.WithSystemDb(db => db.Cadres.SingleAsync(c => c.Id == appointed.Cadre!.Id));
        cadre.NationalIdMasked.ShouldBe(NationalId.Mask(number));
        cadre.NationalIdHash.ShouldNotBeNull();
    }

    [Fact]
    public async Task A_reserve_PUT_without_a_version_is_428()
    {
        var api = await f.ApiAs("town.sanxing");
        var reserve = await NewReserveAsync(api, Demo.Naoping, null);
        (await api.PutAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}", ReserveBody("无版本", null))).StatusCode.ShouldBe((HttpStatusCode)428);
    }

    [Fact]
    public async Task A_stale_reserve_edit_is_409()
    {
        var api = await f.ApiAs("town.sanxing");
        var reserve = await NewReserveAsync(api, Demo.Naoping, null);
        await EditReserveFirstAsync(api, reserve);
        (await api.PutAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}", ReserveBody("后改", reserve.Version))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    private static object ReserveBody(string name, int? version) => new
    {
        name, gender = "Male", birthDate = "1994-05-06", educationCode = "bachelor", isPartyMember = true, source = "ReturningYouth", channel = "UnitParty",
        recommender = "三兴镇党委", recommendedDate = "2025-01-01", version,
    };

    /// <summary>Someone else renames the reserve to 先改 through the API, one version on.</summary>
    private static async Task EditReserveFirstAsync(HttpClient api, ReserveDetail reserve)
    {
        var first = await Read<ReserveDetail>(await api.PutAsJsonAsync($"/api/v1/reserves/{reserve.Reserve.Id}", ReserveBody("先改", reserve.Version)));
        first.Version.ShouldBe(reserve.Version + 1);
    }

    [Fact]
    public async Task The_reserve_edit_page_says_a_save_is_stale_keeping_the_input()
    {
        var api = await f.ApiAs("town.sanxing");
        var reserve = await NewReserveAsync(api, Demo.Naoping, null);
        var client = await f.PagesAs("town.sanxing");
        var form = await CunzhiFactory.Html(await client.GetAsync($"/Reserves/Edit?id={reserve.Reserve.Id}"));
        var version = form.QuerySelector("input[name=Version]")!.GetAttribute("value")!;
        await EditReserveFirstAsync(api, reserve);

        var stale = await CunzhiFactory.PostFormAsync(client, $"/Reserves/Edit?id={reserve.Reserve.Id}", new()
        {
            ["Version"] = version, ["Form.Name"] = "页面改", ["Form.Gender"] = "Male", ["Form.BirthDate"] = "1994-05-06", ["Form.EducationCode"] = "bachelor",
            ["Form.Source"] = "ReturningYouth", ["Form.Channel"] = "UnitParty", ["Form.Recommender"] = "三兴镇党委", ["Form.RecommendedDate"] = "2025-01-01",
        });
        stale.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(stale);
        page.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("已被他人修改，请刷新后重试");
        page.QuerySelector("input[name='Form.Name']")!.GetAttribute("value").ShouldBe("页面改");
        (await f.WithSystemDb(db => db.Set<Domain.Reserves.ReserveCadre>().Where(r => r.Id == reserve.Reserve.Id).Select(r => r.Name).SingleAsync())).ShouldBe("先改");
    }
}

public sealed class ConcurrencyTests_Sqlite(SqliteFactory f) : ConcurrencyTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ConcurrencyTests_Postgres(PostgresFactory f) : ConcurrencyTests<PostgresFactory>(f);
