using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 诉求办理时限 over the API: the county's versioned SLA policy in working days on its calendar, due dates on registration and
/// escalation kept in the history, due dates set by hand (working days only, not past), the 逾期/临期 flags and filter, and
/// the daily reminders (once per matter, region and day, also when two runs overlap).
/// </summary>
public abstract class MatterSlaTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Api = "/api/v1/matters";

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private async Task<MatterRegistered> RegisterAsync(string kind = "Problem") =>
        await Read<MatterRegistered>(await (await f.ApiAs("village.naoping")).PostAsJsonAsync(Api, new
        {
            kind, source = "Visit", title = "水渠堵塞", description = "灌溉受影响",
        }), HttpStatusCode.Created);

    private Task<WorkingCalendar> CountyCalendarAsync() => f.WithSystemDb(async db =>
        new WorkingCalendar((await db.Set<CalendarDay>().AsNoTracking().Where(d => d.RegionCode == Demo.County).ToListAsync())
            .Select(d => new CalendarEntry(d.Date, d.Kind, d.Name))));

    private Task<int> EventCountAsync(long id) => f.WithSystemDb(db => db.Set<MatterEvent>().CountAsync(e => e.MatterId == id));

    private Task SetDueAsync(long id, DateOnly due) => f.WithSystemDb(async db =>
    {
        var m = await db.Set<Matter>().FirstAsync(x => x.Id == id);
        m.DueOn = due;
        return await db.SaveChangesAsync();
    });

    [Fact]
    public async Task A_published_policy_sets_the_due_date_in_working_days()
    {
        var county = await f.ApiAs("county.admin");
        var draft = await Read<SlaPolicyView>(await county.PutAsJsonAsync($"{Api}/sla/draft", new
        {
            effectiveFrom = China.Today, dueSoonDays = 2, rowVersion = 0,
            days = new[] { new { kind = "Problem", level = "Village", days = 3 } },
        }), HttpStatusCode.OK);
        draft.Days.Single(d => d.Kind == MatterKind.Problem && d.Level == MatterLevel.Village).Days.ShouldBe(3);
        (await county.PostAsync($"{Api}/sla/publish", null)).StatusCode.ShouldBe(HttpStatusCode.OK);

        var r = await RegisterAsync();
        r.Matter.DueOn.ShouldBe((await CountyCalendarAsync()).AddWorkingDays(China.Today, 3));
    }

    [Fact]
    public async Task Escalation_counts_a_new_due_date_at_the_new_level_kept_in_the_history()
    {
        var r = await RegisterAsync();
        var d = await Read<MatterDetail>(await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/escalate",
            new { version = r.Matter.Version, reason = "需要乡镇协调" }), HttpStatusCode.OK);
        var expected = (await CountyCalendarAsync()).AddWorkingDays(China.Today, new SlaPolicy { CountyCode = Demo.County }.ProblemTownDays);
        d.Matter.DueOn.ShouldBe(expected);
        d.Events[^1].DueOn.ShouldBe(expected);
    }

    [Fact]
    public async Task A_due_date_on_a_county_holiday_is_refused_with_nothing_written()
    {
        var r = await RegisterAsync();
        var holiday = China.Today.AddDays(20);
        while (WorkingCalendar.IsWeekend(holiday)) holiday = holiday.AddDays(1);
        await f.WithSystemDb(async db =>
        {
            if (!await db.Set<CalendarDay>().AnyAsync(x => x.RegionCode == Demo.County && x.Date == holiday))
                db.Add(new CalendarDay { RegionCode = Demo.County, Date = holiday, Kind = CalendarDayKind.Holiday, Name = "本县庙会", RowVersion = 1 });
            return await db.SaveChangesAsync();
        });
        var before = await EventCountAsync(r.Matter.Id);
        var res = await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/due", new { version = r.Matter.Version, dueOn = holiday, reason = "等材料" });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain($"{holiday:yyyy-MM-dd} 是法定节假日，办理期限须为工作日");
        (await EventCountAsync(r.Matter.Id)).ShouldBe(before);
        (await f.WithSystemDb(db => db.Set<Matter>().Where(m => m.Id == r.Matter.Id).Select(m => m.DueOn).FirstAsync())).ShouldBe(r.Matter.DueOn);
    }

    [Fact]
    public async Task A_due_date_in_the_past_is_refused()
    {
        var r = await RegisterAsync();
        var res = await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/due",
            new { version = r.Matter.Version, dueOn = China.Today.AddDays(-1), reason = "补录" });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain("已经过去，办理期限不能早于今天");
    }

    [Fact]
    public async Task A_due_date_set_by_hand_is_a_matter_event()
    {
        var r = await RegisterAsync();
        var calendar = await CountyCalendarAsync();
        var due = calendar.AddWorkingDays(China.Today, 30);
        var d = await Read<MatterDetail>(await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/due",
            new { version = r.Matter.Version, dueOn = due, reason = "需等县里批复" }), HttpStatusCode.OK);
        (d.Matter.DueOn, d.Events[^1].Kind, d.Events[^1].DueOn).ShouldBe((due, MatterEventKind.DueChanged, (DateOnly?)due));
    }

    [Fact]
    public async Task The_overdue_filter_lists_open_matters_past_their_due_date()
    {
        var late = await RegisterAsync();
        var fresh = await RegisterAsync();
        await SetDueAsync(late.Matter.Id, China.Today.AddDays(-3));
        await SetDueAsync(fresh.Matter.Id, China.Today.AddDays(60));
        var town = await f.ApiAs("town.sanxing");
        var overdue = await Read<Paged<MatterView>>(await town.GetAsync($"{Api}?due=Overdue&pageSize=100"), HttpStatusCode.OK);
        overdue.Items.ShouldContain(m => m.Id == late.Matter.Id && m.Overdue);
        overdue.Items.ShouldNotContain(m => m.Id == fresh.Matter.Id);
    }

    [Fact]
    public async Task The_due_soon_filter_lists_matters_due_within_the_warning()
    {
        var soon = await RegisterAsync();
        var late = await RegisterAsync();
        var calendar = await CountyCalendarAsync();
        var today = China.Today;
        var due = calendar.IsWorkingDay(today) ? today : calendar.AddWorkingDays(today, 1);
        await SetDueAsync(soon.Matter.Id, due);
        await SetDueAsync(late.Matter.Id, today.AddDays(-1));
        var list = await Read<Paged<MatterView>>(await (await f.ApiAs("village.naoping")).GetAsync($"{Api}?due=DueSoon&pageSize=100"), HttpStatusCode.OK);
        list.Items.ShouldContain(m => m.Id == soon.Matter.Id && m.DueSoon);
        list.Items.ShouldNotContain(m => m.Id == late.Matter.Id);
    }

    private Task<int> RunRemindersAsync() => new MatterReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
        f.Services.GetRequiredService<IConfiguration>(), NullLogger<MatterReminderService>.Instance).RunOnceAsync(CancellationToken.None);

    private Task<List<string>> RemindedAsync(long id) =>
        f.WithSystemDb(db => db.Set<MatterReminder>().Where(r => r.MatterId == id).OrderBy(r => r.RegionCode).Select(r => r.RegionCode).ToListAsync());

    [Fact]
    public async Task An_overdue_village_matter_reminds_the_village_and_its_town()
    {
        var r = await RegisterAsync();
        await SetDueAsync(r.Matter.Id, China.Today.AddDays(-2));
        await RunRemindersAsync();
        (await RemindedAsync(r.Matter.Id)).ShouldBe([Demo.Naoping[..9] + "000", Demo.Naoping]);
    }

    [Fact]
    public async Task Running_the_reminders_twice_makes_no_duplicates()
    {
        var r = await RegisterAsync();
        await SetDueAsync(r.Matter.Id, China.Today.AddDays(-2));
        await RunRemindersAsync();
        await RunRemindersAsync();
        (await RemindedAsync(r.Matter.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task Parallel_reminder_runs_make_no_duplicates()
    {
        var r = await RegisterAsync();
        await SetDueAsync(r.Matter.Id, China.Today.AddDays(-2));
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(RunRemindersAsync)));
        (await RemindedAsync(r.Matter.Id)).Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_stale_policy_draft_is_refused()
    {
        var county = await f.ApiAs("county.admin");
        var from = China.Today.AddDays(400);
        var first = await county.PutAsJsonAsync($"{Api}/sla/draft", new { effectiveFrom = from, dueSoonDays = 3, rowVersion = 0 });
        var stale = await county.PutAsJsonAsync($"{Api}/sla/draft", new { effectiveFrom = from, dueSoonDays = 4, rowVersion = 0 });
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync());
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await county.DeleteAsync($"{Api}/sla/draft")).StatusCode.ShouldBe(HttpStatusCode.NoContent);
    }

    [Fact]
    public async Task A_policy_draft_effective_before_today_is_refused_in_chinese()
    {
        var county = await f.ApiAs("county.admin");
        var res = await county.PutAsJsonAsync($"{Api}/sla/draft", new { effectiveFrom = China.Today.AddDays(-1), dueSoonDays = 2, rowVersion = 0 });
        ((int)res.StatusCode).ShouldBeInRange(400, 409);
        (await res.Content.ReadAsStringAsync()).ShouldContain($"生效日期不能早于今天（{China.Today:yyyy-MM-dd}）");
    }

    [Fact]
    public async Task Zero_working_days_are_refused_in_chinese()
    {
        var county = await f.ApiAs("county.admin");
        var res = await county.PutAsJsonAsync($"{Api}/sla/draft", new
        {
            effectiveFrom = China.Today.AddDays(500), dueSoonDays = 2, rowVersion = 0, days = new[] { new { kind = "MicroMatter", level = "Town", days = 0 } },
        });
        res.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await res.Content.ReadAsStringAsync()).ShouldContain("微实事（乡镇）的办理时限须为 1 至 365 个工作日");
    }
}

public sealed class MatterSlaTests_Sqlite(SqliteFactory f) : MatterSlaTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterSlaTests_Postgres(PostgresFactory f) : MatterSlaTests<PostgresFactory>(f);
