using System.Globalization;
using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// A town admin checks a pay run on a 375 px phone: every payee's 实发金额 on the page is on screen (no column hidden to the
/// right, nothing to scroll sideways) and is the amount the run's own API answers for that line.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PayRunPhoneTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>The run page shows this many lines a page.</summary>
    private const int LinesPerPage = 50;

    private static BrowserNewContextOptions Phone375() => new()
    {
        ViewportSize = new ViewportSize { Width = 375, Height = 800 }, IsMobile = true, HasTouch = true, DeviceScaleFactor = 2,
    };

    private static string Yuan(long fen) => (fen / 100m).ToString("#,##0.00", CultureInfo.InvariantCulture);

    /// <summary>Left and right edges (CSS px) of each line's 实发金额 and payee name, and the layout viewport's width.</summary>
    private static Task<double[][]> EdgesAsync(IPage page) => page.EvaluateAsync<double[][]>("""
        () => [...document.querySelectorAll('[data-testid=lines] tr[data-line]')].map(tr => {
            const net = tr.querySelector('[data-testid=net]').getBoundingClientRect();
            const name = tr.querySelector('[data-testid=payee]').getBoundingClientRect();
            return [Number(tr.dataset.line), net.left, net.right, net.width, name.left, name.right, document.documentElement.clientWidth];
        })
        """);

    [Fact]
    public Task Town_admin_on_a_phone_sees_every_payees_net_pay_within_the_screen() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
        var api = await ApiSession.SignInAsync(page, "town.sanxing");
        // The demo county has 三兴镇's run of last month; compute this month's if there is none.
        var runs = (await api.GetAsync("/api/v1/pay/runs?pageSize=1")).GetProperty("items");
        var runId = runs.GetArrayLength() > 0
            ? runs[0].GetProperty("id").GetInt64()
            : (await api.PostAsync("/api/v1/pay/runs", new { year = China.Today.Year, month = China.Today.Month })).GetProperty("id").GetInt64();
        var run = await api.GetAsync($"/api/v1/pay/runs/{runId}?page=1&pageSize={LinesPerPage}");
        var expected = run.GetProperty("lines").GetProperty("items").EnumerateArray()
            .ToDictionary(l => l.GetProperty("id").GetInt64(), l => (Name: l.GetProperty("cadreName").GetString()!, Net: l.GetProperty("totalFen").GetInt64()));
        expected.Count.ShouldBe(Math.Min(LinesPerPage, run.GetProperty("lineCount").GetInt32()));
        expected.Count.ShouldBeGreaterThan(1, "三兴镇的工资批次应有多名领取人");

        // From the list, as the town admin would: the 查看 link is on screen too.
        await page.GotoAsync("/Pay");
        var open = new PayRunsPage(page).OpenRun(runId);
        var link = (await open.BoundingBoxAsync())!;
        (link.X + link.Width).ShouldBeLessThanOrEqualTo(375, "工资发放列表的“查看”应在手机屏幕内");
        await open.FollowAsync();

        var lines = new PayRunPage(page);
        await Expect(lines.Lines).ToHaveCountAsync(expected.Count);
        foreach (var (id, line) in expected)
        {
            await Expect(lines.Net(id)).ToBeVisibleAsync();
            await Expect(lines.Net(id)).ToHaveTextAsync(Yuan(line.Net));
        }
        var edges = await EdgesAsync(page);
        edges.Select(e => (long)e[0]).ShouldBe(expected.Keys, ignoreOrder: true);
        foreach (var e in edges)
        {
            var (id, width) = ((long)e[0], e[6]);
            width.ShouldBe(375);
            e[3].ShouldBeGreaterThan(0, $"明细 {id} 的实发金额应显示");
            e[1].ShouldBeGreaterThanOrEqualTo(0, $"明细 {id}（{expected[id].Name}）的实发金额不应在屏幕左侧之外");
            e[2].ShouldBeLessThanOrEqualTo(width, $"明细 {id}（{expected[id].Name}）的实发金额应在 {width}px 屏幕内，右边缘在 {e[2]:0}px");
            e[4].ShouldBeGreaterThanOrEqualTo(0, $"明细 {id} 的姓名应在屏幕内");
            e[5].ShouldBeLessThanOrEqualTo(width, $"明细 {id}（{expected[id].Name}）的姓名应在屏幕内");
        }
        var scroll = await page.EvaluateAsync<int[]>("""
            () => [document.documentElement.scrollWidth, document.documentElement.clientWidth,
                   document.querySelector('[data-testid=lines]').closest('.table-responsive').scrollWidth,
                   document.querySelector('[data-testid=lines]').closest('.table-responsive').clientWidth]
            """);
        scroll[0].ShouldBeLessThanOrEqualTo(scroll[1], "工资批次页不应横向滚动");
        scroll[2].ShouldBeLessThanOrEqualTo(scroll[3], "明细表不应藏有需横向滚动才能看到的列");
        await SaveScreenshotAsync(page, "pay-run-phone-375");
    }, Phone375());
}
