using System.Net;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Domain.Visits;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>The town whose official's visit list is measured (三兴镇) and the official (its demo account, who may record visits).</summary>
    private const string VisitTown = "360922106000";
    private const string VisitOfficial = "town.sanxing";
    /// <summary>Households assigned to the official in the measured round (a realistic round for one town official).</summary>
    private const int VisitHouseholds = 300;
    /// <summary>Every n-th of them already visited in the round.</summary>
    private const int VisitedEvery = 3;
    private const string VisitRoundName = "基准测试走访轮次";
    private const int VisitPageSize = 30;

    /// <summary>
    /// 我的走访名单 (issue #19): an official's phone list under concurrent load from a second process, as the cadre list
    /// (<see cref="HttpAsync(RunSpec)"/>): the page <c>/Visits/Mine</c> (signed in through the login form, real cookie; the
    /// round under way by default, first page of 30) and then the API <c>/api/v1/visits/rounds/{id}/mine</c> (bearer token)
    /// on the same server. Before the server starts (untimed), a round of 三兴镇 starting today gets
    /// <see cref="VisitHouseholds"/> of the town's households assigned to town.sanxing, every <see cref="VisitedEvery"/>-th
    /// visited today. No cache: every request reads the database. Target ≥ 1,000 requests/s, 0 errors.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> VisitListAsync(RunSpec spec)
    {
        var (round, planned, visited) = await PlanVisitRoundAsync(spec);
        // Before/after in the same run: with CUNZHI_BENCH_VISIT_BEFORE_WEB set to another checkout's web build output
        // (an older commit, same schema), that server is measured on the same data just before this checkout's, target by target.
        var beforeFolder = Environment.GetEnvironmentVariable(VisitBeforeWeb);
        await using var before = string.IsNullOrWhiteSpace(beforeFolder) ? null : await ServerProcess.StartAsync(spec.Database, webFolder: beforeFolder);
        await using var server = await ServerProcess.StartAsync(spec.Database);
        var results = new List<RunResult>();
        foreach (var (suffix, s) in before is null ? [("", server)] : new[] { ("-before", before), ("", server) })
        {
            var cookie = "Cookie: " + await SignInCookieAsync(s.BaseUrl, VisitOfficial);
            results.AddRange(await VisitListRunsAsync(spec with { Scenario = "visit-list-page" + suffix }, s, "/Visits/Mine", cookie, round, planned, visited));
        }
        foreach (var (suffix, s) in before is null ? [("", server)] : new[] { ("-before", before), ("", server) })
        {
            var bearer = "Authorization: Bearer " + await BearerAsync(s.BaseUrl, VisitOfficial);
            results.AddRange(await VisitListRunsAsync(spec with { Scenario = "visit-list-api" + suffix }, s, $"/api/v1/visits/rounds/{round}/mine?page=1&pageSize={VisitPageSize}",
                bearer, round, planned, visited));
        }
        return results;
    }

    /// <summary>Environment variable: the web build output of the "before" commit for <see cref="VisitListAsync"/>.</summary>
    private const string VisitBeforeWeb = "CUNZHI_BENCH_VISIT_BEFORE_WEB";

    private static async Task<IReadOnlyList<RunResult>> VisitListRunsAsync(RunSpec spec, ServerProcess server, string path, string header, long round, int planned, int visited)
    {
        var page = spec.Scenario.StartsWith("visit-list-page", StringComparison.Ordinal);
        await CheckVisitListAsync(server.BaseUrl + path, header, page, planned, visited);
        var wrk = !spec.Smoke && Which("wrk") is not null;
        var results = new List<RunResult>();
        await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpWarmupSeconds, spec);
        for (var run = 1; run <= spec.HttpRuns; run++)
        {
            var load = Memory.LoadAverage();
            var m = await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpSeconds, spec);
            m["households"] = planned;
            m["visited"] = visited;
            results.Add(Result(spec with { Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                (wrk ? $"wrk -t{spec.HttpThreads} -c{spec.HttpConnections} -d{spec.HttpSeconds}s" : $"HttpClient loop, {spec.HttpConnections} concurrent, {spec.HttpSeconds}s")
                + $" after a {spec.HttpWarmupSeconds}s warm-up, GET {path}, {VisitOfficial} ({(page ? "cookie" : "bearer token")}), round {round}: {planned} households, {visited} visited"));
            if (m["errors"] > 0) throw new InvalidOperationException($"{path} 有 {m["errors"]} 个错误响应");
        }
        await CheckVisitListAsync(server.BaseUrl + path, header, page, planned, visited);
        return results;
    }

    /// <summary>
    /// A round of 三兴镇 from today with up to <see cref="VisitHouseholds"/> of its households (by village, group, id) assigned
    /// to town.sanxing and every <see cref="VisitedEvery"/>-th visited today; returns the round, households planned and visited.
    /// </summary>
    private static async Task<(long Round, int Planned, int Visited)> PlanVisitRoundAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        var prefix = VisitTown[..9];
        var households = await db.Households.AsNoTracking().Where(h => h.RegionCode.StartsWith(prefix) && h.RegionCode != VisitTown)
            .OrderBy(h => h.RegionCode).ThenBy(h => h.GroupCode).ThenBy(h => h.Id).Take(VisitHouseholds)
            .Select(h => new { h.Id, h.RegionCode, h.GroupCode }).ToListAsync();
        if (households.Count == 0) throw new InvalidOperationException("三兴镇没有农户：请用演示数据（含万载县）");
        var round = new VisitRound
        {
            RegionCode = VisitTown, Name = VisitRoundName, FromDate = today, ToDate = today.AddDays(30), CreatedBy = "bench", CreatedAtUtc = DateTime.UtcNow,
            Assignments = households.Select(h => new VisitAssignment { RegionCode = h.RegionCode, GroupCode = h.GroupCode, HouseholdId = h.Id, Official = VisitOfficial }).ToList(),
        };
        db.Add(round);
        await db.SaveChangesAsync();
        var visited = households.Where((_, i) => i % VisitedEvery == 0).ToList();
        db.AddRange(visited.Select(h => new VisitRecord
        {
            RoundId = round.Id, RegionCode = h.RegionCode, HouseholdId = h.Id, Date = today, VisitedBy = VisitOfficial, Notes = "基准测试：家中情况正常",
            RecordedBy = VisitOfficial, RecordedAtUtc = DateTime.UtcNow,
        }));
        await db.SaveChangesAsync();
        return (round.Id, households.Count, visited.Count);
    }

    /// <summary>
    /// The list must answer 200 with the round's first page (a redirect to the login page or an empty list would count as
    /// fast answers in wrk): on the page, the round's name, 已走访 n / m and its rows; on the API, the coverage and the rows.
    /// </summary>
    private static async Task CheckVisitListAsync(string url, string header, bool page, int planned, int visited)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var colon = header.IndexOf(':');
        request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} 返回 {response.StatusCode}");
        var rows = Math.Min(planned, VisitPageSize);
        if (page)
        {
            if (!body.Contains(VisitRoundName)) throw new InvalidOperationException($"{url} 没有显示基准测试的走访轮次");
            if (!body.Contains($"已走访 {visited} / {planned} 户")) throw new InvalidOperationException($"{url} 应显示已走访 {visited} / {planned} 户");
            var shown = body.Split("data-household=\"").Length - 1;
            if (shown != rows) throw new InvalidOperationException($"{url} 应列出 {rows} 户，实为 {shown}");
            return;
        }
        var root = JsonDocument.Parse(body).RootElement;
        var items = root.GetProperty("households").GetProperty("items").GetArrayLength();
        var mine = root.GetProperty("mine");
        if (items != rows || mine.GetProperty("planned").GetInt32() != planned || mine.GetProperty("visited").GetInt32() != visited)
            throw new InvalidOperationException($"{url} 应返回 {rows} 户（{visited} / {planned}），实为 {body[..Math.Min(body.Length, 300)]}");
    }
}
