using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>Every weekly-rhythm, evidence, reminder, meter, event, ranking and policy endpoint and page, for every role and for visitors.</summary>
public abstract class BurdenAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Coord = "coord.office", Dept = "dept.agri", Discipline = "discipline", Town = "town.sanxing", Village = "village.naoping";
    private static readonly string[] Everyone = [County, Coord, Dept, Discipline, Town, Village];

    // (method, url, body, roles allowed). Bodies are invalid or ids unknown on purpose: an allowed role gets 400/404/200, never 403, and nothing changes.
    public static TheoryData<string, string, string, string> Endpoints => new()
    {
        { "GET", "/api/v1/tasks/board", "", $"{Town},{County}" },
        { "GET", "/api/v1/tasks/evidence", "", $"{Village},{Town},{County},{Coord},{Dept}" },
        { "GET", "/api/v1/tasks/evidence/999999", "", $"{Village},{Town},{County},{Coord},{Dept}" },
        { "POST", "/api/v1/tasks/weekly/999999/evidence", "file", Village },
        { "GET", "/api/v1/burden/reminders", "", $"{Village},{Town},{County}" },
        { "GET", "/api/v1/burden/reminders/unread", "", $"{Village},{Town},{County}" },
        { "POST", "/api/v1/burden/reminders/999999/read", "{}", $"{Village},{Town},{County}" },
        { "POST", "/api/v1/burden/reminders/read-all", "{}", $"{Village},{Town},{County}" },
        { "GET", "/api/v1/burden/policy", "", $"{County},{Coord},{Town},{Discipline}" },
        { "PUT", "/api/v1/burden/policy", """{"rankingIntervalMonths":0,"assessmentItemCap":10,"baselineMonths":3}""", County },
        { "GET", "/api/v1/burden/events", "", $"{County},{Coord},{Town},{Discipline}" },
        { "POST", "/api/v1/burden/events", """{"kind":"Meeting","date":"2025-01-01","organizer":"","title":"","villages":[]}""", Town },
        { "DELETE", "/api/v1/burden/events/999999", "", Town },
        { "GET", "/api/v1/burden/meter", "", $"{County},{Coord},{Town},{Discipline},{Village}" },
        { "GET", "/api/v1/burden/rankings", "", $"{County},{Coord},{Town},{Discipline}" },
        { "GET", "/api/v1/burden/rankings/status", "", $"{County},{Town}" },
        { "POST", "/api/v1/burden/rankings", """{"kind":"Village","title":"","period":""}""", $"{County},{Town}" },
        { "POST", "/api/v1/burden/rankings/999999/publish", "{}", $"{County},{Town}" },
        { "GET", "/api/v1/burden/assessment-items", "", $"{County},{Coord},{Town},{Discipline}" },
        { "POST", "/api/v1/burden/assessment-items", """{"year":2030,"title":""}""", Town },
        { "DELETE", "/api/v1/burden/assessment-items/999999", "", Town },
        { "GET", "/api/v1/burden/webhooks", "", $"{Town},{County}" },
        { "PUT", "/api/v1/burden/webhooks", """{"kind":"WeCom","url":""}""", $"{Town},{County}" },
        { "DELETE", "/api/v1/burden/webhooks/DingTalk", "", $"{Town},{County}" },
        { "GET", "/api/v1/tasks/requests/import/template", "", Dept },
        { "POST", "/api/v1/tasks/requests/import/xlsx", "file", Dept },
        { "GET", "/api/v1/tasks/requests?channel=Import", "", $"{Dept},{Coord},{County},{Discipline}" },
    };

    private static HttpRequestMessage Request(string method, string url, string body)
    {
        var m = new HttpRequestMessage(new HttpMethod(method), url);
        if (body == "file")
        {
            var form = new MultipartFormDataContent();
            form.Add(new ByteArrayContent([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1]), "file", "a.png");
            m.Content = form;
        }
        else if (body.Length > 0) m.Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json");
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
                response.StatusCode.ShouldBeOneOf([HttpStatusCode.OK, HttpStatusCode.BadRequest, HttpStatusCode.NotFound, HttpStatusCode.NoContent, HttpStatusCode.Accepted],
                    $"{who} {method} {url}: {await response.Content.ReadAsStringAsync()}");
            else response.StatusCode.ShouldBe(HttpStatusCode.Forbidden, $"{who} {method} {url}");
        }
    }

    public static TheoryData<string, string> Pages => new()
    {
        { "/Tasks/Weekly", $"{Village},{Town},{County},{Coord}" },
        { "/Tasks/Board", $"{Town},{County}" },
        { "/Tasks/Evidence", $"{Village},{Town},{County},{Coord},{Dept}" },
        { "/Burden/Messages", $"{Village},{Town},{County}" },
        { "/Burden/Webhooks", $"{Town},{County}" },
        { "/Burden/Events", $"{County},{Coord},{Town},{Discipline}" },
        { "/Burden/Meter", $"{County},{Coord},{Town},{Discipline},{Village}" },
        { "/Burden/Rankings", $"{County},{Coord},{Town},{Discipline}" },
        { "/Burden/TownAssessmentItems", $"{County},{Coord},{Town},{Discipline}" },
        { "/Burden/Policy", $"{County},{Coord},{Town},{Discipline}" },
        { "/Tasks/Requests/Import", Dept },
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
    public async Task Read_only_roles_cannot_post_the_forms()
    {
        foreach (var (who, url) in new[] { (County, "/Burden/Events"), (Coord, "/Burden/Rankings"), (Discipline, "/Burden/Policy"), (County, "/Burden/TownAssessmentItems"), (Town, "/Tasks/Weekly") })
        {
            var client = await f.PagesAs(who);
            // These roles see no post form on the page: take the token of the sign-out form and post anyway.
            var token = (await CunzhiFactory.Html(await client.GetAsync(url))).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
            var response = await client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string> { ["Title"] = "x", ["__RequestVerificationToken"] = token }));
            (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true)
                .ShouldBeTrue($"{who} POST {url}: {response.StatusCode}");
        }
    }
}

public sealed class BurdenAccessTests_Sqlite(SqliteFactory f) : BurdenAccessTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class BurdenAccessTests_Postgres(PostgresFactory f) : BurdenAccessTests<PostgresFactory>(f);
