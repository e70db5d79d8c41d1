using Cunzhi.Data;
using Cunzhi.Data.Jobs;
using Cunzhi.Web.Infrastructure.Jobs;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Security;

/// <summary>
/// Loads the data-protection key ring before a node serves, one node at a time (README "Running several nodes"). On an
/// empty database the first load creates the first key; two nodes starting at once would each create one and each sign
/// with its own, relying on the other to find the stranger key on a later refresh of its ring. Under the
/// <c>JobLeases</c> row <see cref="LeaseName"/> the first node of the day loads (and if need be creates) the ring while the
/// others wait, then load it and find that key. If the lease cannot be had within <see cref="MaxWait"/> (a node died
/// holding it) or the database refuses, the node loads the ring anyway and logs why.
/// </summary>
public static class KeyRingStartup
{
    public const string LeaseName = "data-protection:key-ring";
    public static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public static async Task EnsureAsync(IServiceProvider services, ILogger log, CancellationToken ct = default)
    {
        var protector = services.GetRequiredService<IDataProtectionProvider>().CreateProtector("Cunzhi.KeyRingStartup");
        void Load() => protector.Protect(new byte[] { 1 });
        try
        {
            var leases = services.GetRequiredService<JobLeases>();
            var clock = services.GetRequiredService<TimeProvider>();
            var day = TimeSpan.FromDays(1);
            var until = clock.GetUtcNow() + MaxWait;
            while (!await leases.RunTickAsync(LeaseName, day, _ => { Load(); return Task.CompletedTask; }, ct))
            {
                var tick = JobLeases.TickOf(clock.GetUtcNow(), day);
                await using (var scope = services.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
                    if (await db.Set<JobLease>().AsNoTracking().AnyAsync(l => l.Name == LeaseName && l.LastTickUtc >= tick, ct)) break;
                }
                if (clock.GetUtcNow() > until)
                {
                    log.LogWarning("等待其他节点载入登录密钥超时，本节点直接载入");
                    break;
                }
                await Task.Delay(100, ct);
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning(e, "未能按租约载入登录密钥，本节点直接载入");
        }
        Load();
    }
}
