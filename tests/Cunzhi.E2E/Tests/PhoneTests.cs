using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PhoneTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task Village_cadre_on_a_phone_sees_their_todos_and_the_bell_under_a_collapsed_navbar() => RunAsync(async page =>
    {
        var dashboard = await new LoginPage(page).SignInAsync("village.naoping", DemoPassword);
        (await dashboard.RootRegionNameAsync()).ShouldBe("闹坪村");
        await Expect(dashboard.RootRegion).ToContainTextAsync("360922106208");
        await Expect(dashboard.Todo("weekly-report")).ToBeVisibleAsync();

        await Expect(dashboard.NavbarToggler).ToBeVisibleAsync();
        await Expect(dashboard.Bell).ToBeVisibleAsync();
        await Expect(dashboard.RegionsNavLink).ToBeHiddenAsync();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
            .ShouldBeTrue("the dashboard should not scroll sideways on a phone");
        await SaveScreenshotAsync(page, "dashboard-phone-village.naoping");

        await dashboard.NavbarToggler.ClickAsync();
        await Expect(dashboard.RegionsNavLink).ToBeVisibleAsync();
    }, Phone());
}
