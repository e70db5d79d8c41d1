using System.Net;
using Cunzhi.Domain.Assessment;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The 考核 pages: who may open them, the scoring grid and ledger forms, the annual page's town and county views.</summary>
public abstract class AssessmentPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static readonly int Year = China.Now.Year;
    private static readonly string[] Pages =
        ["/Assessment/Templates", "/Assessment/Ledger", "/Assessment/Scores/Monthly", "/Assessment/Scores/Quarterly", "/Assessment/Annual", "/Assessment/HalfYear"];

    [Theory]
    [InlineData("county.admin", true)]
    [InlineData("town.sanxing", true)]
    [InlineData("discipline", true)]
    [InlineData("dept.agri", false)]
    [InlineData("coord.office", false)]
    [InlineData("village.naoping", false)]
    public async Task Who_may_open_the_assessment_pages(string account, bool allowed)
    {
        var c = await f.PagesAs(account);
        foreach (var page in Pages)
        {
            var r = await c.GetAsync(page);
            if (allowed) r.StatusCode.ShouldBe(HttpStatusCode.OK, page);
            else ((int)r.StatusCode).ShouldBeOneOf([302, 403], page);
        }
    }

    [Fact]
    public async Task The_monthly_grid_page_saves_only_in_range_scores()
    {
        var year = Year - 5;
        var c = await f.PagesAs("town.sanxing");
        var url = $"/Assessment/Scores/Monthly?year={year}&period=3&region={Demo.Naoping}";
        var doc = await CunzhiFactory.Html(await c.GetAsync(url));
        var rows = doc.QuerySelectorAll("table[data-testid=grid] tbody tr").ToList();
        rows.ShouldNotBeEmpty();
        var inputs = rows[0].QuerySelectorAll("input[type=number]").ToList();
        inputs.Count.ShouldBe(4);
        inputs.ShouldAllBe(i => i.GetAttribute("max") == "100" && i.GetAttribute("min") == "0");
        var cadreId = long.Parse(rows[0].GetAttribute("data-cadre")!);

        var fields = new Dictionary<string, string> { ["Rows[0].CadreId"] = cadreId.ToString() };
        foreach (var i in inputs) fields[i.GetAttribute("name")!] = "90";
        fields[inputs[0].GetAttribute("name")!] = "101";
        var bad = await CunzhiFactory.PostFormAsync(c, url, fields, formAction: "period=");
        bad.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(bad)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("超出范围 0–100");
        (await f.WithSystemDb(db => db.Set<PeriodReview>().CountAsync(r => r.CadreId == cadreId && r.Year == year))).ShouldBe(0);

        fields[inputs[0].GetAttribute("name")!] = "80";
        var ok = await CunzhiFactory.PostFormAsync(c, url, fields, formAction: "period=");
        ok.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var after = await CunzhiFactory.Html(await c.GetAsync(url));
        // 政治表现 20×0.8 + 工作能力 20×0.9 + 工作实绩 40×0.9 + 群众评价 20×0.9 = 88
        after.QuerySelector($"tr[data-cadre='{cadreId}'] [data-testid=total]")!.TextContent.Trim().ShouldStartWith("88");
    }

    [Fact]
    public async Task The_county_sees_the_grid_read_only()
    {
        var c = await f.PagesAs("county.admin");
        var doc = await CunzhiFactory.Html(await c.GetAsync($"/Assessment/Scores/Monthly?year={Year - 5}&period=4&region={Demo.Naoping}"));
        doc.QuerySelectorAll("table[data-testid=grid] input[type=number]").ShouldAllBe(i => i.HasAttribute("disabled"));
        doc.QuerySelector("main button[type=submit].btn-primary").ShouldBeNull();
    }

    [Fact]
    public async Task A_ledger_event_is_recorded_from_the_phone_form()
    {
        var c = await f.PagesAs("town.sanxing");
        var doc = await CunzhiFactory.Html(await c.GetAsync("/Assessment/Ledger"));
        var cadre = doc.QuerySelectorAll("#NewCadreId option").Select(o => o.GetAttribute("value")).First(v => !string.IsNullOrEmpty(v))!;
        var r = await CunzhiFactory.PostFormAsync(c, "/Assessment/Ledger", new()
        {
            ["NewCadreId"] = cadre, ["NewDate"] = China.Now.ToString("yyyy-MM-dd"), ["NewKind"] = "TaskCompleted", ["NewNote"] = "按期完成人居环境整治",
        }, formAction: "");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var list = await CunzhiFactory.Html(await c.GetAsync(r.Headers.Location!.ToString()));
        list.QuerySelector("[data-testid=ledger]")!.TextContent.ShouldContain("按期完成人居环境整治");

        var empty = await CunzhiFactory.PostFormAsync(c, "/Assessment/Ledger", new() { ["NewCadreId"] = cadre, ["NewDate"] = China.Now.ToString("yyyy-MM-dd"), ["NewKind"] = "Absence", ["NewNote"] = "" }, formAction: "");
        (await CunzhiFactory.Html(empty)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请填写情况说明");

        // The county reads the ledger but has no form.
        (await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync("/Assessment/Ledger"))).QuerySelector("[data-testid=record]").ShouldBeNull();
    }

    [Fact]
    public async Task The_annual_page_shows_a_towns_approved_results_locked()
    {
        var town = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Assessment/Annual?year={Year - 1}"));
        town.QuerySelector("[data-testid=state]")!.TextContent.ShouldBe("已审定");
        town.QuerySelectorAll("[data-testid=rows] tbody tr").ShouldNotBeEmpty();
        town.QuerySelectorAll("[data-testid=rows] select").ShouldBeEmpty(); // locked: no inputs
    }

    [Fact]
    public async Task The_annual_page_lists_every_towns_batch_for_the_county()
    {
        var county = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync($"/Assessment/Annual?year={Year - 1}&town={Demo.Efeng}"));
        county.QuerySelectorAll("[data-testid=batches] tbody tr").Length.ShouldBe(18);
        county.QuerySelector("[data-testid=batch] h2")!.TextContent.ShouldContain("鹅峰乡");
    }

    [Fact]
    public async Task The_half_year_page_lists_flagged_cadres_with_reasons()
    {
        var c = await f.PagesAs("county.admin");
        var half = await CunzhiFactory.Html(await c.GetAsync($"/Assessment/HalfYear?year={Year}&half=1"));
        half.QuerySelector("[data-testid=summary]")!.TextContent.ShouldContain("研判在任村干部");
        foreach (var li in half.QuerySelectorAll("[data-testid=flagged] > li")) li.QuerySelectorAll("ul li").Length.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_templates_page_shows_the_formula_with_settings_editable_only_by_the_county()
    {
        var c = await f.PagesAs("county.admin");
        var t = await CunzhiFactory.Html(await c.GetAsync("/Assessment/Templates?kind=Monthly"));
        t.QuerySelector("[data-testid=current]")!.TextContent.ShouldContain("政治表现");
        t.QuerySelector("[data-testid=settings] fieldset")!.HasAttribute("disabled").ShouldBeFalse();
        var town = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Assessment/Templates"));
        town.QuerySelector("[data-testid=settings] fieldset")!.HasAttribute("disabled").ShouldBeTrue();
    }
}

public sealed class AssessmentPageTests_Sqlite(SqliteFactory f) : AssessmentPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AssessmentPageTests_Postgres(PostgresFactory f) : AssessmentPageTests<PostgresFactory>(f);
