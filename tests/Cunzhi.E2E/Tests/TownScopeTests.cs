using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class TownScopeTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Efeng = "360922200000";
    private const string Dongxi = "360922200201";

    [Fact]
    public Task Town_admin_sees_only_their_own_town() => RunAsync(async page =>
    {
        var dashboard = await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
        (await dashboard.RootRegionNameAsync()).ShouldBe("三兴镇");
        await Expect(dashboard.RootRegion).ToContainTextAsync("360922106000");
        await SaveScreenshotAsync(page, "dashboard-town.sanxing");

        var regions = new RegionsPage(page);
        (await regions.GotoAsync()).Status.ShouldBe(200);
        (await regions.NameAsync()).ShouldBe("三兴镇");
        var villages = await regions.SubRegionNamesAsync();
        villages.Count.ShouldBe(11);
        villages.ShouldContain("闹坪村");
        villages.ShouldNotContain("东溪村");

        foreach (var code in new[] { Efeng, Dongxi })
        {
            (await regions.GotoAsync(code)).Status.ShouldBe(404, $"/Regions?code={code}");
            await Expect(regions.ErrorPage).ToBeVisibleAsync();
            await Expect(regions.ErrorPage).ToContainTextAsync("404");
            await Expect(regions.Heading).ToHaveCountAsync(0);
        }
    });
}
