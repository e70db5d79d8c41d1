namespace Cunzhi.E2E.Pages;

/// <summary>The home page: counts for the account's region and its sub-regions.</summary>
public sealed class DashboardPage(IPage page)
{
    public ILocator RootRegion => page.GetByTestId("root-region");
    public ILocator NavbarToggler => page.Locator(".navbar-toggler");
    public ILocator RegionsNavLink => page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "区划与农户", Exact = true });

    public Task<string> RootRegionNameAsync() => RootRegion.OwnTextAsync();

    public ILocator Stat(string key) => page.Locator($"[data-stat='{key}']");

    public async Task<RegionsPage> OpenSubRegionAsync(string name)
    {
        await page.Locator("a.list-group-item").Filter(new() { Has = page.GetByText(name, new() { Exact = true }) }).FollowAsync();
        return new RegionsPage(page);
    }
}
