namespace Cunzhi.E2E.Pages;

/// <summary>The top navigation's dropdown menus (desktop width).</summary>
public sealed class NavMenu(IPage page)
{
    /// <summary>Opens a dropdown (职级, 报酬, …) and follows one of its links.</summary>
    public async Task OpenAsync(string menu, string item)
    {
        await page.Locator("#nav").GetByRole(AriaRole.Button, new() { Name = menu, Exact = true }).ClickAsync();
        await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = item, Exact = true }).FollowAsync();
    }
}

/// <summary>/Ranks/Eligibility: a town's cadres with their promotion conditions; the town proposes here.</summary>
public sealed class EligibilityPage(IPage page)
{
    public ILocator EligibleOnly => page.Locator("#eligibleOnly");
    public ILocator Show => page.GetByRole(AriaRole.Button, new() { Name = "查看", Exact = true });
    public ILocator Message => page.GetByTestId("message");
    public ILocator Errors => page.GetByTestId("errors");
    public ILocator PageLink(int number) => page.GetByRole(AriaRole.Navigation, new() { Name = "分页" }).GetByRole(AriaRole.Link, new() { Name = number.ToString(), Exact = true });
    public ILocator Row(long cadreId) => page.Locator($"[data-testid=eligibility] li[data-cadre='{cadreId}']");

    /// <summary>
    /// Eligible rows the town can propose that the town pays: a 驻村第一书记 is paid by the sending unit, so the payroll
    /// has no rank allowance to show for one.
    /// </summary>
    public ILocator ProposableRows => page.Locator("[data-testid=eligibility] li[data-eligible=true]:not([data-post=first-secretary])")
        .Filter(new() { Has = page.GetByTestId("propose") });

    public async Task ShowEligibleOnlyAsync()
    {
        await EligibleOnly.CheckAsync();
        await Show.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Ranks/Eligibility\?.*eligibleOnly=true"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}

/// <summary>/Ranks/Proposals: promotion and demotion proposals; the county approves or rejects.</summary>
public sealed class ProposalsPage(IPage page)
{
    public ILocator Message => page.GetByTestId("message");
    public ILocator Errors => page.GetByTestId("errors");
    public ILocator Proposal(long cadreId, string state) => page.Locator($"[data-testid=proposals] li[data-cadre='{cadreId}'][data-state='{state}']");
    public ILocator Approve(long cadreId) => Proposal(cadreId, "Pending").GetByTestId("approve");
    public ILocator CadreLink(long cadreId, string state) => Proposal(cadreId, state).Locator("a[href^='/Cadres/Detail']");
}

/// <summary>/Cadres/Detail: the cadre page with its rank history.</summary>
public sealed class CadreDetailPage(IPage page)
{
    public ILocator Name => page.GetByTestId("cadre-name");
    public ILocator RankHistory => page.GetByTestId("rank-history");
    public ILocator Change(string kind) => RankHistory.Locator($"tr[data-kind='{kind}']");
}

/// <summary>/Pay: the payroll runs; a town computes a month here.</summary>
public sealed class PayRunsPage(IPage page)
{
    public ILocator Year => page.Locator("#cy");
    public ILocator Month => page.Locator("#cm");
    public ILocator Compute => page.GetByTestId("compute-form").GetByTestId("compute");
    public ILocator OpenRun(long runId) => page.Locator($"[data-testid=runs] tr[data-run='{runId}']").GetByTestId("open-run");

    /// <summary>Computes the town's run of a month and waits for the run page the app redirects to.</summary>
    public async Task<PayRunPage> ComputeAsync(int year, int month)
    {
        await Year.FillAsync(year.ToString());
        await Month.FillAsync(month.ToString());
        await Compute.ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/Pay/Run/\d+$"), new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        return new PayRunPage(page);
    }
}

/// <summary>/Pay/Run/{id}: one town's run of a month, its lines filtered by village.</summary>
public sealed class PayRunPage(IPage page)
{
    public ILocator Heading => page.GetByRole(AriaRole.Heading, new() { Level = 1 });
    public ILocator Errors => page.GetByTestId("errors");
    public ILocator Allowance(long cadreId) => page.GetByTestId($"allowance-{cadreId}");
    public ILocator Lines => page.Locator("[data-testid=lines] tr[data-line]");
    public ILocator Net(long lineId) => page.Locator($"[data-testid=lines] tr[data-line='{lineId}'] [data-testid=net]");
    public ILocator Village => page.Locator("#village");
    public ILocator BackLink => page.GetByRole(AriaRole.Link, new() { Name = "返回工资发放", Exact = true });

    public async Task ShowVillageAsync(string code)
    {
        await Village.SelectOptionAsync(code);
        await page.GetByTestId("village-filter").GetByRole(AriaRole.Button, new() { Name = "查看", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => url.Contains($"village={code}"), new() { WaitUntil = WaitUntilState.DOMContentLoaded });
    }
}
