using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;
using System.Data.Common;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// Each village's computed dues (<see cref="DisclosureCalendars.DuesAsync"/>) kept in memory per (village, from, to, China
/// today) and the county's generation when they were computed (issue #21: the supervision overview over a year recomputed
/// every village of the county on every request). The generation of a county moves (<see cref="Bump"/>) once a write to
/// anything the dues read commits — a posting or withdrawal, a busy-finance spell, a recorded occurrence, the county's
/// rules, its working calendar (<see cref="DisclosureDuesChanges"/>) — so the next request recomputes; a new China day is
/// another key. The generation is read before the data, and moved only after the commit, so an entry is never kept under
/// a generation newer than its data. One process holds the cache (like the portal's output cache); the setting
/// <c>Disclosure:DuesCache=false</c> switches it off (the benchmark's "before").
/// </summary>
public sealed class DisclosureDuesCache(bool enabled = true)
{
    /// <summary>Most entries kept; past it the cache starts again empty.</summary>
    public const int MaxEntries = 50_000;

    private readonly ConcurrentDictionary<string, long> _generations = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Village, DateOnly From, DateOnly To, DateOnly Today), (long Generation, IReadOnlyList<DisclosureDue> Dues)> _entries = new();
    private long _all;

    /// <summary>Whether the cache is used at all.</summary>
    public bool Enabled { get; } = enabled;

    /// <summary>The county's generation now (read it before reading the data the dues are computed from).</summary>
    public long Generation(string county) => Interlocked.Read(ref _all) + _generations.GetValueOrDefault(county);

    /// <summary>The village's dues computed under <paramref name="generation"/>, if kept.</summary>
    public bool TryGet(string village, DateOnly from, DateOnly to, DateOnly today, long generation, out IReadOnlyList<DisclosureDue> dues)
    {
        if (Enabled && _entries.TryGetValue((village, from, to, today), out var e) && e.Generation == generation)
        {
            dues = e.Dues;
            return true;
        }
        dues = [];
        return false;
    }

    /// <summary>Keeps the village's dues computed from data read after <paramref name="generation"/> was read.</summary>
    public void Set(string village, DateOnly from, DateOnly to, DateOnly today, long generation, IReadOnlyList<DisclosureDue> dues)
    {
        if (!Enabled) return;
        if (_entries.Count >= MaxEntries) _entries.Clear();
        _entries[(village, from, to, today)] = (generation, dues);
    }

    /// <summary>Something the dues of <paramref name="county"/>'s villages read has changed (committed); null: of any county.</summary>
    public void Bump(string? county)
    {
        if (county is null) Interlocked.Increment(ref _all);
        else _generations.AddOrUpdate(county, 1, (_, g) => g + 1);
    }
}

/// <summary>
/// Moves <see cref="DisclosureDuesCache"/>'s generation of each county whose postings, spells, occurrences, rules or
/// working calendar a save changed, once the save's transaction commits (the audit chain makes every save with changes
/// one transaction, the context's own or the caller's); a rolled-back transaction moves nothing. Registered on the
/// data context by <c>DataSetup</c>.
/// </summary>
public sealed class DisclosureDuesChanges(DisclosureDuesCache cache) : SaveChangesInterceptor, IDbTransactionInterceptor
{
    /// <summary>Counties changed by a context's saves and not yet committed (null stands for a code that names no county).</summary>
    private readonly ConditionalWeakTable<DbContext, HashSet<string?>> _pending = [];

    /// <summary>The county whose villages' dues the entry feeds, or false when it feeds none.</summary>
    public static bool Feeds(object entity, out string? county)
    {
        var code = entity switch
        {
            VillageDisclosure d => d.RegionCode,
            VillageFinanceSpell s => s.RegionCode,
            RecordedOccurrence o => o.RegionCode,
            DisclosurePolicy p => p.CountyCode,
            CalendarDay c => c.RegionCode,
            _ => (string?)null,
        };
        county = code is null ? null : RegionCodes.CountyOf(code);
        return code is not null;
    }

    private void Collect(DbContext? context)
    {
        if (context is null) return;
        HashSet<string?>? counties = null;
        foreach (var e in context.ChangeTracker.Entries())
            if (e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted && Feeds(e.Entity, out var county))
                (counties ??= _pending.GetValue(context, _ => [])).Add(county);
    }

    private void Flush(DbContext? context)
    {
        if (context is null || !_pending.TryGetValue(context, out var counties)) return;
        _pending.Remove(context);
        foreach (var county in counties) cache.Bump(county);
    }

    private void Forget(DbContext? context)
    {
        if (context is not null) _pending.Remove(context);
    }

    // Outside a transaction a save commits by itself.
    private void Saved(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null) Flush(context);
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Collect(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Collect(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        Saved(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Saved(eventData.Context);
        return ValueTask.FromResult(result);
    }

    // A failed save keeps what it collected: the caller may still commit an earlier save of the same transaction, and a
    // generation moved once too often only costs a recomputation.

    void IDbTransactionInterceptor.TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Flush(eventData.Context);

    Task IDbTransactionInterceptor.TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Flush(eventData.Context);
        return Task.CompletedTask;
    }

    void IDbTransactionInterceptor.TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    Task IDbTransactionInterceptor.TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }
}
