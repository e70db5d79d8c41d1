namespace Cunzhi.E2E.Pages;

/// <summary>/Regions: one region, its breadcrumb trail and its sub-regions.</summary>
public sealed class RegionsPage(IPage page)
{
    public ILocator Heading => page.GetByTestId("region-name");
    public ILocator Breadcrumb => page.Locator("ol.breadcrumb");
    public ILocator SubRegionLinks => page.GetByTestId("children").Locator("tbody td:first-child a");
    public ILocator HouseholdsButton => page.Locator("a[href^='/Regions/Households?']");
    public ILocator ErrorPage => page.GetByTestId("error-page");

    /// <summary>Opens /Regions (the account's own region) or a given region; returns the response to check its status.</summary>
    public async Task<IResponse> GotoAsync(string? code = null)
        => await page.GotoAsync(code is null ? "/Regions" : $"/Regions?code={code}")
           ?? throw new InvalidOperationException("No response for /Regions.");

    public Task<string> NameAsync() => Heading.OwnTextAsync();

    public Task<IReadOnlyList<string>> SubRegionNamesAsync() => SubRegionLinks.AllInnerTextsAsync();

    public async Task<RegionsPage> OpenSubRegionAsync(string name)
    {
        await page.GetByTestId("children").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).FollowAsync();
        return this;
    }

    public async Task<HouseholdsPage> OpenHouseholdsAsync()
    {
        await HouseholdsButton.FollowAsync();
        return new HouseholdsPage(page);
    }
}
