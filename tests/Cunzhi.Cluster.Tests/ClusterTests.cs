using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;

namespace Cunzhi.Cluster.Tests;

/// <summary>
/// The cluster of README "A cluster on one machine", started by <c>scripts/cluster.sh up</c> in a state folder of its own:
/// sign in through nginx; kill -9 one node during a stream of requests (no failed request, still signed in); start it
/// again; every periodic job's tick run by exactly one node; a report served by the standby; the primary stopped, the
/// standby promoted, the app writing again. <c>down</c> always runs. Needs nginx and PostgreSQL's server programs (test.sh
/// leaves this class out, with a warning, where they are missing outside CI).
/// </summary>
[Trait("Category", "Cluster")]
public sealed class ClusterTests(ITestOutputHelper output)
{
    private const string User = "town.sanxing";
    private const string Password = "Cunzhi#2026";
    private static readonly Regex TickLine = new(@"任务 (\S+) 时段 (\S+) 已由本节点完成", RegexOptions.Compiled);

    private readonly string _state = Path.Combine(Path.GetTempPath(), "cunzhi-cluster-test");
    private readonly string _lb = "http://127.0.0.1:" + (Environment.GetEnvironmentVariable("CUNZHI_CLUSTER_PORT") is { Length: > 0 } p ? p : "5300");

    [Fact]
    public async Task Two_nodes_behind_nginx_survive_a_killed_node_and_a_failover()
    {
        var total = Stopwatch.StartNew();
        await ClusterAsync("down");
        try
        {
            var up = Stopwatch.StartNew();
            await ClusterAsync("up", TimeSpan.FromMinutes(8));
            Say($"up: {up.Elapsed.TotalSeconds:0.0} s");

            // Sign in through nginx (the form's antiforgery token and the cookie may come from different nodes).
            var cookies = new CookieContainer();
            using var http = new HttpClient(new SocketsHttpHandler { CookieContainer = cookies, AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromSeconds(2) })
            { BaseAddress = new Uri(_lb), Timeout = TimeSpan.FromSeconds(60) };
            await SignInAsync(http);
            (await http.GetAsync("/Cadres?page=1")).StatusCode.ShouldBe(HttpStatusCode.OK);

            // A stream of GETs from four clients; node 1 is killed (kill -9) two seconds in.
            var stream = await StreamAsync(http, TimeSpan.FromSeconds(12), async () =>
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                await ClusterAsync("node-kill 1");
            });
            Say($"stream while node 1 was killed: {stream.Requests} requests, {stream.Failed} failed, {stream.Retried} retried by nginx, served by {string.Join(", ", stream.Upstreams)}");
            stream.Failures.ShouldBeEmpty();
            stream.Requests.ShouldBeGreaterThan(20);

            // Node 1 again: it serves once more, and the user is still signed in.
            var restart = Stopwatch.StartNew();
            await ClusterAsync("node-start 1", TimeSpan.FromMinutes(4));
            Say($"node 1 ready again after {restart.Elapsed.TotalSeconds:0.0} s");
            var after = await StreamAsync(http, TimeSpan.FromSeconds(2), until: s => s.Upstreams.Any(u => u.EndsWith(":" + NodePort(1))), limit: TimeSpan.FromSeconds(60));
            Say($"stream after the restart: {after.Requests} requests, {after.Failed} failed, served by {string.Join(", ", after.Upstreams)}");
            after.Failures.ShouldBeEmpty();
            after.Upstreams.ShouldContain(u => u.EndsWith(":" + NodePort(1)));

            // Periodic work: every job's tick run by exactly one node (both nodes log the ticks they ran).
            var ticks = await PollSync(TimeSpan.FromSeconds(90), () =>
            {
                var runs = TickRuns();
                return runs.Count(r => r.Job.StartsWith("reminders:")) >= 2 ? runs : null;
            }) ?? TickRuns();
            foreach (var g in ticks.GroupBy(r => (r.Job, r.Tick)).OrderBy(g => g.Key.Tick))
                Say($"tick {g.Key.Tick} {g.Key.Job}: run by {string.Join(", ", g.Select(r => r.Node))}");
            ticks.ShouldContain(r => r.Job.StartsWith("reminders:"));
            ticks.GroupBy(r => (r.Job, r.Tick)).Where(g => g.Count() > 1).Select(g => $"{g.Key.Job} {g.Key.Tick}").ShouldBeEmpty();

            // A report read on the standby: the app names the server in X-Cunzhi-Read-From (after the sign-in, a write,
            // the first reads may go to the primary until the standby has replayed it).
            var standby = await PollAsync(TimeSpan.FromSeconds(60), async () =>
            {
                var r = await http.GetAsync("/Matters/Stats");
                r.StatusCode.ShouldBe(HttpStatusCode.OK);
                return r.Headers.TryGetValues("X-Cunzhi-Read-From", out var v) && v.Single() == "standby" ? r : null;
            });
            standby.ShouldNotBeNull("诉求统计一直没有在备库上读取");
            (await ClusterAsync("psql standby -Atc \"SELECT pg_is_in_recovery()\"")).Trim().ShouldEndWith("t");
            Say("report /Matters/Stats served by the standby (X-Cunzhi-Read-From: standby; the standby is in recovery)");

            // Failover: stop the primary, promote the standby; the nodes find the new primary by themselves.
            await ClusterAsync("primary-stop");
            var promoted = Stopwatch.StartNew();
            await ClusterAsync("promote");
            var attempts = 0;
            var wrote = await PollAsync(TimeSpan.FromSeconds(90), async () =>
            {
                attempts++;
                // A token sign-in writes its audit entry: 200 only once that commit succeeded on the new primary.
                var r = await http.PostAsJsonAsync("/api/v1/auth/token", new { userName = User, password = Password });
                return r.IsSuccessStatusCode ? r : null;
            });
            wrote.ShouldNotBeNull("提升备库后应用没有重新连上主库");
            Say($"failover: first successful write {promoted.Elapsed.TotalSeconds:0.0} s after the promote command ({attempts} attempts)");
            // Each node's pool still holds connections the stopped primary closed: the first query on each of them fails
            // (57P01) and Npgsql drops it, so a page may answer 500 a few times on the node that did not take the write.
            // What must hold: within the limit both pages answer 200 and the reader is still signed in.
            var failedAfter = 0;
            var page = await PollAsync(TimeSpan.FromSeconds(60), async () =>
            {
                var r = await http.GetAsync("/Cadres?page=1");
                if (r.StatusCode == HttpStatusCode.OK) return r;
                failedAfter++;
                return null;
            });
            page.ShouldNotBeNull("提升备库后名册页面没有恢复");
            (await ClusterAsync("psql standby -Atc \"SELECT pg_is_in_recovery()\"")).Trim().ShouldEndWith("f");
            var report = await PollAsync(TimeSpan.FromSeconds(60), async () =>
            {
                var r = await http.GetAsync("/Matters/Stats");
                if (r.StatusCode == HttpStatusCode.OK) return r;
                failedAfter++;
                return null;
            });
            report.ShouldNotBeNull("提升备库后统计页面没有恢复");
            Say($"after the failover: {failedAfter} page request(s) failed before both pages answered 200");
            report.Headers.GetValues("X-Cunzhi-Read-From").Single().ShouldBe("primary"); // no standby left: prefer-standby falls back
            Say($"total: {total.Elapsed.TotalSeconds:0.0} s");
        }
        catch
        {
            await DumpLogsAsync();
            throw;
        }
        finally
        {
            await ClusterAsync("down", check: false);
        }
    }

    private sealed record StreamResult(int Requests, int Failed, int Retried, IReadOnlyList<string> Failures, IReadOnlyList<string> Upstreams);

    /// <summary>Four clients sharing the signed-in cookie GET the cadre list; a failure is anything but 200 (a 302 to the sign-in page is a logout).</summary>
    private static async Task<StreamResult> StreamAsync(HttpClient http, TimeSpan length, Func<Task>? during = null, Func<StreamResult, bool>? until = null, TimeSpan? limit = null)
    {
        var requests = 0; var retried = 0;
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var upstreams = new System.Collections.Concurrent.ConcurrentDictionary<string, int>();
        StreamResult Snapshot() => new(requests, failures.Count, retried, [.. failures], [.. upstreams.Keys.Order()]);
        var stop = DateTime.UtcNow + (limit ?? length);
        var minimum = DateTime.UtcNow + length;
        using var cts = new CancellationTokenSource();
        async Task Client()
        {
            while (!cts.IsCancellationRequested)
            {
                if (DateTime.UtcNow > stop || (DateTime.UtcNow > minimum && (until is null || until(Snapshot())))) { await cts.CancelAsync(); break; }
                Interlocked.Increment(ref requests);
                try
                {
                    using var r = await http.GetAsync("/Cadres?page=1");
                    await r.Content.ReadAsByteArrayAsync();
                    if (r.Headers.TryGetValues("X-Cunzhi-Upstream", out var v))
                    {
                        var addresses = v.Single().Split(',', StringSplitOptions.TrimEntries);
                        if (addresses.Length > 1) Interlocked.Increment(ref retried);
                        upstreams.TryAdd(addresses[^1], 0);
                    }
                    if (r.StatusCode != HttpStatusCode.OK) failures.Enqueue($"{(int)r.StatusCode} {r.Headers.Location}");
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.GetType().Name + ": " + e.Message);
                }
            }
        }
        var clients = Enumerable.Range(0, 4).Select(_ => Task.Run(Client)).ToList();
        if (during is not null) await during();
        await Task.WhenAll(clients);
        return Snapshot();
    }

    private async Task SignInAsync(HttpClient http)
    {
        var form = await http.GetStringAsync("/Account/Login");
        var token = Regex.Match(form, "name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"").Groups[1].Value;
        if (token.Length == 0) token = Regex.Match(form, "value=\"([^\"]+)\"[^>]*name=\"__RequestVerificationToken\"").Groups[1].Value;
        var response = await http.PostAsync("/Account/Login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["UserName"] = User, ["Password"] = Password, ["__RequestVerificationToken"] = token,
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, $"经 nginx 登录失败：{(int)response.StatusCode}");
        Say("signed in through nginx as " + User);
    }

    private sealed record TickRun(string Node, string Job, string Tick);

    private List<TickRun> TickRuns() =>
        [.. new[] { 1, 2 }.SelectMany(n =>
        {
            var file = Path.Combine(_state, $"node{n}.log");
            if (!File.Exists(file)) return new List<TickRun>();
            using var reader = new StreamReader(new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite));
            return TickLine.Matches(reader.ReadToEnd()).Select(m => new TickRun("node " + n, m.Groups[1].Value, m.Groups[2].Value)).ToList();
        })];

    private static string NodePort(int n) =>
        Environment.GetEnvironmentVariable($"CUNZHI_CLUSTER_NODE{n}_PORT") is { Length: > 0 } p ? p : (5300 + n).ToString();

    private static async Task<T?> PollAsync<T>(TimeSpan limit, Func<Task<T?>> probe) where T : class
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            try
            {
                if (await probe() is { } found) return found;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > until) return null;
            await Task.Delay(500);
        }
    }

    private static Task<T?> PollSync<T>(TimeSpan limit, Func<T?> probe) where T : class => PollAsync(limit, () => Task.FromResult(probe()));

    private async Task<string> ClusterAsync(string arguments, TimeSpan? timeout = null, bool check = true)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"{Path.Combine(Root, "scripts", "cluster.sh")} {arguments}");
        start.Environment["CUNZHI_CLUSTER_STATE"] = _state;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"cluster.sh {arguments} 超时");
        }
        var text = await stdout + await stderr;
        if (check && process.ExitCode != 0) throw new InvalidOperationException($"cluster.sh {arguments} 失败（{process.ExitCode}）：\n{text}");
        return text;
    }

    private async Task DumpLogsAsync()
    {
        foreach (var name in new[] { "node1.log", "node2.log", "nginx/error.log", "pg/primary.log", "pg/standby.log" })
        {
            var file = Path.Combine(_state, name);
            if (!File.Exists(file)) continue;
            var lines = await File.ReadAllLinesAsync(file);
            Say($"--- {name} (last 40 lines)\n" + string.Join('\n', lines.TakeLast(40)));
        }
    }

    private void Say(string line)
    {
        output.WriteLine(line);
        Console.WriteLine("cluster-test: " + line);
    }

    private static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Cunzhi.slnx"))) return dir.FullName;
            throw new InvalidOperationException("找不到仓库根目录（Cunzhi.slnx）");
        }
    }
}
