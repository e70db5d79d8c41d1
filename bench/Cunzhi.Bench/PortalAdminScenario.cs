using System.Net;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>The admin page loaded while the portal is measured: the town's disclosure calendar (all its villages' dues).</summary>
    private const string PortalAdminPath = "/Disclosure/Calendar";

    /// <summary>
    /// The public portal (<see cref="PortalAsync"/>) with the admin side under load at the same time (issue #21): one load
    /// generator on GET /Gongkai/{village} (no account, output-cached) and a second, with a quarter of the connections and
    /// one thread, on the signed-in town's <c>/Disclosure/Calendar</c> (not cached: each request computes every village's
    /// dues). Both run for the same seconds on one server; the result is the portal's requests/s, p95 and errors, with the
    /// admin side's as <c>admin*</c> metrics. Runs on whichever database the run is for (SQLite or PostgreSQL).
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> PortalAdminAsync(RunSpec spec)
    {
        var posted = await SeedPortalAsync(spec);
        await using var server = await ServerProcess.StartAsync(spec.Database);
        var path = $"/Gongkai/{PortalVillage}";
        const string header = "Accept: text/html";
        var shown = await CheckPortalAsync(server.BaseUrl + path);
        var cookie = "Cookie: " + await SignInCookieAsync(server.BaseUrl, "town.sanxing");
        await CheckPortalAdminAsync(server.BaseUrl + PortalAdminPath, cookie);
        var adminSpec = spec with { HttpConnections = Math.Max(1, spec.HttpConnections / 4), HttpThreads = 1 };

        var wrk = !spec.Smoke && Which("wrk") is not null;
        var results = new List<RunResult>();
        await Task.WhenAll(LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpWarmupSeconds, spec),
            LoadAsync(wrk, server.BaseUrl + PortalAdminPath, cookie, spec.HttpWarmupSeconds, adminSpec));
        for (var run = 1; run <= spec.HttpRuns; run++)
        {
            var load = Memory.LoadAverage();
            var portal = LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpSeconds, spec);
            var admin = LoadAsync(wrk, server.BaseUrl + PortalAdminPath, cookie, spec.HttpSeconds, adminSpec);
            await Task.WhenAll(portal, admin);
            var m = await portal;
            foreach (var (k, v) in await admin) m["admin" + char.ToUpperInvariant(k[0]) + k[1..]] = v;
            m["disclosures"] = shown;
            results.Add(Result(spec with { Scenario = "portal-admin", Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                (wrk ? $"wrk -t{spec.HttpThreads} -c{spec.HttpConnections} -d{spec.HttpSeconds}s on the portal and wrk -t1 -c{adminSpec.HttpConnections} on the admin page"
                     : $"HttpClient loops, {spec.HttpConnections} and {adminSpec.HttpConnections} concurrent, {spec.HttpSeconds}s")
                + $" at the same time after a {spec.HttpWarmupSeconds}s warm-up: GET {path} (no account, output-cached; {shown} disclosures, {posted} seeded)"
                + $" and GET {PortalAdminPath} signed in as town.sanxing"));
            if (m["errors"] > 0) throw new InvalidOperationException($"{path} 有 {m["errors"]} 个错误响应");
            if (m["adminErrors"] > 0) throw new InvalidOperationException($"{PortalAdminPath} 有 {m["adminErrors"]} 个错误响应");
        }
        await CheckPortalAdminAsync(server.BaseUrl + PortalAdminPath, cookie);
        return results;
    }

    /// <summary>The admin page must answer 200 with the calendar (a redirect to the login page would count as a fast answer).</summary>
    private static async Task CheckPortalAdminAsync(string url, string cookie)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("Cookie", cookie["Cookie: ".Length..]);
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} 返回 {response.StatusCode}");
        if (!body.Contains("data-testid=\"dues\"")) throw new InvalidOperationException($"{url} 不像公开日历页");
    }
}
