using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The town assessment-item cap holds when registrations arrive at the same instant (unique slot per town and year).</summary>
public abstract class AssessmentCapRaceTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/api/v1/burden/assessment-items";

    [Fact]
    public async Task Parallel_registrations_never_pass_the_cap()
    {
        var town = await f.ApiAs("town.efeng");
        const int year = 2040;
        for (var i = 1; i <= 8; i++)
            (await town.PostAsJsonAsync(Url, new { year, title = $"竞争事项{i}" })).StatusCode.ShouldBe(HttpStatusCode.Created);

        // Eight clients (one token each, as eight browsers would be) ask for the last two slots at once.
        var clients = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => f.ApiAs("town.efeng")));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await c.PostAsJsonAsync(Url, new { year, title = $"同时登记{i}" });
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);

        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(2, string.Join("\n", results.Select(r => $"{r.StatusCode} {r.Body}")));
        results.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        results.Where(r => r.StatusCode == HttpStatusCode.Conflict).ShouldAllBe(r => r.Body.Contains("不超过 10 项") || r.Body.Contains("请稍后重试"));
        var stored = await f.WithSystemDb(db => db.Set<AssessmentItem>().Where(i => i.RegionCode == Demo.Efeng && i.Year == year).Select(i => i.Slot).ToListAsync());
        stored.Count.ShouldBe(10);
        stored.Order().ShouldBe(Enumerable.Range(1, 10).Select(i => (int?)i));

        // A withdrawn item frees its slot for the next registration, and only one.
        var any = await f.WithSystemDb(db => db.Set<AssessmentItem>().Where(i => i.RegionCode == Demo.Efeng && i.Year == year && i.Slot == 4).Select(i => i.Id).SingleAsync());
        (await town.DeleteAsync($"{Url}/{any}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        var again = await Task.WhenAll(clients.Take(3).Select(c => c.PostAsJsonAsync(Url, new { year, title = "补登" })));
        again.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        (await f.WithSystemDb(db => db.Set<AssessmentItem>().CountAsync(i => i.RegionCode == Demo.Efeng && i.Year == year))).ShouldBe(10);
    }
}

public sealed class AssessmentCapRaceTests_Sqlite(SqliteFactory f) : AssessmentCapRaceTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AssessmentCapRaceTests_Postgres(PostgresFactory f) : AssessmentCapRaceTests<PostgresFactory>(f);
