using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Features;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 任务准入申请 from .xlsx: the same gate as the page (admitted / refused / pending per row), all or nothing, and no
/// refused or pending row ever reaches a village — not its task list, not its Monday list, not the API.
/// </summary>
public abstract class TaskImportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/tasks/requests/import/xlsx";
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");
    private static readonly string[] Headers = ["任务名称*", "村里需要做什么*", "下达范围*", "完成期限*", "清单事项编号", "需要佐证", "佐证理由"];

    private static object?[] Row(string title, string targets, string? item = null, string requirement = "按要求组织落实", string? due = null,
        string? evidence = null, string? why = null) => [title, requirement, targets, due ?? Due, item, evidence, why];

    private Task<List<TaskRequest>> RequestsTitled(string prefix) =>
        f.WithSystemDb(db => db.Set<TaskRequest>().Include(r => r.VillageTasks).Where(r => r.Title.StartsWith(prefix)).OrderBy(r => r.Id).ToListAsync());

    private async Task<(List<string> Tasks, List<string> Weekly, List<string> Page)> WhatTheVillageSeesAsync()
    {
        var api = await f.ApiAs("village.naoping");
        var tasks = await api.GetFromJsonAsync<Paged<VillageTaskView>>("/api/v1/tasks/village?pageSize=200", CunzhiFactory.Json);
        var weekly = await api.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200", CunzhiFactory.Json);
        var page = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/Tasks/Weekly"));
        return ([.. tasks!.Items.Select(t => t.Title)], [.. weekly!.Items.Items.Select(t => t.Title)],
            [.. page.QuerySelectorAll("[data-testid=item] legend, [data-testid=item] strong").Select(e => e.TextContent.Trim())]);
    }

    [Fact]
    public async Task Each_imported_row_passes_the_gate_so_only_admitted_rows_reach_the_village()
    {
        var dept = await f.ApiAs("dept.agri");
        var file = await Sheet(Headers,
            Row("导入甲秸秆巡查", "三兴镇/闹坪村、" + Demo.Sanxingcun, item: "xz-11"),
            Row("导入乙评比挂牌", "闹坪村", item: "QX-01"),
            Row("导入丙农机摸底", "三兴镇/闹坪村"),
            Row("导入丁防疫登记", "鹅峰乡", item: "XZ-12", evidence: "是", why: "须留存疫苗接种登记照片"));

        var job = await dept.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Completed);
        job.Written.ShouldBe(4);
        var rows = await RequestsTitled("导入");
        rows.Select(r => (r.Title, r.Status, r.Channel, r.MatchedItemCode)).ShouldBe(
        [
            ("导入甲秸秆巡查", TaskRequestStatus.Admitted, TaskChannel.Import, "XZ-11"),
            ("导入乙评比挂牌", TaskRequestStatus.Refused, TaskChannel.Import, "QX-01"),
            ("导入丙农机摸底", TaskRequestStatus.Pending, TaskChannel.Import, null),
            ("导入丁防疫登记", TaskRequestStatus.Admitted, TaskChannel.Import, "XZ-12"),
        ]);
        rows[0].VillageTasks.Select(t => t.RegionCode).Order().ShouldBe([Demo.Sanxingcun, Demo.Naoping]);
        rows[1].VillageTasks.ShouldBeEmpty();
        rows[2].VillageTasks.ShouldBeEmpty();
        var efengVillages = await f.WithSystemDb(db => db.Regions.CountAsync(r => r.ParentCode == Demo.Efeng));
        rows[3].VillageTasks.Count.ShouldBe(efengVillages);
        rows[3].VillageTasks.ShouldAllBe(t => t.RegionCode.StartsWith("360922200") && t.EvidenceRequired);
        rows[1].DecisionReason!.ShouldContain("各类创建评比挂牌");
        rows.ShouldAllBe(r => r.RequestedBy == "dept.agri" && r.DepartmentName == "万载县农业农村局");

        var (tasks, weekly, page) = await WhatTheVillageSeesAsync();
        foreach (var seen in new[] { tasks, weekly, page })
        {
            seen.ShouldContain("导入甲秸秆巡查");
            seen.ShouldNotContain("导入乙评比挂牌");
            seen.ShouldNotContain("导入丙农机摸底");
            seen.ShouldNotContain("导入丁防疫登记", "鹅峰乡's task is not 闹坪村's");
        }

        // The department finds the imported rows with their outcome; the pending one waits on the office's queue until approved.
        var mine = await dept.GetFromJsonAsync<Paged<TaskRequestView>>("/api/v1/tasks/requests?channel=Import&pageSize=200", CunzhiFactory.Json);
        mine!.Items.Where(r => r.Title.StartsWith("导入")).Select(r => r.Status).Order()
            .ShouldBe([TaskRequestStatus.Admitted, TaskRequestStatus.Admitted, TaskRequestStatus.Refused, TaskRequestStatus.Pending], ignoreOrder: true);
        var office = await f.ApiAs("coord.office");
        var queue = await office.GetFromJsonAsync<Paged<TaskRequestView>>("/api/v1/tasks/queue?pageSize=200", CunzhiFactory.Json);
        queue!.Items.ShouldContain(r => r.Id == rows[2].Id && r.Channel == TaskChannel.Import);
        (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{rows[2].Id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await WhatTheVillageSeesAsync()).Weekly.ShouldContain("导入丙农机摸底");
        (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{rows[1].Id}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await WhatTheVillageSeesAsync()).Weekly.ShouldNotContain("导入乙评比挂牌");
    }

    [Fact]
    public async Task A_file_with_any_wrong_cell_is_refused_whole_naming_each_wrong_cell()
    {
        var dept = await f.ApiAs("dept.agri");
        var before = await f.WithSystemDb(async db => (await db.Set<TaskRequest>().CountAsync(), await db.Set<VillageTask>().CountAsync()));
        var file = await Sheet(Headers,
            Row("错甲可准入", Demo.Naoping, item: "XZ-11"),
            Row("错乙", "不存在村"),
            Row("错丙", Demo.Naoping, due: "2020-01-01"),
            Row("错丁", "360922106"),
            Row("错戊", Demo.Naoping, evidence: "是"),
            Row("", "", due: "明天"),
            Row("错己", "360101001001"));

        var job = await dept.ImportAsync(Url, file);

        job.ShouldHaveFinished(ImportState.Invalid);
        job.Errors.Select(e => (e.Row, e.Column)).ShouldBe(
        [
            (3, "下达范围"), (4, "完成期限"), (5, "下达范围"), (6, "佐证理由"), (7, "任务名称"), (7, "下达范围"), (7, "完成期限"), (8, "下达范围"),
        ], ignoreOrder: true, string.Join("\n", job.Errors));
        job.Errors.Single(e => e.Row == 4).Message.ShouldBe("完成期限不能早于今天");
        job.Errors.Single(e => e.Row == 6).Message.ShouldContain("请说明确需佐证的理由");
        job.Errors.Single(e => e.Row == 8).Message.ShouldContain("不存在");
        var after = await f.WithSystemDb(async db => (await db.Set<TaskRequest>().CountAsync(), await db.Set<VillageTask>().CountAsync()));
        after.ShouldBe(before, "not even the valid, admissible first row was filed");
        (await WhatTheVillageSeesAsync()).Weekly.ShouldNotContain("错甲可准入");
    }

    [Fact]
    public async Task The_template_lists_the_columns()
    {
        var dept = await f.ApiAs("dept.agri");
        var template = await dept.GetAsync("/api/v1/tasks/requests/import/template");
        template.StatusCode.ShouldBe(HttpStatusCode.OK);
        var header = Rows(await template.Content.ReadAsByteArrayAsync())[0];
        Enumerable.Range(0, Headers.Length).Select(i => header.GetString(i)).ShouldBe(Headers);
    }

    [Fact]
    public async Task The_request_list_links_to_an_import_page_offering_the_template()
    {
        var pages = await f.PagesAs("dept.agri");
        var page = await CunzhiFactory.Html(await pages.GetAsync("/Tasks/Requests/Import"));
        page.QuerySelector("a[href*='handler=Template']").ShouldNotBeNull();
        var list = await CunzhiFactory.Html(await pages.GetAsync("/Tasks/Requests"));
        list.QuerySelector("a[href='/Tasks/Requests/Import']").ShouldNotBeNull();
    }
}

public sealed class TaskImportTests_Sqlite(SqliteFactory f) : TaskImportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class TaskImportTests_Postgres(PostgresFactory f) : TaskImportTests<PostgresFactory>(f);
