namespace Cunzhi.E2E.Pages;

/// <summary>/Forms/Inbox and /Forms/Fill: a village's forms and the phone form itself.</summary>
public sealed class FormFillPage(IPage page)
{
    public ILocator InboxItem(long formId) => page.Locator($"[data-testid=inbox] [data-form='{formId}']");
    public ILocator Field(string label) => page.Locator("[data-field]").Filter(new() { Has = page.Locator("label", new() { HasTextString = label }) });
    public ILocator Input(string label) => Field(label).Locator("input, select, textarea").First;
    public ILocator Errors => page.GetByTestId("errors");
    public ILocator Status => page.GetByTestId("status");
    public ILocator Spared => page.GetByTestId("spared");
    public ILocator SaveDraft => page.GetByRole(AriaRole.Button, new() { Name = "暂存", Exact = true });
    public ILocator Submit => page.GetByRole(AriaRole.Button, new() { Name = "提交", Exact = true });

    public async Task<FormFillPage> GotoInboxAsync()
    {
        await page.GotoAsync("/Forms/Inbox");
        return this;
    }
}
