using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>Evidence, reminders, meetings and inspections with the meter, the ranking guard and the assessment-item cap; with scope.</summary>
public abstract class BurdenTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly DateOnly Today = China.Today;
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3, 4];

    private async Task<TaskRequestView> Admit(string title, bool evidence, params string[] villages)
    {
        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title, requirement = "组织巡查并登记", villages, towns = Array.Empty<string>(), dueDate = Today.AddDays(10).ToString("yyyy-MM-dd"),
            evidenceRequired = evidence, evidenceJustification = evidence ? "须留存现场照片备查" : null, itemCode = "XZ-11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!;
    }

    private static async Task<WeeklyItem> Item(HttpClient api, long requestId, string village = "") =>
        (await api.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200" + village, CunzhiFactory.Json))!.Items.Items.Single(i => i.TaskRequestId == requestId);

    private static MultipartFormDataContent File(byte[] bytes, string name)
    {
        var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(bytes), "file", name);
        return form;
    }

    private static object Done(long id) => new { items = new[] { new { villageTaskId = id, status = "Done", note = "" } } };

    private async Task<EvidenceView> Upload(HttpClient village, long villageTaskId)
    {
        var uploaded = await village.PostAsync($"/api/v1/tasks/weekly/{villageTaskId}/evidence", File(Png, "现场.png"));
        uploaded.StatusCode.ShouldBe(HttpStatusCode.Created, await uploaded.Content.ReadAsStringAsync());
        return (await uploaded.Content.ReadFromJsonAsync<EvidenceView>(CunzhiFactory.Json))!;
    }

    [Fact]
    public async Task Done_needs_evidence_only_where_the_task_requires_it()
    {
        var request = await Admit("佐证测试：农田水利设施排查", true, Demo.Naoping);
        var plain = await Admit("佐证测试：不需佐证的走访", false, Demo.Naoping);
        var village = await f.ApiAs("village.naoping");
        var item = await Item(village, request.Id);
        item.EvidenceRequired.ShouldBeTrue();

        var refused = await village.PutAsJsonAsync("/api/v1/tasks/weekly", Done(item.VillageTaskId));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("要求留存佐证材料");
        (await village.PutAsJsonAsync("/api/v1/tasks/weekly", Done((await Item(village, plain.Id)).VillageTaskId))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var evidence = await Upload(village, item.VillageTaskId);
        evidence.ContentType.ShouldBe("image/png");
        (await village.PutAsJsonAsync("/api/v1/tasks/weekly", Done(item.VillageTaskId))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Item(village, request.Id)).Evidence.ShouldBe(1);
    }

    [Fact]
    public async Task Evidence_is_refused_unless_a_small_jpg_png_or_pdf_for_a_task_that_asks_for_it()
    {
        var request = await Admit("佐证测试：上传检查", true, Demo.Naoping);
        var plain = await Admit("佐证测试：不需佐证的上传", false, Demo.Naoping);
        var village = await f.ApiAs("village.naoping");
        var item = await Item(village, request.Id);

        var text = await village.PostAsync($"/api/v1/tasks/weekly/{item.VillageTaskId}/evidence", File("hello"u8.ToArray(), "a.jpg"));
        text.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await text.Content.ReadAsStringAsync()).ShouldContain("不是 jpg、png 或 pdf");
        var big = new byte[EvidenceRules.MaxBytes + 1];
        Png.CopyTo(big, 0);
        (await (await village.PostAsync($"/api/v1/tasks/weekly/{item.VillageTaskId}/evidence", File(big, "big.png"))).Content.ReadAsStringAsync()).ShouldContain("超过 5 MB");
        var notNeeded = await village.PostAsync($"/api/v1/tasks/weekly/{(await Item(village, plain.Id)).VillageTaskId}/evidence", File(Png, "a.png"));
        (await notNeeded.Content.ReadAsStringAsync()).ShouldContain("不要求佐证材料");
        (await Item(village, request.Id)).Evidence.ShouldBe(0);
    }

    [Fact]
    public async Task Evidence_is_viewed_by_the_town_department_office_county_and_village_only()
    {
        var request = await Admit("佐证测试：查看范围", true, Demo.Naoping);
        var village = await f.ApiAs("village.naoping");
        var evidence = await Upload(village, (await Item(village, request.Id)).VillageTaskId);

        foreach (var who in new[] { "town.sanxing", "dept.agri", "coord.office", "county.admin", "village.naoping" })
        {
            var api = await f.ApiAs(who);
            (await api.GetFromJsonAsync<Paged<EvidenceView>>($"/api/v1/tasks/evidence?request={request.Id}", CunzhiFactory.Json))!.Items.ShouldContain(e => e.Id == evidence.Id, who);
            var file = await api.GetAsync($"/api/v1/tasks/evidence/{evidence.Id}");
            file.StatusCode.ShouldBe(HttpStatusCode.OK, who);
            (await file.Content.ReadAsByteArrayAsync()).ShouldBe(Png);
        }
        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetAsync($"/api/v1/tasks/evidence/{evidence.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.GetFromJsonAsync<Paged<EvidenceView>>($"/api/v1/tasks/evidence?request={request.Id}", CunzhiFactory.Json))!.Items.ShouldBeEmpty();
        var page = await (await f.PagesAs("town.sanxing")).GetAsync($"/Tasks/Evidence?request={request.Id}");
        (await CunzhiFactory.Html(page)).QuerySelectorAll("[data-testid=evidence-files] tr[data-id]").Length.ShouldBe(1);
    }

    [Fact]
    public async Task The_friday_form_saves_the_whole_list_with_a_photo_in_one_post()
    {
        var request = await Admit("表单测试：防汛隐患排查", true, Demo.Naoping);
        var client = await f.PagesAs("village.naoping");
        var doc = await CunzhiFactory.Html(await client.GetAsync("/Tasks/Weekly?pageSize=50"));
        var form = doc.QuerySelector("[data-testid=report-form]")!;
        var token = form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var card = form.QuerySelectorAll("[data-testid=item]").Single(c => c.GetAttribute("data-request") == request.Id.ToString());
        card.QuerySelector("[data-testid=evidence] input[type=file]").ShouldNotBeNull();
        const string prefix = "Items[0]"; // the only item posted; list indexes must start at 0
        var id = card.GetAttribute("data-id")!;

        async Task<HttpResponseMessage> Post(bool withPhoto)
        {
            var content = new MultipartFormDataContent
            {
                { new StringContent(token), "__RequestVerificationToken" },
                { new StringContent(id), $"{prefix}.VillageTaskId" },
                { new StringContent("Done"), $"{prefix}.Status" },
                { new StringContent("已排查 3 处"), $"{prefix}.Note" },
            };
            if (withPhoto) content.Add(new ByteArrayContent(Png), $"evidence-{id}", "photo.png");
            return await client.PostAsync(form.GetAttribute("action"), content);
        }

        var refused = await Post(false);
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(refused)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("要求留存佐证材料");
        var saved = await Post(true);
        saved.StatusCode.ShouldBe(HttpStatusCode.Redirect, await saved.Content.ReadAsStringAsync());
        var after = await Item(await f.ApiAs("village.naoping"), request.Id);
        (after.Status, after.Note, after.Evidence).ShouldBe((WeeklyStatus.Done, "已排查 3 处", 1));

        var board = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Tasks/Board?q=闹坪"));
        board.QuerySelector($"tr[data-village='{Demo.Naoping}'] td[data-request='{request.Id}']")!.GetAttribute("data-status").ShouldBe("Done");
        var past = await CunzhiFactory.Html(await client.GetAsync($"/Tasks/Weekly?week={Today.AddDays(-7):yyyy-MM-dd}"));
        past.QuerySelector("[data-testid=report-form]").ShouldBeNull();
    }


    private Task<int> RunRemindersAt(DateTime local) =>
        new ReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(China.At(local)),
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<ReminderService>.Instance).RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task Each_weekly_reminder_goes_out_once_only_to_villages_with_unreported_items()
    {
        var request = await Admit("提醒测试：秋冬季防火巡查", false, Demo.Naoping, Demo.Dongxi);
        var nextMonday = Week.MondayOf(Today).AddDays(7);
        (await RunRemindersAt(nextMonday.ToDateTime(new TimeOnly(8, 0)))).ShouldBeGreaterThan(0);
        (await RunRemindersAt(nextMonday.ToDateTime(new TimeOnly(9, 0)))).ShouldBe(0); // once a week
        (await RunRemindersAt(nextMonday.AddDays(4).ToDateTime(new TimeOnly(8, 0)))).ShouldBeGreaterThan(0);

        var village = await f.ApiAs("village.naoping");
        var mine = (await village.GetFromJsonAsync<Paged<ReminderView>>("/api/v1/burden/reminders?pageSize=200", CunzhiFactory.Json))!.Items
            .Where(r => r.WeekStart == nextMonday).ToList();
        mine.Select(r => r.Title).Order().ShouldBe(["本周清单已下发", "请于今日完成周五汇报"]);
        var unread = (await village.GetFromJsonAsync<UnreadCount>("/api/v1/burden/reminders/unread", CunzhiFactory.Json))!.Count;
        unread.ShouldBeGreaterThanOrEqualTo(2);
        (await village.PostAsJsonAsync($"/api/v1/burden/reminders/{mine[0].Id}/read", new { })).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await village.GetFromJsonAsync<UnreadCount>("/api/v1/burden/reminders/unread", CunzhiFactory.Json))!.Count.ShouldBe(unread - 1);
        var bell = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/"));
        bell.QuerySelector("[data-testid=unread]")!.TextContent.ShouldBe((unread - 1).ToString());

        // Scope: another village's reminder is not found.
        var dongxi = await f.WithSystemDb(db => Task.FromResult(db.Set<Reminder>().First(r => r.RegionCode == Demo.Dongxi && r.WeekStart == nextMonday).Id));
        (await village.PostAsJsonAsync($"/api/v1/burden/reminders/{dongxi}/read", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.PostAsJsonAsync("/api/v1/burden/reminders/read-all", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await village.GetFromJsonAsync<UnreadCount>("/api/v1/burden/reminders/unread", CunzhiFactory.Json))!.Count.ShouldBe(0);

        // This week: Naoping reports everything, so only Dongxi is told to report on Friday.
        var monday = Week.MondayOf(Today);
        var list = (await village.GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly?pageSize=200", CunzhiFactory.Json))!;
        var answers = list.Items.Items.Select(i => new { villageTaskId = i.VillageTaskId, status = "InProgress", note = "推进中" }).ToArray();
        (await village.PutAsJsonAsync("/api/v1/tasks/weekly", new { items = answers })).StatusCode.ShouldBe(HttpStatusCode.OK);
        await RunRemindersAt(monday.AddDays(6).ToDateTime(new TimeOnly(23, 59)));
        var friday = await f.WithSystemDb(db => Task.FromResult(db.Set<Reminder>().Where(r => r.WeekStart == monday && r.Kind == ReminderKind.FridayReport).Select(r => r.RegionCode).ToList()));
        friday.ShouldContain(Demo.Dongxi);
        friday.ShouldNotContain(Demo.Naoping);
        request.Id.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_meter_counts_the_meetings_or_inspections_towns_log()
    {
        var sanxing = await f.ApiAs("town.sanxing");
        var logged = await sanxing.PostAsJsonAsync("/api/v1/burden/events", new { kind = "Meeting", date = "2025-01-15", organizer = "县测试局", title = "春耕调度会", villages = new[] { Demo.Naoping, Demo.Sanxingcun } });
        logged.StatusCode.ShouldBe(HttpStatusCode.Created, await logged.Content.ReadAsStringAsync());
        (await sanxing.PostAsJsonAsync("/api/v1/burden/events", new { kind = "Inspection", date = "2025-01-20", organizer = "县测试局", title = "人居环境检查", villages = new[] { Demo.Naoping } }))
            .StatusCode.ShouldBe(HttpStatusCode.Created);
        var future = await sanxing.PostAsJsonAsync("/api/v1/burden/events", new { kind = "Meeting", date = Today.AddDays(3).ToString("yyyy-MM-dd"), organizer = "x", title = "x", villages = new[] { Demo.Naoping } });
        (await future.Content.ReadAsStringAsync()).ShouldContain("日期不能晚于今天");

        var meter = (await sanxing.GetFromJsonAsync<MeterReport>($"/api/v1/burden/meter?region={Demo.Naoping}&month=2025-01-01", CunzhiFactory.Json))!;
        (meter.Summary.Counts["meetings"], meter.Summary.Counts["inspections"], meter.Summary.Counts["forms"]).ShouldBe((1, 1, 0));
        meter.Sources.ShouldAllBe(s => s.Connected);
        meter.Summary.Counts["typed"].ShouldBe(0);
        meter.Summary.Baseline.ShouldBe(2.0); // the first month with load is the baseline's first month
        meter.Departments.Single(d => d.Department == "县测试局").ShouldBe(new DepartmentLoad("县测试局", 0, 1, 1));
        var town = (await sanxing.GetFromJsonAsync<MeterReport>("/api/v1/burden/meter?month=2025-01-01&pageSize=200", CunzhiFactory.Json))!;
        town.Rows.Items.Single(r => r.Code == Demo.Sanxingcun).Counts["meetings"].ShouldBe(1);
        var county = (await (await f.ApiAs("county.admin")).GetFromJsonAsync<MeterReport>("/api/v1/burden/meter?month=2025-01-01&pageSize=50", CunzhiFactory.Json))!;
        county.Rows.Items.Single(r => r.Code == Demo.Sanxing).Total.ShouldBe(3);
        (await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync($"/Burden/Meter?region={Demo.Sanxing}&month=2025-01")))
            .QuerySelector($"[data-testid=meter] tr[data-code='{Demo.Naoping}']")!.GetAttribute("data-total").ShouldBe("2");
    }

    [Fact]
    public async Task Other_towns_cannot_see_or_touch_a_towns_meetings_or_its_meter()
    {
        // March 2025: another month than the meter test counts.
        var logged = await (await f.ApiAs("town.sanxing")).PostAsJsonAsync("/api/v1/burden/events", new { kind = "Meeting", date = "2025-03-12", organizer = "县测试局", title = "夏粮调度会", villages = new[] { Demo.Naoping } });
        logged.StatusCode.ShouldBe(HttpStatusCode.Created, await logged.Content.ReadAsStringAsync());
        var meeting = (await logged.Content.ReadFromJsonAsync<BurdenEventView>(CunzhiFactory.Json))!;

        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetFromJsonAsync<Paged<BurdenEventView>>("/api/v1/burden/events?pageSize=200", CunzhiFactory.Json))!.Items.ShouldNotContain(e => e.Id == meeting.Id);
        (await efeng.DeleteAsync($"/api/v1/burden/events/{meeting.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.GetAsync($"/api/v1/burden/meter?region={Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var foreign = await efeng.PostAsJsonAsync("/api/v1/burden/events", new { kind = "Meeting", date = "2025-01-15", organizer = "x", title = "x", villages = new[] { Demo.Naoping } });
        foreign.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await foreign.Content.ReadAsStringAsync()).ShouldContain("不在本乡镇");
        (await (await f.ApiAs("village.naoping")).GetAsync($"/api/v1/burden/meter?region={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await efeng.GetFromJsonAsync<WeeklyBoard>("/api/v1/tasks/board?pageSize=200", CunzhiFactory.Json))!.Rows.Items.ShouldAllBe(r => r.VillageCode.StartsWith("360922200"));
    }

    [Fact]
    public async Task A_ranking_is_published_at_most_once_a_year_with_a_refusal_saying_when_next()
    {
        var town = await f.ApiAs("town.sanxing");
        async Task<RankingView> Prepare(string title) =>
            (await (await town.PostAsJsonAsync("/api/v1/burden/rankings", new { kind = "Village", title, period = "2025年度" })).Content.ReadFromJsonAsync<RankingView>(CunzhiFactory.Json))!;
        var first = await Prepare("2025年度村级综合排名");
        first.PublishedOn.ShouldBeNull();
        var published = await town.PostAsJsonAsync($"/api/v1/burden/rankings/{first.Id}/publish", new { });
        published.StatusCode.ShouldBe(HttpStatusCode.OK, await published.Content.ReadAsStringAsync());
        var second = await Prepare("一季度村级排名");
        var refused = await town.PostAsJsonAsync($"/api/v1/burden/rankings/{second.Id}/publish", new { });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain($"{Today.AddMonths(12):yyyy-MM-dd} 起方可再次发布");
        var status = (await town.GetFromJsonAsync<List<RankingStatus>>("/api/v1/burden/rankings/status", CunzhiFactory.Json))!;
        status.Single(s => s.Kind == RankingKind.Village).Decision.Allowed.ShouldBeFalse();
        status.Single(s => s.Kind == RankingKind.Cadre).Decision.Allowed.ShouldBeTrue();
        // Another town's and the county's own rankings are separate scopes; nobody else publishes this town's.
        (await (await f.ApiAs("town.efeng")).PostAsJsonAsync($"/api/v1/burden/rankings/{second.Id}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await (await f.ApiAs("county.admin")).PostAsJsonAsync($"/api/v1/burden/rankings/{second.Id}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var efengOwn = (await (await (await f.ApiAs("town.efeng")).PostAsJsonAsync("/api/v1/burden/rankings", new { kind = "Village", title = "鹅峰排名", period = "2025年度" }))
            .Content.ReadFromJsonAsync<RankingView>(CunzhiFactory.Json))!;
        (await (await f.ApiAs("town.efeng")).PostAsJsonAsync($"/api/v1/burden/rankings/{efengOwn.Id}/publish", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_eleventh_town_assessment_item_is_refused()
    {
        var efeng = await f.ApiAs("town.efeng");
        for (var i = 1; i <= 10; i++)
            (await efeng.PostAsJsonAsync("/api/v1/burden/assessment-items", new { year = 2031, title = $"考核事项{i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var eleventh = await efeng.PostAsJsonAsync("/api/v1/burden/assessment-items", new { year = 2031, title = "考核事项11" });
        eleventh.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await eleventh.Content.ReadAsStringAsync()).ShouldContain("不超过 10 项");
        (await (await f.ApiAs("town.sanxing")).PostAsJsonAsync("/api/v1/burden/assessment-items", new { year = 2031, title = "三兴考核" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var mine = (await efeng.GetFromJsonAsync<TownAssessmentItems>("/api/v1/burden/assessment-items?year=2031&pageSize=50", CunzhiFactory.Json))!;
        (mine.Count, mine.Cap).ShouldBe((10, 10));
        mine.Items.Items.ShouldAllBe(i => i.TownCode == Demo.Efeng);
        var sanxingItem = (await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<TownAssessmentItems>("/api/v1/burden/assessment-items?year=2031", CunzhiFactory.Json))!.Items.Items.Single();
        (await efeng.DeleteAsync($"/api/v1/burden/assessment-items/{sanxingItem.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_county_sets_the_town_assessment_item_cap()
    {
        var efeng = await f.ApiAs("town.efeng");
        for (var i = 1; i <= 10; i++)
            (await efeng.PostAsJsonAsync("/api/v1/burden/assessment-items", new { year = 2032, title = $"考核事项{i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        var county = await f.ApiAs("county.admin");
        var policy = (await county.GetFromJsonAsync<PolicyView>("/api/v1/burden/policy", CunzhiFactory.Json))!;
        var raised = await county.PutAsJsonAsync("/api/v1/burden/policy", new { rankingIntervalMonths = 12, assessmentItemCap = 11, baselineMonths = 3, version = policy.Version });
        raised.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await efeng.GetFromJsonAsync<PolicyView>("/api/v1/burden/policy", CunzhiFactory.Json))!.AssessmentItemCap.ShouldBe(11);
        (await efeng.PostAsJsonAsync("/api/v1/burden/assessment-items", new { year = 2032, title = "考核事项11" })).StatusCode.ShouldBe(HttpStatusCode.Created);
        var version = (await raised.Content.ReadFromJsonAsync<PolicyView>(CunzhiFactory.Json))!.Version;
        (await county.PutAsJsonAsync("/api/v1/burden/policy", new { rankingIntervalMonths = 12, assessmentItemCap = 10, baselineMonths = 3, version })).StatusCode.ShouldBe(HttpStatusCode.OK);
    }
}

public sealed class BurdenTests_Sqlite(SqliteFactory f) : BurdenTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class BurdenTests_Postgres(PostgresFactory f) : BurdenTests<PostgresFactory>(f);
