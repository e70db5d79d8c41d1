using Cunzhi.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Jobs;

/// <summary>
/// Periodic work exactly once across every node on the database (README "Running several nodes"). Each tick of a job is
/// the UTC time floored to the job's interval; a node runs it only after winning the job's row in <c>JobLeases</c> with one
/// conditional upsert, which both SQLite and PostgreSQL apply atomically: the row is taken when it is free (expired, or
/// already this node's) and its last finished tick is older than this one. The winner renews the lease while it works and,
/// when done, records the tick and frees the lease; every other node finds the tick done and skips it. A node that dies
/// mid-run stops renewing: after <c>Jobs:LeaseSeconds</c> (default 120) the next node to try takes the same tick over.
/// </summary>
public sealed class JobLeases(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<JobLeases> log)
{
    /// <summary>This node (one per host): machine, process and a random part, so two hosts in one process differ too.</summary>
    public string Holder { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    private TimeSpan Lease => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Jobs:LeaseSeconds", 120.0), 1, 3600));

    /// <summary>The tick <paramref name="utcNow"/> falls in: UTC floored to the interval.</summary>
    public static DateTime TickOf(DateTimeOffset utcNow, TimeSpan interval)
    {
        var t = utcNow.UtcTicks;
        return new DateTime(t - t % interval.Ticks, DateTimeKind.Utc);
    }

    /// <summary>
    /// Runs <paramref name="work"/> for the current tick of job <paramref name="name"/> if no node has run it and none holds
    /// the lease; returns whether this node ran it. The work's exception propagates after the lease is freed (the tick stays
    /// unfinished, so the next try, here or elsewhere, runs it again).
    /// </summary>
    public async Task<bool> RunTickAsync(string name, TimeSpan interval, Func<CancellationToken, Task> work, CancellationToken ct)
    {
        var tick = TickOf(clock.GetUtcNow(), interval);
        if (!await TryClaimAsync(name, tick, ct)) return false;
        using var renewing = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var renewal = RenewWhileRunningAsync(name, renewing.Token);
        var finished = false;
        try
        {
            await work(ct);
            finished = true;
        }
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            await FinishAsync(name, finished ? tick : null, CancellationToken.None);
        }
        // One line per tick run, on the node that ran it: the cluster test counts these across nodes (exactly one each).
        log.LogInformation("任务 {Job} 时段 {Tick} 已由本节点完成", name, tick.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Takes the job's lease for <paramref name="tick"/>: one statement, atomic on both databases.</summary>
    public async Task<bool> TryClaimAsync(string name, DateTime tick, CancellationToken ct)
    {
        var now = Now();
        var expires = now + Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var rows = await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "JobLeases" ("Name", "Holder", "ExpiresAtUtc", "LastTickUtc") VALUES ({name}, {Holder}, {expires}, NULL)
            ON CONFLICT ("Name") DO UPDATE SET "Holder" = excluded."Holder", "ExpiresAtUtc" = excluded."ExpiresAtUtc"
            WHERE ("JobLeases"."Holder" = excluded."Holder" OR "JobLeases"."ExpiresAtUtc" < {now})
              AND ("JobLeases"."LastTickUtc" IS NULL OR "JobLeases"."LastTickUtc" < {tick})
            """, ct);
        return rows == 1;
    }

    /// <summary>Pushes the lease's expiry on while this node holds it; false when it no longer does.</summary>
    public async Task<bool> RenewAsync(string name, CancellationToken ct)
    {
        var expires = Now() + Lease;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        return await db.Database.ExecuteSqlAsync(
            $"""UPDATE "JobLeases" SET "ExpiresAtUtc" = {expires} WHERE "Name" = {name} AND "Holder" = {Holder}""", ct) == 1;
    }

    private async Task RenewWhileRunningAsync(string name, CancellationToken ct)
    {
        try
        {
            while (true)
            {
                await Task.Delay(Lease / 3, clock, ct);
                try
                {
                    if (!await RenewAsync(name, ct)) log.LogWarning("任务 {Job} 的租约已被其他节点接手", name);
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    log.LogWarning(e, "任务 {Job} 续租失败，稍后重试", name);
                }
            }
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>Frees the lease and, when the run finished, records its tick as done.</summary>
    private async Task FinishAsync(string name, DateTime? finishedTick, CancellationToken ct)
    {
        var now = Now();
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = finishedTick is { } tick
                ? await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "JobLeases" SET "ExpiresAtUtc" = {now}, "LastTickUtc" = {tick} WHERE "Name" = {name} AND "Holder" = {Holder}""", ct)
                : await db.Database.ExecuteSqlAsync(
                    $"""UPDATE "JobLeases" SET "ExpiresAtUtc" = {now} WHERE "Name" = {name} AND "Holder" = {Holder}""", ct);
            if (rows == 0) log.LogWarning("任务 {Job} 结束时租约已不在本节点", name);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "任务 {Job} 释放租约失败，租约将自行到期", name);
        }
    }

    /// <summary>Whole microseconds (PostgreSQL keeps no finer), UTC.</summary>
    private DateTime Now()
    {
        var t = clock.GetUtcNow().UtcTicks;
        return new DateTime(t - t % 10, DateTimeKind.Utc);
    }
}
