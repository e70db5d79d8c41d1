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
    /// from the tables (no summary). <see cref="MatterStatsWarmup"/> calls first are not recorded. Target p95 ≤ 1 s.
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> MatterStatsAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        List<(long Id, string Region)> households;
        List<string> villages, counties;
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
            var towns = await regions.Where(r => r.Level == RegionLevel.Town).Select(r => r.Code).ToListAsync();
            foreach (var t in towns)
                db.Add(new VisitRound { RegionCode = t, Name = "基准测试走访", FromDate = today.AddYears(-2), ToDate = today, CreatedBy = "bench.town", CreatedAtUtc = nowUtc });
            await db.SaveChangesAsync();
            rounds = await db.Set<VisitRound>().IgnoreQueryFilters().ToDictionaryAsync(r => r.RegionCode, r => r.Id);
            households = (await db.Households.IgnoreQueryFilters().AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.RegionCode }).ToListAsync())
                .Select(h => (h.Id, h.RegionCode)).ToList();
        }
        if (villages.Count == 0 || households.Count == 0) throw new InvalidOperationException("没有村或农户");

        var first = today.AddYears(-2);
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
        var writeWatch = Stopwatch.StartNew();
        for (long from = 0; from < total; from += MatterBatch)
            await InTransactionAsync(app, db => new BulkWriter(db).WriteAsync(typeof(Matter), Matters(from, Math.Min(MatterBatch, total - from)), MatterColumns, MatterValues));
        for (long from = 0; from < visits; from += MatterBatch)
            await InTransactionAsync(app, db => new BulkWriter(db).WriteAsync(typeof(VisitRecord), Visits(from, Math.Min(MatterBatch, visits - from)), VisitColumns, VisitValues));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
        }
        var writeSeconds = writeWatch.Elapsed.TotalSeconds;

        var lastYear = today.Year - 1;
        var query = new MatterStatsQuery(null, new DateOnly(lastYear, 1, 1), new DateOnly(lastYear, 12, 31), null);
        var random = new Random(19);
        var samples = Math.Max(spec.Samples, 1);
        var times = new List<double>(samples);
        long doneSeen = 0;
        var load = Memory.LoadAverage();
        var watch = new Stopwatch();
        for (var i = 0; i < MatterStatsWarmup + samples; i++)
        {
            var county = counties[random.Next(counties.Count)];
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "bench.county"), new Claim(ClaimTypes.NameIdentifier, "bench-county"), new Claim(CunzhiClaims.Region, county),
            ], "bench"));
            watch.Restart();
            MatterStatsReport report;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(principal);
                report = await scope.ServiceProvider.GetRequiredService<MatterStats>().ReportAsync(query, new PageRequest(1, 50));
            }
            watch.Stop();
            if (report.RegionCode != county) throw new InvalidOperationException($"统计的区划为 {report.RegionCode}，应为 {county}");
            if (i < MatterStatsWarmup) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            doneSeen += report.CloseTimes.Sum(c => c.Count);
        }
        if (doneSeen == 0 && total >= 1_000) throw new InvalidOperationException("统计没有读到任何办结的诉求");
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return [Result(spec with { Scenario = "matter-stats" }, times.Sum() / 1000, times.Count, Memory.OwnPeak(), OwnPeak + ", including the untimed generation", load, new()
        {
            ["p50Ms"] = P(0.50), ["p95Ms"] = P(0.95), ["p99Ms"] = P(0.99), ["maxMs"] = times[^1], ["meanMs"] = times.Average(),
            ["reportsPerSecond"] = times.Count / (times.Sum() / 1000), ["matters"] = total, ["visits"] = visits, ["villages"] = villages.Count, ["counties"] = counties.Count,
            ["closedPerReport"] = (double)doneSeen / times.Count, ["writeSeconds"] = writeSeconds,
        }, $"MatterStats.ReportAsync in process (no HTTP), fresh scope per call as a county account of a random county, last year; {total:N0} matters and {visits:N0} visits "
           + $"over {villages.Count:N0} villages; {times.Count} reports after {MatterStatsWarmup} unrecorded; read straight from the tables, indexes as migrated")];
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
