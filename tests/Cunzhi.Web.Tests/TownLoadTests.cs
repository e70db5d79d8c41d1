using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 乡镇工作量 on the burden meter: visits and matters escalated to the town count as the town's own work per month, and
/// never as a village's load. Each test arranges its own village of 三兴镇 and compares before and after.
/// </summary>
public abstract class TownLoadTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 800;
    private static DateOnly Today => China.Today;
    private static string ThisMonth => $"{Today:yyyy-MM}";

    private async Task<(string Village, long[] Households)> VillageAsync(int households)
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"工作量测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        var homes = Enumerable.Range(1, households).Select(i => new Household { RegionCode = code, Number = $"W{i:000}", HeadName = $"工作户{i}" }).ToList();
        db.AddRange(homes);
        await db.SaveChangesAsync();
        return (code, homes.Select(h => h.Id).ToArray());
    }

    private async Task VisitAsync(HttpClient api, string village, long[] homes)
    {
        var r = await api.PostAsJsonAsync("/api/v1/visits/rounds", new
        {
            name = "工作量走访", fromDate = Today.AddDays(-3), toDate = Today.AddDays(10), villages = new[] { village }, officials = new[] { Town },
        });
        var round = (await r.Content.ReadFromJsonAsync<RoundView>(CunzhiFactory.Json))!;
        foreach (var h in homes)
        {
            var v = await api.PostAsJsonAsync($"/api/v1/visits/rounds/{round.Id}/visits", new { householdId = h, matters = new[] { new { kind = "MicroMatter", title = "修水管" } } });
            v.StatusCode.ShouldBe(HttpStatusCode.Created, await v.Content.ReadAsStringAsync());
        }
    }

    private static async Task<TownLoadMonth> ThisMonthAsync(HttpClient api) =>
        (await api.GetFromJsonAsync<List<TownLoadMonth>>($"/api/v1/burden/meter/town-load?region={Demo.Sanxing}&month={Today:yyyy-MM-dd}", CunzhiFactory.Json))!
            .Single(m => m.Month == new DateOnly(Today.Year, Today.Month, 1));

    [Fact]
    public async Task The_town_load_counts_the_visits_made_in_the_month()
    {
        var (village, homes) = await VillageAsync(3);
        var api = await f.ApiAs(Town);
        var before = await ThisMonthAsync(api);
        await VisitAsync(api, village, homes);
        (await ThisMonthAsync(api)).Visits.ShouldBe(before.Visits + 3);
    }

    [Fact]
    public async Task The_town_load_counts_the_matters_escalated_to_the_town()
    {
        var api = await f.ApiAs(Town);
        var before = await ThisMonthAsync(api);
        var naoping = await f.ApiAs("village.naoping");
        var created = await naoping.PostAsJsonAsync("/api/v1/matters", new { kind = "Problem", source = "WalkIn", title = "桥梁加固" });
        var m = (await created.Content.ReadFromJsonAsync<MatterRegistered>(CunzhiFactory.Json))!;
        (await naoping.PostAsJsonAsync($"/api/v1/matters/{m.Matter.Id}/escalate", new { version = m.Matter.Version, reason = "村里无力解决" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await ThisMonthAsync(api)).Escalated.ShouldBe(before.Escalated + 1);
    }

    [Fact]
    public async Task Visits_leave_a_villages_load_unchanged()
    {
        var (village, homes) = await VillageAsync(2);
        var api = await f.ApiAs(Town);
        async Task<int> LoadAsync() => (await api.GetFromJsonAsync<MeterReport>($"/api/v1/burden/meter?region={village}&month={Today:yyyy-MM-dd}", CunzhiFactory.Json))!.Summary.Total;
        var before = await LoadAsync();
        await VisitAsync(api, village, homes);
        (await LoadAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task The_towns_meter_page_shows_the_town_load()
    {
        var (village, homes) = await VillageAsync(1);
        await VisitAsync(await f.ApiAs(Town), village, homes);
        var doc = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync($"/Burden/Meter?region={Demo.Sanxing}&month={ThisMonth}"));
        int.Parse(doc.QuerySelector($"[data-testid=town-load] tr[data-month='{ThisMonth}']")!.GetAttribute("data-visits")!).ShouldBeGreaterThanOrEqualTo(1);
    }

    [Fact]
    public async Task The_town_load_needs_a_town()
    {
        var r = await (await f.ApiAs(Town)).GetAsync($"/api/v1/burden/meter/town-load?region={Demo.Naoping}");
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("请指定乡镇");
    }
}

public sealed class TownLoadTests_Sqlite(SqliteFactory f) : TownLoadTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class TownLoadTests_Postgres(PostgresFactory f) : TownLoadTests<PostgresFactory>(f);
