using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Features.Supervision;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The disclosure dues cache (issue #21, <see cref="DisclosureDuesCache"/>): each village's computed dues are kept between
/// requests, so every change to what they read — a posting and its withdrawal, a busy-finance spell, a recorded
/// occurrence, the county publishing rules, a working-calendar day — must show on the very next calendar or overview
/// request. Each test reads first (filling the cache), changes one thing, and reads again. Writes go through the data
/// context (the API for the posting), as every handler's do.
/// </summary>
public abstract class DisclosureDuesCacheTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 850;
    private static DateOnly LastQuarter => DisclosureRules.QuarterStart(China.Today).AddMonths(-3);
    private static DateOnly ThisQuarter => DisclosureRules.QuarterStart(China.Today);

    private async Task<string> VillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"缓存测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    private async Task<List<DisclosureDueView>> DuesAsync(string village, DateOnly from, DateOnly to)
    {
        var r = await (await f.ApiAs(Town)).GetAsync($"/api/v1/disclosure/calendar?region={village}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}&pageSize=100");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return [.. (await r.Content.ReadFromJsonAsync<DisclosureCalendarView>(CunzhiFactory.Json))!.Items.Items];
    }

    private Task<List<DisclosureDueView>> LastQuarterAsync(string village) => DuesAsync(village, LastQuarter, ThisQuarter.AddDays(-1));

    private async Task SaveAsync(Action<Cunzhi.Data.AppDbContext> change)
    {
        await using var scope = f.SystemScope(out var db);
        change(db);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task A_posting_and_its_withdrawal_show_on_the_next_calendar_and_overview_request()
    {
        var village = await VillageAsync();
        var period = LastQuarter.Year.ToString();
        async Task<OverviewDisclosure> OverviewAsync() =>
            (await (await f.ApiAs(Town)).GetFromJsonAsync<OverviewReport>($"/api/v1/supervision/overview?region={village}&period={period}", CunzhiFactory.Json))!.Total.Disclosure!;
        (await LastQuarterAsync(village)).Single(d => d.ItemCode == "C01").State.ShouldNotBe(DisclosureState.Done);
        var before = await OverviewAsync();
        (before.OnTime + before.Late).ShouldBe(0);

        var posted = await DisclosureTests<TFactory>.PostAsync(await f.ApiAs(Town), village);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());

        (await LastQuarterAsync(village)).Single(d => d.ItemCode == "C01").State.ShouldBe(DisclosureState.Done);
        var after = await OverviewAsync();
        (after.OnTime + after.Late).ShouldBe(1);

        await SaveAsync(db => db.Set<VillageDisclosure>().Single(d => d.RegionCode == village).WithdrawnAtUtc = DateTime.UtcNow);
        (await LastQuarterAsync(village)).Single(d => d.ItemCode == "C01").State.ShouldNotBe(DisclosureState.Done);
    }

    [Fact]
    public async Task A_busy_finance_spell_makes_the_finance_item_monthly_on_the_next_request()
    {
        var village = await VillageAsync();
        (await LastQuarterAsync(village)).Count(d => d.ItemCode == "F01").ShouldBe(1);

        await SaveAsync(db => db.Add(new VillageFinanceSpell { RegionCode = village, From = LastQuarter, Until = ThisQuarter.AddDays(-1) }));

        (await LastQuarterAsync(village)).Count(d => d.ItemCode == "F01").ShouldBe(3);
    }

    [Fact]
    public async Task A_recorded_occurrence_is_owed_on_the_next_request()
    {
        var village = await VillageAsync();
        var immediate = DisclosurePolicy.DefaultItems().First(i => i.Frequency == DisclosureFrequency.Immediate).Code;
        (await LastQuarterAsync(village)).ShouldNotContain(d => d.ItemCode == immediate);

        await SaveAsync(db => db.Add(new RecordedOccurrence
        {
            RegionCode = village, ItemCode = immediate, On = LastQuarter.AddDays(10), Title = "缓存测试事项", RecordedBy = "test", RecordedAtUtc = DateTime.UtcNow,
        }));

        (await LastQuarterAsync(village)).Single(d => d.ItemCode == immediate).OccurrenceKey.ShouldBe("缓存测试事项");
    }

    [Fact]
    public async Task Rules_the_county_publishes_apply_on_the_next_request()
    {
        var village = await VillageAsync();
        var quarter = () => DuesAsync(village, ThisQuarter, ThisQuarter.AddMonths(3).AddDays(-1));
        (await quarter()).ShouldContain(d => d.ItemCode == "C02");

        await using (var scope = f.SystemScope(out var db))
        {
            var version = await db.Set<DisclosurePolicy>().Where(p => p.CountyCode == Demo.County).Select(p => (int?)p.Version).MaxAsync() ?? 0;
            db.Add(new DisclosurePolicy
            {
                CountyCode = Demo.County, Version = version + 1, EffectiveFrom = ThisQuarter, IsPublished = true, PublishedBy = "test", PublishedAtUtc = DateTime.UtcNow,
                Items = [.. DisclosurePolicy.DefaultItems().Where(i => i.Code != "C02")],
            });
            await db.SaveChangesAsync();
        }

        (await quarter()).ShouldNotContain(d => d.ItemCode == "C02");
    }

    [Fact]
    public async Task A_holiday_added_to_the_working_calendar_moves_the_due_date_on_the_next_request()
    {
        var village = await VillageAsync();
        var due = (await LastQuarterAsync(village)).Single(d => d.ItemCode == "C03").DueOn;

        await SaveAsync(db => db.Add(new CalendarDay { RegionCode = Demo.County, Date = due, Kind = CalendarDayKind.Holiday, Name = "缓存测试假日" }));

        (await LastQuarterAsync(village)).Single(d => d.ItemCode == "C03").DueOn.ShouldBeGreaterThan(due);
    }

    [Fact]
    public void A_generation_moves_only_for_its_county_and_a_kept_entry_of_an_older_one_is_not_served()
    {
        var cache = new DisclosureDuesCache();
        var (a, b) = ("360922000000", "360923000000");
        var (ga, gb) = (cache.Generation(a), cache.Generation(b));
        cache.Set("360922106208", LastQuarter, ThisQuarter, China.Today, ga, []);
        cache.TryGet("360922106208", LastQuarter, ThisQuarter, China.Today, ga, out _).ShouldBeTrue();
        cache.TryGet("360922106208", LastQuarter, ThisQuarter, China.Today.AddDays(1), ga, out _).ShouldBeFalse(); // another China day

        cache.Bump(a);
        cache.Generation(a).ShouldBeGreaterThan(ga);
        cache.Generation(b).ShouldBe(gb);
        cache.TryGet("360922106208", LastQuarter, ThisQuarter, China.Today, cache.Generation(a), out _).ShouldBeFalse();

        cache.Bump(null); // a code naming no county moves every county
        cache.Generation(b).ShouldBeGreaterThan(gb);

        var off = new DisclosureDuesCache(enabled: false);
        off.Set("360922106208", LastQuarter, ThisQuarter, China.Today, 0, []);
        off.TryGet("360922106208", LastQuarter, ThisQuarter, China.Today, 0, out _).ShouldBeFalse();
    }

    [Fact]
    public void Only_what_the_dues_read_feeds_the_generation()
    {
        DisclosureDuesChanges.Feeds(new CalendarDay { RegionCode = "360922000000", Name = "x" }, out var county).ShouldBeTrue();
        county.ShouldBe("360922000000");
        DisclosureDuesChanges.Feeds(new VillageFinanceSpell { RegionCode = "360922106208" }, out county).ShouldBeTrue();
        county.ShouldBe("360922000000");
        DisclosureDuesChanges.Feeds(new SupervisionFinding { RegionCode = "360922106208", Source = "s", Text = "t", Remedy = "r", RecordedBy = "u" }, out _).ShouldBeFalse();
    }
}

public sealed class DisclosureDuesCacheTests_Sqlite(SqliteFactory f) : DisclosureDuesCacheTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DisclosureDuesCacheTests_Postgres(PostgresFactory f) : DisclosureDuesCacheTests<PostgresFactory>(f);
