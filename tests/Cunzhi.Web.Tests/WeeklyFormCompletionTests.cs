using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Forms;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// One report, not two: submitting a 一表通 form answers its item of the Monday list (已完成) in the same save; the weekly
/// page and the town board show it done; a reported week shows 已提交 with China time and the reporter's display name.
/// </summary>
public abstract class WeeklyFormCompletionTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    /// <summary>An admitted form (under XZ-11) for 闹坪村 with one typed field of a label no other form asks.</summary>
    private async Task<(FormDetail Form, long FieldId)> AdmittedForm(string title, string label)
    {
        var dept = await f.ApiAs("dept.agri");
        var form = await Read<FormDetail>(await dept.PostAsJsonAsync("/api/v1/forms", new { title, description = (string?)null }), HttpStatusCode.Created);
        form = await Read<FormDetail>(await dept.PostAsJsonAsync($"/api/v1/forms/{form.Summary.Id}/fields",
            new { label, type = "Number", unit = "处", required = true, help = (string?)null, choices = (string[]?)null, binding = (string?)null }));
        var published = await Read<FormDetail>(await dept.PostAsJsonAsync($"/api/v1/forms/{form.Summary.Id}/publish",
            new { villages = new[] { Demo.Naoping }, towns = Array.Empty<string>(), dueDate = Due, itemCode = "XZ-11" }));
        published.Summary.GateStatus.ShouldBe(TaskRequestStatus.Admitted, published.DecisionReason);
        return (published, form.Fields.Single().Id);
    }

    private static Task<HttpResponseMessage> Save(HttpClient village, long formId, long fieldId, bool submit) =>
        village.PutAsJsonAsync($"/api/v1/forms/{formId}/villages/{Demo.Naoping}", new { values = new Dictionary<long, string?> { [fieldId] = "3" }, submit });

    private static async Task<WeeklyItem> Item(HttpClient api, long requestId, string query = "") =>
        (await api.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200" + query, CunzhiFactory.Json))!.Items.Items.Single(i => i.TaskRequestId == requestId);

    [Fact]
    public async Task Submitting_a_form_reports_its_weekly_item_done()
    {
        var (form, field) = await AdmittedForm("火点巡查登记表（周报）", "本周发现火点数");
        var village = await f.ApiAs("village.naoping");
        (await Item(village, form.Summary.TaskRequestId!.Value)).Status.ShouldBeNull();

        (await Save(village, form.Summary.Id, field, submit: true)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var item = await Item(village, form.Summary.TaskRequestId!.Value);
        (item.Status, item.ReportedBy).ShouldBe((WeeklyStatus.Done, "village.naoping"));
        item.Note.ShouldBe("已通过一表通提交报表《火点巡查登记表（周报）》");
    }

    [Fact]
    public async Task A_saved_draft_leaves_the_weekly_item_unreported()
    {
        var (form, field) = await AdmittedForm("山塘巡查登记表（周报）", "本周巡查山塘数");
        var village = await f.ApiAs("village.naoping");
        (await Save(village, form.Summary.Id, field, submit: false)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Item(village, form.Summary.TaskRequestId!.Value)).Status.ShouldBeNull();
    }

    [Fact]
    public async Task The_submission_and_its_weekly_report_are_stored_together()
    {
        var (form, field) = await AdmittedForm("河道巡查登记表（周报）", "本周巡河次数");
        (await Save(await f.ApiAs("village.naoping"), form.Summary.Id, field, submit: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var (submission, report) = await f.WithSystemDb(async db =>
        {
            var s = await db.Set<FormSubmission>().SingleAsync(x => x.FormTemplateId == form.Summary.Id);
            var r = await db.Set<WeeklyReport>().SingleAsync(x => x.VillageTaskId == s.VillageTaskId);
            return (Submission: s, Report: r);
        });
        (report.RegionCode, report.WeekStart, report.Status, report.ReportedBy).ShouldBe((Demo.Naoping, Week.MondayOf(China.Today), WeeklyStatus.Done, submission.UpdatedBy));
    }

    [Fact]
    public async Task A_submitted_form_overrides_an_earlier_in_progress_answer()
    {
        var (form, field) = await AdmittedForm("秸秆堆放点登记表（周报）", "本周清理堆放点数");
        var village = await f.ApiAs("village.naoping");
        var item = await Item(village, form.Summary.TaskRequestId!.Value);
        (await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = new[] { new { villageTaskId = item.VillageTaskId, status = "InProgress", note = "正在统计" } } }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Save(village, form.Summary.Id, field, submit: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Item(village, form.Summary.TaskRequestId!.Value)).Status.ShouldBe(WeeklyStatus.Done);
    }

    [Fact]
    public async Task The_town_board_shows_a_submitted_form_as_done()
    {
        var (form, field) = await AdmittedForm("禁烧宣传登记表（周报）", "本周入户宣传户次");
        (await Save(await f.ApiAs("village.naoping"), form.Summary.Id, field, submit: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var board = (await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<WeeklyBoard>($"/api/v1/tasks/board?pageSize=200&q={Demo.Naoping}", CunzhiFactory.Json))!;
        board.Rows.Items.Single(r => r.VillageCode == Demo.Naoping).Cells[form.Summary.TaskRequestId!.Value].ShouldBe(WeeklyStatus.Done);
    }

    private async Task<string> ExpectedStamp(long requestId)
    {
        var (at, name) = await f.WithSystemDb(async db =>
        {
            var task = await db.Set<VillageTask>().SingleAsync(t => t.TaskRequestId == requestId);
            var report = await db.Set<WeeklyReport>().SingleAsync(r => r.VillageTaskId == task.Id);
            var user = await db.Users.SingleAsync(u => u.UserName == report.ReportedBy);
            return (report.ReportedAtUtc, user.DisplayName);
        });
        name.ShouldNotBe("village.naoping");
        return $"已提交 · {TimeZoneInfo.ConvertTimeFromUtc(at, China.Zone):MM-dd HH:mm} · {name}";
    }

    [Fact]
    public async Task The_village_page_shows_when_and_by_whom_the_item_was_submitted()
    {
        var (form, field) = await AdmittedForm("林火隐患登记表（周报）", "本周排查林火隐患处数");
        (await Save(await f.ApiAs("village.naoping"), form.Summary.Id, field, submit: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = await ExpectedStamp(form.Summary.TaskRequestId!.Value);
        var page = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/Tasks/Weekly?pageSize=200"));
        page.QuerySelector($"[data-testid=item][data-request='{form.Summary.TaskRequestId}'] [data-testid=submitted]")!.TextContent.ShouldContain(expected);
        page.QuerySelector("[data-testid=week-submitted]")!.TextContent.ShouldContain("最近一次");
    }

    [Fact]
    public async Task The_town_reading_the_village_week_sees_when_and_by_whom()
    {
        var (form, field) = await AdmittedForm("防汛物资登记表（周报）", "本周清点防汛物资件数");
        (await Save(await f.ApiAs("village.naoping"), form.Summary.Id, field, submit: true)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var expected = await ExpectedStamp(form.Summary.TaskRequestId!.Value);
        var page = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Tasks/Weekly?village={Demo.Naoping}&pageSize=200"));
        page.QuerySelector($"[data-testid=item][data-request='{form.Summary.TaskRequestId}'] [data-testid=submitted]")!.TextContent.ShouldContain(expected);
    }
}

public sealed class WeeklyFormCompletionTests_Sqlite(SqliteFactory f) : WeeklyFormCompletionTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class WeeklyFormCompletionTests_Postgres(PostgresFactory f) : WeeklyFormCompletionTests<PostgresFactory>(f);
