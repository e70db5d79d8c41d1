using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class DrillDownTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Fact]
    public Task County_admin_clicks_from_the_county_down_to_a_household() => RunAsync(async page =>
    {
        var dashboard = await new LoginPage(page).SignInAsync("county.admin", DemoPassword);
        (await dashboard.RootRegionNameAsync()).ShouldBe("万载县");

        var town = await (await dashboard.OpenStatsAsync()).OpenSubRegionAsync("三兴镇");
        (await town.NameAsync()).ShouldBe("三兴镇");
        await Expect(town.Breadcrumb).ToContainTextAsync("万载县");

        var village = await town.OpenSubRegionAsync("闹坪村");
        (await village.NameAsync()).ShouldBe("闹坪村");
        await Expect(village.Heading).ToContainTextAsync("360922106208");
        await Expect(village.Breadcrumb).ToContainTextAsync("三兴镇");

        var households = await village.OpenHouseholdsAsync();
        await Expect(households.Rows.First).ToBeVisibleAsync();
        var number = await households.NumberLinks.First.InnerTextAsync();

        var household = await households.OpenAsync(number);
        await Expect(household.Heading).ToContainTextAsync(number);
        await Expect(household.ResidentRows.First).ToBeVisibleAsync();
        (await household.ResidentRows.CountAsync()).ShouldBeGreaterThan(0);
    });
}
