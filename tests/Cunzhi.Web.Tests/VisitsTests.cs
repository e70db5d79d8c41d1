using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Home;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 走访 (上门问事): a round planned from the registry and shared among the town's officials, an official's phone list, the
/// one-screen visit record and its refusals, coverage counting a household once, the drill-down by scope, reassignment,
/// the export and the home's 本轮待走访. Each test arranges its own villages in 三兴镇 so the figures are its own.
/// </summary>
public abstract class VisitsTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", Second = "town.sanxing2", Naoping = "village.naoping";
    private static int _next = 300;

    private static DateOnly Today => China.Today;

    /// <summary>Arranges a village of 三兴镇 with <paramref name="households"/> households in two groups; returns its code and household ids.</summary>
    private async Task<(string Village, long[] Households)> VillageAsync(int households)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"走访测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        db.Add(new Region { Code = code + "001", Name = "第1组", Level = RegionLevel.VillagerGroup, ParentCode = code });
        db.Add(new Region { Code = code + "002", Name = "第2组", Level = RegionLevel.VillagerGroup, ParentCode = code });
        var homes = Enumerable.Range(1, households)
            .Select(i => new Household { RegionCode = code, Number = $"V{i:000}", HeadName = $"走访户{i}", GroupCode = code + (i <= households / 2 ? "001" : "002") }).ToList();
        db.AddRange(homes);
        await db.SaveChangesAsync();
        return (code, homes.Select(h => h.Id).ToArray());
    }

    private static readonly SemaphoreSlim AccountLock = new(1, 1);

    /// <summary>A second staff account of 三兴镇 (once per app).</summary>
    private async Task SecondOfficialAsync()
    {
        await AccountLock.WaitAsync();
        try
        {
            await using var scope = f.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<Cunzhi.Data.AppDbContext>();
            db.User.AsSystem();
            if (!await db.Users.AnyAsync(u => u.UserName == Second))
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync(Second, CunzhiFactory.Password, Domain.Accounts.Roles.TownAdmin, Demo.Sanxing, "三兴镇干部乙");
        }
        finally
        {
            AccountLock.Release();
        }
    }

    private static async Task<RoundView> PlanAsync(HttpClient api, string[] villages, string[]? officials = null, DateOnly? from = null, DateOnly? to = null)
    {
        var r = await api.PostAsJsonAsync("/api/v1/visits/rounds", new
        {
            name = "测试走访", fromDate = from ?? Today.AddDays(-3), toDate = to ?? Today.AddDays(10), villages, officials = officials ?? [Town],
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<RoundView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> VisitAsync(HttpClient api, long round, long household, DateOnly? date = null) =>
        api.PostAsJsonAsync($"/api/v1/visits/rounds/{round}/visits", new { householdId = household, date, notes = "家中一切正常", mattersRaised = 0 });

    private static async Task<RoundCoverage> CoverageAsync(HttpClient api, long round) =>
        (await api.GetFromJsonAsync<RoundCoverage>($"/api/v1/visits/rounds/{round}/coverage", CunzhiFactory.Json))!;

    private Task<int> RecordCountAsync() => f.WithSystemDb(db => db.Set<VisitRecord>().CountAsync());

    [Fact]
    public async Task Planning_shares_the_villages_households_near_equally_between_the_chosen_officials()
    {
        await SecondOfficialAsync();
        var (village, homes) = await VillageAsync(7);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village], [Town, Second]);
        round.Planned.ShouldBe(homes.Length);
        var coverage = await CoverageAsync(api, round.Id);
        coverage.Officials.Items.Select(o => (o.Key, o.Coverage.Planned)).OrderBy(o => o.Key).ShouldBe([(Town, 4), (Second, 3)]);
    }

    [Fact]
    public async Task Planning_a_village_of_another_town_is_refused()
    {
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/visits/rounds", new { name = "越界", fromDate = Today, toDate = Today.AddDays(5), villages = new[] { Demo.Dongxi } });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是本乡镇的村");
    }

    [Fact]
    public async Task Planning_with_an_account_that_is_not_the_towns_official_is_refused()
    {
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/visits/rounds", new { name = "越界", fromDate = Today, toDate = Today.AddDays(5), villages = new[] { village }, officials = new[] { "town.efeng" } });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是本乡镇的干部账号");
    }

    [Fact]
    public async Task A_visit_to_a_household_outside_the_round_is_refused_and_nothing_is_written()
    {
        var (inRound, _) = await VillageAsync(2);
        var (_, outside) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [inRound]);
        var before = await RecordCountAsync();
        var r = await VisitAsync(api, round.Id, outside[0]);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不在本轮走访范围内");
        (await RecordCountAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_visit_dated_outside_the_round_is_refused()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        var r = await VisitAsync(api, round.Id, homes[0], Today.AddDays(-4));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("走访日期须在本轮走访期间");
    }

    [Fact]
    public async Task A_visit_dated_after_today_is_refused()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        var r = await VisitAsync(api, round.Id, homes[0], Today.AddDays(1));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不能晚于今天");
    }

    [Fact]
    public async Task A_visit_defaults_to_today_and_to_the_recording_official()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        var r = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new { householdId = homes[1] });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var v = (await r.Content.ReadFromJsonAsync<VisitView>(CunzhiFactory.Json))!;
        (v.Date, v.VisitedBy, v.MattersRaised).ShouldBe((Today, Town, 0));
    }

    [Fact]
    public async Task A_second_visit_of_a_household_counts_once_in_coverage()
    {
        var (village, homes) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        (await VisitAsync(api, round.Id, homes[0])).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await VisitAsync(api, round.Id, homes[0], Today.AddDays(-1))).StatusCode.ShouldBe(HttpStatusCode.Created);
        var coverage = await CoverageAsync(api, round.Id);
        coverage.Total.ShouldBe(new VisitCoverage(3, 1));
        var visits = (await api.GetFromJsonAsync<Paged<VisitView>>($"/api/v1/visits/rounds/{round.Id}/visits?household={homes[0]}", CunzhiFactory.Json))!;
        visits.Total.ShouldBe(2);
    }

    [Fact]
    public async Task The_phone_list_marks_the_visited_households()
    {
        var (village, homes) = await VillageAsync(4);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        (await VisitAsync(api, round.Id, homes[2])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var list = (await api.GetFromJsonAsync<VisitList>($"/api/v1/visits/rounds/{round.Id}/mine?pageSize=2&page=2", CunzhiFactory.Json))!;
        list.Mine.ShouldBe(new VisitCoverage(4, 1));
        list.Households.Total.ShouldBe(4);
        list.Households.Items.Select(h => (h.HouseholdId, h.Visited)).ShouldBe([(homes[2], true), (homes[3], false)]);
    }

    [Fact]
    public async Task The_phone_list_filters_by_villager_group()
    {
        var (village, homes) = await VillageAsync(4);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        var list = (await api.GetFromJsonAsync<VisitList>($"/api/v1/visits/rounds/{round.Id}/mine?village={village}&group={village}002", CunzhiFactory.Json))!;
        list.Households.Items.Select(h => h.HouseholdId).ShouldBe([homes[2], homes[3]]);
    }

    [Fact]
    public async Task Reassigning_moves_a_household_to_the_other_officials_list()
    {
        await SecondOfficialAsync();
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village], [Town]);
        var first = (await api.GetFromJsonAsync<Paged<AssignmentView>>($"/api/v1/visits/rounds/{round.Id}/assignments", CunzhiFactory.Json))!.Items[0];
        var r = await api.PutAsJsonAsync($"/api/v1/visits/assignments/{first.Id}", new { official = Second, version = first.Version });
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        var theirs = (await (await f.ApiAs(Second)).GetFromJsonAsync<VisitList>($"/api/v1/visits/rounds/{round.Id}/mine", CunzhiFactory.Json))!;
        theirs.Households.Items.Select(h => h.HouseholdId).ShouldBe([first.HouseholdId]);
    }

    [Fact]
    public async Task Reassigning_with_a_stale_version_is_refused()
    {
        await SecondOfficialAsync();
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village], [Town]);
        var first = (await api.GetFromJsonAsync<Paged<AssignmentView>>($"/api/v1/visits/rounds/{round.Id}/assignments", CunzhiFactory.Json))!.Items[0];
        (await api.PutAsJsonAsync($"/api/v1/visits/assignments/{first.Id}", new { official = Second, version = first.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await api.PutAsJsonAsync($"/api/v1/visits/assignments/{first.Id}", new { official = Town, version = first.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task A_village_reads_only_its_own_households_coverage_of_a_round()
    {
        var (other, _) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [Demo.Naoping, other]);
        var naoping = await f.WithSystemDb(db => db.Households.CountAsync(h => h.RegionCode == Demo.Naoping));
        var coverage = await CoverageAsync(await f.ApiAs(Naoping), round.Id);
        coverage.Villages.Items.Select(v => v.Key).ShouldBe([Demo.Naoping]);
        coverage.Total.Planned.ShouldBe(naoping);
    }

    [Fact]
    public async Task The_county_drills_down_to_the_towns_rounds()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        (await VisitAsync(api, round.Id, homes[0])).StatusCode.ShouldBe(HttpStatusCode.Created);
        var county = await f.ApiAs("county.admin");
        var byTown = (await county.GetFromJsonAsync<RegionCoverage>($"/api/v1/visits/coverage?year={round.FromDate.Year}", CunzhiFactory.Json))!;
        var town = (await county.GetFromJsonAsync<RegionCoverage>($"/api/v1/visits/coverage?region={Demo.Sanxing}&year={round.FromDate.Year}", CunzhiFactory.Json))!;
        town.Rows.Items.Single(l => l.RoundId == round.Id).Coverage.ShouldBe(new VisitCoverage(2, 1));
        byTown.Rows.Items.Single(l => l.Key == Demo.Sanxing).Coverage.ShouldBe(town.Total);
    }

    [Fact]
    public async Task Another_town_does_not_see_the_round()
    {
        var (village, _) = await VillageAsync(2);
        var round = await PlanAsync(await f.ApiAs(Town), [village]);
        (await (await f.ApiAs("town.efeng")).GetAsync($"/api/v1/visits/rounds/{round.Id}/coverage")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_round_exports_its_coverage_as_a_workbook()
    {
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        var r = await api.GetAsync($"/api/v1/visits/rounds/{round.Id}/coverage/export");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Cunzhi.Web.Features.Imports.XlsxDownload.ContentType);
        (await r.Content.ReadAsByteArrayAsync()).Take(2).ShouldBe(new byte[] { (byte)'P', (byte)'K' });
    }

    [Fact]
    public async Task The_home_counts_the_officials_households_still_to_visit()
    {
        var (village, homes) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        async Task<long> Pending() => (await api.GetFromJsonAsync<TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!.Items.Single(i => i.Key == "visits-pending").Count;
        var before = await Pending();
        var round = await PlanAsync(api, [village]);
        (await VisitAsync(api, round.Id, homes[0])).StatusCode.ShouldBe(HttpStatusCode.Created);
        (await Pending()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_village_cadre_may_not_plan_a_round()
    {
        var r = await (await f.ApiAs(Naoping)).PostAsJsonAsync("/api/v1/visits/rounds", new { name = "x", fromDate = Today, toDate = Today, villages = new[] { Demo.Naoping } });
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_visit_screen_records_a_visit_from_the_phone_list()
    {
        var (village, homes) = await VillageAsync(2);
        var round = await PlanAsync(await f.ApiAs(Town), [village]);
        var pages = await f.PagesAs(Town);
        var list = await CunzhiFactory.Html(await pages.GetAsync($"/Visits/Mine?round={round.Id}"));
        list.QuerySelector($"[data-household='{homes[0]}']")!.GetAttribute("data-visited").ShouldBe("false");
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Visits/Record?round={round.Id}&household={homes[0]}", new() { ["Notes"] = "反映灌溉水渠堵塞", ["MattersRaised"] = "1" });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await CunzhiFactory.Html(await pages.GetAsync($"/Visits/Mine?round={round.Id}"));
        after.QuerySelector($"[data-household='{homes[0]}']")!.GetAttribute("data-visited").ShouldBe("true");
    }

    [Fact]
    public async Task The_phone_list_shows_each_household_s_visit_count_and_last_visit()
    {
        var (village, homes) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        var round = await PlanAsync(api, [village]);
        (await VisitAsync(api, round.Id, homes[1], Today.AddDays(-2))).EnsureSuccessStatusCode();
        foreach (var day in new[] { Today.AddDays(-3), Today.AddDays(-1), Today.AddDays(-2) })
            (await VisitAsync(api, round.Id, homes[2], day)).EnsureSuccessStatusCode();
        var list = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Visits/Mine?round={round.Id}"));
        (string? Visits, string? Last) Shown(long home)
        {
            var row = list.QuerySelector($"[data-household='{home}']")!;
            return (row.QuerySelector("[data-testid=visits]")?.TextContent.Trim(), row.QuerySelector("[data-testid=last-visit]")?.TextContent.Trim());
        }
        Shown(homes[0]).ShouldBe((null, null));
        Shown(homes[1]).ShouldBe(("已走访", Today.AddDays(-2).ToString("MM-dd")));
        Shown(homes[2]).ShouldBe(("已走访 3 次", Today.AddDays(-1).ToString("MM-dd")));
    }

    [Fact]
    public async Task My_rounds_are_only_the_rounds_with_my_households()
    {
        await SecondOfficialAsync();
        var (other, _) = await VillageAsync(2);
        var (own, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var theirs = await PlanAsync(api, [other], [Second]);
        var mine = await PlanAsync(api, [own]);
        var ids = (await api.GetFromJsonAsync<List<RoundView>>("/api/v1/visits/mine/rounds", CunzhiFactory.Json))!.Select(r => r.Id).ToList();
        ids.ShouldContain(mine.Id);
        ids.ShouldNotContain(theirs.Id);
    }

    [Fact]
    public async Task The_phone_list_without_a_round_opens_the_current_round()
    {
        var (village, homes) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        await PlanAsync(api, [village], from: Today.AddDays(-20), to: Today.AddDays(-10));
        var current = await PlanAsync(api, [village], from: Today, to: Today.AddDays(5));
        (await api.GetFromJsonAsync<List<RoundView>>("/api/v1/visits/mine/rounds", CunzhiFactory.Json))![0].Id.ShouldBe(current.Id);
        var list = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync("/Visits/Mine"));
        list.QuerySelector($"select[name=Round] option[value='{current.Id}']")!.HasAttribute("selected").ShouldBeTrue();
        list.QuerySelectorAll("[data-household]").Select(e => long.Parse(e.GetAttribute("data-household")!)).ShouldBe(homes);
    }

    [Theory]
    [InlineData("/Visits")]
    [InlineData("/Visits/Coverage")]
    [InlineData("/Visits/Calendar")]
    public async Task The_visit_pages_open_for_the_county(string path) =>
        (await (await f.PagesAs("county.admin")).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
}

public sealed class VisitsTests_Sqlite(SqliteFactory f) : VisitsTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class VisitsTests_Postgres(PostgresFactory f) : VisitsTests<PostgresFactory>(f);
