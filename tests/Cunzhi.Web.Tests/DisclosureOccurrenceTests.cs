using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 需随时公开的事项: a recorded occurrence of an immediate item is owed in the calendar — late once its working days have
/// passed unposted, done once the posting that names it is made; one that is not an immediate item is refused; and the
/// weekly disclosure reminders reach the town's group robot (the shared robot channel, <see cref="RobotStub"/>). The county
/// gets the default catalogue published from last quarter, so the reminders run and an occurrence 20 days back is owed.
/// </summary>
public abstract class DisclosureOccurrenceTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Town = "town.sanxing";
    private static int _next = 860;

    private static DateOnly LastQuarter => DisclosureRules.QuarterStart(China.Today).AddMonths(-3);
    private static DateOnly TwentyDaysAgo => China.Today.AddDays(-20);

    private async Task<string> VillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        var county = RegionCodes.CountyOf(Demo.Sanxing)!;
        if (!await db.Set<DisclosurePolicy>().AnyAsync(p => p.CountyCode == county && p.IsPublished))
        {
            var p = DisclosurePolicy.Default(county);
            (p.Version, p.EffectiveFrom, p.IsPublished, p.PublishedBy, p.PublishedAtUtc) = (1, LastQuarter, true, "test", DateTime.UtcNow);
            db.Add(p);
        }
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"随时测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    private static Task<HttpResponseMessage> RecordAsync(HttpClient api, string village, string item, DateOnly on, string title) =>
        api.PostAsJsonAsync("/api/v1/disclosure/occurrences", new { village, itemCode = item, on = on.ToString("yyyy-MM-dd"), title });

    private static async Task<List<DisclosureDueView>> DuesAsync(HttpClient api, string village)
    {
        var r = await api.GetAsync($"/api/v1/disclosure/calendar?region={village}&from={LastQuarter:yyyy-MM-dd}&to={China.Today:yyyy-MM-dd}&pageSize=200");
        r.StatusCode.ShouldBe(HttpStatusCode.OK, await r.Content.ReadAsStringAsync());
        return [.. (await r.Content.ReadFromJsonAsync<DisclosureCalendarView>(CunzhiFactory.Json))!.Items.Items];
    }

    [Fact]
    public async Task A_recorded_occurrence_unposted_past_its_working_days_shows_late()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        var r = await RecordAsync(api, village, "C05", TwentyDaysAgo, "宅基地审批〔2026〕7号");
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        var due = (await DuesAsync(api, village)).Single(d => d.OccurrenceKey == "宅基地审批〔2026〕7号");
        due.ItemCode.ShouldBe("C05");
        due.DueOn.ShouldBeLessThan(China.Today);
        due.State.ShouldBe(DisclosureState.Overdue);
    }

    [Fact]
    public async Task Posting_a_recorded_occurrence_marks_it_done()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        (await RecordAsync(api, village, "C04", TwentyDaysAgo, "低保评定第3批")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var form = new MultipartFormDataContent
        {
            { new StringContent("C04"), "itemCode" }, { new StringContent(TwentyDaysAgo.ToString("yyyy-MM-dd")), "periodStart" },
            { new StringContent("低保评定第3批"), "occurrenceKey" }, { new StringContent("低保评定结果公示"), "title" }, { new StringContent("经评议，新增低保 2 户。"), "body" },
        };
        var posted = await api.PostAsync($"/api/v1/disclosure/villages/{village}/postings", form);
        posted.StatusCode.ShouldBe(HttpStatusCode.Created, await posted.Content.ReadAsStringAsync());
        var dues = (await DuesAsync(api, village)).Where(d => d.OccurrenceKey == "低保评定第3批").ToList();
        dues.Single().State.ShouldBe(DisclosureState.Done);
        var listed = (await api.GetFromJsonAsync<Paged<OccurrenceView>>($"/api/v1/disclosure/villages/{village}/occurrences", CunzhiFactory.Json))!.Items.Single();
        listed.PostedOn.ShouldBe(China.Today);
    }

    [Fact]
    public async Task An_occurrence_of_a_quarterly_item_is_refused()
    {
        var village = await VillageAsync();
        var r = await RecordAsync(await f.ApiAs(Town), village, "C01", TwentyDaysAgo, "村民代表会议");
        r.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await r.Content.ReadAsStringAsync()).ShouldContain("不是随时公开事项");
        (await f.WithSystemDb(db => db.Set<RecordedOccurrence>().CountAsync(o => o.RegionCode == village))).ShouldBe(0);
    }

    [Fact]
    public async Task The_same_title_twice_for_an_item_is_refused()
    {
        var village = await VillageAsync();
        var api = await f.ApiAs("village.naoping");
        var title = $"工程招标{village[^3..]}";
        (await RecordAsync(api, Demo.Naoping, "C06", TwentyDaysAgo, title)).StatusCode.ShouldBe(HttpStatusCode.Created);
        var again = await RecordAsync(api, Demo.Naoping, "C06", China.Today, title);
        again.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await again.Content.ReadAsStringAsync()).ShouldContain("已登记过");
    }

    [Fact]
    public async Task The_towns_late_villages_reach_its_group_robot()
    {
        using var stub = new RobotStub();
        var village = await VillageAsync();
        var api = await f.ApiAs(Town);
        (await api.PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "WeCom", url = stub.Base + "cgi-bin/webhook/send?key=sanxing-disclosure" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await RecordAsync(api, village, "C05", TwentyDaysAgo, "征地补偿方案")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var made = await new DisclosureReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<DisclosureReminderService>.Instance).RunOnceAsync(CancellationToken.None);
        made.ShouldBeGreaterThan(0);
        var townReminder = await f.WithSystemDb(db => db.Set<Reminder>().SingleAsync(r => r.RegionCode == Demo.Sanxing && r.Kind == ReminderKind.DisclosureTownLate));
        townReminder.Body.ShouldContain("个村有村务公开逾期未公开");
        static string Text((string PathAndQuery, string Body) m)
        {
            using var body = System.Text.Json.JsonDocument.Parse(m.Body);
            return body.RootElement.GetProperty("text").GetProperty("content").GetString()!;
        }
        var pushed = (await stub.WaitForAsync(m => m.PathAndQuery == "/cgi-bin/webhook/send?key=sanxing-disclosure" && Text(m).Contains("村务公开逾期的村"))).Single();
        Text(pushed).ShouldContain(townReminder.Body);
    }
}

public sealed class DisclosureOccurrenceTests_Sqlite(SqliteFactory f) : DisclosureOccurrenceTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class DisclosureOccurrenceTests_Postgres(PostgresFactory f) : DisclosureOccurrenceTests<PostgresFactory>(f);
