using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Powers;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 小微权力运行 through the API and the pages: 闹坪村 registers exercises of the default list (version 0) and records their
/// steps; out of order, twice, after a rejection or by the wrong level is refused in Chinese with nothing written; two
/// parallel records of one step give one 200 and one 409; the town reads and records its 乡镇 steps, another town does not
/// see them; the overdue filter and the home's count; the county's list drafted and published. Each test starts its own
/// exercises and reads them by id.
/// </summary>
public abstract class PowersTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Village = "village.naoping", Town = "town.sanxing", Efeng = "town.efeng", County = "county.admin";
    private const string Url = "/api/v1/powers";

    private static Task<HttpResponseMessage> StartAsync(HttpClient api, string item = "MS02", int startedDaysAgo = 0, string title = "宅基地申请", string? subject = "王建国") =>
        api.PostAsJsonAsync(Url, new { itemCode = item, title, subject, startedOn = China.Today.AddDays(-startedDaysAgo) });

    private static async Task<PowerExerciseView> ExerciseAsync(HttpClient api, string item = "MS02", int startedDaysAgo = 0)
    {
        var r = await StartAsync(api, item, startedDaysAgo);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient api, PowerExerciseView e, int step, int daysAgo = 0, string decision = "同意", bool rejected = false) =>
        api.PostAsJsonAsync($"{Url}/{e.Id}/steps", new { step, on = China.Today.AddDays(-daysAgo), decision, rejected, version = e.Version });

    private static async Task<PowerExerciseView> RecordedAsync(HttpClient api, PowerExerciseView e, int step, int daysAgo = 0, string decision = "同意")
    {
        var r = await RecordAsync(api, e, step, daysAgo, decision);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
    }

    private Task<int> StepsAsync(long id) => f.WithSystemDb(db => db.Set<PowerStepEntry>().CountAsync(s => s.ExerciseId == id));

    [Fact]
    public async Task A_village_starts_an_exercise_under_the_list_in_force()
    {
        var inForce = (await (await f.ApiAs(Village)).GetFromJsonAsync<PowerListOverview>($"{Url}/list", CunzhiFactory.Json))!.InForce;
        var e = await ExerciseAsync(await f.ApiAs(Village));
        (e.PolicyVersion, e.State, e.NextStep, e.Steps.Count).ShouldBe((inForce?.Version ?? 0, PowerExerciseState.InProgress, (int?)1, 5));
    }

    [Fact]
    public async Task An_item_not_on_the_list_is_refused_in_chinese()
    {
        var r = await StartAsync(await f.ApiAs(Village), "ZZ99");
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("现行小微权力清单中没有编号为 ZZ99 的事项");
    }

    [Fact]
    public async Task A_town_account_may_not_start_an_exercise()
    {
        var r = await StartAsync(await f.ApiAs(Town));
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("权力事项运行由村登记");
    }

    [Fact]
    public async Task A_county_account_may_not_record()
    {
        (await StartAsync(await f.ApiAs(County))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Steps_recorded_in_order_move_the_exercise_on()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        e = await RecordedAsync(api, e, 1);
        e = await RecordedAsync(api, e, 2);
        (e.NextStep, e.Steps[0].State, e.Steps[1].State, e.Steps[2].State).ShouldBe(((int?)3, PowerStepState.Done, PowerStepState.Done, PowerStepState.Current));
    }

    [Fact]
    public async Task A_step_out_of_order_is_refused_with_nothing_written()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        var r = await RecordAsync(api, e, 2);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("须先完成第 1 步「农户提出书面申请」");
        (await StepsAsync(e.Id)).ShouldBe(0);
    }

    [Fact]
    public async Task A_step_recorded_twice_is_refused_with_nothing_written()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedAsync(api, await ExerciseAsync(api), 1);
        var r = await RecordAsync(api, e, 1);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("第 1 步「农户提出书面申请」已记录，不能重复记录");
        (await StepsAsync(e.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task A_step_after_a_rejection_is_refused()
    {
        var api = await f.ApiAs(Village);
        var e = await RecordedAsync(api, await ExerciseAsync(api), 1);
        var r = await RecordAsync(api, e, 2, rejected: true, decision: "小组会议不同意：拟用地为基本农田");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        e = (await r.Content.ReadFromJsonAsync<PowerExerciseView>(CunzhiFactory.Json))!;
        e.State.ShouldBe(PowerExerciseState.Rejected);
        var again = await RecordAsync(api, e, 3);
        (await again.Content.ReadAsStringAsync()).ShouldContain("该事项已在第 2 步「村民小组会议讨论」未通过而终止");
    }

    [Fact]
    public async Task A_stale_version_is_refused()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        await RecordedAsync(api, e, 1);
        var r = await RecordAsync(api, e, 2);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await StepsAsync(e.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task Two_parallel_records_of_one_step_give_one_200_and_one_409()
    {
        var clients = await Task.WhenAll(f.ApiAs(Village), f.ApiAs(Village));
        var e = await ExerciseAsync(clients[0]);
        var results = await Task.WhenAll(RecordAsync(clients[0], e, 1), RecordAsync(clients[1], e, 1));
        results.Select(r => r.StatusCode).Order().ShouldBe([HttpStatusCode.OK, HttpStatusCode.Conflict]);
    }

    [Fact]
    public async Task Two_parallel_records_of_one_step_write_one_row()
    {
        var clients = await Task.WhenAll(f.ApiAs(Village), f.ApiAs(Village));
        var e = await ExerciseAsync(clients[0]);
        await Task.WhenAll(RecordAsync(clients[0], e, 1), RecordAsync(clients[1], e, 1));
        (await StepsAsync(e.Id)).ShouldBe(1);
    }

    private async Task<PowerExerciseView> AtTownStepAsync()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        for (var step = 1; step <= 4; step++) e = await RecordedAsync(api, e, step);
        return e;
    }

    [Fact]
    public async Task The_village_may_not_record_the_towns_step()
    {
        var e = await AtTownStepAsync();
        var r = await RecordAsync(await f.ApiAs(Village), e, 5);
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("第 5 步「乡镇审批」由乡镇人民政府办理，须由乡镇账号记录");
    }

    [Fact]
    public async Task The_town_records_its_step_and_finishes_the_exercise()
    {
        var e = await AtTownStepAsync();
        (await RecordedAsync(await f.ApiAs(Town), e, 5)).State.ShouldBe(PowerExerciseState.Done);
    }

    [Fact]
    public async Task The_town_may_not_record_a_village_step()
    {
        var e = await ExerciseAsync(await f.ApiAs(Village));
        var r = await RecordAsync(await f.ApiAs(Town), e, 1);
        (await r.Content.ReadAsStringAsync()).ShouldContain("须由村账号记录");
    }

    [Fact]
    public async Task Another_town_does_not_see_the_exercise()
    {
        var e = await ExerciseAsync(await f.ApiAs(Village));
        (await (await f.ApiAs(Efeng)).GetAsync($"{Url}/{e.Id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Discipline_reads_the_exercise()
    {
        var e = await ExerciseAsync(await f.ApiAs(Village));
        (await (await f.ApiAs("discipline")).GetAsync($"{Url}/{e.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<PowerExerciseView> OverdueAsync()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api, "MS02", 40);
        e = await RecordedAsync(api, e, 1, 40);
        return await RecordedAsync(api, e, 2, 35);
    }

    [Fact]
    public async Task A_step_past_its_time_limit_is_flagged_overdue()
    {
        var e = await OverdueAsync();
        (e.Overdue, e.Steps[2].State).ShouldBe((true, PowerStepState.Overdue));
    }

    [Fact]
    public async Task The_overdue_filter_lists_the_overdue_exercise()
    {
        var e = await OverdueAsync();
        var fresh = await ExerciseAsync(await f.ApiAs(Village));
        var list = (await (await f.ApiAs(Town)).GetFromJsonAsync<Paged<PowerExerciseRow>>($"{Url}?overdue=true&pageSize=200", CunzhiFactory.Json))!;
        list.Items.Select(x => x.Id).ShouldContain(e.Id);
        list.Items.Select(x => x.Id).ShouldNotContain(fresh.Id);
    }

    [Fact]
    public async Task The_villages_home_counts_its_overdue_exercises()
    {
        await OverdueAsync();
        var expected = await f.WithSystemDb(db => db.Set<PowerExercise>().CountAsync(x => x.RegionCode == Demo.Naoping && x.State == PowerExerciseState.InProgress && x.NextDueOn < China.Today));
        var todos = (await (await f.ApiAs(Village)).GetFromJsonAsync<Cunzhi.Web.Features.Home.TodoList>("/api/v1/me/todos", CunzhiFactory.Json))!;
        todos.Items.Single(i => i.Key == "powers-overdue").Count.ShouldBe(expected);
        expected.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_public_page_masks_the_applicants_name()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        await RecordedAsync(api, e, 1, decision: "王建国提交申请，联系电话 13807951234");
        var html = await f.Anonymous().GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        html.ShouldNotContain("王建国");
        html.ShouldContain("王*国提交申请");
    }

    [Fact]
    public async Task The_public_page_masks_a_mobile_number()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        await RecordedAsync(api, e, 1, decision: "联系电话 13807951234");
        var html = await f.Anonymous().GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        html.ShouldNotContain("13807951234");
        html.ShouldContain("138****1234");
    }

    [Fact]
    public async Task The_public_page_shows_a_new_step_at_once_although_cached()
    {
        var api = await f.ApiAs(Village);
        var e = await ExerciseAsync(api);
        var visitor = f.Anonymous();
        // Twice: the second answer comes from the output cache (it carries an Age header).
        await visitor.GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        var cached = await visitor.GetAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        cached.Headers.Age.ShouldNotBeNull("第二次请求应由输出缓存应答");
        await RecordedAsync(api, e, 1, decision: "缓存之后记录的受理意见");
        (await visitor.GetStringAsync($"/Gongkai/{Demo.Naoping}/Quanli")).ShouldContain("缓存之后记录的受理意见");
    }

    [Fact]
    public async Task The_public_page_of_a_code_that_is_no_village_is_not_found()
    {
        (await f.Anonymous().GetAsync($"/Gongkai/{Demo.Sanxing}/Quanli")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_county_publishes_a_list_that_new_exercises_follow()
    {
        var county = await f.ApiAs(County);
        var overview = (await county.GetFromJsonAsync<PowerListOverview>($"{Url}/list", CunzhiFactory.Json))!;
        var items = overview.Current.Items.Skip(1).ToList();
        var save = await county.PutAsJsonAsync($"{Url}/list/draft", new { effectiveFrom = China.Today, items, rowVersion = overview.RowVersion });
        save.StatusCode.ShouldBe(HttpStatusCode.OK, await save.Content.ReadAsStringAsync());
        (await county.PostAsync($"{Url}/list/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = (await county.GetFromJsonAsync<PowerListOverview>($"{Url}/list", CunzhiFactory.Json))!.InForce!;
        var e = await ExerciseAsync(await f.ApiAs(Village), "MS01");
        (e.PolicyVersion, published.Items.Count).ShouldBe((published.Version, 35));
    }

    [Fact]
    public async Task A_draft_with_a_step_out_of_sequence_is_refused_in_chinese()
    {
        var county = await f.ApiAs(County);
        var overview = (await county.GetFromJsonAsync<PowerListOverview>($"{Url}/list", CunzhiFactory.Json))!;
        var items = overview.Current.Items.ToList();
        items[0] = items[0] with { Steps = [new PowerStep(2, "提议", "村党组织")] };
        var r = await county.PutAsJsonAsync($"{Url}/list/draft", new { effectiveFrom = China.Today.AddDays(400), items, rowVersion = overview.RowVersion });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("流程步骤须从 1 起按顺序编号");
    }

    [Theory]
    [InlineData(Village, "/Powers")]
    [InlineData(Village, "/Powers/New")]
    [InlineData(Town, "/Powers")]
    [InlineData(County, "/Powers/Settings")]
    [InlineData("discipline", "/Powers")]
    public async Task The_pages_answer(string user, string url)
    {
        var r = await (await f.PagesAs(user)).GetAsync(url);
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task The_village_records_a_step_on_the_page()
    {
        var e = await ExerciseAsync(await f.ApiAs(Village));
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Village), $"/Powers/{e.Id}",
            new() { ["On"] = China.Today.ToString("yyyy-MM-dd"), ["Decision"] = "收到书面申请" });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await StepsAsync(e.Id)).ShouldBe(1);
    }

    [Fact]
    public async Task The_village_starts_an_exercise_on_the_page()
    {
        var title = $"页面登记{Guid.NewGuid():N}"[..20];
        var r = await CunzhiFactory.PostFormAsync(await f.PagesAs(Village), "/Powers/New",
            new() { ["ItemCode"] = "MS08", ["Title"] = title, ["StartedOn"] = China.Today.ToString("yyyy-MM-dd") });
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<PowerExercise>().CountAsync(x => x.Title == title))).ShouldBe(1);
    }

    [Fact]
    public async Task The_county_edits_an_item_of_the_draft_on_the_settings_page()
    {
        var client = await f.PagesAs(County);
        var start = await CunzhiFactory.PostFormAsync(client, "/Powers/Settings", new() { ["EffectiveFrom"] = China.Today.AddDays(800).ToString("yyyy-MM-dd") }, "handler=Draft");
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect, await start.Content.ReadAsStringAsync());
        var r = await CunzhiFactory.PostFormAsync(client, "/Powers/Settings?edit=MS08",
            new() { ["Code"] = "MS08", ["Name"] = "村委会出具证明", ["Category"] = "Livelihood", ["StepLines"] = "申请|申请人\n核实|村民委员会|3\n盖章|村民委员会|1" }, "handler=Item");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var draft = (await (await f.ApiAs(County)).GetFromJsonAsync<PowerListOverview>($"{Url}/list", CunzhiFactory.Json))!.Draft!;
        draft.Items.Single(i => i.Code == "MS08").Steps.Count.ShouldBe(3);
        (await (await f.ApiAs(County)).DeleteAsync($"{Url}/list/draft")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    private Task<List<RecordedOccurrence>> OccurrencesOfAsync(PowerExerciseView e) => f.WithSystemDb(db => db.Set<RecordedOccurrence>().AsNoTracking()
        .Where(o => o.RegionCode == e.VillageCode && o.Title == PowerOccurrences.Title(e.Id, e.Title)).ToListAsync());

    [Fact]
    public async Task Completing_a_housing_site_exercise_records_its_immediate_occurrence_audited()
    {
        var e = await AtTownStepAsync();
        (await OccurrencesOfAsync(e)).ShouldBeEmpty();
        (await RecordedAsync(await f.ApiAs(Town), e, 5)).State.ShouldBe(PowerExerciseState.Done);
        var o = (await OccurrencesOfAsync(e)).ShouldHaveSingleItem();
        (o.ItemCode, o.On, o.Source, o.RecordedBy).ShouldBe(("C05", China.Today, OccurrenceSource.PowerExercise, Town));
        var audit = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == nameof(RecordedOccurrence) && a.EntityKey == o.Id.ToString()).Select(a => a.UserName).ToListAsync());
        audit.ShouldBe([Town]);
        // Listed among the village's occurrences, not yet posted, like a hand-typed one.
        var listed = await (await f.ApiAs(Village)).GetFromJsonAsync<Paged<Features.Disclosure.OccurrenceView>>(
            $"/api/v1/disclosure/villages/{e.VillageCode}/occurrences?pageSize=100", CunzhiFactory.Json);
        listed!.Items.ShouldContain(v => v.Id == o.Id && v.ItemCode == "C05" && v.PostedOn == null);
    }

    [Fact]
    public async Task An_occurrence_already_recorded_under_the_exercises_key_is_not_recorded_twice()
    {
        var e = await AtTownStepAsync();
        var title = PowerOccurrences.Title(e.Id, e.Title);
        var hand = await (await f.ApiAs(Village)).PostAsJsonAsync("/api/v1/disclosure/occurrences", new { village = e.VillageCode, itemCode = "C05", on = China.Today.ToString("yyyy-MM-dd"), title });
        hand.StatusCode.ShouldBe(HttpStatusCode.Created, await hand.Content.ReadAsStringAsync());
        (await RecordedAsync(await f.ApiAs(Town), e, 5)).State.ShouldBe(PowerExerciseState.Done);
        (await OccurrencesOfAsync(e)).ShouldHaveSingleItem().Source.ShouldBe(OccurrenceSource.Registered);
    }

    [Fact]
    public async Task A_rejected_or_unmapped_exercise_records_no_occurrence()
    {
        var api = await f.ApiAs(Village);
        var rejected = await ExerciseAsync(api);
        var r = await RecordAsync(api, rejected, 1, decision: "材料不全", rejected: true);
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        (await OccurrencesOfAsync(rejected)).ShouldBeEmpty();
        var certificate = await ExerciseAsync(api, "MS08");
        for (var step = 1; step <= certificate.Steps.Count; step++)
        {
            var who = certificate.Steps[step - 1].TownStep ? await f.ApiAs(Town) : api;
            certificate = await RecordedAsync(who, certificate, step);
        }
        certificate.State.ShouldBe(PowerExerciseState.Done);
        (await f.WithSystemDb(db => db.Set<RecordedOccurrence>().CountAsync(o => o.Title.Contains($"权力运行第 {certificate.Id} 号")))).ShouldBe(0);
    }
}

public sealed class PowersTests_Sqlite(SqliteFactory f) : PowersTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PowersTests_Postgres(PostgresFactory f) : PowersTests<PostgresFactory>(f);
