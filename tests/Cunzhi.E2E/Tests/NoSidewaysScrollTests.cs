using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// Every page an account reaches from the navigation fits a 375 px phone and a 1366 px laptop without the page
/// itself scrolling sideways (wide tables scroll inside their own .table-responsive box, which is allowed).
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class NoSidewaysScrollTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    [Theory]
    [InlineData("county.admin")]
    [InlineData("town.sanxing")]
    [InlineData("village.naoping")]
    [InlineData("dept.agri")]
    [InlineData("coord.office")]
    [InlineData("discipline")]
    public async Task No_page_in_the_navigation_scrolls_sideways(string user)
    {
        var overflowing = new List<string>();
        foreach (var width in new[] { 375, 1366 })
        {
            await RunAsync(async page =>
            {
                await new LoginPage(page).SignInAsync(user, DemoPassword);
                // The navigation's own links (collapsed menus included), each page once, sign-out and external links left out.
                var links = await page.EvaluateAsync<string[]>(
                    "() => [...new Set([...document.querySelectorAll('nav a[href^=\"/\"]')].map(a => a.getAttribute('href')))]");
                links = [.. links.Where(l => !l.StartsWith("/Account/Logout") && !l.StartsWith("/api-docs") && !l.Contains("culture="))];
                links.Length.ShouldBeGreaterThan(2, $"{user} 的导航应有链接");
                foreach (var link in links.Prepend("/"))
                {
                    var response = await page.GotoAsync(link);
                    response!.Status.ShouldBe(200, $"{user} 打开 {link}");
                    if (await OverflowAsync(page) is { } wide) overflowing.Add($"{width}px {link}: {wide}");
                }
            }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = width, Height = 800 }, IsMobile = width < 500, HasTouch = width < 500 },
            testName: $"{nameof(No_page_in_the_navigation_scrolls_sideways)}-{user}-{width}");
        }
        overflowing.ShouldBeEmpty($"{user} 的页面不应横向滚动");
    }

    /// <summary>
    /// How far the page is wider than the layout viewport (<c>clientWidth</c>: on a phone the device width, not the
    /// zoomed-out visual viewport that <c>innerWidth</c> can report), or null when it fits.
    /// </summary>
    private static async Task<string?> OverflowAsync(IPage page)
    {
        var sizes = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        return sizes[0] > sizes[1] ? $"页面宽 {sizes[0]}px > 可视宽度 {sizes[1]}px" : null;
    }

    [Fact]
    public Task The_overflow_check_finds_a_page_wider_than_the_phone() => RunAsync(async page =>
    {
        await new LoginPage(page).GotoAsync();
        (await OverflowAsync(page)).ShouldBeNull("登录页应适合手机宽度");
        await page.EvaluateAsync("() => { const d = document.createElement('div'); d.style.width = '1000px'; d.style.height = '1px'; document.body.appendChild(d); }");
        (await OverflowAsync(page)).ShouldNotBeNull("加宽后的页面应被发现");
    }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 }, IsMobile = true, HasTouch = true });
}
