using Cunzhi.E2E.Infrastructure;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// 信访举报 (/Jubao) in a browser, as a villager on a phone: with jubao.js the 选定 buttons are hidden and choosing a town
/// loads its villages at once; choosing a village keeps it; the complaint filed from there ends on the receipt-code page.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class JubaoPickerTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Sanxing = "360922106000", Naoping = "360922106208";

    [Fact]
    public Task Choosing_a_town_offers_its_villages_and_the_complaint_gets_a_receipt_code() => RunAsync(async page =>
    {
        // The test's first request starts the app's pages (a minute on this shared machine when it is busy).
        await page.GotoAsync("/Jubao", new() { Timeout = 90_000 });
        await Expect(page.GetByTestId("pick-town")).ToBeHiddenAsync(); // the script took over the 选定 button
        await Expect(page.GetByTestId("place")).ToHaveCountAsync(0);

        await page.GetByTestId("town").SelectOptionAsync(Sanxing);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"/Jubao\\?Town={Sanxing}"));
        var place = page.GetByTestId("place");
        await Expect(place).ToBeVisibleAsync();
        await Expect(page.GetByTestId("pick-place")).ToBeHiddenAsync();
        await Expect(place.Locator($"option[value='{Naoping}']")).ToHaveTextAsync("闹坪村");
        (await place.Locator("option").CountAsync()).ShouldBeGreaterThan(3); // 请选择, 乡镇本级 and the town's villages
        (await place.Locator("option").EvaluateAllAsync<bool>($"os => os.every(o => o.value === '' || o.value.startsWith('{Sanxing[..9]}'))"))
            .ShouldBeTrue("only 三兴镇 and its villages are offered");

        await place.SelectOptionAsync(Naoping);
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex($"Region={Naoping}"));
        await Expect(page.GetByTestId("place")).ToHaveValueAsync(Naoping);
        await Expect(page.GetByTestId("town")).ToHaveValueAsync(Sanxing);

        await page.Locator("#Category").SelectOptionAsync("WorkStyle");
        await page.Locator("#Subject").FillAsync("浏览器测试：村部办事窗口工作日上午经常无人值守，群众多次反映未见改进。");
        await page.GetByTestId("file").ClickAsync();
        var code = page.GetByTestId("receipt-code");
        await Expect(code).ToBeVisibleAsync();
        (await code.InnerTextAsync()).Trim().Length.ShouldBeGreaterThan(6);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("举报已提交");
        await SaveScreenshotAsync(page, "jubao-receipt-phone");
    }, Phone());
}
