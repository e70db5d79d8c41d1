using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    /// <summary>
    /// The cadre list (page or API, first page of 20) as a town admin (town.sanxing) under concurrent load from a second
    /// process on loopback: wrk when installed (and not --smoke), else an HttpClient loop in this process. The server is
    /// the web project's own build in its own process; its peak memory is read from /proc. One server for all runs of a
    /// target, after a warm-up that is not recorded.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> HttpAsync(RunSpec spec)
    {
        await using var server = await ServerProcess.StartAsync(spec.Database);
        if (spec.Scenario != "http") return await HttpAsync(spec, server);
        // The page first, then the API, on the same server: the API's peak covers both.
        return [.. await HttpAsync(spec with { Scenario = "http-page" }, server), .. await HttpAsync(spec with { Scenario = "http-api" }, server)];
    }

    private static async Task<IReadOnlyList<RunResult>> HttpAsync(RunSpec spec, ServerProcess server)
    {
        var page = spec.Scenario == "http-page";
        var path = page ? "/Cadres?page=1" : "/api/v1/cadres?page=1&pageSize=20";
        var header = page ? "Cookie: " + await SignInCookieAsync(server.BaseUrl, "town.sanxing") : "Authorization: Bearer " + await BearerAsync(server.BaseUrl, "town.sanxing");
        await CheckAsync(server.BaseUrl + path, header, page);

        var wrk = !spec.Smoke && Which("wrk") is not null;
        var results = new List<RunResult>();
        // Warm-up: JIT (tiered compilation needs tens of seconds of load on two busy cores to reach optimised code;
        // 5 seconds left the first measured run at half the later ones), EF query caches, connection pools.
        await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpWarmupSeconds, spec);
        for (var run = 1; run <= spec.HttpRuns; run++)
        {
            var load = Memory.LoadAverage();
            var m = await LoadAsync(wrk, server.BaseUrl + path, header, spec.HttpSeconds, spec);
            var errors = m["errors"];
            results.Add(Result(spec with { Run = run }, m["seconds"], (long)m["requests"], server.PeakBytes(), ServerPeak, load, m,
                (wrk ? $"wrk -t{spec.HttpThreads} -c{spec.HttpConnections} -d{spec.HttpSeconds}s" : $"HttpClient loop, {spec.HttpConnections} concurrent, {spec.HttpSeconds}s")
                + $" after a {spec.HttpWarmupSeconds}s warm-up, GET {path}, town.sanxing ({(page ? "cookie" : "bearer token")}); server peak is over its whole life so far (page runs first, then API)"));
            if (errors > 0) throw new InvalidOperationException($"{path} 有 {errors} 个错误响应");
        }
        await CheckAsync(server.BaseUrl + path, header, page);
        return results;
    }

    private static async Task<Dictionary<string, double>> LoadAsync(bool wrk, string url, string header, int seconds, RunSpec spec) =>
        wrk ? await WrkAsync(url, header, seconds, spec) : await LoopAsync(url, header, seconds, spec.HttpConnections);

    private static async Task<Dictionary<string, double>> WrkAsync(string url, string header, int seconds, RunSpec spec)
    {
        var script = Path.Combine(Paths.Scratch, "report.lua");
        Directory.CreateDirectory(Paths.Scratch);
        await File.WriteAllTextAsync(script, """
            done = function(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("BENCH-WRK {\"requests\":%d,\"durationUs\":%d,\"connect\":%d,\"read\":%d,\"write\":%d,\"status\":%d,\"timeout\":%d,\"p50\":%d,\"p95\":%d,\"p99\":%d,\"max\":%d,\"mean\":%f}\n",
                summary.requests, summary.duration, e.connect, e.read, e.write, e.status, e.timeout,
                latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, latency.mean))
            end
            """);
        var start = new ProcessStartInfo("wrk") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { $"-t{spec.HttpThreads}", $"-c{spec.HttpConnections}", $"-d{seconds}s", "--timeout", "10s", "-s", script, "-H", header, url })
            start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stdout = await process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        var line = stdout.Split('\n').FirstOrDefault(l => l.StartsWith("BENCH-WRK ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"wrk 没有输出结果：{stdout}\n{stderr}");
        var j = JsonDocument.Parse(line["BENCH-WRK ".Length..]).RootElement;
        double D(string n) => j.GetProperty(n).GetDouble();
        var duration = D("durationUs") / 1e6;
        return new()
        {
            ["requests"] = D("requests"), ["seconds"] = duration, ["requestsPerSecond"] = D("requests") / duration,
            ["p50Ms"] = D("p50") / 1000, ["p95Ms"] = D("p95") / 1000, ["p99Ms"] = D("p99") / 1000, ["maxMs"] = D("max") / 1000, ["meanMs"] = D("mean") / 1000,
            ["errors"] = D("connect") + D("read") + D("write") + D("status") + D("timeout"), ["connections"] = spec.HttpConnections,
        };
    }

    private static async Task<Dictionary<string, double>> LoopAsync(string url, string header, int seconds, int concurrency)
    {
        using var handler = new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false, MaxConnectionsPerServer = concurrency };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        var colon = header.IndexOf(':');
        var (name, value) = (header[..colon], header[(colon + 1)..].Trim());
        var latencies = new List<double>[concurrency];
        var errors = 0;
        var watch = Stopwatch.StartNew();
        var until = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async w =>
        {
            var mine = latencies[w] = [];
            while (watch.Elapsed < until)
            {
                var t = Stopwatch.GetTimestamp();
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                request.Headers.TryAddWithoutValidation(name, value);
                try
                {
                    using var response = await http.SendAsync(request);
                    await response.Content.CopyToAsync(Stream.Null);
                    if (response.StatusCode != HttpStatusCode.OK) Interlocked.Increment(ref errors);
                }
                catch (HttpRequestException) { Interlocked.Increment(ref errors); }
                mine.Add(Stopwatch.GetElapsedTime(t).TotalMilliseconds);
            }
        }));
        var elapsed = watch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double p) => all.Length == 0 ? 0 : all[Math.Min(all.Length - 1, (int)Math.Ceiling(p / 100 * all.Length) - 1)];
        return new()
        {
            ["requests"] = all.Length, ["seconds"] = elapsed, ["requestsPerSecond"] = all.Length / elapsed,
            ["p50Ms"] = P(50), ["p95Ms"] = P(95), ["p99Ms"] = P(99), ["maxMs"] = all.LastOrDefault(), ["meanMs"] = all.Length == 0 ? 0 : all.Average(),
            ["errors"] = errors, ["connections"] = concurrency,
        };
    }

    /// <summary>The page must answer 200 with cadre rows (a redirect to the login page would count as success in wrk).</summary>
    private static async Task CheckAsync(string url, string header, bool page)
    {
        using var http = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        var colon = header.IndexOf(':');
        request.Headers.TryAddWithoutValidation(header[..colon], header[(colon + 1)..].Trim());
        using var response = await http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK) throw new InvalidOperationException($"{url} 返回 {response.StatusCode}");
        if (page)
        {
            if (!body.Contains("三兴镇") && !body.Contains("村干部")) throw new InvalidOperationException($"{url} 不像干部列表页");
            return;
        }
        var items = JsonDocument.Parse(body).RootElement.GetProperty("items").GetArrayLength();
        if (items != 20) throw new InvalidOperationException($"{url} 应返回 20 行，实为 {items}");
    }

    private static async Task<string> BearerAsync(string baseUrl, string user)
    {
        using var api = new HttpClient { BaseAddress = new Uri(baseUrl) };
        return await TokenAsync(api, user);
    }

    /// <summary>Signs in through the login form (antiforgery token included) and returns the Cookie header's value.</summary>
    private static async Task<string> SignInCookieAsync(string baseUrl, string user)
    {
        var cookies = new CookieContainer();
        using var http = new HttpClient(new HttpClientHandler { CookieContainer = cookies, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl) };
        var form = await http.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        if (token.Length == 0) token = Regex.Match(form, "value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"").Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = user, ["Password"] = "Cunzhi#2026", ["__RequestVerificationToken"] = token,
        }));
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"{user} 登录失败：{response.StatusCode}");
        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    private static string? Which(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists);
}
