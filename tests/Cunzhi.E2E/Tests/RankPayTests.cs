using System.Globalization;
using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// 职级 into 报酬 end to end: the town proposes an eligible cadre, the county approves, the cadre page shows the promotion
/// effective the 1st of next month, and the payroll pays the higher rank allowance from that month only.
/// Runs on the real clock on any day: the expected months are computed here (approval on 31 December takes effect on
/// 1 January of the next year), and an approval that straddles midnight at a month's end may take either month.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class RankPayTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    /// <summary>The demo county's rank policy v1 keeps the default step: 100 CNY a month per rank above 13.</summary>
    private const decimal StepYuan = 100m;

    private static DateOnly Today() => China.Today;
    private static DateOnly FirstOfNextMonth(DateOnly day) => new DateOnly(day.Year, day.Month, 1).AddMonths(1);
    private static string Yuan(decimal yuan) => yuan.ToString("#,##0.00", CultureInfo.InvariantCulture);
    private static decimal AllowanceYuan(int rank) => (13 - rank) * StepYuan;

    [Fact]
    public async Task Town_proposes_county_approves_and_next_months_pay_carries_the_new_rank_allowance()
    {
        long cadreId = 0;
        string name = "", village = "";
        var rank = 0;
        var effective = default(DateOnly);

        await RunAsync(async page =>
        {
            await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
            await new NavMenu(page).OpenAsync("职级", "晋升资格");
            var eligibility = new EligibilityPage(page);
            await eligibility.ShowEligibleOnlyAsync();
            // The page number binds from the query only (the route value "page" is the page's path).
            await Expect(eligibility.Errors).ToHaveCountAsync(0);
            if (await eligibility.PageLink(2).CountAsync() > 0)
            {
                await eligibility.PageLink(2).FollowAsync();
                await Expect(page.GetByText(new Regex(@"第 2/\d+ 页"))).ToBeVisibleAsync();
                await Expect(eligibility.Errors).ToHaveCountAsync(0);
                await eligibility.PageLink(1).FollowAsync();
            }
            (await eligibility.ProposableRows.CountAsync()).ShouldBeGreaterThan(0, "演示数据中三兴镇应有符合晋升条件、由乡镇发放报酬的干部");

            var row = eligibility.ProposableRows.First;
            cadreId = long.Parse((await row.GetAttributeAsync("data-cadre"))!);
            village = (await row.GetAttributeAsync("data-village"))!;
            rank = int.Parse((await row.GetAttributeAsync("data-rank"))!);
            name = (await row.Locator("a.fw-semibold").InnerTextAsync()).Trim();
            rank.ShouldBeInRange(2, 13);
            await SaveScreenshotAsync(page, "rank-eligibility-town");

            await row.GetByTestId("propose").ClickAsync();
            await Expect(eligibility.Message).ToContainTextAsync($"已申请晋升 1 人（{name}），待县委组织部批复");
            await Expect(eligibility.Row(cadreId)).ToContainTextAsync("已申请晋升，待批复");
            await Expect(eligibility.Row(cadreId).GetByTestId("propose")).ToHaveCountAsync(0);
        }, testName: "Town_proposes_an_eligible_cadre");

        await RunAsync(async page =>
        {
            await new LoginPage(page).SignInAsync("county.admin", DemoPassword);
            await new NavMenu(page).OpenAsync("职级", "职级申请");
            var proposals = new ProposalsPage(page);
            await Expect(proposals.Errors).ToHaveCountAsync(0);
            await Expect(proposals.Proposal(cadreId, "Pending")).ToContainTextAsync($"晋升 {rank} → {rank - 1}");
            await SaveScreenshotAsync(page, "rank-proposals-county");

            var before = Today();
            await proposals.Approve(cadreId).ClickAsync();
            await Expect(proposals.Message).ToContainTextAsync($"已批复：{name} 晋升为 {rank - 1} 级，自 ");
            var after = Today();
            var approved = proposals.Proposal(cadreId, "Approved");
            await Expect(approved).ToHaveCountAsync(1);
            var text = await proposals.Message.InnerTextAsync();
            effective = DateOnly.ParseExact(Regex.Match(text, @"自 (\d{4}-\d{2}-\d{2}) 起生效").Groups[1].Value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            effective.ShouldBeOneOf(FirstOfNextMonth(before), FirstOfNextMonth(after));
            await Expect(approved).ToContainTextAsync($"自 {effective:yyyy-MM-dd} 起生效");

            // The cadre page, from the proposal's link: the promotion is on record but not yet in force.
            await proposals.CadreLink(cadreId, "Approved").FollowAsync();
            var cadre = new CadreDetailPage(page);
            await Expect(cadre.Name).ToContainTextAsync(name);
            var promotion = cadre.Change("Promotion");
            await Expect(promotion).ToHaveCountAsync(1);
            await Expect(promotion).ToHaveAttributeAsync("data-effective", effective.ToString("yyyy-MM-dd"));
            await Expect(promotion).ToContainTextAsync($"{effective:yyyy-MM-dd}（待生效）");
            await Expect(promotion).ToContainTextAsync($"{rank} 级 → {rank - 1} 级");
            await Expect(promotion).ToContainTextAsync("county.admin");
            await Expect(cadre.Change("Initial")).ToHaveCountAsync(1);
            await Expect(page.GetByText($"今日施行 {rank} 级")).ToBeVisibleAsync();
            await SaveScreenshotAsync(page, "rank-history-cadre");
        }, testName: "County_approves_and_the_cadre_page_shows_it");

        await RunAsync(async page =>
        {
            var thisMonth = effective.AddMonths(-1);
            await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);

            // Next month: the new rank is in force on its 1st.
            await new NavMenu(page).OpenAsync("报酬", "工资发放");
            var next = await new PayRunsPage(page).ComputeAsync(effective.Year, effective.Month);
            await Expect(next.Heading).ToContainTextAsync($"{effective.Year} 年 {effective.Month} 月村干部报酬");
            await Expect(next.Errors).ToHaveCountAsync(0);
            await next.ShowVillageAsync(village);
            await Expect(next.Allowance(cadreId)).ToHaveTextAsync(Yuan(AllowanceYuan(rank - 1)));
            await SaveScreenshotAsync(page, "pay-run-next-month");

            // This month: still the old rank.
            await next.BackLink.FollowAsync();
            var current = await new PayRunsPage(page).ComputeAsync(thisMonth.Year, thisMonth.Month);
            await Expect(current.Heading).ToContainTextAsync($"{thisMonth.Year} 年 {thisMonth.Month} 月村干部报酬");
            await current.ShowVillageAsync(village);
            await Expect(current.Allowance(cadreId)).ToHaveTextAsync(Yuan(AllowanceYuan(rank)));
            await SaveScreenshotAsync(page, "pay-run-this-month");
        }, testName: "Town_computes_next_and_this_months_pay");

        AllowanceYuan(rank - 1).ShouldBe(AllowanceYuan(rank) + StepYuan);
    }
}
