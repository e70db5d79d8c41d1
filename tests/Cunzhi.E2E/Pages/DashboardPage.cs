namespace Cunzhi.E2E.Pages;

/// <summary>The home page (待办) and, on 区划统计 (/Regions/Stats), the counts for the account's region and its sub-regions.</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator RootRegion => page.GetByTestId("root-region");
    public ILocator NavbarToggler => page.Locator(".navbar-toggler");
    public ILocator RegionsNavLink => page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "区划与农户", Exact = true });

    public Task<string> RootRegionNameAsync() => RootRegion.OwnTextAsync();

    public ILocator Stat(string key) => page.Locator($"[data-stat='{key}']");

    /// <summary>One to-do on the home page, by its key.</summary>
    public ILocator Todo(string key) => page.Locator($"[data-todo='{key}']");

    /// <summary>The reminder bell, outside the collapsed menu.</summary>
    public ILocator Bell => page.GetByTestId("bell");

    /// <summary>Opens 区划统计, where the sub-regions are listed.</summary>
    public async Task<DashboardPage> OpenStatsAsync()
    {
        await page.GotoAsync("/Regions/Stats");
        await Expect(RootRegion).ToBeVisibleAsync();
        return this;
    }

    public async Task<RegionsPage> OpenSubRegionAsync(string name)
    {
        await page.Locator("a.list-group-item").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).FollowAsync();
        return new RegionsPage(page);
    }
}
