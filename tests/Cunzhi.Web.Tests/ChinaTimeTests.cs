using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Business time is China Standard Time whatever the server's zone (test.sh runs these under TZ=Etc/UTC and
/// TZ=America/Los_Angeles): stored in UTC, every day, week, month, window, reminder and displayed time in China time.
/// The app is stopped at chosen UTC instants with the zone of its own registered clock, so a clock that followed the
/// server's zone would fail here.
/// </summary>
public abstract class ChinaTimeTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static DateTimeOffset Utc(int y, int m, int d, int h, int min) => new(y, m, d, h, min, 0, TimeSpan.Zero);

    /// <summary>The app on the same database, its registered clock stopped at <paramref name="utc"/> (reminder timer off).</summary>
    private WebApplicationFactory<Program> AppAt(DateTimeOffset utc, string? timeZone = null)
    {
        var zone = f.Services.GetRequiredService<TimeProvider>().LocalTimeZone;
        return f.WithWebHostBuilder(b =>
        {
            b.UseSetting("Reminders:Enabled", "false");
            if (timeZone is not null) b.UseSetting("Cunzhi:TimeZone", timeZone);
            b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(sp =>
                new FixedClock(utc, timeZone is null ? zone : TimeZoneInfo.FindSystemTimeZoneById(timeZone))));
        });
    }

    private static async Task<HttpClient> ApiAs(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = CunzhiFactory.Password });
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var token = await response.Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    private static async Task<HttpClient> PagesAs(WebApplicationFactory<Program> app, string user)
    {
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await CunzhiFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = user, ["Password"] = CunzhiFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return client;
    }

    private async Task<TaskRequestView> Admit(string title, params string[] villages)
    {
        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title, requirement = "组织巡查并登记", villages, towns = Array.Empty<string>(), dueDate = China.Today.AddDays(10).ToString("yyyy-MM-dd"),
            evidenceRequired = false, itemCode = "XZ-11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TaskRequestView>(CunzhiFactory.Json))!;
    }

    [Fact]
    public void The_app_clock_keeps_China_time_whatever_the_server_zone()
    {
        var clock = f.Services.GetRequiredService<TimeProvider>();
        clock.LocalTimeZone.Id.ShouldBe("Asia/Shanghai");
        clock.GetLocalNow().Offset.ShouldBe(TimeSpan.FromHours(8));
    }

    [Fact]
    public async Task An_evaluation_closing_at_17_00_China_time_closes_at_09_00_UTC()
    {
        var county = await ApiAs(AppAt(Utc(2036, 6, 10, 0, 0)), "county.admin");
        var opened = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new
        {
            regions = new[] { Demo.Naoping }, year = 2036, opensAt = "2036-06-14T09:00:00", closesAt = "2036-06-14T17:00:00",
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var id = (await opened.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!.Opened.ShouldHaveSingleItem();

        var stored = await f.WithSystemDb(db => db.Set<EvaluationWindow>().Where(w => w.Id == id).Select(w => new { w.OpensAtUtc, w.ClosesAtUtc }).SingleAsync());
        DateTime.SpecifyKind(stored.OpensAtUtc, DateTimeKind.Utc).ShouldBe(new DateTime(2036, 6, 14, 1, 0, 0, DateTimeKind.Utc));
        DateTime.SpecifyKind(stored.ClosesAtUtc, DateTimeKind.Utc).ShouldBe(new DateTime(2036, 6, 14, 9, 0, 0, DateTimeKind.Utc));

        var before = (await (await ApiAs(AppAt(Utc(2036, 6, 14, 8, 59)), "county.admin")).GetFromJsonAsync<WindowView>($"/api/v1/evaluations/windows/{id}", CunzhiFactory.Json))!;
        (before.State, before.ClosesAt).ShouldBe((WindowState.Open, new DateTime(2036, 6, 14, 17, 0, 0)));
        var at = (await (await ApiAs(AppAt(Utc(2036, 6, 14, 9, 0)), "county.admin")).GetFromJsonAsync<WindowView>($"/api/v1/evaluations/windows/{id}", CunzhiFactory.Json))!;
        at.State.ShouldBe(WindowState.Closed);
    }

    [Fact]
    public async Task The_week_turns_at_midnight_China_time()
    {
        // Sunday 10 January 2027, 23:30 China = 15:30 UTC; Monday 11 January 00:30 China = Sunday 16:30 UTC.
        var sunday = (await (await ApiAs(AppAt(Utc(2027, 1, 10, 15, 30)), "village.naoping")).GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly", CunzhiFactory.Json))!;
        sunday.Week.ShouldBe(new DateOnly(2027, 1, 4));
        var monday = (await (await ApiAs(AppAt(Utc(2027, 1, 10, 16, 30)), "village.naoping")).GetFromJsonAsync<WeeklyList>("/api/v1/tasks/weekly", CunzhiFactory.Json))!;
        monday.Week.ShouldBe(new DateOnly(2027, 1, 11));
    }

    [Fact]
    public async Task A_task_admitted_at_Monday_00_30_China_time_is_on_that_week_s_list_not_the_week_before()
    {
        var request = await Admit("时区测试：周一凌晨下达的任务", Demo.Naoping);
        await f.WithSystemDb(db => db.Set<VillageTask>().Where(t => t.TaskRequestId == request.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AdmittedAtUtc, new DateTime(2027, 1, 10, 16, 30, 0, DateTimeKind.Utc))
                .SetProperty(t => t.DueDate, new DateOnly(2027, 1, 20))));
        var village = await f.ApiAs("village.naoping");
        async Task<bool> Listed(string week) => (await village.GetFromJsonAsync<WeeklyList>($"/api/v1/tasks/weekly?week={week}&pageSize=200", CunzhiFactory.Json))!
            .Items.Items.Any(i => i.TaskRequestId == request.Id);
        (await Listed("2027-01-04")).ShouldBeFalse();
        (await Listed("2027-01-11")).ShouldBeTrue();
    }

    [Fact]
    public async Task The_Friday_14_00_town_reminder_fires_at_06_00_UTC()
    {
        await Admit("时区测试：周五提醒", Demo.Naoping);
        var friday = Week.MondayOf(China.Today).AddDays(7 + 4);
        var zone = f.Services.GetRequiredService<TimeProvider>().LocalTimeZone;
        Task<int> RunAt(DateTimeOffset utc) => new ReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(utc, zone),
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<ReminderService>.Instance).RunOnceAsync(CancellationToken.None);
        Task<bool> TownReminded() => f.WithSystemDb(db => db.Set<Reminder>()
            .AnyAsync(r => r.WeekStart == friday.AddDays(-4) && r.Kind == ReminderKind.TownUnreported && r.RegionCode == Demo.Sanxing));

        await RunAt(new DateTimeOffset(friday.ToDateTime(new TimeOnly(5, 59)), TimeSpan.Zero));
        (await TownReminded()).ShouldBeFalse("13:59 China time is before the town's 14:00 reminder");
        await RunAt(new DateTimeOffset(friday.ToDateTime(new TimeOnly(6, 0)), TimeSpan.Zero));
        (await TownReminded()).ShouldBeTrue("06:00 UTC is 14:00 China time");
    }

    private static async Task<string?> AuditTimeShown(HttpClient client, long sequence)
    {
        var page = await CunzhiFactory.Html(await client.GetAsync("/Audit"));
        return page.QuerySelectorAll("main table tr").Select(tr => tr.QuerySelectorAll("td").Select(td => td.TextContent.Trim()).ToList())
            .FirstOrDefault(cells => cells.Count > 1 && cells[0] == sequence.ToString())?[1];
    }

    private Task<(long Sequence, DateTime AtUtc)> LatestAuditEntry() => f.WithSystemDb(db => db.AuditEntries.Where(a => a.RegionCode.StartsWith("360922"))
        .OrderByDescending(a => a.Sequence).Select(a => new ValueTuple<long, DateTime>(a.Sequence, a.AtUtc)).FirstAsync());

    [Fact]
    public async Task The_audit_page_shows_China_time()
    {
        var client = await f.PagesAs("county.admin");
        var (sequence, atUtc) = await LatestAuditEntry();
        var china = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc), China.Zone);
        (await AuditTimeShown(client, sequence)).ShouldBe(china.ToString("yyyy-MM-dd HH:mm:ss"));
    }

    [Fact]
    public async Task The_audit_page_follows_the_configured_business_zone()
    {
        // Cunzhi:TimeZone is per deployment; Asia/Urumqi is UTC+6, so the +8 written into the page would show.
        var app = AppAt(DateTimeOffset.UtcNow, "Asia/Urumqi");
        var client = await PagesAs(app, "county.admin");
        var (sequence, atUtc) = await LatestAuditEntry();
        var urumqi = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(atUtc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById("Asia/Urumqi"));
        (await AuditTimeShown(client, sequence)).ShouldBe(urumqi.ToString("yyyy-MM-dd HH:mm:ss"));
    }

    [Fact]
    public async Task At_1_January_00_30_China_time_the_payroll_month_is_January()
    {
        var app = AppAt(Utc(2026, 12, 31, 16, 30));
        var pay = await CunzhiFactory.Html(await (await PagesAs(app, "town.sanxing")).GetAsync("/Pay"));
        (pay.QuerySelector("input[name=ComputeYear]")!.GetAttribute("value"), pay.QuerySelector("input[name=ComputeMonth]")!.GetAttribute("value")).ShouldBe(("2027", "1"));
        var rewards = await CunzhiFactory.Html(await (await PagesAs(app, "county.admin")).GetAsync("/Pay/Rewards"));
        (rewards.QuerySelector("input[name=PayYear]")!.GetAttribute("value"), rewards.QuerySelector("input[name=PayMonth]")!.GetAttribute("value")).ShouldBe(("2027", "1"));
    }

    [Fact]
    public async Task Export_file_names_carry_the_China_date()
    {
        var county = await ApiAs(AppAt(Utc(2026, 12, 31, 16, 30)), "county.admin");
        var export = await county.GetAsync("/api/v1/cadres/export");
        export.StatusCode.ShouldBe(HttpStatusCode.OK);
        (export.Content.Headers.ContentDisposition!.FileNameStar ?? export.Content.Headers.ContentDisposition.FileName)!.ShouldContain("20270101");
    }

    [Fact]
    public async Task The_burden_meter_counts_by_each_month_s_own_offset_in_a_zone_with_daylight_saving()
    {
        // A deployment configured for a zone with daylight saving. 1 November 2034 04:30 UTC is 00:30 EDT (UTC-4) in New York,
        // so November; read with January's offset (EST, UTC-5) it would be 31 October 23:30.
        var request = await Admit("时区测试：夏令时月界", Demo.Naoping);
        await f.WithSystemDb(db => db.Set<VillageTask>().Where(t => t.TaskRequestId == request.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AdmittedAtUtc, new DateTime(2034, 11, 1, 4, 30, 0, DateTimeKind.Utc))));
        var town = await ApiAs(AppAt(Utc(2035, 1, 15, 12, 0), "America/New_York"), "town.sanxing");
        var meter = (await town.GetFromJsonAsync<MeterReport>($"/api/v1/burden/meter?region={Demo.Naoping}&month=2034-11-01", CunzhiFactory.Json))!;
        int Tasks(string month) => meter.History.Single(m => m.Name == month).Counts["tasks"];
        (Tasks("2034-10"), Tasks("2034-11")).ShouldBe((0, 1));
    }

    [Fact]
    public async Task Stored_instants_come_back_as_UTC_on_every_engine_so_the_API_marks_them_with_Z()
    {
        var town = await f.ApiAs("town.sanxing");
        (await town.PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "WeCom", url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=tz" }))
            .EnsureSuccessStatusCode();
        using var list = JsonDocument.Parse(await town.GetStringAsync("/api/v1/burden/webhooks"));
        var stamps = list.RootElement.EnumerateArray().Select(w => w.GetProperty("updatedAtUtc").GetString()!).ToList();
        stamps.ShouldNotBeEmpty();
        stamps.ShouldAllBe(s => s.EndsWith('Z'));

        var read = await f.WithSystemDb(db => db.AuditEntries.OrderByDescending(a => a.Sequence).Select(a => a.AtUtc).FirstAsync());
        read.Kind.ShouldBe(DateTimeKind.Utc);
    }
}

public sealed class ChinaTimeTests_Sqlite(SqliteFactory f) : ChinaTimeTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ChinaTimeTests_Postgres(PostgresFactory f) : ChinaTimeTests<PostgresFactory>(f);
