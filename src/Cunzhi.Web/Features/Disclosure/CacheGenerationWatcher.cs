using Cunzhi.Data;
using Cunzhi.Data.Jobs;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// Clears this node's cached portal pages (<see cref="PublicDisclosureCache"/>) and disclosure dues (<see cref="DisclosureDuesCache"/>)
/// of a county when any node commits a change to them (README "Running several nodes"). Every <c>Cache:PollSeconds</c>
/// (default 1, 0.1 to 60) one query asks for the <see cref="CacheGeneration"/> rows numbered above the last this node saw —
/// an index seek answering nothing almost always, whatever the portal's traffic; each row found evicts the county's portal
/// pages and moves its dues generation. So a page another node changed is served stale for at most about one poll interval
/// after the commit (plus the query's time). The node that made the change also evicts at once, as before. At start the
/// node reads every row once. <c>Cache:SharedInvalidation=false</c> turns the poll off
/// (a single node needs none).
/// </summary>
public sealed class CacheGenerationWatcher(IServiceScopeFactory scopes, DisclosureDuesCache dues, IOutputCacheStore portal, TimeProvider clock,
    IConfiguration config, ILogger<CacheGenerationWatcher> log) : BackgroundService
{
    /// <summary>Highest change number acted on; 0 at start, so the first poll clears every county once (the caches are new then anyway, and a change committed while the node started is not missed).</summary>
    private long seen;

    /// <summary>Time between polls.</summary>
    public TimeSpan Interval => TimeSpan.FromSeconds(Math.Clamp(config.GetValue("Cache:PollSeconds", 1.0), 0.1, 60));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Cache:SharedInvalidation", true)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await PollAsync(stoppingToken); }
            catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "读取缓存失效记录失败，稍后重试"); }
            try { await Task.Delay(Interval, clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One poll; returns how many counties' entries were cleared.</summary>
    public async Task<int> PollAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        db.User.AsSystem();
        var last = seen;
        var moved = await db.Set<CacheGeneration>().AsNoTracking().Where(g => g.Generation > last).OrderBy(g => g.Generation)
            .Select(g => new { g.CountyCode, g.Generation }).ToListAsync(ct);
        foreach (var m in moved)
        {
            if (m.CountyCode == CacheGenerations.AllCounties)
            {
                dues.Bump(null);
                await portal.EvictByTagAsync(PublicDisclosureCache.AllTag, ct);
            }
            else
            {
                dues.Bump(m.CountyCode);
                await portal.EvictByTagAsync(PublicDisclosureCache.CountyTag(m.CountyCode), ct);
            }
            seen = m.Generation;
        }
        return moved.Count;
    }
}
