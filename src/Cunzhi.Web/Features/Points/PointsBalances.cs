using Cunzhi.Data;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// The running balances (<see cref="PointsBalance"/>, one row per holder and year) and bringing posted entries into force.
/// An entry comes into force by date (China time): the day after its last 公示 day with no objection pending. Chosen:
/// computed on read and settled by a sweep (<see cref="PointsSweep"/>). A statement adds the few entries already due but
/// not yet settled, so a balance is right at any moment whatever the sweep's timing; the sweep (and a dismissed
/// objection after 公示) writes them into the running row in the same transaction as the entry's state, so reads never
/// sum the ledger and the due set stays a handful of rows.
/// </summary>
public sealed class PointsBalances(AppDbContext db, TimeProvider clock)
{
    private readonly Dictionary<string, List<PointsPolicy>> _policies = [];
    private readonly Dictionary<(PointsHolderKind, long), List<PointsBalance>> _rows = [];

    /// <summary>Today in China.</summary>
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>Every version of the county's catalogue (cached for the request).</summary>
    public async Task<List<PointsPolicy>> PoliciesAsync(string regionCode, CancellationToken ct = default)
    {
        var county = RegionCodes.CountyOf(regionCode) ?? regionCode;
        if (!_policies.TryGetValue(county, out var list))
            _policies[county] = list = await db.Set<PointsPolicy>().AsNoTracking().Where(p => p.CountyCode == county).OrderBy(p => p.Version).ToListAsync(ct);
        return list;
    }

    /// <summary>The carry-over rule of year <paramref name="year"/>: the catalogue in force on its 1 January (none: nothing carries).</summary>
    public static Func<int, (CarryOverRule, int)?> CarryRule(IReadOnlyList<PointsPolicy> versions) =>
        y => PointsPolicy.InForce(versions, new DateOnly(y, 1, 1)) is { } p ? (p.CarryOver, p.CarryOverPercent) : null;

    /// <summary>The holder's running rows (tracked; cached for the request so several entries of one holder count on the same rows).</summary>
    public async Task<List<PointsBalance>> RowsAsync(PointsHolderKind kind, long holderId, CancellationToken ct = default)
    {
        if (!_rows.TryGetValue((kind, holderId), out var rows))
            _rows[(kind, holderId)] = rows = await db.Set<PointsBalance>().Where(b => b.HolderKind == kind && b.HolderId == holderId).OrderBy(b => b.Year).ToListAsync(ct);
        return rows;
    }

    /// <summary>The holder's row of <paramref name="year"/>, added (to be inserted with the save) when there is none; true in <paramref name="created"/> then.</summary>
    public async Task<PointsBalance> RowAsync(PointsEntry e, int year, CancellationToken ct = default)
    {
        var rows = await RowsAsync(e.HolderKind, e.HolderId, ct);
        if (rows.FirstOrDefault(r => r.Year == year) is { } row) return row;
        row = new PointsBalance { RegionCode = e.RegionCode, HolderKind = e.HolderKind, HolderId = e.HolderId, Year = year };
        rows.Add(row);
        db.Add(row);
        Created = true;
        return row;
    }

    /// <summary>True once a running row was added in this request (the save then maps a lost race on the unique row to 409).</summary>
    public bool Created { get; private set; }

    /// <summary>
    /// Brings a due, tracked entry into force: the points a deduction may take (down to zero unless the county allows
    /// negative balances, under the catalogue in force on its first day in force) are counted on its year's row. The caller saves.
    /// </summary>
    public async Task SettleAsync(PointsEntry e, CancellationToken ct = default)
    {
        var versions = await PoliciesAsync(e.RegionCode, ct);
        var row = await RowAsync(e, e.Year, ct);
        var rows = await RowsAsync(e.HolderKind, e.HolderId, ct);
        var balance = PointsRules.Statement(rows, e.Year, CarryRule(versions)).LastOrDefault()?.Balance ?? 0;
        var allowNegative = PointsPolicy.InForce(versions, e.PublicityUntil!.Value.AddDays(1))?.AllowNegative ?? false;
        PointsRules.ComeIntoForce(e, Today, PointsRules.Applied(balance, e.Points, allowNegative));
        PointsRules.Count(row, e.AppliedPoints!.Value, reversal: false);
    }

    /// <summary>Saves, answering a lost race on a new running row (unique per holder and year) as a stale write (409).</summary>
    public Task SaveAsync(CancellationToken ct = default) => Created ? db.SaveCreatedAsync(ct) : db.SaveChangesAsync(ct);

    /// <summary>
    /// The holder's statement by year up to this year, with the entries already due but not yet settled counted as the
    /// sweep will count them (on copies: nothing is changed).
    /// </summary>
    public async Task<IReadOnlyList<YearBalance>> StatementAsync(PointsHolderKind kind, long holderId, string regionCode, CancellationToken ct = default)
    {
        var today = Today;
        var versions = await PoliciesAsync(regionCode, ct);
        var rows = (await db.Set<PointsBalance>().AsNoTracking().Where(b => b.HolderKind == kind && b.HolderId == holderId).OrderBy(b => b.Year).ToListAsync(ct))
            .Select(r => new PointsBalance { RegionCode = r.RegionCode, HolderKind = r.HolderKind, HolderId = r.HolderId, Year = r.Year, Earned = r.Earned, Deducted = r.Deducted, Spent = r.Spent, Entries = r.Entries })
            .ToList();
        var due = await db.Set<PointsEntry>().AsNoTracking()
            .Where(e => e.HolderKind == kind && e.HolderId == holderId && e.State == PointsEntryState.Publicity && e.PendingObjections == 0 && e.PublicityUntil < today)
            .OrderBy(e => e.Id).ToListAsync(ct);
        var rule = CarryRule(versions);
        foreach (var e in due)
        {
            var row = rows.FirstOrDefault(r => r.Year == e.Year);
            if (row is null) rows.Add(row = new PointsBalance { RegionCode = e.RegionCode, HolderKind = kind, HolderId = holderId, Year = e.Year });
            var balance = PointsRules.Statement(rows, e.Year, rule).LastOrDefault()?.Balance ?? 0;
            var allowNegative = PointsPolicy.InForce(versions, e.PublicityUntil!.Value.AddDays(1))?.AllowNegative ?? false;
            PointsRules.Count(row, PointsRules.Applied(balance, e.Points, allowNegative), reversal: false);
        }
        return PointsRules.Statement(rows, Math.Max(today.Year, rows.Select(r => r.Year).DefaultIfEmpty(today.Year).Max()), rule);
    }

    /// <summary>The holder's balance now (this year's closing in <see cref="StatementAsync"/>; 0 without any entry in force).</summary>
    public async Task<int> BalanceAsync(PointsHolderKind kind, long holderId, string regionCode, CancellationToken ct = default) =>
        (await StatementAsync(kind, holderId, regionCode, ct)).LastOrDefault()?.Balance ?? 0;

    /// <summary>Ids of up to <paramref name="batch"/> due entries in scope after <paramref name="afterId"/>, oldest first.</summary>
    public Task<List<long>> DueIdsAsync(long afterId, int batch, CancellationToken ct = default)
    {
        var today = Today;
        return db.Set<PointsEntry>().AsNoTracking()
            .Where(e => e.Id > afterId && e.State == PointsEntryState.Publicity && e.PendingObjections == 0 && e.PublicityUntil < today)
            .OrderBy(e => e.Id).Take(batch).Select(e => e.Id).ToListAsync(ct);
    }

    /// <summary>Settles the entries of <paramref name="ids"/> that are still due and saves once; returns how many came into force.</summary>
    public async Task<int> SettleAsync(IReadOnlyCollection<long> ids, CancellationToken ct = default)
    {
        var today = Today;
        var due = await db.Set<PointsEntry>()
            .Where(e => ids.Contains(e.Id) && e.State == PointsEntryState.Publicity && e.PendingObjections == 0 && e.PublicityUntil < today)
            .OrderBy(e => e.Id).ToListAsync(ct);
        foreach (var e in due) await SettleAsync(e, ct);
        if (due.Count > 0) await SaveAsync(ct);
        return due.Count;
    }
}

/// <summary>
/// Brings posted entries into force once their 公示 has ended (<see cref="PointsBalances"/>), every
/// <c>Points:SweepMinutes</c> (default 30) and once at start; <c>Points:SweepEnabled=false</c> turns it off. A failed pass
/// (a concurrent write to the same running row answers 409) is retried on the next tick; reads are right meanwhile. An
/// entry that fails on its own is skipped for the pass, so it never holds back the entries after it.
/// </summary>
public sealed class PointsSweep(IServiceScopeFactory scopes, TimeProvider clock, IConfiguration config, ILogger<PointsSweep> log) : BackgroundService
{
    /// <summary>
    /// One pass as the system: settles every due entry in batches of 500, each batch in one save. A batch that fails is
    /// settled again one entry at a time, so one entry that cannot come into force (logged by id, tried again next pass)
    /// does not hold back the others. Returns how many came into force.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        const int Batch = 500;
        var (total, after) = (0, 0L);
        while (true)
        {
            var ids = await AsSystemAsync((b, c) => b.DueIdsAsync(after, Batch, c), ct);
            if (ids.Count == 0) return total;
            try
            {
                total += await AsSystemAsync((b, c) => b.SettleAsync(ids, c), ct);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "积分记录批量生效失败，改为逐条处理");
                foreach (var id in ids)
                {
                    try
                    {
                        total += await AsSystemAsync((b, c) => b.SettleAsync([id], c), ct);
                    }
                    catch (Exception one) when (one is not OperationCanceledException)
                    {
                        log.LogWarning(one, "积分记录 {EntryId} 生效处理失败，已跳过，下次再试", id);
                    }
                }
            }
            after = ids[^1];
            if (ids.Count < Batch) return total;
        }
    }

    private async Task<T> AsSystemAsync<T>(Func<PointsBalances, CancellationToken, Task<T>> work, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Cunzhi.Data.Security.UserContext>().AsSystem();
        return await work(scope.ServiceProvider.GetRequiredService<PointsBalances>(), ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Points:SweepEnabled", true)) return;
        var interval = TimeSpan.FromMinutes(Math.Clamp(config.GetValue("Points:SweepMinutes", 30), 1, 24 * 60));
        JobLeases leases;
        await using (var scope = scopes.CreateAsyncScope()) leases = scope.ServiceProvider.GetRequiredService<JobLeases>();
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                // One node per tick across the database (JobLeases).
                var settled = 0;
                await leases.RunTickAsync("points-sweep", interval, async c => settled = await RunOnceAsync(c), stoppingToken);
                if (settled > 0) log.LogInformation("公示期满，{Count} 条积分记录已生效", settled);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogWarning(e, "积分记录生效处理失败，稍后重试");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
