using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Auditing;
using Cunzhi.Domain.Burden;
using Cunzhi.Web.Features.Evaluations;
using Cunzhi.Web.Infrastructure.Auditing;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// No secret value ever reaches the audit log: the real flows that create or change one (authenticator key, recovery
/// codes, password, stamps, robot webhooks, ballot codes) leave entries that say a secret was set or changed, and the
/// values read back from the database and the responses appear nowhere in the log.
/// </summary>
public abstract class AuditSecretTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public void Every_column_named_like_a_secret_is_marked_unless_its_configuration_says_why_not()
    {
        using var scope = f.SystemScope(out var db);
        var unmarked = db.Model.GetEntityTypes()
            .Where(t => !AuditCapture.Unaudited.Contains(t.ClrType))
            .SelectMany(t => t.GetProperties().Select(p => (Type: t, Property: p)))
            .Where(x => AuditSecrets.SecretName().IsMatch(x.Property.Name) && !x.Property.IsSecret()
                        && x.Property.FindAnnotation(AuditSecrets.NotSecretAnnotation)?.Value is not string { Length: > 0 })
            .Select(x => $"{x.Type.ClrType.Name}.{x.Property.Name}").ToList();
        unmarked.ShouldBeEmpty();

        string[] known =
        [
            "IdentityUserToken`1.Value", "AppUser.PasswordHash", "AppUser.SecurityStamp", "AppUser.ConcurrencyStamp", "IdentityRole.ConcurrencyStamp",
            "Cadre.NationalIdCipher", "Cadre.NationalIdHash", "Cadre.PhoneCipher", "ReminderWebhook.UrlProtected", "ReminderWebhook.SecretProtected",
            "BallotCode.Hash",
        ];
        var secrets = db.Model.GetEntityTypes().SelectMany(t => t.GetProperties().Where(p => p.IsSecret()).Select(p => $"{t.ClrType.Name}.{p.Name}")).ToHashSet();
        known.Where(k => !secrets.Contains(k)).ShouldBeEmpty();
    }

    [Fact]
    public async Task Secrets_are_logged_as_changed_never_by_value()
    {
        var user = $"sec.{Guid.NewGuid():N}"[..14];
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync(user, CunzhiFactory.Password, Domain.Accounts.Roles.Department, Demo.County, "县民政局");
        var oldPasswordHash = await f.WithSystemDb(db => db.Users.Where(u => u.UserName == user).Select(u => u.PasswordHash!).SingleAsync());

        // 我的账号: the visit creates the authenticator key; a real TOTP code enables two-factor sign-in and yields recovery codes.
        var client = await f.PagesAs(user);
        var profile = await CunzhiFactory.Html(await client.GetAsync("/Account/Profile"));
        var shownKey = profile.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Trim();
        var enabled = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["VerificationCode"] = Totp.Now(shownKey) }, formAction: "EnableTwoFactor");
        var recoveryCodes = (await CunzhiFactory.Html(enabled)).QuerySelectorAll("[data-testid=recovery-codes] div").Select(d => d.TextContent.Trim()).ToList();
        recoveryCodes.Count.ShouldBe(10);
        // A password change rewrites the hash and the stamps.
        const string newPassword = "Qx7-lantern-orchard-41";
        var changed = await CunzhiFactory.PostFormAsync(client, "/Account/Profile",
            new() { ["CurrentPassword"] = CunzhiFactory.Password, ["NewPassword"] = newPassword, ["ConfirmPassword"] = newPassword }, formAction: "Password");
        (await CunzhiFactory.Html(changed)).QuerySelector(".alert-success")!.TextContent.ShouldContain("密码已修改");

        // A robot webhook with a token in its URL and a signing secret.
        var town = await f.ApiAs("town.sanxing");
        (await town.PutAsJsonAsync("/api/v1/burden/webhooks",
            new { kind = "DingTalk", url = "https://oapi.dingtalk.com/robot/send?access_token=hook-token-8c1f2e", secret = "SEC-signing-5d7a" })).EnsureSuccessStatusCode();

        // 双述双评 ballot codes, shown once at generation.
        var county = await f.ApiAs("county.admin");
        var opened = await county.PostAsJsonAsync("/api/v1/evaluations/windows", new
        {
            regions = new[] { Demo.Naoping }, year = 2041,
            opensAt = China.Now.AddHours(2).ToString("yyyy-MM-ddTHH:mm:ss"), closesAt = China.Now.AddDays(2).ToString("yyyy-MM-ddTHH:mm:ss"),
        });
        opened.StatusCode.ShouldBe(HttpStatusCode.OK, await opened.Content.ReadAsStringAsync());
        var window = (await opened.Content.ReadFromJsonAsync<OpenWindowsResult>(CunzhiFactory.Json))!.Opened.ShouldHaveSingleItem();
        var issued = (await (await town.PostAsJsonAsync($"/api/v1/evaluations/windows/{window}/codes", new { count = 3 }))
            .Content.ReadFromJsonAsync<IssuedCodes>(CunzhiFactory.Json))!.Codes.Select(c => c.Code).ToList();
        issued.Count.ShouldBe(3);

        // Every secret value, read from the database and the responses.
        var secrets = new List<string> { shownKey, shownKey.Replace(" ", ""), oldPasswordHash, "hook-token-8c1f2e", "SEC-signing-5d7a" };
        secrets.AddRange(recoveryCodes);
        secrets.AddRange(issued);
        secrets.AddRange(issued.Select(c => c.Replace("-", "")));
        var (userId, tokenValues, account, hook, ballotHashes) = await f.WithSystemDb(async db =>
        {
            var u = await db.Users.SingleAsync(x => x.UserName == user);
            var tokens = await db.UserTokens.Where(t => t.UserId == u.Id).Select(t => t.Value!).ToListAsync();
            var w = await db.Set<ReminderWebhook>().SingleAsync(x => x.RegionCode == Demo.Sanxing && x.Kind == RobotKind.DingTalk);
            var hashes = await db.Set<BallotCode>().Where(c => c.WindowId == window).Select(c => c.Hash).ToListAsync();
            return (u.Id, tokens, u, w, hashes);
        });
        tokenValues.Count.ShouldBe(2, "the authenticator key and the recovery codes");
        secrets.AddRange(tokenValues);
        secrets.AddRange(tokenValues.SelectMany(v => v.Split(';')));
        secrets.AddRange([account.PasswordHash!, account.SecurityStamp!, account.ConcurrencyStamp!, hook.UrlProtected, hook.SecretProtected!]);
        secrets.AddRange(ballotHashes);
        secrets.ShouldAllBe(s => s.Length >= 8);

        var entries = await f.WithSystemDb(db => db.AuditEntries.AsNoTracking().Select(a => new { a.Entity, a.EntityKey, a.Before, a.After }).ToListAsync());
        var log = string.Join("\n", entries.Select(a => a.EntityKey + "\u0001" + a.Before + "\u0001" + a.After));
        foreach (var secret in secrets.Distinct())
            log.ShouldNotContain(secret, Case.Insensitive, $"秘密值出现在操作日志中：{secret[..4]}…");

        // What is logged instead: that the token was set, and that the password hash changed.
        entries.ShouldContain(a => a.Entity == "IdentityUserToken`1" && a.EntityKey.StartsWith(userId) && a.EntityKey.EndsWith("AuthenticatorKey")
                                   && a.After!.Contains($"\"Value\":\"{AuditRedaction.Hidden}\""));
        entries.ShouldContain(a => a.Entity == "IdentityUserToken`1" && a.EntityKey.EndsWith("RecoveryCodes"));
        entries.ShouldContain(a => a.Entity == nameof(AppUser) && a.EntityKey == userId && a.After!.Contains($"\"PasswordHash\":\"{AuditRedaction.Changed}\""),
            string.Join("\n", entries.Where(a => a.EntityKey == userId).Select(a => a.After)));
        entries.ShouldContain(a => a.Entity == nameof(ReminderWebhook) && a.After!.Contains($"\"SecretProtected\":\"{AuditRedaction.Hidden}\""));
    }

    [Fact]
    public async Task The_head_is_printed_by_the_command_line_for_anchoring_outside_the_database()
    {
        var head = await f.WithSystemDb(db => db.AuditHeads.AsNoTracking().SingleAsync());
        head.Sequence.ShouldBeGreaterThan(0);
        var output = new StringWriter();
        (await Cunzhi.Web.Infrastructure.Cli.CliVerbs.RunAsync(f.Services, f.Services.GetRequiredService<Microsoft.Extensions.Configuration.IConfiguration>(),
            "audit-head", ["audit-head"], output)).ShouldBe(0);
        output.ToString().ShouldContain($"第 {head.Sequence} 条");
        output.ToString().ShouldContain(head.Hash);
        output.ToString().ShouldContain("北京时间");
    }

    [Fact]
    public async Task The_head_is_served_on_the_api()
    {
        var head = await f.WithSystemDb(db => db.AuditHeads.AsNoTracking().SingleAsync());
        var api = await f.ApiAs("discipline");
        var served = (await api.GetFromJsonAsync<AuditHeadView>("/api/v1/audit/head", CunzhiFactory.Json))!;
        served.Sequence.ShouldBeGreaterThanOrEqualTo(head.Sequence); // the token's sign-in appended entries since
        served.Hash.Length.ShouldBe(64);
    }

    [Fact]
    public async Task The_head_is_shown_on_the_audit_page_with_its_keyed_hash()
    {
        var pages = await f.PagesAs("county.admin");
        var html = await CunzhiFactory.Html(await CunzhiFactory.PostFormAsync(pages, "/Audit", [], formAction: "Verify"));
        html.QuerySelector("[data-testid=audit-head]")!.TextContent.ShouldContain("HMAC-SHA256");
    }
}

public sealed class AuditSecretTests_Sqlite(SqliteFactory f) : AuditSecretTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AuditSecretTests_Postgres(PostgresFactory f) : AuditSecretTests<PostgresFactory>(f);
