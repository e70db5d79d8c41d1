using System.Net.Http.Json;
using System.Text.Json;
using Cunzhi.E2E.Infrastructure;
using Cunzhi.E2E.Pages;

namespace Cunzhi.E2E.Tests;

[Collection(BrowserCollection.Name)]
[Trait("Category", "Browser")]
public sealed class FormFillTests(BrowserFixture fixture, ITestOutputHelper output) : BrowserTest(fixture, output)
{
    // The app's address, read at construction (the collection fixture has started it by then).
    private readonly Uri _app = fixture.BaseAddress;

    /// <summary>A department designs a form with one bound and two typed fields and sends it under a list item (admitted at once).</summary>
    private async Task<long> PublishFormAsync(string title)
    {
        using var api = new HttpClient { BaseAddress = _app };
        var token = await (await api.PostAsJsonAsync("/api/v1/auth/token", new { userName = "dept.agri", password = DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        api.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var form = await (await api.PostAsJsonAsync("/api/v1/forms", new { title })).Content.ReadFromJsonAsync<JsonElement>();
        var id = form.GetProperty("summary").GetProperty("id").GetInt64();
        foreach (var field in new object[]
                 {
                     new { label = "户数", type = "Number", binding = "households.count", required = true },
                     new { label = "秸秆还田面积", type = "Number", unit = "亩", required = true },
                     new { label = "是否设立禁烧点", type = "Choice", choices = new[] { "是", "否" }, required = true },
                 })
            (await api.PostAsJsonAsync($"/api/v1/forms/{id}/fields", field)).EnsureSuccessStatusCode();
        var due = China.Today.AddDays(7).ToString("yyyy-MM-dd");
        (await api.PostAsJsonAsync($"/api/v1/forms/{id}/publish", new { villages = new[] { "360922106208" }, dueDate = due, itemCode = "XZ-11" })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public Task Village_cadre_fills_a_form_on_a_phone_typing_only_what_the_platform_lacks() => RunAsync(async page =>
    {
        var id = await PublishFormAsync("秸秆综合利用情况表");
        await new LoginPage(page).SignInAsync("village.naoping", DemoPassword);
        var forms = await new FormFillPage(page).GotoInboxAsync();
        await forms.InboxItem(id).FollowAsync();

        await Expect(forms.Spared).ToContainTextAsync("平台自动填写 1 项，需要填写 2 项");
        await Expect(forms.Input("户数")).ToHaveAttributeAsync("readonly", "");
        await Expect(forms.Field("户数")).ToContainTextAsync("自动填写：来自农户台账");
        (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"))
            .ShouldBeTrue("the form should not scroll sideways on a phone");
        await SaveScreenshotAsync(page, "form-fill-phone");

        await forms.Input("秸秆还田面积").FillAsync("三百");
        await forms.Submit.ClickAsync();
        await Expect(forms.Errors).ToContainTextAsync("“秸秆还田面积”须填写数字");
        await Expect(forms.Errors).ToContainTextAsync("请填写“是否设立禁烧点”");

        await forms.Input("秸秆还田面积").FillAsync("320.5");
        await forms.Input("是否设立禁烧点").SelectOptionAsync("是");
        await forms.Submit.ClickAsync();
        await Expect(forms.Status).ToHaveTextAsync("已提交");
        await Expect(forms.Field("秸秆还田面积")).ToContainTextAsync("320.5");
        await Expect(forms.Submit).ToHaveCountAsync(0);
    }, Phone());
}
