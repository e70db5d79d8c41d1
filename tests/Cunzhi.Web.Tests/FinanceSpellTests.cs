using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 集体财务往来较多时段 through the API: the town declares a spell for its village and the calendar owes the finance items
/// monthly in it; each refusal (dates, overlap, scope, length) in Chinese with nothing written; a change from a stale
/// version is a 409; a village cadre may not declare; every write is in the audit log.
/// </summary>
public abstract class FinanceSpellTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 820;

    private static DateOnly LastQuarter => DisclosureRules.QuarterStart(China.Today).AddMonths(-3);

    private async Task<string> VillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"时段测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    private Task<int> SpellCountAsync(string village) => f.WithSystemDb(db => db.Set<VillageFinanceSpell>().CountAsync(s => s.RegionCode == village));

    private static Task<HttpResponseMessage> DeclareAsync(HttpClient api, string village, DateOnly from, DateOnly? until) =>
        api.PostAsJsonAsync("/api/v1/disclosure/finance-spells", new { village, from = from.ToString("yyyy-MM-dd"), until = until?.ToString("yyyy-MM-dd") });

    private static async Task<DisclosureCalendarView> CalendarAsync(HttpClient api, string village, DateOnly from, DateOnly to)
    {
        var r = await api.GetAsync($"/api/v1/disclosure/calendar?region={village}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=200");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<DisclosureCalendarView>(CunzhiFactory.Json))!;
    }

    [Fact]
    public async Task A_declared_spell_makes_the_finance_items_monthly_in_the_calendar()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var end = LastQuarter.AddMonths(3).AddDays(-1);
        (await CalendarAsync(api, village, LastQuarter, end)).Items.Items.Count(d => d.ItemCode == "F01").ShouldBe(1);
        var r = await DeclareAsync(api, village, LastQuarter, end);
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var f01 = (await CalendarAsync(api, village, LastQuarter, end)).Items.Items.Where(d => d.ItemCode == "F01").ToList();
        f01.Count.ShouldBe(3);
        f01.ShouldAllBe(d => d.FrequencyName == "每月");
    }

    public static TheoryData<string> Refusals => ["until-before-from", "from-mid-quarter", "overlap", "too-long"];

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task A_wrong_spell_is_refused_in_Chinese_with_nothing_written(string kind)
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        if (kind == "overlap") (await DeclareAsync(api, village, LastQuarter, null)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var before = await SpellCountAsync(village);
        var (response, message) = kind switch
        {
            "until-before-from" => (await DeclareAsync(api, village, LastQuarter, LastQuarter.AddDays(-1)), "截止日期不能早于起始日期"),
            "from-mid-quarter" => (await DeclareAsync(api, village, LastQuarter.AddDays(14), null), "起始日期须为季度第一天"),
            "overlap" => (await DeclareAsync(api, village, LastQuarter.AddMonths(3), LastQuarter.AddMonths(6).AddDays(-1)), "重叠"),
            _ => (await DeclareAsync(api, village, LastQuarter, LastQuarter.AddYears(6).AddDays(-1)), "最长 5 年"),
        };
        response.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await response.Content.ReadAsStringAsync()).ShouldContain(message);
        (await SpellCountAsync(village)).ShouldBe(before);
    }

    [Fact]
    public async Task Another_towns_village_is_not_found()
    {
        var village = await VillageAsync();
        var r = await DeclareAsync(await f.ApiAs("town.efeng"), village, LastQuarter, null);
        r.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不在您的管辖范围内");
        (await SpellCountAsync(village)).ShouldBe(0);
    }

    [Fact]
    public async Task A_village_cadre_may_not_declare_a_spell()
    {
        var r = await DeclareAsync(await f.ApiAs("village.naoping"), Demo.Naoping, LastQuarter, null);
        r.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await SpellCountAsync(Demo.Naoping)).ShouldBe(0);
    }

    [Fact]
    public async Task A_change_from_a_stale_version_is_a_conflict()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var made = (await (await DeclareAsync(api, village, LastQuarter, null)).Content.ReadFromJsonAsync<FinanceSpellView>(CunzhiFactory.Json))!;
        var end = LastQuarter.AddMonths(3).AddDays(-1);
        (await api.PutAsJsonAsync($"/api/v1/disclosure/finance-spells/{made.Id}", new { from = made.From.ToString("yyyy-MM-dd"), until = end.ToString("yyyy-MM-dd"), version = made.Version }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var stale = await api.PutAsJsonAsync($"/api/v1/disclosure/finance-spells/{made.Id}",
            new { from = made.From.ToString("yyyy-MM-dd"), until = end.AddMonths(3).ToString("yyyy-MM-dd"), version = made.Version });
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await f.WithSystemDb(db => db.Set<VillageFinanceSpell>().SingleAsync(s => s.Id == made.Id))).Until.ShouldBe(end);
        (await api.DeleteAsync($"/api/v1/disclosure/finance-spells/{made.Id}?version={made.Version}")).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await SpellCountAsync(village)).ShouldBe(1);
    }

    [Fact]
    public async Task Declaring_and_deleting_a_spell_is_audited()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var made = (await (await DeclareAsync(api, village, LastQuarter, null)).Content.ReadFromJsonAsync<FinanceSpellView>(CunzhiFactory.Json))!;
        (await api.DeleteAsync($"/api/v1/disclosure/finance-spells/{made.Id}?version={made.Version}")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await SpellCountAsync(village)).ShouldBe(0);
        var entries = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == nameof(VillageFinanceSpell) && a.EntityKey == made.Id.ToString())
            .Select(a => new { a.Action, a.UserName }).ToListAsync());
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(e => e.UserName == Town);
    }

    [Fact]
    public async Task Parallel_overlapping_declarations_write_exactly_one()
    {
        var village = await VillageAsync();
        // Six clients (one token each, as six browsers) declare open spells from six different quarters at the same
        // instant: each passes the handler's check before any is saved, and no two share a first day (so the unique index
        // cannot be what stops them). Only the database's no-overlap guarantee keeps one.
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => f.ApiAs(Town)));
        using var start = new SemaphoreSlim(0);
        var racing = clients.Select(async (c, i) =>
        {
            await start.WaitAsync();
            var response = await DeclareAsync(c, village, LastQuarter.AddMonths(-3 * i), null);
            return (response.StatusCode, Body: await response.Content.ReadAsStringAsync());
        }).ToList();
        start.Release(clients.Length);
        var results = await Task.WhenAll(racing);

        var all = string.Join("\n", results.Select(r => $"{r.StatusCode} {r.Body}"));
        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1, all);
        results.Where(r => r.StatusCode != HttpStatusCode.Created).ShouldAllBe(r => r.StatusCode == HttpStatusCode.Conflict && r.Body.Contains("与该村已认定的时段"), all);
        (await SpellCountAsync(village)).ShouldBe(1);
    }

    [Fact]
    public async Task The_database_itself_refuses_an_overlapping_spell_written_past_the_handler()
    {
        var village = await VillageAsync();
        var end = LastQuarter.AddMonths(3).AddDays(-1);
        await using (var scope = f.SystemScope(out var db))
        {
            db.Add(new VillageFinanceSpell { RegionCode = village, From = LastQuarter, Until = end });
            db.Add(new VillageFinanceSpell { RegionCode = village, From = LastQuarter.AddMonths(6), Until = null });
            await db.SaveChangesAsync();
        }
        // An insert overlapping the first spell's last quarter, and a change stretching the first into the open one.
        await using (var scope = f.SystemScope(out var db))
        {
            db.Add(new VillageFinanceSpell { RegionCode = village, From = LastQuarter.AddMonths(-3), Until = LastQuarter.AddMonths(-3).AddMonths(6).AddDays(-1) });
            var e = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Cunzhi.Data.FinanceSpellOverlap.IsViolation(e).ShouldBeTrue(e.InnerException?.Message);
        }
        await using (var scope = f.SystemScope(out var db))
        {
            var first = await db.Set<VillageFinanceSpell>().SingleAsync(s => s.RegionCode == village && s.From == LastQuarter);
            first.Until = LastQuarter.AddMonths(9).AddDays(-1);
            var e = await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Cunzhi.Data.FinanceSpellOverlap.IsViolation(e).ShouldBeTrue(e.InnerException?.Message);
        }
        // Touching spells (one ends the day before the next starts) are no overlap; another village is not concerned.
        var other = await VillageAsync();
        await using (var scope = f.SystemScope(out var db))
        {
            db.Add(new VillageFinanceSpell { RegionCode = village, From = LastQuarter.AddMonths(3), Until = LastQuarter.AddMonths(6).AddDays(-1) });
            db.Add(new VillageFinanceSpell { RegionCode = other, From = LastQuarter, Until = null });
            await db.SaveChangesAsync();
        }
        (await SpellCountAsync(village)).ShouldBe(3);
    }
}

public sealed class FinanceSpellTests_Sqlite(SqliteFactory f) : FinanceSpellTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class FinanceSpellTests_Postgres(PostgresFactory f) : FinanceSpellTests<PostgresFactory>(f);
