using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>定级 over the API and the page: once per cadre, all or none, in scope, and payroll pays the graded rank.</summary>
public abstract class GradingTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static int _sequence;
    private static DateOnly ThisMonth => new(China.Now.Date.Year, China.Now.Date.Month, 1);

    /// <summary>A new serving 闹坪村 cadre (registered by the county, so at rank 13 with no rank history).</summary>
    private static async Task<CadreDetail> NewCadre(HttpClient county, string name)
    {
        var id = NationalId.Compose("360922", new DateOnly(1975, 1, 1).AddDays(Interlocked.Increment(ref _sequence)), 611, Gender.Female);
        var r = await county.PostAsJsonAsync("/api/v1/cadres", new
        {
            regionCode = Demo.Naoping, name, nationalId = id, educationCode = "college", isPartyMember = true, postCode = "committee-member",
            startDate = "2024-03-01", term = 12, origin = "Elected",
        });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CadreDetail>(CunzhiFactory.Json))!;
    }

    private static object Batch(DateOnly effective, params (long Id, int Rank)[] items) =>
        new { effectiveFrom = effective.ToString("yyyy-MM-dd"), items = items.Select(i => new { cadreId = i.Id, rank = i.Rank }).ToArray() };

    private static async Task<GradingList> List(HttpClient c, string query = "")
    {
        var r = await c.GetAsync($"/api/v1/ranks/grading?pageSize=200{query}");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<GradingList>(CunzhiFactory.Json))!;
    }

    [Fact]
    public async Task The_county_grades_new_cadres()
    {
        await GradeTwoNewCadresAsync();
    }

    [Fact]
    public async Task A_graded_cadre_cannot_be_graded_again()
    {
        var (county, town, a, _) = await GradeTwoNewCadresAsync();
        // Once only: a second grading is refused and changes nothing.
        var again = await county.PostAsJsonAsync("/api/v1/ranks/grading", Batch(ThisMonth, (a.Cadre.Id, 5)));
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("定级甲：已定级");
        (await town.GetFromJsonAsync<RankHistoryView>($"/api/v1/ranks/history/{a.Cadre.Id}", CunzhiFactory.Json))!.Rank.ShouldBe(10);
    }

    [Fact]
    public async Task The_payroll_pays_the_graded_rank()
    {
        var (_, town, a, b) = await GradeTwoNewCadresAsync();
        // This month's 三兴镇 payroll pays (13 − 10) steps to 甲 and none to 乙.
        var run = await town.PostAsJsonAsync("/api/v1/pay/runs", new { year = ThisMonth.Year, month = ThisMonth.Month });
        run.StatusCode.ShouldBe(HttpStatusCode.OK, await run.Content.ReadAsStringAsync());
        var id = (await run.Content.ReadFromJsonAsync<RunView>(CunzhiFactory.Json))!.Id;
        var lines = (await town.GetFromJsonAsync<RunView>($"/api/v1/pay/runs/{id}?village={Demo.Naoping}&pageSize=200", CunzhiFactory.Json))!;
        var step = lines.AllowanceStepFen;
        step.ShouldBeGreaterThan(0);
        var lineA = lines.Lines.Items.Single(l => l.CadreId == a.Cadre.Id);
        (lineA.Rank, lineA.AllowanceFen).ShouldBe((10, 3 * step));
        var lineB = lines.Lines.Items.Single(l => l.CadreId == b.Cadre.Id);
        (lineB.Rank, lineB.AllowanceFen).ShouldBe((13, 0L));
    }

    /// <summary>Two new Naoping cadres, 定级甲 and 定级乙, graded by the county from this month at ranks 10 and 13.</summary>
    private async Task<(HttpClient County, HttpClient Town, CadreDetail A, CadreDetail B)> GradeTwoNewCadresAsync()
    {
        var county = await f.ApiAs("county.admin");
        var town = await f.ApiAs("town.sanxing");
        var a = await NewCadre(county, "定级甲");
        var b = await NewCadre(county, "定级乙");

        var before = await List(town);
        before.Rows.Items.Select(r => r.Id).ShouldContain(a.Cadre.Id);
        before.Rows.Items.Select(r => r.Id).ShouldContain(b.Cadre.Id);
        before.Rows.Items.Single(r => r.Id == a.Cadre.Id).FirstEffectiveDate.ShouldBe(new DateOnly(2024, 3, 1));

        var graded = await county.PostAsJsonAsync("/api/v1/ranks/grading", Batch(ThisMonth, (a.Cadre.Id, 10), (b.Cadre.Id, 13)));
        graded.StatusCode.ShouldBe(HttpStatusCode.OK, await graded.Content.ReadAsStringAsync());
        (await graded.Content.ReadFromJsonAsync<GradeResult>(CunzhiFactory.Json))!.Graded.ShouldBe(2);

        var after = await List(town);
        after.Rows.Items.Select(r => r.Id).ShouldNotContain(a.Cadre.Id);
        after.Ungraded.ShouldBe(before.Ungraded - 2);
        after.Graded.ShouldBe(before.Graded + 2);
        var history = (await town.GetFromJsonAsync<RankHistoryView>($"/api/v1/ranks/history/{a.Cadre.Id}", CunzhiFactory.Json))!;
        history.Rank.ShouldBe(10);
        history.RankInForceToday.ShouldBe(10);
        history.Changes.ShouldHaveSingleItem().Kind.ShouldBe(RankChangeKind.Initial);
        history.Changes[0].Reason.ShouldBe(RankGrading.DefaultReason);
        return (county, town, a, b);
    }

    [Fact]
    public async Task One_bad_row_grades_nobody_naming_every_problem()
    {
        var county = await f.ApiAs("county.admin");
        var good = await NewCadre(county, "定级丙");
        var bad = await NewCadre(county, "定级丁");
        var refused = await county.PostAsJsonAsync("/api/v1/ranks/grading", Batch(ThisMonth.AddMonths(2), (good.Cadre.Id, 12), (bad.Cadre.Id, 14)));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        var body = await refused.Content.ReadAsStringAsync();
        body.ShouldContain("定级丙：生效日期不能晚于");
        body.ShouldContain("定级丁：职级应在 1 至 13 之间；生效日期不能晚于");
        (await List(county, $"&region={Demo.Naoping}")).Rows.Items.Select(r => r.Id).ShouldContain(good.Cadre.Id);

        // A demo cadre is graded already (RankDemo): named, and the good one stays ungraded.
        var town = await f.ApiAs("town.sanxing");
        var demo = (await town.GetFromJsonAsync<TownEligibility>("/api/v1/ranks/eligibility?pageSize=1", CunzhiFactory.Json))!.Rows.Items[0];
        var mixed = await county.PostAsJsonAsync("/api/v1/ranks/grading", Batch(ThisMonth, (good.Cadre.Id, 12), (demo.CadreId, 12)));
        mixed.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await mixed.Content.ReadAsStringAsync()).ShouldContain($"{demo.Name}：已定级");
        (await List(county, $"&region={Demo.Naoping}")).Rows.Items.Select(r => r.Id).ShouldContain(good.Cadre.Id);
    }

    [Fact]
    public async Task An_empty_grading_is_400_naming_what_is_missing()
    {
        var county = await f.ApiAs("county.admin");
        // Shape errors are 400 with the field named.
        var empty = await county.PostAsJsonAsync("/api/v1/ranks/grading", new { effectiveFrom = (string?)null, items = Array.Empty<object>() });
        empty.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await empty.Content.ReadAsStringAsync()).ShouldContain("请选择要定级的干部");
    }

    [Fact]
    public async Task Another_town_cannot_see_a_towns_ungraded_cadres()
    {
        var county = await f.ApiAs("county.admin");
        var cadre = await NewCadre(county, "定级戊");
        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetAsync($"/api/v1/ranks/grading?region={Demo.Sanxing}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await List(efeng)).Rows.Items.Select(r => r.Id).ShouldNotContain(cadre.Cadre.Id);
    }

    [Fact]
    public async Task A_town_may_not_grade()
    {
        var cadre = await NewCadre(await f.ApiAs("county.admin"), "定级戊");
        var efeng = await f.ApiAs("town.efeng");
        (await efeng.PostAsJsonAsync("/api/v1/ranks/grading", Batch(ThisMonth, (cadre.Cadre.Id, 12)))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_batch_naming_an_unknown_cadre_is_404_grading_nobody()
    {
        var county = await f.ApiAs("county.admin");
        var cadre = await NewCadre(county, "定级戊");
        (await county.PostAsJsonAsync("/api/v1/ranks/grading", Batch(ThisMonth, (cadre.Cadre.Id, 12), (987_654_321, 12)))).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await List(county, $"&region={Demo.Naoping}")).Rows.Items.Select(r => r.Id).ShouldContain(cadre.Cadre.Id);
    }

    [Fact]
    public async Task The_county_grades_on_the_page()
    {
        var county = await f.ApiAs("county.admin");
        var cadre = await NewCadre(county, "定级己");
        var pages = await f.PagesAs("county.admin");
        var url = $"/Ranks/Grading?region={Demo.Sanxing}";
        var page = await CunzhiFactory.Html(await pages.GetAsync(url));
        page.QuerySelector($"[data-testid=ungraded] tr[data-cadre='{cadre.Cadre.Id}']").ShouldNotBeNull();
        page.QuerySelector($"select[name='Rank[{cadre.Cadre.Id}]']").ShouldNotBeNull();

        // A date that is not a 1st: the page shows the reason and grades nobody.
        var wrong = await CunzhiFactory.PostFormAsync(pages, url, new() { ["CadreIds"] = cadre.Cadre.Id.ToString(), [$"Rank[{cadre.Cadre.Id}]"] = "11",
            ["EffectiveFrom"] = ThisMonth.AddDays(1).ToString("yyyy-MM-dd") }, "/Ranks/Grading");
        wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("定级须从某月 1 日起生效");

        var done = await CunzhiFactory.PostFormAsync(pages, url, new() { ["CadreIds"] = cadre.Cadre.Id.ToString(), [$"Rank[{cadre.Cadre.Id}]"] = "11",
            ["EffectiveFrom"] = ThisMonth.ToString("yyyy-MM-dd"), ["Reason"] = "县委组织部定级会议" }, "/Ranks/Grading");
        done.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await CunzhiFactory.Html(await pages.GetAsync(done.Headers.Location!.ToString()));
        after.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("已为 1 名干部定级");
        after.QuerySelector($"[data-testid=ungraded] tr[data-cadre='{cadre.Cadre.Id}']").ShouldBeNull();
        var history = (await county.GetFromJsonAsync<RankHistoryView>($"/api/v1/ranks/history/{cadre.Cadre.Id}", CunzhiFactory.Json))!;
        (history.Rank, history.Changes.Single().Reason).ShouldBe((11, "县委组织部定级会议"));

        // The town sees the list without the form.
        var townPage = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Ranks/Grading"));
        townPage.QuerySelector("[data-testid=grading-summary]").ShouldNotBeNull();
        townPage.QuerySelector("[data-testid=grade]").ShouldBeNull();
    }
}

public sealed class GradingTests_Sqlite(SqliteFactory f) : GradingTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class GradingTests_Postgres(PostgresFactory f) : GradingTests<PostgresFactory>(f);
