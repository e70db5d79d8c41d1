namespace Cunzhi.E2E.Pages;

internal static class PageExtensions
{
    /// <summary>
    /// Clicks a link and waits until the browser is at its target: Playwright's click does not wait
    /// for the navigation it starts, and the next page's locators could otherwise match the old page.
    /// The wait is registered before the click, so a navigation that completes while the click is still
    /// being acknowledged is not missed (twice in a loaded run the wait started after the click timed out
    /// with the target page on screen); a timeout names the URL the browser was left at.
    /// </summary>
    public static async Task FollowAsync(this ILocator link)
    {
        var href = await link.GetAttributeAsync("href") ?? throw new InvalidOperationException("The element is not a link.");
        // The DOM is enough for the assertions that follow; waiting for every font and script ("load")
        // timed out once in CI while a background import kept both cores busy.
        var arrived = link.Page.WaitForURLAsync(url => new Uri(url).PathAndQuery == href,
            new() { WaitUntil = WaitUntilState.DOMContentLoaded, Timeout = 30_000 });
        await link.ClickAsync();
        try
        {
            await arrived;
        }
        catch (TimeoutException e)
        {
            throw new TimeoutException($"Following {href}: the browser is still at {link.Page.Url} after 30 s.", e);
        }
    }

    /// <summary>The heading's own text, without the level and code in its &lt;small&gt;.</summary>
    public static async Task<string> OwnTextAsync(this ILocator heading)
        => (await heading.EvaluateAsync<string>("h => h.firstChild.textContent")).Trim();
}
