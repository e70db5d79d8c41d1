using System.Globalization;
using System.Text.Json;
using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

/// <summary>
/// One report, not two, in the browser: a department sends a 一表通 form to 闹坪村 under a list item; the village cadre fills
/// and submits it on a phone, and that answers the form's item of this week's Monday list (已完成, with the time and the
/// cadre's display name); the village's home counts drop back and the town board shows the item reported.
/// </summary>
[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FormWeeklyCompletionTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    private const string Naoping = "360922106208";

    /// <summary>dept.agri designs a form with one typed number field and sends it to 闹坪村 under XZ-11 (admitted at once).</summary>
    private static async Task<(long Form, long Request)> PublishFormAsync(IPage page, string title, string label)
    {
        var dept = await ApiSession.SignInAsync(page, "dept.agri");
        var form = await dept.PostAsync("/api/v1/forms", new { title });
        var id = form.GetProperty("summary").GetProperty("id").GetInt64();
        await dept.PostAsync($"/api/v1/forms/{id}/fields", new { label, type = "Number", unit = "处", required = true });
        var published = await dept.PostAsync($"/api/v1/forms/{id}/publish",
            new { villages = new[] { Naoping }, dueDate = China.Today.AddDays(7).ToString("yyyy-MM-dd"), itemCode = "XZ-11" });
        published.GetProperty("summary").GetProperty("gateStatus").GetString().ShouldBe("Admitted");
        return (id, published.GetProperty("summary").GetProperty("taskRequestId").GetInt64());
    }

    /// <summary>A UTC time from the API (with or without its Z) as the app shows it: China time, MM-dd HH:mm.</summary>
    private static string ChinaTime(JsonElement utc)
    {
        var at = DateTime.Parse(utc.GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
        return TimeZoneInfo.ConvertTimeFromUtc(at, China.Zone).ToString("MM-dd HH:mm", CultureInfo.InvariantCulture);
    }

    [Fact]
    public async Task Village_submits_a_form_on_a_phone_and_its_weekly_item_is_reported_done()
    {
        var suffix = Guid.NewGuid().ToString("N")[..4];
        var title = $"火点巡查登记表{suffix}";
        long formId = 0, requestId = 0;
        string reporter = "";

        await RunAsync(async page =>
        {
            var home = await new LoginPage(page).SignInAsync("village.naoping", DemoPassword);
            var forms = long.Parse(await home.TodoCount("forms-fill").InnerTextAsync());
            var unreported = long.Parse(await home.TodoCount("weekly-report").InnerTextAsync());
            reporter = (await (await ApiSession.SignInAsync(page, "village.naoping")).GetAsync("/api/v1/me")).GetProperty("displayName").GetString()!;
            reporter.ShouldNotBe("village.naoping");

            (formId, requestId) = await PublishFormAsync(page, title, "本周发现火点数");

            // The new form waits on the home twice: a form to fill and an item of this week's list.
            await page.ReloadAsync();
            await Expect(home.TodoCount("forms-fill")).ToHaveTextAsync((forms + 1).ToString());
            await Expect(home.TodoCount("weekly-report")).ToHaveTextAsync((unreported + 1).ToString());

            await home.Todo("forms-fill").FollowAsync();
            var fill = new FormFillPage(page);
            await fill.InboxItem(formId).FollowAsync();
            await fill.Input("本周发现火点数").FillAsync("3");
            await fill.Submit.ClickAsync();
            await Expect(fill.Status).ToHaveTextAsync("已提交");

            // This week's list: the form's item is answered 已完成, stamped with the time and the cadre's name.
            var village = await ApiSession.SignInAsync(page, "village.naoping");
            var item = (await village.GetAsync("/api/v1/tasks/weekly?pageSize=200")).GetProperty("items").GetProperty("items").EnumerateArray()
                .Single(i => i.GetProperty("taskRequestId").GetInt64() == requestId);
            item.GetProperty("status").GetString().ShouldBe("Done");
            var at = ChinaTime(item.GetProperty("reportedAtUtc"));
            await page.GotoAsync("/Tasks/Weekly");
            var weekly = new WeeklyPage(page);
            await Expect(weekly.Item(requestId)).ToContainTextAsync(title);
            await Expect(weekly.Submitted(requestId)).ToContainTextAsync("已完成");
            await Expect(weekly.Submitted(requestId)).ToContainTextAsync($"已提交 · {at} · {reporter}");
            await Expect(weekly.Status(requestId, "Done")).ToBeCheckedAsync();
            await SaveScreenshotAsync(page, "form-weekly-done-phone");

            // Both to-dos are off the home again.
            await page.GotoAsync("/");
            await Expect(home.TodoCount("forms-fill")).ToHaveTextAsync(forms.ToString());
            await Expect(home.TodoCount("weekly-report")).ToHaveTextAsync(unreported.ToString());
        }, Phone(), "Village_fills_the_form_and_sees_the_week_item_done");

        await RunAsync(async page =>
        {
            await new LoginPage(page).SignInAsync("town.sanxing", DemoPassword);
            var board = await new BoardPage(page).GotoAsync("闹坪");
            await Expect(board.Column(requestId)).ToContainTextAsync(title);
            await Expect(board.Cell(Naoping, requestId)).ToHaveAttributeAsync("data-status", "Done");
            await Expect(board.Cell(Naoping, requestId)).ToContainTextAsync("已完成");
        }, testName: "Town_board_shows_the_item_reported");
    }
}
