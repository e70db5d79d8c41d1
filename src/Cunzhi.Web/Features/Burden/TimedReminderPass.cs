using Cunzhi.Data.Security;
using Cunzhi.Web.Infrastructure.Jobs;

namespace Cunzhi.Web.Features.Burden;

/// <summary>
/// A reminder maker run on a timer driven by the registered <see cref="TimeProvider"/>: once at start, then every
/// <c>Reminders:IntervalMinutes</c> (default 30, 1 minute to a day); <c>Reminders:Enabled=false</c> turns it off. Each pass
/// runs in its own scope as the system, at the clock's China time; a failed pass (database busy, migration not yet applied)
/// is logged and retried on the next tick. With several nodes, each tick runs on one node only (<see cref="RunTickAsync"/>). The weekly reminders (<see cref="ReminderService"/>) and the matters' due-date
/// reminders (<see cref="Matters.MatterReminderService"/>) are the two kinds.
/// </summary>
public abstract class TimedReminderPass(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger log) : BackgroundService
{
    /// <summary>What the log calls the reminders made (e.g. 周提醒).</summary>
    protected abstract string What { get; }

    /// <summary>Makes the reminders due at <paramref name="localNow"/> with the pass's scoped services; returns how many were made.</summary>
    protected abstract Task<int> MakeAsync(IServiceProvider services, DateTimeOffset localNow, CancellationToken ct);

    /// <summary>One pass at the clock's current local time.</summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<UserContext>().AsSystem();
        return await MakeAsync(scope.ServiceProvider, clock.GetLocalNow(), ct);
    }

    /// <summary>Every <c>Reminders:IntervalMinutes</c> (default 30, 1 minute to a day).</summary>
    public TimeSpan Interval => TimeSpan.FromMinutes(Math.Clamp(config.GetValue("Reminders:IntervalMinutes", 30), 1, 24 * 60));

    /// <summary>
    /// The pass of the current tick, run here only if no node on the database has run it or is running it
    /// (<see cref="JobLeases"/>); returns how many reminders this node made, or null when another node has the tick.
    /// </summary>
    public async Task<int?> RunTickAsync(CancellationToken ct)
    {
        JobLeases leases;
        await using (var scope = scopes.CreateAsyncScope()) leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        var made = 0;
        return await leases.RunTickAsync("reminders:" + GetType().Name, Interval, async c => made = await RunOnceAsync(c), ct) ? made : null;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Reminders:Enabled", true)) return;
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                var made = await RunTickAsync(stoppingToken);
                if (made > 0) log.LogInformation("已生成 {Count} 条{What}", made, What);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "生成{What}失败，稍后重试", What);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
