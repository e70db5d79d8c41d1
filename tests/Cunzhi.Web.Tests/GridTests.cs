using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Grid;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Grid;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 一网三联 — the net: links in scope, coverage against arranged data, a departing cadre's links closed, the one-current-link
/// rule under parallel requests, the link import all or nothing, bad input. Each test arranges its own village in 三兴镇
/// (three groups, one grid, six households, two Party members, two serving cadres) so the demo's net does not blur the figures.
/// </summary>
public abstract class GridTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", Naoping = "village.naoping";
    private static int _next = 250;

    /// <summary>An arranged village: codes of its parts and ids of its people.</summary>
    private sealed record Net(string Village, string Name, string[] Groups, string Grid, long[] Households, string[] Numbers, long MemberA, long MemberB, long NonMember,
        long CadreX, long CadreY);

    private async Task<Net> ArrangeAsync()
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        var name = $"网格测试{code[^3..]}村";
        db.Add(new Region { Code = code, Name = name, Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        string[] groups = [code + "001", code + "002", code + "003"];
        for (var i = 0; i < groups.Length; i++) db.Add(new Region { Code = groups[i], Name = $"第{i + 1}组", Level = RegionLevel.VillagerGroup, ParentCode = code });
        db.Add(new Region { Code = code + "901", Name = "第一网格", Level = RegionLevel.Grid, ParentCode = code });
        var homes = Enumerable.Range(1, 6).Select(i => new Household
        {
            RegionCode = code, Number = $"G{i:000}", HeadName = $"户主{i}", GroupCode = groups[i <= 3 ? 0 : i <= 5 ? 1 : 2],
        }).ToList();
        homes[0].Residents.Add(new Resident { RegionCode = code, Name = "党员甲", IsPartyMember = true, BirthDate = new DateOnly(1970, 1, 1), Relation = "户主" });
        homes[3].Residents.Add(new Resident { RegionCode = code, Name = "党员乙", IsPartyMember = true, BirthDate = new DateOnly(1975, 1, 1), Relation = "户主" });
        homes[5].Residents.Add(new Resident { RegionCode = code, Name = "群众丙", IsPartyMember = false, BirthDate = new DateOnly(1980, 1, 1), Relation = "户主" });
        db.AddRange(homes);
        Cadre NewCadre(string n)
        {
            var c = new Cadre
            {
                RegionCode = code, Name = n, BirthDate = new DateOnly(1980, 3, 1), EducationCode = "senior", PostCode = "committee-member",
                StartDate = new DateOnly(2021, 1, 1), Status = CadreStatus.InOffice,
            };
            c.Posts.Add(new CadrePost { RegionCode = code, PostCode = "committee-member", StartDate = c.StartDate });
            return c;
        }
        var x = NewCadre("干部甲");
        var y = NewCadre("干部乙");
        db.AddRange(x, y);
        await db.SaveChangesAsync();
        return new(code, name, groups, code + "901", homes.Select(h => h.Id).ToArray(), homes.Select(h => h.Number).ToArray(),
            homes[0].Residents[0].Id, homes[3].Residents[0].Id, homes[5].Residents[0].Id, x.Id, y.Id);
    }

    private static async Task<CadreLinkView> LinkCadreAsync(HttpClient api, string group, long cadre)
    {
        var r = await api.PostAsJsonAsync("/api/v1/grid/cadre-links", new { groupCode = group, cadreId = cadre, fromDate = "2026-01-01" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CadreLinkView>(CunzhiFactory.Json))!;
    }

    private static async Task LinkMemberAsync(HttpClient api, long household, long member)
    {
        var r = await api.PostAsJsonAsync("/api/v1/grid/member-links", new { householdId = household, residentId = member, fromDate = "2026-01-01" });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
    }

    private static async Task<CoverageReport> CoverageAsync(HttpClient api, string region) =>
        (await api.GetFromJsonAsync<CoverageReport>($"/api/v1/grid/coverage?region={region}", CunzhiFactory.Json))!;

    [Fact]
    public async Task Coverage_of_a_village_counts_its_arranged_links()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        await LinkMemberAsync(api, net.Households[1], net.MemberA);
        await LinkMemberAsync(api, net.Households[2], net.MemberA);
        await LinkMemberAsync(api, net.Households[4], net.MemberB);

        var c = (await CoverageAsync(api, net.Village)).Total;
        (c.Groups, c.GroupsWithoutCadre, c.Households, c.HouseholdsWithoutMember, c.Members, c.MembersUnder, c.MembersOver).ShouldBe((3, 2, 6, 3, 2, 2, 0));
        var report = await CoverageAsync(api, net.Village);
        report.GroupsWithoutCadre.Select(g => g.Code).ShouldBe([net.Groups[1], net.Groups[2]]);
        report.MembersOffRange.Select(m => (m.Name, m.Households)).OrderBy(m => m.Name).ShouldBe([("党员乙", 1), ("党员甲", 2)]);
    }

    [Fact]
    public async Task Coverage_of_a_town_lists_the_village_with_its_own_figures()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        await LinkCadreAsync(api, net.Groups[1], net.CadreY);
        var town = await CoverageAsync(api, Demo.Sanxing);
        var pages = town.Rows.Total;
        var row = town.Rows.Items.FirstOrDefault(r => r.Code == net.Village)
                  ?? (await api.GetFromJsonAsync<CoverageReport>($"/api/v1/grid/coverage?region={Demo.Sanxing}&pageSize=200", CunzhiFactory.Json))!.Rows.Items.Single(r => r.Code == net.Village);
        pages.ShouldBeGreaterThan(1);
        (row.Coverage.Groups, row.Coverage.GroupsWithoutCadre, row.Coverage.Households, row.Coverage.HouseholdsWithoutMember).ShouldBe((3, 2, 6, 6));
    }

    [Fact]
    public async Task A_cadre_leaving_office_closes_their_group_links_on_the_leaving_date()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var link = await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        (await CoverageAsync(api, net.Village)).Total.GroupsWithoutCadre.ShouldBe(2);

        (await api.PostAsJsonAsync($"/api/v1/cadres/{net.CadreX}/departure", new { status = "DepartedNormally", date = "2026-02-10", reason = "换届离任" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var stored = await f.WithSystemDb(db => db.Set<CadreGroupLink>().AsNoTracking().SingleAsync(l => l.Id == link.Id));
        stored.ToDate.ShouldBe(new DateOnly(2026, 2, 10));
        (await CoverageAsync(api, net.Village)).Total.GroupsWithoutCadre.ShouldBe(3);
    }

    [Fact]
    public async Task Another_villages_net_is_not_found_for_a_village_cadre()
    {
        var net = await ArrangeAsync();
        var town = await f.ApiAs(Town);
        var link = await LinkCadreAsync(town, net.Groups[0], net.CadreX);
        var village = await f.ApiAs(Naoping);

        (await village.GetAsync($"/api/v1/grid/villages/{net.Village}/net")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/grid/villages/{net.Village}/cadre-links")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.PostAsJsonAsync("/api/v1/grid/cadre-links", new { groupCode = net.Groups[1], cadreId = net.CadreY, fromDate = "2026-01-01" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.PutAsJsonAsync($"/api/v1/grid/cadre-links/{link.Id}", new { toDate = "2026-03-01", version = link.Version })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await f.WithSystemDb(db => db.Set<CadreGroupLink>().CountAsync(l => l.RegionCode == net.Village && l.ToDate == null))).ShouldBe(1);
    }

    [Fact]
    public async Task A_village_cadre_may_not_change_the_county_setting()
    {
        var village = await f.ApiAs(Naoping);
        (await village.PutAsJsonAsync("/api/v1/grid/settings", new { minHouseholds = 1, maxHouseholds = 2, version = 0 })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_village_cadre_links_a_member_in_their_own_village()
    {
        var (household, member) = await f.WithSystemDb(async db =>
        {
            var homes = await db.Households.Where(h => h.RegionCode == Demo.Naoping).OrderBy(h => h.Id).Take(2).ToListAsync();
            var resident = new Resident { HouseholdId = homes[0].Id, RegionCode = Demo.Naoping, Name = "联户测试党员", IsPartyMember = true, BirthDate = new DateOnly(1972, 5, 1) };
            db.Add(resident);
            await db.SaveChangesAsync();
            return (homes[1].Id, resident.Id);
        });
        var api = await f.ApiAs(Naoping);
        await LinkMemberAsync(api, household, member);
        (await f.WithSystemDb(db => db.Set<MemberHouseholdLink>().CountAsync(l => l.HouseholdId == household && l.ResidentId == member && l.ToDate == null))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_links_for_one_group_leave_one_current_cadre()
    {
        var net = await ArrangeAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => f.ApiAs(Town)));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var r = await c.PostAsJsonAsync("/api/v1/grid/cadre-links", new { groupCode = net.Groups[2], cadreId = i % 2 == 0 ? net.CadreX : net.CadreY, fromDate = "2026-01-01" });
            return (r.StatusCode, Body: await r.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);

        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, string.Join("\n", results.Select(r => $"{r.StatusCode} {r.Body}")));
        results.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ShouldAllBe(r => r.Body.Contains("联系干部") || r.Body.Contains(NetLinking.RaceLost));
        (await f.WithSystemDb(db => db.Set<CadreGroupLink>().CountAsync(l => l.GroupCode == net.Groups[2] && l.ToDate == null))).ShouldBe(1);
    }

    [Fact]
    public async Task Parallel_links_for_one_household_leave_one_current_member()
    {
        var net = await ArrangeAsync();
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => f.ApiAs(Town)));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            return (await c.PostAsJsonAsync("/api/v1/grid/member-links", new { householdId = net.Households[2], residentId = i % 2 == 0 ? net.MemberA : net.MemberB, fromDate = "2026-01-01" }))
                .StatusCode;
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);

        results.Count(s => s == HttpStatusCode.Created).ShouldBe(1);
        results.Where(s => s != HttpStatusCode.Created).ShouldAllBe(s => s == HttpStatusCode.Conflict);
        (await f.WithSystemDb(db => db.Set<MemberHouseholdLink>().CountAsync(l => l.HouseholdId == net.Households[2] && l.ToDate == null))).ShouldBe(1);
    }

    [Fact]
    public async Task Ending_a_link_with_a_stale_version_is_refused()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var link = await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        (await api.PutAsJsonAsync($"/api/v1/grid/cadre-links/{link.Id}", new { toDate = "2026-03-01", version = link.Version + 1 })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await f.WithSystemDb(db => db.Set<CadreGroupLink>().AsNoTracking().SingleAsync(l => l.Id == link.Id))).ToDate.ShouldBeNull();
    }

    [Fact]
    public async Task Linking_a_non_member_is_refused_in_chinese()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var r = await api.PostAsJsonAsync("/api/v1/grid/member-links", new { householdId = net.Households[1], residentId = net.NonMember, fromDate = "2026-01-01" });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是党员");
    }

    [Theory]
    [InlineData("{\"groupCode\":\"abc\",\"cadreId\":1,\"fromDate\":\"2026-01-01\"}", "村民小组代码")]
    [InlineData("{\"groupCode\":\"360922106208001\",\"cadreId\":0,\"fromDate\":\"2026-01-01\"}", "请选择联系干部")]
    [InlineData("{\"groupCode\":\"360922106208001\",\"cadreId\":1,\"fromDate\":\"1900-01-01\"}", "请填写日期")]
    [InlineData("{\"groupCode\":\"360922106208001\",\"cadreId\":1,\"fromDate\":\"明天\"}", "")]
    public async Task Bad_link_input_is_a_400_in_chinese(string body, string message)
    {
        var api = await f.ApiAs(Town);
        var r = await api.PostAsync("/api/v1/grid/cadre-links", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var text = await r.Content.ReadAsStringAsync();
        text.ShouldContain(message);
        JsonDocument.Parse(text).RootElement.GetProperty("title").GetString()!.Any(c => c >= 0x4e00 && c <= 0x9fff).ShouldBeTrue(text);
    }

    private static readonly string[] Headers =
        [NetLinkImporter.Village, NetLinkImporter.LinkKind, NetLinkImporter.Group, NetLinkImporter.Name, NetLinkImporter.IdTail, NetLinkImporter.MemberHousehold,
         NetLinkImporter.LinkedHousehold, NetLinkImporter.From];

    [Fact]
    public async Task An_import_with_one_bad_row_writes_nothing_and_names_the_row()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var sheet = await ImportFiles.Sheet(Headers,
            [net.Village, NetLinkImporter.CadreKind, "第1组", "干部甲", null, null, null, "2026-01-01"],
            [net.Village, NetLinkImporter.MemberKind, null, "党员甲", null, net.Numbers[0], net.Numbers[1], "2026-01-01"],
            [net.Village, NetLinkImporter.MemberKind, null, "群众丙", null, net.Numbers[5], net.Numbers[2], "2026-01-01"]);
        var job = await api.ImportAsync("/api/v1/grid/links/import", sheet);

        job.Written.ShouldBe(0);
        job.Errors.Select(e => e.Row).Distinct().ShouldBe([4]);
        job.Errors.ShouldContain(e => e.Message.Contains("不是党员"));
        (await f.WithSystemDb(db => db.Set<CadreGroupLink>().CountAsync(l => l.RegionCode == net.Village))).ShouldBe(0);
        (await f.WithSystemDb(db => db.Set<MemberHouseholdLink>().CountAsync(l => l.RegionCode == net.Village))).ShouldBe(0);
    }

    [Fact]
    public async Task An_import_of_valid_rows_writes_every_link()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var sheet = await ImportFiles.Sheet(Headers,
            [net.Village, NetLinkImporter.CadreKind, "第1组", "干部甲", null, null, null, "2026-01-01"],
            [net.Village, NetLinkImporter.CadreKind, net.Groups[1], "干部乙", null, null, null, "2026-01-01"],
            [net.Village, NetLinkImporter.MemberKind, null, "党员甲", null, net.Numbers[0], net.Numbers[1], "2026-01-01"],
            [net.Village, NetLinkImporter.MemberKind, null, "党员乙", null, net.Numbers[3], net.Numbers[4], "2026-01-01"]);
        var job = await api.ImportAsync("/api/v1/grid/links/import", sheet);

        job.ErrorCount.ShouldBe(0, string.Join("; ", job.Errors.Select(e => $"{e.Row} {e.Column} {e.Message}")));
        var c = (await CoverageAsync(api, net.Village)).Total;
        (c.GroupsWithoutCadre, c.HouseholdsWithoutMember).ShouldBe((1, 4));
    }

    [Fact]
    public async Task An_import_naming_a_group_twice_is_refused_on_the_second_row()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var sheet = await ImportFiles.Sheet(Headers,
            [net.Village, NetLinkImporter.CadreKind, "第1组", "干部甲", null, null, null, "2026-01-01"],
            [net.Village, NetLinkImporter.CadreKind, "第1组", "干部乙", null, null, null, "2026-01-01"]);
        var job = await api.ImportAsync("/api/v1/grid/links/import", sheet);
        job.Errors.Select(e => e.Row).ShouldBe([3]);
        (await f.WithSystemDb(db => db.Set<CadreGroupLink>().CountAsync(l => l.RegionCode == net.Village))).ShouldBe(0);
    }

    [Fact]
    public async Task The_village_page_shows_the_tree_with_the_groups_cadre()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        await api.PutAsJsonAsync($"/api/v1/grid/groups/{net.Groups[0]}/grid", new { gridCode = net.Grid, version = 0 });
        var pages = await f.PagesAs(Town);
        var doc = await CunzhiFactory.Html(await pages.GetAsync($"/Grid/Village?code={net.Village}"));
        var grid = doc.QuerySelector($"[data-grid='{net.Grid}']")!;
        grid.QuerySelector($"[data-group='{net.Groups[0]}'] [data-testid=cadre]")!.TextContent.ShouldContain("干部甲");
        doc.QuerySelector("[data-testid=unplaced]")!.QuerySelectorAll("[data-group]").Length.ShouldBe(2);
    }

    // ---- 联系历史 (the village page's past links) ----

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> HistoryPageAsync(string village, string kind) =>
        await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Grid/Village?code={village}&history={kind}"));

    [Fact]
    public async Task An_ended_cadre_link_is_listed_in_the_village_history_with_its_dates()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var link = await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        (await api.PutAsJsonAsync($"/api/v1/grid/cadre-links/{link.Id}", new { toDate = "2026-03-01", version = link.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var row = (await HistoryPageAsync(net.Village, "Groups")).QuerySelector($"[data-history='{link.Id}']")!;
        row.TextContent.ShouldContain("第1组");
        row.TextContent.ShouldContain("干部甲");
        row.TextContent.ShouldContain("2026-01-01 — 2026-03-01");
        row.QuerySelector("[data-testid=why]").ShouldBeNull();
    }

    [Fact]
    public async Task A_current_link_is_not_listed_in_the_history()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var link = await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        var doc = await HistoryPageAsync(net.Village, "Groups");
        doc.QuerySelector($"[data-history='{link.Id}']").ShouldBeNull();
        doc.QuerySelector("[data-testid=history]")!.TextContent.ShouldContain("没有已结束的联系");
    }

    [Fact]
    public async Task A_departed_cadres_link_shows_the_departure_as_why_it_ended()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        var link = await LinkCadreAsync(api, net.Groups[0], net.CadreX);
        (await api.PostAsJsonAsync($"/api/v1/cadres/{net.CadreX}/departure", new { status = "DepartedNormally", date = "2026-02-10", reason = "换届离任" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        var row = (await HistoryPageAsync(net.Village, "Groups")).QuerySelector($"[data-history='{link.Id}']")!;
        row.QuerySelector("[data-testid=why]")!.TextContent.ShouldBe("干部离任（换届离任）");
        row.TextContent.ShouldContain("2026-02-10");
    }

    [Fact]
    public async Task An_ended_member_link_is_listed_under_households_with_the_member()
    {
        var net = await ArrangeAsync();
        var api = await f.ApiAs(Town);
        await LinkMemberAsync(api, net.Households[1], net.MemberA);
        var link = await f.WithSystemDb(db => db.Set<MemberHouseholdLink>().AsNoTracking().SingleAsync(l => l.HouseholdId == net.Households[1]));
        (await api.PutAsJsonAsync($"/api/v1/grid/member-links/{link.Id}", new { toDate = "2026-04-30", version = link.RowVersion })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var doc = await HistoryPageAsync(net.Village, "Households");
        var row = doc.QuerySelector($"[data-history='{link.Id}']")!;
        row.TextContent.ShouldContain(net.Numbers[1]);
        row.TextContent.ShouldContain("党员甲");
        row.TextContent.ShouldContain("2026-04-30");
    }

    [Fact]
    public async Task The_history_of_a_village_out_of_scope_is_not_found()
    {
        var net = await ArrangeAsync();
        var r = await (await f.PagesAs(Naoping)).GetAsync($"/Grid/Village?code={net.Village}&history=Groups");
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task An_unknown_history_kind_shows_the_tree()
    {
        var net = await ArrangeAsync();
        var r = await (await f.PagesAs(Town)).GetAsync($"/Grid/Village?code={net.Village}&history=Nonsense");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await CunzhiFactory.Html(r);
        doc.QuerySelector("[data-testid=net-tree]").ShouldNotBeNull();
        doc.QuerySelector("[data-testid=history]").ShouldBeNull();
    }

    // ---- 首页待办: 村民小组无联系干部 ----

    private async Task<Cunzhi.Web.Features.Home.TodoItem?> UncoveredTodoAsync(string user) =>
        (await (await f.ApiAs(user)).GetFromJsonAsync<Cunzhi.Web.Features.Home.TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!.Items
        .SingleOrDefault(i => i.Key == "groups-uncovered");

    [Fact]
    public async Task The_town_home_counts_a_new_villages_groups_without_a_cadre()
    {
        var before = (await UncoveredTodoAsync(Town))!.Count;
        await ArrangeAsync();
        var after = (await UncoveredTodoAsync(Town))!;
        after.Count.ShouldBe(before + 3);
        after.Link.ShouldBe("/Grid/Coverage");
    }

    [Fact]
    public async Task Linking_a_cadre_lowers_the_town_home_count_by_one()
    {
        var net = await ArrangeAsync();
        var before = (await UncoveredTodoAsync(Town))!.Count;
        await LinkCadreAsync(await f.ApiAs(Town), net.Groups[2], net.CadreY);
        (await UncoveredTodoAsync(Town))!.Count.ShouldBe(before - 1);
    }

    [Fact]
    public async Task The_village_home_counts_its_own_groups_without_a_cadre()
    {
        var today = China.Today;
        var expected = await f.WithSystemDb(async db =>
        {
            var linked = await db.Set<CadreGroupLink>().Where(l => l.RegionCode == Demo.Naoping && l.FromDate <= today && (l.ToDate == null || l.ToDate >= today))
                .Select(l => l.GroupCode).ToListAsync();
            return await db.Regions.CountAsync(r => r.ParentCode == Demo.Naoping && r.Level == RegionLevel.VillagerGroup && !linked.Contains(r.Code));
        });
        await ArrangeAsync(); // another village of the town: not the village's
        var todo = (await UncoveredTodoAsync(Naoping))!;
        todo.Count.ShouldBe(expected);
        todo.Link.ShouldBe("/Grid/Village");
    }

    [Fact]
    public async Task The_county_home_has_no_uncovered_groups_todo()
    {
        (await UncoveredTodoAsync("county.admin")).ShouldBeNull();
    }

    [Fact]
    public async Task A_village_cadre_lands_on_their_own_villages_net()
    {
        var pages = await f.PagesAs(Naoping);
        var r = await pages.GetAsync("/Grid/Village");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(r)).QuerySelector("h1")!.TextContent.ShouldContain("闹坪村");
    }
}

public sealed class GridTests_Sqlite(SqliteFactory f) : GridTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class GridTests_Postgres(PostgresFactory f) : GridTests<PostgresFactory>(f);
