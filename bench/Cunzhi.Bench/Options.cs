namespace Cunzhi.Bench;

/// <summary>Command line of the benchmark (see <see cref="BenchMain.Usage"/>).</summary>
public sealed record BenchOptions
{
    public bool Smoke { get; init; }
    /// <summary>Run every scenario in this process instead of one child process per run (the smoke test does).</summary>
    public bool InProcess { get; init; }
    public IReadOnlyList<string> Providers { get; init; } = ["sqlite", "postgres"];
    public IReadOnlyList<string> Scenarios { get; init; } = ["generate", "import", "paylines", "payroll", "http", "http-board", "audit", "growth", "redeem", "points", "sla", "matter-stats", "duty", "visit-list", "portal", "portal-admin", "supervision-overview"];
    /// <summary>Generation size: county, province, or a number of cadres taken from the national divisions.</summary>
    public string GenerateScale { get; init; } = "province";
    public int HouseholdsPerVillage { get; init; } = 250;
    public int ImportRows { get; init; } = 100_000;
    public int PayLineRows { get; init; } = 100_000;
    public int AuditEntries { get; init; } = 1_000_000;
    /// <summary>Pieces of the one item the redeemers sell out (scenario 7).</summary>
    public int RedeemStock { get; init; } = 2_000;
    public IReadOnlyList<int> GrowthCadres { get; init; } = [10_000, 100_000, 1_000_000];
    public int GrowthHouseholdsPerVillage { get; init; } = 50;
    public IReadOnlyList<int> NationalPayLines { get; init; } = [10_000, 100_000, 1_000_000, 3_200_000];
    /// <summary>Points ledger (issue #18): entries posted, households a village of the slice, statements sampled.</summary>
    public int PointsEntries { get; init; } = 10_000_000;
    public int PointsHouseholdsPerVillage { get; init; } = 25;
    public int PointsSamples { get; init; } = 2_000;
    /// <summary>Matters whose due dates the SLA scenario computes (issue #19).</summary>
    public int SlaMatters { get; init; } = 1_000_000;
    /// <summary>Matter statistics (issue #19): matters in the slice, reports sampled.</summary>
    public int Matters { get; init; } = 5_000_000;
    public int MatterStatsSamples { get; init; } = 50;
    public int Runs { get; init; } = 3;
    /// <summary>Runs of the slow scenarios (province generation, 100k import).</summary>
    public int SlowRuns { get; init; } = 3;
    public int HttpSeconds { get; init; } = 20;
    /// <summary>Unrecorded load before the measured runs of each target: long enough for tiered JIT to reach its optimised code.</summary>
    public int HttpWarmupSeconds { get; init; } = 20;
    public int HttpConnections { get; init; } = 32;
    public int HttpThreads { get; init; } = 2;
    public string? Postgres { get; init; } = Environment.GetEnvironmentVariable("CUNZHI_TEST_POSTGRES");
    public string? DivisionData { get; init; }
    /// <summary>Where results (JSON) and the report go.</summary>
    public string Results { get; init; } = "bench/results.json";
    public string? Report { get; init; } = "BENCHMARKS.md";
    public string Command { get; init; } = "";
    /// <summary>Other results files (a parallel invocation's) merged into <see cref="Results"/>.</summary>
    public IReadOnlyList<string> Merge { get; init; } = [];

    public static BenchOptions Smoke_(BenchOptions o) => o with
    {
        Smoke = true, GenerateScale = "county", HouseholdsPerVillage = 3, ImportRows = 200, PayLineRows = 1_000, AuditEntries = 2_000, RedeemStock = 100, PointsEntries = 2_000, PointsHouseholdsPerVillage = 3, PointsSamples = 50, Matters = 2_000, MatterStatsSamples = 5, SlaMatters = 2_000,
        GrowthCadres = [500, 1_000], GrowthHouseholdsPerVillage = 3, NationalPayLines = [1_000, 2_000], Runs = 1, SlowRuns = 1, HttpSeconds = 1, HttpWarmupSeconds = 1,
        HttpConnections = 4, HttpThreads = 1,
    };

    public static BenchOptions Parse(string[] args)
    {
        var o = new BenchOptions { Command = string.Join(' ', args) };
        if (args.Contains("--smoke")) o = Smoke_(o);
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} 需要一个值");
            static List<string> List(string s) => [.. s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
            static List<int> Ints(string s) => [.. List(s).Select(x => int.Parse(x.Replace("_", "")))];
            o = args[i] switch
            {
                "--smoke" => o,
                "--in-process" => o with { InProcess = true },
                "--provider" or "--providers" => o with { Providers = List(Next()) },
                "--only" or "--scenarios" => o with { Scenarios = List(Next()) },
                "--scale" => o with { GenerateScale = Next() },
                "--households-per-village" => o with { HouseholdsPerVillage = int.Parse(Next()) },
                "--import-rows" => o with { ImportRows = int.Parse(Next()) },
                "--paylines" => o with { PayLineRows = int.Parse(Next()) },
                "--audit-entries" => o with { AuditEntries = int.Parse(Next()) },
                "--redeem-stock" => o with { RedeemStock = int.Parse(Next()) },
                "--growth" => o with { GrowthCadres = Ints(Next()) },
                "--growth-households-per-village" => o with { GrowthHouseholdsPerVillage = int.Parse(Next()) },
                "--national-paylines" => o with { NationalPayLines = Ints(Next()) },
                "--points-entries" => o with { PointsEntries = int.Parse(Next().Replace("_", "")) },
                "--points-households-per-village" => o with { PointsHouseholdsPerVillage = int.Parse(Next()) },
                "--points-samples" => o with { PointsSamples = int.Parse(Next()) },
                "--sla-matters" => o with { SlaMatters = int.Parse(Next().Replace("_", "")) },
                "--matters" => o with { Matters = int.Parse(Next().Replace("_", "")) },
                "--matter-stats-samples" => o with { MatterStatsSamples = int.Parse(Next()) },
                "--runs" => o with { Runs = int.Parse(Next()) },
                "--slow-runs" => o with { SlowRuns = int.Parse(Next()) },
                "--http-seconds" => o with { HttpSeconds = int.Parse(Next()) },
                "--http-warmup" => o with { HttpWarmupSeconds = int.Parse(Next()) },
                "--http-connections" => o with { HttpConnections = int.Parse(Next()) },
                "--http-threads" => o with { HttpThreads = int.Parse(Next()) },
                "--postgres" => o with { Postgres = Next() },
                "--division-data" => o with { DivisionData = Next() },
                "--results" => o with { Results = Next() },
                "--merge" => o with { Merge = [.. o.Merge, Next()] },
                "--report" => o with { Report = Next() is var r && r == "none" ? null : r },
                _ => throw new ArgumentException($"未知选项 {args[i]}"),
            };
        }
        foreach (var p in o.Providers)
            if (p is not ("sqlite" or "postgres")) throw new ArgumentException($"未知数据库 {p}（sqlite 或 postgres）");
        return o;
    }
}
