using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Forms;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Forms;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Excel;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 一表通 over HTTP: forms pass the admission gate like any task and reach villages only when admitted (API and page);
/// bound fields are filled from the registries and frozen at submission; typed values are checked; duplicates are
/// flagged; submissions, export and field counts; who may do what, and region scope.
/// </summary>
public abstract class FormsTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly string Due = China.Today.AddDays(10).ToString("yyyy-MM-dd");

    private static object Field(string label, FieldType type = FieldType.Number, string? binding = null, bool required = true, string? unit = null, string[]? choices = null) =>
        new { label, type = type.ToString(), unit, required, help = (string?)null, choices, binding };

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected = HttpStatusCode.OK)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    /// <summary>A draft with the given fields, by the given department account.</summary>
    private async Task<FormDetail> Draft(HttpClient dept, string title, params object[] fields)
    {
        var form = await Read<FormDetail>(await dept.PostAsJsonAsync("/api/v1/forms", new { title, description = "按实际情况填写" }), HttpStatusCode.Created);
        foreach (var field in fields)
            form = await Read<FormDetail>(await dept.PostAsJsonAsync($"/api/v1/forms/{form.Summary.Id}/fields", field));
        return form;
    }

    private static Task<FormDetail> Publish(HttpClient dept, long id, string? item, params string[] villages) =>
        dept.PostAsJsonAsync($"/api/v1/forms/{id}/publish", new { villages = villages.Length == 0 ? [Demo.Naoping] : villages, towns = Array.Empty<string>(), dueDate = Due, itemCode = item })
            .ContinueWith(t => Read<FormDetail>(t.Result)).Unwrap();

    private async Task<List<InboxRow>> Inbox(string who) =>
        [.. (await (await f.ApiAs(who)).GetFromJsonAsync<Paged<InboxRow>>("/api/v1/forms/inbox?pageSize=200", CunzhiFactory.Json))!.Items];

    private static object Entries(Dictionary<long, string?> values, bool submit) => new { values, submit };

    [Fact]
    public async Task A_form_is_a_task_it_reaches_villages_only_once_admitted_on_every_path()
    {
        var dept = await f.ApiAs("dept.agri");
        var village = await f.ApiAs("village.naoping");
        var fields = new[] { Field("户数", binding: "households.count"), Field("今年水稻种植面积", unit: "亩") };

        var admitted = await Publish(dept, (await Draft(dept, "秸秆禁烧巡查登记表", fields)).Summary.Id, "XZ-11");
        (admitted.Summary.Status, admitted.Summary.GateStatus, admitted.Summary.Villages).ShouldBe((FormStatus.Filed, TaskRequestStatus.Admitted, 1));
        var request = await f.WithSystemDb(db => db.Set<TaskRequest>().SingleAsync(r => r.Id == admitted.Summary.TaskRequestId));
        (request.Title, request.Channel, request.MatchedItemCode).ShouldBe(("秸秆禁烧巡查登记表", TaskChannel.Api, "XZ-11"));
        request.Requirement.ShouldContain("其中 1 项由平台根据已有数据自动填写");

        var pending = await Publish(dept, (await Draft(dept, "农机购置意向摸底表", fields)).Summary.Id, null);
        pending.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        var refused = await Publish(dept, (await Draft(dept, "无犯罪记录证明开具情况表", fields)).Summary.Id, null);
        refused.Summary.GateStatus.ShouldBe(TaskRequestStatus.Refused);
        refused.DecisionReason!.ShouldContain("QZ-01");

        // The village gets the admitted form only: inbox, API and page.
        var inbox = await Inbox("village.naoping");
        inbox.Select(r => r.FormId).ShouldContain(admitted.Summary.Id);
        inbox.Select(r => r.FormId).ShouldNotContain(pending.Summary.Id);
        inbox.Select(r => r.FormId).ShouldNotContain(refused.Summary.Id);
        var pages = await f.PagesAs("village.naoping");
        foreach (var form in new[] { pending, refused })
        {
            (await village.GetAsync($"/api/v1/forms/{form.Summary.Id}/villages/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await village.PutAsJsonAsync($"/api/v1/forms/{form.Summary.Id}/villages/{Demo.Naoping}", Entries([], false))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
            (await pages.GetAsync($"/Forms/Fill?id={form.Summary.Id}&village={Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        }
        (await pages.GetAsync($"/Forms/Fill?id={admitted.Summary.Id}&village={Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var inboxPage = await CunzhiFactory.Html(await pages.GetAsync("/Forms/Inbox?pageSize=100"));
        var listed = inboxPage.QuerySelectorAll("[data-testid=inbox] [data-form]").Select(e => e.GetAttribute("data-form")).ToList();
        listed.ShouldContain(admitted.Summary.Id.ToString());
        listed.ShouldNotContain(pending.Summary.Id.ToString());
        (await f.WithSystemDb(db => db.Set<VillageTask>().CountAsync(t => t.TaskRequestId == pending.Summary.TaskRequestId))).ShouldBe(0);

        // The office approves the pending one: now it reaches the village; the refused one never does.
        var office = await f.ApiAs("coord.office");
        (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{pending.Summary.TaskRequestId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await village.GetAsync($"/api/v1/forms/{pending.Summary.Id}/villages/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Inbox("village.naoping")).Select(r => r.FormId).ShouldContain(pending.Summary.Id);
        (await office.PostAsJsonAsync($"/api/v1/tasks/requests/{refused.Summary.TaskRequestId}/approve", new { })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // A filed form is fixed, and cannot be filed twice.
        (await dept.PostAsJsonAsync($"/api/v1/forms/{admitted.Summary.Id}/fields", Field("人口数"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var twice = await dept.PostAsJsonAsync($"/api/v1/forms/{admitted.Summary.Id}/publish", new { villages = new[] { Demo.Naoping }, dueDate = Due });
        twice.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await twice.Content.ReadAsStringAsync()).ShouldContain("不能重复报送");
    }

    [Fact]
    public async Task The_page_path_files_the_form_at_the_same_gate()
    {
        var dept = await f.ApiAs("dept.agri");
        var pages = await f.PagesAs("dept.agri");
        var pending = await Draft(dept, "油茶林面积核实表", Field("油茶林面积", unit: "亩"));
        var response = await CunzhiFactory.PostFormAsync(pages, $"/Forms/Form?id={pending.Summary.Id}", new()
        {
            ["Publish.DueDate"] = Due, ["Publish.Villages"] = Demo.Naoping, ["Publish.ItemCode"] = "",
        }, formAction: "handler=Publish");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var filed = await f.WithSystemDb(db => db.Set<FormTemplate>().SingleAsync(x => x.Id == pending.Summary.Id));
        var request = await f.WithSystemDb(db => db.Set<TaskRequest>().SingleAsync(r => r.Id == filed.TaskRequestId));
        (filed.Status, request.Status, request.Channel).ShouldBe((FormStatus.Filed, TaskRequestStatus.Pending, TaskChannel.Page));
        (await (await f.ApiAs("village.naoping")).GetAsync($"/api/v1/forms/{filed.Id}/villages/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        var shown = await CunzhiFactory.Html(await pages.GetAsync(response.Headers.Location!.ToString()));
        shown.QuerySelector("[data-testid=gate]")!.TextContent.ShouldContain("待审批");

        var invalid = await CunzhiFactory.PostFormAsync(pages, $"/Forms/Form?id={(await Draft(dept, "空表", Field("x"))).Summary.Id}", new()
        {
            ["Publish.DueDate"] = Due,
        }, formAction: "handler=Publish");
        invalid.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(invalid)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请选择下发的村(社区)");
    }

    private sealed record Expected(int Cadres, int College, decimal AvgAge, int Young, int Women, int Party, int Households, int Residents, int Groups, int Grids, int Reserves);

    private Task<Expected> Registry(string village) => f.WithSystemDb(async db =>
    {
        var today = China.Today;
        var cadres = await db.Cadres.Where(c => c.RegionCode == village && c.Status == CadreStatus.InOffice).ToListAsync();
        var ages = cadres.Select(c => Cadre.AgeOn(c.BirthDate, today)).ToList();
        return new Expected(cadres.Count, cadres.Count(c => c.EducationCode is "college" or "bachelor" or "postgraduate"),
            ages.Count == 0 ? 0 : Math.Round((decimal)ages.Sum() / ages.Count, 1, MidpointRounding.AwayFromZero), ages.Count(a => a <= 35),
            cadres.Count(c => c.Gender == Gender.Female), cadres.Count(c => c.IsPartyMember),
            await db.Households.CountAsync(h => h.RegionCode == village), await db.Residents.CountAsync(r => r.RegionCode == village),
            await db.Regions.CountAsync(r => r.ParentCode == village && r.Level == RegionLevel.VillagerGroup),
            await db.Regions.CountAsync(r => r.ParentCode == village && r.Level == RegionLevel.Grid),
            await db.Set<ReserveCadre>().CountAsync(r => r.RegionCode == village && r.Status == ReserveStatus.Active));
    });

    private static Dictionary<string, string?> Auto(FillView v) => v.Items.Where(i => i.Auto).ToDictionary(i => i.Label, i => i.Value);

    [Fact]
    public async Task Bound_fields_hold_the_registry_as_it_was_at_submission()
    {
        var dept = await f.ApiAs("dept.agri");
        string[] keys = ["cadres.count", "cadres.college", "cadres.avgAge", "cadres.young", "cadres.women", "cadres.party", "households.count", "residents.count",
            "groups.count", "grids.count", "reserves.count"];
        var fields = keys.Select(k => Field(BindableSources.Find(k)!.Name, binding: k)).Append(Field("集体经济收入", unit: "万元")).Append(Field("备注", FieldType.Text, required: false)).ToArray();
        var form = await Publish(dept, (await Draft(dept, "村情基本信息表", fields)).Summary.Id, "XZ-11", Demo.Naoping, Demo.Dongxi);

        // Arrange the registry: one more young woman cadre and one more household of two in 闹坪村.
        await f.WithSystemDb(async db =>
        {
            db.Cadres.Add(new Cadre
            {
                RegionCode = Demo.Naoping, Name = "测试干部", Gender = Gender.Female, BirthDate = China.Today.AddYears(-30),
                EducationCode = "bachelor", IsPartyMember = true, PostCode = "committee-member", StartDate = new DateOnly(2024, 1, 1),
            });
            var h = new Household { RegionCode = Demo.Naoping, Number = "T-" + Guid.NewGuid().ToString("N")[..8], HeadName = "测试户主" };
            h.Residents.Add(new Resident { RegionCode = Demo.Naoping, Name = "测试户主", Gender = Gender.Male, BirthDate = new DateOnly(1970, 1, 1), Relation = "户主" });
            h.Residents.Add(new Resident { RegionCode = Demo.Naoping, Name = "测试配偶", Gender = Gender.Female, BirthDate = new DateOnly(1972, 1, 1), Relation = "配偶" });
            db.Households.Add(h);
            return await db.SaveChangesAsync();
        });
        var expected = await Registry(Demo.Naoping);
        expected.Cadres.ShouldBeGreaterThan(0);

        var village = await f.ApiAs("village.naoping");
        var url = $"/api/v1/forms/{form.Summary.Id}/villages/{Demo.Naoping}";
        var view = await village.GetFromJsonAsync<FillView>(url, CunzhiFactory.Json);
        var auto = Auto(view!);
        auto.ShouldBe(new Dictionary<string, string?>
        {
            ["村干部人数"] = expected.Cadres.ToString(), ["大专及以上学历村干部人数"] = expected.College.ToString(), ["村干部平均年龄"] = FormEntry.Format(expected.AvgAge),
            ["35岁及以下村干部人数"] = expected.Young.ToString(), ["女性村干部人数"] = expected.Women.ToString(), ["党员村干部人数"] = expected.Party.ToString(),
            ["户数"] = expected.Households.ToString(), ["人口数"] = expected.Residents.ToString(), ["村民小组数"] = expected.Groups.ToString(),
            ["网格数"] = expected.Grids.ToString(), ["后备干部人数"] = expected.Reserves.ToString(),
        });
        view!.Items.Single(i => i.Label == "户数").SourceOrigin.ShouldBe("农户台账");
        (view.AutoFields, view.TypedFields).ShouldBe((11, 2));

        // The page shows them read-only with their source; only the rest is typed.
        var page = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync($"/Forms/Fill?id={form.Summary.Id}&village={Demo.Naoping}"));
        var hh = page.QuerySelector($"[data-field='{view.Items.Single(i => i.Label == "户数").FieldId}']")!;
        hh.QuerySelector("input")!.HasAttribute("readonly").ShouldBeTrue();
        hh.QuerySelector("input")!.GetAttribute("value").ShouldBe(expected.Households.ToString());
        hh.TextContent.ShouldContain("自动填写：来自农户台账");
        page.QuerySelectorAll("[name^='Values[']").Length.ShouldBe(2);

        // Submit: the automatic values are stored as they are now.
        var income = view.Items.Single(i => i.Label == "集体经济收入").FieldId;
        var submitted = await Read<FillView>(await village.PutAsJsonAsync(url, Entries(new() { [income] = "12.5" }, true)));
        submitted.Status.ShouldBe(SubmissionStatus.Submitted);
        await f.WithSystemDb(async db =>
        {
            db.Households.Add(new Household { RegionCode = Demo.Naoping, Number = "T-" + Guid.NewGuid().ToString("N")[..8], HeadName = "后来的户" });
            return await db.SaveChangesAsync();
        });
        (await Registry(Demo.Naoping)).Households.ShouldBe(expected.Households + 1);
        var later = await village.GetFromJsonAsync<FillView>(url, CunzhiFactory.Json);
        Auto(later!)["户数"].ShouldBe(expected.Households.ToString(), "a submitted form keeps the numbers it was submitted with");
        later!.Items.Single(i => i.FieldId == income).Value.ShouldBe("12.5");
        var again = await village.PutAsJsonAsync(url, Entries(new() { [income] = "13" }, false));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("已提交");

        // Another village's copy is computed from its own registry.
        var dongxi = await Registry(Demo.Dongxi);
        var efeng = await (await f.ApiAs("town.efeng")).GetFromJsonAsync<FillView>($"/api/v1/forms/{form.Summary.Id}/villages/{Demo.Dongxi}", CunzhiFactory.Json);
        Auto(efeng!)["户数"].ShouldBe(dongxi.Households.ToString());
        Auto(efeng!)["村干部人数"].ShouldBe(dongxi.Cadres.ToString());

        // The export holds the snapshot, in the form's field order with units.
        var export = await (await f.ApiAs("dept.agri")).GetAsync($"/api/v1/forms/{form.Summary.Id}/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        var rows = XlsxFiles.Read(await export.Content.ReadAsByteArrayAsync());
        var header = Enumerable.Range(0, rows[0].ColumnCount).Select(i => rows[0].GetString(i)).ToList();
        header.Take(5).ShouldBe(["乡镇（街道）", "村（社区）", "村代码", "填报状态", "提交时间"]);
        header.Skip(5).ShouldBe([.. form.Fields.OrderBy(x => x.SortOrder).Select(x => string.IsNullOrEmpty(x.Unit) ? x.Label : $"{x.Label}（{x.Unit}）")]);
        header.ShouldContain("户数（户）");
        header.ShouldContain("集体经济收入（万元）");
        rows.Count.ShouldBe(3, "one row per village");
        var naoping = rows.Single(r => r.GetString(2) == Demo.Naoping);
        (naoping.GetString(1), naoping.GetString(3)).ShouldBe(("闹坪村", "已提交"));
        naoping.GetString(5 + header.Skip(5).ToList().IndexOf("户数（户）")).ShouldBe(expected.Households.ToString());
        naoping.GetString(5 + header.Skip(5).ToList().IndexOf("集体经济收入（万元）")).ShouldBe("12.5");
        rows.Single(r => r.GetString(2) == Demo.Dongxi).GetString(3).ShouldBe("未填报");

        // What the village was spared, for the burden meter.
        var counts = await (await f.ApiAs("county.admin")).GetFromJsonAsync<FormFieldCounts>($"/api/v1/forms/counts?village={Demo.Naoping}", CunzhiFactory.Json);
        var mine = await f.WithSystemDb(async db =>
        {
            var from = China.At(China.Today.Year, China.Today.Month, 1).UtcDateTime; // the China month, as the counts are
            var s = await db.Set<FormSubmission>().Where(x => x.RegionCode == Demo.Naoping && x.Status == SubmissionStatus.Submitted && x.SubmittedAtUtc >= from).ToListAsync();
            return (s.Count, s.Sum(x => x.TypedCount), s.Sum(x => x.AutoFilledCount));
        });
        (counts!.FormsSubmitted, counts.FieldsTyped, counts.FieldsAutoFilled).ShouldBe(mine);
        counts.FieldsAutoFilled.ShouldBeGreaterThanOrEqualTo(11);
        counts.FormsReceived.ShouldBeGreaterThanOrEqualTo(1);
        // The burden meter reads the same: forms received and fields typed by hand this month.
        var month = new DateOnly(China.Today.Year, China.Today.Month, 1);
        var meter = await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<Cunzhi.Web.Features.Burden.MeterReport>(
            $"/api/v1/burden/meter?region={Demo.Naoping}&month={month:yyyy-MM-dd}", CunzhiFactory.Json);
        (meter!.Summary.Counts["forms"], meter.Summary.Counts["typed"]).ShouldBe((counts.FormsReceived, mine.Item2));
        (await f.WithSystemDb(db => db.Set<FormSubmission>().Where(x => x.FormTemplateId == form.Summary.Id && x.RegionCode == Demo.Naoping)
            .Select(x => new { x.AutoFilledCount, x.TypedCount }).SingleAsync())).ShouldBe(new { AutoFilledCount = 11, TypedCount = 1 });
    }

    [Fact]
    public async Task Typed_values_are_checked_with_chinese_messages_on_every_path()
    {
        var dept = await f.ApiAs("dept.agri");
        var form = await Publish(dept, (await Draft(dept, "农房安全排查表",
            Field("排查户数", unit: "户"), Field("排查日期", FieldType.Date), Field("是否发现隐患", FieldType.Choice, choices: ["是", "否"]), Field("户数", binding: "households.count"))).Summary.Id, "XZ-11");
        var ids = form.Fields.ToDictionary(x => x.Label, x => x.Id);
        var village = await f.ApiAs("village.naoping");
        var url = $"/api/v1/forms/{form.Summary.Id}/villages/{Demo.Naoping}";

        var bad = await village.PutAsJsonAsync(url, Entries(new() { [ids["排查户数"]] = "三十", [ids["排查日期"]] = "2026/3/1", [ids["是否发现隐患"]] = "不确定", [ids["户数"]] = "5" }, false));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var body = await bad.Content.ReadAsStringAsync();
        foreach (var m in new[] { "“排查户数”须填写数字", "“排查日期”须填写日期", "须从选项中选择：是、否", "“户数”由平台自动填写，不能手工修改" }) body.ShouldContain(m);
        body.ShouldContain($"values.{ids["排查户数"]}");

        var draft = await Read<FillView>(await village.PutAsJsonAsync(url, Entries(new() { [ids["排查户数"]] = "30" }, false)));
        draft.Status.ShouldBe(SubmissionStatus.Draft);
        var missing = await village.PutAsJsonAsync(url, Entries(new() { [ids["排查户数"]] = "30" }, true));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.Content.ReadAsStringAsync()).ShouldContain("请填写“排查日期”");

        // The page: errors listed, values kept; then a submit succeeds.
        var pages = await f.PagesAs("village.naoping");
        var pageUrl = $"/Forms/Fill?id={form.Summary.Id}&village={Demo.Naoping}";
        var shown = await CunzhiFactory.PostFormAsync(pages, pageUrl, new() { [$"Values[{ids["排查户数"]}]"] = "abc", ["submit"] = "true" });
        shown.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await CunzhiFactory.Html(shown);
        doc.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("“排查户数”须填写数字");
        doc.QuerySelector($"input[name='Values[{ids["排查户数"]}]']")!.GetAttribute("value").ShouldBe("abc");
        var ok = await CunzhiFactory.PostFormAsync(pages, pageUrl, new()
        {
            [$"Values[{ids["排查户数"]}]"] = "31", [$"Values[{ids["排查日期"]}]"] = "2026-03-01", [$"Values[{ids["是否发现隐患"]}]"] = "否", ["submit"] = "true",
        });
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect, await ok.Content.ReadAsStringAsync());
        var stored = await village.GetFromJsonAsync<FillView>(url, CunzhiFactory.Json);
        (stored!.Status, stored.Items.Single(i => i.Label == "排查户数").Value).ShouldBe((SubmissionStatus.Submitted, "31"));

        // Submissions per village, with completion, for the department.
        var subs = await (await f.ApiAs("dept.agri")).GetFromJsonAsync<SubmissionPage>($"/api/v1/forms/{form.Summary.Id}/submissions", CunzhiFactory.Json);
        (subs!.Targets, subs.Submitted, subs.Drafts).ShouldBe((1, 1, 0));
        subs.Rows.Items.Single().ShouldBe(subs.Rows.Items.Single() with { Village = Demo.Naoping, Status = SubmissionStatus.Submitted, AutoFilled = 1, Typed = 3 });
        var subsPage = await CunzhiFactory.Html(await (await f.PagesAs("dept.agri")).GetAsync($"/Forms/Submissions?id={form.Summary.Id}"));
        subsPage.QuerySelector($"[data-testid=submissions] tr[data-village='{Demo.Naoping}']")!.TextContent.ShouldContain("已提交");
    }

    [Fact]
    public async Task Duplicate_fields_are_flagged_from_design_to_the_office_queue()
    {
        var dept = await f.ApiAs("dept.agri");
        var first = await Publish(dept, (await Draft(dept, "耕地保护情况表", Field("耕地面积（亩）"), Field("户数", binding: "households.count"))).Summary.Id, "XZ-11");
        var draft = await Draft(dept, "耕地种植结构调查表", Field("耕地总面积", unit: "亩"), Field("总户数", binding: "households.count"), Field("总人口"), Field("大豆种植面积"));
        var d = draft.Duplicates;
        d.ShouldContain(x => x.FieldLabel == "耕地总面积" && x.Kind == DuplicateKind.SameMeaning && x.OtherFormTitle == "耕地保护情况表" && x.OtherFormId == first.Summary.Id);
        d.ShouldContain(x => x.FieldLabel == "总户数" && x.Kind == DuplicateKind.SameBinding && x.OtherFormTitle == "耕地保护情况表");
        d.ShouldContain(x => x.FieldLabel == "总人口" && x.Kind == DuplicateKind.Bindable && x.SourceKey == "residents.count" && x.Message.Contains("这个数平台已有，可绑定自动填写"));
        d.ShouldNotContain(x => x.FieldLabel == "大豆种植面积");

        var designPage = await CunzhiFactory.Html(await (await f.PagesAs("dept.agri")).GetAsync($"/Forms/Form?id={draft.Summary.Id}"));
        designPage.QuerySelector("[data-testid=duplicates]")!.TextContent.ShouldContain("耕地保护情况表");

        var pending = await Publish(dept, draft.Summary.Id, null);
        pending.Summary.GateStatus.ShouldBe(TaskRequestStatus.Pending);
        var forOffice = await (await f.ApiAs("coord.office")).GetFromJsonAsync<FormDetail>($"/api/v1/forms/requests/{pending.Summary.TaskRequestId}", CunzhiFactory.Json);
        forOffice!.Duplicates.Count.ShouldBe(d.Count);
        var queue = await CunzhiFactory.Html(await (await f.PagesAs("coord.office")).GetAsync("/Tasks/Queue?pageSize=100"));
        var card = queue.QuerySelector($"[data-testid=pending][data-id='{pending.Summary.TaskRequestId}']")!;
        card.QuerySelector("[data-testid=form-duplicates]")!.TextContent.ShouldContain("《耕地保护情况表》");
        card.QuerySelector("[data-testid=form-duplicates]")!.TextContent.ShouldContain("这个数平台已有，可绑定自动填写");
    }

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_designed()
    {
        var dept = await f.ApiAs("dept.agri");
        var form = await Publish(dept, (await Draft(dept, "权限测试表", Field("户数", binding: "households.count"), Field("说明", FieldType.Text, required: false))).Summary.Id, "XZ-11");
        var draft = await Draft(dept, "权限测试草稿", Field("面积"));
        var id = form.Summary.Id;
        var fieldId = draft.Fields[0].Id;
        var roles = new[] { "county.admin", "coord.office", "dept.agri", "discipline", "town.sanxing", "village.naoping" };
        var endpoints = new (HttpMethod Method, string Url, object? Body, string[] Allowed)[]
        {
            (HttpMethod.Get, "/api/v1/forms/sources", null, ["county.admin", "coord.office", "dept.agri"]),
            (HttpMethod.Get, "/api/v1/forms", null, ["county.admin", "coord.office", "dept.agri"]),
            (HttpMethod.Get, $"/api/v1/forms/{id}", null, ["county.admin", "coord.office", "dept.agri"]),
            (HttpMethod.Get, $"/api/v1/forms/requests/{form.Summary.TaskRequestId}", null, ["county.admin", "coord.office", "dept.agri"]),
            (HttpMethod.Post, "/api/v1/forms", new { title = "新表" }, ["dept.agri"]),
            (HttpMethod.Put, $"/api/v1/forms/{draft.Summary.Id}", new { title = "改名" }, ["dept.agri"]),
            (HttpMethod.Post, $"/api/v1/forms/{draft.Summary.Id}/fields", Field("面积二"), ["dept.agri"]),
            (HttpMethod.Put, $"/api/v1/forms/{draft.Summary.Id}/fields/{fieldId}", Field("面积"), ["dept.agri"]),
            (HttpMethod.Post, $"/api/v1/forms/{draft.Summary.Id}/fields/{fieldId}/move?step=1", null, ["dept.agri"]),
            (HttpMethod.Get, $"/api/v1/forms/{id}/submissions", null, ["county.admin", "coord.office", "dept.agri", "town.sanxing"]),
            (HttpMethod.Get, $"/api/v1/forms/{id}/export", null, ["county.admin", "coord.office", "dept.agri", "town.sanxing"]),
            (HttpMethod.Get, "/api/v1/forms/inbox", null, ["town.sanxing", "village.naoping"]),
            (HttpMethod.Get, $"/api/v1/forms/{id}/villages/{Demo.Naoping}", null, ["county.admin", "coord.office", "dept.agri", "town.sanxing", "village.naoping"]),
            (HttpMethod.Put, $"/api/v1/forms/{id}/villages/{Demo.Naoping}", Entries([], false), ["village.naoping"]),
            (HttpMethod.Get, $"/api/v1/forms/counts?village={Demo.Naoping}", null, ["county.admin", "coord.office", "town.sanxing", "village.naoping"]),
            (HttpMethod.Post, $"/api/v1/forms/{draft.Summary.Id}/publish", new { villages = new[] { Demo.Naoping }, dueDate = Due, itemCode = "XZ-11" }, ["dept.agri"]),
            (HttpMethod.Delete, $"/api/v1/forms/{(await Draft(dept, "待删除")).Summary.Id}", null, ["dept.agri"]),
        };
        var anonymous = f.CreateClient();
        foreach (var (method, url, body, allowed) in endpoints)
        {
            (await anonymous.SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body) })).StatusCode
                .ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {method} {url}");
            foreach (var who in roles)
            {
                var r = await (await f.ApiAs(who)).SendAsync(new HttpRequestMessage(method, url) { Content = body is null ? null : JsonContent.Create(body, options: CunzhiFactory.Json) });
                if (allowed.Contains(who)) r.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.Created, HttpStatusCode.NoContent], $"{who} {method} {url}: {await r.Content.ReadAsStringAsync()}");
                else r.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who} {method} {url}");
            }
        }
        foreach (var (url, allowed) in new[]
                 {
                     ("/Forms", new[] { "county.admin", "coord.office", "dept.agri" }), ("/Forms/New", ["dept.agri"]), ($"/Forms/Form?id={id}", ["county.admin", "coord.office", "dept.agri"]),
                     ($"/Forms/Submissions?id={id}", ["county.admin", "coord.office", "dept.agri", "town.sanxing"]), ("/Forms/Inbox", ["town.sanxing", "village.naoping"]),
                     ($"/Forms/Fill?id={id}&village={Demo.Naoping}", ["county.admin", "coord.office", "dept.agri", "town.sanxing", "village.naoping"]),
                     ("/Forms/Sources", ["county.admin", "coord.office", "dept.agri"]),
                 })
            foreach (var who in roles)
            {
                var r = await (await f.PagesAs(who)).GetAsync(url);
                if (allowed.Contains(who)) r.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} {url}");
                else (r.StatusCode == HttpStatusCode.Forbidden || r.Headers.Location?.ToString().Contains("AccessDenied") == true).ShouldBeTrue($"{who} {url}: {r.StatusCode}");
            }
    }

    [Fact]
    public async Task Departments_towns_and_villages_see_only_what_is_theirs()
    {
        await using (var scope = f.Services.CreateAsyncScope())
            if (await f.WithSystemDb(db => db.Users.AnyAsync(u => u.UserName == "dept.stats")) is false)
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync("dept.stats", CunzhiFactory.Password, Roles.Department, Demo.County, "万载县统计局");
        var agri = await f.ApiAs("dept.agri");
        var stats = await f.ApiAs("dept.stats");
        var agriDraft = await Draft(agri, "农业局草稿表", Field("面积"));
        // A label no other form asks: a typed field repeating another form's would hold the form for the office.
        var agriFiled = await Publish(agri, (await Draft(agri, "两镇共填表", Field("户数", binding: "households.count"), Field("两镇共填面积"))).Summary.Id, "XZ-11",
            Demo.Naoping, Demo.Sanxingcun, Demo.Dongxi);

        // Another department: never another's draft, and never changes another's form; sees filed forms in the registry only.
        (await stats.GetAsync($"/api/v1/forms/{agriDraft.Summary.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var listed = (await stats.GetFromJsonAsync<Paged<FormSummary>>("/api/v1/forms?pageSize=200", CunzhiFactory.Json))!.Items.Select(x => x.Id).ToList();
        listed.ShouldNotContain(agriDraft.Summary.Id);
        listed.ShouldContain(agriFiled.Summary.Id);
        (await stats.PostAsJsonAsync($"/api/v1/forms/{agriDraft.Summary.Id}/fields", Field("偷加"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stats.PutAsJsonAsync($"/api/v1/forms/{agriDraft.Summary.Id}", new { title = "改" })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stats.DeleteAsync($"/api/v1/forms/{agriDraft.Summary.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stats.PostAsJsonAsync($"/api/v1/forms/{agriDraft.Summary.Id}/publish", new { villages = new[] { Demo.Naoping }, dueDate = Due })).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stats.GetAsync($"/api/v1/forms/{agriFiled.Summary.Id}/submissions")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stats.GetAsync($"/api/v1/forms/{agriFiled.Summary.Id}/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await stats.GetAsync($"/api/v1/forms/{agriFiled.Summary.Id}/villages/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var officeList = (await (await f.ApiAs("coord.office")).GetFromJsonAsync<Paged<FormSummary>>("/api/v1/forms?pageSize=200", CunzhiFactory.Json))!.Items.Select(x => x.Id);
        officeList.ShouldContain(agriDraft.Summary.Id);

        // Towns: their villages only.
        var efeng = await f.ApiAs("town.efeng");
        var efengSubs = await efeng.GetFromJsonAsync<SubmissionPage>($"/api/v1/forms/{agriFiled.Summary.Id}/submissions", CunzhiFactory.Json);
        efengSubs!.Rows.Items.Select(r => r.Village).ShouldBe([Demo.Dongxi]);
        efengSubs.Targets.ShouldBe(1);
        (await efeng.GetAsync($"/api/v1/forms/{agriFiled.Summary.Id}/villages/{Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        var efengExport = XlsxFiles.Read(await (await efeng.GetAsync($"/api/v1/forms/{agriFiled.Summary.Id}/export")).Content.ReadAsByteArrayAsync());
        efengExport.Skip(1).Select(r => r.GetString(2)).ShouldBe([Demo.Dongxi]);
        (await Inbox("town.efeng")).ShouldAllBe(r => r.Village.StartsWith("360922200"));
        (await Inbox("town.sanxing")).Where(r => r.FormId == agriFiled.Summary.Id).Select(r => r.Village).ShouldBe([Demo.Sanxingcun, Demo.Naoping], ignoreOrder: true);
        var sanxingSubs = await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<SubmissionPage>($"/api/v1/forms/{agriFiled.Summary.Id}/submissions", CunzhiFactory.Json);
        sanxingSubs!.Targets.ShouldBe(2);

        // Villages: their own copy only; they neither read nor write another village's.
        var naoping = await f.ApiAs("village.naoping");
        (await naoping.GetAsync($"/api/v1/forms/{agriFiled.Summary.Id}/villages/{Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await naoping.PutAsJsonAsync($"/api/v1/forms/{agriFiled.Summary.Id}/villages/{Demo.Sanxingcun}", Entries([], false))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await Inbox("village.naoping")).ShouldAllBe(r => r.Village == Demo.Naoping);
        (await f.WithSystemDb(db => db.Set<FormSubmission>().CountAsync(s => s.FormTemplateId == agriFiled.Summary.Id && s.RegionCode != Demo.Naoping))).ShouldBe(0);
        var outside = await (await f.ApiAs("town.efeng")).GetFromJsonAsync<FormFieldCounts>($"/api/v1/forms/counts?village={Demo.Naoping}", CunzhiFactory.Json);
        (outside!.FormsReceived, outside.FormsSubmitted).ShouldBe((0, 0));
    }
}

public sealed class FormsTests_Sqlite(SqliteFactory f) : FormsTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class FormsTests_Postgres(PostgresFactory f) : FormsTests<PostgresFactory>(f);
