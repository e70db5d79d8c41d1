using Cunzhi.Data;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// The demo points store (积分超市), called by <see cref="PointsDemo"/> after its save: a few items with stock for 闹坪村, one
/// item shared by its town 三兴镇, and redemptions by the households that have points this year — each checked by
/// <see cref="StoreRules.Redeem"/> and written as the handler writes it (ledger entry in force, spent on the running row,
/// stock movement, receipt).
/// </summary>
public static class StoreDemo
{
    public static async Task SeedAsync(AppDbContext db, string village, IReadOnlyDictionary<(PointsHolderKind, long, int), PointsBalance> balances,
        IReadOnlyList<(long Id, string HeadName)> households, DateOnly today, DateTime nowUtc, CancellationToken ct)
    {
        var town = RegionCodes.TownOf(village)!;
        StoreItem Item(string region, string name, int points, int stock)
        {
            var item = new StoreItem { RegionCode = region, Name = name, Points = points, Stock = stock, CreatedBy = PointsDemo.Committee, CreatedAtUtc = nowUtc };
            db.Add(item);
            db.Add(new StockMovement { Item = item, RegionCode = region, Kind = StockMovementKind.Restock, Quantity = stock, StockAfter = stock, Reason = "上架", By = PointsDemo.Committee, AtUtc = nowUtc });
            return item;
        }
        var soap = Item(village, "洗衣粉 1 袋", 2, 20);
        var towel = Item(village, "毛巾 1 条", 1, 30);
        Item(village, "食用油 5 升", 10, 8);
        var broken = Item(village, "暖水瓶", 6, 5);
        broken.Stock -= 1;
        db.Add(new StockMovement { Item = broken, RegionCode = village, Kind = StockMovementKind.WriteOff, Quantity = -1, StockAfter = broken.Stock, Reason = "运输破损", By = PointsDemo.Committee, AtUtc = nowUtc });
        Item(town, "大米 10 斤（全镇共享）", 8, 50);
        await db.SaveChangesAsync(ct);

        void Redeem(long household, string name, StoreItem item, int quantity)
        {
            var row = balances[(PointsHolderKind.Household, household, today.Year)];
            var total = StoreRules.Redeem(item, village, town, quantity, row.Net);
            item.Stock -= quantity;
            var entry = new PointsEntry
            {
                RegionCode = village, HolderKind = PointsHolderKind.Household, HolderId = household, HolderName = name, Year = today.Year, Date = today,
                ItemCode = StoreRules.EntryCode, StoreItemId = item.Id, ItemName = $"兑换：{item.Name}×{quantity}", Points = -total, AppliedPoints = -total,
                Note = $"积分超市兑换 {quantity} 件，每件 {item.Points} 分", State = PointsEntryState.InForce, ProposerKind = PointsProposer.VillageCadre,
                ProposedBy = PointsDemo.Committee, ProposedAtUtc = nowUtc, DecidedBy = PointsDemo.Committee, DecidedAtUtc = nowUtc, InForceOn = today,
            };
            PointsRules.Spend(row, total);
            var redemption = new StoreRedemption
            {
                RegionCode = village, HouseholdId = household, HolderName = name, ItemId = item.Id, ItemName = item.Name, Quantity = quantity, UnitPoints = item.Points,
                TotalPoints = total, BalanceAfter = row.Net, Entry = entry, By = PointsDemo.Committee, AtUtc = nowUtc,
            };
            db.AddRange(entry, redemption, new StockMovement
            {
                ItemId = item.Id, RegionCode = village, Kind = StockMovementKind.Redemption, Quantity = -quantity, StockAfter = item.Stock, Redemption = redemption,
                By = PointsDemo.Committee, AtUtc = nowUtc,
            });
        }
        // The household with points this year takes a towel and a bag of soap; nothing is taken beyond its balance.
        if (households.Count > 0 && balances.GetValueOrDefault((PointsHolderKind.Household, households[0].Id, today.Year)) is { Net: >= 3 })
        {
            Redeem(households[0].Id, households[0].HeadName, towel, 1);
            Redeem(households[0].Id, households[0].HeadName, soap, 1);
            await db.SaveChangesAsync(ct);
        }
    }
}
