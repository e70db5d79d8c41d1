using System.Net;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>Every /api/v1/pay endpoint and every 报酬 page, for every role and for visitors.</summary>
public abstract class PayAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Coord = "coord.office", Dept = "dept.agri", Discipline = "discipline", Town = "town.sanxing", Village = "village.naoping";
    private static readonly string[] Everyone = [County, Coord, Dept, Discipline, Town, Village];
    private const string Readers = $"{County},{Town},{Discipline}";

    // (method, url, body, roles allowed). Bodies are invalid or ids unknown on purpose: an allowed role gets 400/404/200, never 403, and nothing changes.
    public static TheoryData<string, string, string, string> Endpoints => new()
    {
        { "GET", "/api/v1/pay/settings", "", Readers },
        { "GET", "/api/v1/pay/settings/versions/999", "", Readers },  // 404: no such version
        { "PUT", "/api/v1/pay/settings/draft", """{"effectiveFrom":"2030-01-02"}""", County },
        { "POST", "/api/v1/pay/settings/publish", "{}", County },   // 404: no draft
        { "DELETE", "/api/v1/pay/settings/draft", "", County },     // 404: no draft
        { "GET", "/api/v1/pay/runs", "", Readers },
        { "GET", "/api/v1/pay/runs/999999", "", Readers },
        { "GET", "/api/v1/pay/runs/999999/export", "", Readers },
        { "POST", "/api/v1/pay/runs", """{"year":1999,"month":13}""", Town },
        { "POST", "/api/v1/pay/runs/county", """{"year":1999,"month":13}""", County },
        { "POST", "/api/v1/pay/runs/999999/review", "{}", Town },
        { "POST", "/api/v1/pay/runs/999999/return", """{"reason":""}""", County },
        { "POST", "/api/v1/pay/runs/999999/approve", "{}", County },
        { "POST", "/api/v1/pay/runs/999999/lock", "{}", County },
        { "POST", "/api/v1/pay/runs/999999/adjustments", """{"lineId":0,"amountFen":0,"reason":""}""", Town },
        { "DELETE", "/api/v1/pay/runs/999999/adjustments/999999", "", Town },
        { "GET", "/api/v1/pay/rewards/good-secretary", "", Readers },
        { "POST", "/api/v1/pay/rewards/good-secretary", """{"cadreId":0,"year":2024,"payYear":2024,"payMonth":13}""", County },
        { "DELETE", "/api/v1/pay/rewards/good-secretary/999999", "", County },
        { "GET", "/api/v1/pay/rewards/income", "", $"{Readers},{Village}" },
        { "GET", "/api/v1/pay/rewards/income/999999", "", $"{Readers},{Village}" },
        { "PUT", "/api/v1/pay/rewards/income", """{"year":1999,"thisYearIncomeFen":0,"lastYearIncomeFen":0}""", $"{Village},{Town}" },
        { "PUT", "/api/v1/pay/rewards/income/999999/shares", """{"items":[]}""", $"{Village},{Town}" },
        { "POST", "/api/v1/pay/rewards/income/999999/approve", """{"payYear":2024,"payMonth":13}""", Town },
    };

    private static HttpRequestMessage Request(string method, string url, string body)
    {
        var m = new HttpRequestMessage(new HttpMethod(method), url);
        if (body.Length > 0) m.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
        return m;
    }

    [Theory, MemberData(nameof(Endpoints))]
    public async Task Only_the_listed_roles_may_call_the_endpoint(string method, string url, string body, string allowed)
    {
        (await f.Anonymous().SendAsync(Request(method, url, body))).StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"anonymous {method} {url}");
        var roles = allowed.Split(',');
        foreach (var who in Everyone)
        {
            var response = await (await f.ApiAs(who)).SendAsync(Request(method, url, body));
            if (roles.Contains(who))
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NoContent],
                    $"{who} {method} {url}: {await response.Content.ReadAsStringAsync()}");
            else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who} {method} {url}");
        }
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "/Pay", Readers },
        { "/Pay/Settings", Readers },
        { "/Pay/Rewards", $"{Readers},{Village}" },
    };

    [Theory, MemberData(nameof(Pages))]
    public async Task Only_the_listed_roles_may_open_the_page(string url, string allowed)
    {
        var anonymous = await f.Anonymous().GetAsync(url);
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
        var roles = allowed.Split(',');
        foreach (var who in Everyone)
        {
            var response = await (await f.PagesAs(who)).GetAsync(url);
            if (roles.Contains(who)) response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} {url}");
            else (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true)
                .ShouldBeTrue($"{who} {url}: {response.StatusCode} {response.Headers.Location}");
        }
    }

    [Fact]
    public async Task Run_pages_are_for_readers_only_and_read_only_roles_cannot_post_the_forms()
    {
        var last = China.Today.AddMonths(-1);
        var runs = await (await f.ApiAs(County)).GetStringAsync($"/api/v1/pay/runs?year={last.Year}&month={last.Month}&town={Demo.Sanxing}");
        var id = System.Text.Json.JsonDocument.Parse(runs).RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
        foreach (var url in new[] { $"/Pay/Run/{id}", $"/Pay/Print/{id}" })
            foreach (var who in Everyone)
            {
                var response = await (await f.PagesAs(who)).GetAsync(url);
                if (Readers.Split(',').Contains(who)) response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} {url}");
                else (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true).ShouldBeTrue($"{who} {url}");
            }
        foreach (var (who, url, handler) in new[] { (Discipline, $"/Pay/Run/{id}", "Approve"), (Town, $"/Pay/Run/{id}", "Lock"), (County, "/Pay", "Compute"), (Town, "/Pay", "ComputeCounty"), (Discipline, "/Pay", "ComputeCounty"), (Discipline, "/Pay/Settings", "Publish"), (Town, "/Pay/Rewards", "Grant") })
        {
            var client = await f.PagesAs(who);
            var token = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await client.PostAsync($"{url}?handler={handler}", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["ComputeYear"] = "2024", ["ComputeMonth"] = "1" }));
            (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true)
                .ShouldBeTrue($"{who} POST {url}?handler={handler}: {response.StatusCode}");
        }
    }
}

public sealed class PayAccessTests_Sqlite(SqliteFactory f) : PayAccessTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PayAccessTests_Postgres(PostgresFactory f) : PayAccessTests<PostgresFactory>(f);
