using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class PublicEvaluationTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private readonly BrowserFixture _browser = browser;
    private const string Naoping = "360922106208";

    [Fact]
    public Task On_a_phone_ticking_a_town_in_the_open_tree_ticks_its_villages() => RunAsync(async page =>
    {
        await new LoginPage(page).SignInAsync("county.admin", DemoPassword);
        await new OpenEvaluationPage(page).GotoAsync();
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= document.documentElement.clientWidth"))
            .ShouldBeTrue("the open form should not scroll sideways on a phone");
        await page.GetByPlaceholder("按乡镇或村名筛选").FillAsync("三兴镇");
        var town = page.Locator("details[data-town='360922106000']");
        await Expect(town).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("details[data-town='360922200000']")).ToBeHiddenAsync(); // 鹅峰乡 filtered out
        await town.Locator("[data-town-check]").CheckAsync();
        var villages = town.Locator("input[name=Villages]");
        var count = await villages.CountAsync();
        count.ShouldBeGreaterThan(1);
        (await villages.EvaluateAllAsync<bool>("boxes => boxes.every(b => b.checked)")).ShouldBeTrue();
        await Expect(page.GetByTestId("picked-count")).ToContainTextAsync($"已选 {count} /");
        await SaveScreenshotAsync(page, "evaluation-open-tree-phone");
    }, Phone());

    [Fact]
    public Task County_opens_town_prints_codes_and_a_phone_votes_once() => RunAsync(async county =>
    {
        var year = 2040 + Random.Shared.Next(0, 50);
        await new LoginPage(county).SignInAsync("county.admin", DemoPassword);
        await (await new OpenEvaluationPage(county).GotoAsync()).OpenAsync(Naoping, year, China.Now.AddHours(3), China.Now.AddDays(1));

        await using var townContext = await _browser.NewContextAsync(Phone());
        var town = await townContext.NewPageAsync();
        await new LoginPage(town).SignInAsync("town.sanxing", DemoPassword);
        var codes = await (await new EvaluationWindowPage(town).GotoAsync(Naoping, year)).IssueCodesAsync(2);
        codes.Count.ShouldBe(2);
        codes.ShouldAllBe(c => System.Text.RegularExpressions.Regex.IsMatch(c, "^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$"));
        await SaveScreenshotAsync(town, "ballot-codes-sheet");

        var window = await new EvaluationWindowPage(county).GotoAsync(Naoping, year);
        await window.StartNowAsync();

        await using var phoneContext = await _browser.NewContextAsync(Phone());
        var phone = await phoneContext.NewPageAsync();
        var vote = new VotePage(phone);
        await vote.ScanAsync(codes[0]);
        await Expect(phone.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("闹坪村");
        await Expect(vote.Errors).ToHaveCountAsync(0);
        (await vote.Cadres.CountAsync()).ShouldBeGreaterThan(1);
        (await phone.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth")).ShouldBeTrue("the ballot should not scroll sideways on a phone");
        await vote.AnswerAllAsync("满意");
        await vote.Cadres.Last.GetByText("不满意", new() { Exact = true }).ClickAsync();
        await SaveScreenshotAsync(phone, "ballot-phone");
        await vote.SubmitAsync();
        await SaveScreenshotAsync(phone, "ballot-phone-cast");

        await vote.TypeAsync(codes[0]);
        await Expect(vote.Errors).ToContainTextAsync("该票码已经投过票");
        await Expect(vote.Ballot).ToHaveCountAsync(0);
    }, Phone());
}
