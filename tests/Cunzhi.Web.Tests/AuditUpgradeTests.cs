using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Auditing;
using Cunzhi.Web.Infrastructure.Cli;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// A database whose log was written by the old version (secret values in plain text, unkeyed SHA-256 chain) is upgraded
/// once by <c>migrate</c> (and on start): values gone, chain re-sealed with the key, one 审计日志脱敏 entry, exposed
/// authenticators reset; a second run does nothing; a keyed log later rewritten with plain SHA-256 is caught, not re-sealed.
/// Own database: the test rewrites the whole chain.
/// </summary>
public abstract class AuditUpgradeTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private async Task<(int Code, string Output)> Verb(string verb)
    {
        var output = new StringWriter();
        var code = await CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<IConfiguration>(), verb, [verb], output);
        return (code, output.ToString());
    }

    /// <summary>Re-hashes every entry from the first with the old unkeyed SHA-256 and sets the head, as the old version left it.</summary>
    private async Task SealTheOldWayAsync()
    {
        await using var scope = f.SystemScope(out var db);
        var previous = "";
        var entries = await db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Sequence).ToListAsync();
        foreach (var e in entries)
        {
            e.PreviousHash = previous;
            e.Hash = AuditChain.ComputeUnkeyedHash(e.ToLink());
            previous = e.Hash;
        }
        var head = await db.AuditHeads.SingleAsync();
        (head.Sequence, head.Hash) = (entries[^1].Sequence, previous);
        await db.SaveChangesAsync();
    }

    [Fact]
    public async Task Upgrading_an_old_log_once_leaves_it_redacted_resealed_with_exposed_authenticators_reset()
    {
        // An account that enrolled two-factor sign-in under the old version.
        var user = $"old.{Guid.NewGuid():N}"[..14];
        string userId, oldKey, oldCodes;
        await using (var scope = f.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync(user, CunzhiFactory.Password, Domain.Accounts.Roles.Department, Demo.County, "县民政局");
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByNameAsync(user))!;
            await users.ResetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
            await users.GenerateNewTwoFactorRecoveryCodesAsync(account, 10);
            userId = account.Id;
            oldKey = (await users.GetAuthenticatorKeyAsync(account))!;
            oldCodes = (await users.GetAuthenticationTokenAsync(account, "[AspNetUserStore]", "RecoveryCodes"))!;
        }

        // The entries the old capture wrote for them (token values in plain text), appended raw, then the old unkeyed chain.
        const string cipher = "v1:b2xkLWNpcGhlcnRleHQtb2YtYS13ZWJob29rLXVybA==";
        var planted = new List<long>();
        await using (var scope = f.SystemScope(out var db))
        {
            var next = await db.AuditEntries.IgnoreQueryFilters().MaxAsync(a => a.Sequence) + 1;
            var at = new DateTime(2026, 11, 30, 2, 0, 0, DateTimeKind.Utc);
            AuditEntry Old(string entity, string key, string? before, string after) => new()
            {
                Sequence = next++, AtUtc = at, UserId = userId, UserName = user, RegionCode = Demo.County, Action = before is null ? "Insert" : "Update",
                Entity = entity, EntityKey = key, Before = before, After = after, PreviousHash = "", Hash = "",
            };
            var rows = new[]
            {
                Old("IdentityUserToken`1", $"{userId},[AspNetUserStore],AuthenticatorKey", null,
                    $$"""{"LoginProvider":"[AspNetUserStore]","Name":"AuthenticatorKey","UserId":"{{userId}}","Value":"{{oldKey}}"}"""),
                Old("IdentityUserToken`1", $"{userId},[AspNetUserStore],RecoveryCodes", null,
                    $$"""{"LoginProvider":"[AspNetUserStore]","Name":"RecoveryCodes","UserId":"{{userId}}","Value":"{{oldCodes}}"}"""),
                Old("ReminderWebhook", "1", """{"Host":"oapi.dingtalk.com","UrlProtected":"v1:old"}""", $$"""{"Host":"oapi.dingtalk.com","UrlProtected":"{{cipher}}"}"""),
            };
            db.AuditEntries.AddRange(rows);
            await db.SaveChangesAsync();
            planted.AddRange(rows.Select(r => r.Sequence));
        }
        await SealTheOldWayAsync();
        var before = await Verb("verify-audit");
        before.Code.ShouldBe(2, "the keyed verifier does not accept the old unkeyed chain");
        before.Output.ShouldContain("请先运行 migrate");
        var countBefore = await f.WithSystemDb(db => db.AuditEntries.CountAsync());

        var upgrade = await Verb("migrate");
        upgrade.Code.ShouldBe(0, upgrade.Output);
        upgrade.Output.ShouldContain("操作日志已升级");

        var entries = await f.WithSystemDb(db => db.AuditEntries.AsNoTracking().OrderBy(a => a.Sequence).ToListAsync());
        var log = string.Join("\n", entries.Select(a => a.Before + a.After));
        log.ShouldNotContain(oldKey);
        foreach (var code in oldCodes.Split(';')) log.ShouldNotContain(code);
        log.ShouldNotContain(cipher);
        log.ShouldNotContain("v1:old");
        entries.Single(a => a.Sequence == planted[0]).After!.ShouldContain($"\"Value\":\"{AuditRedaction.Hidden}\"");
        var verified = await Verb("verify-audit");
        verified.Code.ShouldBe(0, verified.Output);

        var redaction = entries.Where(a => a.Action == AuditActions.Redaction).ShouldHaveSingleItem();
        // Then only the reset of the one exposed account (2FA off, new key, codes removed).
        var resets = entries.Where(a => a.Sequence > redaction.Sequence).ToList();
        resets.ShouldNotBeEmpty();
        resets.ShouldAllBe(a => a.EntityKey.StartsWith(userId));
        redaction.RegionCode.ShouldBe(Demo.County);
        redaction.After!.ShouldContain($"\"redactedSequences\":\"{planted[0]}-{planted[2]}\"");
        redaction.After!.ShouldContain("\"oldChainIntact\":true");
        redaction.After!.ShouldContain(user);
        entries.Count.ShouldBe(countBefore + 1 + resets.Count);

        await using (var scope = f.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            var account = (await users.FindByIdAsync(userId))!;
            account.TwoFactorEnabled.ShouldBeFalse();
            (await users.GetAuthenticatorKeyAsync(account)).ShouldNotBe(oldKey);
            (await users.GetAuthenticationTokenAsync(account, "[AspNetUserStore]", "RecoveryCodes")).ShouldBeNull();
        }

        // Second run: nothing to do.
        var again = await Verb("migrate");
        again.Code.ShouldBe(0, again.Output);
        again.Output.ShouldNotContain("操作日志已升级");
        (await f.WithSystemDb(db => db.AuditEntries.CountAsync())).ShouldBe(entries.Count);
    }
}

public sealed class AuditUpgradeTests_Sqlite(SqliteFactory f) : AuditUpgradeTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditUpgradeTests_Postgres(PostgresFactory f) : AuditUpgradeTests<PostgresFactory>(f);

/// <summary>
/// Someone who can write the database but lacks the key rewrites an entry and recomputes every hash the old way (plain
/// SHA-256): verify-audit reports it, and neither start nor migrate re-seals it. Own database: the chain is left broken.
/// </summary>
public abstract class AuditForgeryTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task A_rewritten_entry_with_recomputed_plain_sha256_hashes_stays_detected()
    {
        var config = f.Services.GetRequiredService<IConfiguration>();
        // An upgraded log: the one-off upgrade has run (as on a database that had an old log).
        await using (var scope = f.SystemScope(out var db))
        {
            db.RecordEvent(AuditActions.Redaction, "AuditLog", "keyed-v2", Demo.County, "{}");
            await db.SaveChangesAsync();
        }
        (await CliVerbs.RunAsync(f.Services, config, "verify-audit", [], new StringWriter())).ShouldBe(0);

        await using (var scope = f.SystemScope(out var db))
        {
            var previous = "";
            var entries = await db.AuditEntries.IgnoreQueryFilters().OrderBy(a => a.Sequence).ToListAsync();
            var victim = entries.First(e => e.Action == AuditActions.Seed);
            victim.After = """{"伪造":true}""";
            foreach (var e in entries)
            {
                e.PreviousHash = previous;
                e.Hash = AuditChain.ComputeUnkeyedHash(e.ToLink());
                previous = e.Hash;
            }
            (await db.AuditHeads.SingleAsync()).Hash = previous;
            await db.SaveChangesAsync();
        }
        var output = new StringWriter();
        (await CliVerbs.RunAsync(f.Services, config, "verify-audit", [], output)).ShouldBe(2);
        output.ToString().ShouldContain("第 1 条");

        var migrate = new StringWriter();
        (await CliVerbs.RunAsync(f.Services, config, "migrate", [], migrate)).ShouldBe(1, migrate.ToString());
        migrate.ToString().ShouldContain("不会自动重新封存");
        (await CliVerbs.RunAsync(f.Services, config, "verify-audit", [], new StringWriter())).ShouldBe(2);
    }
}

public sealed class AuditForgeryTests_Sqlite(SqliteFactory f) : AuditForgeryTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditForgeryTests_Postgres(PostgresFactory f) : AuditForgeryTests<PostgresFactory>(f);
