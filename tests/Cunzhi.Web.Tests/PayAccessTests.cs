using System.Net;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>The 报酬 run pages beyond who may open them (PermissionTests): read-only roles cannot post their forms.</summary>
public abstract class PayAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Coord = "coord.office", Dept = "dept.agri", Discipline = "discipline", Town = "town.sanxing", Village = "village.naoping";
    private static readonly string[] Everyone = [County, Coord, Dept, Discipline, Town, Village];
    private const string Readers = $"{County},{Town},{Discipline}";

    /// <summary>The demo's run of 三兴镇 for last month.</summary>
    private async Task<long> LastMonthsRun()
    {
        var last = China.Today.AddMonths(-1);
        var runs = await (await f.ApiAs(County)).GetStringAsync($"/api/v1/pay/runs?year={last.Year}&month={last.Month}&town={Demo.Sanxing}");
        return System.Text.Json.JsonDocument.Parse(runs).RootElement.GetProperty("items")[0].GetProperty("id").GetInt64();
    }

    [Fact]
    public async Task Run_pages_are_for_readers_only()
    {
        var id = await LastMonthsRun();
        foreach (var url in new[] { $"/Pay/Run/{id}", $"/Pay/Print/{id}" })
            foreach (var who in Everyone)
            {
                var response = await (await f.PagesAs(who)).GetAsync(url);
                if (Readers.Split(',').Contains(who)) response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{who} {url}");
                else (response.StatusCode == HttpStatusCode.Forbidden || response.Headers.Location?.ToString().Contains("AccessDenied") == true).ShouldBeTrue($"{who} {url}");
            }
    }

    [Fact]
    public async Task Roles_that_only_read_cannot_post_the_pay_forms()
    {
        var id = await LastMonthsRun();
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
