namespace Cunzhi.E2E.Pages;

/// <summary>/Evaluations/Open — the county opens 双述双评 windows.</summary>
public sealed class OpenEvaluationPage(IPage page)
{
    public async Task<OpenEvaluationPage> GotoAsync()
    {
        await page.GotoAsync("/Evaluations/Open");
        return this;
    }

    public async Task OpenAsync(string village, int year, DateTime opensAt, DateTime closesAt)
    {
        // The village tree: the filter opens the town holding the code, then the village's box is ticked.
        await page.GetByPlaceholder("按乡镇或村名筛选").FillAsync(village);
        await page.Locator($"input[name=Villages][value='{village}']").CheckAsync();
        await Expect(page.GetByTestId("picked-count")).ToContainTextAsync("已选 1 /");
        await page.Locator("#Year").FillAsync(year.ToString());
        await page.Locator("#OpensAt").FillAsync(opensAt.ToString("yyyy-MM-ddTHH:mm"));
        await page.Locator("#ClosesAt").FillAsync(closesAt.ToString("yyyy-MM-ddTHH:mm"));
        await page.GetByRole(AriaRole.Button, new() { Name = "开启评议", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("opened")).ToContainTextAsync("已为 1 个村开启评议");
    }
}

/// <summary>/Evaluations and /Evaluations/Detail/{id}.</summary>
public sealed class EvaluationWindowPage(IPage page)
{
    public ILocator State => page.GetByTestId("state");

    /// <summary>From the list of a year, the village's window.</summary>
    public async Task<EvaluationWindowPage> GotoAsync(string village, int year)
    {
        await page.GotoAsync($"/Evaluations?year={year}");
        await page.Locator($"[data-testid=windows] tr[data-region='{village}'] a").FollowAsync();
        return this;
    }

    public async Task StartNowAsync()
    {
        // 立即开始 asks first (and warns when a 述职报告 is missing); the county confirms.
        void Confirm(object? _, IDialog dialog) => dialog.AcceptAsync();
        page.Dialog += Confirm;
        try
        {
            await page.GetByTestId("open-now").ClickAsync();
            await Expect(State).ToHaveTextAsync("评议中");
        }
        finally { page.Dialog -= Confirm; }
    }

    /// <summary>As the town: generates codes and reads them off the printable sheet.</summary>
    public async Task<IReadOnlyList<string>> IssueCodesAsync(int count)
    {
        await page.GetByTestId("issue-codes").FollowAsync();
        await page.Locator("#Count").FillAsync(count.ToString());
        await page.GetByTestId("generate").ClickAsync();
        await Expect(page.GetByTestId("print-warning")).ToBeVisibleAsync();
        return (await page.GetByTestId("code").AllTextContentsAsync()).Select(c => c.Trim()).ToList();
    }
}

/// <summary>/Vote — the public ballot.</summary>
public sealed class VotePage(IPage page)
{
    public ILocator Ballot => page.GetByTestId("ballot");
    public ILocator Cadres => page.Locator("[data-testid=ballot] fieldset[data-cadre]");
    public ILocator Confirmation => page.GetByTestId("cast");
    public ILocator Errors => page.GetByTestId("errors");

    /// <summary>As from the QR code: the code in the URL fragment opens the ballot by itself.</summary>
    public async Task ScanAsync(string code)
    {
        await page.GotoAsync("/Vote#" + code);
        await Expect(Ballot).ToBeVisibleAsync();
    }

    public async Task TypeAsync(string code)
    {
        await page.GotoAsync("/Vote");
        await page.Locator("#Code").FillAsync(code);
        await page.GetByTestId("open-ballot").ClickAsync();
    }

    /// <summary>Picks an answer (满意/基本满意/不满意) for every cadre on the ballot.</summary>
    public async Task AnswerAllAsync(string answer)
    {
        var n = await Cadres.CountAsync();
        for (var i = 0; i < n; i++)
            await Cadres.Nth(i).GetByText(answer, new() { Exact = true }).ClickAsync();
    }

    public async Task SubmitAsync()
    {
        await page.GetByTestId("submit-ballot").ClickAsync();
        await Expect(Confirmation).ToBeVisibleAsync();
    }
}
