using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The due date on the matter page and at acceptance: 受理 with a due date (API and form; left out it stays the SLA's date,
/// a working day is kept and recorded on the acceptance event, a county holiday is refused in Chinese with nothing
/// written), and the 调整期限 form through the page (holiday refused on the page, a good date shown after the redirect).
/// </summary>
public abstract class MatterDueDateTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Api = "/api/v1/matters";

    private static async Task<T> Read<T>(HttpResponseMessage r, HttpStatusCode expected)
    {
        r.StatusCode.ShouldBe(expected, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<T>(CunzhiFactory.Json))!;
    }

    private async Task<MatterRegistered> RegisterAsync() =>
        await Read<MatterRegistered>(await (await f.ApiAs("village.naoping")).PostAsJsonAsync(Api, new
        {
            kind = "Problem", source = "WalkIn", title = "桥面破损", description = "雨天难行",
        }), HttpStatusCode.Created);

    private Task<WorkingCalendar> CountyCalendarAsync() => f.WithSystemDb(async db =>
        new WorkingCalendar((await db.Set<CalendarDay>().AsNoTracking().Where(d => d.RegionCode == Demo.County).ToListAsync())
            .Select(d => new CalendarEntry(d.Date, d.Kind, d.Name))));

    /// <summary>A weekday some weeks ahead made a county holiday (本县庙会).</summary>
    private Task<DateOnly> CountyHolidayAsync() => f.WithSystemDb(async db =>
    {
        var day = China.Today.AddDays(24);
        while (WorkingCalendar.IsWeekend(day)) day = day.AddDays(1);
        if (!await db.Set<CalendarDay>().AnyAsync(x => x.RegionCode == Demo.County && x.Date == day))
        {
            db.Add(new CalendarDay { RegionCode = Demo.County, Date = day, Kind = CalendarDayKind.Holiday, Name = "本县庙会", RowVersion = 1 });
            await db.SaveChangesAsync();
        }
        return day;
    });

    private Task<(MatterState State, DateOnly DueOn, int Events)> StoredAsync(long id) => f.WithSystemDb(async db =>
    {
        var m = await db.Set<Matter>().AsNoTracking().FirstAsync(x => x.Id == id);
        return (m.State, m.DueOn, await db.Set<MatterEvent>().CountAsync(e => e.MatterId == id));
    });

    [Fact]
    public async Task Accepting_without_a_due_date_keeps_the_sla_date()
    {
        var r = await RegisterAsync();
        var d = await Read<MatterDetail>(await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/accept",
            new { version = r.Matter.Version }), HttpStatusCode.OK);
        (d.Matter.State, d.Matter.DueOn, d.Events[^1].Kind, d.Events[^1].DueOn)
            .ShouldBe((MatterState.Accepted, r.Matter.DueOn, MatterEventKind.Accepted, (DateOnly?)r.Matter.DueOn));
    }

    [Fact]
    public async Task A_working_day_set_on_acceptance_is_kept_on_the_acceptance_event()
    {
        var r = await RegisterAsync();
        var due = (await CountyCalendarAsync()).AddWorkingDays(China.Today, 25);
        var d = await Read<MatterDetail>(await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/accept",
            new { version = r.Matter.Version, dueOn = due }), HttpStatusCode.OK);
        (d.Matter.DueOn, d.Events[^1].Kind, d.Events[^1].DueOn).ShouldBe((due, MatterEventKind.Accepted, (DateOnly?)due));
        (await StoredAsync(r.Matter.Id)).DueOn.ShouldBe(due);
    }

    [Fact]
    public async Task A_holiday_set_on_acceptance_is_refused_with_nothing_written()
    {
        var r = await RegisterAsync();
        var holiday = await CountyHolidayAsync();
        var before = await StoredAsync(r.Matter.Id);
        var res = await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/accept", new { version = r.Matter.Version, dueOn = holiday });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain($"{holiday:yyyy-MM-dd} 是法定节假日，办理期限须为工作日");
        (await StoredAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_past_date_set_on_acceptance_is_refused()
    {
        var r = await RegisterAsync();
        var res = await (await f.ApiAs("village.naoping")).PostAsJsonAsync($"{Api}/{r.Matter.Id}/accept",
            new { version = r.Matter.Version, dueOn = China.Today.AddDays(-1) });
        res.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await res.Content.ReadAsStringAsync()).ShouldContain("已经过去，办理期限不能早于今天");
        (await StoredAsync(r.Matter.Id)).State.ShouldBe(MatterState.Received);
    }

    [Fact]
    public async Task The_accept_form_is_prefilled_with_the_sla_date()
    {
        var r = await RegisterAsync();
        var page = await CunzhiFactory.Html(await (await f.PagesAs("village.naoping")).GetAsync($"/Matters/{r.Matter.Id}"));
        page.QuerySelector("[data-testid=accept-form] input[name=DueOn]")!.GetAttribute("value").ShouldBe(r.Matter.DueOn.ToString("yyyy-MM-dd"));
    }

    [Fact]
    public async Task A_holiday_on_the_accept_form_is_refused_on_the_page()
    {
        var r = await RegisterAsync();
        var holiday = await CountyHolidayAsync();
        var before = await StoredAsync(r.Matter.Id);
        var res = await CunzhiFactory.PostFormAsync(await f.PagesAs("village.naoping"), $"/Matters/{r.Matter.Id}",
            new() { ["DueOn"] = holiday.ToString("yyyy-MM-dd") }, "handler=Accept");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await res.Content.ReadAsStringAsync()).ShouldContain($"{holiday:yyyy-MM-dd} 是法定节假日，办理期限须为工作日");
        (await StoredAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_working_day_on_the_accept_form_is_shown_after_the_redirect()
    {
        var r = await RegisterAsync();
        var due = (await CountyCalendarAsync()).AddWorkingDays(China.Today, 27);
        var client = await f.PagesAs("village.naoping");
        var res = await CunzhiFactory.PostFormAsync(client, $"/Matters/{r.Matter.Id}", new() { ["DueOn"] = due.ToString("yyyy-MM-dd") }, "handler=Accept");
        res.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await (await client.GetAsync(res.Headers.Location!.ToString())).Content.ReadAsStringAsync();
        page.ShouldContain($"/ {due:yyyy-MM-dd}");
        (await StoredAsync(r.Matter.Id)).State.ShouldBe(MatterState.Accepted);
    }

    [Fact]
    public async Task A_holiday_on_the_due_form_is_refused_on_the_page()
    {
        var r = await RegisterAsync();
        var holiday = await CountyHolidayAsync();
        var before = await StoredAsync(r.Matter.Id);
        var res = await CunzhiFactory.PostFormAsync(await f.PagesAs("village.naoping"), $"/Matters/{r.Matter.Id}",
            new() { ["DueOn"] = holiday.ToString("yyyy-MM-dd"), ["Text"] = "等县里批复" }, "handler=Due");
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await CunzhiFactory.Html(res);
        page.QuerySelector("[data-testid=errors]")!.TextContent
            .ShouldContain($"{holiday:yyyy-MM-dd} 是法定节假日，办理期限须为工作日");
        (await StoredAsync(r.Matter.Id)).ShouldBe(before);
    }

    [Fact]
    public async Task A_working_day_on_the_due_form_is_shown_after_the_redirect()
    {
        var r = await RegisterAsync();
        var due = (await CountyCalendarAsync()).AddWorkingDays(China.Today, 33);
        var client = await f.PagesAs("village.naoping");
        var res = await CunzhiFactory.PostFormAsync(client, $"/Matters/{r.Matter.Id}",
            new() { ["DueOn"] = due.ToString("yyyy-MM-dd"), ["Text"] = "需等县里批复" }, "handler=Due");
        res.StatusCode.ShouldBe(HttpStatusCode.Redirect, await res.Content.ReadAsStringAsync());
        var page = await CunzhiFactory.Html(await client.GetAsync(res.Headers.Location!.ToString()));
        page.QuerySelector("[data-testid=message]")!.TextContent.ShouldContain("已调整办理期限");
        page.QuerySelector("[data-testid=due-form] input[name=DueOn]")!.GetAttribute("value").ShouldBe(due.ToString("yyyy-MM-dd"));
        (await StoredAsync(r.Matter.Id)).DueOn.ShouldBe(due);
    }
}

public sealed class MatterDueDateTests_Sqlite(SqliteFactory f) : MatterDueDateTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterDueDateTests_Postgres(PostgresFactory f) : MatterDueDateTests<PostgresFactory>(f);
