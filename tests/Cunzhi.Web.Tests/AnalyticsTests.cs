using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.People;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Analytics;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>班子结构分析: the API's figures against the database, scope, and the page's cards, charts and drill-down.</summary>
public abstract class AnalyticsTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/analytics/structure";

    private sealed record Row(string Village, string Post, DateOnly Birth, string Education, bool Party, int Rank, Gender Gender);

    /// <summary>Sends every serving secretary (including 一肩挑) of a village away, so it has a vacancy.</summary>
    private Task DepartSecretariesAsync(string village) => f.WithSystemDb(async db =>
    {
        var leads = await db.Cadres.Include(c => c.Posts)
            .Where(c => c.RegionCode == village && c.Status == CadreStatus.InOffice && (c.PostCode == "secretary" || c.PostCode == "secretary-director"))
            .ToListAsync();
        foreach (var c in leads) c.Depart(CadreStatus.DepartedNormally, China.Today, "测试：调任");
        return await db.SaveChangesAsync();
    });

    // Computed here without the domain's helpers, so a slip in StructureAnalysis cannot hide in both.
    private static int Age(DateOnly birth, DateOnly on) =>
        on.Year - birth.Year - (on.Month < birth.Month || (on.Month == birth.Month && on.Day < birth.Day) ? 1 : 0);

    private static decimal Pct(int part, int whole) => whole == 0 ? 0 : Math.Round(100m * part / whole, 1, MidpointRounding.AwayFromZero);

    private static decimal Mean(IReadOnlyCollection<int> xs) => xs.Count == 0 ? 0 : Math.Round((decimal)xs.Sum() / xs.Count, 1, MidpointRounding.AwayFromZero);

    [Fact]
    public async Task Town_figures_from_the_API_equal_figures_computed_from_the_database()
    {
        await DepartSecretariesAsync(Demo.Sanxingcun);
        var report = await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<StructureReport>(Url, CunzhiFactory.Json);
        report!.Region.Code.ShouldBe(Demo.Sanxing, "without a code the account's own region is analysed");
        var asOf = report.AsOf;

        var villages = await f.WithSystemDb(db => db.Regions.Where(r => r.ParentCode == Demo.Sanxing && r.Level == RegionLevel.Village).Select(r => r.Code).ToListAsync());
        var rows = await f.WithSystemDb(db => db.Cadres.Where(c => c.RegionCode.StartsWith("360922106") && c.Status == CadreStatus.InOffice)
            .Select(c => new Row(c.RegionCode, c.PostCode, c.BirthDate, c.EducationCode, c.IsPartyMember, c.Rank, c.Gender)).ToListAsync());
        rows.Count.ShouldBeGreaterThan(villages.Count * 3, "the demo town has cadres to analyse");
        var secretaries = rows.Where(r => r.Post is "secretary" or "secretary-director").ToList();
        var college = new[] { "college", "bachelor", "postgraduate" };
        var ages = rows.Select(r => Age(r.Birth, asOf)).ToList();
        var noSecretary = villages.Count(v => !rows.Any(r => r.Village == v && r.Post is "secretary" or "secretary-director"));
        var noDirector = villages.Count(v => !rows.Any(r => r.Village == v && r.Post is "director" or "secretary-director"));
        var oneShoulder = rows.Where(r => r.Post == "secretary-director").Select(r => r.Village).Distinct().Count();

        var x = report.Figures;
        (x.Villages, x.InOffice, x.Secretaries).ShouldBe((villages.Count, rows.Count, secretaries.Count));
        x.AverageAge.ShouldBe(Mean(ages));
        x.SecretaryAverageAge.ShouldBe(Mean(secretaries.Select(r => Age(r.Birth, asOf)).ToList()));
        x.CollegeOrAboveShare.ShouldBe(Pct(rows.Count(r => college.Contains(r.Education)), rows.Count));
        x.SecretaryCollegeOrAboveShare.ShouldBe(Pct(secretaries.Count(r => college.Contains(r.Education)), secretaries.Count));
        x.PartyMemberShare.ShouldBe(Pct(rows.Count(r => r.Party), rows.Count));
        x.WomenShare.ShouldBe(Pct(rows.Count(r => r.Gender == Gender.Female), rows.Count));
        (x.OneShoulderVillages, x.OneShoulderShare).ShouldBe((oneShoulder, Pct(oneShoulder, villages.Count)));
        x.AgeBands.Select(b => b.Count).ShouldBe([ages.Count(a => a <= 35), ages.Count(a => a is >= 36 and <= 45), ages.Count(a => a is >= 46 and <= 55), ages.Count(a => a >= 56)]);
        x.Ranks.ShouldAllBe(r => r.Count == rows.Count(c => c.Rank == r.Rank));
        x.Education.Where(e => e.Count > 0).Select(e => (e.Code, e.Count)).OrderBy(e => e.Code)
            .ShouldBe(rows.GroupBy(r => r.Education).Select(g => (g.Key, g.Count())).OrderBy(e => e.Key));
        (x.VillagesWithoutSecretary, x.VillagesWithoutDirector).ShouldBe((noSecretary, noDirector));
        noSecretary.ShouldBeGreaterThan(0, "三兴村's secretary was sent away above");
        report.Vacancies.ShouldContain(v => v.VillageCode == Demo.Sanxingcun && v.LacksSecretary && v.VillageName == "三兴村");
        var activeReserves = await f.WithSystemDb(db => db.Set<Domain.Reserves.ReserveCadre>()
            .CountAsync(r => r.RegionCode.StartsWith("360922106") && r.RegionCode.Length == 12 && r.RegionCode != Demo.Sanxing && r.Status == Domain.Reserves.ReserveStatus.Active));
        report.Reserves.ShouldBe(activeReserves);

        report.Children.Select(c => c.Code).ShouldBe(villages.Order());
        foreach (var child in report.Children)
        {
            var mine = rows.Where(r => r.Village == child.Code).ToList();
            var leads = mine.Where(r => r.Post is "secretary" or "secretary-director").ToList();
            child.InOffice.ShouldBe(mine.Count, child.Name);
            child.SecretaryAverageAge.ShouldBe(Mean(leads.Select(r => Age(r.Birth, asOf)).ToList()), child.Name);
            child.CollegeOrAboveShare.ShouldBe(Pct(mine.Count(r => college.Contains(r.Education)), mine.Count), child.Name);
            child.VacantPosts.ShouldBe((leads.Count == 0 ? 1 : 0) + (mine.Any(r => r.Post is "director" or "secretary-director") ? 0 : 1), child.Name);
        }

        // The county sees the same town the same way.
        var fromCounty = await (await f.ApiAs("county.admin")).GetFromJsonAsync<StructureReport>($"{Url}?code={Demo.Sanxing}", CunzhiFactory.Json);
        fromCounty!.Figures.InOffice.ShouldBe(x.InOffice);
        fromCounty.Figures.SecretaryAverageAge.ShouldBe(x.SecretaryAverageAge);
    }

    [Fact]
    public async Task A_town_admin_gets_404_for_another_towns_code()
    {
        var api = await f.ApiAs("town.sanxing");
        (await api.GetAsync($"{Url}?code={Demo.Sanxing}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.GetAsync($"{Url}?code={Demo.Naoping}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        foreach (var code in new[] { Demo.Efeng, Demo.Dongxi, Demo.County })
        {
            var response = await api.GetAsync($"{Url}?code={code}");
            response.StatusCode.ShouldBe(HttpStatusCode.NotFound, code);
            response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
            (await response.Content.ReadAsStringAsync()).ShouldContain("不在您的管辖范围内");
        }
        var pages = await f.PagesAs("town.sanxing");
        (await pages.GetAsync($"/Analytics?code={Demo.Efeng}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await pages.GetAsync($"/Analytics?code={Demo.Sanxing}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A villager group is below what the analysis covers.
        (await (await f.ApiAs("county.admin")).GetAsync($"{Url}?code={Demo.Naoping}001")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_town_page_shows_the_figure_cards()
    {
        var (html, api) = await TownPageAndReport();
        html.QuerySelector("[data-testid=analytics-region]")!.TextContent.ShouldContain("三兴镇");
        foreach (var key in new[] { "secretary-age", "college", "party", "women", "one-shoulder", "vacancies" })
            html.QuerySelector($"[data-stat='{key}']").ShouldNotBeNull(key);
        html.QuerySelector("[data-stat='college']")!.TextContent.Trim().ShouldBe(api!.Figures.CollegeOrAboveShare.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) + "%");
        html.QuerySelector("[data-stat='vacancies']")!.TextContent.Trim().ShouldBe(api.Figures.VacantPosts.ToString());
    }

    [Fact]
    public async Task The_town_page_draws_its_charts_from_embedded_data_without_inline_script()
    {
        var (html, api) = await TownPageAndReport();
        html.QuerySelectorAll("[data-chart]").Select(c => c.GetAttribute("data-chart")).ShouldBe(["ageBands", "education", "ranks", "vacancies"]);
        html.QuerySelectorAll("[onclick], [onload], [onerror]").ShouldBeEmpty("no inline event handlers");
        html.QuerySelector("script[src^='/lib/echarts/echarts.min.js']").ShouldNotBeNull();

        using var charts = JsonDocument.Parse(html.QuerySelector("script#structure-charts[type='application/json']")!.TextContent);
        charts.RootElement.GetProperty("ageBands").GetProperty("values").EnumerateArray().Sum(v => v.GetInt32()).ShouldBe(api.Figures.InOffice);
        charts.RootElement.GetProperty("ranks").GetProperty("labels").GetArrayLength().ShouldBe(13);
        charts.RootElement.GetProperty("education").GetProperty("type").GetString().ShouldBe("pie");
    }

    [Fact]
    public async Task The_town_page_links_to_each_child_village()
    {
        var (html, api) = await TownPageAndReport();
        var links = html.QuerySelectorAll("[data-testid=children] tbody tr td:first-child a").ToList();
        links.Count.ShouldBe(api.Children.Count);
        links.Count.ShouldBeGreaterThan(0);
        links.Select(a => a.GetAttribute("href")).ShouldBe(api.Children.Select(c => $"/Analytics?code={c.Code}"));
        links.Select(a => a.TextContent).ShouldContain("闹坪村");
    }

    /// <summary>Sanxing's analytics page (asserted to answer 200) and the API report it must agree with.</summary>
    private async Task<(AngleSharp.Html.Dom.IHtmlDocument Html, StructureReport Api)> TownPageAndReport()
    {
        var client = await f.PagesAs("town.sanxing");
        var response = await client.GetAsync("/Analytics");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await CunzhiFactory.Html(response);
        var api = await (await f.ApiAs("town.sanxing")).GetFromJsonAsync<StructureReport>(Url, CunzhiFactory.Json);
        return (html, api!);
    }

    [Fact]
    public async Task The_county_view_lists_its_18_towns()
    {
        var client = await f.PagesAs("county.admin");
        var html = await CunzhiFactory.Html(await client.GetAsync("/Analytics"));
        html.QuerySelector("[data-testid=analytics-region]")!.TextContent.ShouldContain("万载县");
        var towns = html.QuerySelectorAll("[data-testid=children] tbody tr").ToList();
        towns.Count.ShouldBe(18);
        towns.Select(t => t.QuerySelector("a")!.TextContent).ShouldContain("三兴镇");
        html.QuerySelector($"[data-testid=children] a[href='/Analytics?code={Demo.Sanxing}']").ShouldNotBeNull();

        var report = await (await f.ApiAs("county.admin")).GetFromJsonAsync<StructureReport>(Url, CunzhiFactory.Json);
        report!.Children.Count.ShouldBe(18);
        report.Children.ShouldAllBe(c => c.Level == RegionLevel.Town);
        report.Children.Sum(c => c.Villages).ShouldBe(report.Figures.Villages);
        report.Children.Sum(c => c.InOffice).ShouldBe(report.Figures.InOffice);
        report.Children.Sum(c => c.VacantPosts).ShouldBe(report.Figures.VacantPosts);
        report.Trail.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_village_view_lists_its_vacancies_under_a_breadcrumb()
    {
        await DepartSecretariesAsync(Demo.Naoping);

        var own = await (await f.ApiAs("village.naoping")).GetFromJsonAsync<StructureReport>(Url, CunzhiFactory.Json);
        own!.Region.Code.ShouldBe(Demo.Naoping);
        own.Children.ShouldBeEmpty();
        own.Vacancies.ShouldHaveSingleItem().LacksSecretary.ShouldBeTrue();

        var html = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync($"/Analytics?code={Demo.Naoping}"));
        html.QuerySelectorAll(".breadcrumb-item").Select(b => b.TextContent.Trim()).ShouldBe(["万载县", "三兴镇", "闹坪村"]);
        html.QuerySelector($".breadcrumb a[href='/Analytics?code={Demo.Sanxing}']").ShouldNotBeNull();
        html.QuerySelector("[data-testid=vacancies]")!.TextContent.ShouldContain("缺党组织书记");
        html.QuerySelector("[data-testid=children]").ShouldBeNull();
    }

    [Fact]
    public async Task The_endpoint_is_documented_in_OpenAPI()
    {
        using var doc = JsonDocument.Parse(await f.Anonymous().GetStringAsync("/openapi/v1.json"));
        var endpoint = doc.RootElement.GetProperty("paths").GetProperty(Url).GetProperty("get");
        endpoint.GetProperty("summary").GetString()!.ShouldContain("班子结构分析");
        endpoint.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ShouldContain("code");
    }

    [Fact]
    public async Task Every_signed_in_role_reaches_analytics_from_the_navigation()
    {
        foreach (var user in new[] { "county.admin", "coord.office", "dept.agri", "discipline", "town.sanxing", "town.efeng", "village.naoping" })
        {
            var client = await f.PagesAs(user);
            var home = await CunzhiFactory.Html(await client.GetAsync("/"));
            home.QuerySelector("nav a[href='/Analytics']")?.TextContent.Trim().ShouldBe("班子结构", user);
            home.QuerySelector("nav a[href='/Analytics']").ShouldNotBeNull(user);
            (await client.GetAsync("/Analytics")).StatusCode.ShouldBe(HttpStatusCode.OK, user);
        }
    }

    [Fact]
    public async Task Anonymous_visitors_of_analytics_are_sent_to_sign_in()
    {
        var anonymous = await f.Anonymous().GetAsync("/Analytics");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }
}

public sealed class AnalyticsTests_Sqlite(SqliteFactory f) : AnalyticsTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AnalyticsTests_Postgres(PostgresFactory f) : AnalyticsTests<PostgresFactory>(f);
