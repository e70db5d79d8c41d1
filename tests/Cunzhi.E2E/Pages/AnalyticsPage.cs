namespace Cunzhi.E2E.Pages;

/// <summary>/Analytics: 班子结构分析 of a region — cards, ECharts charts, child regions, vacancies.</summary>
public sealed class AnalyticsPage(IPage page)
{
    public static readonly string[] ChartKeys = ["ageBands", "education", "ranks", "vacancies"];

    public ILocator Heading => page.GetByTestId("analytics-region");
    public ILocator Breadcrumb => page.Locator("ol.breadcrumb");
    public ILocator ChildLinks => page.GetByTestId("children").Locator("tbody td:first-child a");
    public ILocator NavLink => page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "班子结构", Exact = true });

    /// <summary>The 干部管理 menu that holds the link.</summary>
    public ILocator CadreMenu => page.Locator("#nav").GetByRole(AriaRole.Button, new() { Name = "干部管理", Exact = true });

    public ILocator Stat(string key) => page.Locator($"[data-stat='{key}']");

    /// <summary>The canvas ECharts draws into a chart container.</summary>
    public ILocator Canvas(string key) => page.Locator($"[data-chart='{key}'] canvas");

    public async Task<IResponse> GotoAsync(string? code = null)
        => await page.GotoAsync(code is null ? "/Analytics" : $"/Analytics?code={code}")
           ?? throw new InvalidOperationException("No response for /Analytics.");

    /// <summary>Waits until every chart has drawn its canvas.</summary>
    public async Task WaitForChartsAsync()
    {
        foreach (var key in ChartKeys) await Expect(Canvas(key)).ToBeVisibleAsync();
    }

    /// <summary>Width in CSS pixels of a chart's canvas.</summary>
    public Task<double> CanvasWidthAsync(string key) => Canvas(key).EvaluateAsync<double>("c => c.getBoundingClientRect().width");

    public async Task<AnalyticsPage> OpenChildAsync(string name)
    {
        await page.GetByTestId("children").GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).FollowAsync();
        return this;
    }
}
