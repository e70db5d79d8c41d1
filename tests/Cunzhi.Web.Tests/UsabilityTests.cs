using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Features.Analytics;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>Small things users saw (#17 item 7): what a page says must match what it shows, and who sees what.</summary>
public abstract class UsabilityTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static string Local(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss");

    [Theory]
    [InlineData("county.admin", true)]
    [InlineData("town.sanxing", true)]
    [InlineData("village.naoping", false)]
    [InlineData("dept.agri", false)]
    [InlineData("coord.office", false)]
    [InlineData("discipline", false)]
    public async Task The_api_docs_link_is_shown_to_admins_only(string user, bool shown)
    {
        var html = await CunzhiFactory.Html(await (await f.PagesAs(user)).GetAsync("/"));
        (html.QuerySelector("a[href='/api-docs']") is not null).ShouldBe(shown);
    }

    [Fact]
    public async Task The_browser_finds_a_favicon()
    {
        var response = await f.Anonymous().GetAsync("/favicon.ico");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/x-icon");
    }

    [Fact]
    public async Task The_women_card_counts_women_in_office()
    {
        var api = await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<StructureReport>("/api/v1/analytics/structure", CunzhiFactory.Json);
        api!.Figures.Women.ShouldBeGreaterThan(0);
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Analytics"));
        var card = html.QuerySelector("[data-stat='women']")!.ParentElement!;
        card.TextContent.ShouldContain($"女性 {api.Figures.Women} 人 / 在任 {api.Figures.InOffice} 人");
        card.TextContent.ShouldNotContain("选派");
    }

    [Fact]
    public async Task A_ballot_slip_names_the_full_voting_address()
    {
        var county = await f.ApiAs("county.admin");
        var opened = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new { regions = new[] { Demo.Naoping }, year = 2041, opensAt = Local(China.Now.AddHours(2)), closesAt = Local(China.Now.AddDays(1)) });
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var id = (await opened.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!.Opened.Single();
        var sheet = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(await f.PagesAs("town.sanxing"), $"/Evaluations/Codes/{id}", new() { ["Count"] = "2" }));
        var addresses = sheet.QuerySelectorAll("[data-testid=vote-address]").Select(e => e.TextContent.Trim()).ToList();
        addresses.Count.ShouldBe(2);
        addresses.ShouldAllBe(a => a == "手机扫码或访问 http://localhost/Vote 输入票码");
    }

    [Fact]
    public async Task Recording_a_departure_asks_for_confirmation()
    {
        var cadreId = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode == Demo.Naoping).OrderBy(c => c.Id).Select(c => c.Id).FirstAsync());
        var html = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync($"/Cadres/Detail?id={cadreId}"));
        var form = html.QuerySelectorAll("form").Single(x => (x.GetAttribute("action") ?? "").Contains("handler=Depart"));
        form.GetAttribute("data-confirm").ShouldNotBeNullOrWhiteSpace();
    }

    [Fact]
    public async Task Starting_an_evaluation_without_reports_names_the_cadres_missing_one_and_asks()
    {
        var county = await f.ApiAs("county.admin");
        var opened = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new { regions = new[] { Demo.Naoping }, year = 2042, opensAt = Local(China.Now.AddHours(2)), closesAt = Local(China.Now.AddDays(1)) });
        var id = (await opened.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!.Opened.Single();
        var window = (await county.GetFromJsonAsync<WindowView>($"/api/v1/evaluations/windows/{id}", CunzhiFactory.Json))!;
        window.Reports.ShouldNotBeEmpty();
        var html = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync($"/Evaluations/Detail/{id}"));
        var warning = html.QuerySelector("[data-testid=missing-reports]")!.TextContent;
        foreach (var r in window.Reports) warning.ShouldContain(r.CadreName);
        var start = html.QuerySelectorAll("form").Single(x => (x.GetAttribute("action") ?? "").Contains("handler=Open"));
        start.GetAttribute("data-confirm")!.ShouldContain("尚未录入述职报告");
    }
}

public sealed class UsabilityTests_Sqlite(SqliteFactory f) : UsabilityTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class UsabilityTests_Postgres(PostgresFactory f) : UsabilityTests<PostgresFactory>(f);
