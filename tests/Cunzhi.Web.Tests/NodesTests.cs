using System.Net;
using Cunzhi.Data.Jobs;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Stateless nodes (issue #22): a second host on the same database is a second node. The data-protection key ring is in
/// the database (encrypted), so a sign-in on one node holds on the other; periodic work runs once per tick across nodes
/// (<see cref="JobLeases"/>), and a node that stops renewing its lease is taken over once the lease has expired.
/// </summary>
public abstract class NodesTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    /// <summary>Another node: same database, its own key folder (unused now), no timers of its own.</summary>
    private WebApplicationFactory<Program> SecondNode() => f.WithWebHostBuilder(b =>
    {
        b.UseSetting("DataProtection:KeysPath", Path.Combine(Path.GetTempPath(), "cunzhi-node-b-" + Guid.NewGuid().ToString("N")));
        b.UseSetting("Reminders:Enabled", "false");
    });

    private static HttpClient Client(WebApplicationFactory<Program> host, CookieContainer cookies) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    [Fact]
    public async Task A_sign_in_on_one_node_holds_on_another()
    {
        await using var b = SecondNode();
        var cookies = new CookieContainer();
        var onA = Client(f, cookies);
        (await CunzhiFactory.PostFormAsync(onA, "/Account/Login", new() { ["UserName"] = "county.admin", ["Password"] = CunzhiFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await onA.GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.OK);

        (await Client(b, cookies).GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.OK, "A 节点的登录在 B 节点应仍有效");
        (await Client(b, new CookieContainer()).GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.Redirect, "未登录应转到登录页");
    }

    [Fact]
    public async Task The_key_ring_is_stored_encrypted_and_never_audited()
    {
        await using var b = SecondNode();
        (await Client(b, new CookieContainer()).GetAsync("/Account/Login")).StatusCode.ShouldBe(HttpStatusCode.OK);
        var keys = await f.WithSystemDb(db => db.Set<DataProtectionKey>().AsNoTracking().OrderBy(k => k.Id).ToListAsync());
        keys.ShouldNotBeEmpty();
        keys.ShouldAllBe(k => !k.Xml!.Contains("<masterKey") && k.Xml.Contains("<cunzhiEncryptedKey"));
        (await f.WithSystemDb(db => db.AuditEntries.CountAsync(e => e.Entity == nameof(DataProtectionKey) || e.Entity == nameof(JobLease))))
            .ShouldBe(0);
    }

    private JobLeases Node(IServiceProvider services, TimeProvider clock) =>
        new(services.GetRequiredService<IServiceScopeFactory>(), clock, services.GetRequiredService<IConfiguration>(), NullLogger<JobLeases>.Instance);

    [Fact]
    public async Task The_same_tick_started_on_many_nodes_at_once_runs_once()
    {
        await using var b = SecondNode();
        var name = "test:" + Guid.NewGuid().ToString("N");
        var nodes = Enumerable.Range(0, 8).Select(i => Node(i % 2 == 0 ? f.Services : b.Services, TimeProvider.System)).ToList();
        var runs = 0;
        var ran = await Task.WhenAll(nodes.Select(n => Task.Run(() => n.RunTickAsync(name, TimeSpan.FromDays(1), async ct =>
        {
            Interlocked.Increment(ref runs);
            await Task.Delay(200, ct);
        }, CancellationToken.None))));
        runs.ShouldBe(1);
        ran.Count(r => r).ShouldBe(1);
        // Done for this tick: no node, the one that ran it included, runs it again.
        (await nodes[0].RunTickAsync(name, TimeSpan.FromDays(1), _ => { runs++; return Task.CompletedTask; }, CancellationToken.None)).ShouldBeFalse();
        runs.ShouldBe(1);
    }

    [Fact]
    public async Task A_node_that_stops_renewing_is_taken_over_once_its_lease_expires()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 12, 7, 4, 0, 0, TimeSpan.Zero));
        var (a, other) = (Node(f.Services, clock), Node(f.Services, clock));
        var name = "test:" + Guid.NewGuid().ToString("N");
        var tick = JobLeases.TickOf(clock.GetUtcNow(), TimeSpan.FromDays(1));
        (await a.TryClaimAsync(name, tick, CancellationToken.None)).ShouldBeTrue();
        // a "dies": it never renews nor finishes.
        (await other.TryClaimAsync(name, tick, CancellationToken.None)).ShouldBeFalse();
        clock.Now += TimeSpan.FromSeconds(119);
        (await other.TryClaimAsync(name, tick, CancellationToken.None)).ShouldBeFalse("租约未到期");
        clock.Now += TimeSpan.FromSeconds(2);
        var runs = 0;
        (await other.RunTickAsync(name, TimeSpan.FromDays(1), _ => { runs++; return Task.CompletedTask; }, CancellationToken.None)).ShouldBeTrue();
        runs.ShouldBe(1);
        (await a.RenewAsync(name, CancellationToken.None)).ShouldBeFalse("租约已被接手");
        (await a.TryClaimAsync(name, tick, CancellationToken.None)).ShouldBeFalse("该时段已执行");
        clock.Now += TimeSpan.FromDays(1);
        (await a.TryClaimAsync(name, JobLeases.TickOf(clock.GetUtcNow(), TimeSpan.FromDays(1)), CancellationToken.None)).ShouldBeTrue("下一时段");
    }

    [Fact]
    public async Task Two_nodes_running_the_disclosure_reminders_at_once_make_one_set()
    {
        var county = RegionCodes.CountyOf(Demo.Naoping)!;
        await using (var scope = f.SystemScope(out var db))
        {
            if (!await db.Set<DisclosurePolicy>().AnyAsync(p => p.CountyCode == county && p.IsPublished))
            {
                var p = DisclosurePolicy.Default(county);
                (p.Version, p.EffectiveFrom, p.IsPublished, p.PublishedBy, p.PublishedAtUtc) = (1, DisclosureRules.QuarterStart(China.Today), true, "test", DateTime.UtcNow);
                db.Add(p);
            }
            db.RemoveRange(await db.Set<Reminder>().Where(r => r.Kind == ReminderKind.DisclosureDueSoon || r.Kind == ReminderKind.DisclosureOverdue
                || r.Kind == ReminderKind.DisclosureTownLate).ToListAsync());
            await db.SaveChangesAsync();
            // This host ran its own pass at start; the test starts the tick afresh.
            await db.Set<JobLease>().Where(l => l.Name == "reminders:" + nameof(DisclosureReminderService)).ExecuteDeleteAsync();
        }
        await using var b = SecondNode();
        DisclosureReminderService Pass(IServiceProvider s) => new(s.GetRequiredService<IServiceScopeFactory>(), TimeProvider.System,
            s.GetRequiredService<IConfiguration>(), NullLogger<DisclosureReminderService>.Instance);
        var results = await Task.WhenAll(Task.Run(() => Pass(f.Services).RunTickAsync(CancellationToken.None)),
            Task.Run(() => Pass(b.Services).RunTickAsync(CancellationToken.None)));
        results.Count(r => r is not null).ShouldBe(1, "同一时段只在一个节点运行");
        var made = results.Single(r => r is not null)!.Value;
        made.ShouldBeGreaterThan(0);
        var reminders = await f.WithSystemDb(db => db.Set<Reminder>().Where(r => r.Kind == ReminderKind.DisclosureDueSoon
            || r.Kind == ReminderKind.DisclosureOverdue || r.Kind == ReminderKind.DisclosureTownLate).Select(r => r.Id).ToListAsync());
        reminders.Count.ShouldBe(made);
    }
}

/// <summary>
/// Issue #22 part 2: caches and the key ring across nodes. A posting through one node shows on another node's cached portal
/// page within the poll (<see cref="CacheGenerationWatcher"/>), and clears that node's disclosure dues; two nodes starting at
/// once on an empty key ring share one key, and a cookie made on either holds on the other, also after a second key appears.
/// </summary>
public abstract class SharedNodesTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static int _next = 900;

    private WebApplicationFactory<Program> Node(double pollSeconds = 1) => f.WithWebHostBuilder(b =>
    {
        b.UseSetting("Reminders:Enabled", "false");
        b.UseSetting("Cache:PollSeconds", pollSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
    });

    private static HttpClient Client(WebApplicationFactory<Program> host, CookieContainer cookies) =>
        host.CreateDefaultClient(new Uri("http://localhost"), new CookieContainerHandler(cookies));

    private async Task<string> VillageAsync()
    {
        await using var scope = f.SystemScope(out var db);
        string code;
        do code = Demo.Sanxing[..9] + Interlocked.Increment(ref _next).ToString("000");
        while (await db.Regions.AnyAsync(r => r.Code == code));
        db.Add(new Region { Code = code, Name = $"节点测试{code[^3..]}村", Level = RegionLevel.Village, ParentCode = Demo.Sanxing });
        await db.SaveChangesAsync();
        return code;
    }

    [Fact]
    public async Task A_posting_through_one_node_shows_on_another_nodes_cached_portal_within_the_poll()
    {
        var village = await VillageAsync();
        await using var b = Node(pollSeconds: 1);
        var onB = b.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        // B's first poll (at start) reads every row once and clears everything; let it pass before caching on B.
        (await onB.GetAsync("/health")).StatusCode.ShouldBe(HttpStatusCode.OK);
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        (await (await onB.GetAsync($"/Gongkai/{village}")).Content.ReadAsStringAsync()).ShouldContain("暂无公开");
        var cached = await onB.GetAsync($"/Gongkai/{village}");
        cached.Headers.Age.ShouldNotBeNull("B 节点的第二次请求应由其输出缓存应答");
        var county = RegionCodes.CountyOf(village)!;
        var duesOnB = b.Services.GetRequiredService<DisclosureDuesCache>();
        var generation = duesOnB.Generation(county);

        (await DisclosureTests<TFactory>.PostAsync(await f.ApiAs("town.sanxing"), village, title: "两节点缓存测试公开")).StatusCode.ShouldBe(HttpStatusCode.Created);
        var committed = System.Diagnostics.Stopwatch.StartNew();
        string html;
        do
        {
            html = await (await onB.GetAsync($"/Gongkai/{village}")).Content.ReadAsStringAsync();
            if (html.Contains("两节点缓存测试公开")) break;
            await Task.Delay(50);
        } while (committed.Elapsed < TimeSpan.FromSeconds(10));
        html.ShouldContain("两节点缓存测试公开", customMessage: "A 节点的公开应在轮询间隔内出现在 B 节点");
        // The bound is one poll (1 s) plus the poll's query; the margin is for a loaded shared test machine.
        committed.Elapsed.ShouldBeLessThan(TimeSpan.FromSeconds(4));
        duesOnB.Generation(county).ShouldBeGreaterThan(generation, "B 节点该县的应公开计算缓存也已失效");
    }

    [Fact]
    public async Task Two_nodes_starting_at_once_on_an_empty_key_ring_share_one_key_and_each_others_cookies()
    {
        await using (var scope = f.SystemScope(out var db))
        {
            await db.Set<DataProtectionKey>().ExecuteDeleteAsync();
            await db.Set<JobLease>().Where(l => l.Name == KeyRingStartup.LeaseName).ExecuteDeleteAsync();
        }
        await using var a = Node();
        await using var b = Node();
        await Task.WhenAll(Task.Run(() => a.Server), Task.Run(() => b.Server));
        (await f.WithSystemDb(db => db.Set<DataProtectionKey>().CountAsync())).ShouldBe(1, "同时启动的两个节点只生成一个密钥");

        var (cookiesA, cookiesB) = (new CookieContainer(), new CookieContainer());
        var logins = await Task.WhenAll(
            CunzhiFactory.PostFormAsync(Client(a, cookiesA), "/Account/Login", new() { ["UserName"] = "county.admin", ["Password"] = CunzhiFactory.Password }),
            CunzhiFactory.PostFormAsync(Client(b, cookiesB), "/Account/Login", new() { ["UserName"] = "town.sanxing", ["Password"] = CunzhiFactory.Password }));
        logins.ShouldAllBe(r => r.StatusCode == HttpStatusCode.Redirect);
        (await Client(b, cookiesA).GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.OK, "A 节点的登录在 B 节点有效");
        (await Client(a, cookiesB).GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.OK, "B 节点的登录在 A 节点有效");

        // A second key made on A (as a node that raced past the lease would): A signs with it, and B, whose ring was
        // loaded before it existed, must still read A's cookie.
        a.Services.GetRequiredService<IKeyManager>().CreateNewKey(DateTimeOffset.UtcNow.AddSeconds(-1), DateTimeOffset.UtcNow.AddDays(90));
        (await f.WithSystemDb(db => db.Set<DataProtectionKey>().CountAsync())).ShouldBe(2);
        var later = new CookieContainer();
        (await CunzhiFactory.PostFormAsync(Client(a, later), "/Account/Login", new() { ["UserName"] = "county.admin", ["Password"] = CunzhiFactory.Password }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await Client(b, later).GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.OK, "A 节点用新密钥签发的登录在 B 节点仍有效");
    }
}

public sealed class SharedNodesTests_Sqlite(SqliteFactory f) : SharedNodesTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class SharedNodesTests_Postgres(PostgresFactory f) : SharedNodesTests<PostgresFactory>(f);

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
    public override TimeZoneInfo LocalTimeZone => China.Zone;
}

public sealed class NodesTests_Sqlite(SqliteFactory f) : NodesTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class NodesTests_Postgres(PostgresFactory f) : NodesTests<PostgresFactory>(f);
