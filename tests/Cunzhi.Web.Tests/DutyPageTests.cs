using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Duty;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Duty;
using Cunzhi.Web.Features.Home;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 坐班值班's pages (值班表, 休假, 办公电话与值班公示, 值班覆盖), the coverage API and export, and the home's 下周值班空缺: refusals
/// shown on the page in Chinese, stale versions, gaps counted from the roster. Each test arranges its own village in 三兴镇.
/// </summary>
public abstract class DutyPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing", County = "county.admin";
    private static readonly DateOnly Tue = new(2026, 12, 8), Wed = new(2026, 12, 9);

    private Task<(string Village, long[] Cadres)> VillageAsync(int cadres) => DutyVillages.CreateAsync(f, cadres, Demo.Sanxing);

    private static async Task<DutyMonthView> RosterAsync(HttpClient api, string village, int year = 2026, int month = 12) =>
        (await api.GetFromJsonAsync<DutyMonthView>($"/api/v1/duty/villages/{village}/roster?year={year}&month={month}", CunzhiFactory.Json))!;

    private static async Task SetDayAsync(HttpClient api, string village, DateOnly day, long[] cadres, int version) =>
        (await api.PutAsJsonAsync($"/api/v1/duty/villages/{village}/days/{day:yyyy-MM-dd}", new { cadreIds = cadres, version })).EnsureSuccessStatusCode();

    private static string RosterPage(string village, DateOnly? edit = null) =>
        $"/Duty?village={village}&year=2026&month=12" + (edit is { } e ? $"&edit={e:yyyy-MM-dd}" : "");

    private static async Task<DutyCoverageReport> CoverageAsync(HttpClient api, string region) =>
        (await api.GetFromJsonAsync<DutyCoverageReport>($"/api/v1/duty/coverage?region={region}&year=2026&month=12&pageSize=200", CunzhiFactory.Json))!;

    [Fact]
    public async Task The_roster_page_marks_each_gap_in_red()
    {
        var (village, cadres) = await VillageAsync(1);
        await SetDayAsync(await f.ApiAs(Town), village, Tue, [cadres[0]], 0);
        var html = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync(RosterPage(village)));
        var rows = html.QuerySelectorAll("[data-testid=roster] tbody tr").ToList();
        rows.Where(r => r.ClassList.Contains("table-danger")).Select(r => r.GetAttribute("data-day")).ShouldNotContain("2026-12-08");
        rows.Count(r => r.ClassList.Contains("table-danger")).ShouldBe(rows.Count - 1);
    }

    [Fact]
    public async Task A_day_with_nobody_is_refused_on_the_page()
    {
        var (village, _) = await VillageAsync(2);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), RosterPage(village, Tue), new(), "handler=Day");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldContain("2026-12-08 无人值班");
        (await f.WithSystemDb(db => db.Set<DutyMonth>().CountAsync(m => m.RegionCode == village))).ShouldBe(0);
    }

    [Fact]
    public async Task A_day_saved_on_the_page_is_on_the_roster()
    {
        var (village, cadres) = await VillageAsync(2);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), RosterPage(village, Wed), new() { ["CadreIds"] = cadres[1].ToString() }, "handler=Day");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await RosterAsync(await f.ApiAs(Town), village)).Days.Single(d => d.Date == Wed).Cadres.Select(c => c.Id).ShouldBe([cadres[1]]);
    }

    [Fact]
    public async Task A_stale_version_on_the_page_shows_the_conflict_message()
    {
        var (village, cadres) = await VillageAsync(2);
        await SetDayAsync(await f.ApiAs(Town), village, Tue, [cadres[0]], 0);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), RosterPage(village, Wed),
            new() { ["CadreIds"] = cadres[1].ToString(), ["Version"] = "0" }, "handler=Day");
        (await r.Content.ReadAsStringAsync()).ShouldContain("数据已被他人修改，请刷新后重试");
        (await RosterAsync(await f.ApiAs(Town), village)).Days.Single(d => d.Date == Wed).Cadres.ShouldBeEmpty();
    }

    [Fact]
    public async Task Generating_on_the_page_fills_every_working_day()
    {
        var (village, _) = await VillageAsync(3);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), RosterPage(village), new(), "handler=Generate");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var roster = await RosterAsync(await f.ApiAs(Town), village);
        (roster.Days.Count, roster.Gaps).ShouldBe((23, 0));
    }

    [Fact]
    public async Task Regenerating_on_the_page_without_replace_is_refused_in_chinese()
    {
        var (village, _) = await VillageAsync(2);
        (await (await f.ApiAs(Town)).PostAsJsonAsync($"/api/v1/duty/villages/{village}/generate", new { year = 2026, month = 12, version = 0 })).EnsureSuccessStatusCode();
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), RosterPage(village), new(), "handler=Generate");
        (await r.Content.ReadAsStringAsync()).ShouldContain("已有值班安排，重新生成会覆盖");
    }

    [Fact]
    public async Task Approving_leave_that_empties_a_day_shows_the_refusal_on_the_page()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        await SetDayAsync(api, village, Tue, [cadres[0]], 0);
        var leave = await api.PostAsJsonAsync("/api/v1/duty/leaves", new { cadreId = cadres[0], fromDate = Tue, toDate = Tue, kind = "Annual", reason = "探亲" });
        leave.EnsureSuccessStatusCode();
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Duty/Leaves?village={village}", new() { ["Approve"] = "true" }, "handler=Decide");
        (await r.Content.ReadAsStringAsync()).ShouldContain("批准后 2026-12-08 无人值班，请指定顶班人");
    }

    [Fact]
    public async Task Approving_leave_on_the_page_with_a_replacement_puts_them_on_duty()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        await SetDayAsync(api, village, Tue, [cadres[0]], 0);
        (await api.PostAsJsonAsync("/api/v1/duty/leaves", new { cadreId = cadres[0], fromDate = Tue, toDate = Tue, kind = "Annual", reason = "探亲" })).EnsureSuccessStatusCode();
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Duty/Leaves?village={village}",
            new() { ["Approve"] = "true", ["ReplacementCadreId"] = cadres[1].ToString() }, "handler=Decide");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await RosterAsync(api, village)).Days.Single(d => d.Date == Tue).Cadres.Select(c => c.Id).ShouldBe([cadres[1]]);
    }

    [Fact]
    public async Task Leave_requested_on_the_page_waits_for_the_town()
    {
        var (village, cadres) = await VillageAsync(2);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Duty/Leaves?village={village}", new()
        {
            ["CadreId"] = cadres[1].ToString(), ["FromDate"] = "2026-12-14", ["ToDate"] = "2026-12-15", ["Kind"] = "Sick", ["Reason"] = "住院",
        }, "handler=Request");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var saved = await f.WithSystemDb(db => db.Set<DutyLeave>().SingleAsync(l => l.RegionCode == village));
        (saved.CadreId, saved.State).ShouldBe((cadres[1], LeaveState.Requested));
    }

    [Fact]
    public async Task The_office_phone_set_on_the_page_is_on_the_public_board()
    {
        var (village, _) = await VillageAsync(1);
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Town), $"/Duty/Office?village={village}", new() { ["Phone"] = "0795-8816688" }, "handler=Phone");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await (await f.Anonymous().GetAsync($"/Zhiban/{village}")).Content.ReadAsStringAsync()).ShouldContain("0795-8816688");
    }

    [Fact]
    public async Task The_office_page_shows_the_board_qr_code()
    {
        var (village, _) = await VillageAsync(1);
        var html = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Duty/Office?village={village}"));
        html.QuerySelector("[data-testid=board-qr]")!.GetAttribute("src")!.ShouldStartWith("data:image/png;base64,");
        html.QuerySelector("[data-testid=board-link] a")!.GetAttribute("href")!.ShouldEndWith($"/Zhiban/{village}");
    }

    [Fact]
    public async Task The_coverage_counts_a_villages_gaps()
    {
        var (village, cadres) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        await SetDayAsync(api, village, Tue, [cadres[0]], 0);
        var total = (await CoverageAsync(api, village)).Total;
        (total.WorkingDays, total.Covered, total.Gaps).ShouldBe((23, 1, 22));
    }

    [Fact]
    public async Task The_town_coverage_lists_the_village()
    {
        var (village, cadres) = await VillageAsync(1);
        var api = await f.ApiAs(Town);
        await SetDayAsync(api, village, Tue, [cadres[0]], 0);
        (await CoverageAsync(api, Demo.Sanxing)).Rows.Items.Single(r => r.Code == village).Covered.ShouldBe(1);
    }

    [Fact]
    public async Task The_coverage_counts_approved_leave_days()
    {
        var (village, cadres) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        var leave = (await (await api.PostAsJsonAsync("/api/v1/duty/leaves", new { cadreId = cadres[0], fromDate = Tue, toDate = Wed, kind = "Annual", reason = "探亲" }))
            .Content.ReadFromJsonAsync<LeaveView>(CunzhiFactory.Json))!;
        (await api.PostAsJsonAsync($"/api/v1/duty/leaves/{leave.Id}/decision", new { approve = true, version = leave.Version })).EnsureSuccessStatusCode();
        (await CoverageAsync(api, village)).Total.LeaveDays.ShouldBe(2);
    }

    [Fact]
    public async Task The_coverage_export_is_a_workbook()
    {
        var r = await (await f.ApiAs(County)).GetAsync("/api/v1/duty/coverage/export?year=2026&month=12");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        r.Content.Headers.ContentType!.MediaType.ShouldBe(Features.Imports.XlsxDownload.ContentType);
    }

    [Fact]
    public async Task A_coverage_month_out_of_range_is_a_bad_request() =>
        (await (await f.ApiAs(County)).GetAsync("/api/v1/duty/coverage?year=2026&month=13")).StatusCode.ShouldBe(HttpStatusCode.BadRequest);

    [Fact]
    public async Task Next_weeks_gaps_on_the_town_home_fall_when_the_village_is_rostered()
    {
        var (village, _) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        async Task<long> GapsAsync() => (await api.GetFromJsonAsync<TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!.Items.Single(i => i.Key == "duty-gaps").Count;
        var before = await GapsAsync();
        var monday = Week.MondayOf(China.Today).AddDays(7);
        var workingDays = 0;
        foreach (var m in new[] { monday, monday.AddDays(6) }.Select(d => (d.Year, d.Month)).Distinct())
        {
            (await api.PostAsJsonAsync("/api/v1/duty/generate", new { region = village, year = m.Year, month = m.Month })).EnsureSuccessStatusCode();
            workingDays += (await RosterAsync(api, village, m.Year, m.Month)).Days.Count(d => d.Date >= monday && d.Date <= monday.AddDays(6));
        }
        (before - await GapsAsync()).ShouldBe(workingDays);
    }

    [Theory]
    [InlineData(County, "/Duty")]
    [InlineData(County, "/Duty/Leaves")]
    [InlineData(County, "/Duty/Office")]
    [InlineData(County, "/Duty/Coverage")]
    [InlineData(Town, "/Duty/Coverage?region=360922106000")]
    [InlineData("village.naoping", "/Duty")]
    [InlineData("village.naoping", "/Duty/Leaves")]
    [InlineData("village.naoping", "/Duty/Office")]
    public async Task The_duty_pages_open(string account, string path) =>
        (await (await f.PagesAs(account)).GetAsync(path)).StatusCode.ShouldBe(HttpStatusCode.OK);
}

public sealed class DutyPageTests_Sqlite(SqliteFactory f) : DutyPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DutyPageTests_Postgres(PostgresFactory f) : DutyPageTests<PostgresFactory>(f);
