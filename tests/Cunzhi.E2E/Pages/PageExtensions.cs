namespace Cunzhi.E2E.Pages;

internal static class PageExtensions
{
    /// <summary>
    /// Clicks a link and waits until the browser is at its target: Playwright's click does not wait
    /// for the navigation it starts, and the next page's locators could otherwise match the old page.
    /// </summary>
    public static async Task FollowAsync(this ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The element is not a link.");
        await link.ClickAsync();
        // The DOM is enough for the assertions that follow; waiting for every font and script ("load")
        // timed out once in CI while a background import kept both cores busy.
        await link.Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == href,
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
    }

    /// <summary>The heading's own text, without the level and code in its &lt;small&gt;.</summary>
    public static async Task<string> OwnTextAsync(this ILocator heading)
        => (await heading.EvaluateAsync<string>("h => h.firstChild.textContent")).Trim();
}
