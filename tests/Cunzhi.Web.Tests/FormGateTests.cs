using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Forms;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The gate over HTTP: a form whose typed fields repeat another form or a platform number waits for the coordination office
/// with the duplicates named, and the office admits it or refuses it naming the other form; cancelled work is recognised by
/// meaning (keywords, synonyms the county edits in the list draft), and pending requests show the nearest items with why.
/// </summary>
public abstract class FormGateTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");

    private static object Field(string label, string? binding = null) =>
        new { label, type = "Number", unit = (string?)null, required = true, help = (string?)null, choices = (string[]?)null, binding };

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    /// <summary>A form with the given fields published under XZ-11 (a listed item) to 闹坪村.</summary>
    private async Task<FormDetail> Published(string title, params object[] fields)
    {
        var dept = await f.ApiAs("dept.agri");
        var form = await Read<FormDetail>(await dept.PostAsJsonAsync("/api/v1/forms", new { title, description = (string?)null }), HttpStatusCode.Created);
        foreach (var field in fields) form = await Read<FormDetail>(await dept.PostAsJsonAsync($"/api/v1/forms/{form.Summary.Id}/fields", field));
        return await Read<FormDetail>(await dept.PostAsJsonAsync($"/api/v1/forms/{form.Summary.Id}/publish",
            new { villages = new[] { Demo.Naoping }, towns = Array.Empty<string>(), dueDate = Due, itemCode = "XZ-11" }));
    }

    private Task<TaskRequest> Request(long id) => f.WithSystemDb(db => db.Set<TaskRequest>().SingleAsync(r => r.Id == id));

    [Fact]
    public async Task A_form_repeating_another_forms_field_waits_for_the_office_naming_it()
    {
        await Published("油菜种植情况表", Field("油菜种植面积"));
        var second = await Published("冬种作物摸底表", Field("油菜种植面积（亩）"), Field("绿肥种植面积"));
        second.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        var request = await Request(second.Summary.TaskRequestId!.Value);
        request.DecisionReason!.ShouldContain("指标“油菜种植面积（亩）”与《油菜种植情况表》的“油菜种植面积”重复");
        (await f.WithSystemDb(db => db.Set<VillageTask>().CountAsync(t => t.TaskRequestId == request.Id))).ShouldBe(0);
    }

    [Fact]
    public async Task A_form_asking_a_number_the_platform_holds_waits_for_the_office_naming_the_number()
    {
        var form = await Published("农户养殖情况表", Field("农户数"), Field("生猪存栏头数"));
        form.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        (await Request(form.Summary.TaskRequestId!.Value)).DecisionReason!.ShouldContain("指标“农户数”平台已有数据（户数），应绑定自动填写");
    }

    [Fact]
    public async Task A_form_whose_repeats_are_bound_is_admitted_at_once()
    {
        var form = await Published("水稻病虫害防治表", Field("户数", "households.count"), Field("稻飞虱发生面积"));
        form.Summary.GateStatus.ShouldBe(TaskRequestStatus.Admitted);
    }

    [Fact]
    public async Task The_office_admits_a_held_form_and_it_reaches_the_village()
    {
        var form = await Published("鱼塘养殖登记表", Field("户籍人口数"), Field("鱼塘水面面积"));
        form.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        (await (await f.ApiAs("coord.office")).PostAsJsonAsync($"/api/v1/tasks/requests/{form.Summary.TaskRequestId}/approve", new { }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await (await f.ApiAs("village.naoping")).GetAsync($"/api/v1/forms/{form.Summary.Id}/villages/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Request(form.Summary.TaskRequestId!.Value)).MatchedItemCode.ShouldBe("XZ-11");
    }

    [Fact]
    public async Task The_office_refuses_a_held_form_naming_the_other_form()
    {
        var first = await Published("茶园面积统计表", Field("茶园面积"));
        var second = await Published("茶叶产业调查表", Field("茶园面积（亩）"), Field("茶叶年产量"));
        second.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        var refused = await Read<TaskRequestView>(await (await f.ApiAs("coord.office")).PostAsJsonAsync(
            $"/api/v1/forms/requests/{second.Summary.TaskRequestId}/refuse-duplicate", new { otherFormId = first.Summary.Id, note = "请与农业农村局共享数据" }));
        refused.Status.ShouldBe(TaskRequestStatus.Rejected);
        refused.DecisionReason!.ShouldStartWith("与《茶园面积统计表》重复：“茶园面积（亩）”（即“茶园面积”）");
        refused.DecisionReason.ShouldEndWith("请与农业农村局共享数据");
    }

    [Fact]
    public async Task Refusing_as_a_duplicate_of_a_form_it_does_not_repeat_is_a_conflict()
    {
        var unrelated = await Published("柑橘种植统计表", Field("柑橘挂果面积"));
        var held = await Published("蔬菜基地调查表", Field("人口数"), Field("蔬菜基地面积"));
        var r = await (await f.ApiAs("coord.office")).PostAsJsonAsync($"/api/v1/forms/requests/{held.Summary.TaskRequestId}/refuse-duplicate",
            new { otherFormId = unrelated.Summary.Id, note = (string?)null });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("没有重复指标");
        (await Request(held.Summary.TaskRequestId!.Value)).Status.ShouldBe(TaskRequestStatus.Pending);
    }

    [Fact]
    public async Task Only_the_office_refuses_a_form_as_a_duplicate()
    {
        var first = await Published("竹林面积统计表", Field("毛竹林面积"));
        var second = await Published("竹产业调查表", Field("毛竹林面积（亩）"));
        second.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        foreach (var who in new[] { "dept.agri", "county.admin", "town.sanxing", "village.naoping" })
            (await (await f.ApiAs(who)).PostAsJsonAsync($"/api/v1/forms/requests/{second.Summary.TaskRequestId}/refuse-duplicate",
                new { otherFormId = first.Summary.Id, note = (string?)null })).StatusCode.ShouldBe(HttpStatusCode.Forbidden, who);
    }

    [Fact]
    public async Task The_queue_page_refuses_a_held_form_naming_the_other_form()
    {
        var first = await Published("烟叶种植统计表", Field("烟叶种植面积"));
        var second = await Published("烟叶收购调查表", Field("烟叶种植面积（亩）"));
        var pages = await f.PagesAs("coord.office");
        var queue = await CunzhiFactory.Html(await pages.GetAsync("/Tasks/Queue?pageSize=100"));
        var card = queue.QuerySelector($"[data-testid=pending][data-id='{second.Summary.TaskRequestId}']")!;
        var button = card.QuerySelector("[data-testid=refuse-duplicate]")!;
        button.TextContent.ShouldContain("以与《烟叶种植统计表》重复驳回");
        var posted = await CunzhiFactory.PostFormAsync(pages, "/Tasks/Queue?pageSize=100", new(),
            formAction: $"handler=RejectDuplicate&id={second.Summary.TaskRequestId}&other={first.Summary.Id}");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var request = await Request(second.Summary.TaskRequestId!.Value);
        (request.Status, request.DecisionReason!.Contains("《烟叶种植统计表》")).ShouldBe((TaskRequestStatus.Rejected, true));
    }

    private static object Task(string title, string requirement, string? itemCode = null) =>
        new { title, requirement, villages = new[] { Demo.Naoping }, towns = Array.Empty<string>(), dueDate = Due, evidenceRequired = false, itemCode };

    [Fact]
    public async Task Collecting_water_and_power_bills_is_refused_at_once_naming_the_cancelled_item()
    {
        var r = await Read<TaskRequestView>(await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests",
            Task("请各村代收代缴本村水电费", "按户收取后统一上交")), HttpStatusCode.Created);
        var qx = ResponsibilityListDefaults.Items.Single(i => i.Title == "要求村级组织代收代缴水电费");
        (r.Status, r.DecisionReason!.Contains($"{qx.Code} {qx.Title}")).ShouldBe((TaskRequestStatus.Refused, true));
    }

    [Fact]
    public async Task A_near_miss_of_a_cancelled_item_goes_to_the_office()
    {
        var r = await Read<TaskRequestView>(await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests",
            Task("宣传水电费缴纳政策", "向农户发放缴费指南")), HttpStatusCode.Created);
        r.Status.ShouldBe(TaskRequestStatus.Pending);
    }

    [Fact]
    public async Task A_pending_request_shows_the_office_the_nearest_items_with_why()
    {
        var r = await Read<TaskRequestView>(await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests",
            Task("代收代缴城乡居民医保", "各村上门收取医保费")), HttpStatusCode.Created);
        r.Status.ShouldBe(TaskRequestStatus.Pending);
        var xz = ResponsibilityListDefaults.Items.Single(i => i.Title == "协助开展城乡居民医保征缴").Code;
        var near = await Read<List<NearItemView>>(await (await f.ApiAs("coord.office")).GetAsync($"/api/v1/tasks/requests/{r.Id}/nearest"));
        near[0].Code.ShouldBe(xz);
        near[0].Reasons.ShouldContain(x => x.Contains("命中识别词“医保+征缴”"));

        var queue = await CunzhiFactory.Html(await (await f.PagesAs("coord.office")).GetAsync("/Tasks/Queue?pageSize=100"));
        var shown = queue.QuerySelector($"[data-testid=pending][data-id='{r.Id}'] [data-testid=nearest] [data-code='{xz}']")!;
        shown.TextContent.ShouldContain("命中识别词");
    }

    [Fact]
    public async Task Synonyms_edited_in_the_draft_take_effect_when_the_list_is_published()
    {
        var office = await f.ApiAs("coord.office");
        var qx = ResponsibilityListDefaults.Items.Single(i => i.Title == "要求村级组织代收代缴水电费");
        (await office.PostAsync("/api/v1/tasks/list/draft", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var synonyms = qx.Synonyms!.Replace("收缴；", "收缴、催收；");
        var saved = await Read<ListItemView>(await office.PutAsJsonAsync("/api/v1/tasks/list/draft/items", new
        {
            code = qx.Code, title = qx.Title, category = "Cancelled", area = "取消事项", keywords = qx.Keywords, synonyms,
        }));
        saved.Synonyms.ShouldBe(synonyms);
        var draft = await Read<ListPage>(await office.GetAsync("/api/v1/tasks/list/draft?category=Cancelled&pageSize=200"));
        draft.Items.Items.Single(i => i.Code == qx.Code).Synonyms.ShouldBe(synonyms);

        var dept = await f.ApiAs("dept.agri");
        (await Read<TaskRequestView>(await dept.PostAsJsonAsync("/api/v1/tasks/requests", Task("请各村催收农户电费", "月底前完成")), HttpStatusCode.Created))
            .Status.ShouldBe(TaskRequestStatus.Pending);
        (await office.PostAsync("/api/v1/tasks/list/draft/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Read<TaskRequestView>(await dept.PostAsJsonAsync("/api/v1/tasks/requests", Task("请各村催收农户电费", "月底前完成")), HttpStatusCode.Created))
            .Status.ShouldBe(TaskRequestStatus.Refused);
    }

    [Fact]
    public async Task The_list_page_edits_an_items_synonyms()
    {
        var pages = await f.PagesAs("coord.office");
        (await (await f.ApiAs("coord.office")).PostAsync("/api/v1/tasks/list/draft", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var posted = await CunzhiFactory.PostFormAsync(pages, "/Tasks/List?draft=true", new()
        {
            ["Item.Code"] = "QX-90", ["Item.Title"] = "要求村级组织代售彩票", ["Item.Category"] = "Cancelled", ["Item.Keywords"] = "代售+彩票",
            ["Item.Synonyms"] = "代售、代卖、销售；彩票、体彩、福彩",
        }, formAction: "handler=SaveItem");
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var page = await CunzhiFactory.Html(await pages.GetAsync("/Tasks/List?draft=true&q=彩票"));
        page.QuerySelector("[data-testid=synonyms]")!.TextContent.ShouldContain("代售、代卖、销售；彩票、体彩、福彩");
    }
}

public sealed class FormGateTests_Sqlite(SqliteFactory f) : FormGateTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class FormGateTests_Postgres(PostgresFactory f) : FormGateTests<PostgresFactory>(f);
