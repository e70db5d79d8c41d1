using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading.Channels;
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

/// <summary>One message for one group robot, with the decrypted credentials (kept in memory only until sent).</summary>
public sealed record RobotMessage(RobotKind Kind, string Url, string? Secret, string Text, string Region);

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

/// <summary>Messages waiting for <see cref="RobotSender"/>: reminders are saved first and only then queued, so pushing never holds them up.</summary>
public sealed class RobotOutbox
{
    private readonly Channel<RobotMessage> queue = Channel.CreateUnbounded<RobotMessage>(new UnboundedChannelOptions { SingleReader = true });
    internal ChannelReader<RobotMessage> Reader => queue.Reader;
    public void Enqueue(RobotMessage m) => queue.Writer.TryWrite(m);
}

/// <summary>
/// Sends queued robot messages one by one, each tried <c>Reminders:Robots:Attempts</c> times (default 3) with a doubling
/// pause from <c>Reminders:Robots:RetrySeconds</c> (default 2); a message that still fails is logged and dropped — the
/// in-app reminder is already there. A hand-written retry rather than a resilience package: one loop, no new dependency.
/// </summary>
public sealed class RobotSender(RobotOutbox outbox, IHttpClientFactory http, TimeProvider clock, IConfiguration config, ILogger<RobotSender> log) : BackgroundService
{
    public const string HttpClientName = "robots";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var m in outbox.Reader.ReadAllAsync(stoppingToken))
            await SendWithRetryAsync(m, stoppingToken);
    }

    public async Task<bool> SendWithRetryAsync(RobotMessage m, CancellationToken ct)
    {
        var attempts = Math.Clamp(config.GetValue("Reminders:Robots:Attempts", 3), 1, 10);
        var delay = TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Reminders:Robots:RetrySeconds", 2.0), 0.01, 300));
        for (var attempt = 1; attempt <= attempts; attempt++)
        {
            string? failure;
            try { failure = await SendOnceAsync(m, ct); }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested) { failure = e.Message; }
            if (failure is null) return true;
            log.LogWarning("群机器人推送失败（{Kind}，{Region}，第 {Attempt}/{Attempts} 次）：{Failure}", m.Kind, m.Region, attempt, attempts, failure);
            if (attempt < attempts) await Task.Delay(delay * Math.Pow(2, attempt - 1), clock, ct);
        }
        log.LogError("群机器人推送放弃（{Kind}，{Region}），站内提醒不受影响", m.Kind, m.Region);
        return false;
    }

    /// <summary>Null when the robot accepted the message, else why not.</summary>
    private async Task<string?> SendOnceAsync(RobotMessage m, CancellationToken ct)
    {
        var url = m.Kind == RobotKind.DingTalk ? DingTalkRobot.SignedUrl(m.Url, m.Secret, clock.GetUtcNow()) : WeComRobot.Url(m.Url);
        var client = http.CreateClient(HttpClientName);
        using var response = await client.PostAsJsonAsync(url, new { msgtype = "text", text = new { content = m.Text } }, ct);
        if (!response.IsSuccessStatusCode) return $"HTTP {(int)response.StatusCode}";
        try
        {
            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync(ct));
            return doc.RootElement.TryGetProperty("errcode", out var code) && code.ValueKind == JsonValueKind.Number && code.GetInt32() != 0
                ? $"errcode {code.GetInt32()} {(doc.RootElement.TryGetProperty("errmsg", out var msg) ? msg.GetString() : "")}"
                : null;
        }
        catch (JsonException) { return "应答不是 JSON"; }
    }
}

/// <summary>Pushes a saved reminder to the robots its county or town configured (DingTalk and WeCom alike); village reminders have none.</summary>
public sealed class RobotReminderChannel(AppDbContext db, PersonalDataProtector protector, RobotOutbox outbox) : IReminderChannel
{
    public async Task SendAsync(ReminderView reminder, string regionCode, CancellationToken ct)
    {
        var hooks = await db.Set<ReminderWebhook>().AsNoTracking().Where(w => w.RegionCode == regionCode && w.Enabled).ToListAsync(ct);
        foreach (var w in hooks)
            outbox.Enqueue(new RobotMessage(w.Kind, protector.Unprotect(w.UrlProtected), w.SecretProtected is null ? null : protector.Unprotect(w.SecretProtected),
                $"【村治】{reminder.Title}\n{reminder.Body}", regionCode));
    }
}
