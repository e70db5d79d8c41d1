using System.Net;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The access matrix of the reserve pool (names, birth dates) and household rosters (names, addresses, members' birth
/// dates): every endpoint and page, every role and visitors. County and town admins read and write; a village cadre
/// reads its own village (region scope); departments, the coordination office and discipline get 403 (SPEC §1: a
/// department sees its own task requests and what a task needs).
/// </summary>
public abstract class PersonalDataAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Coord = "coord.office", Dept = "dept.agri", Discipline = "discipline", Town = "town.sanxing", Village = "village.naoping";
    private static readonly string[] Everyone = [County, Coord, Dept, Discipline, Town, Village];
    private const string Readers = $"{County},{Town},{Village}";
    private const string Editors = $"{County},{Town}";
    private const string V = Demo.Naoping;

    // (method, url, body, roles allowed). Bodies are invalid and ids unknown on purpose: an allowed role gets 200/400/404/415,
    // never 403, and nothing changes. {household} is replaced by the first household of 闹坪村.
    public static TheoryData<string, string, string, string> Endpoints => new()
    {
        { "GET", "/api/v1/reserves", "", Readers },
        { "GET", $"/api/v1/reserves?code={V}", "", Readers },
        { "GET", "/api/v1/reserves/999999", "", Readers },
        { "POST", "/api/v1/reserves", "{}", Editors },
        { "PUT", "/api/v1/reserves/999999", "{}", Editors },
        { "POST", "/api/v1/reserves/999999/reviews", "{}", Editors },
        { "POST", "/api/v1/reserves/999999/appoint", "{}", Editors },
        { "GET", $"/api/v1/regions/{V}/vacancies", "", Readers },
        { "GET", "/api/v1/reserves/export", "", Readers },
        { "GET", "/api/v1/reserves/import/template", "", Editors },
        { "POST", "/api/v1/reserves/import", "multipart", Editors },
        { "GET", $"/api/v1/regions/{V}/households", "", Readers },
        { "POST", $"/api/v1/regions/{V}/households", "{}", Editors },
        { "GET", "/api/v1/households/{household}", "", Readers },
        { "GET", "/api/v1/households/999999", "", Readers },
        { "PUT", "/api/v1/households/999999", "{}", Editors },
        { "POST", "/api/v1/households/999999/residents", "{}", Editors },
        { "PUT", "/api/v1/residents/999999", "{}", Editors },
        { "DELETE", "/api/v1/residents/999999", "", Editors },
        { "GET", $"/api/v1/regions/{V}/households/export", "", Readers },
        { "GET", "/api/v1/households/import/template", "", Editors },
        { "POST", "/api/v1/households/import", "multipart", Editors },
    };

    private async Task<string> Url(string url) =>
        url.Contains("{household}") ? url.Replace("{household}", (await f.FirstHouseholdAsync(V)).ToString()) : url;

    private static HttpRequestMessage Request(string method, string url, string body)
    {
        var m = new HttpRequestMessage(new HttpMethod(method), url);
        // Imports take a multipart upload; an empty one (no file) is refused with 400 by whoever may import.
        if (body == "multipart") m.Content = new MultipartFormDataContent { { new StringContent("x"), "note" } };
        else if (body.Length > 0) m.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return m;
    }

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Only_the_listed_roles_may_call_the_endpoint(string method, string url, string body, string allowed)
    {
        url = await Url(url);
        (await f.Anonymous().SendAsync(Request(method, url, body))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {method} {url}");
        var roles = allowed.Split(',');
        foreach (var who in Everyone)
        {
            var response = await (await f.ApiAs(who)).SendAsync(Request(method, url, body));
            if (roles.Contains(who))
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.UnsupportedMediaType],
                    $"{who} {method} {url}: {await response.Content.ReadAsStringAsync()}");
            else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who} {method} {url}");
        }
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "/Reserves", Readers },
        { $"/Reserves?code={V}", Readers },
        { "/Reserves/Detail?id=999999", Readers },
        { $"/Reserves/Vacancies?code={V}", Readers },
        { $"/Reserves/Export?code={V}", Readers },
        { $"/Reserves/Create?code={V}", Editors },
        { "/Reserves/Edit?id=999999", Editors },
        { $"/Reserves/Import?code={V}", Editors },
        { $"/Regions/Households?code={V}", Readers },
        { "/Regions/Household?id={household}", Readers },
        { $"/Regions/HouseholdCreate?code={V}", Editors },
        { "/Regions/Resident?id=999999", Editors },
        { $"/Households/Export?code={V}", Readers },
        { $"/Households/Import?code={V}", Editors },
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task Only_the_listed_roles_may_open_the_page(string url, string allowed)
    {
        url = await Url(url);
        var anonymous = await f.Anonymous().GetAsync(url);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var roles = allowed.Split(',');
        foreach (var who in Everyone)
        {
            var response = await (await f.PagesAs(who)).GetAsync(url);
            if (roles.Contains(who)) response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.NotFound], $"{who} {url}");
            else (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true)
                .ShouldBeTrue($"{who} {url}: {response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task A_village_cadre_reads_its_own_village_s_households_and_reserves_and_no_other_village_s()
    {
        var village = await f.ApiAs(Village);
        (await village.GetAsync($"/api/v1/regions/{Demo.Naoping}/households")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await village.GetAsync($"/api/v1/regions/{Demo.Dongxi}/households")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/households/{await f.FirstHouseholdAsync(Demo.Dongxi)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/regions/{Demo.Dongxi}/households/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/reserves?code={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/reserves/export?code={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Departments_and_the_coordination_office_see_no_household_or_reserve_links()
    {
        foreach (var who in new[] { Dept, Coord })
        {
            var client = await f.PagesAs(who);
            var home = await CunzhiFactory.Html(await client.GetAsync("/"));
            home.QuerySelector("a[href='/Reserves']").ShouldBeNull(who);
            var region = await CunzhiFactory.Html(await client.GetAsync($"/Regions?code={V}"));
            region.QuerySelector("a[href^='/Regions/Households']").ShouldBeNull(who);
        }
        var town = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Regions?code={V}"));
        town.QuerySelector("a[href^='/Regions/Households']").ShouldNotBeNull();
    }
}

public sealed class PersonalDataAccessTests_Sqlite(SqliteFactory f) : PersonalDataAccessTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PersonalDataAccessTests_Postgres(PostgresFactory f) : PersonalDataAccessTests<PostgresFactory>(f);
