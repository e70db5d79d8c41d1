using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Burden;

/// <summary>
/// 钉钉群机器人: POST {"msgtype":"text","text":{"content":…}} to the webhook; with 加签, the URL also carries
/// <c>timestamp</c> (milliseconds) and <c>sign</c> = URL-encoded Base64(HMAC-SHA256(key: secret, data: timestamp + "\n" + secret)),
/// and DingTalk refuses a timestamp more than an hour off. The answer is {"errcode":0,…} when accepted.
/// </summary>
public static class DingTalkRobot
{
    public static string Sign(long timestampMs, string secret)
    {
        var data = Encoding.UTF8.GetBytes($"{timestampMs}\n{secret}");
        return Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), data));
    }

    public static string SignedUrl(string url, string? secret, DateTimeOffset now)
    {
        if (string.IsNullOrEmpty(secret)) return url;
        var ts = now.ToUnixTimeMilliseconds();
        return $"{url}{(url.Contains('?') ? '&' : '?')}timestamp={ts}&sign={Uri.EscapeDataString(Sign(ts, secret))}";
    }
}

/// <summary>企业微信群机器人: POST the same text message to the webhook URL, whose <c>key</c> is the credential; {"errcode":0,…} when accepted.</summary>
public static class WeComRobot
{
    public static string Url(string url) => url;
}

/// <summary>
/// The robot outbox's sender (README "Running several nodes"): every node runs one. Each poll (<c>Reminders:Robots:PollSeconds</c>,
/// default 2) claims up to <see cref="Batch"/> due messages with one conditional UPDATE — on PostgreSQL its row choice is
/// <c>FOR UPDATE SKIP LOCKED</c>, on SQLite the statement is atomic anyway — so two nodes never hold the same message; sends
/// them one by one and marks each sent, or puts it back with a doubling pause from <c>Reminders:Robots:RetrySeconds</c>
/// (default 2) until <c>Reminders:Robots:Attempts</c> (default 3) claims are used up, then abandons it (the in-app reminder
/// is already there). A claim lasts <c>Reminders:Robots:ClaimSeconds</c> (default 120, more than a batch's sends at the
/// HTTP timeout of 10 s each): a node that dies holding messages leaves them to the next node once it lapses. A message
/// is sent twice only if a node's claim lapses while its request is in flight. A hand-written loop rather than a queue
/// library or a resilience package: one table, two statements, no new dependency. <c>Reminders:Robots:Enabled=false</c>
/// stops this node sending (another node still does). The delivery bookkeeping (claim, attempts, sent) is written by
/// these statements, not through the audit chain, as the job leases are; the message itself is audited when it is made.
/// </summary>
public sealed class RobotSender(IServiceScopeFactory scopes, IHttpClientFactory http, TimeProvider clock, IConfiguration config, ILogger<RobotSender> log)
    : BackgroundService
{
    public const string HttpClientName = "robots";

    /// <summary>Messages claimed per statement.</summary>
    public const int Batch = 5;

    /// <summary>This node (one per host): machine, process and a random part, so two hosts in one process differ too.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private long claims;

    private int MaxAttempts => Math.Clamp(config.GetValue("Reminders:Robots:Attempts", 3), 1, 10);
    private TimeSpan FirstPause => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Reminders:Robots:RetrySeconds", 2.0), 0.01, 300));
    private TimeSpan ClaimFor => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Reminders:Robots:ClaimSeconds", 120.0), 1, 3600));
    private TimeSpan Poll => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Reminders:Robots:PollSeconds", 2.0), 0.05, 300));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reminders:Robots:Enabled", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                while (await RunOnceAsync(stoppingToken) > 0) { }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "群机器人消息发送轮询失败，稍后重试");
            }
            try { await Task.Delay(Poll, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Claims the due messages and sends them; returns how many were claimed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var (claim, claimed) = await ClaimAsync(ct);
        if (claimed.Count > 0) await SendClaimedAsync(claim, claimed, ct);
        return claimed.Count;
    }

    /// <summary>
    /// Takes up to <see cref="Batch"/> due messages for this node with one statement (each claim counts as an attempt) and
    /// reads them back by the claim's name. A message whose attempts are used up and whose last claim has lapsed (its node
    /// died mid-send) is abandoned instead of claimed again.
    /// </summary>
    public async Task<(string Claim, IReadOnlyList<RobotMessage> Messages)> ClaimAsync(CancellationToken ct)
    {
        var now = Now();
        var until = now + ClaimFor;
        var max = MaxAttempts;
        var claim = $"{Holder}#{Interlocked.Increment(ref claims)}";
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        // The idle poll is this one read (the pending index); the writes below run only when something is due, so an idle
        // node never takes SQLite's write lock.
        if (!await db.Set<RobotMessage>().AnyAsync(m => m.SentAtUtc == null && m.AbandonedAtUtc == null && m.NextAttemptAtUtc <= now
                && (m.ClaimedUntilUtc == null || m.ClaimedUntilUtc < now), ct))
            return (claim, []);
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "RobotMessages" SET "AbandonedAtUtc" = {now}, "ClaimedUntilUtc" = NULL, "LastError" = {"发送节点中断，已达最多尝试次数"}
            WHERE "SentAtUtc" IS NULL AND "AbandonedAtUtc" IS NULL AND "NextAttemptAtUtc" <= {now} AND "Attempts" >= {max}
              AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
            """, ct);
        var claimedRows = db.Database.IsNpgsql()
            ? await db.Database.ExecuteSqlAsync($"""
                UPDATE "RobotMessages" SET "ClaimedBy" = {claim}, "ClaimedUntilUtc" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "RobotMessages"
                               WHERE "SentAtUtc" IS NULL AND "AbandonedAtUtc" IS NULL AND "NextAttemptAtUtc" <= {now} AND "Attempts" < {max}
                                 AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
                               ORDER BY "NextAttemptAtUtc", "Id" LIMIT {Batch} FOR UPDATE SKIP LOCKED)
                  AND "SentAtUtc" IS NULL AND "AbandonedAtUtc" IS NULL AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
                """, ct)
            : await db.Database.ExecuteSqlAsync($"""
                UPDATE "RobotMessages" SET "ClaimedBy" = {claim}, "ClaimedUntilUtc" = {until}, "Attempts" = "Attempts" + 1
                WHERE "Id" IN (SELECT "Id" FROM "RobotMessages"
                               WHERE "SentAtUtc" IS NULL AND "AbandonedAtUtc" IS NULL AND "NextAttemptAtUtc" <= {now} AND "Attempts" < {max}
                                 AND ("ClaimedUntilUtc" IS NULL OR "ClaimedUntilUtc" < {now})
                               ORDER BY "NextAttemptAtUtc", "Id" LIMIT {Batch})
                """, ct);
        if (claimedRows == 0) return (claim, []);
        var messages = await db.Set<RobotMessage>().AsNoTracking().Where(m => m.ClaimedBy == claim && m.SentAtUtc == null).OrderBy(m => m.Id).ToListAsync(ct);
        return (claim, messages);
    }

    /// <summary>Sends each claimed message once and records the outcome (only while the claim is still this node's).</summary>
    public async Task SendClaimedAsync(string claim, IReadOnlyList<RobotMessage> messages, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        var protector = scope.ServiceProvider.GetRequiredService<PersonalDataProtector>();
        var ids = messages.Select(m => m.WebhookId).Distinct().ToList();
        var hooks = await db.Set<ReminderWebhook>().AsNoTracking().Where(w => ids.Contains(w.Id)).OrderBy(w => w.Id).ToDictionaryAsync(w => w.Id, ct);
        foreach (var m in messages)
        {
            string? failure;
            var hook = hooks.GetValueOrDefault(m.WebhookId);
            if (hook is null || !hook.Enabled || hook.RegionCode != m.RegionCode)
            {
                await AbandonAsync(db, m, claim, "群机器人已删除或停用，不再发送", ct);
                continue;
            }
            try { failure = await SendOnceAsync(hook, protector, m.Text, ct); }
            catch (HttpRequestException) { failure = "无法连接群机器人服务器"; }
            catch (TaskCanceledException) when (!ct.IsCancellationRequested) { failure = "群机器人应答超时"; }
            if (failure is null)
            {
                var now = Now();
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE "RobotMessages" SET "SentAtUtc" = {now}, "ClaimedUntilUtc" = NULL, "LastError" = NULL WHERE "Id" = {m.Id} AND "ClaimedBy" = {claim}
                    """, CancellationToken.None);
                continue;
            }
            log.LogWarning("群机器人推送失败（{Kind}，{Region}，消息 {Id}，第 {Attempt}/{Attempts} 次）：{Failure}", m.Kind, m.RegionCode, m.Id, m.Attempts, MaxAttempts, failure);
            if (RobotRetry.PauseAfter(m.Attempts, MaxAttempts, FirstPause) is { } pause)
            {
                var next = Now() + pause;
                await db.Database.ExecuteSqlAsync($"""
                    UPDATE "RobotMessages" SET "NextAttemptAtUtc" = {next}, "ClaimedBy" = NULL, "ClaimedUntilUtc" = NULL, "LastError" = {failure}
                    WHERE "Id" = {m.Id} AND "ClaimedBy" = {claim}
                    """, CancellationToken.None);
            }
            else
            {
                log.LogError("群机器人推送放弃（{Kind}，{Region}，消息 {Id}），站内提醒不受影响", m.Kind, m.RegionCode, m.Id);
                await AbandonAsync(db, m, claim, failure, ct);
            }
        }
    }

    private async Task AbandonAsync(AppDbContext db, RobotMessage m, string claim, string why, CancellationToken ct)
    {
        var now = Now();
        why = why.Length > 200 ? why[..200] : why;
        await db.Database.ExecuteSqlAsync($"""
            UPDATE "RobotMessages" SET "AbandonedAtUtc" = {now}, "ClaimedUntilUtc" = NULL, "LastError" = {why} WHERE "Id" = {m.Id} AND "ClaimedBy" = {claim}
            """, CancellationToken.None);
    }

    /// <summary>Null when the robot accepted the message, else why not (in Chinese; never the URL or the key).</summary>
    private async Task<string?> SendOnceAsync(ReminderWebhook hook, PersonalDataProtector protector, string text, CancellationToken ct)
    {
        var address = protector.Unprotect(hook.UrlProtected);
        var secret = hook.SecretProtected is null ? null : protector.Unprotect(hook.SecretProtected);
        var url = hook.Kind == RobotKind.DingTalk ? DingTalkRobot.SignedUrl(address, secret, clock.GetUtcNow()) : WeComRobot.Url(address);
        var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(url, new { msgtype = "text", text = new { content = text } }, ct);
        if (!response.IsSuccessStatusCode) return $"群机器人应答 HTTP {(int)response.StatusCode}";
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return doc.RootElement.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0
                ? $"群机器人拒收（errcode {code.GetInt32()}）"
                : null;
        }
        catch (JsonException) { return "群机器人应答不是 JSON"; }
    }

    /// <summary>Whole microseconds (PostgreSQL keeps no finer), UTC.</summary>
    private DateTime Now()
    {
        var t = clock.GetUtcNow().UtcTicks;
        return new DateTime(t - t % 10, DateTimeKind.Utc);
    }
}

/// <summary>
/// Queues town and county reminders for the robots their region configured (DingTalk and WeCom alike; villages have none):
/// one <see cref="RobotMessage"/> per enabled robot, added to the caller's context so it is saved with the reminders.
/// </summary>
public sealed class RobotReminderChannel(TimeProvider clock) : IReminderChannel
{
    public async Task QueueAsync(AppDbContext db, IReadOnlyList<OutgoingReminder> reminders, CancellationToken ct)
    {
        var codes = reminders.Select(r => r.RegionCode).Distinct().ToList();
        if (codes.Count == 0) return;
        var hooks = await db.Set<ReminderWebhook>().AsNoTracking().Where(w => w.Enabled && codes.Contains(w.RegionCode))
            .OrderBy(w => w.Id).Select(w => new { w.Id, w.RegionCode, w.Kind }).ToListAsync(ct);
        if (hooks.Count == 0) return;
        var ticks = clock.GetUtcNow().UtcTicks;
        var now = new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
        foreach (var r in reminders)
            foreach (var w in hooks.Where(h => h.RegionCode == r.RegionCode))
                db.Add(new RobotMessage
                {
                    RegionCode = w.RegionCode, WebhookId = w.Id, Kind = w.Kind, Text = Truncate($"【村治】{r.Title}\n{r.Body}", 1000),
                    CreatedAtUtc = now, NextAttemptAtUtc = now,
                });
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";
}
