namespace Cunzhi.E2E.Pages;

/// <summary>/Account/Login.</summary>
public sealed class LoginPage(IPage page)
{
    public ILocator UserName => page.Locator("#UserName");
    public ILocator Password => page.Locator("#Password");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "登录", Exact = true });
    public ILocator Errors => page.GetByTestId("errors");

    public async Task<LoginPage> GotoAsync()
    {
        await page.GotoAsync("/Account/Login");
        return this;
    }

    public async Task SubmitAsync(string userName, string password)
    {
        await UserName.FillAsync(userName);
        await Password.FillAsync(password);
        await Submit.ClickAsync();
    }

    /// <summary>Signs in from the login page and waits for the dashboard the app redirects to.</summary>
    public async Task<DashboardPage> SignInAsync(string userName, string password)
    {
        await GotoAsync();
        await SubmitAsync(userName, password);
        var dashboard = new DashboardPage(page);
        await Expect(dashboard.RootRegion).ToBeVisibleAsync();
        return dashboard;
    }
}
