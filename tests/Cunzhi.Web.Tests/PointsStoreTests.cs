using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Features.Points;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 积分超市 over the API: items (village and town-shared), the stock ledger, redemption as one transaction with its
/// receipt, the refusals of the brief (each a Chinese 4xx with nothing written), and parallel redemptions that never
/// oversell an item nor overdraw a household, on both databases.
/// </summary>
public abstract class PointsStoreTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Store = "/api/v1/points/store";

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private static int _next;

    /// <summary>New households of <paramref name="village"/> for one test (the test template has only a few per village).</summary>
    private Task<List<long>> HouseholdsAsync(string village, int count) => f.WithSystemDb(async db =>
    {
        var rows = Enumerable.Range(0, count).Select(_ =>
        {
            var n = Interlocked.Increment(ref _next);
            return new Cunzhi.Domain.Regions.Household { RegionCode = village, Number = $"SC{n:D5}", HeadName = n % 2 == 0 ? "王小华" : "李建国" };
        }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToList();
    });

    /// <summary>Gives a household <paramref name="points"/> in force this year: an entry and its running row, as the sweep would.</summary>
    private Task GiveAsync(long household, int points) => f.WithSystemDb(async db =>
    {
        var h = await db.Households.SingleAsync(x => x.Id == household);
        var year = China.Today.Year;
        db.Add(new PointsEntry
        {
            RegionCode = h.RegionCode, HolderKind = PointsHolderKind.Household, HolderId = h.Id, HolderName = h.HeadName, Year = year, Date = China.Today,
            PolicyVersion = 1, ItemCode = "A01", ItemName = "测试加分", Points = points, AppliedPoints = points, State = PointsEntryState.InForce,
            ProposedBy = "test", DecidedBy = "test", InForceOn = China.Today,
        });
        var row = await db.Set<PointsBalance>().FirstOrDefaultAsync(b => b.HolderKind == PointsHolderKind.Household && b.HolderId == h.Id && b.Year == year);
        if (row is null) db.Add(row = new PointsBalance { RegionCode = h.RegionCode, HolderKind = PointsHolderKind.Household, HolderId = h.Id, Year = year });
        PointsRules.Count(row, points, reversal: false);
        return await db.SaveChangesAsync();
    });

    private async Task<StoreItemView> AddItemAsync(string account, string name, int points, int stock) =>
        await Read<StoreItemView>(await (await f.ApiAs(account)).PostAsJsonAsync($"{Store}/items", new { name, points, stock }), HttpStatusCode.Created);

    private static Task<HttpResponseMessage> Redeem(HttpClient c, long household, long item, object quantity) =>
        c.PostAsJsonAsync($"{Store}/redemptions", new { householdId = household, itemId = item, quantity });

    private Task<int> StockAsync(long item) => f.WithSystemDb(db => db.Set<StoreItem>().Where(i => i.Id == item).Select(i => i.Stock).SingleAsync());

    private Task<int> MovementSumAsync(long item) => f.WithSystemDb(db => db.Set<StockMovement>().Where(m => m.ItemId == item).SumAsync(m => m.Quantity));

    /// <summary>The rows a refused redemption must not add: redemptions, ledger entries, stock movements, running rows, and the spent total.</summary>
    private Task<(int, int, int, int, int)> WrittenAsync() => f.WithSystemDb(async db => (await db.Set<StoreRedemption>().CountAsync(), await db.Set<PointsEntry>().CountAsync(),
        await db.Set<StockMovement>().CountAsync(), await db.Set<PointsBalance>().CountAsync(), await db.Set<PointsBalance>().SumAsync(b => b.Spent)));

    /// <summary>Spent points on the household's running rows equal its redemption entries in the ledger.</summary>
    private async Task LedgerMatchesRowsAsync(long household)
    {
        var (spentRows, spentLedger, receipts) = await f.WithSystemDb(async db => (
            await db.Set<PointsBalance>().Where(b => b.HolderKind == PointsHolderKind.Household && b.HolderId == household).SumAsync(b => b.Spent),
            await db.Set<PointsEntry>().Where(e => e.HolderKind == PointsHolderKind.Household && e.HolderId == household && e.StoreItemId != null).SumAsync(e => -e.Points),
            await db.Set<StoreRedemption>().Where(r => r.HouseholdId == household).SumAsync(r => r.TotalPoints)));
        spentLedger.ShouldBe(spentRows);
        receipts.ShouldBe(spentRows);
    }

    [Fact]
    public async Task A_redemption_spends_the_points_and_takes_the_stock_in_one_receipt()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 20);
        var item = await AddItemAsync("village.naoping", "洗衣粉", 6, 4);
        var r = await Read<StoreReceipt>(await Redeem(await f.ApiAs("village.naoping"), household, item.Id, 2), HttpStatusCode.Created);
        (r.Quantity, r.UnitPoints, r.TotalPoints, r.BalanceAfter).ShouldBe((2, 6, 12, 8));
        r.ReceiptNumber.ShouldBe($"DH-{Demo.Naoping}-{China.Today:yyyyMMdd}-{r.Id:D6}");
        (await StockAsync(item.Id)).ShouldBe(2);
        var entry = await f.WithSystemDb(db => db.Set<PointsEntry>().SingleAsync(e => e.Id == r.EntryId));
        (entry.State, entry.Points, entry.StoreItemId).ShouldBe((PointsEntryState.InForce, -12, item.Id));
        await LedgerMatchesRowsAsync(household);
    }

    [Fact]
    public async Task A_price_change_leaves_a_past_receipt_at_the_price_paid()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 20);
        var item = await AddItemAsync("village.naoping", "肥皂", 3, 5);
        var village = await f.ApiAs("village.naoping");
        var r = await Read<StoreReceipt>(await Redeem(village, household, item.Id, 1), HttpStatusCode.Created);
        await Read<StoreItemView>(await village.PostAsJsonAsync($"{Store}/items/{item.Id}/price", new { points = 5 }), HttpStatusCode.OK);
        var again = await Read<StoreReceipt>(await village.GetAsync($"{Store}/redemptions/{r.Id}"), HttpStatusCode.OK);
        (again.UnitPoints, again.TotalPoints).ShouldBe((3, 3));
    }

    [Fact]
    public async Task The_stock_equals_the_sum_of_its_movements()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 30);
        var village = await f.ApiAs("village.naoping");
        var item = await AddItemAsync("village.naoping", "食用油", 10, 3);
        await Read<StockMovementView>(await village.PostAsJsonAsync($"{Store}/items/{item.Id}/restock", new { quantity = 7 }), HttpStatusCode.Created);
        await Read<StockMovementView>(await village.PostAsJsonAsync($"{Store}/items/{item.Id}/write-off", new { quantity = 2, reason = "包装破损" }), HttpStatusCode.Created);
        await Read<StoreReceipt>(await Redeem(village, household, item.Id, 1), HttpStatusCode.Created);
        (await StockAsync(item.Id)).ShouldBe(7);
        (await MovementSumAsync(item.Id)).ShouldBe(7);
    }

    [Fact]
    public async Task A_write_off_without_a_reason_is_refused()
    {
        var item = await AddItemAsync("village.naoping", "牙膏", 2, 5);
        var r = await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Store}/items/{item.Id}/write-off", new { quantity = 1 });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("报损须填写原因");
        (await StockAsync(item.Id)).ShouldBe(5);
    }

    [Fact]
    public async Task A_town_item_is_redeemed_by_its_village_from_the_town_stock()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 10);
        var item = await AddItemAsync("town.sanxing", "大米 5 斤", 4, 3);
        item.Shared.ShouldBeTrue();
        var r = await Read<StoreReceipt>(await Redeem(await f.ApiAs("village.naoping"), household, item.Id, 2), HttpStatusCode.Created);
        r.BalanceAfter.ShouldBe(2);
        (await StockAsync(item.Id)).ShouldBe(1);
        (await MovementSumAsync(item.Id)).ShouldBe(1);
    }

    public static TheoryData<string, string, HttpStatusCode, string> Refusals => new()
    {
        { "beyond-balance", "3", HttpStatusCode.Conflict, "积分不足" },
        { "beyond-stock", "6", HttpStatusCode.Conflict, "库存不足" },
        { "retired", "1", HttpStatusCode.Conflict, "已下架" },
        { "zero", "0", HttpStatusCode.BadRequest, "兑换数量须为正整数" },
        { "negative", "-1", HttpStatusCode.BadRequest, "兑换数量须为正整数" },
        { "fraction", "1.5", HttpStatusCode.BadRequest, "quantity" },
        { "other-village", "1", HttpStatusCode.NotFound, StoreRedemptions.HouseholdNotFound },
        { "other-town-item", "1", HttpStatusCode.Conflict, StoreItems.NotFoundMessage },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_bad_redemption_is_refused_with_nothing_written(string kind, string quantity, HttpStatusCode status, string message)
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 20);
        var item = kind == "other-town-item" ? await AddItemAsync("town.efeng", "鹅峰乡毛巾", 5, 5) : await AddItemAsync("village.naoping", "毛巾" + kind, 8, 5);
        var village = await f.ApiAs("village.naoping");
        if (kind == "retired") await Read<StoreItemView>(await village.PostAsync($"{Store}/items/{item.Id}/retire", null), HttpStatusCode.OK);
        var target = kind == "other-village" ? (await HouseholdsAsync(Demo.Sanxingcun, 1))[0] : household;
        var before = await WrittenAsync();
        var r = await village.PostAsync($"{Store}/redemptions",
            new StringContent($$"""{"householdId":{{target}},"itemId":{{item.Id}},"quantity":{{quantity}}}""", System.Text.Encoding.UTF8, "application/json"));
        r.StatusCode.ShouldBe(status, await r.Content.ReadAsStringAsync());
        (await r.Content.ReadAsStringAsync()).ShouldContain(message);
        (await WrittenAsync()).ShouldBe(before);
        (await StockAsync(item.Id)).ShouldBe(5);
    }

    [Fact]
    public async Task Parallel_redeemers_never_oversell_an_item()
    {
        var households = await HouseholdsAsync(Demo.Naoping, 20);
        foreach (var h in households) await GiveAsync(h, 10);
        var item = await AddItemAsync("village.naoping", "电饭煲", 10, 5);
        var village = await f.ApiAs("village.naoping");
        using var start = new SemaphoreSlim(0);
        var racing = households.Select(async h => { await start.WaitAsync(); return await Redeem(village, h, item.Id, 1); }).ToList();
        start.Release(households.Count);
        var results = await Task.WhenAll(racing);
        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(5, string.Join("\n", results.Select(r => r.StatusCode)));
        foreach (var r in results.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
            (await r.Content.ReadAsStringAsync()).ShouldContain("库存");
        }
        (await StockAsync(item.Id)).ShouldBe(0);
        (await MovementSumAsync(item.Id)).ShouldBe(0);
        foreach (var h in households) await LedgerMatchesRowsAsync(h);
    }

    [Fact]
    public async Task Parallel_redemptions_by_one_household_never_overdraw_it()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 10);
        var item = await AddItemAsync("village.naoping", "酱油", 3, 100);
        var village = await f.ApiAs("village.naoping");
        using var start = new SemaphoreSlim(0);
        var racing = Enumerable.Range(0, 10).Select(async _ => { await start.WaitAsync(); return await Redeem(village, household, item.Id, 1); }).ToList();
        start.Release(10);
        var results = await Task.WhenAll(racing);
        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(3, string.Join("\n", results.Select(r => r.StatusCode)));
        results.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict);
        var row = await f.WithSystemDb(db => db.Set<PointsBalance>().SingleAsync(b => b.HolderKind == PointsHolderKind.Household && b.HolderId == household && b.Year == China.Today.Year));
        (row.Earned - row.Deducted - row.Spent).ShouldBe(1);
        (await StockAsync(item.Id)).ShouldBe(97);
        await LedgerMatchesRowsAsync(household);
    }

    [Fact]
    public async Task A_redemption_entry_cannot_be_reversed()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 10);
        var item = await AddItemAsync("village.naoping", "毛巾", 2, 5);
        var village = await f.ApiAs("village.naoping");
        var r = await Read<StoreReceipt>(await Redeem(village, household, item.Id, 1), HttpStatusCode.Created);
        var refused = await village.PostAsJsonAsync($"/api/v1/points/entries/{r.EntryId}/reverse", new { reason = "测试" });
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("兑换记录不能冲销");
    }

    [Fact]
    public async Task The_board_query_lists_a_village_its_own_and_its_town_items()
    {
        var own = await AddItemAsync("village.naoping", "板报本村商品", 2, 1);
        var town = await AddItemAsync("town.sanxing", "板报全镇商品", 3, 2);
        var other = await AddItemAsync("town.efeng", "板报外乡商品", 4, 3);
        var names = await f.WithSystemDb(async db => (await StoreItems.ForVillageAsync(db, Demo.Naoping, CancellationToken.None)).Select(i => i.Name).ToList());
        names.ShouldContain(own.Name);
        names.ShouldContain(town.Name);
        names.ShouldNotContain(other.Name);
    }

    [Fact]
    public async Task Redeeming_on_the_page_leads_to_the_receipt()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 10);
        var item = await AddItemAsync("village.naoping", "页面兑换商品", 4, 5);
        var pages = await f.PagesAs("village.naoping");
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Points/Redeem?household={household}",
            new() { ["ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Quantity"] = "2" }, "household=");
        r.StatusCode.ShouldBe(HttpStatusCode.Redirect, await r.Content.ReadAsStringAsync());
        var id = await f.WithSystemDb(db => db.Set<StoreRedemption>().Where(x => x.HouseholdId == household).Select(x => x.Id).SingleAsync());
        r.Headers.Location!.ToString().ShouldBe($"/Points/Receipt/{id}");
    }

    [Fact]
    public async Task Redeeming_beyond_the_balance_on_the_page_shows_the_reason()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 10);
        var item = await AddItemAsync("village.naoping", "页面超额商品", 4, 5);
        var pages = await f.PagesAs("village.naoping");
        var r = await CunzhiFactory.PostFormAsync(pages, $"/Points/Redeem?household={household}",
            new() { ["ItemId"] = item.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Quantity"] = "3" }, "household=");
        r.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await r.Content.ReadAsStringAsync()).ShouldContain("积分不足：需要 12 分，当前余额 10 分");
        (await f.WithSystemDb(db => db.Set<StoreRedemption>().CountAsync(x => x.HouseholdId == household))).ShouldBe(0);
    }

    [Fact]
    public async Task The_receipt_page_shows_the_masked_name()
    {
        var household = (await HouseholdsAsync(Demo.Naoping, 1))[0];
        await GiveAsync(household, 10);
        var item = await AddItemAsync("village.naoping", "香皂", 2, 5);
        var r = await Read<StoreReceipt>(await Redeem(await f.ApiAs("village.naoping"), household, item.Id, 1), HttpStatusCode.Created);
        var head = await f.WithSystemDb(db => db.Households.Where(h => h.Id == household).Select(h => h.HeadName).SingleAsync());
        var html = await (await (await f.PagesAs("village.naoping")).GetAsync($"/Points/Receipt/{r.Id}")).Content.ReadAsStringAsync();
        html.ShouldContain(r.ReceiptNumber);
        html.ShouldContain(StoreRules.MaskName(head));
        html.ShouldNotContain(head);
    }
}

public sealed class PointsStoreTests_Sqlite(SqliteFactory f) : PointsStoreTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PointsStoreTests_Postgres(PostgresFactory f) : PointsStoreTests<PostgresFactory>(f);
