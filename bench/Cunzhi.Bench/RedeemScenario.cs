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
    // ---------------------------------------------------------------- 7: points store redemptions

    /// <summary>Concurrent redeemers on one item.</summary>
    public const int Redeemers = 50;

    /// <summary>
    /// 积分超市: <see cref="Redeemers"/> concurrent redeemers on ONE item until it is sold out, through the handler the API
    /// and the page use (<see cref="StoreRedemptions.RedeemAsync"/>: one transaction that takes the write lock first, settles
    /// due entries, checks balance and stock, takes the stock with a conditional UPDATE, and saves the ledger entry, the
    /// running row, the stock movement, the receipt and the audit entries). Untimed setup: 万载县 at a few households a
    /// village, plus <see cref="Redeemers"/> households in one village, each given points in force (one entry and its
    /// running row), and one item with <c>stock</c> pieces at 1 point. Timed: the redeemers, each its own scope acting as
    /// the village's cadre, redeeming one piece at a time until refused for stock. Afterwards it asserts no oversell
    /// (exactly <c>stock</c> receipts, stock 0, movements summing to 0) and no overdraw (every household's spent points
    /// equal its receipts and its ledger's redemption entries, and its balance is not below zero), or fails.
    /// </summary>
    private static async Task<RunResult> RedeemAsync(RunSpec spec)
    {
        var stock = spec.Rows;
        await using var app = AppServices.Build(spec.Database);
        string village;
        List<long> households;
        long itemId;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            await DataSetup.MigrateAsync(db);
            var seeder = scope.ServiceProvider.GetRequiredService<DemoSeeder>();
            await seeder.SeedReferenceDataAsync();
            var divisions = SelectDivisions("county", spec.Smoke ? Path.Combine(Paths.Scratch, "no-package") : spec.DivisionData);
            if (!await seeder.SeedDemoAsync(new DemoOptions { Scale = DemoScale.Province, HouseholdsPerVillage = 3, Activity = false }, divisions, TextWriter.Null))
                throw new InvalidOperationException("数据库不是空的");
            village = await db.Regions.IgnoreQueryFilters().Where(r => r.Level == RegionLevel.Village).OrderBy(r => r.Code).Select(r => r.Code).FirstAsync();
            var year = DateTime.UtcNow.AddHours(8).Year;
            var each = stock / Redeemers + 10;
            var rows = Enumerable.Range(0, Redeemers).Select(i => new Household { RegionCode = village, Number = $"BR{i:D4}", HeadName = $"兑换户{i}" }).ToList();
            db.AddRange(rows);
            await db.SaveChangesAsync();
            foreach (var h in rows)
            {
                db.Add(new PointsEntry
                {
                    RegionCode = village, HolderKind = PointsHolderKind.Household, HolderId = h.Id, HolderName = h.HeadName, Year = year, Date = new DateOnly(year, 1, 1),
                    ItemCode = "A01", ItemName = "基准测试加分", Points = each, AppliedPoints = each, State = PointsEntryState.InForce, ProposedBy = "bench", DecidedBy = "bench",
                    InForceOn = new DateOnly(year, 1, 1),
                });
                db.Add(new PointsBalance { RegionCode = village, HolderKind = PointsHolderKind.Household, HolderId = h.Id, Year = year, Earned = each, Entries = 1 });
            }
            var item = new StoreItem { RegionCode = village, Name = "基准测试商品", Points = 1, Stock = stock, CreatedBy = "bench", CreatedAtUtc = DateTime.UtcNow };
            db.Add(item);
            db.Add(new StockMovement { Item = item, RegionCode = village, Kind = StockMovementKind.Restock, Quantity = stock, StockAfter = stock, Reason = "上架", By = "bench", AtUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            households = rows.Select(r => r.Id).ToList();
            itemId = item.Id;
        }

        var cadre = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, "bench-cadre"), new Claim(ClaimTypes.Name, "bench.cadre"), new Claim(CunzhiClaims.Region, village)], "bench"));
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var refusals = 0;
        var stale = 0;
        var busy = 0;
        var load = Memory.LoadAverage();
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(households.Select(household => Task.Run(async () =>
        {
            while (true)
            {
                var one = Stopwatch.StartNew();
                await using var scope = app.Services.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<UserContext>().ActAs(cadre);
                try
                {
                    await scope.ServiceProvider.GetRequiredService<StoreRedemptions>().RedeemAsync(new RedeemItem(household, itemId, 1));
                    latencies.Add(one.Elapsed.TotalMilliseconds);
                }
                catch (RuleException)
                {
                    Interlocked.Increment(ref refusals);
                    return; // sold out (or, never expected here, out of points)
                }
                catch (DbUpdateConcurrencyException)
                {
                    Interlocked.Increment(ref stale); // a stale running row: the API answers 409; the client may retry
                }
                catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 } || e.InnerException is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 })
                {
                    // SQLite's writer lock has no queue: under this load a waiter can pass the 60 s busy timeout. Counted and retried, as a client would.
                    Interlocked.Increment(ref busy);
                }
            }
        })));
        watch.Stop();
        var peak = Memory.OwnPeak();

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            db.User.AsSystem();
            var left = await db.Set<StoreItem>().Where(i => i.Id == itemId).Select(i => i.Stock).SingleAsync();
            var receipts = await db.Set<StoreRedemption>().CountAsync(r => r.ItemId == itemId);
            var moved = await db.Set<StockMovement>().Where(m => m.ItemId == itemId).SumAsync(m => m.Quantity);
            if (left != 0 || receipts != stock || moved != 0 || latencies.Count != stock)
                throw new InvalidOperationException($"超卖或少卖：库存余 {left}，兑换单 {receipts}，库存变动合计 {moved}，成功 {latencies.Count}，应为 {stock}");
            var spent = await db.Set<PointsBalance>().Where(b => households.Contains(b.HolderId) && b.HolderKind == PointsHolderKind.Household)
                .Select(b => new { b.HolderId, b.Spent, Net = b.Earned - b.Deducted - b.Spent }).ToListAsync();
            var byReceipt = await db.Set<StoreRedemption>().Where(r => r.ItemId == itemId).GroupBy(r => r.HouseholdId).Select(g => new { g.Key, Sum = g.Sum(r => r.TotalPoints) }).ToListAsync();
            var byLedger = await db.Set<PointsEntry>().Where(e => e.StoreItemId == itemId).GroupBy(e => e.HolderId).Select(g => new { g.Key, Sum = g.Sum(e => -e.Points) }).ToListAsync();
            foreach (var b in spent)
            {
                if (b.Net < 0) throw new InvalidOperationException($"农户 {b.HolderId} 余额为负：{b.Net}");
                var r = byReceipt.FirstOrDefault(x => x.Key == b.HolderId)?.Sum ?? 0;
                var l = byLedger.FirstOrDefault(x => x.Key == b.HolderId)?.Sum ?? 0;
                if (r != b.Spent || l != b.Spent) throw new InvalidOperationException($"农户 {b.HolderId}：余额行已兑换 {b.Spent}，兑换单 {r}，台账 {l}");
            }
        }

        var sorted = latencies.Order().ToArray();
        double P(int p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
        return Result(spec, watch.Elapsed.TotalSeconds, stock, peak, OwnPeak, load, new()
        {
            ["redemptionsPerSecond"] = stock / watch.Elapsed.TotalSeconds, ["p50Ms"] = P(50), ["p95Ms"] = P(95), ["p99Ms"] = P(99), ["maxMs"] = sorted.LastOrDefault(),
            ["redeemers"] = Redeemers, ["refusedSoldOut"] = refusals, ["staleRetries"] = stale, ["busyRetries"] = busy,
        }, $"{Redeemers} concurrent redeemers on one item of {stock} pieces, in process through StoreRedemptions.RedeemAsync; afterwards: no oversell, no overdraw, ledger = running rows = receipts");
    }
}
