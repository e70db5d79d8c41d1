using System.Net;
using System.Net.Http.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Cunzhi.Web.Tests;

public abstract class AccountTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_for_15_minutes_even_against_the_right_one()
    {
        var user = $"lock.{Guid.NewGuid():N}"[..20];
        await CreateUser(user);
        var client = f.Anonymous();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await CunzhiFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = user, ["Password"] = "wrong-pass-123" });
            wrong.StatusCode.ShouldBe(HttpStatusCode.OK);
            (await wrong.Content.ReadAsStringAsync()).ShouldContain(i < 4 ? "账号或密码错误" : "已锁定 15 分钟");
        }
        var right = await CunzhiFactory.PostFormAsync(client, "/Account/Login", new() { ["UserName"] = user, ["Password"] = CunzhiFactory.Password });
        right.StatusCode.ShouldBe(HttpStatusCode.OK, "锁定期内正确密码也不能登录");
        (await right.Content.ReadAsStringAsync()).ShouldContain("已锁定");
        var api = await f.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = user, password = CunzhiFactory.Password });
        api.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await api.Content.ReadAsStringAsync()).ShouldContain("锁定");

        var lockoutEnd = await f.WithSystemDb(db => db.Users.Where(u => u.UserName == user).Select(u => u.LockoutEnd).SingleAsync());
        lockoutEnd!.Value.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(14), DateTimeOffset.UtcNow.AddMinutes(16));
        var failures = await f.WithSystemDb(db => db.AuditEntries.CountAsync(a => a.Action == AuditActions.SignInFailed && a.EntityKey == user));
        failures.ShouldBe(7);
    }

    private async Task CreateUser(string user)
    {
        await using var scope = f.Services.CreateAsyncScope();
        var seeder = scope.ServiceProvider.GetRequiredService<Cunzhi.Web.Infrastructure.Seed.DemoSeeder>();
        await seeder.CreateAccountAsync(user, CunzhiFactory.Password, Domain.Accounts.Roles.TownAdmin, Demo.Sanxing, "测试账号");
    }

    [Fact]
    public async Task A_successful_sign_in_lands_on_the_dashboard_of_the_accounts_region()
    {
        var client = await f.PagesAs("town.efeng");
        var html = await CunzhiFactory.Html(await client.GetAsync("/"));
        html.QuerySelector("[data-testid=root-region]")!.TextContent.ShouldContain("鹅峰乡");
    }

    [Fact]
    public async Task A_successful_sign_in_is_audited_under_the_accounts_region()
    {
        await f.PagesAs("town.efeng");
        var signIns = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.Action == AuditActions.SignIn && a.EntityKey == "town.efeng").ToListAsync());
        signIns.ShouldNotBeEmpty();
        signIns[0].RegionCode.ShouldBe(Demo.Efeng);
    }

    [Fact]
    public async Task Forms_without_an_antiforgery_token_are_refused()
    {
        var client = await f.PagesAs("county.admin");
        var response = await client.PostAsync($"/Regions/Edit?code={Demo.Dongxi}", new FormUrlEncodedContent(new Dictionary<string, string> { ["Name"] = "无令牌" }));
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var name = await f.WithSystemDb(db => db.Regions.Where(r => r.Code == Demo.Dongxi).Select(r => r.Name).SingleAsync());
        name.ShouldNotBe("无令牌");
    }

    [Fact]
    public void Sessions_end_after_30_idle_minutes()
    {
        var cookie = f.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(IdentityConstants.ApplicationScheme);
        cookie.ExpireTimeSpan.ShouldBe(TimeSpan.FromMinutes(30));
        cookie.SlidingExpiration.ShouldBeTrue();
    }

    [Fact]
    public void Five_failed_attempts_lock_an_account()
    {
        var identity = f.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        identity.Lockout.MaxFailedAccessAttempts.ShouldBe(5);
    }

    [Fact]
    public void Passwords_need_at_least_10_characters()
    {
        var identity = f.Services.GetRequiredService<IOptions<IdentityOptions>>().Value;
        identity.Password.RequiredLength.ShouldBeGreaterThanOrEqualTo(10);
    }

    [Fact]
    public async Task Anonymous_page_visitors_are_sent_to_sign_in()
    {
        var page = await f.Anonymous().GetAsync("/Regions");
        page.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        page.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public async Task The_api_answers_401_to_anonymous_callers()
    {
        var anonymous = f.Anonymous();
        (await anonymous.GetAsync("/api/v1/regions")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await anonymous.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_api_refuses_the_page_cookie_so_cross_site_forms_cannot_call_it()
    {
        var pages = await f.PagesAs("county.admin");
        (await pages.GetAsync("/api/v1/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Me_returns_the_profile()
    {
        var api = await f.ApiAs("village.naoping");
        var me = await api.GetFromJsonAsync<Features.ProfileView>("/api/v1/me", CunzhiFactory.Json);
        me!.RegionCode.ShouldBe(Demo.Naoping);
        me.RegionName.ShouldBe("闹坪村");
        me.Roles.ShouldBe(["VillageCadre"]);
    }

    [Fact]
    public async Task Refresh_gives_a_new_token()
    {
        var client = f.Anonymous();
        var token = await (await client.PostAsJsonAsync("/api/v1/auth/token", new { userName = "village.naoping", password = CunzhiFactory.Password }))
            .Content.ReadFromJsonAsync<Dictionary<string, object>>();
        var refreshed = await client.PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = token!["refreshToken"].ToString() });
        refreshed.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Refresh_refuses_an_unknown_token()
    {
        (await f.Anonymous().PostAsJsonAsync("/api/v1/auth/refresh", new { refreshToken = "not-a-token" })).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Changing_the_password_checks_the_rules_in_Chinese()
    {
        var user = $"pw.{Guid.NewGuid():N}"[..16];
        await CreateUser(user);
        var client = await f.PagesAs(user);
        var weak = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["CurrentPassword"] = CunzhiFactory.Password, ["NewPassword"] = "short", ["ConfirmPassword"] = "short" }, formAction: "Password");
        (await weak.Content.ReadAsStringAsync()).ShouldContain("密码至少需要 10 个字符");
        var ok = await CunzhiFactory.PostFormAsync(client, "/Account/Profile", new() { ["CurrentPassword"] = CunzhiFactory.Password, ["NewPassword"] = "longer-pass-2026", ["ConfirmPassword"] = "longer-pass-2026" }, formAction: "Password");
        (await ok.Content.ReadAsStringAsync()).ShouldContain("密码已修改");
        await f.PagesAs(user, "longer-pass-2026");
    }
}

public sealed class AccountTests_Sqlite(SqliteFactory f) : AccountTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class AccountTests_Postgres(PostgresFactory f) : AccountTests<PostgresFactory>(f);
