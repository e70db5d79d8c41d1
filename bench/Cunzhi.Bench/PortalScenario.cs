using System.Net;
using Cunzhi.Data;
using Cunzhi.Web.Infrastructure.Seed;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>The demo village whose public disclosure page is measured (闹坪村).</summary>
    private const string PortalVillage = "360922106208";

    /// <summary>
    /// 村务公开 public portal (issue #21): GET /Gongkai/{village} with no account under concurrent load from a second
    /// process, as the points board (<see cref="BoardAsync"/>): wrk when installed (and not --smoke), else the HttpClient
    /// loop. The demo's disclosures (<see cref="DisclosureDemo"/>: the default catalogue, last quarter's items of 闹坪村)
    /// are written before the server starts (untimed). The page is output-cached (PublicDisclosureCache, evicted when the
    /// village posts), so the runs measure the cache path; target ≥ 3,000 requests/s.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> PortalAsync(RunSpec spec)
    {
        var posted = await SeedPortalAsync(spec);
        await using var server = await ServerProcess.StartAsync(spec.Database);
        var path = $"/Gongkai/{PortalVillage}";
        const string header = "Accept: text/html";
        var shown = await CheckPortalAsync(server.BaseUrl + path);

        var wrk = !spec.Smoke && Which("wrk") is not null;
        var results = new List<RunResult>();
        await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpWarmupSeconds, spec);
        for (var run = 1; run <= spec.HttpRuns; run++)
        {
            var load = Memory.LoadAverage();
            var m = await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpSeconds, spec);
            m["disclosures"] = shown;
            results.Add(Result(spec with { Scenario = "portal", Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                (wrk ? $"wrk -t{spec.HttpThreads} -c{spec.HttpConnections} -d{spec.HttpSeconds}s" : $"HttpClient loop, {spec.HttpConnections} concurrent, {spec.HttpSeconds}s")
                + $" after a {spec.HttpWarmupSeconds}s warm-up, GET {path} (no account, output-cached), {shown} disclosures on the page ({posted} seeded)"));
            if (m["errors"] > 0) throw new InvalidOperationException($"{path} 有 {m["errors"]} 个错误响应");
        }
        await CheckPortalAsync(server.BaseUrl + path);
        return results;
    }

    /// <summary>Writes the demo's disclosures for 闹坪村 (nothing when the county already has a catalogue); returns how many were written.</summary>
    private static async Task<int> SeedPortalAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai"));
        return await new DisclosureDemo(db).SeedAsync(PortalVillage[..6] + "000000", PortalVillage, today, DateTime.UtcNow);
    }

    /// <summary>The page must answer 200 listing disclosures (not a 404 or an error page, which wrk would count as fast answers); returns how many.</summary>
    private static async Task<int> CheckPortalAsync(string url)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var response = await http.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} 返回 {response.StatusCode}");
        var shown = body.Split("data-testid=\"disclosure\"").Length - 1;
        if (shown == 0) throw new InvalidOperationException($"{url} 没有列出任何公开");
        return shown;
    }
}
