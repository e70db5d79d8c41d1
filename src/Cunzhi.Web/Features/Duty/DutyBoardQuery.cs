using Cunzhi.Data;
using Cunzhi.Domain.Calendar;
using Cunzhi.Domain.Identity;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Cunzhi.Web.Features.Duty;

/// <summary>One person on duty as the public sees them: the masked name (张*), the post, whether sent from above (驻村).</summary>
public sealed record BoardDutyPerson(string Name, string Post);

/// <summary>One working day on the public board.</summary>
public sealed record BoardDutyDay(DateOnly Date, string DayOfWeek, bool IsToday, IReadOnlyList<BoardDutyPerson> People);

/// <summary>The public duty board of a village: this week's and next week's working days, and the office's phone.</summary>
public sealed record DutyBoard(string Code, string Name, string TownName, DateOnly Today, string? OfficePhone, IReadOnlyList<BoardDutyDay> ThisWeek,
    IReadOnlyList<BoardDutyDay> NextWeek);

/// <summary>The boards, cached briefly per village and day (a board changes when the roster does; 30 s stale at most by default).</summary>
public sealed class DutyBoardCache : IDisposable
{
    private readonly MemoryCache _cache = new(new MemoryCacheOptions { SizeLimit = 10_000 });
    private readonly TimeSpan _ttl;

    public DutyBoardCache(IConfiguration config) => _ttl = TimeSpan.FromSeconds(config.GetValue("Duty:BoardCacheSeconds", 30));

    /// <summary>The cached board, or <paramref name="read"/>'s (null = no such village, not cached).</summary>
    public async Task<DutyBoard?> GetAsync(string village, DateOnly today, Func<Task<DutyBoard?>> read)
    {
        var key = $"{village}|{today:yyyyMMdd}";
        if (_cache.TryGetValue(key, out DutyBoard? hit)) return hit;
        var board = await read();
        if (board is not null) _cache.Set(key, board, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = _ttl });
        return board;
    }

    public void Dispose() => _cache.Dispose();
}

/// <summary>
/// 值班公示 (/Zhiban/{village}, no account): who is on duty this week and next (names masked as on every public page,
/// cadres on approved leave left out), and the village office's phone — never a cadre's own mobile. Read through
/// <see cref="ScopeGateway.PublicDutyBoard"/>, cached by <see cref="DutyBoardCache"/>.
/// </summary>
public sealed class DutyBoardQuery(AppDbContext db, DutyBoardCache cache, TimeProvider clock)
{
    /// <summary>The board of <paramref name="village"/> today; null when the code is not a village.</summary>
    public Task<DutyBoard?> GetAsync(string? village, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(village) != RegionLevel.Village) return Task.FromResult<DutyBoard?>(null);
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        return cache.GetAsync(village!, today, () => ReadAsync(village!, today, ct));
    }

    private async Task<DutyBoard?> ReadAsync(string village, DateOnly today, CancellationToken ct)
    {
        var town = RegionCodes.TownOf(village);
        var names = await ScopeGateway.PublicRegions(db).Where(r => r.Code == village || r.Code == town).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct);
        if (names.FirstOrDefault(r => r.Code == village && r.Level == RegionLevel.Village) is not { } v) return null;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        var end = monday.AddDays(13);
        var calendar = new WorkingCalendar((await ScopeGateway.PublicDutyBoard.CalendarAsync(db, village, ct)).Select(d => new CalendarEntry(d.Date, d.Kind, d.Name)));
        var duty = (await ScopeGateway.PublicDutyBoard.DutyAsync(db, village, monday, end, ct)).ToLookup(d => d.Date);
        var phone = await ScopeGateway.PublicDutyBoard.OfficePhoneAsync(db, village, ct);
        List<BoardDutyDay> Week(DateOnly from) => Enumerable.Range(0, 7).Select(from.AddDays).Where(calendar.IsWorkingDay)
            .Select(d => new BoardDutyDay(d, WorkingCalendar.DayName(d), d == today,
                duty[d].Select(p => new BoardDutyPerson(PersonName.Mask(p.Name), Cadres.CadreNames.Post(p.PostCode)
                    + (p.Origin == Domain.Cadres.CadreOrigin.Assigned ? "（驻村）" : ""))).ToList())).ToList();
        return new(village, v.Name, names.FirstOrDefault(r => r.Code == town)?.Name ?? "", today, phone, Week(monday), Week(monday.AddDays(7)));
    }
}
