using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Tests.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 诉求统计 on a small hand-made town whose answers are known: Zibo's six figures, per village, time to close by kind,
/// the overdue share, the county's row drilling into the town, the page and the Excel equal to the API, scope and bad input.
/// </summary>
public abstract class MatterStatsTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Api = "/api/v1/matters/stats";
    private const string Town = "360922990000", A = "360922990201", B = "360922990202", C = "360922990203";
    private const string Period = "from=2025-01-01&to=2025-06-30";
    private static readonly SemaphoreSlim Lock = new(1, 1);

    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// The town (once per database): villages A (3 households), B (2), C (none visited, no matters); visits and matters
    /// around the first half of 2025 (see each line for what it counts).
    /// </summary>
    private async Task ArrangeAsync()
    {
        await Lock.WaitAsync();
        try
        {
            await using var scope = f.SystemScope(out var db);
            if (await db.Regions.AnyAsync(r => r.Code == Town)) return;
            db.AddRange(new Region { Code = Town, Name = "统计测试镇", Level = RegionLevel.Town, ParentCode = Demo.County },
                new Region { Code = A, Name = "甲村", Level = RegionLevel.Village, ParentCode = Town },
                new Region { Code = B, Name = "乙村", Level = RegionLevel.Village, ParentCode = Town },
                new Region { Code = C, Name = "丙村", Level = RegionLevel.Village, ParentCode = Town });
            var homes = new[] { A, A, A, B, B }.Select((v, i) => new Household { RegionCode = v, Number = $"S{i}", HeadName = $"统计户{i}" }).ToArray();
            db.AddRange(homes);
            var round = new VisitRound { RegionCode = Town, Name = "统计测试轮", FromDate = D("2024-12-01"), ToDate = D("2025-12-31"), CreatedBy = "town.test" };
            db.Add(round);
            await db.SaveChangesAsync();
            VisitRecord Visit(Household h, string on) => new()
            {
                RoundId = round.Id, RegionCode = h.RegionCode, HouseholdId = h.Id, Date = D(on), VisitedBy = "town.test", RecordedBy = "town.test",
            };
            db.AddRange(
                Visit(homes[0], "2025-01-05"), Visit(homes[0], "2025-03-05"),  // A, household 0 twice: one household
                Visit(homes[1], "2025-06-30"),                                  // A, household 1 on the last day
                Visit(homes[3], "2024-12-31"),                                  // B, household 3 before the period: not counted
                Visit(homes[4], "2025-01-01"),                                  // B, household 4 on the first day
                Visit(homes[2], "2025-07-01"));                                 // A, household 2 after the period: not counted
            Matter M(string village, MatterKind kind, MatterState state, string received, string due, string? done) => new()
            {
                RegionCode = village, Kind = kind, State = state, Level = MatterLevel.Village, Source = MatterSource.Visit, Title = "统计测试",
                ReceivedOn = D(received), DueOn = D(due), DoneOn = done is null ? null : D(done), ReceiptHash = Guid.NewGuid().ToString("N"), CreatedBy = "town.test",
            };
            db.AddRange(
                M(A, MatterKind.MicroMatter, MatterState.Confirmed, "2025-01-01", "2025-01-10", "2025-01-04"),  // 3 days, on time
                M(A, MatterKind.MicroMatter, MatterState.Done, "2025-02-01", "2025-02-05", "2025-02-11"),       // 10 days, late
                M(A, MatterKind.Problem, MatterState.InProgress, "2025-03-01", "2025-03-10", null),            // open, overdue
                M(B, MatterKind.Problem, MatterState.Done, "2025-04-01", "2025-04-10", "2025-04-02"),          // 1 day, on time
                M(B, MatterKind.DevelopmentProject, MatterState.Confirmed, "2024-12-01", "2024-12-31", "2025-05-01"), // 151 days; due before
                M(B, MatterKind.VillagePlan, MatterState.Done, "2025-06-01", "2025-06-30", "2025-07-05"),      // done after: not counted; late
                M(B, MatterKind.MicroMatter, MatterState.InProgress, "2025-02-01", "2025-12-31", "2025-03-01")); // reopened: not counted
            await db.SaveChangesAsync();
        }
        finally
        {
            Lock.Release();
        }
    }

    private async Task<MatterStatsReport> ReportAsync(string query, string user = "county.admin")
    {
        await ArrangeAsync();
        var r = await (await f.ApiAs(user)).GetAsync($"{Api}?{query}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<MatterStatsReport>(CunzhiFactory.Json))!;
    }

    private async Task<string> RefusedAsync(string query, HttpStatusCode expected, string user = "county.admin")
    {
        await ArrangeAsync();
        var r = await (await f.ApiAs(user)).GetAsync($"{Api}?{query}");
        var body = await r.Content.ReadAsStringAsync();
        r.StatusCode.ShouldBe(expected, body);
        return body;
    }

    [Fact]
    public async Task A_town_has_the_six_figures_of_its_period()
    {
        var r = await ReportAsync($"region={Town}&{Period}");
        r.Total.Figures.ShouldBe(new StatsFigures(VillagesVisited: 2, HouseholdsVisited: 3, MicroMattersDone: 2, ProblemsSolved: 1, ProjectsGuided: 1, PlansImproved: 0));
    }

    [Fact]
    public async Task Each_village_of_the_town_has_its_own_row()
    {
        var r = await ReportAsync($"region={Town}&{Period}");
        r.Rows.Items.Select(x => (x.Code, x.Figures)).ShouldBe(
        [
            (A, new StatsFigures(1, 2, 2, 0, 0, 0)),
            (B, new StatsFigures(1, 1, 0, 1, 1, 0)),
            (C, StatsFigures.Zero),
        ]);
    }

    [Fact]
    public async Task The_county_row_of_the_town_equals_the_towns_total()
    {
        var town = await ReportAsync($"region={Town}&{Period}");
        var county = await ReportAsync($"region={Demo.County}&{Period}&pageSize=200");
        county.Rows.Items.Single(x => x.Code == Town).ShouldBe(town.Total with { Name = "统计测试镇" });
    }

    [Fact]
    public async Task A_village_has_its_own_figures_and_no_rows()
    {
        var r = await ReportAsync($"region={B}&{Period}");
        (r.Total.Figures, r.Rows.Total).ShouldBe((new StatsFigures(1, 1, 0, 1, 1, 0), 0L));
    }

    [Fact]
    public async Task Time_to_close_is_counted_by_kind()
    {
        var r = await ReportAsync($"region={Town}&{Period}");
        r.CloseTimes.Select(c => (c.Kind, c.Count, c.MedianDays, c.AverageDays)).ShouldBe(
        [
            (MatterKind.MicroMatter, 2, 6.5, 6.5),
            (MatterKind.Problem, 1, 1.0, 1.0),
            (MatterKind.DevelopmentProject, 1, 151.0, 151.0),
            (MatterKind.VillagePlan, 0, null, null),
        ]);
    }

    [Fact]
    public async Task The_overdue_share_counts_open_overdue_and_closed_late_of_those_due()
    {
        var r = await ReportAsync($"region={Town}&{Period}");
        r.Rows.Items.Select(x => (x.Code, x.Due, x.Late, x.LatePercent)).ShouldBe([(A, 3, 2, 66.7), (B, 2, 1, 50.0), (C, 0, 0, null)]);
        (r.Total.Due, r.Total.Late, r.Total.LatePercent).ShouldBe((5, 3, 60.0));
    }

    [Fact]
    public async Task The_page_shows_the_apis_figures()
    {
        var api = await ReportAsync($"region={Town}&{Period}");
        var page = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync($"/Matters/Stats?region={Town}&{Period}"));
        MatterStatistics.Figures.Select(x => int.Parse(page.QuerySelector($"[data-testid=figures] [data-figure={x.Key}]")!.GetAttribute("data-value")!))
            .ShouldBe(MatterStatistics.Figures.Select(x => api.Total.Figures.Of(x.Figure)));
        page.QuerySelectorAll("[data-testid=rows] tr[data-code]").Select(tr => tr.GetAttribute("data-code")).ShouldBe([A, B, C, "total"]);
        page.QuerySelector("[data-testid=definitions]")!.TextContent.ShouldContain(MatterStatistics.Figures[0].Definition);
    }

    [Fact]
    public async Task The_excel_export_has_the_pages_numbers()
    {
        var api = await ReportAsync($"region={Town}&{Period}");
        var r = await (await f.PagesAs("county.admin")).GetAsync($"/Matters/Stats?handler=Export&region={Town}&{Period}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxFiles.Read(await r.Content.ReadAsByteArrayAsync());
        string Numbers(Cunzhi.Web.Infrastructure.Excel.XlsxRow row) =>
            string.Join(" ", Enumerable.Range(1, 8).Select(c => row.TryGetInt(c, out var n) ? n.ToString() : "?").Prepend(row.GetString(0)));
        string Expected(StatsRow row) =>
            string.Join(" ", MatterStatistics.Figures.Select(x => row.Figures.Of(x.Figure)).Append(row.Due).Append(row.Late).Select(n => n.ToString()).Prepend(row.Name));
        rows.Skip(1).Select(Numbers).ShouldBe(api.Rows.Items.Append(api.Total with { Name = "合计" }).Select(Expected));
    }

    [Fact]
    public async Task The_api_export_is_a_workbook()
    {
        await ArrangeAsync();
        var r = await (await f.ApiAs("county.admin")).GetAsync($"{Api}/export?region={Town}&{Period}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Cunzhi.Web.Features.Imports.XlsxDownload.ContentType);
    }

    [Fact]
    public async Task A_town_account_sees_its_own_town_by_default()
    {
        var r = await ReportAsync(Period, "town.sanxing");
        r.RegionCode.ShouldBe(Demo.Sanxing);
    }

    [Fact]
    public async Task A_town_outside_the_accounts_scope_is_forbidden() =>
        (await RefusedAsync($"region={Town}&{Period}", HttpStatusCode.Forbidden, "town.sanxing")).ShouldContain("不在您的管辖范围内");

    [Fact]
    public async Task A_village_account_may_not_read_the_statistics() =>
        await RefusedAsync(Period, HttpStatusCode.Forbidden, "village.naoping");

    [Theory]
    [InlineData("from=2025-07-01&to=2025-06-30", "开始日期不能晚于结束日期")]
    [InlineData("from=2020-01-01&to=2025-06-30", "统计期间不能超过 5 年")]
    [InlineData("from=2025-01-01", "请同时填写开始日期和结束日期")]
    [InlineData("from=1900-01-01&to=1900-02-01", "日期须在")]
    [InlineData("preset=week", "统计期间只能是")]
    [InlineData("region=360922888000", "未找到该区划")]
    [InlineData("region=36092", "请选择省、县、乡镇或村")]
    [InlineData("region=990000000000", "请选择省、县、乡镇或村")]
    [InlineData("from=2025-13-01&to=2025-06-30", "from")]
    public async Task Bad_input_is_refused_with_a_chinese_message(string query, string message) =>
        (await RefusedAsync(query, HttpStatusCode.BadRequest)).ShouldContain(message);

    // ---- a province (issue #19): province.jiangxi reads every county of 江西 and drills down to the village

    private const string Jiangxi = "360000000000";

    [Fact]
    public async Task A_province_account_sees_its_province_by_default_with_a_row_per_county()
    {
        var r = await ReportAsync($"{Period}&pageSize=200", "province.jiangxi");
        (r.RegionCode, r.RegionName, r.Level).ShouldBe((Jiangxi, "江西省", RegionLevel.Province));
        r.Rows.Items.ShouldContain(x => x.Code == Demo.County && x.Name == "万载县");
        r.Rows.Items.ShouldAllBe(x => RegionCodes.LevelOf(x.Code) == RegionLevel.County && x.Code.StartsWith("36"));
    }

    [Fact]
    public async Task The_province_row_of_a_county_equals_the_countys_own_report_and_the_total_their_sum()
    {
        var province = await ReportAsync($"region={Jiangxi}&{Period}&pageSize=200", "province.jiangxi");
        var county = await ReportAsync($"region={Demo.County}&{Period}");
        province.Rows.Items.Single(x => x.Code == Demo.County).ShouldBe(county.Total);
        var rows = province.Rows.Items;
        new StatsFigures(rows.Sum(x => x.Figures.VillagesVisited), rows.Sum(x => x.Figures.HouseholdsVisited), rows.Sum(x => x.Figures.MicroMattersDone),
            rows.Sum(x => x.Figures.ProblemsSolved), rows.Sum(x => x.Figures.ProjectsGuided), rows.Sum(x => x.Figures.PlansImproved)).ShouldBe(province.Total.Figures);
        (rows.Sum(x => x.Due), rows.Sum(x => x.Late)).ShouldBe((province.Total.Due, province.Total.Late));
    }

    [Fact]
    public async Task A_province_account_drills_down_to_the_town_and_the_village()
    {
        (await ReportAsync($"region={Town}&{Period}", "province.jiangxi")).Total.ShouldBe((await ReportAsync($"region={Town}&{Period}")).Total);
        (await ReportAsync($"region={B}&{Period}", "province.jiangxi")).Total.Figures.ShouldBe(new StatsFigures(1, 1, 0, 1, 1, 0));
    }

    [Fact]
    public async Task The_province_page_links_each_county_and_the_county_page_links_back_up()
    {
        await ArrangeAsync();
        var client = await f.PagesAs("province.jiangxi");
        var province = await CunzhiFactory.Html(await client.GetAsync($"/Matters/Stats?{Period}"));
        province.QuerySelector($"[data-testid=rows] tr[data-code='{Demo.County}'] a")!.GetAttribute("href")!.ShouldContain($"region={Demo.County}");
        province.QuerySelector("[data-testid=rows] th")!.TextContent.ShouldBe("县(区)");
        var county = await CunzhiFactory.Html(await client.GetAsync($"/Matters/Stats?region={Demo.County}&{Period}"));
        county.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ShouldContain(h => h != null && h.Contains($"region={Jiangxi}"));
        var export = await client.GetAsync($"/Matters/Stats?handler=Export&{Period}");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        XlsxFiles.Read(await export.Content.ReadAsByteArrayAsync()).Skip(1).Select(x => x.GetString(0)).ShouldContain("万载县");
    }

    [Fact]
    public async Task A_county_account_may_not_read_its_province() =>
        (await RefusedAsync($"region={Jiangxi}&{Period}", HttpStatusCode.Forbidden)).ShouldContain("不在您的管辖范围内");

    [Fact]
    public async Task A_province_account_may_not_read_another_province() =>
        (await RefusedAsync($"region=430000000000&{Period}", HttpStatusCode.Forbidden, "province.jiangxi")).ShouldContain("不在您的管辖范围内");

    [Theory]
    [InlineData("/api/v1/matters")]
    [InlineData("/api/v1/cadres")]
    [InlineData("/api/v1/regions")]
    [InlineData("/api/v1/visits/rounds")]
    public async Task A_province_account_is_refused_any_other_api(string url)
    {
        var r = await (await f.ApiAs("province.jiangxi")).GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden, url);
    }

    [Theory]
    [InlineData("/Regions")]
    [InlineData("/Regions/Stats")]
    [InlineData("/Analytics")]
    [InlineData("/Matters")]
    [InlineData("/Cadres")]
    public async Task A_province_account_is_refused_any_other_page(string url)
    {
        var r = await (await f.PagesAs("province.jiangxi")).GetAsync(url);
        var refused = r.StatusCode == HttpStatusCode.Forbidden || r.Headers.Location?.ToString().Contains("/Account/AccessDenied") == true;
        refused.ShouldBeTrue($"{url}: {(int)r.StatusCode} {r.Headers.Location}");
    }

    [Fact]
    public async Task A_province_accounts_home_points_to_the_statistics_and_its_menu_has_nothing_else()
    {
        var client = await f.PagesAs("province.jiangxi");
        var home = await CunzhiFactory.Html(await client.GetAsync("/"));
        home.QuerySelector("[data-testid=root-region]")!.TextContent.ShouldContain("江西省");
        home.QuerySelector("[data-todo=province-stats]")!.GetAttribute("href").ShouldBe("/Matters/Stats");
        var nav = home.QuerySelectorAll("nav a.nav-link, nav a.dropdown-item").Select(a => a.GetAttribute("href")).Where(h => h is not null && h.StartsWith('/')).ToList();
        nav.ShouldContain("/Matters/Stats");
        nav.ShouldNotContain("/Matters");
        nav.ShouldNotContain("/Cadres");
    }

    [Fact]
    public async Task The_page_refuses_a_reversed_period_with_its_message()
    {
        var r = await (await f.PagesAs("county.admin")).GetAsync("/Matters/Stats?from=2025-07-01&to=2025-06-30");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CunzhiFactory.Html(r)).QuerySelector("[data-testid=error]")!.TextContent.ShouldContain("开始日期不能晚于结束日期");
    }
}

public sealed class MatterStatsTests_Sqlite(SqliteFactory f) : MatterStatsTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterStatsTests_Postgres(PostgresFactory f) : MatterStatsTests<PostgresFactory>(f);
