using System.Diagnostics;
using Cunzhi.Data;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Pay;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    // ---------------------------------------------------------------- 3: payroll run

    /// <summary>
    /// A payroll run of the current month for every town of the generated data, through the handler the county page and
    /// the API use (<see cref="PayrollCompute.ComputeAllAsync"/>: slices of towns in code order, each read with ranged
    /// queries, calculated on a worker thread beside the previous slice's writes, its runs and one summary audit entry per
    /// town saved and its lines bulk-written, all in one transaction). Untimed setup: the generator at the chosen scale and
    /// the default pay settings published for every county. Timed, in a fresh child process that only runs the payroll on
    /// the generated database (so its peak memory is the payroll's own, not the generation's): last month's run (the
    /// process's first, JIT included), then this month's (the headline). In the smoke run (everything in one process) the
    /// two runs are timed in this process and the peak includes the generation. Afterwards this month's lines written raw
    /// into a copy of the table (<see cref="SameLinesRawAsync"/>) give the lower bound and the ratio.
    /// </summary>
    private static async Task<RunResult> PayrollAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        List<string> towns;
        string table;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            await DataSetup.MigrateAsync(db);
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedReferenceDataAsync();
            var divisions = SelectDivisions(spec.GenerateScale, spec.Smoke ? Path.Combine(Paths.Scratch, "no-package") : spec.DivisionData);
            if (!await seeder.SeedDemoAsync(new DemoOptions { Scale = DemoScale.Province, HouseholdsPerVillage = spec.HouseholdsPerVillage, Activity = false }, divisions, TextWriter.Null))
                throw new InvalidOperationException("数据库不是空的");
            var counties = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToListAsync();
            var have = await db.Set<PaySettings>().Select(s => s.CountyCode).ToListAsync();
            foreach (var county in counties.Except(have))
            {
                var s = PaySettings.DraftFrom(null, county, 1, new DateOnly(2020, 1, 1));
                s.Publish("bench", DateTime.UtcNow);
                db.Add(s);
            }
            await db.SaveChangesAsync();
            table = db.Model.FindEntityType(typeof(PayLine))!.GetTableName()!;
            towns = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
        }

        var run = spec.InProcess ? await PayrollComputeAsync(spec, app) : (await ChildRuns.RunAsync(spec with { Scenario = "payroll-compute" })).Single();
        var m = run.Metrics;
        if (run.Rows == 0 || (int)m["computed"] != towns.Count) throw new InvalidOperationException($"工资批次不完整：{m["computed"]}/{towns.Count} 个乡镇，{run.Rows} 条明细");

        var (boundSeconds, boundNote) = await SameLinesRawAsync(spec, table, (long)m["beforeLineId"], run.Rows);
        var coldSeconds = m["firstRunSeconds"];
        return Result(spec, run.Seconds, run.Rows, run.PeakBytes, run.PeakOf, run.LoadBefore, new()
        {
            ["linesPerSecond"] = run.Rows / run.Seconds, ["towns"] = towns.Count, ["lowerBoundRowsPerSecond"] = run.Rows / boundSeconds, ["lowerBoundSeconds"] = boundSeconds,
            ["ratio"] = run.Seconds / boundSeconds, ["missingScores"] = m["missingScores"], ["allocatedMB"] = m["allocatedMB"],
            ["firstRunSeconds"] = coldSeconds, ["firstRunRatio"] = coldSeconds / boundSeconds,
            ["readSeconds"] = m["readSeconds"], ["calculateSeconds"] = m["calculateSeconds"], ["waitSeconds"] = m["waitSeconds"], ["saveSeconds"] = m["saveSeconds"], ["writeSeconds"] = m["writeSeconds"],
        }, $"{towns.Count} towns in one PayrollCompute.ComputeAllAsync (slices of {PayrollCompute.DefaultTownsPerSlice} towns: ranged reads, calculation beside the previous slice's writes, "
           + $"runs and audit saved and lines bulk-written per slice, one transaction); phases of the headline run: read {m["readSeconds"]:F2} s, calculate {m["calculateSeconds"]:F2} s (on a worker thread; the writer waited {m["waitSeconds"]:F2} s for it), "
           + $"save runs and audit {m["saveSeconds"]:F2} s, write lines {m["writeSeconds"]:F2} s; lower bound: {boundNote}");
    }

    /// <summary>
    /// The timed part of the payroll scenario (scenario "payroll-compute", normally a child process of its own on the
    /// generated database): last month's run, then this month's, with the phases of the second; the process's peak
    /// working set is then the payroll's own (its host and the two runs). <paramref name="app"/>: the caller's host, in the smoke run.
    /// </summary>
    private static async Task<RunResult> PayrollComputeAsync(RunSpec spec, WebApplication? app = null)
    {
        var own = app is null ? AppServices.Build(spec.Database) : null;
        var host = app ?? own!;
        try
        {
            var today = DateOnly.FromDateTime(DateTime.Now);
            var lastMonth = today.AddMonths(-1);
            // Timed twice in this process: last month first, as a freshly started server meets it (the JIT compiles the
            // handler, EF builds its queries), then this month, as a server that has paid once already runs the next
            // month. The second is the headline; the first is reported beside it. The lower bound is the second's lines.
            var (coldSeconds, _, _) = await ComputeAllTimedAsync(host, lastMonth, null);
            long before;
            await using (var scope = host.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                db.User.AsSystem();
                before = await db.Set<PayLine>().IgnoreQueryFilters().MaxAsync(l => (long?)l.Id) ?? 0;
            }
            var load = Memory.LoadAverage();
            var phases = new PayrollPhases();
            var (seconds, allocated, outcome) = await ComputeAllTimedAsync(host, today, phases);
            var peak = Memory.OwnPeak();
            return Result(spec, seconds, outcome.Lines, peak,
                own is null ? OwnPeak + ", including the untimed generation (smoke: one process)" : "payroll process (PeakWorkingSet64 of a child process that only ran the two payrolls)", load, new()
                {
                    ["computed"] = outcome.Computed, ["missingScores"] = outcome.MissingScores, ["allocatedMB"] = allocated / 1048576.0, ["firstRunSeconds"] = coldSeconds,
                    ["beforeLineId"] = before, ["readSeconds"] = phases.Seconds(PayrollPhase.Read), ["calculateSeconds"] = phases.Seconds(PayrollPhase.Calculate),
                    ["waitSeconds"] = phases.Seconds(PayrollPhase.Wait), ["saveSeconds"] = phases.Seconds(PayrollPhase.Save), ["writeSeconds"] = phases.Seconds(PayrollPhase.Write),
                });
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }

    /// <summary>One <see cref="PayrollCompute.ComputeAllAsync"/> over the whole generated region for a month: seconds and bytes allocated.</summary>
    private static async Task<(double Seconds, long Allocated, ComputeAllResult Outcome)> ComputeAllTimedAsync(WebApplication app, DateOnly month, PayrollPhases? phases)
    {
        GC.Collect();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        ComputeAllResult outcome;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            scope.ServiceProvider.GetRequiredService<AppDbContext>().User.AsSystem();
            outcome = await scope.ServiceProvider.GetRequiredService<PayrollCompute>().ComputeAllAsync(null, month.Year, month.Month, phases: phases);
        }
        watch.Stop();
        return (watch.Elapsed.TotalSeconds, GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore, outcome);
    }

    /// <summary>
    /// The lower bound of persisting the run: the very lines it wrote (read back untimed, every column) written again
    /// into an empty copy of the pay-line table with the same primary key and indexes, by the fastest raw path — binary
    /// COPY on PostgreSQL, one prepared single-row INSERT in one transaction on SQLite. No reads, no calculation, no audit.
    /// </summary>
    private static async Task<(double Seconds, string Note)> SameLinesRawAsync(RunSpec spec, string table, long afterId, long expected)
    {
        const string copy = "bench_pay_lines_same";
        var columns = new[]
        {
            "Id", "RunId", "RegionCode", "CadreId", "CadreName", "PostCode", "Kind", "Rank", "Days", "DaysInMonth", "Score", "CoefficientPermille", "BaseFen",
            "AllowanceFen", "PerformanceFen", "RewardFen", "RetirementFen", "AdjustmentFen", "TotalFen", "Explanation", "Warning", "AdjustsLineId", "AdjustsRunId", "Reason",
        };
        var list = string.Join(", ", columns.Select(c => $"\"{c}\""));
        var create = $"""
            CREATE TABLE {copy} AS SELECT {list} FROM "{table}" WHERE 1 = 0;
            CREATE UNIQUE INDEX ix_{copy}_id ON {copy} ("Id");
            CREATE INDEX ix_{copy}_run ON {copy} ("RunId", "RegionCode");
            CREATE INDEX ix_{copy}_cadre ON {copy} ("CadreId");
            """;
        var rows = new List<object?[]>();
        System.Data.Common.DbConnection connection = spec.Provider == "postgres" ? new NpgsqlConnection(spec.ConnectionString) : new SqliteConnection(spec.ConnectionString);
        await using (connection)
        {
            await connection.OpenAsync();
            await using (var read = connection.CreateCommand())
            {
                read.CommandText = $"SELECT {list} FROM \"{table}\" WHERE \"Id\" > {afterId} ORDER BY \"Id\"";
                await using var reader = await read.ExecuteReaderAsync();
                while (await reader.ReadAsync())
                {
                    var v = new object?[columns.Length];
                    for (var i = 0; i < v.Length; i++) v[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rows.Add(v);
                }
            }
            if (rows.Count != expected) throw new InvalidOperationException($"读回 {rows.Count} 条明细，应为 {expected}");
            await using (var c = connection.CreateCommand())
            {
                c.CommandText = create;
                await c.ExecuteNonQueryAsync();
            }
            var watch = Stopwatch.StartNew();
            if (connection is NpgsqlConnection pg)
            {
                await using var w = await pg.BeginBinaryImportAsync($"COPY {copy} ({list}) FROM STDIN (FORMAT BINARY)");
                foreach (var r in rows)
                {
                    await w.StartRowAsync();
                    foreach (var v in r)
                        if (v is null) await w.WriteNullAsync();
                        else await w.WriteAsync(v);
                }
                await w.CompleteAsync();
            }
            else
            {
                // One row a statement: the fastest on SQLite for rows this wide (see BulkWriter.InsertAsync).
                await using var tx = await connection.BeginTransactionAsync();
                await using var cmd = connection.CreateCommand();
                cmd.Transaction = tx;
                cmd.CommandText = $"INSERT INTO {copy} ({list}) VALUES ({string.Join(", ", columns.Select((_, c) => $"$p{c}"))})";
                var parameters = columns.Select((_, c) => { var p = new SqliteParameter($"$p{c}", null); cmd.Parameters.Add(p); return p; }).ToArray();
                cmd.Prepare();
                foreach (var r in rows)
                {
                    for (var c = 0; c < columns.Length; c++) parameters[c].Value = r[c] ?? DBNull.Value;
                    await cmd.ExecuteNonQueryAsync();
                }
                await tx.CommitAsync();
            }
            return (watch.Elapsed.TotalSeconds, spec.Provider == "postgres"
                ? "the same lines, binary COPY into a copy of the table (same indexes)"
                : "the same lines, one prepared single-row INSERT in one transaction into a copy of the table (same indexes)");
        }
    }
}
