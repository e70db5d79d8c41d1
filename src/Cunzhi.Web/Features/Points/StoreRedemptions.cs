using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>Redeems <see cref="Quantity"/> pieces of an item for a household of the account's village.</summary>
public sealed record RedeemItem(long HouseholdId, long ItemId, int Quantity);

/// <summary>A receipt (兑换单): number, village, masked name, item, pieces, price, points, balance left, China time.</summary>
public sealed record StoreReceipt(long Id, string ReceiptNumber, string VillageCode, long HouseholdId, string MaskedName, long ItemId, string ItemName, int Quantity,
    int UnitPoints, int TotalPoints, int BalanceAfter, long EntryId, string By, DateTime AtUtc);

/// <summary>A household found for a redemption, with its balance now.</summary>
public sealed record StoreHousehold(long Id, string Number, string HeadName, int Balance);

public sealed class RedeemItemValidator : AbstractValidator<RedeemItem>
{
    public RedeemItemValidator()
    {
        RuleFor(c => c.HouseholdId).GreaterThan(0).WithMessage("请选择农户");
        RuleFor(c => c.ItemId).GreaterThan(0).WithMessage("请选择商品");
        RuleFor(c => c.Quantity).InclusiveBetween(1, StoreItem.MaxQuantity).WithMessage("兑换数量须为正整数");
    }
}

/// <summary>
/// 积分兑换: a village cadre redeems an item for a household of the village. One transaction: it takes the lock every save
/// takes (the audit head's) first, so redemptions run one at a time and what is checked is what is written; settles the
/// household's entries already due; checks the balance (never below zero through a redemption, whatever the county's
/// deduction rule) and the stock (<see cref="StoreRules.Redeem"/>); takes the stock with a conditional UPDATE (in stock,
/// not retired; a town's shared item's stock is the town's row, which only this gateway call may change for a village);
/// and saves, in one SaveChanges, the ledger entry (a spend in force at once: no 公示 — spending is the household's own
/// choice, not a judgement of its conduct that villagers could dispute, and points not taken at once could be spent
/// twice), the running row (its version makes a parallel write from the same reading fail: 409, nothing written), the
/// stock movement and the receipt. The database checks stock ≥ 0, spent ≥ 0 and the receipt's balance after ≥ 0.
/// </summary>
public sealed class StoreRedemptions(AppDbContext db, UserContext user, PointsBalances balances, TimeProvider clock)
{
    public const string HouseholdNotFound = "未找到该农户（或不属于本村）";
    public const string NotFoundMessage = "未找到该兑换单（或不在您的管辖范围内）";

    private DateOnly Today => clock.Today();

    private StoreReceipt View(StoreRedemption r) => new(r.Id, StoreRules.ReceiptNumber(r.RegionCode, clock.DateOf(r.AtUtc), r.Id), r.RegionCode,
        r.HouseholdId, StoreRules.MaskName(r.HolderName), r.ItemId, r.ItemName, r.Quantity, r.UnitPoints, r.TotalPoints, r.BalanceAfter, r.EntryId, r.By, r.AtUtc);

    /// <summary>Households of the account's village by head name or household number, with their balance (paged).</summary>
    public async Task<Paged<StoreHousehold>> HouseholdsAsync(string? q, PageRequest page, CancellationToken ct = default)
    {
        var text = q?.Trim() ?? "";
        var paged = await db.Households.AsNoTracking().Where(h => text == "" || h.HeadName.Contains(text) || h.Number.Contains(text))
            .OrderBy(h => h.Number).ThenBy(h => h.Id).Select(h => new { h.Id, h.Number, h.HeadName, h.RegionCode }).ToPagedAsync(page, ct);
        var list = new List<StoreHousehold>();
        foreach (var h in paged.Items)
            list.Add(new(h.Id, h.Number, h.HeadName, await balances.BalanceAsync(PointsHolderKind.Household, h.Id, h.RegionCode, ct)));
        return new(list, paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>One household of the account's village with its balance; null when not in scope.</summary>
    public async Task<StoreHousehold?> HouseholdAsync(long id, CancellationToken ct = default) =>
        await db.Households.AsNoTracking().Where(h => h.Id == id).Select(h => new { h.Id, h.Number, h.HeadName, h.RegionCode }).FirstOrDefaultAsync(ct) is { } h
            ? new(h.Id, h.Number, h.HeadName, await balances.BalanceAsync(PointsHolderKind.Household, h.Id, h.RegionCode, ct))
            : null;

    /// <summary>Redeems; null when the household is not one of the account's village (nothing written). Refusals are rule errors (409).</summary>
    public async Task<StoreReceipt?> RedeemAsync(RedeemItem c, CancellationToken ct = default)
    {
        var village = user.RegionCode;
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) throw new RuleException("store.village", null, "兑换由农户所在村办理，请使用村级账号");
        if (c.Quantity < 1) throw new RuleException("store.quantity", "quantity", "兑换数量须为正整数");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LockWritesAsync(ct);
        if (await db.Households.AsNoTracking().Where(h => h.Id == c.HouseholdId && h.RegionCode == village).Select(h => new { h.Id, h.HeadName }).FirstOrDefaultAsync(ct)
            is not { } household) return null;
        var item = await ScopeGateway.StoreItemsForVillage(db, village).FirstOrDefaultAsync(i => i.Id == c.ItemId, ct)
            ?? throw new RuleException("store.item", "itemId", StoreItems.NotFoundMessage);

        // Entries whose 公示 has ended count in the balance: settle them into the running rows in this same save.
        var today = Today;
        var due = await db.Set<PointsEntry>()
            .Where(e => e.HolderKind == PointsHolderKind.Household && e.HolderId == household.Id && e.State == PointsEntryState.Publicity
                        && e.PendingObjections == 0 && e.PublicityUntil < today)
            .OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var e in due) await balances.SettleAsync(e, ct);
        var rows = await balances.RowsAsync(PointsHolderKind.Household, household.Id, ct);
        var versions = await balances.PoliciesAsync(village, ct);
        var balance = PointsRules.Statement(rows, today.Year, PointsBalances.CarryRule(versions)).LastOrDefault()?.Balance ?? 0;

        var total = StoreRules.Redeem(item, village, RegionCodes.TownOf(village), c.Quantity, balance);
        var stockAfter = await ScopeGateway.TakeStoreStockAsync(db, village, item.Id, c.Quantity, ct)
            ?? throw new RuleException("store.stock", "quantity", $"库存不足：商品“{item.Name}”已被兑换，请刷新后重试");

        var now = clock.GetUtcNow().UtcDateTime;
        var entry = new PointsEntry
        {
            RegionCode = village, HolderKind = PointsHolderKind.Household, HolderId = household.Id, HolderName = household.HeadName, Year = today.Year, Date = today,
            ItemCode = StoreRules.EntryCode, StoreItemId = item.Id, ItemName = $"兑换：{item.Name}×{c.Quantity}", Points = -total, AppliedPoints = -total,
            Note = $"积分超市兑换 {c.Quantity} 件，每件 {item.Points} 分", State = PointsEntryState.InForce, ProposerKind = PointsProposer.VillageCadre,
            ProposedBy = user.UserName, ProposedAtUtc = now, DecidedBy = user.UserName, DecidedAtUtc = now, InForceOn = today,
        };
        PointsRules.Spend(await balances.RowAsync(entry, today.Year, ct), total);
        var redemption = new StoreRedemption
        {
            RegionCode = village, HouseholdId = household.Id, HolderName = household.HeadName, ItemId = item.Id, ItemName = item.Name, Quantity = c.Quantity,
            UnitPoints = item.Points, TotalPoints = total, BalanceAfter = balance - total, Entry = entry, By = user.UserName, AtUtc = now,
        };
        db.AddRange(entry, redemption, new StockMovement
        {
            ItemId = item.Id, RegionCode = village, Kind = StockMovementKind.Redemption, Quantity = -c.Quantity, StockAfter = stockAfter, Redemption = redemption,
            By = user.UserName, AtUtc = now,
        });
        await balances.SaveAsync(ct);
        await tx.CommitAsync(ct);
        return View(redemption);
    }

    /// <summary>A receipt in scope; null when none.</summary>
    public async Task<StoreReceipt?> ReceiptAsync(long id, CancellationToken ct = default) =>
        await db.Set<StoreRedemption>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, ct) is { } r ? View(r) : null;

    /// <summary>Redemptions in scope, newest first (a household's when given; paged).</summary>
    public async Task<Paged<StoreReceipt>> ListAsync(long? householdId, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<StoreRedemption>().AsNoTracking();
        if (householdId is { } h) q = q.Where(r => r.HouseholdId == h);
        var paged = await q.OrderByDescending(r => r.Id).ToPagedAsync(page, ct);
        return new(paged.Items.Select(View).ToList(), paged.Total, paged.Page, paged.PageSize);
    }
}
