using System.Net;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 开启评议 picks villages from a tree of the account's towns and villages (only the county may open windows:
/// evaluations.open), posts their codes and opens windows for exactly those; a code outside the tree is a 400.
/// Each test uses its own year (one window per village and year).
/// </summary>
public abstract class EvaluationOpenPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static string Local(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm");

    /// <summary>Posts the open form with the given village boxes ticked (repeated Villages fields, as a browser sends them).</summary>
    private static async Task<HttpResponseMessage> PostOpen(HttpClient pages, int year, params string[] villages)
    {
        var form = (await CunzhiFactory.Html(await pages.GetAsync("/Evaluations/Open"))).QuerySelector("main form")!;
        var fields = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", form.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!),
            new("Year", year.ToString()),
            new("OpensAt", Local(China.Now.AddHours(2))),
            new("ClosesAt", Local(China.Now.AddDays(2))),
        };
        fields.AddRange(villages.Select(v => new KeyValuePair<string, string>("Villages", v)));
        return await pages.PostAsync("/Evaluations/Open", new FormUrlEncodedContent(fields));
    }

    private Task<List<string>> WindowsOf(int year) =>
        f.WithSystemDb(db => db.Set<EvaluationWindow>().Where(w => w.Year == year).OrderBy(w => w.RegionCode).Select(w => w.RegionCode).ToListAsync());

    [Fact]
    public async Task The_tree_lists_every_town_and_village_of_the_accounts_county_only()
    {
        await f.BareCountyAsync(); // a second county whose town and village must not appear
        var expected = await f.WithSystemDb(async db => await db.Regions.Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith("360922"))
            .OrderBy(r => r.Code).Select(r => new { r.Code, r.Name }).ToListAsync());
        expected.Count.ShouldBeGreaterThan(100);
        var doc = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync("/Evaluations/Open"));

        var towns = doc.QuerySelectorAll("details[data-town]").Select(d => d.GetAttribute("data-town")!).ToList();
        towns.ShouldBe(expected.Select(v => RegionCodes.TownOf(v.Code)!).Distinct().ToList());
        var boxes = doc.QuerySelectorAll("input[name=Villages]").Select(i => i.GetAttribute("value")!).ToList();
        boxes.ShouldBe(expected.Select(v => v.Code).ToList());
        boxes.ShouldNotContain(Demo.BareVillage);
        // Each village sits under its own town, with its name.
        var naoping = doc.QuerySelector($"details[data-town='{Demo.Sanxing}'] input[value='{Demo.Naoping}']")!.ParentElement!;
        naoping.TextContent.ShouldContain("闹坪村");
        doc.QuerySelector("[data-testid=picked-count]")!.TextContent.ShouldContain($"已选 0 / {expected.Count} 个村");
    }

    [Fact]
    public async Task A_town_admin_may_not_open_the_page()
    {
        var pages = await f.PagesAs("town.sanxing");
        (await pages.GetAsync("/Evaluations/Open")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
    }

    [Fact]
    public async Task Posting_picked_villages_opens_windows_for_exactly_those()
    {
        const int year = 2061;
        var response = await PostOpen(await f.PagesAs("county.admin"), year, Demo.Naoping, Demo.Dongxi);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var doc = await CunzhiFactory.Html(response);
        doc.QuerySelector("[data-testid=opened]")!.TextContent.ShouldContain("已为 2 个村开启评议");
        (await WindowsOf(year)).ShouldBe([Demo.Naoping, Demo.Dongxi]);
        // The form keeps the picked boxes ticked.
        doc.QuerySelectorAll("input[name=Villages][checked]").Select(i => i.GetAttribute("value")).ShouldBe([Demo.Naoping, Demo.Dongxi]);
    }

    [Fact]
    public async Task A_village_outside_the_accounts_scope_is_refused_with_400()
    {
        const int year = 2062;
        await f.BareCountyAsync();
        var response = await PostOpen(await f.PagesAs("county.admin"), year, Demo.Naoping, Demo.BareVillage);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var errors = (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=errors]")!.TextContent;
        errors.ShouldContain("不存在或不在本账号管辖范围内");
        errors.ShouldContain(Demo.BareVillage);
        (await WindowsOf(year)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("360922106999")] // a well-formed village code that does not exist
    [InlineData("abc")]
    public async Task A_code_that_is_no_village_of_the_tree_is_refused_with_400(string code)
    {
        var response = await PostOpen(await f.PagesAs("county.admin"), 2063, code);
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain(code);
        (await WindowsOf(2063)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Posting_no_village_asks_to_pick_one()
    {
        var response = await PostOpen(await f.PagesAs("county.admin"), 2064);
        (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请选择要开启评议的村");
        (await WindowsOf(2064)).ShouldBeEmpty();
    }
}

public sealed class EvaluationOpenPageTests_Sqlite(SqliteFactory f) : EvaluationOpenPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class EvaluationOpenPageTests_Postgres(PostgresFactory f) : EvaluationOpenPageTests<PostgresFactory>(f);
