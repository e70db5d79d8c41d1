using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Tasks;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Burden;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>A local stand-in for the DingTalk and WeCom robot endpoints: records every POST, answers as told.</summary>
public sealed class RobotStub : IDisposable
{
    private readonly HttpListener listener = new();
    public ConcurrentQueue<(string PathAndQuery, string Body)> Received { get; } = new();
    /// <summary>Status codes to answer with, in order; then 200 {"errcode":0}.</summary>
    public ConcurrentQueue<HttpStatusCode> Failures { get; } = new();
    public string Base { get; }

    public RobotStub()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        Base = $"http://127.0.0.1:{port}/";
        listener.Prefixes.Add(Base);
        listener.Start();
        _ = Task.Run(LoopAsync);
    }

    private async Task LoopAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext c;
            try { c = await listener.GetContextAsync(); } catch { return; }
            using var reader = new StreamReader(c.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var status = Failures.TryDequeue(out var s) ? s : HttpStatusCode.OK;
            if (status == HttpStatusCode.OK) Received.Enqueue((c.Request.Url!.PathAndQuery, body));
            c.Response.StatusCode = (int)status;
            var answer = Encoding.UTF8.GetBytes(status == HttpStatusCode.OK ? """{"errcode":0,"errmsg":"ok"}""" : "busy");
            await c.Response.OutputStream.WriteAsync(answer);
            c.Response.Close();
        }
    }

    public async Task<List<(string PathAndQuery, string Body)>> WaitForAsync(Func<(string PathAndQuery, string Body), bool> match, int count = 1)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (Received.Count(match) < count && DateTime.UtcNow < until) await Task.Delay(100);
        return [.. Received.Where(match)];
    }

    public void Dispose() => listener.Close();
}

/// <summary>
/// Towns get Friday's list of unreported villages and the county its weekly summary, in-app and pushed to their DingTalk
/// (signed) and WeCom robots, retried when the robot fails, never blocking the in-app reminder; credentials encrypted and scoped.
/// </summary>
public abstract class RobotReminderTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static DateOnly Today => China.Today;


    private Task<int> RunRemindersAt(DateTime local) =>
        new ReminderService(f.Services.GetRequiredService<IServiceScopeFactory>(), new FixedClock(China.At(local)),
            f.Services.GetRequiredService<IConfiguration>(), NullLogger<ReminderService>.Instance).RunOnceAsync(CancellationToken.None);

    [Fact]
    public async Task Weekly_reminders_reach_each_regions_robot_signed_with_one_retry()
    {
        using var stub = new RobotStub();
        var town = await f.ApiAs("town.sanxing");
        var county = await f.ApiAs("county.admin");
        const string secret = "SECtest-secret-0123456789";
        (await town.PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "DingTalk", url = stub.Base + "robot/send?access_token=sanxing", secret }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await county.PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "WeCom", url = stub.Base + "cgi-bin/webhook/send?key=county" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        // 鹅峰乡's robot is down for good: its failures must not keep anyone's in-app reminder back.
        (await (await f.ApiAs("town.efeng")).PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "WeCom", url = "http://127.0.0.1:9/down" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        stub.Failures.Enqueue(HttpStatusCode.ServiceUnavailable); // the first push fails once and is retried

        var response = await (await f.ApiAs("dept.agri")).PostAsJsonAsync("/api/v1/tasks/requests", new
        {
            title = "机器人提醒测试：冬季防火", requirement = "组织巡查并登记", villages = new[] { Demo.Naoping, Demo.Dongxi }, towns = Array.Empty<string>(),
            dueDate = Today.AddDays(10).ToString("yyyy-MM-dd"), evidenceRequired = false, itemCode = "XZ-11",
        });
        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var nextMonday = Week.MondayOf(Today).AddDays(7);
        // Friday morning: villages only; the town's list waits for the afternoon.
        await RunRemindersAt(nextMonday.AddDays(4).ToDateTime(new TimeOnly(9, 0)));
        (await f.WithSystemDb(db => db.Set<Reminder>().CountAsync(r => r.WeekStart == nextMonday && r.Kind == ReminderKind.TownUnreported))).ShouldBe(0);
        (await RunRemindersAt(nextMonday.AddDays(4).ToDateTime(new TimeOnly(18, 0)))).ShouldBeGreaterThan(0);
        (await RunRemindersAt(nextMonday.AddDays(4).ToDateTime(new TimeOnly(19, 0)))).ShouldBe(0, "once a week");

        var townReminders = (await town.GetFromJsonAsync<Paged<ReminderView>>("/api/v1/burden/reminders?pageSize=200", CunzhiFactory.Json))!.Items
            .Where(r => r.WeekStart == nextMonday).ToList();
        var unreported = townReminders.Single(r => r.Kind == ReminderKind.TownUnreported);
        unreported.Body.ShouldContain("闹坪村");
        unreported.Body.ShouldNotContain("东溪村", customMessage: "鹅峰乡's village is not 三兴镇's business");
        var summary = (await county.GetFromJsonAsync<Paged<ReminderView>>("/api/v1/burden/reminders?pageSize=200", CunzhiFactory.Json))!.Items
            .Single(r => r.WeekStart == nextMonday && r.Kind == ReminderKind.CountySummary);
        summary.Body.ShouldContain("已汇报");
        (await f.WithSystemDb(db => db.Set<Reminder>().CountAsync(r => r.WeekStart == nextMonday && r.RegionCode == Demo.Efeng && r.Kind == ReminderKind.TownUnreported)))
            .ShouldBe(1, "the in-app reminder is there although its robot is down");
        var bell = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/"));
        bell.QuerySelector("[data-testid=bell]").ShouldNotBeNull();

        var ding = (await stub.WaitForAsync(m => m.PathAndQuery.StartsWith("/robot/send"))).Single();
        var query = System.Web.HttpUtility.ParseQueryString(new Uri("http://x" + ding.PathAndQuery).Query);
        query["access_token"].ShouldBe("sanxing");
        var ts = long.Parse(query["timestamp"]!);
        Math.Abs(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - ts).ShouldBeLessThan(3_600_000);
        var expected = Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{ts}\n{secret}")));
        query["sign"].ShouldBe(expected);
        using (var body = JsonDocument.Parse(ding.Body))
        {
            body.RootElement.GetProperty("msgtype").GetString().ShouldBe("text");
            body.RootElement.GetProperty("text").GetProperty("content").GetString()!.ShouldContain("村级周报未汇报");
        }
        var wecom = (await stub.WaitForAsync(m => m.PathAndQuery.StartsWith("/cgi-bin/webhook/send"))).Single();
        wecom.PathAndQuery.ShouldBe("/cgi-bin/webhook/send?key=county");
        using (var body = JsonDocument.Parse(wecom.Body))
            body.RootElement.GetProperty("text").GetProperty("content").GetString()!.ShouldContain("本周周报汇总");
        stub.Failures.ShouldBeEmpty("the failed first attempt was retried");
    }

    [Fact]
    public async Task Robot_credentials_stay_encrypted_unseen_within_the_account_region()
    {
        var town = await f.ApiAs("town.sanxing");
        var saved = await (await town.PutAsJsonAsync("/api/v1/burden/webhooks",
            new { kind = "DingTalk", url = "https://oapi.dingtalk.com/robot/send?access_token=topsecret-token", secret = "SECabc" })).Content.ReadAsStringAsync();
        saved.ShouldNotContain("topsecret-token");
        saved.ShouldNotContain("SECabc");
        saved.ShouldContain("oapi.dingtalk.com");
        var row = await f.WithSystemDb(db => db.Set<ReminderWebhook>().SingleAsync(w => w.RegionCode == Demo.Sanxing && w.Kind == RobotKind.DingTalk));
        row.UrlProtected.ShouldNotContain("topsecret-token");
        row.SecretProtected!.ShouldNotContain("SECabc");
        (await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Entity == nameof(ReminderWebhook)).Select(a => a.After).ToListAsync()))
            .ShouldAllBe(after => after == null || !after.Contains("topsecret-token"));

        var bad = await town.PutAsJsonAsync("/api/v1/burden/webhooks", new { kind = "WeCom", url = "ftp://nope" });
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("Webhook 地址应以 https:// 开头");

        var efeng = await f.ApiAs("town.efeng");
        (await efeng.GetFromJsonAsync<List<WebhookView>>("/api/v1/burden/webhooks", CunzhiFactory.Json))!.ShouldNotContain(w => w.RegionCode == Demo.Sanxing);
        (await efeng.DeleteAsync("/api/v1/burden/webhooks/DingTalk")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await f.WithSystemDb(db => db.Set<ReminderWebhook>().CountAsync(w => w.RegionCode == Demo.Sanxing))).ShouldBe(1);
        (await town.DeleteAsync("/api/v1/burden/webhooks/DingTalk")).StatusCode.ShouldBe(HttpStatusCode.NoContent);

        var page = await f.PagesAs("town.sanxing");
        var posted = await CunzhiFactory.PostFormAsync(page, "/Burden/Webhooks", new() { ["Kind"] = "WeCom", ["Address"] = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k1", ["Enabled"] = "true" });
        posted.StatusCode.ShouldBe(HttpStatusCode.Redirect, await posted.Content.ReadAsStringAsync());
        var list = await CunzhiFactory.Html(await page.GetAsync("/Burden/Webhooks"));
        list.QuerySelector("[data-testid=webhooks] [data-kind=WeCom]")!.TextContent.ShouldContain("qyapi.weixin.qq.com");
        list.Body!.InnerHtml.ShouldNotContain("key=k1");
        var invalid = await CunzhiFactory.PostFormAsync(page, "/Burden/Webhooks", new() { ["Kind"] = "DingTalk", ["Address"] = "" });
        invalid.StatusCode.ShouldNotBe(HttpStatusCode.Redirect);
        (await f.WithSystemDb(db => db.Set<ReminderWebhook>().CountAsync(w => w.RegionCode == Demo.Sanxing && w.Kind == RobotKind.DingTalk))).ShouldBe(0);
    }
}

public sealed class RobotReminderTests_Sqlite(SqliteFactory f) : RobotReminderTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class RobotReminderTests_Postgres(PostgresFactory f) : RobotReminderTests<PostgresFactory>(f);
