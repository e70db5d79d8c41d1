using Cunzhi.E2E.Infrastructure;

namespace Cunzhi.E2E.Tests;

/// <summary>The public points board (积分公示栏) and its objection form on a 375 px phone, without signing in: no sideways scroll.</summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PointsBoardPhoneTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Naoping = "360922106208";

    [Fact]
    public Task The_board_and_its_objection_form_fit_a_phone() => RunAsync(async page =>
    {
        // The first request compiles the board's queries: on a shared, busy machine that can take longer than the default wait.
        var response = await page.GotoAsync($"/Gongshi/{Naoping}", new PageGotoOptions { Timeout = 60_000 });
        response!.Status.ShouldBe(200);
        var entries = page.Locator("[data-testid=board-entries] [data-entry]");
        (await entries.CountAsync()).ShouldBeGreaterThan(0, "演示村应有正在公示的积分记录");
        var board = await WidthsAsync(page);
        board[0].ShouldBeLessThanOrEqualTo(board[1], "公示栏不应横向滚动");

        await entries.First.Locator("[data-testid=object]").ClickAsync();
        await page.Locator("[data-testid=objection-form]").WaitForAsync();
        var form = await WidthsAsync(page);
        form[0].ShouldBeLessThanOrEqualTo(form[1], "异议表单不应横向滚动");
    }, new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 375, Height = 800 }, IsMobile = true, HasTouch = true });

    private static Task<int[]> WidthsAsync(IPage page) =>
        page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
}
