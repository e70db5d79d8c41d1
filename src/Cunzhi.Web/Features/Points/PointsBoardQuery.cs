using Cunzhi.Data;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cunzhi.Web.Features.Points;

/// <summary>One entry on the public board: the holder masked with their group (三组 张*华户), the item, the points and the last 公示 day.</summary>
public sealed record BoardEntry(long Id, string Holder, string ItemName, int Points, DateOnly PublicityUntil, bool Objected);

/// <summary>
/// A village's board on one China day: every entry then in 公示 (at most <see cref="PointsBoardCache.MaxEntries"/>), newest
/// 公示 end last, and the 积分超市 items its households may redeem (stock as of the read: the cache's TTL bounds how old).
/// </summary>
public sealed record BoardVillage(string Code, string Name, string TownName, DateOnly Today, IReadOnlyList<BoardEntry> Entries, IReadOnlyList<StoreBoardItem> Store)
{
    public Paged<BoardEntry> Page(PageRequest page) =>
        new(Entries.Skip(page.Skip).Take(page.Size).ToList(), Entries.Count, page.Page, page.Size);
}

/// <summary>
/// The boards read from the database at most once per village per <c>Points:BoardCacheSeconds</c> (default 30): a
/// posted board is read by a whole village from one QR code, often all at once after a meeting, and this is the page's
/// ≥ 1,000 requests/s target (BENCHMARKS.md). A decision that changes a board (approval, an upheld objection, an
/// objection filed on the board) drops that village's copy at once, so staleness is bounded by the TTL only for what
/// happens without one (the sweep at midnight: the key carries the China date, so a new day reads afresh). Bounded: at
/// most 10,000 villages held, least recently used dropped first by MemoryCache's compaction. Not a secret in it: the
/// board shows only masked names.
/// </summary>
public sealed class PointsBoardCache : IDisposable
{
    /// <summary>Most entries one board holds (a village posts tens a month; paging shows them 20 a page).</summary>
    public const int MaxEntries = 2000;

    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly TimeSpan _ttl;

    public PointsBoardCache(IConfiguration config) => _ttl = TimeSpan.FromSeconds(config.GetValue("Points:BoardCacheSeconds", 30));

    private static string Key(string village, DateOnly today) => $"{village}|{today:yyyyMMdd}";

    /// <summary>The cached board, or <paramref name="read"/>'s (null = no such village, not cached).</summary>
    public async Task<BoardVillage?> GetAsync(string village, DateOnly today, Func<Task<BoardVillage?>> read)
    {
        if (_cache.TryGetValue(Key(village, today), out BoardVillage? hit)) return hit;
        var board = await read();
        if (board is not null) _cache.Set(Key(village, today), board, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _ttl });
        return board;
    }

    /// <summary>Drops a village's board (today's and yesterday's keys: a decision at midnight).</summary>
    public void Invalidate(string village, DateOnly today)
    {
        _cache.Remove(Key(village, today));
        _cache.Remove(Key(village, today.AddDays(-1)));
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// Reads a village's public board (no account; <see cref="ScopeGateway.PublicBoard"/>): the village, its entries in 公示,
/// the group names of their holders and the store's items — five queries per board read however long it is, none per row.
/// </summary>
public sealed class PointsBoardQuery(AppDbContext db, PointsBoardCache cache, TimeProvider clock)
{
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The board of <paramref name="village"/> today; null when the code is not a village.</summary>
    public Task<BoardVillage?> GetAsync(string? village, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) return Task.FromResult<BoardVillage?>(null);
        var today = Today;
        return cache.GetAsync(village!, today, () => ReadAsync(village!, today, ct));
    }

    private async Task<BoardVillage?> ReadAsync(string village, DateOnly today, CancellationToken ct)
    {
        var town = RegionCodes.TownOf(village);
        var names = await ScopeGateway.PublicRegions(db).Where(r => r.Code == village || r.Code == town).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        if (names.FirstOrDefault(r => r.Code == village && r.Level == RegionLevel.Village) is not { } v) return null;
        var rows = await ScopeGateway.PublicBoard.Posted(db, village, today).OrderBy(e => e.PublicityUntil).ThenBy(e => e.Id).Take(PointsBoardCache.MaxEntries)
            .Select(e => new { e.Id, e.HolderKind, e.HolderId, e.HolderName, e.ItemName, e.Points, e.PublicityUntil, e.PendingObjections }).ToListAsync(ct);
        var households = rows.Where(r => r.HolderKind == PointsHolderKind.Household).Select(r => r.HolderId).Distinct().ToList();
        var members = rows.Where(r => r.HolderKind == PointsHolderKind.PartyMember).Select(r => r.HolderId).Distinct().ToList();
        var householdGroups = households.Count == 0 ? [] : await ScopeGateway.PublicBoard.HouseholdGroupsAsync(db, village, households, ct);
        var memberGroups = members.Count == 0 ? [] : await ScopeGateway.PublicBoard.ResidentGroupsAsync(db, village, members, ct);
        var codes = householdGroups.Values.Concat(memberGroups.Values).OfType<string>().Distinct().ToList();
        var groupNames = codes.Count == 0 ? [] : await ScopeGateway.PublicRegions(db).Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        string? Group(PointsHolderKind kind, long id) =>
            (kind == PointsHolderKind.Household ? householdGroups : memberGroups).GetValueOrDefault(id) is { } code ? groupNames.GetValueOrDefault(code) : null;
        var entries = rows.Select(r => new BoardEntry(r.Id, PointsBoard.HolderLabel(r.HolderKind, Group(r.HolderKind, r.HolderId), r.HolderName), r.ItemName, r.Points,
            r.PublicityUntil!.Value, r.PendingObjections > 0)).ToList();
        var store = await StoreItems.ForVillageAsync(db, village, ct);
        return new BoardVillage(village, v.Name, names.FirstOrDefault(r => r.Code == town)?.Name ?? "", today, entries, store);
    }
}
