namespace Cunzhi.E2E.Pages;

/// <summary>/Regions/Households: a village's household register.</summary>
public sealed class HouseholdsPage(IPage page)
{
    public ILocator Rows => page.GetByTestId("households").Locator("tbody tr");
    public ILocator NumberLinks => Rows.Locator("td:first-child a");

    public async Task<HouseholdPage> OpenAsync(string number)
    {
        await Rows.GetByRole(AriaRole.Link, new() { Name = number, Exact = true }).FollowAsync();
        return new HouseholdPage(page);
    }
}

/// <summary>/Regions/Household: one household and its residents.</summary>
public sealed class HouseholdPage(IPage page)
{
    public ILocator Heading => page.Locator("main h1");
    public ILocator ResidentRows => page.GetByTestId("residents").Locator("tbody tr");
}
