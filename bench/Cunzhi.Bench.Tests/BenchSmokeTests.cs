namespace Cunzhi.Bench.Tests;

/// <summary>
/// The benchmark at smoke size (seconds, tiny data) through its own entry point, so its code cannot rot. It asserts
/// that every scenario ran and measured something, never how fast: speed is for bench/run.sh on a quiet machine.
/// </summary>
public abstract class BenchSmokeTests
{
    protected abstract string Provider { get; }

    private static readonly string[] Scenarios =
        ["generate", "import", "import-invalid", "paylines", "payroll", "http-page", "http-api", "http-board", "audit", "growth", "national-paylines", "redeem", "points-post", "points-statement", "sla", "matter-stats", "matter-stats-town", "matter-stats-before", "matter-stats-before-town", "duty-generate", "duty-board", "visit-list-page", "visit-list-api", "portal", "portal-admin", "supervision-overview-county", "supervision-overview-discipline", "supervision-overview-town", "supervision-overview-county-uncached", "supervision-overview-discipline-uncached", "supervision-overview-town-uncached"];

    [Fact]
    public async Task Every_scenario_runs_at_smoke_size_and_the_report_is_written()
    {
        var folder = Directory.CreateTempSubdirectory("cunzhi-bench-smoke-").FullName;
        try
        {
            var results = Path.Combine(folder, "results.json");
            var report = Path.Combine(folder, "BENCHMARKS.md");
            await File.WriteAllTextAsync(report, "# Benchmarks\n\nHand-written notes stay.\n");
            var output = new StringWriter();

            var code = await BenchMain.RunAsync(["--smoke", "--in-process", "--provider", Provider, "--results", results, "--report", report], output);

            code.ShouldBe(0, output.ToString());
            var store = ResultStore.Load(results);
            store.Results.Select(r => r.Scenario).Distinct().Order().ShouldBe(Scenarios.Order(), output.ToString());
            foreach (var r in store.Results)
            {
                r.Provider.ShouldBe(Provider);
                r.Rows.ShouldBeGreaterThan(0, r.Key);
                r.Seconds.ShouldBeGreaterThan(0, r.Key);
                r.PeakBytes.ShouldBeGreaterThan(0, r.Key);
            }
            store.Results.Where(r => r.Scenario.StartsWith("http")).ShouldAllBe(r => r.Metrics["errors"] == 0);
            var generated = store.Results.Single(r => r.Scenario == "generate");
            generated.Metrics["villages"].ShouldBe(208); // 万载县
            generated.Metrics["cadres"].ShouldBeGreaterThan(1000);

            var payroll = store.Results.Single(r => r.Scenario == "payroll");
            payroll.Metrics["towns"].ShouldBe(18); // 万载县
            payroll.Rows.ShouldBeGreaterThan(1000);
            payroll.Metrics["lowerBoundRowsPerSecond"].ShouldBeGreaterThan(0);
            payroll.Metrics["ratio"].ShouldBeGreaterThan(0);

            var redeem = store.Results.Single(r => r.Scenario == "redeem");
            redeem.Rows.ShouldBe(100);
            redeem.Metrics["redemptionsPerSecond"].ShouldBeGreaterThan(0);
            redeem.Metrics["redeemers"].ShouldBe(50);

            var posted = store.Results.Single(r => r.Scenario == "points-post");
            posted.Rows.ShouldBe(2_000);
            posted.Metrics["tableEntries"].ShouldBeGreaterThanOrEqualTo(2_000); // plus the demo village's few seeded entries
            posted.Metrics["balanceRows"].ShouldBeGreaterThan(0);
            var statements = store.Results.Single(r => r.Scenario == "points-statement");
            statements.Rows.ShouldBe(50);
            statements.Metrics["p95Ms"].ShouldBeGreaterThan(0);
            statements.Metrics["entriesPerStatement"].ShouldBeGreaterThan(0);

            var stats = store.Results.Single(r => r.Scenario == "matter-stats");
            stats.Rows.ShouldBe(5);
            stats.Metrics["matters"].ShouldBe(2_000);
            stats.Metrics["p95Ms"].ShouldBeGreaterThan(0);
            stats.Metrics["closedPerReport"].ShouldBeGreaterThan(0);
            stats.Metrics["comparedReports"].ShouldBeGreaterThanOrEqualTo(4); // the new path checked against the old one, as county and as town
            store.Results.Single(r => r.Scenario == "matter-stats-town").Metrics["p95Ms"].ShouldBeGreaterThan(0);
            store.Results.Single(r => r.Scenario == "matter-stats-before").Rows.ShouldBe(5);

            var text = await File.ReadAllTextAsync(report);
            text.ShouldStartWith("# Benchmarks\n\nHand-written notes stay.\n");
            text.ShouldContain(Report.Begin);
            text.ShouldContain("## 3. Payroll run");
            text.ShouldContain("## 4. HTTP");
            text.ShouldContain("## 7. Points ledger");
            text.ShouldContain("## 8. Matter statistics");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

public sealed class BenchSmokeTests_Sqlite : BenchSmokeTests
{
    protected override string Provider => "sqlite";
}

[Trait("Category", "Postgres")]
public sealed class BenchSmokeTests_Postgres : BenchSmokeTests
{
    protected override string Provider => "postgres";
}
