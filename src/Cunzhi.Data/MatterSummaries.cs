using Cunzhi.Domain.Matters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Cunzhi.Data;

/// <summary>
/// Keeps <see cref="MatterDailySummary"/> and <see cref="MatterCloseDays"/> equal to the matters. Called by
/// <see cref="AppDbContext.SaveChangesAsync(bool, CancellationToken)"/> for every save, inside the transaction it opens
/// for the audit chain and after the audit head's lock, so a matter change and its summary change commit or roll back
/// together (a stale write's 409 rolls both back), and concurrent saves meet the summary rows in one lock order.
/// Done in the save rather than in each handler so no path that changes a matter (commands, the resident's /Matter
/// page, imports, the seeder) can forget it. Each row changes by an atomic upsert (INSERT … ON CONFLICT DO UPDATE
/// adding the change), never read-modify-write, so two saves touching one village's day both count.
/// <see cref="RebuildAsync"/> recomputes both tables from the matters (upgrade path, bulk loads).
/// </summary>
public static class MatterSummaries
{
    public const string DailyTable = "MatterDailySummaries";
    public const string CloseDaysTable = "MatterCloseDays";

    private const string DailyUpsert = $$"""
        INSERT INTO "{{DailyTable}}" ("RegionCode", "Day", "Kind", "Received", "Closed", "CloseDaysSum", "Due", "DueOpen", "DueClosedLate")
        VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8})
        ON CONFLICT ("RegionCode", "Day", "Kind") DO UPDATE SET
            "Received" = "{{DailyTable}}"."Received" + excluded."Received", "Closed" = "{{DailyTable}}"."Closed" + excluded."Closed",
            "CloseDaysSum" = "{{DailyTable}}"."CloseDaysSum" + excluded."CloseDaysSum", "Due" = "{{DailyTable}}"."Due" + excluded."Due",
            "DueOpen" = "{{DailyTable}}"."DueOpen" + excluded."DueOpen", "DueClosedLate" = "{{DailyTable}}"."DueClosedLate" + excluded."DueClosedLate"
        """;

    private const string CloseDaysUpsert = $$"""
        INSERT INTO "{{CloseDaysTable}}" ("RegionCode", "Day", "Kind", "Days", "Count") VALUES ({0}, {1}, {2}, {3}, {4})
        ON CONFLICT ("RegionCode", "Day", "Kind", "Days") DO UPDATE SET "Count" = "{{CloseDaysTable}}"."Count" + excluded."Count"
        """;

    /// <summary>Applies the summary changes of every added, modified or deleted matter now tracked (before the save: original values are still the stored ones).</summary>
    internal static async Task ApplyAsync(AppDbContext db, CancellationToken ct)
    {
        var daily = new Dictionary<(string, DateOnly, MatterKind), MatterSummaryDelta>();
        var closeDays = new Dictionary<(string, DateOnly, MatterKind, int), int>();
        foreach (var e in db.ChangeTracker.Entries<Matter>())
        {
            if (e.State is not (EntityState.Added or EntityState.Modified or EntityState.Deleted)) continue;
            var before = e.State == EntityState.Added ? null : Original(e);
            var after = e.State == EntityState.Deleted ? null : MatterFacts.Of(e.Entity);
            if (before == after) continue;
            foreach (var d in MatterSummaryDelta.Between(before, after))
            {
                var key = (d.RegionCode, d.Day, d.Kind);
                daily[key] = daily.TryGetValue(key, out var had)
                    ? had with
                    {
                        Received = had.Received + d.Received, Closed = had.Closed + d.Closed, CloseDaysSum = had.CloseDaysSum + d.CloseDaysSum,
                        Due = had.Due + d.Due, DueOpen = had.DueOpen + d.DueOpen, DueClosedLate = had.DueClosedLate + d.DueClosedLate,
                    }
                    : d;
            }
            foreach (var c in MatterSummaryDelta.CloseDaysBetween(before, after))
            {
                var key = (c.RegionCode, c.Day, c.Kind, c.Days);
                closeDays[key] = closeDays.GetValueOrDefault(key) + c.Count;
            }
        }
        // In key order: two saves upserting the same rows take their locks in the same order.
        foreach (var d in daily.Values.OrderBy(d => d.RegionCode, StringComparer.Ordinal).ThenBy(d => d.Day).ThenBy(d => d.Kind))
        {
            if (d is { Received: 0, Closed: 0, CloseDaysSum: 0, Due: 0, DueOpen: 0, DueClosedLate: 0 }) continue;
            await db.Database.ExecuteSqlRawAsync(DailyUpsert,
                [d.RegionCode, d.Day, (int)d.Kind, d.Received, d.Closed, d.CloseDaysSum, d.Due, d.DueOpen, d.DueClosedLate], ct);
        }
        foreach (var (k, count) in closeDays.Where(c => c.Value != 0).OrderBy(c => c.Key.Item1, StringComparer.Ordinal).ThenBy(c => c.Key.Item2)
                     .ThenBy(c => c.Key.Item3).ThenBy(c => c.Key.Item4))
            await db.Database.ExecuteSqlRawAsync(CloseDaysUpsert, [k.Item1, k.Item2, (int)k.Item3, k.Item4, count], ct);
    }

    private static MatterFacts Original(EntityEntry<Matter> e)
    {
        var o = e.OriginalValues;
        return new(o.GetValue<string>(nameof(Matter.RegionCode)), o.GetValue<MatterKind>(nameof(Matter.Kind)), o.GetValue<MatterState>(nameof(Matter.State)),
            o.GetValue<DateOnly>(nameof(Matter.ReceivedOn)), o.GetValue<DateOnly>(nameof(Matter.DueOn)), o.GetValue<DateOnly?>(nameof(Matter.DoneOn)));
    }

    /// <summary>
    /// The statements that empty both summary tables and fill them again from the matters (one pass each, grouped in
    /// the database): for the <c>rebuild-matter-summary</c> verb, the migration that adds the tables, and bulk loads.
    /// </summary>
    public static IReadOnlyList<string> RebuildSql(bool postgres)
    {
        var closed = $"\"State\" IN ({(int)MatterState.Done}, {(int)MatterState.Confirmed})";
        var days = postgres ? "(\"DoneOn\" - \"ReceivedOn\")" : "CAST(julianday(\"DoneOn\") - julianday(\"ReceivedOn\") AS INTEGER)";
        return
        [
            $"DELETE FROM \"{CloseDaysTable}\"",
            $"DELETE FROM \"{DailyTable}\"",
            $"""
            INSERT INTO "{DailyTable}" ("RegionCode", "Day", "Kind", "Received", "Closed", "CloseDaysSum", "Due", "DueOpen", "DueClosedLate")
            SELECT "RegionCode", "Day", "Kind", SUM("Received"), SUM("Closed"), SUM("CloseDaysSum"), SUM("Due"), SUM("DueOpen"), SUM("DueClosedLate") FROM (
                SELECT "RegionCode", "ReceivedOn" AS "Day", "Kind", 1 AS "Received", 0 AS "Closed", 0 AS "CloseDaysSum", 0 AS "Due", 0 AS "DueOpen", 0 AS "DueClosedLate" FROM "Matters"
                UNION ALL
                SELECT "RegionCode", "DoneOn", "Kind", 0, 1, {days}, 0, 0, 0 FROM "Matters" WHERE {closed} AND "DoneOn" IS NOT NULL
                UNION ALL
                SELECT "RegionCode", "DueOn", "Kind", 0, 0, 0, 1, CASE WHEN {closed} THEN 0 ELSE 1 END,
                       CASE WHEN {closed} AND "DoneOn" > "DueOn" THEN 1 ELSE 0 END FROM "Matters"
            ) AS x GROUP BY "RegionCode", "Day", "Kind"
            """,
            $"""
            INSERT INTO "{CloseDaysTable}" ("RegionCode", "Day", "Kind", "Days", "Count")
            SELECT "RegionCode", "DoneOn", "Kind", {days}, COUNT(*) FROM "Matters" WHERE {closed} AND "DoneOn" IS NOT NULL
            GROUP BY "RegionCode", "DoneOn", "Kind", {days}
            """,
        ];
    }

    /// <summary>Recomputes both summary tables from the matters in one transaction (the caller's, or its own); returns the daily rows written.</summary>
    public static async Task<int> RebuildAsync(AppDbContext db, CancellationToken ct = default)
    {
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var rows = 0;
            var sql = RebuildSql(db is PostgresAppDbContext);
            foreach (var s in sql)
            {
                var n = await db.Database.ExecuteSqlRawAsync(s, ct);
                if (s == sql[2]) rows = n;
            }
            if (own is not null) await own.CommitAsync(ct);
            return rows;
        }
        finally
        {
            if (own is not null) await own.DisposeAsync();
        }
    }
}
