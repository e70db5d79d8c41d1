using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;
using static Cunzhi.Web.Tests.Infrastructure.ImportFiles;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The week's round trip: a village cadre reports an item 受阻 or 推进中 with a note, and the town board (page, API and
/// export) shows why — the note, and the reporter by display name and post, never the login name.
/// </summary>
public abstract class WeeklyBoardNotesTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Reporter = "闹坪村党支部书记", Post = "村干部", Login = "village.naoping";

    /// <summary>Admits a task for 闹坪村 and files this week's answer for it as the village; returns the task request id.</summary>
    private async Task<long> Reported(string title, string status, string note)
    {
        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title, requirement = "组织巡查并登记", villages = new[] { Demo.Naoping }, towns = Array.Empty<string>(),
            dueDate = China.Today.AddDays(10).ToString("yyyy-MM-dd"), evidenceRequired = false, itemCode = "XZ-11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var request = (await response.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!;
        var village = await f.ApiAs(Login);
        var list = (await village.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200", CunzhiFactory.Json))!;
        var item = list.Items.Items.Single(i => i.TaskRequestId == request.Id);
        var saved = await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status, note } } });
        saved.StatusCode.ShouldBe(HttpStatusCode.OK, await saved.Content.ReadAsStringAsync());
        return request.Id;
    }

    [Fact]
    public async Task The_town_board_page_shows_a_blocked_items_note_with_the_reporters_name_and_post()
    {
        var id = await Reported("看板说明：水毁道路排查", "Blocked", "山洪冲毁便道，需乡镇协调机械");
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Tasks/Board?q=闹坪"));
        var cell = html.QuerySelector($"tr[data-village='{Demo.Naoping}'] td[data-request='{id}']")!;
        cell.GetAttribute("data-status").ShouldBe("Blocked");
        var note = cell.QuerySelector("[data-testid=board-note]")!.TextContent;
        note.ShouldContain("山洪冲毁便道，需乡镇协调机械");
        cell.QuerySelector("[data-testid=board-reporter]")!.TextContent.ShouldContain($"{Reporter}（{Post}）");
        html.DocumentElement.OuterHtml.ShouldNotContain(Login);
    }

    [Fact]
    public async Task The_town_board_page_shows_an_in_progress_items_note()
    {
        var id = await Reported("看板说明：农户走访", "InProgress", "已走访 30 户，余下下周完成");
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Tasks/Board?q=闹坪"));
        html.QuerySelector($"tr[data-village='{Demo.Naoping}'] td[data-request='{id}'] [data-testid=board-note]")!.TextContent
            .ShouldContain("已走访 30 户，余下下周完成");
    }

    [Fact]
    public async Task A_done_item_shows_no_note_on_the_board()
    {
        var id = await Reported("看板说明：宣传栏更新", "Done", "已更新");
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Tasks/Board?q=闹坪"));
        var cell = html.QuerySelector($"tr[data-village='{Demo.Naoping}'] td[data-request='{id}']")!;
        cell.GetAttribute("data-status").ShouldBe("Done");
        cell.QuerySelector("[data-testid=board-note]").ShouldBeNull();
    }

    [Fact]
    public async Task The_board_export_carries_the_note_with_the_reporters_name_and_post()
    {
        const string title = "看板说明：危房排查";
        await Reported(title, "Blocked", "两户无人在家，无法入户");
        var response = await (await f.PagesAs("town.sanxing")).GetAsync("/Tasks/Board?handler=Export&q=闹坪");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldStartWith("周报看板-");
        var file = await response.Content.ReadAsByteArrayAsync();
        var row = Rows(file).Skip(1).Single(r => r.GetString(2) == title);
        (row.GetString(0), row.GetString(5), row.GetString(6), row.GetString(7), row.GetString(8))
            .ShouldBe(("闹坪村", "受阻", "两户无人在家，无法入户", Reporter, Post));
        AllText(file).ShouldNotContain(Login);
    }

    [Fact]
    public async Task The_board_api_serves_the_note_with_the_reporters_name_and_post()
    {
        var id = await Reported("看板说明：河塘巡查", "Blocked", "水位过高暂停巡查");
        var api = await f.ApiAs("town.sanxing");
        var board = (await api.GetFromJsonAsync<WeeklyBoard>("/api/v1/tasks/board?q=闹坪&pageSize=200", CunzhiFactory.Json))!;
        var note = board.Rows.Items.Single(r => r.VillageCode == Demo.Naoping).Notes![id];
        (note.Status, note.Note, note.ReporterName, note.ReporterPost).ShouldBe((WeeklyStatus.Blocked, "水位过高暂停巡查", Reporter, Post));
        (await api.GetStringAsync("/api/v1/tasks/board?q=闹坪&pageSize=200")).ShouldNotContain(Login);
    }

    [Fact]
    public async Task The_board_api_export_carries_the_note()
    {
        const string title = "看板说明：秸秆巡查（接口导出）";
        await Reported(title, "Blocked", "人手不足");
        var file = await (await f.ApiAs("town.sanxing")).GetByteArrayAsync("/api/v1/tasks/board/export?q=闹坪");
        Rows(file).Skip(1).Single(r => r.GetString(2) == title).GetString(6).ShouldBe("人手不足");
    }
}

public sealed class WeeklyBoardNotesTests_Sqlite(SqliteFactory f) : WeeklyBoardNotesTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class WeeklyBoardNotesTests_Postgres(PostgresFactory f) : WeeklyBoardNotesTests<PostgresFactory>(f);
