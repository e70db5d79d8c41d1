using System.Net;
using System.Net.Http.Json;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>Two-factor sign-in with an authenticator app (RFC 6238 TOTP), on pages and for API tokens.</summary>
public abstract class TwoFactorTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private static string Totp(string base32Key) => Cunzhi.Web.Tests.Infrastructure.Totp.Now(base32Key);

    private async Task<(string User, string Key, string[] RecoveryCodes)> EnrolledUser()
    {
        var user = $"tfa.{Guid.NewGuid():N}"[..14];
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Cunzhi.Web.Infrastructure.Seed.DemoSeeder>()
                .CreateAccountAsync(user, CunzhiFactory.Password, Domain.Accounts.Roles.Department, Demo.County, "县民政局");
        var client = await f.PagesAs(user);
        var profile = await CunzhiFactory.Html(await client.GetAsync("/Account/Profile"));
        var key = profile.QuerySelector("[data-testid=authenticator-key]")!.TextContent;
        profile.QuerySelector("img[src^='data:image/png;base64,']").ShouldNotBeNull();
        var wrong = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["VerificationCode"] = "000000" }, formAction: "EnableTwoFactor");
        (await wrong.Content.ReadAsStringAsync()).ShouldContain("验证码不正确");
        var enabled = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["VerificationCode"] = Totp(key) }, formAction: "EnableTwoFactor");
        var codes = (await CunzhiFactory.Html(enabled)).QuerySelectorAll("[data-testid=recovery-codes] div").Select(d => d.TextContent.Trim()).ToArray();
        codes.Length.ShouldBe(10);
        return (user, key, codes);
    }

    [Fact]
    public async Task After_enrolling_a_sign_in_needs_the_authenticator_code_or_a_recovery_code_once()
    {
        var (user, key, codes) = await EnrolledUser();
        var client = f.Anonymous();
        var first = await CunzhiFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = user, ["Password"] = CunzhiFactory.Password });
        first.Headers.Location!.ToString().ShouldContain("/Account/LoginWith2fa");
        var bad = await CunzhiFactory.PostFormAsync(client, "/Account/LoginWith2fa", new() { ["Code"] = "123456" });
        (await bad.Content.ReadAsStringAsync()).ShouldContain("验证码不正确");
        var good = await CunzhiFactory.PostFormAsync(client, "/Account/LoginWith2fa", new() { ["Code"] = Totp(key) });
        good.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await client.GetAsync("/")).StatusCode.ShouldBe(HttpStatusCode.OK);

        var other = f.Anonymous();
        await CunzhiFactory.PostFormAsync(other, "/Account/Login", new() { ["UserName"] = user, ["Password"] = CunzhiFactory.Password });
        (await CunzhiFactory.PostFormAsync(other, "/Account/LoginWith2fa", new() { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var again = f.Anonymous();
        await CunzhiFactory.PostFormAsync(again, "/Account/Login", new() { ["UserName"] = user, ["Password"] = CunzhiFactory.Password });
        (await (await CunzhiFactory.PostFormAsync(again, "/Account/LoginWith2fa", new() { ["Code"] = codes[0], ["UseRecoveryCode"] = "true" })).Content.ReadAsStringAsync())
            .ShouldContain("验证码不正确", customMessage: "a recovery code works once");
    }

    [Fact]
    public async Task Api_tokens_need_the_code_once_two_factor_sign_in_is_on()
    {
        var (user, key, _) = await EnrolledUser();
        var api = f.Anonymous();
        var without = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = CunzhiFactory.Password });
        without.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await without.Content.ReadAsStringAsync()).ShouldContain("twoFactorCode");
        var with = await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = CunzhiFactory.Password, twoFactorCode = Totp(key) });
        with.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private async Task<(HttpClient Client, string Key)> EnrolledAndSignedIn()
    {
        var (user, key, _) = await EnrolledUser();
        var client = f.Anonymous();
        await CunzhiFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = user, ["Password"] = CunzhiFactory.Password });
        (await CunzhiFactory.PostFormAsync(client, "/Account/LoginWith2fa", new() { ["Code"] = Totp(key) })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return (client, key);
    }

    private static async Task<bool> StillOn(HttpClient client) =>
        (await CunzhiFactory.Html(await client.GetAsync("/Account/Profile"))).QuerySelector("form[action*=DisableTwoFactor]") is not null;

    [Theory]
    [InlineData("")]
    [InlineData("wrong-pass-123")]
    [InlineData("000000")]
    public async Task Turning_it_off_without_the_password_or_a_current_code_is_refused(string given)
    {
        var (client, _) = await EnrolledAndSignedIn();
        var refused = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["DisableConfirmation"] = given }, formAction: "DisableTwoFactor");
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await CunzhiFactory.Html(refused)).QuerySelector("[data-testid=errors]")!.TextContent.ShouldContain("停用两步验证须输入正确的当前密码或验证器中当前显示的 6 位验证码");
        (await StillOn(client)).ShouldBeTrue("two-factor sign-in stays on");
    }

    [Fact]
    public async Task Turning_it_off_with_the_password_works()
    {
        var (client, _) = await EnrolledAndSignedIn();
        var off = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["DisableConfirmation"] = CunzhiFactory.Password }, formAction: "DisableTwoFactor");
        (await off.Content.ReadAsStringAsync()).ShouldContain("两步验证已停用");
        (await StillOn(client)).ShouldBeFalse();
    }

    [Fact]
    public async Task Turning_it_off_with_a_current_code_works()
    {
        var (client, key) = await EnrolledAndSignedIn();
        var off = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["DisableConfirmation"] = Totp(key) }, formAction: "DisableTwoFactor");
        (await off.Content.ReadAsStringAsync()).ShouldContain("两步验证已停用");
        (await StillOn(client)).ShouldBeFalse();
    }

    [Fact]
    public async Task Roles_that_must_use_it_are_held_at_the_profile_until_they_enrol()
    {
        using var strict = f.WithWebHostBuilder(b => b.UseSetting("Security:RequireTwoFactorRoles", "Department,CountyAdmin"));
        var client = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        (await CunzhiFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = "dept.agri", ["Password"] = CunzhiFactory.Password })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var home = await client.GetAsync("/Regions");
        home.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        home.Headers.Location!.ToString().ShouldBe("/Account/Profile?setup2fa=1");
        var profile = await CunzhiFactory.Html(await client.GetAsync(home.Headers.Location!.ToString()));
        profile.QuerySelector("[data-testid=two-factor-required]").ShouldNotBeNull();

        var town = strict.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        await CunzhiFactory.PostFormAsync(town, "/Account/Login", new() { ["UserName"] = "town.efeng", ["Password"] = CunzhiFactory.Password });
        (await town.GetAsync("/Regions")).StatusCode.ShouldBe(HttpStatusCode.OK, "town roles are not required to");
    }
}

public sealed class TwoFactorTests_Sqlite(SqliteFactory f) : TwoFactorTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class TwoFactorTests_Postgres(PostgresFactory f) : TwoFactorTests<PostgresFactory>(f);
