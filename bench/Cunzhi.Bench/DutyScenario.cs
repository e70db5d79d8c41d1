using System.Diagnostics;
using System.Net;
using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Web.Features.Duty;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>The county whose rosters are generated (万载县) and the village whose public duty board is measured (闹坪村).</summary>
    private const string DutyCounty = "360922000000", DutyVillage = "360922106208";

    /// <summary>
    /// 坐班值班 (issue #20), on the generated data (万载 is in every slice): first, untimed, this month's roster of every
    /// village of the county (so the board has a week to show); then each run times <see cref="DutyRosters.GenerateAllAsync"/>
    /// in process (no HTTP) as a county account for the next month not yet rostered — the real read (cadres in office, the
    /// previous month's counts, approved leave), the pure generator and the one save of every village's month; target ≤ 2 s
    /// ("duty-generate"). Then the public board GET /Zhiban/{village} with no account under concurrent load from a second
    /// process, as <see cref="BoardAsync"/> (wrk when installed and not --smoke); served from DutyBoardCache (30 s), target
    /// ≥ 1,000 requests/s ("duty-board").
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> DutyAsync(RunSpec spec)
    {
        var results = new List<RunResult>();
        await using (var app = AppServices.Build(spec.Database))
        {
            var clock = app.Services.GetRequiredService<TimeProvider>();
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(clock.GetUtcNow().UtcDateTime, "Asia/Shanghai"));
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "bench.county"), new Claim(ClaimTypes.NameIdentifier, "bench-county"), new Claim(CunzhiClaims.Region, DutyCounty),
            ], "bench"));

            async Task<GeneratedMonths> GenerateAsync(DateOnly month)
            {
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(principal);
                return await scope.ServiceProvider.GetRequiredService<DutyRosters>().GenerateAllAsync(new GenerateDutyMonths(null, month.Year, month.Month))
                       ?? throw new InvalidOperationException($"未找到县 {DutyCounty}");
            }

            var first = new DateOnly(today.Year, today.Month, 1);
            var warm = await GenerateAsync(first);
            if (warm.Villages == 0 && warm.Skipped == 0) throw new InvalidOperationException("万载县没有村：请用含万载县的数据");
            for (var run = 1; run <= spec.HttpRuns; run++)
            {
                var month = first.AddMonths(run);
                var load = Memory.LoadAverage();
                var watch = Stopwatch.StartNew();
                var generated = await GenerateAsync(month);
                watch.Stop();
                if (generated.Villages == 0 || generated.Assignments == 0) throw new InvalidOperationException($"{month:yyyy-MM} 没有生成任何值班：{generated}");
                results.Add(Result(spec with { Scenario = "duty-generate", Run = run }, watch.Elapsed.TotalSeconds, generated.Assignments, Memory.OwnPeak(), OwnPeak, load, new()
                {
                    ["villages"] = generated.Villages, ["assignments"] = generated.Assignments, ["gaps"] = generated.Gaps, ["skipped"] = generated.Skipped,
                    ["villagesPerSecond"] = generated.Villages / watch.Elapsed.TotalSeconds,
                }, $"DutyRosters.GenerateAllAsync in process (no HTTP) as a county account: every village of 万载县 with cadres in office for {month:yyyy-MM}, "
                   + "one person a day, the previous month counted; reads, generator and one save; bench process peak includes the app"));
            }
        }

        await using var server = await ServerProcess.StartAsync(spec.Database);
        var path = $"/Zhiban/{DutyVillage}";
        const string header = "Accept: text/html";
        var onDuty = await CheckDutyBoardAsync(server.BaseUrl + path);
        var wrk = !spec.Smoke && Which("wrk") is not null;
        await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpWarmupSeconds, spec);
        for (var run = 1; run <= spec.HttpRuns; run++)
        {
            var load = Memory.LoadAverage();
            var m = await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpSeconds, spec);
            m["daysOnDuty"] = onDuty;
            results.Add(Result(spec with { Scenario = "duty-board", Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                (wrk ? $"wrk -t{spec.HttpThreads} -c{spec.HttpConnections} -d{spec.HttpSeconds}s" : $"HttpClient loop, {spec.HttpConnections} concurrent, {spec.HttpSeconds}s")
                + $" after a {spec.HttpWarmupSeconds}s warm-up, GET {path} (no account), {onDuty} days listed with someone on duty"));
            if (m["errors"] > 0) throw new InvalidOperationException($"{path} 有 {m["errors"]} 个错误响应");
        }
        await CheckDutyBoardAsync(server.BaseUrl + path);
        return results;
    }

    /// <summary>The board must answer 200 with someone on duty on at least one day (not a 404 or an error page, which wrk would count as fast answers).</summary>
    private static async Task<int> CheckDutyBoardAsync(string url)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} 返回 {response.StatusCode}");
        var days = body.Split("data-testid=\"on-duty\"").Length - 1 - (body.Split("待安排").Length - 1);
        if (days <= 0) throw new InvalidOperationException($"{url} 没有列出任何值班");
        return days;
    }
}
