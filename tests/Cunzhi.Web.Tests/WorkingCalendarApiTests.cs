using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Calendar;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 工作日历: the demo county starts with the shipped national calendars; the county adds, changes and removes days
/// (audited, versioned); towns read the county's calendar; bad days are refused in Chinese, also under parallel requests.
/// Each test uses its own date in 2030 (no national data there), so tests do not meet.
/// </summary>
public abstract class WorkingCalendarApiTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string County = "county.admin", Town = "town.sanxing";

    /// <summary>The n-th Tuesday of 2030 (a plain weekday), distinct per test.</summary>
    private static DateOnly Tuesday(int n) => new DateOnly(2030, 1, 1).AddDays(7 * n);

    private static async Task<CalendarDayView> AddAsync(HttpClient api, DateOnly date, CalendarDayKind kind = CalendarDayKind.Holiday, string name = "本县庙会")
    {
        var r = await api.PostAsJsonAsync("/api/v1/calendar/days", new { date, kind = kind.ToString(), name });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<CalendarDayView>(CunzhiFactory.Json))!;
    }

    private static async Task<WorkingDayAnswer> AnswerAsync(HttpClient api, string query) =>
        (await api.GetFromJsonAsync<WorkingDayAnswer>($"/api/v1/calendar/working-day?{query}", CunzhiFactory.Json))!;

    [Fact]
    public async Task The_demo_county_holds_the_national_calendar_of_2026()
    {
        var year = (await (await f.ApiAs(Town)).GetFromJsonAsync<CalendarYearView>("/api/v1/calendar?year=2026", CunzhiFactory.Json))!;
        year.Days.Select(d => (d.Date, d.Kind)).ShouldBe(NationalCalendar.Of(2026).Select(d => (d.Date, d.Kind)));
        year.NationalMissing.ShouldBe(0);
    }

    [Fact]
    public async Task A_local_holiday_added_by_the_county_is_a_rest_day_for_its_towns()
    {
        var day = Tuesday(1);
        await AddAsync(await f.ApiAs(County), day);
        var town = await f.ApiAs(Town);
        (await AnswerAsync(town, $"date={day:yyyy-MM-dd}")).IsWorkingDay.ShouldBeFalse();
        (await AnswerAsync(town, $"date={day.AddDays(-1):yyyy-MM-dd}&n=1")).Result.ShouldBe(day.AddDays(1));
    }

    [Fact]
    public async Task Working_days_are_counted_over_the_national_holidays()
    {
        var answer = await AnswerAsync(await f.ApiAs(Town), "date=2026-09-30&n=1&to=2026-10-12");
        (answer.Result, answer.Between).ShouldBe((new DateOnly(2026, 10, 8), 4)); // 10/8, 10/9, 10/10 (Saturday worked), 10/12
    }

    [Fact]
    public async Task A_make_up_working_day_on_a_weekday_is_refused()
    {
        var r = await (await f.ApiAs(County)).PostAsJsonAsync("/api/v1/calendar/days", new { date = Tuesday(2), kind = "MakeUpWorkday", name = "补班" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("本来就是工作日");
    }

    [Fact]
    public async Task A_year_out_of_range_is_refused()
    {
        var r = await (await f.ApiAs(County)).PostAsJsonAsync("/api/v1/calendar/days", new { date = "2101-01-04", kind = "Holiday", name = "远期" });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("2000 至 2100");
    }

    [Fact]
    public async Task A_date_already_listed_is_refused()
    {
        var api = await f.ApiAs(County);
        await AddAsync(api, Tuesday(3));
        var r = await api.PostAsJsonAsync("/api/v1/calendar/days", new { date = Tuesday(3), kind = "Holiday", name = "重复" });
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Parallel_adds_of_one_date_leave_one_row()
    {
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => f.ApiAs(County)));
        var day = Tuesday(4);
        var results = await Task.WhenAll(clients.Select((c, i) => c.PostAsJsonAsync("/api/v1/calendar/days", new { date = day, kind = "Holiday", name = $"并发{i}" })));
        results.Count(r => r.StatusCode == HttpStatusCode.Created).ShouldBe(1);
        results.Count(r => r.StatusCode == HttpStatusCode.Conflict).ShouldBe(4);
        (await f.WithSystemDb(db => db.Set<CalendarDay>().CountAsync(d => d.Date == day))).ShouldBe(1);
    }

    [Fact]
    public async Task Changing_a_day_with_a_stale_version_is_refused()
    {
        var api = await f.ApiAs(County);
        var day = await AddAsync(api, Tuesday(5));
        (await api.PutAsJsonAsync($"/api/v1/calendar/days/{day.Id}", new { kind = "Holiday", name = "改名", version = day.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await api.PutAsJsonAsync($"/api/v1/calendar/days/{day.Id}", new { kind = "Holiday", name = "再改", version = day.Version })).StatusCode.ShouldBe(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Removing_a_day_makes_it_an_ordinary_working_day_again()
    {
        var api = await f.ApiAs(County);
        var day = await AddAsync(api, Tuesday(6));
        (await api.PostAsJsonAsync($"/api/v1/calendar/days/{day.Id}/remove", new { version = day.Version })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await AnswerAsync(api, $"date={Tuesday(6):yyyy-MM-dd}")).IsWorkingDay.ShouldBeTrue();
    }

    [Fact]
    public async Task A_town_may_not_edit_the_calendar() =>
        (await (await f.ApiAs(Town)).PostAsJsonAsync("/api/v1/calendar/days", new { date = Tuesday(7), kind = "Holiday", name = "x" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

    [Fact]
    public async Task Adding_a_day_is_audited_in_chinese()
    {
        var day = await AddAsync(await f.ApiAs(County), Tuesday(8), name: "审计庙会");
        var entry = await f.WithSystemDb(db => db.AuditEntries.Where(e => e.Entity == nameof(CalendarDay) && e.EntityKey == day.Id.ToString()).OrderBy(e => e.Id).FirstAsync());
        entry.Action.ShouldBe(Cunzhi.Data.Auditing.AuditActions.Insert);
        Cunzhi.Web.Features.Audit.AuditNames.Entity(entry.Entity).ShouldBe("工作日历");
    }

    [Fact]
    public async Task Importing_a_year_not_shipped_is_refused()
    {
        var r = await (await f.ApiAs(County)).PostAsJsonAsync("/api/v1/calendar/import-national", new { year = 2031 });
        r.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await r.Content.ReadAsStringAsync()).ShouldContain("2025、2026");
    }
}

public sealed class WorkingCalendarApiTests_Sqlite(SqliteFactory f) : WorkingCalendarApiTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class WorkingCalendarApiTests_Postgres(PostgresFactory f) : WorkingCalendarApiTests<PostgresFactory>(f);
