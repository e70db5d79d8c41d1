using System.Net;
using System.Text.RegularExpressions;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Features.Points;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 积分公示栏 (/Gongshi/{village}): no account, only entries in 公示, holders masked with their group, paging, 404 and
/// the empty state; villagers' objections from the board (antiforgery, refused after 公示, rate-limited per IP).
/// </summary>
public abstract partial class PointsBoardTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [GeneratedRegex(@"(?<!\d)1[3-9]\d{9}(?!\d)")] private static partial Regex Phone();
    [GeneratedRegex(@"(?<!\d)\d{17}[\dXx](?!\d)")] private static partial Regex NationalIdNumber();

    private void ForgetBoards(string village) => f.Services.GetRequiredService<PointsBoardCache>().Invalidate(village, China.Today);

    /// <summary>Adds an entry straight to the ledger in <paramref name="state"/> (公示 until <paramref name="until"/>) for the village's first household.</summary>
    private async Task<long> AddEntryAsync(string village, PointsEntryState state, DateOnly? until, string note = "公示栏测试")
    {
        var id = await f.WithSystemDb(async db =>
        {
            var h = await db.Households.Where(x => x.RegionCode == village).OrderBy(x => x.Id).FirstAsync();
            var e = new PointsEntry
            {
                RegionCode = village, HolderKind = PointsHolderKind.Household, HolderId = h.Id, HolderName = h.HeadName, Year = China.Today.Year,
                Date = China.Today, ItemCode = "A01", ItemName = "参加村集体义务劳动", Points = 2, Note = note, State = state,
                ProposerKind = PointsProposer.VillageCadre, ProposedBy = "demo", ProposedAtUtc = DateTime.UtcNow,
                PublicityFrom = until?.AddDays(-4), PublicityUntil = until,
            };
            db.Add(e);
            await db.SaveChangesAsync();
            return e.Id;
        });
        ForgetBoards(village);
        return id;
    }

    private static string Board(string village, int page = 1) => $"/Gongshi/{village}?page={page}";

    private static List<long> Listed(AngleSharp.Html.Dom.IHtmlDocument doc) =>
        doc.QuerySelectorAll("[data-testid=board-entries] [data-entry]").Select(e => long.Parse(e.GetAttribute("data-entry")!)).ToList();

    [Fact]
    public async Task The_demo_village_board_opens_without_an_account()
    {
        var response = await f.Anonymous().GetAsync(Board(Demo.Naoping));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var posted = await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.RegionCode == Demo.Naoping && e.State == PointsEntryState.Publicity).Select(e => e.Id).ToListAsync());
        posted.ShouldNotBeEmpty();
        Listed(await CunzhiFactory.Html(response)).ShouldBe(posted, ignoreOrder: true);
    }

    [Fact]
    public async Task The_demo_village_board_shows_no_full_name_address_phone_or_id_number()
    {
        var html = await (await f.Anonymous().GetAsync(Board(Demo.Naoping))).Content.ReadAsStringAsync();
        var holders = await f.WithSystemDb(db => (from e in db.Set<PointsEntry>()
                                                  where e.RegionCode == Demo.Naoping && e.State == PointsEntryState.Publicity
                                                  join h in db.Households on e.HolderId equals h.Id
                                                  select new { h.Id, h.HeadName, h.Address }).ToListAsync());
        holders.ShouldNotBeEmpty();
        foreach (var h in holders)
        {
            html.ShouldContain(PersonName.Mask(h.HeadName) + "户");
            html.ShouldNotContain(h.HeadName);
            if (h.Address.Length > 0) html.ShouldNotContain(h.Address);
            var residents = await f.WithSystemDb(db => db.Residents.Where(r => r.HouseholdId == h.Id && r.Name.Length > 1).Select(r => r.Name).ToListAsync());
            foreach (var name in residents) html.ShouldNotContain(name);
        }
        Phone().IsMatch(html).ShouldBeFalse();
        NationalIdNumber().IsMatch(html).ShouldBeFalse();
    }

    [Fact]
    public async Task A_household_holder_is_shown_with_its_villager_group()
    {
        var group = await f.WithSystemDb(async db =>
        {
            var e = await db.Set<PointsEntry>().Where(x => x.RegionCode == Demo.Naoping && x.State == PointsEntryState.Publicity && x.HolderKind == PointsHolderKind.Household).FirstAsync();
            var code = await db.Households.Where(h => h.Id == e.HolderId).Select(h => h.GroupCode).FirstAsync();
            return code is null ? null : await db.Regions.Where(r => r.Code == code).Select(r => r.Name).FirstAsync();
        });
        group.ShouldNotBeNull("演示村公示中的农户应有村民小组");
        var doc = await CunzhiFactory.Html(await f.Anonymous().GetAsync(Board(Demo.Naoping)));
        doc.QuerySelectorAll("[data-testid=holder]").Select(h => h.TextContent).ShouldContain(t => t.StartsWith(group + " "));
    }

    [Fact]
    public async Task Only_entries_in_publicity_are_listed()
    {
        var posted = await AddEntryAsync(Demo.Sanxingcun, PointsEntryState.Publicity, China.Today.AddDays(2));
        var others = new[]
        {
            await AddEntryAsync(Demo.Sanxingcun, PointsEntryState.Proposed, null),
            await AddEntryAsync(Demo.Sanxingcun, PointsEntryState.Void, China.Today.AddDays(2)),
            await AddEntryAsync(Demo.Sanxingcun, PointsEntryState.InForce, China.Today.AddDays(-3)),
            await AddEntryAsync(Demo.Sanxingcun, PointsEntryState.Rejected, null),
            // Still 公示中 in the table but past its last day (the sweep has not run yet): no longer on the board.
            await AddEntryAsync(Demo.Sanxingcun, PointsEntryState.Publicity, China.Today.AddDays(-1)),
        };
        var listed = Listed(await CunzhiFactory.Html(await f.Anonymous().GetAsync(Board(Demo.Sanxingcun))));
        listed.ShouldContain(posted);
        listed.ShouldNotContain(id => others.Contains(id));
    }

    [Fact]
    public async Task A_long_board_is_paged()
    {
        for (var i = 0; i < 23; i++) await AddEntryAsync(Demo.Dongxi, PointsEntryState.Publicity, China.Today.AddDays(3));
        var total = await f.WithSystemDb(db => db.Set<PointsEntry>().CountAsync(e => e.RegionCode == Demo.Dongxi && e.State == PointsEntryState.Publicity && e.PublicityUntil >= China.Today));
        var anon = f.Anonymous();
        var first = Listed(await CunzhiFactory.Html(await anon.GetAsync(Board(Demo.Dongxi, 1))));
        var second = Listed(await CunzhiFactory.Html(await anon.GetAsync(Board(Demo.Dongxi, 2))));
        first.Count.ShouldBe(20);
        second.Count.ShouldBe(Math.Min(20, total - 20));
        first.Intersect(second).ShouldBeEmpty();
    }

    [Fact]
    public async Task An_approval_shows_on_the_board_at_once()
    {
        (await f.Anonymous().GetAsync(Board(Demo.Naoping))).StatusCode.ShouldBe(HttpStatusCode.OK); // the board is now cached
        var pending = await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.RegionCode == Demo.Naoping && e.State == PointsEntryState.Proposed && e.ProposedBy == "demo")
            .Select(e => e.Id).FirstAsync());
        var village = await f.ApiAs("village.naoping");
        (await village.PostAsync($"/api/v1/points/entries/{pending}/approve", null)).StatusCode.ShouldBe(HttpStatusCode.OK);
        Listed(await CunzhiFactory.Html(await f.Anonymous().GetAsync(Board(Demo.Naoping)))).ShouldContain(pending);
    }

    [Theory]
    [InlineData("360922106999")]
    [InlineData("abc")]
    [InlineData("360922106000")]
    public async Task An_unknown_village_code_gives_a_chinese_404(string code)
    {
        var response = await f.Anonymous().GetAsync($"/Gongshi/{code}");
        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await response.Content.ReadAsStringAsync()).ShouldContain("找不到您要的页面");
    }

    [Fact]
    public async Task A_village_without_entries_shows_the_empty_state()
    {
        await f.BareCountyAsync();
        var doc = await CunzhiFactory.Html(await f.Anonymous().GetAsync(Board(Demo.BareVillage)));
        doc.QuerySelector("[data-testid=board-empty]").ShouldNotBeNull().TextContent.ShouldContain("没有正在公示的积分记录");
        doc.QuerySelector("[data-testid=store-items]").ShouldNotBeNull().TextContent.ShouldContain("本村暂无积分超市商品");
    }

    [Fact]
    public async Task The_board_lists_the_store_items_on_the_shelf_for_the_village_with_their_stock()
    {
        var town = Cunzhi.Domain.Regions.RegionCodes.TownOf(Demo.Naoping);
        var shelf = await f.WithSystemDb(db => db.Set<StoreItem>().Where(i => (i.RegionCode == Demo.Naoping || i.RegionCode == town) && i.RetiredAtUtc == null)
            .Select(i => new { i.Name, i.Points, i.Stock }).ToListAsync());
        shelf.ShouldNotBeEmpty(); // the demo's store (StoreDemo): the village's items and its town's shared one
        ForgetBoards(Demo.Naoping);
        var doc = await CunzhiFactory.Html(await f.Anonymous().GetAsync(Board(Demo.Naoping)));
        var shown = doc.QuerySelectorAll("[data-testid=store-item]").Select(e => Regex.Replace(e.TextContent, @"\s+", " ").Trim()).ToList();
        shown.Count.ShouldBe(shelf.Count);
        foreach (var i in shelf)
            shown.ShouldContain(t => t.StartsWith(i.Name + " ") && t.Contains($"{i.Points} 分") && t.Contains(i.Stock > 0 ? $"库存 {i.Stock}" : "暂时缺货"));
    }

    private BoardObjectionGuard Guard => f.Services.GetRequiredService<BoardObjectionGuard>();

    private static string ObjectionPage(string village, long id) => $"/Gongshi/{village}/Yiyi/{id}";

    [Fact]
    public async Task A_villager_files_an_objection_that_the_village_reviews()
    {
        Guard.Reset();
        var id = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today.AddDays(1));
        var anon = f.Anonymous();
        // From the board's link to the form.
        var board = await CunzhiFactory.Html(await anon.GetAsync(Board(Demo.Naoping)));
        board.QuerySelector($"[data-entry='{id}'] [data-testid=object]")!.GetAttribute("href").ShouldBe(ObjectionPage(Demo.Naoping, id));
        var response = await CunzhiFactory.PostFormAsync(anon, ObjectionPage(Demo.Naoping, id), new() { ["Reason"] = "他家那天没有参加义务劳动", ["ContactName"] = "" });
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(response)).QuerySelector("[data-testid=filed]").ShouldNotBeNull();

        var (objection, pending) = await f.WithSystemDb(async db => (
            await db.Set<PointsObjection>().SingleAsync(o => o.EntryId == id),
            await db.Set<PointsEntry>().Where(e => e.Id == id).Select(e => e.PendingObjections).SingleAsync()));
        (objection.Reason, objection.ObjectorName, objection.RecordedBy, objection.Outcome, objection.RaisedOn)
            .ShouldBe(("他家那天没有参加义务劳动", PointsBoard.Anonymous, PointsBoard.RecordedByBoard, ObjectionOutcome.Pending, China.Today));
        pending.ShouldBe(1);
        var ledger = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync("/Points/Ledger?tab=publicity"));
        ledger.QuerySelector($"[data-entry='{id}']")!.TextContent.ShouldContain("他家那天没有参加义务劳动");
    }

    [Fact]
    public async Task An_objection_filed_on_the_board_is_audited_as_anonymous_without_the_address()
    {
        Guard.Reset();
        var id = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today.AddDays(1));
        var anon = f.Anonymous();
        anon.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.77");
        (await CunzhiFactory.PostFormAsync(anon, ObjectionPage(Demo.Naoping, id), new() { ["Reason"] = "分值偏高", ["ContactName"] = "李村民" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        var audit = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Action == "PointsObjectionFiled" && a.EntityKey == id.ToString()).SingleAsync());
        (audit.UserName, audit.RegionCode, audit.After!.Contains("分值偏高"), audit.After.Contains("李村民")).ShouldBe(("anonymous", Demo.Naoping, true, true));
        audit.After.ShouldNotContain("203.0.113.77");
        audit.After.ShouldNotContain("127.0.0.1");
    }

    [Fact]
    public async Task An_objection_after_publicity_ended_is_refused_with_nothing_written()
    {
        Guard.Reset();
        var id = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today.AddDays(-1));
        var anon = f.Anonymous();
        var page = await CunzhiFactory.Html(await anon.GetAsync(ObjectionPage(Demo.Naoping, id)));
        page.QuerySelector("[data-testid=closed]").ShouldNotBeNull();
        // A form kept open from before the end is refused too.
        var open = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today);
        var token = (await CunzhiFactory.Html(await anon.GetAsync(ObjectionPage(Demo.Naoping, open))))
            .QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await anon.PostAsync(ObjectionPage(Demo.Naoping, id), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["Reason"] = "太晚了",
        }));
        var doc = await CunzhiFactory.Html(response);
        doc.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain($"公示已于 {China.Today.AddDays(-1):yyyy-MM-dd} 结束，不能再提出异议");
        (await f.WithSystemDb(db => db.Set<PointsObjection>().CountAsync(o => o.EntryId == id))).ShouldBe(0);
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.Id == id).Select(e => e.PendingObjections).SingleAsync())).ShouldBe(0);
    }

    [Fact]
    public async Task An_objection_without_a_reason_is_refused_in_chinese()
    {
        Guard.Reset();
        var id = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today.AddDays(1));
        var doc = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(f.Anonymous(), ObjectionPage(Demo.Naoping, id), new() { ["Reason"] = "  " }));
        doc.QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("请写明异议的理由");
        (await f.WithSystemDb(db => db.Set<PointsObjection>().CountAsync(o => o.EntryId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task An_objection_without_the_antiforgery_token_is_refused()
    {
        var id = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today.AddDays(1));
        var response = await f.Anonymous().PostAsync(ObjectionPage(Demo.Naoping, id), new FormUrlEncodedContent(new Dictionary<string, string> { ["Reason"] = "无令牌" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await f.WithSystemDb(db => db.Set<PointsObjection>().CountAsync(o => o.EntryId == id))).ShouldBe(0);
    }

    [Fact]
    public async Task Too_many_objections_from_one_address_get_429_in_chinese()
    {
        var id = await AddEntryAsync(Demo.Naoping, PointsEntryState.Publicity, China.Today.AddDays(1));
        var anon = f.Anonymous();
        Guard.Reset();
        try
        {
            for (var i = 0; i < Guard.Limit; i++)
                (await CunzhiFactory.PostFormAsync(anon, ObjectionPage(Demo.Naoping, id), new() { ["Reason"] = "" })).StatusCode.ShouldBe(HttpStatusCode.OK);
            var refused = await CunzhiFactory.PostFormAsync(anon, ObjectionPage(Demo.Naoping, id), new() { ["Reason"] = "第六次" });
            refused.StatusCode.ShouldBe(HttpStatusCode.TooManyRequests);
            (await refused.Content.ReadAsStringAsync()).ShouldContain(BoardObjectionModel.TooManyMessage);
            (await f.WithSystemDb(db => db.Set<PointsObjection>().CountAsync(o => o.EntryId == id))).ShouldBe(0);
        }
        finally
        {
            Guard.Reset();
        }
    }
}

public sealed class PointsBoardTests_Sqlite(SqliteFactory f) : PointsBoardTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PointsBoardTests_Postgres(PostgresFactory f) : PointsBoardTests<PostgresFactory>(f);
