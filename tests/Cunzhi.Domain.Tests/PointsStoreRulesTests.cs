using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;

namespace Cunzhi.Domain.Tests;

public sealed class PointsStoreRulesTests
{
    private const string Village = "360922106208", Town = "360922106000", OtherTown = "360922200000";

    private static StoreItem Item(string region = Village, int points = 5, int stock = 3, bool retired = false) => new()
    {
        RegionCode = region, Name = "洗衣粉", Points = points, Stock = stock, CreatedBy = "village.a",
        RetiredAtUtc = retired ? new DateTime(2026, 12, 1, 0, 0, 0, DateTimeKind.Utc) : null,
    };

    private static string Outcome(Func<int> rule)
    {
        try { return rule().ToString(System.Globalization.CultureInfo.InvariantCulture); }
        catch (RuleException e) { return e.Message; }
    }

    [Theory]
    // item region, retired, stock, quantity, balance → points spent, or the refusal
    [InlineData(Village, false, 3, 2, 10, "10")]
    [InlineData(Town, false, 3, 1, 5, "5")]
    [InlineData(Village, false, 3, 3, 15, "15")]
    [InlineData(Village, false, 3, 2, 9, "积分不足：需要 10 分，当前余额 9 分")]
    [InlineData(Village, false, 3, 1, -4, "积分不足：需要 5 分，当前余额 0 分")]
    [InlineData(Village, false, 3, 4, 100, "库存不足：商品“洗衣粉”现有 3 件")]
    [InlineData(Village, false, 0, 1, 100, "商品“洗衣粉”已无库存")]
    [InlineData(Village, false, 3, 4, 1, "库存不足：商品“洗衣粉”现有 3 件；积分不足：需要 20 分，当前余额 1 分")]
    [InlineData(Village, true, 3, 1, 100, "商品“洗衣粉”已下架")]
    [InlineData(Village, false, 3, 0, 100, "兑换数量须为正整数")]
    [InlineData(Village, false, 3, -1, 100, "兑换数量须为正整数")]
    [InlineData(OtherTown, false, 3, 1, 100, "商品“洗衣粉”不属于本村或本镇的积分超市")]
    [InlineData("360922106200", false, 3, 1, 100, "商品“洗衣粉”不属于本村或本镇的积分超市")]
    public void A_redemption_is_checked_against_region_shelf_stock_and_balance(string region, bool retired, int stock, int quantity, int balance, string expected) =>
        Outcome(() => StoreRules.Redeem(Item(region, stock: stock, retired: retired), Village, Town, quantity, balance)).ShouldBe(expected);

    [Theory]
    // kind, quantity, reason, stock → signed quantity, or the refusal
    [InlineData(StockMovementKind.Restock, 5, null, 3, "5")]
    [InlineData(StockMovementKind.WriteOff, 2, "过期", 3, "-2")]
    [InlineData(StockMovementKind.WriteOff, 3, "破损", 3, "-3")]
    [InlineData(StockMovementKind.WriteOff, 2, null, 3, "报损须填写原因（破损、过期等）")]
    [InlineData(StockMovementKind.WriteOff, 4, "破损", 3, "报损数量不能超过库存（现有 3 件）")]
    [InlineData(StockMovementKind.Restock, 0, null, 3, "数量应为 1 至 100000 的整数")]
    [InlineData(StockMovementKind.Redemption, 1, null, 3, "兑换请使用兑换功能")]
    public void A_stock_movement_is_signed_and_checked(StockMovementKind kind, int quantity, string? reason, int stock, string expected) =>
        Outcome(() => StoreRules.Movement(Item(stock: stock), kind, quantity, reason)).ShouldBe(expected);

    [Fact]
    public void A_retired_item_takes_no_stock_movement() =>
        Outcome(() => StoreRules.Movement(Item(retired: true), StockMovementKind.Restock, 1, null)).ShouldBe("商品“洗衣粉”已下架");

    [Theory]
    [InlineData("张三华", "张*华")]
    [InlineData("张三", "张*")]
    [InlineData("欧阳小明", "欧**明")]
    [InlineData("李", "李")]
    public void A_name_is_masked_to_its_ends(string name, string expected) => StoreRules.MaskName(name).ShouldBe(expected);

    [Fact]
    public void The_receipt_number_names_village_china_date_and_number() =>
        StoreRules.ReceiptNumber(Village, new DateOnly(2026, 12, 7), 12).ShouldBe("DH-360922106208-20261207-000012");

    [Fact]
    public void Spending_counts_on_the_spent_side_of_the_running_row()
    {
        var row = new PointsBalance { RegionCode = Village, Year = 2026, Earned = 10 };
        PointsRules.Spend(row, 4);
        (row.Spent, row.Net, row.Entries).ShouldBe((4, 6, 1));
    }

    [Fact]
    public void A_statement_takes_spent_points_off_the_balance()
    {
        var rows = new[] { new PointsBalance { RegionCode = Village, Year = 2026, Earned = 10, Deducted = 2, Spent = 5 } };
        PointsRules.Statement(rows, 2026, _ => null).Single().ShouldBe(new YearBalance(2026, 0, 10, 2, 3, 5));
    }

    [Fact]
    public void A_redemption_entry_cannot_be_reversed()
    {
        var spend = new PointsEntry
        {
            RegionCode = Village, HolderName = "张三", ItemCode = StoreRules.EntryCode, ItemName = "兑换：洗衣粉×1", ProposedBy = "village.a", Points = -5, AppliedPoints = -5,
            State = PointsEntryState.InForce, StoreItemId = 1, Year = 2026,
        };
        Should.Throw<RuleException>(() => PointsRules.Reverse(spend, "退货", "village.b", new DateOnly(2026, 12, 7), DateTime.UnixEpoch)).Message.ShouldBe("积分超市兑换记录不能冲销");
    }
}
