using System.Net;
using Cunzhi.Data.Jobs;
using Cunzhi.Domain.Burden;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Disclosure;
using Cunzhi.Web.Infrastructure.Jobs;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
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
