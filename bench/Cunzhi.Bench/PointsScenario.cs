using System.Diagnostics;
using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Points;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Bench;

public static partial class Scenarios
{
    // ---------------------------------------------------------------- 7: the points ledger at scale (issue #18)

    /// <summary>
    /// The points ledger at scale, two results from one database.
    /// <para><b>points-post</b> — <paramref name="spec"/>.Rows entries in force for the households of the generated
    /// slice, in time order (each round of the province's households is one later date, so a household's entries lie
    /// scattered through the table as a real ledger's do). Timed: building each <see cref="PointsEntry"/> with every
    /// column the app writes, counting it on its holder-year <see cref="PointsBalance"/> with the domain's own
    /// <see cref="PointsRules.Applied"/> and <see cref="PointsRules.Count"/> (as the sweep does when an entry comes into
    /// force), the entries written by the app's <see cref="BulkWriter"/> (binary COPY on PostgreSQL, a prepared insert on
    /// SQLite) in transactions of <see cref="PostBatch"/> entries, and the running rows written the same way at the end.
    /// Not timed, not done: the propose → approve → 公示 workflow per entry (EF, one request each) and the per-entry cap check.</para>
    /// <para><b>points-statement</b> — then, with those entries in the table, one household's balance and statement as
    /// the statement page and <c>GET /api/v1/points/statement</c> read it: <see cref="PointsLedger.StatementAsync"/>
    /// in process (no HTTP), in a fresh DI scope per call acting as a village account of the household's village (region
    /// scope applied), page 1 of the entries. Households are drawn at random (fixed seed); <see cref="StatementWarmup"/>
    /// calls first are not recorded. Both databases are ANALYZEd after the write (untimed).</para>
    /// </summary>
    private static async Task<IReadOnlyList<RunResult>> PointsAsync(RunSpec spec)
    {
        await using var app = AppServices.Build(spec.Database);
        var clock = app.Services.GetRequiredService<TimeProvider>();
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        var nowUtc = clock.GetUtcNow().UtcDateTime;
        List<(long Id, string Region, string Name)> households;
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
            // Every county's catalogue: the defaults, in force since 1 January last year (the demo county has its own already).
            var counties = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.County).Select(r => r.Code).ToListAsync();
            var have = await db.Set<PointsPolicy>().Select(p => p.CountyCode).ToListAsync();
            foreach (var county in counties.Except(have))
                db.Add(new PointsPolicy
                {
                    CountyCode = county, Version = 1, EffectiveFrom = new DateOnly(today.Year - 1, 1, 1), IsPublished = true, PublishedBy = "bench",
                    PublishedAtUtc = nowUtc, Items = PointsPolicy.DefaultItems(),
                });
            await db.SaveChangesAsync();
            // The demo village's few households with seeded points (PointsDemo) keep theirs: the ledger here is for the others.
            var seeded = (await db.Set<PointsBalance>().IgnoreQueryFilters().Where(b => b.HolderKind == PointsHolderKind.Household).Select(b => b.HolderId).ToListAsync()).ToHashSet();
            households = (await db.Households.IgnoreQueryFilters().AsNoTracking().OrderBy(h => h.Id).Select(h => new { h.Id, h.RegionCode, h.HeadName }).ToListAsync())
                .Where(h => !seeded.Contains(h.Id)).Select(h => (h.Id, h.RegionCode, h.HeadName)).ToList();
        }
        if (households.Count == 0) throw new InvalidOperationException("没有农户");

        var post = await PostEntriesAsync(app, spec, households, today, nowUtc);
        var statement = await StatementsAsync(app, spec, households);
        return [post, statement];
    }

    /// <summary>Entries per transaction in the timed write.</summary>
    private const int PostBatch = 250_000;
    private const int StatementWarmup = 200;

    private static readonly string[] EntryColumns =
    [
        nameof(PointsEntry.RegionCode), nameof(PointsEntry.HolderKind), nameof(PointsEntry.HolderId), nameof(PointsEntry.HolderName), nameof(PointsEntry.Year),
        nameof(PointsEntry.Date), nameof(PointsEntry.PolicyVersion), nameof(PointsEntry.ItemCode), nameof(PointsEntry.VillageItemId), nameof(PointsEntry.ItemName),
        nameof(PointsEntry.Points), nameof(PointsEntry.AppliedPoints), nameof(PointsEntry.Note), nameof(PointsEntry.Evidence), nameof(PointsEntry.State),
        nameof(PointsEntry.ProposerKind), nameof(PointsEntry.ProposedBy), nameof(PointsEntry.ProposedAtUtc), nameof(PointsEntry.DecidedBy),
        nameof(PointsEntry.DecidedAtUtc), nameof(PointsEntry.RejectReason), nameof(PointsEntry.PublicityFrom), nameof(PointsEntry.PublicityUntil),
        nameof(PointsEntry.InForceOn), nameof(PointsEntry.ReversesId), nameof(PointsEntry.ReversalReason), nameof(PointsEntry.PendingObjections),
        nameof(PointsEntry.RowVersion),
    ];

    private static readonly string[] BalanceColumns =
    [
        nameof(PointsBalance.RegionCode), nameof(PointsBalance.HolderKind), nameof(PointsBalance.HolderId), nameof(PointsBalance.Year),
        nameof(PointsBalance.Earned), nameof(PointsBalance.Deducted), nameof(PointsBalance.Spent), nameof(PointsBalance.Entries), nameof(PointsBalance.RowVersion),
    ];

    private static async Task<RunResult> PostEntriesAsync(WebApplication app, RunSpec spec, List<(long Id, string Region, string Name)> households, DateOnly today, DateTime nowUtc)
    {
        var items = PointsPolicy.DefaultItems().Where(i => i.For == PointsHolderKind.Household).ToArray();
        long total = spec.Rows;
        var rounds = (int)((total + households.Count - 1) / households.Count);
        // Round r's deeds fall on one day, evenly from 1 January last year to 10 days ago: ids grow with time.
        var first = new DateOnly(today.Year - 1, 1, 1);
        var span = today.AddDays(-10).DayNumber - first.DayNumber;
        var balances = new Dictionary<(long, int), PointsBalance>();

        IEnumerable<PointsEntry> Entries(long from, long count)
        {
            for (var n = from; n < from + count; n++)
            {
                var round = (int)(n / households.Count);
                var h = households[(int)(n % households.Count)];
                var item = items[(int)((n * 7 + round) % items.Length)];
                var date = first.AddDays(span * round / Math.Max(rounds, 1));
                var points = item.Sign == PointsSign.Deduct ? -item.Points : item.Points;
                if (!balances.TryGetValue((h.Id, date.Year), out var row))
                    balances[(h.Id, date.Year)] = row = new PointsBalance { RegionCode = h.Region, HolderKind = PointsHolderKind.Household, HolderId = h.Id, Year = date.Year };
                var applied = PointsRules.Applied(row.Net, points, allowNegative: false);
                PointsRules.Count(row, applied, reversal: false);
                var publicityFrom = date.AddDays(1);
                yield return new PointsEntry
                {
                    RegionCode = h.Region, HolderKind = PointsHolderKind.Household, HolderId = h.Id, HolderName = h.Name, Year = date.Year, Date = date,
                    PolicyVersion = 1, ItemCode = item.Code, ItemName = item.Name, Points = points, AppliedPoints = applied, Note = "",
                    Evidence = item.EvidenceRequired ? "村委会存档照片" : null, State = PointsEntryState.InForce, ProposerKind = PointsProposer.VillageCadre,
                    ProposedBy = "bench.village", ProposedAtUtc = nowUtc, DecidedBy = "bench.committee", DecidedAtUtc = nowUtc, PublicityFrom = publicityFrom,
                    PublicityUntil = publicityFrom.AddDays(PointsPolicy.DefaultPublicityDays - 1), InForceOn = publicityFrom.AddDays(PointsPolicy.DefaultPublicityDays),
                    PendingObjections = 0, RowVersion = 1,
                };
            }
        }

        static object?[] EntryValues(PointsEntry e) =>
        [
            e.RegionCode, e.HolderKind, e.HolderId, e.HolderName, e.Year, e.Date, e.PolicyVersion, e.ItemCode, e.VillageItemId, e.ItemName, e.Points, e.AppliedPoints,
            e.Note, e.Evidence, e.State, e.ProposerKind, e.ProposedBy, e.ProposedAtUtc, e.DecidedBy, e.DecidedAtUtc, e.RejectReason, e.PublicityFrom,
            e.PublicityUntil, e.InForceOn, e.ReversesId, e.ReversalReason, e.PendingObjections, e.RowVersion,
        ];
        static object?[] BalanceValues(PointsBalance b) => [b.RegionCode, b.HolderKind, b.HolderId, b.Year, b.Earned, b.Deducted, b.Spent, b.Entries, b.RowVersion];

        GC.Collect();
        var load = Memory.LoadAverage();
        var watch = Stopwatch.StartNew();
        long written = 0, batches = 0;
        for (long from = 0; from < total; from += PostBatch)
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await using var tx = await db.Database.BeginTransactionAsync();
            written += await new BulkWriter(db)
                .WriteAsync(typeof(PointsEntry), Entries(from, Math.Min(PostBatch, total - from)), EntryColumns, EntryValues);
            await tx.CommitAsync();
            batches++;
        }
        var entriesSeconds = watch.Elapsed.TotalSeconds;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            await using var tx = await db.Database.BeginTransactionAsync();
            await new BulkWriter(db).WriteAsync(typeof(PointsBalance), balances.Values, BalanceColumns, BalanceValues);
            await tx.CommitAsync();
        }
        watch.Stop();
        var peak = Memory.OwnPeak();
        if (written != total) throw new InvalidOperationException($"写入 {written} 条积分记录，应为 {total}");

        long tableEntries, tableBalances, tableBytes;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            db.Database.SetCommandTimeout(TimeSpan.FromMinutes(30));
            tableEntries = await db.Set<PointsEntry>().IgnoreQueryFilters().LongCountAsync();
            tableBalances = await db.Set<PointsBalance>().IgnoreQueryFilters().LongCountAsync();
            // Planner statistics as autovacuum (PostgreSQL) or PRAGMA optimize (SQLite) would leave them; untimed.
            await db.Database.ExecuteSqlRawAsync("ANALYZE");
            tableBytes = await TableBytesAsync(db);
        }
        var rate = written / watch.Elapsed.TotalSeconds;
        return Result(spec with { Scenario = "points-post" }, watch.Elapsed.TotalSeconds, written, peak, OwnPeak + ", including the untimed generation", load, new()
        {
            ["entriesPerSecond"] = rate, ["households"] = households.Count, ["entriesPerHousehold"] = (double)written / households.Count,
            ["balanceRows"] = tableBalances, ["tableEntries"] = tableEntries, ["entriesSeconds"] = entriesSeconds, ["batches"] = batches,
            ["ledgerMB"] = tableBytes / 1048576.0,
        }, $"{written:N0} entries in force for {households.Count:N0} households in time order, real entry shape, running rows by PointsRules.Count; "
           + $"BulkWriter ({(spec.Provider == "postgres" ? "binary COPY" : "prepared single-row INSERT")}) in transactions of {PostBatch:N0}, then {tableBalances:N0} running rows; indexes as migrated");
    }

    /// <summary>PostgreSQL: the entries table with its indexes and TOAST; SQLite: the whole file.</summary>
    private static async Task<long> TableBytesAsync(AppDbContext db)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync();
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = db.Database.IsNpgsql()
            ? "SELECT pg_total_relation_size('\"PointsEntries\"')"
            : "SELECT page_count * page_size FROM pragma_page_count(), pragma_page_size()";
        return Convert.ToInt64(await cmd.ExecuteScalarAsync());
    }

    private static async Task<RunResult> StatementsAsync(WebApplication app, RunSpec spec, List<(long Id, string Region, string Name)> households)
    {
        var random = new Random(18);
        var samples = Math.Max(spec.Samples, 1);
        var times = new List<double>(samples);
        long entriesSeen = 0;
        var load = Memory.LoadAverage();
        var watch = new Stopwatch();
        for (var i = 0; i < StatementWarmup + samples; i++)
        {
            var h = households[random.Next(households.Count)];
            var principal = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "bench.village"), new Claim(ClaimTypes.NameIdentifier, "bench-village"), new Claim(CunzhiClaims.Region, h.Region),
            ], "bench"));
            watch.Restart();
            PointsStatement? statement;
            await using (var scope = app.Services.CreateAsyncScope())
            {
                scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(principal);
                statement = await scope.ServiceProvider.GetRequiredService<PointsLedger>().StatementAsync(PointsHolderKind.Household, h.Id, new PageRequest(1, null));
            }
            watch.Stop();
            if (statement is null) throw new InvalidOperationException($"农户 {h.Id} 的积分明细读不到");
            if (statement.Entries.Total == 0 && spec.Rows >= households.Count) throw new InvalidOperationException($"农户 {h.Id} 没有积分记录");
            if (i < StatementWarmup) continue;
            times.Add(watch.Elapsed.TotalMilliseconds);
            entriesSeen += statement.Entries.Total;
        }
        times.Sort();
        double P(double q) => times[Math.Min(times.Count - 1, (int)Math.Ceiling(q * times.Count) - 1)];
        return Result(spec with { Scenario = "points-statement" }, times.Sum() / 1000, times.Count, Memory.OwnPeak(), OwnPeak + ", including the untimed generation", load, new()
        {
            ["p50Ms"] = P(0.50), ["p95Ms"] = P(0.95), ["p99Ms"] = P(0.99), ["maxMs"] = times[^1], ["meanMs"] = times.Average(),
            ["statementsPerSecond"] = times.Count / (times.Sum() / 1000), ["entriesPerStatement"] = (double)entriesSeen / times.Count,
        }, $"PointsLedger.StatementAsync in process (no HTTP), fresh scope per call as a village account, page 1; {times.Count} random households after {StatementWarmup} unrecorded");
    }
}
