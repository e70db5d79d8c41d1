using System.Diagnostics;
using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    // ---------------------------------------------------------------- 8: matter statistics at province scale (issue #19)

    /// <summary>Visit records written per matter (visits "in proportion": one for every <see cref="MattersPerVisit"/> matters).</summary>
    private const int MattersPerVisit = 5;
    private const int MatterBatch = 250_000;
    private const int MatterStatsWarmup = 5;
    /// <summary>The old path reads whole tables: fewer reports (each as county and as town), one unrecorded first.</summary>
    private const int MatterStatsBeforeSamples = 5;
    private const int MatterStatsBeforeWarmup = 1;

    private static readonly string[] MatterColumns =
    [
        nameof(Matter.RegionCode), nameof(Matter.Kind), nameof(Matter.Source), nameof(Matter.Title), nameof(Matter.Description), nameof(Matter.State),
        nameof(Matter.Level), nameof(Matter.Owner), nameof(Matter.DoneText), nameof(Matter.ReceivedOn), nameof(Matter.DueOn), nameof(Matter.DoneOn),
        nameof(Matter.ConfirmedOn), nameof(Matter.ReceiptHash), nameof(Matter.ReceiptUsed), nameof(Matter.CreatedBy), nameof(Matter.CreatedAtUtc), nameof(Matter.RowVersion),
    ];

    private static readonly string[] VisitColumns =
    [
        nameof(VisitRecord.RoundId), nameof(VisitRecord.RegionCode), nameof(VisitRecord.HouseholdId), nameof(VisitRecord.Date), nameof(VisitRecord.VisitedBy),
        nameof(VisitRecord.MattersRaised), nameof(VisitRecord.RecordedBy), nameof(VisitRecord.RecordedAtUtc),
    ];

    /// <summary>
    /// 诉求统计 (issue #19): the generated slice (<c>--scale</c>; a province at full size) gets <paramref name="spec"/>.Rows
    /// matters spread over its villages and the two years up to today (every kind and state; done ones with a done date,
    /// about a fifth late), and one visit record per <see cref="MattersPerVisit"/> matters on its households, one round a
    /// town; written untimed by the app's BulkWriter, then ANALYZE. Timed: <see cref="MatterStats.ReportAsync"/> in process
    /// (no HTTP), a fresh scope per call acting as a county account of a county drawn at random (fixed seed), for last
    /// year (1 January – 31 December): the six figures, a row per town, time to close and the overdue share, straight
    /// from the per-village daily summary (<see cref="MatterDailySummary"/>, rebuilt untimed after the bulk load, which
    /// skips the save that keeps it) and the visits' index; the old raw-count path (<see cref="MatterStatsBefore"/>) is
    /// timed too and every report must equal it. <see cref="MatterStatsWarmup"/> calls first are not recorded. Target p95 ≤ 1 s.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> MatterStatsAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        List<(long Id, string Region)> households;
        List<string> villages, counties, towns;
        Dictionary<string, long> rounds;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await DataSetup.MigrateAsync(db);
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedReferenceDataAsync();
            var divisions = SelectDivisions(spec.GenerateScale, spec.Smoke ? Path.Combine(Paths.Scratch, "no-package") : spec.DivisionData);
            if (!await seeder.SeedDemoAsync(new DemoOptions { Scale = DemoScale.Province, HouseholdsPerVillage = spec.HouseholdsPerVillage, Activity = false }, divisions, TextWriter.Null))
                throw new InvalidOperationException("数据库不是空的");
            var regions = db.Regions.IgnoreQueryFilters().AsNoTracking();
            villages = await regions.Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
            counties = await regions.Where(r => r.Level == RegionLevel.County).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
            towns = await regions.Where(r => r.Level == RegionLevel.Town).OrderBy(r => r.Code).Select(r => r.Code).ToListAsync();
            foreach (var t in towns)
                db.Add(new VisitRound { RegionCode = t, Name = "基准测试走访", FromDate = today.AddYears(-2), ToDate = today, CreatedBy = "bench.town", CreatedAtUtc = nowUtc });
            await db.SaveChangesAsync();
            rounds = await db.Set<VisitRound>().IgnoreQueryFilters().ToDictionaryAsync(r => r.RegionCode, r => r.Id);
            households = (await db.Households.IgnoreQueryFilters().AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.RegionCode }).ToListAsync())
                .Select(h => (h.Id, h.RegionCode)).ToList();
        }
        if (villages.Count == 0 || households.Count == 0) throw new InvalidOperationException("没有村或农户");

        var first = today.AddYears(-3);
        var span = today.DayNumber - first.DayNumber;
        IEnumerable<Matter> Matters(long from, long count)
        {
            for (var n = from; n < from + count; n++)
            {
                var village = villages[(int)(n % villages.Count)];
                var received = first.AddDays((int)(n * 7919 % span));
                var state = (MatterState)(n % 5 + 1);
                var kind = (MatterKind)(n / 5 % 4 + 1);
                var due = received.AddDays(10);
                var done = state is MatterState.Done or MatterState.Confirmed ? received.AddDays((int)(n % 13)) : (DateOnly?)null;
                if (done > today) done = today;
                yield return new Matter
                {
                    RegionCode = village, Kind = kind, Source = MatterSource.Visit, Title = "基准测试诉求", Description = "", State = state, Level = MatterLevel.Village,
                    Owner = state == MatterState.Received ? null : "bench.village", DoneText = done is null ? null : "已办", ReceivedOn = received, DueOn = due,
                    DoneOn = done, ConfirmedOn = state == MatterState.Confirmed ? done : null, ReceiptHash = n.ToString("x16"), CreatedBy = "bench.village",
                    CreatedAtUtc = nowUtc, RowVersion = 1,
                };
            }
        }
        IEnumerable<VisitRecord> Visits(long from, long count)
        {
            for (var n = from; n < from + count; n++)
            {
                var h = households[(int)(n * 31 % households.Count)];
                yield return new VisitRecord
                {
                    RoundId = rounds[RegionCodes.TownOf(h.Region)!], RegionCode = h.Region, HouseholdId = h.Id, Date = first.AddDays((int)(n * 104729 % span)),
                    VisitedBy = "bench.town", RecordedBy = "bench.town", RecordedAtUtc = nowUtc,
                };
            }
        }
        static object?[] MatterValues(Matter m) =>
        [
            m.RegionCode, m.Kind, m.Source, m.Title, m.Description, m.State, m.Level, m.Owner, m.DoneText, m.ReceivedOn, m.DueOn, m.DoneOn, m.ConfirmedOn,
            m.ReceiptHash, m.ReceiptUsed, m.CreatedBy, m.CreatedAtUtc, m.RowVersion,
        ];
        static object?[] VisitValues(VisitRecord v) => [v.RoundId, v.RegionCode, v.HouseholdId, v.Date, v.VisitedBy, v.MattersRaised, v.RecordedBy, v.RecordedAtUtc];

        long total = spec.Rows, visits = Math.Max(1, total / MattersPerVisit);
        // The statistics indexes are dropped for the load and the "before" reports, and built again for the "after" ones.
        List<(string Name, string Sql)> statsIndexes;
        await using (var scope = app.Services.CreateAsyncScope())
            statsIndexes = await DropStatsIndexesAsync(scope.ServiceProvider.GetRequiredService<AppDbContext>());
        var writeWatch = Stopwatch.StartNew();
        for (long from = 0; from < total; from += MatterBatch)
            await InTransactionAsync(app, db => new BulkWriter(db).WriteAsync(typeof(Matter), Matters(from, Math.Min(MatterBatch, total - from)), MatterColumns, MatterValues));
        for (long from = 0; from < visits; from += MatterBatch)
            await InTransactionAsync(app, db => new BulkWriter(db).WriteAsync(typeof(VisitRecord), Visits(from, Math.Min(MatterBatch, visits - from)), VisitColumns, VisitValues));
        var writeSeconds = writeWatch.Elapsed.TotalSeconds;
        // BulkWriter skips SaveChanges, so the daily summary the report reads is rebuilt from the matters (untimed, reported).
        var summaryWatch = Stopwatch.StartNew();
        long summaryRows = 0;
        await InTransactionAsync(app, async db => summaryRows = await MatterSummaries.RebuildAsync(db));
        var summarySeconds = summaryWatch.Elapsed.TotalSeconds;
        await SqlAsync(app, "ANALYZE");

        var lastYear = today.Year - 1;
        DateOnly periodFrom = new(lastYear, 1, 1), periodTo = new(lastYear, 12, 31);
        var query = new MatterStatsQuery(null, periodFrom, periodTo, null);
        var samples = Math.Max(spec.Samples, 1);
        var beforeSamples = Math.Min(samples, MatterStatsBeforeSamples);
        // The same regions, drawn once (fixed seed), for both paths: before uses the first ones, after all of them.
        var random = new Random(19);
        var countyDraws = Enumerable.Range(0, MatterStatsWarmup + samples).Select(_ => counties[random.Next(counties.Count)]).ToList();
        var townDraws = Enumerable.Range(0, MatterStatsWarmup + samples).Select(_ => towns[random.Next(towns.Count)]).ToList();

        async Task<MatterStatsReport> AfterAsync(string code)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(Account(code));
            return await scope.ServiceProvider.GetRequiredService<MatterStats>().ReportAsync(query, new PageRequest(1, 50));
        }
        async Task<(StatsRow Total, List<StatsRow> Rows, List<CloseTimeView> CloseTimes)> BeforeAsync(string code)
        {
            await using var scope = app.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(Account(code));
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            return await MatterStatsBefore.ReportAsync(db, code, periodFrom, periodTo, today, 50);
        }

        // Before: the old queries without the statistics indexes; each report is kept to check the new path against.
        var expected = new Dictionary<string, (StatsRow Total, List<StatsRow> Rows, List<CloseTimeView> CloseTimes)>();
        var beforeLoad = Memory.LoadAverage();
        var beforeCounty = await TimeAsync(countyDraws.Take(MatterStatsBeforeWarmup + beforeSamples).ToList(), MatterStatsBeforeWarmup, async c => expected[c] = await BeforeAsync(c));
        var beforeTown = await TimeAsync(townDraws.Take(MatterStatsBeforeWarmup + beforeSamples).ToList(), MatterStatsBeforeWarmup, async t => expected[t] = await BeforeAsync(t));

        var indexWatch = Stopwatch.StartNew();
        foreach (var (_, sql) in statsIndexes) await SqlAsync(app, sql);
        await SqlAsync(app, "ANALYZE");
        var indexSeconds = indexWatch.Elapsed.TotalSeconds;

        // After: MatterStats as the page, API and Excel call it, with the indexes; same answer as before, or the run fails.
        long doneSeen = 0, compared = 0;
        var afterLoad = Memory.LoadAverage();
        async Task After(string code)
        {
            var report = await AfterAsync(code);
            if (report.RegionCode != code) throw new InvalidOperationException($"统计的区划为 {report.RegionCode}，应为 {code}");
            doneSeen += report.CloseTimes.Sum(c => c.Count);
            if (!expected.TryGetValue(code, out var old)) return;
            if (report.Total != old.Total || !report.Rows.Items.SequenceEqual(old.Rows) || !report.CloseTimes.SequenceEqual(old.CloseTimes))
                throw new InvalidOperationException($"{code} 的统计与改前不同");
            compared++;
        }
        var afterCounty = await TimeAsync(countyDraws, MatterStatsWarmup, After);
        var afterTown = await TimeAsync(townDraws, MatterStatsWarmup, After);
        if (doneSeen == 0 && total >= 1_000) throw new InvalidOperationException("统计没有读到任何办结的诉求");
        if (compared < 2 * beforeSamples) throw new InvalidOperationException("改后的统计没有和改前比对");

        var what = $"{total:N0} matters and {visits:N0} visits over {villages.Count:N0} villages ({counties.Count:N0} counties, {towns.Count:N0} towns), last year, "
                   + "MatterStats.ReportAsync in process (no HTTP), fresh scope per call";
        RunResult Of(string scenario, string path, List<double> times, int warmup, string load, List<double>? before) => Result(spec with { Scenario = scenario },
            times.Sum() / 1000, times.Count, Memory.OwnPeak(), OwnPeak + ", including the untimed generation", load, new()
            {
                ["p50Ms"] = P(times, 0.50), ["p95Ms"] = P(times, 0.95), ["p99Ms"] = P(times, 0.99), ["maxMs"] = times[^1], ["meanMs"] = times.Average(),
                ["reportsPerSecond"] = times.Count / (times.Sum() / 1000), ["matters"] = total, ["visits"] = visits, ["villages"] = villages.Count, ["counties"] = counties.Count,
                ["towns"] = towns.Count, ["closedPerReport"] = (double)doneSeen / (afterCounty.Count + afterTown.Count), ["writeSeconds"] = writeSeconds,
                ["indexSeconds"] = indexSeconds, ["summarySeconds"] = summarySeconds, ["summaryRows"] = summaryRows, ["p95Ratio"] = before is null ? 0 : P(before, 0.95) / P(times, 0.95), ["comparedReports"] = compared,
            }, $"{path}; {what}; {times.Count} reports after {warmup} unrecorded"
               + (before is null ? "" : $"; p95 before / after = {P(before, 0.95) / P(times, 0.95):N1}×, {compared} reports equal to the old path's"));
        return
        [
            Of("matter-stats-before", "before (old StartsWith queries, no statistics indexes) as a county account", beforeCounty, MatterStatsBeforeWarmup, beforeLoad, null),
            Of("matter-stats-before-town", "before (old StartsWith queries, no statistics indexes) as a town account", beforeTown, MatterStatsBeforeWarmup, beforeLoad, null),
            Of("matter-stats", "after (per-village daily summary, visits from their index) as a county account", afterCounty, MatterStatsWarmup, afterLoad, beforeCounty),
            Of("matter-stats-town", "after (per-village daily summary, visits from their index) as a town account", afterTown, MatterStatsWarmup, afterLoad, beforeTown),
        ];
    }

    private static ClaimsPrincipal Account(string region) => new(new ClaimsIdentity(
    [
        new Claim(ClaimTypes.Name, "bench.stats"), new Claim(ClaimTypes.NameIdentifier, "bench-stats"), new Claim(CunzhiClaims.Region, region),
    ], "bench"));

    /// <summary>Milliseconds of each call after the first <paramref name="warmup"/>, sorted.</summary>
    private static async Task<List<double>> TimeAsync(List<string> codes, int warmup, Func<string, Task> call)
    {
        var times = new List<double>(codes.Count);
        var watch = new Stopwatch();
        for (var i = 0; i < codes.Count; i++)
        {
            watch.Restart();
            await call(codes[i]);
            watch.Stop();
            if (i >= warmup) times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times;
    }

    private static double P(List<double> sorted, double q) => sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(q * sorted.Count) - 1)];

    /// <summary>The indexes MatterStats' queries use (those on Matters or VisitRecords that lead with RegionCode and then a date), dropped; returns their CREATE statements.</summary>
    private static async Task<List<(string Name, string Sql)>> DropStatsIndexesAsync(AppDbContext db)
    {
        var names = new[] { typeof(Matter), typeof(VisitRecord) }.SelectMany(t => db.Model.FindEntityType(t)!.GetIndexes())
            .Where(i => i.Properties.Count >= 2 && i.Properties[0].Name == "RegionCode" && (Nullable.GetUnderlyingType(i.Properties[1].ClrType) ?? i.Properties[1].ClrType) == typeof(DateOnly))
            .Select(i => i.GetDatabaseName()!).ToList();
        var postgres = db.Database.ProviderName!.Contains("Npgsql");
        var found = new List<(string, string)>();
        foreach (var name in names)
        {
            var sql = postgres
                ? await db.Database.SqlQueryRaw<string>("SELECT pg_get_indexdef(to_regclass({0})) AS \"Value\"", $"\"{name}\"").SingleAsync()
                : await db.Database.SqlQueryRaw<string>("SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND name = {0}", name).SingleAsync();
            found.Add((name, sql));
            var drop = "DROP INDEX \"" + name + "\""; // a name from the model, not input
            await db.Database.ExecuteSqlRawAsync(drop);
        }
        if (found.Count != 3) throw new InvalidOperationException($"应有 3 个统计索引，找到 {found.Count} 个");
        return found;
    }

    private static async Task SqlAsync(WebApplication app, string sql)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    private static async Task InTransactionAsync(WebApplication app, Func<AppDbContext, Task<long>> write)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
        await using var tx = await db.Database.BeginTransactionAsync();
        await write(db);
        await tx.CommitAsync();
    }
}
