using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class AnalyticsTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task County_admin_opens_structure_analytics_from_the_nav_and_drills_into_a_town() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("county.admin", DemoPassword);
        var analytics = new AnalyticsPage(page);
        await analytics.CadreMenu.ClickAsync();
        await analytics.NavLink.FollowAsync();
        await Expect(analytics.Heading).ToContainTextAsync("万载县");
        await analytics.WaitForChartsAsync();
        await Expect(analytics.Stat("secretary-age")).ToHaveTextAsync(new Regex(@"^\s*\d+\.\d\s*$"));
        await Expect(analytics.Stat("college")).ToHaveTextAsync(new Regex(@"^\s*\d+\.\d%\s*$"));
        (await analytics.ChildLinks.CountAsync()).ShouldBe(18);
        await SaveScreenshotAsync(page, "analytics-county.admin");

        await analytics.OpenChildAsync("三兴镇");
        await Expect(analytics.Heading).ToContainTextAsync("三兴镇");
        await Expect(analytics.Breadcrumb).ToContainTextAsync("万载县");
        await analytics.WaitForChartsAsync();
        (await analytics.ChildLinks.AllInnerTextsAsync()).ShouldContain("闹坪村");
    });

    [Fact]
    public Task Town_admin_on_a_phone_sees_charts_that_fit_and_follow_the_screen() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
        var analytics = new AnalyticsPage(page);
        (await analytics.GotoAsync()).Status.ShouldBe(200);
        await analytics.WaitForChartsAsync();
        var width = await page.EvaluateAsync<double>("() => window.innerWidth");
        foreach (var key in AnalyticsPage.ChartKeys)
            (await analytics.CanvasWidthAsync(key)).ShouldBeLessThanOrEqualTo(width, key);
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
            .ShouldBeTrue("the page should not scroll sideways on a phone; the table scrolls in its own box");
        await SaveScreenshotAsync(page, "analytics-phone-town.sanxing");

        // Turning the phone sideways widens the charts with the page.
        var before = await analytics.CanvasWidthAsync("ranks");
        await page.SetViewportSizeAsync(844, 390);
        await page.WaitForFunctionAsync("w => document.querySelector(\"[data-chart='ranks'] canvas\").getBoundingClientRect().width > w", before);
    }, Phone());
}
