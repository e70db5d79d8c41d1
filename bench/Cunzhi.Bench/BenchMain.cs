using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text.Json;
using Npgsql;

namespace Cunzhi.Bench;

/// <summary>
/// Runs the scenarios (each run in a child process of its own, so its peak memory is its own) and writes the results
/// to bench/results.json and the generated part of BENCHMARKS.md.
/// </summary>
public static class BenchMain
{
    public const string Usage = """
        用法: Cunzhi.Bench [--smoke] [--provider sqlite,postgres] [--only generate,import,paylines,payroll,http,audit,growth,redeem,points,sla,matter-stats,duty,visit-list,portal,portal-admin,supervision-overview]
                          [--scale province|county|<cadres>] [--households-per-village 250] [--import-rows 100000]
                          [--paylines 100000] [--audit-entries 1000000] [--growth 10000,100000,1000000]
                          [--national-paylines 10000,100000,1000000,3200000] [--runs 3] [--slow-runs 3]
                          [--http-seconds 20] [--http-warmup 20] [--http-connections 32] [--http-threads 2] [--postgres 连接串]
                          [--points-entries 10000000] [--points-households-per-village 25] [--points-samples 2000] [--sla-matters 1000000]
                          [--results bench/results.json] [--report BENCHMARKS.md|none] [--in-process]
        PostgreSQL: CUNZHI_TEST_POSTGRES（bench/run.sh 像 scripts/postgres.sh 那样启动本机集群）。
        """;

    public static async Task<int> RunAsync(string[] args, TextWriter o)
    {
        if (args is ["one", var json])
        {
            // A child: one run, results on stdout.
            var spec = JsonSerializer.Deserialize<RunSpec>(json, ResultStore.Json)!;
            foreach (var r in await Scenarios.RunAsync(spec))
                o.WriteLine("BENCH-RESULT " + JsonSerializer.Serialize(r, JsonSerializerOptions.Web));
            return 0;
        }
        if (args.Contains("--help") || args.Contains("-h"))
        {
            o.WriteLine(Usage);
            return 0;
        }
        BenchOptions options;
        try
        {
            options = BenchOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException)
        {
            o.WriteLine($"错误：{e.Message}\n{Usage}");
            return 1;
        }
        return await new Orchestrator(options, o).RunAsync();
    }
}

internal sealed class Orchestrator(BenchOptions options, TextWriter o)
{
    private readonly List<RunResult> _results = [];
    private readonly List<string> _failures = [];

    public async Task<int> RunAsync()
    {
        var machine = _machine = await MachineAsync();
        o.WriteLine($"bench: {machine.Cores} 核，内存 {machine.MemoryBytes / (1L << 30)} GiB，负载 {Memory.LoadAverage()}；{(options.Smoke ? "冒烟规模" : "完整规模")}");
        var s = options.Scenarios;
        foreach (var provider in options.Providers)
        {
            BenchDatabase? kept = null;
            if (s.Contains("generate"))
                for (var run = 1; run <= options.SlowRuns; run++)
                {
                    var last = run == options.SlowRuns && (s.Contains("http") || s.Contains("http-board") || s.Contains("duty") || s.Contains("visit-list") || s.Contains("portal") || s.Contains("portal-admin") || s.Contains("supervision-overview"));
                    var db = await RunOnFreshAsync(Spec("generate", provider, options.GenerateScale, run) with
                    { GenerateScale = options.GenerateScale, HouseholdsPerVillage = options.HouseholdsPerVillage }, keep: last);
                    if (last) kept = db;
                }
            if (s.Contains("http") || s.Contains("http-board") || s.Contains("duty") || s.Contains("visit-list") || s.Contains("portal") || s.Contains("portal-admin") || s.Contains("supervision-overview"))
            {
                if (kept is null)
                {
                    o.WriteLine($"bench: 为 HTTP 场景生成数据（{options.GenerateScale}，不计入结果）");
                    kept = await RunOnFreshAsync(Spec("generate", provider, options.GenerateScale, 0) with
                    { GenerateScale = options.GenerateScale, HouseholdsPerVillage = options.HouseholdsPerVillage }, keep: true, record: false);
                }
                if (kept is not null)
                {
                    if (s.Contains("http"))
                        await RunChildAsync(Spec("http", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    if (s.Contains("http-board"))
                        await RunChildAsync(Spec("http-board", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    if (s.Contains("duty"))
                        await RunChildAsync(Spec("duty", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    if (s.Contains("visit-list"))
                        await RunChildAsync(Spec("visit-list", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    if (s.Contains("portal"))
                        await RunChildAsync(Spec("portal", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    if (s.Contains("portal-admin"))
                        await RunChildAsync(Spec("portal-admin", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    if (s.Contains("supervision-overview"))
                        await RunChildAsync(Spec("supervision-overview", provider, $"{options.GenerateScale} data", 0) with
                        {
                            ConnectionString = kept.ConnectionString, DatabaseName = kept.Name, HttpRuns = options.Runs,
                        });
                    await kept.DropAsync();
                }
            }
            else if (kept is not null)
                await kept.DropAsync();
            if (s.Contains("import"))
            {
                // Each run: the file with one bad row, then the valid file, on one server.
                for (var run = 1; run <= options.SlowRuns; run++)
                    await RunOnFreshAsync(Spec("import", provider, $"{options.ImportRows} rows", run) with { Rows = options.ImportRows });
            }
            if (s.Contains("audit"))
                for (var run = 1; run <= options.Runs; run++)
                    await RunOnFreshAsync(Spec("audit", provider, $"{options.AuditEntries} entries", run) with { Rows = options.AuditEntries });
            if (s.Contains("paylines"))
                for (var run = 1; run <= options.Runs; run++)
                    await RunOnFreshAsync(Spec("paylines", provider, $"{options.PayLineRows} rows", run) with { Rows = options.PayLineRows });
            if (s.Contains("payroll"))
                for (var run = 1; run <= options.SlowRuns; run++)
                    await RunOnFreshAsync(Spec("payroll", provider, options.GenerateScale, run) with
                    { GenerateScale = options.GenerateScale, HouseholdsPerVillage = options.HouseholdsPerVillage });
            if (s.Contains("redeem"))
                for (var run = 1; run <= options.Runs; run++)
                    await RunOnFreshAsync(Spec("redeem", provider, $"{Scenarios.Redeemers} redeemers, {options.RedeemStock} pieces", run) with { Rows = options.RedeemStock });
            if (s.Contains("points"))
                await RunOnFreshAsync(Spec("points", provider, $"{options.PointsEntries} entries", 1) with
                {
                    GenerateScale = options.GenerateScale, HouseholdsPerVillage = options.PointsHouseholdsPerVillage, Rows = options.PointsEntries, Samples = options.PointsSamples,
                });
            if (s.Contains("sla"))
                for (var run = 1; run <= options.Runs; run++)
                    await RunChildAsync(Spec("sla", provider, $"{options.SlaMatters} matters", run) with { Rows = options.SlaMatters });
            if (s.Contains("matter-stats"))
                await RunOnFreshAsync(Spec("matter-stats", provider, $"{options.Matters} matters", 1) with
                {
                    GenerateScale = options.GenerateScale, HouseholdsPerVillage = options.PointsHouseholdsPerVillage, Rows = options.Matters, Samples = options.MatterStatsSamples,
                });
            // 6: national scale, on PostgreSQL (and on SQLite only in the smoke run, so that path cannot rot either).
            if (s.Contains("growth") && (provider == "postgres" || options.Smoke))
            {
                foreach (var cadres in options.GrowthCadres)
                {
                    var runs = cadres >= 1_000_000 ? 1 : cadres >= 100_000 ? options.SlowRuns : options.Runs;
                    for (var run = 1; run <= runs; run++)
                        await RunOnFreshAsync(Spec("growth", provider, $"{cadres} cadres", run) with
                        { GenerateScale = cadres.ToString(), HouseholdsPerVillage = options.GrowthHouseholdsPerVillage });
                }
                foreach (var rows in options.NationalPayLines)
                    for (var run = 1; run <= options.Runs; run++)
                        await RunOnFreshAsync(Spec("national-paylines", provider, $"{rows} rows", run) with { Rows = rows });
            }
        }

        Save();
        if (options.Report is { } report) o.WriteLine($"bench: 已写入 {report} 与 {options.Results}");
        foreach (var f in _failures) o.WriteLine("bench: 失败 — " + f);
        return _failures.Count == 0 ? 0 : 1;
    }

    private MachineInfo? _machine;

    /// <summary>After every run, so an interrupted benchmark keeps what it measured: this invocation's results replace earlier ones of the same keys.</summary>
    private void Save()
    {
        var store = ResultStore.Load(options.Results);
        foreach (var merge in options.Merge)
        {
            var other = ResultStore.Load(merge);
            foreach (var key in other.Results.Select(r => r.Key).Distinct())
                store.Merge([.. other.Results.Where(r => r.Key == key)], other.Machines.GetValueOrDefault(key) ?? _machine!);
        }
        foreach (var key in _results.Select(r => r.Key).Distinct())
            store.Merge([.. _results.Where(r => r.Key == key)], _machine!);
        store.Save(options.Results);
        if (options.Report is { } report) Report.Write(report, store, options);
    }

    private RunSpec Spec(string scenario, string provider, string size, int run) => new(scenario, provider, size, run)
    {
        DivisionData = options.DivisionData, HttpSeconds = options.HttpSeconds, HttpWarmupSeconds = options.HttpWarmupSeconds, HttpConnections = options.HttpConnections,
        HttpThreads = options.HttpThreads, Smoke = options.Smoke, InProcess = options.InProcess,
    };

    private async Task<BenchDatabase?> RunOnFreshAsync(RunSpec spec, bool keep = false, bool record = true)
    {
        BenchDatabase db;
        try
        {
            db = await BenchDatabase.CreateAsync(spec.Provider, options.Postgres);
        }
        catch (Exception e)
        {
            _failures.Add($"{spec.Scenario} {spec.Provider}: {e.Message}");
            return null;
        }
        var ok = await RunChildAsync(spec with { ConnectionString = db.ConnectionString, DatabaseName = db.Name }, record);
        if (keep && ok) return db;
        await db.DropAsync();
        return null;
    }

    private async Task<bool> RunChildAsync(RunSpec spec, bool record = true)
    {
        o.WriteLine($"bench: {spec.Scenario} {spec.Provider} {spec.Size} 第 {spec.Run} 次 … 负载 {Memory.LoadAverage()}");
        try
        {
            IReadOnlyList<RunResult> results;
            if (options.InProcess)
                results = await Scenarios.RunAsync(spec);
            else
                results = await ChildAsync(spec);
            foreach (var r in results)
                o.WriteLine($"bench:   {r.Seconds:F2} s，{r.Rows:N0} 行/请求，峰值内存 {r.PeakBytes / 1048576.0:F0} MiB"
                            + (r.Metrics.TryGetValue("requestsPerSecond", out var rps) ? $"，{rps:F0} 请求/秒，p95 {r.Metrics["p95Ms"]:F1} ms" : ""));
            if (record)
            {
                _results.AddRange(results);
                Save();
            }
            return true;
        }
        catch (Exception e)
        {
            _failures.Add($"{spec.Scenario} {spec.Provider} {spec.Size} 第 {spec.Run} 次：{e.Message}");
            o.WriteLine($"bench:   失败：{e}");
            return false;
        }
    }

    private static Task<IReadOnlyList<RunResult>> ChildAsync(RunSpec spec) => ChildRuns.RunAsync(spec);

    private async Task<MachineInfo> MachineAsync()
    {
        static string Field(string file, string key) => File.Exists(file)
            ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal))?.Split(key.EndsWith('=') ? '=' : ':', 2)[1].Trim().Trim('"') ?? "" : "";
        var mem = Field("/proc/meminfo", "MemTotal") is { Length: > 0 } m ? long.Parse(m.Split(' ')[0]) * 1024 : 0;
        string? pg = null;
        if (options.Providers.Contains("postgres") && !string.IsNullOrEmpty(options.Postgres))
        {
            try
            {
                await using var c = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(options.Postgres) { Database = "postgres" }.ToString());
                await c.OpenAsync();
                pg = c.PostgreSqlVersion.ToString();
            }
            catch (NpgsqlException e) { pg = "unreachable: " + e.Message; }
        }
        await using var lite = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=:memory:");
        await lite.OpenAsync();
        var commit = "";
        try
        {
            var git = Process.Start(new ProcessStartInfo("git", "rev-parse --short HEAD") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Paths.RepoRoot })!;
            commit = (await git.StandardOutput.ReadToEndAsync()).Trim();
            await git.WaitForExitAsync();
        }
        catch (System.ComponentModel.Win32Exception) { }
        return new(Environment.ProcessorCount, mem, Field("/proc/cpuinfo", "model name"), Field("/etc/os-release", "PRETTY_NAME="),
            RuntimeInformation.FrameworkDescription, pg, lite.ServerVersion, commit, DateTime.UtcNow, "Cunzhi.Bench " + options.Command);
    }
}

/// <summary>One run in a child process of its own (this program with "one" and the spec): its results, read from its output.</summary>
public static class ChildRuns
{
    public static async Task<IReadOnlyList<RunResult>> RunAsync(RunSpec spec)
    {
        var self = Environment.ProcessPath!;
        var start = new ProcessStartInfo(self) { RedirectStandardOutput = true, RedirectStandardError = true };
        if (Path.GetFileNameWithoutExtension(self) == "dotnet") start.ArgumentList.Add(typeof(BenchMain).Assembly.Location);
        start.ArgumentList.Add("one");
        start.ArgumentList.Add(JsonSerializer.Serialize(spec, ResultStore.Json));
        using var process = Process.Start(start)!;
        var results = new List<RunResult>();
        var other = new List<string>();
        var stderr = process.StandardError.ReadToEndAsync();
        while (await process.StandardOutput.ReadLineAsync() is { } line)
        {
            if (line.StartsWith("BENCH-RESULT ", StringComparison.Ordinal))
                results.Add(JsonSerializer.Deserialize<RunResult>(line["BENCH-RESULT ".Length..], JsonSerializerOptions.Web)!);
            else other.Add(line);
        }
        await process.WaitForExitAsync();
        if (process.ExitCode != 0 || results.Count == 0)
            throw new InvalidOperationException($"子进程退出码 {process.ExitCode}：{string.Join('\n', other.TakeLast(20))}\n{(await stderr)[^Math.Min(4000, (await stderr).Length)..]}");
        return results;
    }
}
