using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// Issue #6 end to end: a task that is on no list item waits for the coordination office; once approved it reaches the
/// village's Monday list, which the village answers on a phone as its Friday report, and the town sees the answer.
/// The weekly report of the current week is open from its Monday to its Sunday (Week.IsOpen), so this runs on any weekday.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class WeeklyRhythmTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Naoping = "360922106208";

    [Fact]
    public async Task Department_files_office_approves_village_reports_on_a_phone_and_the_town_sees_it()
    {
        // A title no list item names (no keyword either), so the gate sends it to the coordination office.
        var title = $"冬闲农机具入库登记{Guid.NewGuid().ToString("N")[..4]}";
        long id = 0;

        await RunAsync(async page =>
        {
            await new LoginPage(page).SignInAsync("dept.agri", DemoPassword);
            var form = await new TaskRequestPage(page).GotoAsync();
            await form.Title.FillAsync(title);
            await form.Requirement.FillAsync("请各村统计本村冬闲农机具入库台数，周五前在清单中反馈进度。");
            await form.Item.SelectOptionAsync("");
            await form.TickVillageAsync(Naoping);
            await form.Submit.ClickAsync();
            await Expect(form.Filed).ToHaveAttributeAsync("data-status", "Pending");
            await Expect(form.Filed).ToContainTextAsync("待审批");
            id = form.FiledId();
        }, testName: "Department_files_a_task_on_no_list_item");

        await RunAsync(async page =>
        {
            // Not admitted yet: nothing on the village's list.
            await new LoginPage(page).SignInAsync("village.naoping", DemoPassword);
            await page.GotoAsync("/Tasks/Weekly");
            await Expect(new WeeklyPage(page).Item(id)).ToHaveCountAsync(0);
        }, Phone(), "Village_does_not_see_it_before_approval");

        await RunAsync(async page =>
        {
            await new LoginPage(page).SignInAsync("coord.office", DemoPassword);
            var queue = await new QueuePage(page).GotoAsync();
            await Expect(queue.Pending(id)).ToContainTextAsync(title);
            await queue.Approve(id).ClickAsync();
            await Expect(queue.Message).ToContainTextAsync($"“{title}”已准入");
            await Expect(queue.Pending(id)).ToHaveCountAsync(0);
        }, testName: "Office_approves_it");

        await RunAsync(async page =>
        {
            var dashboard = await new LoginPage(page).SignInAsync("village.naoping", DemoPassword);
            // From the navigation, as a cadre on a phone would.
            await dashboard.OpenPhoneMenuAsync("减负");
            await page.Locator("#nav").GetByRole(AriaRole.Link, new() { Name = "周一清单 · 周五汇报" }).FollowAsync();

            var weekly = new WeeklyPage(page);
            await Expect(weekly.Item(id)).ToContainTextAsync(title);
            await Expect(weekly.Item(id).GetByTestId("evidence")).ToHaveCountAsync(0);
            (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
                .ShouldBeTrue("the Monday list should not scroll sideways on a phone");
            await SaveScreenshotAsync(page, "weekly-monday-list-phone");

            // Blocked without a note is refused with a Chinese message; with one it is saved.
            await weekly.Choice(id, "受阻").ClickAsync();
            await weekly.Submit.ClickAsync();
            await Expect(weekly.Errors).ToContainTextAsync("受阻的事项请填写情况说明");
            await weekly.Choice(id, "受阻").ClickAsync();
            await weekly.Note(id).FillAsync("两户农机外出作业，下周回村后登记");
            await weekly.Submit.ClickAsync();
            await Expect(weekly.Message).ToContainTextAsync("已提交");
            await Expect(weekly.Item(id).Locator("input[type=radio][value=Blocked]")).ToBeCheckedAsync();
            await Expect(weekly.Note(id)).ToHaveValueAsync("两户农机外出作业，下周回村后登记");
            await SaveScreenshotAsync(page, "weekly-friday-report-phone");
        }, Phone(), "Village_reports_on_a_phone");

        await RunAsync(async page =>
        {
            var home = await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
            // The town's home lists the blocked item with the village's note.
            await Expect(home.Todo("weekly-blocked").Locator("[data-details]")).ToContainTextAsync($"闹坪村 · {title}：两户农机外出作业，下周回村后登记");
            var board = await new BoardPage(page).GotoAsync("闹坪");
            await Expect(board.Column(id)).ToContainTextAsync(title);
            await Expect(board.Cell(Naoping, id)).ToHaveAttributeAsync("data-status", "Blocked");
            await Expect(board.Cell(Naoping, id)).ToContainTextAsync("受阻");
            // The town reads why, and from whom: the village's note and the reporter's display name (not the account name).
            var reporter = (await (await ApiSession.SignInAsync(page, "village.naoping")).GetAsync("/api/v1/me")).GetProperty("displayName").GetString()!;
            reporter.ShouldNotBe("village.naoping");
            await Expect(board.Note(Naoping, id)).ToContainTextAsync("两户农机外出作业，下周回村后登记");
            await Expect(board.Reporter(Naoping, id)).ToContainTextAsync(reporter);
            await SaveScreenshotAsync(page, "weekly-board-town");
        }, testName: "Town_sees_the_report");
    }
}
