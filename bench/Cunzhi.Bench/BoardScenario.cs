using System.Net;
using Cunzhi.Data;
using Cunzhi.Domain.Points;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>The demo village whose public board is measured (闹坪村, where the demo seeds its points).</summary>
    private const string BoardVillage = "360922106208";
    /// <summary>Entries in 公示 on the measured board: a busy month of a village (one full page of the board).</summary>
    private const int BoardEntries = 20;

    /// <summary>
    /// 积分公示栏 (issue #18): GET /Gongshi/{village} with no account under concurrent load from a second process, as the
    /// cadre list (<see cref="HttpAsync(RunSpec)"/>): wrk when installed (and not --smoke), else the HttpClient loop. The demo
    /// data's 闹坪村 board is topped up to <see cref="BoardEntries"/> entries in 公示 before the server starts (untimed).
    /// The board is served from the app's short-lived in-memory cache (PointsBoardCache, 30 s), so the runs measure
    /// rendering plus at most one database read per 30 s; target ≥ 1,000 requests/s.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> BoardAsync(RunSpec spec)
    {
        var posted = await PostBoardEntriesAsync(spec);
        await using var server = await ServerProcess.StartAsync(spec.Database);
        var path = $"/Gongshi/{BoardVillage}";
        const string header = "Accept: text/html";
        await CheckBoardAsync(server.BaseUrl + path, posted);

        var wrk = !spec.Smoke && Which("wrk") is not null;
        var results = new List<RunResult>();
        await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpWarmupSeconds, spec);
        for (var run = 1; run <= spec.HttpRuns; run++)
        {
            var load = Memory.LoadAverage();
            var m = await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpSeconds, spec);
            m["entries"] = posted;
            results.Add(Result(spec with { Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                (wrk ? $"wrk -t{spec.HttpThreads} -c{spec.HttpConnections} -d{spec.HttpSeconds}s" : $"HttpClient loop, {spec.HttpConnections} concurrent, {spec.HttpSeconds}s")
                + $" after a {spec.HttpWarmupSeconds}s warm-up, GET {path} (no account), {posted} entries in 公示"));
            if (m["errors"] > 0) throw new InvalidOperationException($"{path} 有 {m["errors"]} 个错误响应");
        }
        await CheckBoardAsync(server.BaseUrl + path, posted);
        return results;
    }

    /// <summary>Tops the demo village's board up to <see cref="BoardEntries"/> entries in 公示 (its households in turn); returns how many it shows.</summary>
    private static async Task<int> PostBoardEntriesAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        var posted = db.Set<PointsEntry>().Where(e => e.RegionCode == BoardVillage && e.State == PointsEntryState.Publicity && e.PublicityUntil >= today);
        var households = await db.Households.Where(h => h.RegionCode == BoardVillage).OrderBy(h => h.Id).Select(h => new { h.Id, h.HeadName }).ToListAsync();
        if (households.Count == 0) throw new InvalidOperationException("演示村闹坪村没有农户：请用演示数据（含万载县）");
        for (var i = await posted.CountAsync(); i < BoardEntries; i++)
        {
            var h = households[i % households.Count];
            db.Add(new PointsEntry
            {
                RegionCode = BoardVillage, HolderKind = PointsHolderKind.Household, HolderId = h.Id, HolderName = h.HeadName, Year = today.Year, Date = today,
                PolicyVersion = 1, ItemCode = "A01", ItemName = "参加村集体义务劳动", Points = 2, Note = "基准测试", State = PointsEntryState.Publicity,
                ProposerKind = PointsProposer.VillageCadre, ProposedBy = "bench", ProposedAtUtc = DateTime.UtcNow, DecidedBy = "bench.committee", DecidedAtUtc = DateTime.UtcNow,
                PublicityFrom = today, PublicityUntil = today.AddDays(4),
            });
        }
        await db.SaveChangesAsync();
        return await posted.CountAsync();
    }

    /// <summary>The board must answer 200 listing its entries (not a 404 or an error page, which wrk would count as fast answers).</summary>
    private static async Task CheckBoardAsync(string url, int posted)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} 返回 {response.StatusCode}");
        var rows = body.Split("data-entry=\"").Length - 1;
        if (rows != Math.Min(posted, 20)) throw new InvalidOperationException($"{url} 应列出 {Math.Min(posted, 20)} 条公示记录，实为 {rows}");
    }
}
