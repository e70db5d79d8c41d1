namespace Cunzhi.E2E.Pages;

/// <summary>/Tasks/Requests/New: a department files a task request through the admission gate.</summary>
public sealed class TaskRequestPage(IPage page)
{
    public ILocator Title => page.Locator("#title");
    public ILocator Requirement => page.Locator("#req");
    public ILocator DueDate => page.Locator("#due");
    public ILocator Item => page.Locator("#item");
    public ILocator Village(string code) => page.Locator($"input[name='Form.Villages'][value='{code}']");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "提交申请", Exact = true });
    public ILocator Filed => page.GetByTestId("filed");

    public async Task<TaskRequestPage> GotoAsync()
    {
        await page.GotoAsync("/Tasks/Requests/New");
        return this;
    }

    /// <summary>Ticks a village inside its town's (collapsed) details element.</summary>
    public async Task TickVillageAsync(string code)
    {
        var box = Village(code);
        await box.Locator("xpath=ancestor::details").EvaluateAsync("d => d.open = true");
        await box.CheckAsync();
    }

    /// <summary>The id of the request just filed, from the ?filed= the page redirects to.</summary>
    public long FiledId() => long.Parse(System.Web.HttpUtility.ParseQueryString(new Uri(page.Url).Query)["filed"]!);
}

/// <summary>/Tasks/Queue: the coordination office's pending requests.</summary>
public sealed class QueuePage(IPage page)
{
    public ILocator Pending(long id) => page.Locator($"[data-testid=pending][data-id='{id}']");
    public ILocator Approve(long id) => Pending(id).GetByRole(AriaRole.Button, new() { Name = "批准", Exact = true });
    public ILocator Message => page.GetByTestId("message");

    public async Task<QueuePage> GotoAsync()
    {
        await page.GotoAsync("/Tasks/Queue");
        return this;
    }
}

/// <summary>/Tasks/Weekly: the Monday list, which for a village is also the Friday report form.</summary>
public sealed class WeeklyPage(IPage page)
{
    public ILocator Week => page.GetByTestId("week");
    public ILocator Item(long requestId) => page.Locator($"[data-testid=item][data-request='{requestId}']");
    public ILocator Choice(long requestId, string status) => Item(requestId).Locator("label.btn", new() { HasTextString = status });
    public ILocator Note(long requestId) => Item(requestId).Locator("input[name$='.Note']");
    public ILocator Submitted(long requestId) => Item(requestId).GetByTestId("submitted");
    public ILocator Status(long requestId, string value) => Item(requestId).Locator($"input[type=radio][value={value}]");
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "提交周五汇报", Exact = true });
    public ILocator Message => page.GetByTestId("message");
    public ILocator Errors => page.GetByTestId("errors");
}

/// <summary>/Tasks/Board: the town's village × item grid of the week.</summary>
public sealed class BoardPage(IPage page)
{
    public ILocator Cell(string village, long requestId) => page.Locator($"[data-testid=board] tr[data-village='{village}'] td[data-request='{requestId}']");
    public ILocator Column(long requestId) => page.Locator($"[data-testid=board] th[data-request='{requestId}']");
    public ILocator Note(string village, long requestId) => Cell(village, requestId).GetByTestId("board-note");
    public ILocator Reporter(string village, long requestId) => Cell(village, requestId).GetByTestId("board-reporter");

    public async Task<BoardPage> GotoAsync(string? q = null)
    {
        await page.GotoAsync("/Tasks/Board" + (q is null ? "" : "?q=" + Uri.EscapeDataString(q)));
        return this;
    }
}
