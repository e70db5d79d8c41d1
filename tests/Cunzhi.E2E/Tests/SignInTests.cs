using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class SignInTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Wrong_password_shows_the_chinese_error_and_stays_on_the_login_page() => RunAsync(async page =>
    {
        // An account no other test signs in with: failed attempts count towards its lockout.
        var login = await new LoginPage(page).GotoAsync();
        await login.SubmitAsync("dept.agri", "not-the-password");

        await Expect(login.Errors).ToContainTextAsync("账号或密码错误");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(new DashboardPage(page).RootRegion).ToHaveCountAsync(0);
    });
}
