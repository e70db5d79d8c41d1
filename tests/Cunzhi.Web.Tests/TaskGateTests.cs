using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The admission gate (准入) on every path — page, API, import — with admitted, refused and pending
/// cases; village tasks appear only for admitted requests; who decides; who sees what; statistics; list versions.
/// </summary>
public abstract class TaskGateTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");

    // Items of the default list the tests rely on (ResponsibilityListDefaults): XZ-11 assist, QX-01 and QZ-01 cancelled.
    private static object Body(string title, string? item = null, string requirement = "组织巡查并登记", string[]? villages = null, string[]? towns = null,
        bool evidence = false, string? why = null) => new
    {
        title, requirement, villages = villages ?? [Demo.Naoping], towns = towns ?? [], dueDate = Due, evidenceRequired = evidence, evidenceJustification = why, itemCode = item,
    };

    private Task<int> VillageTasks(long? request = null) =>
        f.WithSystemDb(db => db.Set<VillageTask>().CountAsync(t => request == null || t.TaskRequestId == request));

    private static async Task<TaskRequestView> File(HttpClient api, object body)
    {
        var response = await api.PostAsJsonAsync("/api/v1/tasks/requests", body);
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!;
    }

    private static async Task<HttpResponseMessage> PostWithToken(HttpClient client, string pageUrl, string postUrl, Dictionary<string, string> fields)
    {
        var doc = await CunzhiFactory.Html(await client.GetAsync(pageUrl));
        var token = doc.QuerySelector("form input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        return await client.PostAsync(postUrl, new FormUrlEncodedContent(new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = token }));
    }

    [Fact]
    public async Task Api_path_admits_list_items()
    {
        var dept = await f.ApiAs("dept.agri");

        var admitted = await File(dept, Body("秸秆禁烧巡查", "XZ-11", villages: [Demo.Naoping, Demo.Sanxingcun]));
        (admitted.Status, admitted.MatchedItemCode, admitted.Channel).ShouldBe((TaskRequestStatus.Admitted, "XZ-11", TaskChannel.Api));
        admitted.DecisionReason!.ShouldContain("协助开展秸秆禁烧巡查");
        (await VillageTasks(admitted.Id)).ShouldBe(2);
    }

    [Fact]
    public async Task Api_path_refuses_cancelled_items_for_good()
    {
        var dept = await f.ApiAs("dept.agri");
        var office = await f.ApiAs("coord.office");

        var refused = await File(dept, Body("示范村评选", "QX-01"));
        (refused.Status, refused.MatchedItemCode).ShouldBe((TaskRequestStatus.Refused, "QX-01"));
        refused.DecisionReason!.ShouldContain("各类创建评比挂牌");
        var byWording = await File(dept, Body("务工人员证明", requirement: "请各村为外出务工人员出具无犯罪记录证明"));
        (byWording.Status, byWording.MatchedItemCode).ShouldBe((TaskRequestStatus.Refused, "QZ-01"));
        (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{refused.Id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await VillageTasks(refused.Id) + await VillageTasks(byWording.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Api_path_queues_the_rest_for_the_office_to_decide()
    {
        var dept = await f.ApiAs("dept.agri");
        var office = await f.ApiAs("coord.office");
        var before = await VillageTasks();

        var toApprove = await File(dept, Body("农机购置需求摸底"));
        var toReject = await File(dept, Body("耕地种植情况月报"));
        toApprove.Status.ShouldBe(TaskRequestStatus.Pending);
        toReject.Status.ShouldBe(TaskRequestStatus.Pending);
        (await VillageTasks()).ShouldBe(before, "a queued request reaches no village");

        var noReason = await office.PostAsJsonAsync($"/api/v1/tasks/requests/{toReject.Id}/reject", new { reason = "" });
        noReason.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noReason.Content.ReadAsStringAsync()).ShouldContain("驳回申请必须填写理由");
        var rejected = await (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{toReject.Id}/reject", new { reason = "与统计部门报表重复" }))
            .Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json);
        (rejected!.Status, rejected.DecisionReason, rejected.DecidedBy).ShouldBe((TaskRequestStatus.Rejected, "与统计部门报表重复", "coord.office"));
        (await VillageTasks(toReject.Id)).ShouldBe(0);

        var approved = await (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{toApprove.Id}/approve", new { reason = (string?)null }))
            .Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json);
        approved!.Status.ShouldBe(TaskRequestStatus.Admitted);
        (await VillageTasks(toApprove.Id)).ShouldBe(1);

        var again = await office.PostAsJsonAsync($"/api/v1/tasks/requests/{toReject.Id}/approve", new { });
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("未获批准");
        (await VillageTasks()).ShouldBe(before + 1, "only the approved request reached a village");
    }

    [Fact]
    public async Task Page_path_passes_the_same_gate_with_the_office_deciding_on_the_queue_page()
    {
        var dept = await f.PagesAs("dept.agri");
        var before = await VillageTasks();
        async Task<TaskRequestView> FileOnPage(string title, string? item, string requirement = "按要求落实")
        {
            var response = await CunzhiFactory.PostFormAsync(dept, "/Tasks/Requests/New", new()
            {
                ["Form.Title"] = title, ["Form.Requirement"] = requirement, ["Form.DueDate"] = Due, ["Form.ItemCode"] = item ?? "", ["Form.Villages"] = Demo.Naoping,
            });
            response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
            var id = long.Parse(response.Headers.Location!.ToString().Split("filed=")[1]);
            var shown = await CunzhiFactory.Html(await dept.GetAsync(response.Headers.Location!.ToString()));
            var filed = shown.QuerySelector("[data-testid=filed]")!;
            var view = await f.WithSystemDb(db => db.Set<TaskRequest>().Where(r => r.Id == id).Select(r => new { r.Status, r.Channel, r.DecisionReason }).SingleAsync());
            view.Channel.ShouldBe(TaskChannel.Page);
            filed.GetAttribute("data-status").ShouldBe(view.Status.ToString());
            filed.TextContent.ShouldContain(view.DecisionReason!);
            return new(id, "", "", title, "", [], default, false, null, item, TaskChannel.Page, default, view.Status, null, null, null, view.DecisionReason, null, null);
        }

        (await FileOnPage("动物防疫登记", "XZ-12")).Status.ShouldBe(TaskRequestStatus.Admitted);
        var refused = await FileOnPage("村里挂牌", null, "各村制作并悬挂示范村挂牌");
        refused.Status.ShouldBe(TaskRequestStatus.Refused);
        refused.DecisionReason!.ShouldContain("QX-01");
        var pendingA = await FileOnPage("果园面积核实", null);
        var pendingB = await FileOnPage("农户养殖意向调查", null);
        pendingA.Status.ShouldBe(TaskRequestStatus.Pending);
        (await VillageTasks()).ShouldBe(before + 1);

        var invalid = await CunzhiFactory.PostFormAsync(dept, "/Tasks/Requests/New", new()
        {
            ["Form.Title"] = "照片", ["Form.Requirement"] = "拍照", ["Form.DueDate"] = Due, ["Form.EvidenceRequired"] = "true", ["Form.Villages"] = Demo.Naoping,
        });
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(invalid)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("说明确需佐证的理由");

        var office = await f.PagesAs("coord.office");
        var queue = await CunzhiFactory.Html(await office.GetAsync("/Tasks/Queue?pageSize=100"));
        queue.QuerySelectorAll("[data-testid=pending]").Select(e => e.GetAttribute("data-id")).ShouldContain(pendingA.Id.ToString());
        var emptyReason = await PostWithToken(office, "/Tasks/Queue", $"/Tasks/Queue?handler=Reject&id={pendingB.Id}", new() { ["Reason"] = "" });
        (await CunzhiFactory.Html(emptyReason)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("驳回申请必须填写理由");
        (await PostWithToken(office, "/Tasks/Queue", $"/Tasks/Queue?handler=Reject&id={pendingB.Id}", new() { ["Reason"] = "乡镇已有台账" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostWithToken(office, "/Tasks/Queue", $"/Tasks/Queue?handler=Approve&id={pendingA.Id}", new() { ["Reason"] = "" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await VillageTasks(pendingA.Id), await VillageTasks(pendingB.Id), await VillageTasks(refused.Id)).ShouldBe((1, 0, 0));
        (await VillageTasks()).ShouldBe(before + 2);
    }

    [Fact]
    public async Task A_bad_import_batch_files_nothing()
    {
        var dept = await f.ApiAs("dept.agri");
        var requestsBefore = await f.WithSystemDb(db => db.Set<TaskRequest>().CountAsync());
        var bad = await dept.PostAsJsonAsync("/api/v1/tasks/requests/import", new[] { Body("好的一条", "XZ-11"), Body("", "XZ-11") });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("第 2 条：请填写任务名称");
        (await f.WithSystemDb(db => db.Set<TaskRequest>().CountAsync())).ShouldBe(requestsBefore);
    }

    [Fact]
    public async Task Import_path_passes_each_request_through_the_gate()
    {
        var dept = await f.ApiAs("dept.agri");
        var before = await VillageTasks();

        var response = await dept.PostAsJsonAsync("/api/v1/tasks/requests/import", new[]
        {
            Body("高标准农田管护", "XZ-13", towns: [Demo.Sanxing]),
            Body("开具亲属关系证明", requirement: "要求村里开具亲属关系证明"),
            Body("土壤普查配合"),
        });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var result = (await response.Content.ReadFromJsonAsync<ImportResult>(CunzhiFactory.Json))!;
        (result.Filed, result.Admitted, result.Refused, result.Pending).ShouldBe((3, 1, 1, 0 + 1));
        result.Requests.ShouldAllBe(r => r.Channel == TaskChannel.Import);
        result.Requests[1].MatchedItemCode.ShouldBe("QZ-02");
        var sanxingVillages = await f.WithSystemDb(db => db.Regions.CountAsync(r => r.ParentCode == Demo.Sanxing && r.Level == Domain.Regions.RegionLevel.Village));
        result.Requests[0].TargetVillages.Count.ShouldBe(sanxingVillages);
        (await VillageTasks()).ShouldBe(before + sanxingVillages, "only the admitted row reached villages");
        (await VillageTasks(result.Requests[1].Id) + await VillageTasks(result.Requests[2].Id)).ShouldBe(0);
    }

    [Fact]
    public async Task Only_the_coordination_office_decides()
    {
        var dept = await f.ApiAs("dept.agri");
        var pending = await File(dept, Body("林下经济意向摸底"));
        foreach (var who in new[] { "dept.agri", "county.admin", "town.sanxing", "village.naoping" })
        {
            var api = await f.ApiAs(who);
            (await api.PostAsJsonAsync($"/api/v1/tasks/requests/{pending.Id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
            (await api.PostAsJsonAsync($"/api/v1/tasks/requests/{pending.Id}/reject", new { reason = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
        }
        var countyPage = await f.PagesAs("county.admin");
        var queue = await CunzhiFactory.Html(await countyPage.GetAsync("/Tasks/Queue"));
        queue.QuerySelectorAll("[data-testid=pending]").ShouldNotBeEmpty();
        queue.QuerySelector("button[formaction*=Approve]").ShouldBeNull();
        var denied = await PostWithToken(countyPage, "/Tasks/Queue", $"/Tasks/Queue?handler=Approve&id={pending.Id}", new());
        (denied.StatusCode == HttpStatusCode.Forbidden || denied.Headers.Location?.ToString().Contains("AccessDenied") == true).ShouldBeTrue($"{denied.StatusCode} {denied.Headers.Location}");
        (await f.WithSystemDb(db => db.Set<TaskRequest>().SingleAsync(r => r.Id == pending.Id))).Status.ShouldBe(TaskRequestStatus.Pending);
    }

    [Fact]
    public async Task Only_departments_file_only_for_villages_of_their_county()
    {
        var dept = await f.ApiAs("dept.agri");
        (await (await f.ApiAs("coord.office")).PostAsJsonAsync("/api/v1/tasks/requests", Body("x", "XZ-11"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await f.ApiAs("town.sanxing")).PostAsJsonAsync("/api/v1/tasks/requests/import", new[] { Body("x", "XZ-11") })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var outside = await dept.PostAsJsonAsync("/api/v1/tasks/requests", Body("外县任务", "XZ-11", villages: ["360923101201"]));
        outside.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await outside.Content.ReadAsStringAsync()).ShouldContain("不存在或不在本县");
    }

    /// <summary>A request of 农业农村局 and one of 水利局 (whose account is made if missing).</summary>
    private async Task<(TaskRequestView Agri, TaskRequestView Water)> TwoDepartmentsRequests()
    {
        await using (var scope = f.Services.CreateAsyncScope())
        {
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            if (await f.WithSystemDb(db => db.Users.AnyAsync(u => u.UserName == "dept.water")) is false)
                await seeder.CreateAccountAsync("dept.water", CunzhiFactory.Password, Roles.Department, Demo.County, "万载县水利局");
        }
        var agri = await File(await f.ApiAs("dept.agri"), Body("农业任务", "XZ-11"));
        var water = await File(await f.ApiAs("dept.water"), Body("巡河任务", "XZ-10"));
        water.DepartmentName.ShouldBe("万载县水利局");
        return (agri, water);
    }

    [Fact]
    public async Task A_department_sees_only_its_own_requests()
    {
        var (agri, water) = await TwoDepartmentsRequests();

        var agriApi = await f.ApiAs("dept.agri");
        var mine = await agriApi.GetFromJsonAsync<Paged<TaskRequestView>>("/api/v1/tasks/requests?pageSize=200", CunzhiFactory.Json);
        mine!.Items.ShouldContain(r => r.Id == agri.Id);
        mine.Items.ShouldAllBe(r => r.DepartmentName == "万载县农业农村局");
        (await agriApi.GetAsync($"/api/v1/tasks/requests/{water.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var page = await CunzhiFactory.Html(await (await f.PagesAs("dept.agri")).GetAsync("/Tasks/Requests"));
        page.QuerySelectorAll("[data-testid=requests] tbody tr").Select(r => r.GetAttribute("data-id")).ShouldNotContain(water.Id.ToString());
    }

    [Fact]
    public async Task The_office_sees_every_departments_requests_a_town_none()
    {
        var (agri, water) = await TwoDepartmentsRequests();

        var all = await (await f.ApiAs("coord.office")).GetFromJsonAsync<Paged<TaskRequestView>>("/api/v1/tasks/requests?pageSize=200", CunzhiFactory.Json);
        all!.Items.Select(r => r.Id).ShouldContain(agri.Id);
        all.Items.Select(r => r.Id).ShouldContain(water.Id);
        (await (await f.ApiAs("town.sanxing")).GetAsync("/api/v1/tasks/requests")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private async Task<List<VillageTaskView>> Seen(string who) =>
        [.. (await (await f.ApiAs(who)).GetFromJsonAsync<Paged<VillageTaskView>>("/api/v1/tasks/village?pageSize=200", CunzhiFactory.Json))!.Items];

    [Fact]
    public async Task Villages_see_only_their_own_admitted_tasks()
    {
        var dept = await f.ApiAs("dept.agri");
        var admitted = await File(dept, Body("防返贫监测走访", "XZ-14", villages: [Demo.Naoping, Demo.Dongxi]));
        var pending = await File(dept, Body("稻田养鱼意向登记", villages: [Demo.Naoping]));
        pending.Status.ShouldBe(TaskRequestStatus.Pending);

        var naoping = await Seen("village.naoping");
        naoping.ShouldContain(t => t.TaskRequestId == admitted.Id);
        naoping.ShouldAllBe(t => t.RegionCode == Demo.Naoping);
        naoping.ShouldNotContain(t => t.TaskRequestId == pending.Id);
        var page = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/Tasks/Village"));
        var rows = page.QuerySelectorAll("[data-testid=village-tasks] tbody tr");
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => r.GetAttribute("data-region") == Demo.Naoping);
    }

    [Fact]
    public async Task Towns_see_the_tasks_of_their_own_villages()
    {
        var admitted = await File(await f.ApiAs("dept.agri"), Body("防返贫监测回访", "XZ-14", villages: [Demo.Naoping, Demo.Dongxi]));

        (await Seen("town.sanxing")).ShouldAllBe(t => t.RegionCode.StartsWith("360922106"));
        (await Seen("town.efeng")).ShouldContain(t => t.TaskRequestId == admitted.Id && t.RegionCode == Demo.Dongxi);
        (await Seen("town.efeng")).ShouldAllBe(t => t.RegionCode.StartsWith("360922200"));
    }

    [Fact]
    public async Task Villages_cannot_file_requests() =>
        (await (await f.ApiAs("village.naoping")).PostAsJsonAsync("/api/v1/tasks/requests", Body("x", "XZ-11"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task Per_department_statistics_equal_the_counts_of_the_requests()
    {
        var dept = await f.ApiAs("dept.agri");
        await File(dept, Body("统计用准入", "XZ-11"));
        await File(dept, Body("统计用拒绝", "QX-02"));
        await File(dept, Body("统计用待审批"));
        var expected = await f.WithSystemDb(async db => (await db.Set<TaskRequest>().Select(r => new { r.DepartmentName, r.Status }).ToListAsync())
            .GroupBy(r => r.DepartmentName)
            .ToDictionary(g => g.Key, g => (g.Count(), g.Count(r => r.Status == TaskRequestStatus.Admitted), g.Count(r => r.Status == TaskRequestStatus.Refused),
                g.Count(r => r.Status == TaskRequestStatus.Rejected), g.Count(r => r.Status == TaskRequestStatus.Pending))));

        foreach (var who in new[] { "county.admin", "coord.office", "dept.agri" })
        {
            var stats = await (await f.ApiAs(who)).GetFromJsonAsync<List<DepartmentStats>>("/api/v1/tasks/stats", CunzhiFactory.Json);
            stats!.ToDictionary(s => s.DepartmentName, s => (s.Requested, s.Admitted, s.Refused, s.Rejected, s.Pending)).ShouldBe(expected, ignoreOrder: true);
        }
        var page = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync("/Tasks/Stats"));
        var row = page.QuerySelector("[data-testid=stats] tr[data-department='万载县农业农村局']")!;
        var agri = expected["万载县农业农村局"];
        row.QuerySelector("[data-stat=requested]")!.TextContent.ShouldBe(agri.Item1.ToString());
        row.QuerySelector("[data-stat=refused]")!.TextContent.ShouldBe(agri.Item3.ToString());
        page.QuerySelector("script#task-stats-data")!.TextContent.ShouldContain("万载县农业农村局");
        (await (await f.ApiAs("town.sanxing")).GetAsync("/api/v1/tasks/stats")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task The_default_list_is_published_once()
    {
        var office = await f.ApiAs("coord.office");
        var current = await office.GetFromJsonAsync<ListPage>("/api/v1/tasks/list?pageSize=10", CunzhiFactory.Json);
        if (current!.Version.Version == 1)
            (current.Version.OwnDuties, current.Version.Assists, current.Version.Cancelled).ShouldBe((72, 20, 62));
        var cancelled = await office.GetFromJsonAsync<ListPage>("/api/v1/tasks/list?category=Cancelled&q=" + Uri.EscapeDataString("无犯罪"), CunzhiFactory.Json);
        cancelled!.Items.Items.Select(i => i.Code).ShouldBe(["QZ-01"]);

        // Seeding again on start changes nothing: the county already has its list.
        var versions = await f.WithSystemDb(db => db.Set<ResponsibilityList>().CountAsync());
        await using var scope = f.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedReferenceDataAsync();
        (await f.WithSystemDb(db => db.Set<ResponsibilityList>().CountAsync())).ShouldBe(versions);
    }

    [Fact]
    public async Task A_new_list_version_keeps_the_history_without_changing_earlier_decisions()
    {
        var office = await f.ApiAs("coord.office");

        // A request decided under the current version…
        var dept = await f.ApiAs("dept.agri");
        var old = await File(dept, Body("村史馆布展", "ZR-43"));
        old.Status.ShouldBe(TaskRequestStatus.Admitted);
        var oldVersion = old.ListVersion!.Value;

        // …then a new version drops ZR-43 and adds an item.
        (await (await f.ApiAs("dept.agri")).PostAsync("/api/v1/tasks/list/draft", null)).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var draft = await (await office.PostAsync("/api/v1/tasks/list/draft", null)).Content.ReadFromJsonAsync<ListVersionView>(CunzhiFactory.Json);
        draft!.Version.ShouldBe(oldVersion + 1);
        (await office.DeleteAsync("/api/v1/tasks/list/draft/items/ZR-43")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var added = await office.PutAsJsonAsync("/api/v1/tasks/list/draft/items", new { code = "XZ-99", title = "协助开展油茶低产林改造摸底", category = "AssistGovernment", department = "县林业局" });
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var bad = await office.PutAsJsonAsync("/api/v1/tasks/list/draft/items", new { code = "XZ-98", title = "协助事项", category = "AssistGovernment" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("协助政府事项请填写责任部门");
        (await f.WithSystemDb(db => db.Set<ResponsibilityList>().SingleAsync(l => l.Version == oldVersion))).Status.ShouldBe(ListStatus.Published);

        var published = await (await office.PostAsync("/api/v1/tasks/list/draft/publish", null)).Content.ReadFromJsonAsync<ListVersionView>(CunzhiFactory.Json);
        published!.Status.ShouldBe(ListStatus.Published);
        var versions = (await office.GetFromJsonAsync<List<ListVersionView>>("/api/v1/tasks/list/versions", CunzhiFactory.Json))!;
        versions.Single(v => v.Version == oldVersion).Status.ShouldBe(ListStatus.Superseded);
        versions.Count(v => v.Status == ListStatus.Published).ShouldBe(1);

        var kept = await dept.GetFromJsonAsync<TaskRequestView>($"/api/v1/tasks/requests/{old.Id}", CunzhiFactory.Json);
        (kept!.ListVersion, kept.MatchedItemCode, kept.Status).ShouldBe((oldVersion, "ZR-43", TaskRequestStatus.Admitted));
        var now = await File(dept, Body("村史馆布展", "ZR-43"));
        (now.Status, now.ListVersion).ShouldBe((TaskRequestStatus.Pending, oldVersion + 1));
        (await File(dept, Body("油茶摸底", "XZ-99"))).Status.ShouldBe(TaskRequestStatus.Admitted);

        var history = await CunzhiFactory.Html(await (await f.PagesAs("coord.office")).GetAsync("/Tasks/List"));
        history.QuerySelectorAll("[data-testid=history] tbody tr").Length.ShouldBe(versions.Count);
        history.QuerySelector("[data-testid=list-version]")!.TextContent.ShouldContain($"第 {oldVersion + 1} 版");
        (await f.WithSystemDb(db => db.Set<ResponsibilityList>().CountAsync())).ShouldBe(versions.Count);
    }

    private async Task<int> PendingRequests(int atLeast)
    {
        var dept = await f.ApiAs("dept.agri");
        for (var pending = await f.WithSystemDb(db => db.Set<TaskRequest>().CountAsync(r => r.Status == TaskRequestStatus.Pending)); pending < atLeast; pending++)
            (await File(dept, Body($"排队分页{pending}", null))).Status.ShouldBe(TaskRequestStatus.Pending);
        return await f.WithSystemDb(db => db.Set<TaskRequest>().CountAsync(r => r.Status == TaskRequestStatus.Pending));
    }

    [Fact]
    public async Task The_queue_page_shows_as_many_requests_as_pageSize_asks()
    {
        var pending = await PendingRequests(3);
        var office = await f.PagesAs("coord.office");
        var page = await CunzhiFactory.Html(await office.GetAsync("/Tasks/Queue?pageSize=2"));
        page.QuerySelectorAll("[data-testid=pending]").Length.ShouldBe(2);
        page.QuerySelector("nav .text-muted")!.TextContent.ShouldContain($"共 {pending} 条，第 1/{(pending + 1) / 2} 页");
        // The pager's links keep the size.
        page.QuerySelector("a[rel=next]")!.GetAttribute("href")!.ShouldContain("pageSize=2");
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-1")]
    [InlineData("abc")]
    public async Task A_bad_pageSize_on_the_queue_page_gives_the_default_size(string size)
    {
        var pending = await PendingRequests(3);
        var response = await (await f.PagesAs("coord.office")).GetAsync($"/Tasks/Queue?pageSize={size}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(response)).QuerySelectorAll("[data-testid=pending]").Length.ShouldBe(Math.Min(pending, PageRequest.DefaultSize));
    }
}

public sealed class TaskGateTests_Sqlite(SqliteFactory f) : TaskGateTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class TaskGateTests_Postgres(PostgresFactory f) : TaskGateTests<PostgresFactory>(f);
