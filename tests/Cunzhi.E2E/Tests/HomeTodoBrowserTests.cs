using System.Text.Json;
using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// Home = 待办 in the browser, for each of the eight demo accounts: the page lists what the account's own
/// <c>GET /api/v1/me/todos</c> answers, the counts agree with the areas' own lists read through the API, a count moves when
/// the test arranges something, and every to-do link opens its page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class HomeTodoBrowserTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Naoping = "360922106208";

    private readonly ITestOutputHelper _log = output;

    /// <summary>
    /// What each role must find on its home (the work its capabilities give it; a missing or extra item fails the test), and
    /// which of those counts the data <see cref="ArrangeAsync"/> puts in place makes at least 1 (so the comparison is not
    /// only of zeros).
    /// </summary>
    public static TheoryData<string, string[], string[]> Accounts => new()
    {
        { "county.admin", ["rank-proposals", "pay-approve", "pay-lock", "task-queue", "evaluations-open", "evaluations-close", "weekly-towns", "matters-waiting", "matters-overdue", "matters-due-soon", "reserve-vacancies", "reminders",
            "training-attendance", "insurance-expiring", "findings-to-close"],
            ["task-queue", "weekly-towns", "insurance-expiring"] },
        { "coord.office", ["task-queue"], ["task-queue"] },
        { "dept.agri", ["requests-pending", "requests-admitted", "requests-refused", "requests-rejected", "forms-draft", "forms-filling"],
            ["requests-pending", "requests-admitted", "forms-filling"] },
        { "discipline", ["recent-vetoes", "recent-conduct", "audit-breaks", "findings-to-close", "complaints-received", "complaints-overdue"], [] },
        { "town.sanxing", ["pay-compute", "pay-review", "weekly-villages", "weekly-blocked", "reserve-vacancies", "reminders", "groups-uncovered", "matters-waiting", "matters-overdue", "matters-due-soon", "visits-pending",
            "training-attendance", "mentoring-unpaired", "mentoring-silent", "insurance-expiring", "duty-gaps",
            "disclosure-late-villages", "powers-overdue", "findings-overdue", "findings-due-soon"],
            ["weekly-villages", "visits-pending", "duty-gaps", "insurance-expiring"] },
        { "town.efeng", ["pay-compute", "pay-review", "weekly-villages", "weekly-blocked", "reserve-vacancies", "reminders", "groups-uncovered", "matters-waiting", "matters-overdue", "matters-due-soon", "visits-pending",
            "training-attendance", "mentoring-unpaired", "mentoring-silent", "insurance-expiring", "duty-gaps",
            "disclosure-late-villages", "powers-overdue", "findings-overdue", "findings-due-soon"], [] },
        { "village.naoping", ["weekly-report", "forms-fill", "reminders", "points-pending", "groups-uncovered", "matters-waiting", "matters-overdue", "matters-due-soon", "duty-gaps",
            "disclosure-due", "disclosure-late", "powers-overdue", "findings-overdue", "findings-due-soon"], ["weekly-report", "forms-fill", "points-pending", "duty-gaps"] },
        { "province.jiangxi", ["province-stats"], ["province-stats"] },
    };

    private static bool _arranged;

    /// <summary>
    /// Once per run (the tests of a collection run one at a time): dept.agri files a request the gate sends to the office
    /// and sends 闹坪村 a form under a list item, so the office, the county, the department, 三兴镇 and 闹坪村 each have work.
    /// </summary>
    private static async Task ArrangeAsync(IPage page)
    {
        if (_arranged) return;
        var dept = await ApiSession.SignInAsync(page, "dept.agri");
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var due = China.Today.AddDays(10).ToString("yyyy-MM-dd");
        var filed = await dept.PostAsync("/api/v1/tasks/requests", new
        {
            title = $"农村危房改造意愿摸底{suffix}", requirement = "请各村摸底危房改造意愿并登记。", villages = new[] { Naoping },
            towns = Array.Empty<string>(), dueDate = due, evidenceRequired = false, itemCode = (string?)null,
        });
        filed.GetProperty("status").GetString().ShouldBe("Pending");
        var form = (await dept.PostAsync("/api/v1/forms", new { title = $"冬春农田水利登记表{suffix}" })).GetProperty("summary").GetProperty("id").GetInt64();
        await dept.PostAsync($"/api/v1/forms/{form}/fields", new { label = "本村新修水渠长度", type = "Number", unit = "米", required = true });
        var published = await dept.PostAsync($"/api/v1/forms/{form}/publish", new { villages = new[] { Naoping }, dueDate = due, itemCode = "XZ-11" });
        published.GetProperty("summary").GetProperty("gateStatus").GetString().ShouldBe("Admitted");
        _arranged = true;
    }

    /// <summary>The heading of each page a to-do links to, by path.</summary>
    private static readonly Dictionary<string, string> Headings = new()
    {
        ["/Ranks/Proposals"] = "职级申请",
        ["/Ranks/Conduct"] = "履职记录",
        ["/Pay"] = "工资发放",
        ["/Tasks/Queue"] = "准入审批",
        ["/Tasks/Requests"] = "任务准入申请",
        ["/Tasks/Board"] = "周报看板",
        ["/Tasks/Weekly"] = "周一清单",
        ["/Evaluations"] = "双述双评",
        ["/Forms"] = "一表通",
        ["/Forms/Inbox"] = "待填报表",
        ["/Reserves/Vacancies"] = "空缺与补缺",
        ["/Audit"] = "操作日志",
        ["/Burden/Messages"] = "消息",
        ["/Points/Ledger"] = "积分台账",
        ["/Grid/Coverage"] = "一网三联覆盖情况",
        ["/Grid/Village"] = "网格与联系",
        ["/Matters"] = "待我处理的诉求",
        ["/Matters?due=Overdue"] = "逾期诉求",
        ["/Matters?due=DueSoon"] = "临期诉求",
        ["/Matters/Stats"] = "诉求统计",
        ["/Visits/Mine"] = "我的走访名单",
        ["/Training"] = "培训",
        ["/Training/Mentoring"] = "1+1 帮带",
        ["/Care/Policies"] = "意外保险保单",
        ["/Duty"] = "值班表",
        ["/Disclosure/Calendar"] = "公开日历",
        ["/Powers"] = "权力运行",
        ["/Supervision/Findings"] = "审计巡察发现问题",
        ["/Complaints"] = "信访举报",
    };

    /// <summary>
    /// Counts read from each area's own API list, not from the to-do code: where a to-do has one, the home must show the
    /// same number.
    /// </summary>
    private static async Task<long?> FromAreaAsync(ApiSession api, string key) => key switch
    {
        "task-queue" => await api.TotalAsync("/api/v1/tasks/queue"),
        "rank-proposals" => await api.TotalAsync("/api/v1/ranks/proposals?state=Pending"),
        "pay-approve" => await api.TotalAsync("/api/v1/pay/runs?state=Reviewed"),
        "pay-lock" => await api.TotalAsync("/api/v1/pay/runs?state=Approved"),
        "pay-review" => await api.TotalAsync("/api/v1/pay/runs?state=Draft"),
        "evaluations-open" => await api.TotalAsync("/api/v1/evaluations/windows?state=NotYetOpen"),
        "evaluations-close" => await api.TotalAsync("/api/v1/evaluations/windows?state=Open"),
        "forms-draft" => await api.TotalAsync("/api/v1/forms?status=Draft"),
        "reserve-vacancies" => (await api.GetAsync($"/api/v1/regions/{(await api.GetAsync("/api/v1/me")).GetProperty("regionCode").GetString()}/vacancies"))
            .GetProperty("villages").GetArrayLength(),
        "points-pending" => await api.TotalAsync("/api/v1/points/entries?state=Proposed"),
        "groups-uncovered" => await UncoveredGroupsAsync(api),
        "matters-waiting" => await api.TotalAsync("/api/v1/matters?mine=true"),
        "visits-pending" => await VisitsPendingAsync(api),
        "mentoring-unpaired" => await api.TotalAsync("/api/v1/training/mentoring/new-cadres?unpaired=true"),
        "mentoring-silent" => await api.TotalAsync("/api/v1/training/mentoring/pairs?silent=true"),
        "requests-pending" => await api.TotalAsync("/api/v1/tasks/requests?status=Pending"),
        "requests-admitted" => await api.TotalAsync("/api/v1/tasks/requests?status=Admitted"),
        "requests-refused" => await api.TotalAsync("/api/v1/tasks/requests?status=Refused"),
        "requests-rejected" => await api.TotalAsync("/api/v1/tasks/requests?status=Rejected"),
        "weekly-villages" => (await api.GetAsync("/api/v1/tasks/board?show=Unreported&pageSize=1")).GetProperty("rows").GetProperty("total").GetInt64(),
        "weekly-report" => (await api.GetAsync("/api/v1/tasks/weekly?pageSize=200")).GetProperty("items").GetProperty("items").EnumerateArray()
            .Count(i => i.GetProperty("status").ValueKind == JsonValueKind.Null),
        "forms-fill" => await api.TotalAsync("/api/v1/forms/inbox?unfilled=true") + await api.TotalAsync("/api/v1/forms/inbox?status=Draft"),
        "reminders" => (await api.GetAsync("/api/v1/burden/reminders/unread")).GetProperty("count").GetInt64(),
        _ => null,
    };

    /// <summary>Groups without a cadre as the net's own API counts them: a village's net, a town's coverage total.</summary>
    private static async Task<long> UncoveredGroupsAsync(ApiSession api)
    {
        var region = (await api.GetAsync("/api/v1/me")).GetProperty("regionCode").GetString()!;
        return region.Length == 12 && !region.EndsWith("000")
            ? (await api.GetAsync($"/api/v1/grid/villages/{region}/net")).GetProperty("coverage").GetProperty("groupsWithoutCadre").GetInt64()
            : (await api.GetAsync("/api/v1/grid/coverage")).GetProperty("total").GetProperty("groupsWithoutCadre").GetInt64();
    }

    /// <summary>Households of the account still unvisited in the rounds under way today, from the visits area's own lists.</summary>
    private static async Task<long> VisitsPendingAsync(ApiSession api)
    {
        long pending = 0;
        var today = China.Today.ToString("yyyy-MM-dd");
        foreach (var round in (await api.GetAsync("/api/v1/visits/mine/rounds")).EnumerateArray())
        {
            if (string.CompareOrdinal(round.GetProperty("fromDate").GetString(), today) > 0 || string.CompareOrdinal(round.GetProperty("toDate").GetString(), today) < 0) continue;
            var mine = (await api.GetAsync($"/api/v1/visits/rounds/{round.GetProperty("id").GetInt64()}/mine?pageSize=1")).GetProperty("mine");
            pending += mine.GetProperty("planned").GetInt64() - mine.GetProperty("visited").GetInt64();
        }
        return pending;
    }

    private static async Task<List<HomeTodo>> ApiTodosAsync(ApiSession api) =>
    [
        .. (await api.GetAsync("/api/v1/me/todos")).GetProperty("items").EnumerateArray().Select(i => new HomeTodo(
            i.GetProperty("key").GetString()!, i.GetProperty("title").GetString()!, i.GetProperty("count").GetInt64(),
            i.TryGetProperty("note", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null, i.GetProperty("link").GetString()!)),
    ];

    [Theory]
    [MemberData(nameof(Accounts))]
    public Task Home_shows_the_accounts_todos_as_the_api_counts_them(string user, string[] expected, string[] nonZero) => RunAsync(async page =>
    {
        await ArrangeAsync(page);
        // The token before the page: signing in is audited, and discipline's home counts the audit log's entries.
        var api = await ApiSession.SignInAsync(page, user);
        var home = await new LoginPage(page).SignInAsync(user, DemoPassword);
        var shown = await home.TodosAsync();

        shown.Select(t => t.Key).ShouldBe(expected, ignoreOrder: true, $"{user} 首页的待办项");
        shown.ShouldBe(await ApiTodosAsync(api), $"{user} 首页与 /api/v1/me/todos 应一致");
        foreach (var key in nonZero)
            shown.Single(t => t.Key == key).Count.ShouldBeGreaterThan(0, $"{user} 首页的 {key} 应计入测试安排的数据");
        var checkedAgainstArea = 0;
        foreach (var todo in shown)
            if (await FromAreaAsync(api, todo.Key) is { } count)
            {
                todo.Count.ShouldBe(count, $"{user} 首页“{todo.Title}”的数量应与该模块列表一致");
                checkedAgainstArea++;
            }
        _log.WriteLine($"{user}: {string.Join("；", shown.Select(t => $"{t.Key} {t.Title} {t.Count}"))}（{checkedAgainstArea} 项与模块列表核对）");
        await SaveScreenshotAsync(page, $"home-{user}");
    }, testName: $"{nameof(Home_shows_the_accounts_todos_as_the_api_counts_them)}-{user}");

    [Theory]
    [InlineData("county.admin")]
    [InlineData("coord.office")]
    [InlineData("dept.agri")]
    [InlineData("discipline")]
    [InlineData("town.sanxing")]
    [InlineData("town.efeng")]
    [InlineData("village.naoping")]
    public Task Every_todo_link_opens_its_page(string user) => RunAsync(async page =>
    {
        var home = await new LoginPage(page).SignInAsync(user, DemoPassword);
        var todos = await home.TodosAsync();
        todos.ShouldNotBeEmpty($"{user} 首页应有待办");
        foreach (var todo in todos)
        {
            await page.GotoAsync("/");
            var response = page.WaitForResponseAsync(r => r.Request.IsNavigationRequest && new Uri(r.Url).PathAndQuery == todo.Link,
                new() { Timeout = 30_000 });
            await home.Todo(todo.Key).FollowAsync();
            (await response).Status.ShouldBe(200, $"{user} 点击“{todo.Title}”打开 {todo.Link}");
            // A link with its own query (a filtered list) may have its own heading; otherwise the path's.
            var path = Headings.ContainsKey(todo.Link) ? todo.Link : todo.Link.Split('?')[0];
            Headings.ShouldContainKey(path, $"待办链接 {path} 的页面标题尚未登记");
            await Expect(page.Locator("h1")).ToContainTextAsync(Headings[path]);
        }
    }, testName: $"{nameof(Every_todo_link_opens_its_page)}-{user}");

    [Fact]
    public Task Coordination_office_home_counts_a_request_the_department_just_filed() => RunAsync(async page =>
    {
        var home = await new LoginPage(page).SignInAsync("coord.office", DemoPassword);
        var office = await ApiSession.SignInAsync(page, "coord.office");
        var before = await office.TotalAsync("/api/v1/tasks/queue");
        await Expect(home.TodoCount("task-queue")).ToHaveTextAsync(before.ToString());

        // A title no list item names and no item code: the gate sends it to the office.
        var dept = await ApiSession.SignInAsync(page, "dept.agri");
        var filed = await dept.PostAsync("/api/v1/tasks/requests", new
        {
            title = $"冬季农房安全排查{Guid.NewGuid().ToString("N")[..4]}", requirement = "请各村排查冬季农房安全隐患并登记。",
            villages = new[] { Naoping }, towns = Array.Empty<string>(), dueDate = China.Today.AddDays(10).ToString("yyyy-MM-dd"),
            evidenceRequired = false, itemCode = (string?)null,
        });
        filed.GetProperty("status").GetString().ShouldBe("Pending");

        await page.ReloadAsync();
        await Expect(home.TodoCount("task-queue")).ToHaveTextAsync((before + 1).ToString());
        (await office.TotalAsync("/api/v1/tasks/queue")).ShouldBe(before + 1);
        await home.Todo("task-queue").FollowAsync();
        await Expect(new QueuePage(page).Pending(filed.GetProperty("id").GetInt64())).ToHaveCountAsync(1);
    });
}
