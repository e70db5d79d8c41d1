using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>The weekly rhythm: the Monday list, the Friday report, the town board, and who may report what.</summary>
public abstract class WeeklyReportTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");

    private async Task<TaskRequestView> Admit(string title, params string[] villages)
    {
        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title, requirement = "组织巡查并登记", villages, towns = Array.Empty<string>(), dueDate = Due, evidenceRequired = false, itemCode = "XZ-11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var r = (await response.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!;
        r.Status.ShouldBe(TaskRequestStatus.Admitted);
        return r;
    }

    private static async Task<WeeklyList> List(HttpClient api, string query = "") =>
        (await api.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200" + query, CunzhiFactory.Json))!;

    [Fact]
    public async Task A_village_reports_its_monday_list()
    {
        var request = await Admit("周报测试：秸秆禁烧巡查", Demo.Naoping, Demo.Dongxi);
        var village = await f.ApiAs("village.naoping");
        var list = await List(village);
        list.Week.ShouldBe(Week.MondayOf(China.Today));
        list.Open.ShouldBeTrue();
        list.Items.Items.ShouldAllBe(i => i.RegionCode == Demo.Naoping);
        var item = list.Items.Items.Single(i => i.TaskRequestId == request.Id);
        item.Status.ShouldBeNull();

        var saved = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status = "InProgress", note = "已走访一半" } } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        var changed = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status = "Blocked", note = "农户外出" } } });
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        var after = (await List(village)).Items.Items.Single(i => i.VillageTaskId == item.VillageTaskId);
        (after.Status, after.Note, after.ReportedBy).ShouldBe((WeeklyStatus.Blocked, "农户外出", "village.naoping"));
    }

    [Fact]
    public async Task The_town_board_shows_what_each_village_reported()
    {
        var request = await Admit("周报测试：看板展示", Demo.Naoping, Demo.Dongxi);
        var village = await f.ApiAs("village.naoping");
        var item = (await List(village)).Items.Items.Single(i => i.TaskRequestId == request.Id);
        var reported = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status = "Blocked", note = "农户外出" } } });
        reported.StatusCode.ShouldBe(HttpStatusCode.OK, await reported.Content.ReadAsStringAsync());

        var board = (await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<WeeklyBoard>("/api/v1/tasks/board?pageSize=200", CunzhiFactory.Json))!;
        board.Columns.ShouldContain(c => c.TaskRequestId == request.Id);
        board.Rows.Items.ShouldAllBe(r => r.VillageCode.StartsWith("360922106"));
        board.Rows.Items.Single(r => r.VillageCode == Demo.Naoping).Cells[request.Id].ShouldBe(WeeklyStatus.Blocked);
        var county = (await (await f.ApiAs("county.admin")).GetFromJsonAsync<WeeklyBoard>("/api/v1/tasks/board?pageSize=500&town=360922200000", CunzhiFactory.Json))!;
        county.Rows.Items.Single(r => r.VillageCode == Demo.Dongxi).Cells[request.Id].ShouldBeNull();
    }

    [Fact]
    public async Task A_village_cannot_open_the_board() =>
        (await (await f.ApiAs("village.naoping")).GetAsync("/api/v1/tasks/board")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    /// <summary>A new task for 闹坪村 and 东溪村, and 闹坪村's item of it on this week's list.</summary>
    private async Task<(TaskRequestView Request, HttpClient Village, WeeklyItem Mine)> NaopingItem(string title)
    {
        var request = await Admit(title, Demo.Naoping, Demo.Dongxi);
        var village = await f.ApiAs("village.naoping");
        return (request, village, (await List(village)).Items.Items.Single(i => i.TaskRequestId == request.Id));
    }

    [Fact]
    public async Task Blocked_needs_a_note()
    {
        var (_, village, mine) = await NaopingItem("周报测试：河道巡查");

        var blocked = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = mine.VillageTaskId, status = "Blocked", note = "" } } });
        blocked.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await blocked.Content.ReadAsStringAsync()).ShouldContain("受阻的事项请填写情况说明");
    }

    [Fact]
    public async Task Another_villages_task_is_not_found()
    {
        var (request, village, _) = await NaopingItem("周报测试：水库巡查");

        var dongxi = (await List(await f.ApiAs("county.admin"), "&village=" + Demo.Dongxi)).Items.Items.Single(i => i.TaskRequestId == request.Id);
        var other = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = dongxi.VillageTaskId, status = "Done", note = "" } } });
        other.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Towns_cannot_report()
    {
        var (_, _, mine) = await NaopingItem("周报测试：山塘巡查");

        var town = await f.ApiAs("town.sanxing");
        (await town.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = mine.VillageTaskId, status = "Done", note = "" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await List(town)).Items.Items.ShouldContain(i => i.VillageTaskId == mine.VillageTaskId && i.Status == null);
    }

    [Fact]
    public async Task Next_week_cannot_be_reported_yet()
    {
        var (_, village, mine) = await NaopingItem("周报测试：堤坝巡查");

        var future = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { week = China.Today.AddDays(7).ToString("yyyy-MM-dd"),
            items = new[] { new { villageTaskId = mine.VillageTaskId, status = "Done", note = "" } } });
        future.StatusCode.ShouldBeOneOf(HttpStatusCode.Conflict, HttpStatusCode.NotFound);
    }
}

public sealed class WeeklyReportTests_Sqlite(SqliteFactory f) : WeeklyReportTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class WeeklyReportTests_Postgres(PostgresFactory f) : WeeklyReportTests<PostgresFactory>(f);
