using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Features.Home;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Home = 待办: each demo role's home lists what waits for it, counted from the data (each test changes the data and sees
/// the count move), every link opens, the API answers the same list, and the bell is outside the collapsed menu.
/// </summary>
public abstract class HomeTodoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");

    public static readonly string[] DemoAccounts = ["county.admin", "coord.office", "dept.agri", "discipline", "town.sanxing", "town.efeng", "village.naoping", "province.jiangxi"];

    /// <summary>The home's to-dos of an account: key → (count, link).</summary>
    private async Task<Dictionary<string, (long Count, string Link)>> Home(string account)
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs(account)).GetAsync("/"));
        return html.QuerySelectorAll("a[data-todo]").ToDictionary(a => a.GetAttribute("data-todo")!,
            a => (long.Parse(a.QuerySelector("[data-count]")!.TextContent.Trim()), a.GetAttribute("href")!));
    }

    private async Task<long> Count(string account, string key)
    {
        var home = await Home(account);
        home.ShouldContainKey(key, $"{account} 的首页应有待办 {key}");
        return home[key].Count;
    }

    private async Task<TaskRequestView> File(string title, string? item = null, params string[] villages)
    {
        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title, requirement = "组织巡查并登记", villages = villages.Length > 0 ? villages : [Demo.Naoping], towns = Array.Empty<string>(), dueDate = Due,
            evidenceRequired = false, itemCode = item,
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!;
    }

    private Task<TaskRequestView> FilePending(string title) => File(title);

    private async Task<TaskRequestView> Admit(string title, params string[] villages)
    {
        var r = await File(title, "XZ-11", villages);
        r.Status.ShouldBe(TaskRequestStatus.Admitted);
        return r;
    }

    private Task<int> PendingInDb() => f.WithSystemDb(db => db.Set<TaskRequest>().CountAsync(r => r.Status == TaskRequestStatus.Pending));

    [Fact]
    public async Task County_admin_home_counts_the_requests_waiting_at_the_office()
    {
        var before = await Count("county.admin", "task-queue");
        before.ShouldBe(await PendingInDb());
        await FilePending("首页测试：农机需求摸底（县）");
        (await Count("county.admin", "task-queue")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Coordination_office_home_counts_its_queue()
    {
        var before = await Count("coord.office", "task-queue");
        before.ShouldBe(await PendingInDb());
        await FilePending("首页测试：农机需求摸底（协调办）");
        (await Count("coord.office", "task-queue")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Department_home_counts_its_own_pending_requests()
    {
        var before = await Count("dept.agri", "requests-pending");
        await FilePending("首页测试：农机需求摸底（部门）");
        (await Count("dept.agri", "requests-pending")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task County_admin_home_counts_pending_rank_proposals()
    {
        var pending = await f.WithSystemDb(db => db.Set<RankProposal>().CountAsync(p => p.State == ProposalState.Pending));
        (await Count("county.admin", "rank-proposals")).ShouldBe(pending);
    }

    [Fact]
    public async Task County_admin_home_counts_evaluation_windows_to_open()
    {
        var before = await Count("county.admin", "evaluations-open");
        var opened = await (await f.ApiAs("county.admin")).PostAsJsonAsync("/api/v1/evaluations/windows", new
        {
            regions = new[] { Demo.Naoping }, year = China.Today.Year + 1,
            opensAt = China.Now.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss"), closesAt = China.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm:ss"),
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        (await Count("county.admin", "evaluations-open")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Town_admin_home_counts_draft_pay_runs_to_review()
    {
        var before = await Count("town.efeng", "pay-review");
        var run = await (await f.ApiAs("town.efeng")).PostAsJsonAsync("/api/v1/pay/runs", new { year = 2025, month = 6 });
        run.StatusCode.ShouldBe(HttpStatusCode.OK, await run.Content.ReadAsStringAsync());
        (await Count("town.efeng", "pay-review")).ShouldBe(before + 1);
        (await Count("town.sanxing", "pay-review")).ShouldBe(await f.WithSystemDb(db =>
            db.Set<Domain.Pay.PayrollRun>().CountAsync(r => r.RegionCode == Demo.Sanxing && r.State == Domain.Pay.PayrollState.Draft)), "another town's run is not counted");
    }

    [Fact]
    public async Task Town_admin_home_asks_to_compute_this_months_pay_until_a_run_exists()
    {
        var town = await f.ApiAs("town.efeng");
        var exists = (await town.GetFromJsonAsync<Paged<Web.Features.Pay.RunSummary>>($"/api/v1/pay/runs?year={China.Today.Year}&month={China.Today.Month}", CunzhiFactory.Json))!.Total > 0;
        (await Count("town.efeng", "pay-compute")).ShouldBe(exists ? 0 : 1);
        if (!exists)
        {
            var run = await town.PostAsJsonAsync("/api/v1/pay/runs", new { year = China.Today.Year, month = China.Today.Month });
            run.StatusCode.ShouldBe(HttpStatusCode.OK, await run.Content.ReadAsStringAsync());
        }
        (await Count("town.efeng", "pay-compute")).ShouldBe(0);
    }

    [Fact]
    public async Task Village_cadre_home_counts_this_weeks_items_to_report()
    {
        var before = await Count("village.naoping", "weekly-report");
        var request = await Admit("首页测试：秸秆禁烧巡查", Demo.Naoping);
        (await Count("village.naoping", "weekly-report")).ShouldBe(before + 1);

        var village = await f.ApiAs("village.naoping");
        var list = (await village.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200", CunzhiFactory.Json))!;
        var item = list.Items.Items.Single(i => i.TaskRequestId == request.Id);
        (await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status = "Done", note = "" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Count("village.naoping", "weekly-report")).ShouldBe(before);
    }

    [Fact]
    public async Task Village_cadre_home_shows_the_friday_deadline_of_the_current_week()
    {
        var friday = Week.MondayOf(China.Today).AddDays(4);
        var html = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/"));
        html.QuerySelector("[data-todo=weekly-report] [data-note]")!.TextContent.ShouldContain($"{friday.Month}月{friday.Day}日");
    }

    [Fact]
    public async Task Town_admin_home_lists_blocked_items_with_their_notes()
    {
        var before = await Count("town.sanxing", "weekly-blocked");
        var request = await Admit("首页测试：河道清淤", Demo.Naoping);
        var village = await f.ApiAs("village.naoping");
        var item = (await village.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200", CunzhiFactory.Json))!.Items.Items.Single(i => i.TaskRequestId == request.Id);
        (await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status = "Blocked", note = "挖机未到位" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Count("town.sanxing", "weekly-blocked")).ShouldBe(before + 1);
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/"));
        html.QuerySelector("[data-todo=weekly-blocked] [data-details]")!.TextContent.ShouldContain("首页测试：河道清淤：挖机未到位");
        (await Count("town.efeng", "weekly-blocked")).ShouldBe(0, "another town's blocked item is not listed");
    }

    [Fact]
    public async Task Town_admin_home_counts_villages_that_have_not_reported()
    {
        var before = await Count("town.efeng", "weekly-villages");
        await Admit("首页测试：防汛排查", Demo.Dongxi);
        var board = (await (await f.ApiAs("town.efeng")).GetFromJsonAsync<WeeklyBoard>("/api/v1/tasks/board?show=Unreported&pageSize=1", CunzhiFactory.Json))!;
        (await Count("town.efeng", "weekly-villages")).ShouldBe(board.Rows.Total);
        board.Rows.Total.ShouldBeGreaterThanOrEqualTo(Math.Max(before, 1));
    }

    [Fact]
    public async Task County_admin_home_counts_towns_with_villages_that_have_not_reported()
    {
        await Admit("首页测试：森林防火巡查", Demo.Dongxi);
        var county = await f.ApiAs("county.admin");
        var towns = new HashSet<string>();
        for (var page = 1; ; page++)
        {
            var rows = (await county.GetFromJsonAsync<WeeklyBoard>($"/api/v1/tasks/board?show=Unreported&pageSize=200&page={page}", CunzhiFactory.Json))!.Rows;
            foreach (var r in rows.Items) towns.Add(r.VillageCode[..9]);
            if (page >= rows.PageCount) break;
        }
        towns.ShouldContain(Demo.Efeng[..9]);
        (await Count("county.admin", "weekly-towns")).ShouldBe(towns.Count);
    }

    [Fact]
    public async Task Village_cadre_home_counts_unread_reminders()
    {
        await Admit("首页测试：秋冬季防火巡查", Demo.Naoping);
        var before = await Count("village.naoping", "reminders");
        var nextMonday = Week.MondayOf(China.Today).AddDays(7);
        var sent = await new ReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(China.At(nextMonday.ToDateTime(new TimeOnly(8, 0)))),
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<ReminderService>.Instance).RunOnceAsync(CancellationToken.None);
        sent.ShouldBeGreaterThan(0);
        var unread = (await (await f.ApiAs("village.naoping")).GetFromJsonAsync<UnreadCount>("/api/v1/burden/reminders/unread", CunzhiFactory.Json))!.Count;
        unread.ShouldBeGreaterThan((int)before);
        (await Count("village.naoping", "reminders")).ShouldBe(unread);
    }

    [Fact]
    public async Task Discipline_home_counts_vetoes_entered_this_week()
    {
        var before = await Count("discipline", "recent-vetoes");
        var cadre = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Naoping && c.Status == Domain.Cadres.CadreStatus.InOffice).Select(c => c.Id).FirstAsync());
        var veto = await (await f.ApiAs("discipline")).PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId = cadre, kind = "Veto", date = China.Today.AddDays(-1).ToString("yyyy-MM-dd"), vetoReason = "履职不力", description = "首页测试" });
        veto.StatusCode.ShouldBe(HttpStatusCode.Created, await veto.Content.ReadAsStringAsync());
        (await Count("discipline", "recent-vetoes")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Discipline_home_counts_conduct_records_entered_this_week()
    {
        var before = await Count("discipline", "recent-conduct");
        var cadre = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Dongxi && c.Status == Domain.Cadres.CadreStatus.InOffice).Select(c => c.Id).FirstAsync());
        var sanction = await (await f.ApiAs("discipline")).PostAsJsonAsync("/api/v1/ranks/conduct",
            new { cadreId = cadre, kind = "Sanction", date = China.Today.AddDays(-2).ToString("yyyy-MM-dd"), description = "首页测试：警告处分" });
        sanction.StatusCode.ShouldBe(HttpStatusCode.Created, await sanction.Content.ReadAsStringAsync());
        (await Count("discipline", "recent-conduct")).ShouldBe(before + 1);
    }

    [Fact]
    public async Task Discipline_home_reports_a_break_among_the_entries_written_since_its_last_check()
    {
        (await Count("discipline", "audit-breaks")).ShouldBe(0);
        await f.ApiAs("county.admin"); // a sign-in: an entry after the home's last check
        var victim = await f.WithSystemDb(db => db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.Sequence).FirstAsync());
        await f.WithSystemDb(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"AuditEntries\" SET \"After\" = '{{\"Name\":\"伪造\"}}' WHERE \"Sequence\" = {victim}"));
        (await Count("discipline", "audit-breaks")).ShouldBe(1);
    }

    [Fact]
    public async Task Every_link_on_each_roles_home_opens()
    {
        foreach (var account in DemoAccounts)
        {
            var home = await Home(account);
            home.ShouldNotBeEmpty($"{account} 的首页应有待办");
            var client = await f.PagesAs(account);
            foreach (var (key, (_, link)) in home)
                (await client.GetAsync(link)).StatusCode.ShouldBe(HttpStatusCode.OK, $"{account} 首页待办 {key} 的链接 {link}");
        }
    }

    [Fact]
    public async Task The_api_answers_the_same_todos_as_the_home_page()
    {
        foreach (var account in new[] { "county.admin", "town.sanxing", "village.naoping", "dept.agri" })
        {
            var api = (await (await f.ApiAs(account)).GetFromJsonAsync<TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!;
            var home = await Home(account);
            api.Items.ToDictionary(i => i.Key, i => (i.Count, i.Link)).ShouldBe(home, account);
        }
    }

    [Fact]
    public async Task The_bell_is_outside_the_collapsed_menu()
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/"));
        var bell = html.QuerySelector("[data-testid=bell]").ShouldNotBeNull();
        bell.Closest("#nav").ShouldBeNull("铃铛不应在折叠菜单里");
        bell.Closest("nav.navbar").ShouldNotBeNull();
    }

    [Fact]
    public async Task Region_statistics_are_reachable_from_the_navigation()
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/"));
        html.QuerySelector("#nav a[href='/Regions/Stats']").ShouldNotBeNull();
        var stats = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Regions/Stats"));
        stats.QuerySelector("[data-stat=villages]")!.TextContent.ShouldBe(
            (await f.WithSystemDb(db => db.Regions.CountAsync(r => r.Level == Domain.Regions.RegionLevel.Village && r.Code.StartsWith("360922106")))).ToString());
    }
}

public sealed class HomeTodoTests_Sqlite(SqliteFactory f) : HomeTodoTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class HomeTodoTests_Postgres(PostgresFactory f) : HomeTodoTests<PostgresFactory>(f);
