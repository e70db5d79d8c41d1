using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>A store item as shown: whose it is (本村 or 全镇共享), price, stock.</summary>
public sealed record StoreItemView(long Id, string RegionCode, bool Shared, string Name, int Points, int Stock, DateTime CreatedAtUtc, DateTime? RetiredAtUtc, int Version);

/// <summary>What the public board shows of an item visible to a village.</summary>
public sealed record StoreBoardItem(string Name, int Points, int Stock);

/// <summary>A stock line as shown.</summary>
public sealed record StockMovementView(long Id, long ItemId, string ItemName, string RegionCode, StockMovementKind Kind, int Quantity, int StockAfter, string? Reason,
    long? RedemptionId, string By, DateTime AtUtc);

/// <summary>Puts an item on the shelf of the account's village or town.</summary>
public sealed record AddStoreItem(string? Name, int Points, int Stock);

/// <summary>Changes an item's price (edits from <see cref="Version"/>; past redemptions keep theirs).</summary>
public sealed record RepriceStoreItem(int Points, int? Version);

/// <summary>Restocks (入库) or writes off (报损, with a reason) pieces of an item.</summary>
public sealed record MoveStock(int Quantity, string? Reason);

public sealed class AddStoreItemValidator : AbstractValidator<AddStoreItem>
{
    public AddStoreItemValidator()
    {
        RuleFor(c => c.Name).Must(n => !string.IsNullOrWhiteSpace(n)).WithMessage("请填写商品名称").MaximumLength(StoreItem.MaxName).WithMessage($"商品名称不超过 {StoreItem.MaxName} 个字");
        RuleFor(c => c.Points).InclusiveBetween(1, StoreItem.MaxPoints).WithMessage($"兑换积分应为 1 至 {StoreItem.MaxPoints} 的整数");
        RuleFor(c => c.Stock).InclusiveBetween(0, StoreItem.MaxQuantity).WithMessage($"初始库存应为 0 至 {StoreItem.MaxQuantity} 的整数");
    }
}

public sealed class RepriceStoreItemValidator : AbstractValidator<RepriceStoreItem>
{
    public RepriceStoreItemValidator() =>
        RuleFor(c => c.Points).InclusiveBetween(1, StoreItem.MaxPoints).WithMessage($"兑换积分应为 1 至 {StoreItem.MaxPoints} 的整数");
}

public sealed class MoveStockValidator : AbstractValidator<MoveStock>
{
    public MoveStockValidator()
    {
        RuleFor(c => c.Quantity).InclusiveBetween(1, StoreItem.MaxQuantity).WithMessage($"数量应为 1 至 {StoreItem.MaxQuantity} 的整数");
        RuleFor(c => c.Reason).MaximumLength(StockMovement.MaxReason).WithMessage($"原因不超过 {StockMovement.MaxReason} 个字");
    }
}

/// <summary>
/// 积分超市 items and their stock ledger: a village puts its own items on the shelf, a town its shared ones (every village
/// of the town sees them; the stock is the town's); prices change (past redemptions keep theirs), items are retired,
/// never deleted; restocking and write-offs are stock movements, and an item's stock is always the sum of its movements
/// (the first stock is a movement too). An owner's writes go through the save (scope-checked, audited, versioned);
/// a redemption's stock change is <see cref="StoreRedemptions"/>'.
/// </summary>
public sealed class StoreItems(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该商品（或不属于本村、本镇）";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private static StoreItemView View(StoreItem i) =>
        new(i.Id, i.RegionCode, RegionCodes.LevelOf(i.RegionCode) == RegionLevel.Town, i.Name, i.Points, i.Stock, i.CreatedAtUtc, i.RetiredAtUtc, i.RowVersion);

    /// <summary>Most items the public board lists (a village store holds tens).</summary>
    public const int MaxOnBoard = 200;

    /// <summary>
    /// The items a village's households may see (its own and its town's shared ones), on the shelf, by name: for the
    /// public board, which runs as no account (<see cref="ScopeGateway.PublicBoard"/>).
    /// </summary>
    public static Task<List<StoreBoardItem>> ForVillageAsync(AppDbContext db, string villageCode, CancellationToken ct = default) =>
        ScopeGateway.PublicBoard.StoreItems(db, villageCode).OrderBy(i => i.Name).ThenBy(i => i.Id).Take(MaxOnBoard)
            .Select(i => new StoreBoardItem(i.Name, i.Points, i.Stock)).ToListAsync(ct);

    /// <summary>
    /// The items the account may see, on the shelf first: a village's own and its town's; a town's shared items and its
    /// villages'; the county's all (paged).
    /// </summary>
    public async Task<Paged<StoreItemView>> ListAsync(bool includeRetired, PageRequest page, CancellationToken ct = default)
    {
        var q = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Village ? ScopeGateway.StoreItemsForVillage(db, user.RegionCode) : db.Set<StoreItem>().AsNoTracking();
        if (!includeRetired) q = q.Where(i => i.RetiredAtUtc == null);
        var paged = await q.OrderBy(i => i.RetiredAtUtc != null).ThenBy(i => i.RegionCode).ThenBy(i => i.Name).ThenBy(i => i.Id).ToPagedAsync(page, ct);
        return new(paged.Items.Select(View).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    /// <summary>One item the account may see; null when none.</summary>
    public async Task<StoreItemView?> GetAsync(long id, CancellationToken ct = default)
    {
        var q = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Village ? ScopeGateway.StoreItemsForVillage(db, user.RegionCode) : db.Set<StoreItem>().AsNoTracking();
        return await q.Where(i => i.Id == id).FirstOrDefaultAsync(ct) is { } i ? View(i) : null;
    }

    /// <summary>Puts an item on the shelf of the account's village or town, with its first stock as a movement.</summary>
    public async Task<StoreItemView> AddAsync(AddStoreItem c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) is not (RegionLevel.Village or RegionLevel.Town))
            throw new RuleException("store.owner", null, "积分超市商品由村（本村商品）或乡镇（全镇共享商品）上架");
        RuleException.ThrowIfAny(StoreRules.ItemProblems(c.Name, c.Points, c.Stock));
        var item = new StoreItem { RegionCode = user.RegionCode, Name = c.Name!.Trim(), Points = c.Points, Stock = c.Stock, CreatedBy = user.UserName, CreatedAtUtc = Now };
        db.Add(item);
        if (c.Stock > 0)
            db.Add(new StockMovement { Item = item, RegionCode = item.RegionCode, Kind = StockMovementKind.Restock, Quantity = c.Stock, StockAfter = c.Stock, Reason = "上架", By = user.UserName, AtUtc = Now });
        await db.SaveChangesAsync(ct);
        return View(item);
    }

    /// <summary>The account's own item (a village's, or a town's shared one), tracked; null when not its own.</summary>
    private Task<StoreItem?> OwnAsync(long id, CancellationToken ct) =>
        db.Set<StoreItem>().FirstOrDefaultAsync(i => i.Id == id && i.RegionCode == user.RegionCode, ct);

    /// <summary>Changes the price (the audit log keeps the old one; redemptions keep the price they were paid at); null when not the account's own.</summary>
    public async Task<StoreItemView?> RepriceAsync(long id, RepriceStoreItem c, CancellationToken ct = default)
    {
        if (await OwnAsync(id, ct) is not { } item) return null;
        db.ExpectVersion(item, c.Version);
        StoreRules.CheckInUse(item);
        RuleException.ThrowIfAny(StoreRules.PriceProblems(c.Points));
        item.Points = c.Points;
        await db.SaveChangesAsync(ct);
        return View(item);
    }

    /// <summary>Retires (下架) an item on the shelf; null when not the account's own.</summary>
    public async Task<StoreItemView?> RetireAsync(long id, CancellationToken ct = default)
    {
        if (await OwnAsync(id, ct) is not { } item) return null;
        StoreRules.CheckInUse(item);
        item.RetiredAtUtc = Now;
        await db.SaveChangesAsync(ct);
        return View(item);
    }

    /// <summary>Restocks or writes off pieces of the account's own item: the stock and its movement in one save; null when not its own.</summary>
    public async Task<StockMovementView?> MoveAsync(long id, StockMovementKind kind, MoveStock c, CancellationToken ct = default)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Serialised with redemptions (which take the same lock first): the stock read here is the stock written.
        await db.LockWritesAsync(ct);
        if (await OwnAsync(id, ct) is not { } item) return null;
        var quantity = StoreRules.Movement(item, kind, c.Quantity, c.Reason);
        item.Stock += quantity;
        var m = new StockMovement
        {
            ItemId = item.Id, RegionCode = item.RegionCode, Kind = kind, Quantity = quantity, StockAfter = item.Stock,
            Reason = string.IsNullOrWhiteSpace(c.Reason) ? null : c.Reason.Trim(), By = user.UserName, AtUtc = Now,
        };
        db.Add(m);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new(m.Id, item.Id, item.Name, m.RegionCode, m.Kind, m.Quantity, m.StockAfter, m.Reason, null, m.By, m.AtUtc);
    }

    /// <summary>
    /// The stock ledger in scope, newest first (an item's when <paramref name="itemId"/> is given): a village sees its own
    /// items' lines and its redemptions of its town's; a town its shared items' lines, with its villages' redemptions; paged.
    /// </summary>
    public async Task<Paged<StockMovementView>> MovementsAsync(long? itemId, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<StockMovement>().AsNoTracking();
        if (itemId is { } id) q = q.Where(m => m.ItemId == id);
        var paged = await q.OrderByDescending(m => m.Id).ToPagedAsync(page, ct);
        var ids = paged.Items.Select(m => m.ItemId).Distinct().ToList();
        var names = await ItemNamesAsync(ids, ct);
        return new(paged.Items.Select(m => new StockMovementView(m.Id, m.ItemId, names.GetValueOrDefault(m.ItemId, "（商品）"), m.RegionCode, m.Kind, m.Quantity, m.StockAfter,
            m.Reason, m.RedemptionId, m.By, m.AtUtc)).ToList(), paged.Total, paged.Page, paged.PageSize);
    }

    private async Task<Dictionary<long, string>> ItemNamesAsync(List<long> ids, CancellationToken ct)
    {
        var q = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Village ? ScopeGateway.StoreItemsForVillage(db, user.RegionCode) : db.Set<StoreItem>().AsNoTracking();
        return await q.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, i => i.Name, ct);
    }
}
