using Cunzhi.Domain.Common;

namespace Cunzhi.Domain.Points;

/// <summary>
/// An item of the points store (积分超市), priced in whole points. A village's own item (<see cref="RegionCode"/> the
/// village), or a town's shared one (the town's code: every village of the town sees it, and the stock is the town's).
/// Items are retired (下架), never deleted; the stock is always the sum of the item's <see cref="StockMovement"/>s, and a
/// redemption keeps the price it was paid at (<see cref="StoreRedemption.UnitPoints"/>), so a price change never rewrites one.
/// </summary>
public sealed class StoreItem : Regions.IRegionScoped, IVersioned
{
    /// <summary>Longest name.</summary>
    public const int MaxName = 50;
    /// <summary>Highest price and largest stock change in one go (a typo guard, not a policy).</summary>
    public const int MaxPoints = 100_000, MaxQuantity = 100_000;

    /// <inheritdoc/>
    public int RowVersion { get; set; }
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The village (its own item) or the town (shared by its villages).</summary>
    public required string RegionCode { get; set; }
    /// <summary>Name (商品名称).</summary>
    public required string Name { get; set; }
    /// <summary>Price in whole points per piece.</summary>
    public int Points { get; set; }
    /// <summary>Pieces in stock: the sum of the movements (never below zero, a database check).</summary>
    public int Stock { get; set; }
    /// <summary>The account that put it on the shelf.</summary>
    public required string CreatedBy { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime CreatedAtUtc { get; set; }
    /// <summary>When it was retired (下架; UTC): no more redemptions, restocking or price changes.</summary>
    public DateTime? RetiredAtUtc { get; set; }
}

/// <summary>What moved the stock.</summary>
public enum StockMovementKind
{
    /// <summary>入库 (the first stock when the item is put on the shelf, and every restocking).</summary>
    Restock = 1,
    /// <summary>报损 (broken, expired, lost: with a reason).</summary>
    WriteOff = 2,
    /// <summary>兑换 (a household's redemption).</summary>
    Redemption = 3,
}

/// <summary>One line of an item's stock ledger (库存台账): never edited; the item's stock equals the sum of its lines.</summary>
public sealed class StockMovement : Regions.IRegionScoped
{
    /// <summary>Longest reason.</summary>
    public const int MaxReason = 200;

    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The item.</summary>
    public long ItemId { get; set; }
    /// <summary>The item (set when a new item and its first stock are saved together).</summary>
    public StoreItem? Item { get; set; }
    /// <summary>Where it happened: the item's owner for restocking and write-offs, the redeeming village for a redemption.</summary>
    public required string RegionCode { get; set; }
    /// <summary>What moved it.</summary>
    public StockMovementKind Kind { get; set; }
    /// <summary>Signed pieces: positive in, negative out.</summary>
    public int Quantity { get; set; }
    /// <summary>The stock after this line.</summary>
    public int StockAfter { get; set; }
    /// <summary>Why (required for a write-off).</summary>
    public string? Reason { get; set; }
    /// <summary>The redemption, for a redemption line.</summary>
    public long? RedemptionId { get; set; }
    /// <summary>The redemption (set when both are saved together).</summary>
    public StoreRedemption? Redemption { get; set; }
    /// <summary>The account.</summary>
    public required string By { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// A household's redemption (兑换) and its receipt: the item, quantity and the price it was paid at, the points spent and
/// the balance left, and the ledger entry that spent them (in force at once).
/// </summary>
public sealed class StoreRedemption : Regions.IRegionScoped
{
    /// <summary>Surrogate key.</summary>
    public long Id { get; set; }
    /// <summary>The household's village.</summary>
    public required string RegionCode { get; set; }
    /// <summary>The household.</summary>
    public long HouseholdId { get; set; }
    /// <summary>The household head's name at the time (shown masked on the receipt).</summary>
    public required string HolderName { get; set; }
    /// <summary>The item.</summary>
    public long ItemId { get; set; }
    /// <summary>The item's name at the time.</summary>
    public required string ItemName { get; set; }
    /// <summary>Pieces.</summary>
    public int Quantity { get; set; }
    /// <summary>The price per piece it was paid at.</summary>
    public int UnitPoints { get; set; }
    /// <summary>Points spent (quantity × price).</summary>
    public int TotalPoints { get; set; }
    /// <summary>The household's balance after it (never below zero, a database check).</summary>
    public int BalanceAfter { get; set; }
    /// <summary>The ledger entry that spent the points.</summary>
    public long EntryId { get; set; }
    /// <summary>The entry (set when both are saved together).</summary>
    public PointsEntry? Entry { get; set; }
    /// <summary>The account that redeemed it.</summary>
    public required string By { get; set; }
    /// <summary>When (UTC).</summary>
    public DateTime AtUtc { get; set; }
}

/// <summary>
/// The pure rules of the points store: what an item may be, who may take it, and whether a redemption, a restocking or a
/// write-off may go ahead. A redemption never takes a balance below zero, whatever the county's deduction rule.
/// </summary>
public static class StoreRules
{
    /// <summary>The ledger code of a redemption entry (not a valid catalogue code: codes are letters and digits, so no item's cap counts it).</summary>
    public const string EntryCode = "兑换";

    /// <summary>Every problem with a new item's name, price and first stock.</summary>
    public static IReadOnlyList<RuleProblem> ItemProblems(string? name, int points, int stock)
    {
        var p = new List<RuleProblem>();
        if (string.IsNullOrWhiteSpace(name) || name.Trim().Length > StoreItem.MaxName) p.Add(new("store.name", "name", $"请填写商品名称（不超过 {StoreItem.MaxName} 个字）"));
        p.AddRange(PriceProblems(points));
        if (stock is < 0 or > StoreItem.MaxQuantity) p.Add(new("store.stock", "stock", $"初始库存应为 0 至 {StoreItem.MaxQuantity} 的整数"));
        return p;
    }

    /// <summary>A price must be a whole number of points from 1.</summary>
    public static IReadOnlyList<RuleProblem> PriceProblems(int points) =>
        points is < 1 or > StoreItem.MaxPoints ? [new("store.points", "points", $"兑换积分应为 1 至 {StoreItem.MaxPoints} 的整数")] : [];

    /// <summary>Whether <paramref name="village"/> may take <paramref name="item"/>: its own item, or its town's.</summary>
    public static bool VisibleTo(StoreItem item, string village, string? town) => item.RegionCode == village || (town is not null && item.RegionCode == town);

    /// <summary>Refuses changes to a retired item.</summary>
    public static void CheckInUse(StoreItem item)
    {
        if (item.RetiredAtUtc is not null) throw new RuleException("store.retired", "itemId", $"商品“{item.Name}”已下架");
    }

    /// <summary>A restocking (positive pieces) or a write-off (positive pieces out, with a reason): the signed quantity.</summary>
    public static int Movement(StoreItem item, StockMovementKind kind, int quantity, string? reason)
    {
        CheckInUse(item);
        var p = new List<RuleProblem>();
        if (quantity is < 1 or > StoreItem.MaxQuantity) p.Add(new("store.quantity", "quantity", $"数量应为 1 至 {StoreItem.MaxQuantity} 的整数"));
        if (kind == StockMovementKind.WriteOff && string.IsNullOrWhiteSpace(reason)) p.Add(new("store.reason", "reason", "报损须填写原因（破损、过期等）"));
        if (kind == StockMovementKind.WriteOff && quantity > item.Stock) p.Add(new("store.stock", "quantity", $"报损数量不能超过库存（现有 {item.Stock} 件）"));
        if (kind == StockMovementKind.Redemption) p.Add(new("store.kind", null, "兑换请使用兑换功能"));
        RuleException.ThrowIfAny(p);
        return kind == StockMovementKind.WriteOff ? -quantity : quantity;
    }

    /// <summary>
    /// Checks a redemption of <paramref name="quantity"/> pieces by a household of <paramref name="village"/> (in
    /// <paramref name="town"/>) holding <paramref name="balance"/> points; returns the points it costs. Every problem at once.
    /// </summary>
    public static int Redeem(StoreItem item, string village, string? town, int quantity, int balance)
    {
        if (!VisibleTo(item, village, town)) throw new RuleException("store.region", "itemId", $"商品“{item.Name}”不属于本村或本镇的积分超市");
        CheckInUse(item);
        if (quantity < 1) throw new RuleException("store.quantity", "quantity", "兑换数量须为正整数");
        var p = new List<RuleProblem>();
        if (quantity > item.Stock) p.Add(new("store.stock", "quantity", item.Stock == 0 ? $"商品“{item.Name}”已无库存" : $"库存不足：商品“{item.Name}”现有 {item.Stock} 件"));
        var total = (long)quantity * item.Points;
        if (total > balance) p.Add(new("store.balance", "quantity", $"积分不足：需要 {total} 分，当前余额 {Math.Max(balance, 0)} 分"));
        RuleException.ThrowIfAny(p);
        return (int)total;
    }

    /// <summary>The receipt number: village, China date and the redemption's number (DH-360922106208-20261207-000012).</summary>
    public static string ReceiptNumber(string village, DateOnly chinaDate, long id) => $"DH-{village}-{chinaDate:yyyyMMdd}-{id:D6}";

    /// <summary>A name masked for a receipt or a public list: the first and last character (张*华; 张* for two).</summary>
    public static string MaskName(string name)
    {
        var n = (name ?? "").Trim();
        return n.Length switch { 0 => "", 1 => n, 2 => n[0] + "*", _ => n[0] + new string('*', n.Length - 2) + n[^1] };
    }
}
