using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>A fake robot server in process: counts every POST by body, answers 200 {"errcode":0} unless told otherwise.</summary>
public sealed class CountingRobots : HttpMessageHandler, IHttpClientFactory
{
    public ConcurrentQueue<string> Bodies { get; } = new();
    /// <summary>The status to answer a body with.</summary>
    public Func<string, HttpStatusCode> Answer { get; set; } = _ => HttpStatusCode.OK;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var body = await request.Content!.ReadAsStringAsync(ct);
        Bodies.Enqueue(body);
        await Task.Delay(10, ct); // a request takes a while: the other sender has time to try the same rows
        var status = Answer(body);
        return new HttpResponseMessage(status) { Content = new StringContent(status == HttpStatusCode.OK ? """{"errcode":0,"errmsg":"ok"}""" : "busy") };
    }

    public HttpClient CreateClient(string name) => new(this, disposeHandler: false);

    public int Count(string marker) => Bodies.Count(b => b.Contains(marker));
}

/// <summary>The app with this node's robot sender off: the tests run senders by hand.</summary>
public sealed class QuietRobotsSqliteFactory : SqliteFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:Robots:Enabled", "false");
    }
}

public sealed class QuietRobotsPostgresFactory : PostgresFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Reminders:Robots:Enabled", "false");
    }
}

/// <summary>
/// The robot outbox (issue #22 part 2): a reminder's robot messages are rows saved with it, any node's sender claims due
/// rows with one conditional UPDATE, two senders never send one message twice, a dead node's claim lapses and another node
/// sends, failures back off and stop after the configured attempts. No URL or key in the rows or the audit log.
/// </summary>
public abstract class RobotOutboxTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string RobotUrl = "https://robot.test/cgi-bin/webhook/send?key=outbox-secret-key";

    private static RobotSender Sender(IServiceProvider services, IHttpClientFactory http, TimeProvider clock) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), http, clock, services.GetRequiredService<IConfiguration>(), NullLogger<RobotSender>.Instance);

    /// <summary>三兴镇's WeCom robot (set through the API, so its URL is encrypted as in use); its id.</summary>
    private async Task<long> TownRobotAsync()
    {
        var town = await f.ApiAs("town.sanxing");
        (await town.PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "WeCom", url = RobotUrl })).StatusCode.ShouldBe(HttpStatusCode.OK);
        return await f.WithSystemDb(db => db.Set<ReminderWebhook>().Where(w => w.RegionCode == Demo.Sanxing && w.Kind == RobotKind.WeCom).Select(w => w.Id).SingleAsync());
    }

    /// <summary>Puts <paramref name="count"/> due messages for the robot, each text carrying the marker and its number.</summary>
    private async Task<List<long>> QueueAsync(long webhookId, string marker, int count, DateTime nowUtc)
    {
        await using var scope = f.SystemScope(out var db);
        var rows = Enumerable.Range(0, count).Select(i => new RobotMessage
        {
            RegionCode = Demo.Sanxing, WebhookId = webhookId, Kind = RobotKind.WeCom, Text = $"【村治】测试 {marker}-{i:D3}",
            CreatedAtUtc = nowUtc, NextAttemptAtUtc = nowUtc,
        }).ToList();
        db.AddRange(rows);
        await db.SaveChangesAsync();
        return [.. rows.Select(r => r.Id)];
    }

    private static DateTime Micro(DateTimeOffset t) => new(t.UtcTicks - t.UtcTicks % 10, DateTimeKind.Utc);

    [Fact]
    public async Task A_reminders_robot_messages_are_saved_with_it_and_hold_no_credentials()
    {
        await TownRobotAsync();
        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title = "机器人发件箱测试：冬季防火", requirement = "组织巡查并登记", villages = new[] { Demo.Naoping }, towns = Array.Empty<string>(),
            dueDate = China.Today.AddDays(10).ToString("yyyy-MM-dd"), evidenceRequired = false, itemCode = "XZ-11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var nextMonday = Week.MondayOf(China.Today).AddDays(7);
        var made = await new ReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(China.At(nextMonday.AddDays(4).ToDateTime(new TimeOnly(18, 0)))),
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<ReminderService>.Instance).RunOnceAsync(CancellationToken.None);
        made.ShouldBeGreaterThan(0);

        var messages = await f.WithSystemDb(db => db.Set<RobotMessage>().AsNoTracking().Where(m => m.RegionCode == Demo.Sanxing && m.Text.Contains("村级周报未汇报"))
            .OrderBy(m => m.Id).ToListAsync());
        messages.Count.ShouldBe(1, "one message for the town's one robot, waiting in the table: this node's sender is off");
        messages[0].SentAtUtc.ShouldBeNull();
        messages[0].Attempts.ShouldBe(0);
        messages[0].Text.ShouldNotContain("outbox-secret-key");
        // Saved in the reminder's save: the audit chain records both in one run of consecutive entries.
        var entries = await f.WithSystemDb(db => db.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(Reminder) || a.Entity == nameof(RobotMessage))
            .OrderByDescending(a => a.Sequence).Take(50).ToListAsync());
        var robotEntry = entries.First(a => a.Entity == nameof(RobotMessage) && a.EntityKey == messages[0].Id.ToString());
        entries.ShouldContain(a => a.Entity == nameof(Reminder) && a.AtUtc == robotEntry.AtUtc, "the reminder and its robot message are one save");
        (await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == nameof(RobotMessage)).Select(a => a.After ?? "").ToListAsync()))
            .ShouldAllBe(after => !after.Contains("outbox-secret-key"));
    }

    [Fact]
    public async Task Two_senders_on_two_nodes_send_every_message_exactly_once()
    {
        var webhook = await TownRobotAsync();
        var marker = Guid.NewGuid().ToString("N");
        var ids = await QueueAsync(webhook, marker, 40, Micro(DateTimeOffset.UtcNow));
        await using var b = f.WithWebHostBuilder(x => x.UseSetting("Reminders:Enabled", "false"));
        var robots = new CountingRobots();
        var senders = new[] { Sender(f.Services, robots, TimeProvider.System), Sender(b.Services, robots, TimeProvider.System) };
        // Two loops per node, four at once, each claiming until nothing is due.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            while (await senders[i % 2].RunOnceAsync(CancellationToken.None) > 0) { }
        })));
        for (var i = 0; i < 40; i++) robots.Count($"{marker}-{i:D3}").ShouldBe(1, $"消息 {i} 应恰好发送一次");
        var rows = await f.WithSystemDb(db => db.Set<RobotMessage>().AsNoTracking().Where(m => ids.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync());
        rows.ShouldAllBe(m => m.SentAtUtc != null && m.Attempts == 1 && m.ClaimedUntilUtc == null);
        // Which node takes how many is up to the race (on PostgreSQL one node may take all: SKIP LOCKED lets it run ahead).
    }

    [Fact]
    public async Task A_dead_nodes_claim_lapses_and_another_node_sends_the_message()
    {
        var webhook = await TownRobotAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var marker = Guid.NewGuid().ToString("N");
        var id = (await QueueAsync(webhook, marker, 1, Micro(clock.Now))).Single();
        var robots = new CountingRobots();
        await using var b = f.WithWebHostBuilder(x => x.UseSetting("Reminders:Enabled", "false"));
        var (dying, other) = (Sender(f.Services, robots, clock), Sender(b.Services, robots, clock));

        var (_, claimed) = await dying.ClaimAsync(CancellationToken.None);
        claimed.ShouldContain(m => m.Id == id);
        // The node dies holding the claim: it never sends nor gives it back.
        await other.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(0, "认领未到期，其他节点不得发送");
        clock.Now += TimeSpan.FromSeconds(119);
        await other.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(0, "认领未到期");
        clock.Now += TimeSpan.FromSeconds(2);
        await other.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(1, "认领过期后由其他节点发送");
        var row = await f.WithSystemDb(db => db.Set<RobotMessage>().AsNoTracking().SingleAsync(m => m.Id == id));
        row.SentAtUtc.ShouldNotBeNull();
        row.Attempts.ShouldBe(2, "the dead node's claim counted as an attempt");
        row.ClaimedBy!.ShouldStartWith(other.Holder);
        clock.Now += TimeSpan.FromMinutes(10);
        await dying.RunOnceAsync(CancellationToken.None);
        await other.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(1, "sent once, never again");
    }

    [Fact]
    public async Task A_failing_robot_is_retried_with_a_doubling_pause_then_abandoned()
    {
        var webhook = await TownRobotAsync();
        var clock = new ManualClock(DateTimeOffset.UtcNow);
        var marker = Guid.NewGuid().ToString("N");
        var id = (await QueueAsync(webhook, marker, 1, Micro(clock.Now))).Single();
        var robots = new CountingRobots { Answer = body => body.Contains(marker) ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.OK };
        var sender = Sender(f.Services, robots, clock);
        Task<RobotMessage> Row() => f.WithSystemDb(db => db.Set<RobotMessage>().AsNoTracking().SingleAsync(m => m.Id == id));

        await sender.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(1);
        var row = await Row();
        (row.Attempts, row.LastError, row.ClaimedBy, row.SentAtUtc, row.AbandonedAtUtc).ShouldBe((1, "群机器人应答 HTTP 503", (string?)null, (DateTime?)null, (DateTime?)null));
        row.NextAttemptAtUtc.ShouldBe(Micro(clock.Now) + TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(1));
        clock.Now += TimeSpan.FromSeconds(1);
        await sender.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(1, "not before the pause is over");
        clock.Now += TimeSpan.FromSeconds(1.5);
        await sender.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(2);
        (await Row()).NextAttemptAtUtc.ShouldBe(Micro(clock.Now) + TimeSpan.FromSeconds(4), TimeSpan.FromMilliseconds(1));
        clock.Now += TimeSpan.FromSeconds(4.5);
        await sender.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(3);
        row = await Row();
        row.AbandonedAtUtc.ShouldNotBeNull("three attempts (Reminders:Robots:Attempts) used up");
        row.LastError!.ShouldNotContain("outbox-secret-key");
        clock.Now += TimeSpan.FromHours(2);
        await sender.RunOnceAsync(CancellationToken.None);
        robots.Count(marker).ShouldBe(3, "abandoned: never tried again");
    }
}

public sealed class RobotOutboxTests_Sqlite(QuietRobotsSqliteFactory f) : RobotOutboxTests<QuietRobotsSqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RobotOutboxTests_Postgres(QuietRobotsPostgresFactory f) : RobotOutboxTests<QuietRobotsPostgresFactory>(f);
