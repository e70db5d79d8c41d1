using System.Net;
using Cunzhi.Data;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// /Matters/Settings through its forms: the 办理时限 draft (save, publish, discard), the reopen window; good input saves,
/// bad input answers on the page in Chinese with nothing written, a stale draft version gives the conflict message, and a
/// village account may not post.
/// </summary>
public abstract class MatterSettingsPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Url = "/Matters/Settings";

    /// <summary>
    /// Every kind × level at <paramref name="days"/> working days, the due-soon warning, and an effective date
    /// <paramref name="effectiveIn"/> days after the latest published version's (or today), as a new version must start later.
    /// </summary>
    private async Task<Dictionary<string, string>> Draft(int days, int dueSoon = 2, int effectiveIn = 30)
    {
        var latest = await f.WithSystemDb(db => db.Set<SlaPolicy>().AsNoTracking().Where(p => p.CountyCode == Demo.County && p.IsPublished)
            .Select(p => (DateOnly?)p.EffectiveFrom).MaxAsync());
        var from = latest is { } last && last > China.Today ? last : China.Today;
        var fields = new Dictionary<string, string>
        {
            ["EffectiveFrom"] = from.AddDays(effectiveIn).ToString("yyyy-MM-dd"), ["DueSoonDays"] = dueSoon.ToString(),
        };
        foreach (var k in SlaPolicy.Kinds)
            foreach (var l in SlaPolicy.Levels)
                fields[$"Days[{k}-{l}]"] = days.ToString();
        return fields;
    }

    private Task<List<SlaPolicy>> DraftsAsync() =>
        f.WithSystemDb(db => db.Set<SlaPolicy>().AsNoTracking().Where(p => p.CountyCode == Demo.County && !p.IsPublished).ToListAsync());

    private Task<int> ReopenDaysAsync() => f.WithSystemDb(async db =>
        await db.Set<MatterSettings>().Where(s => s.CountyCode == Demo.County).Select(s => (int?)s.ReopenDays).FirstOrDefaultAsync() ?? MatterSettings.DefaultReopenDays);

    private static async Task<string> Errors(HttpResponseMessage res)
    {
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        return (await CunzhiFactory.Html(res)).QuerySelector("[data-testid=errors]")?.TextContent ?? "";
    }

    private static async Task<string> FollowedMessage(HttpClient client, HttpResponseMessage res)
    {
        res.StatusCode.ShouldBe(HttpStatusCode.Redirect, await res.Content.ReadAsStringAsync());
        return (await CunzhiFactory.Html(await client.GetAsync(res.Headers.Location!.ToString()))).QuerySelector("[data-testid=message]")!.TextContent;
    }

    private async Task<HttpClient> CountyWithoutDraftAsync()
    {
        var county = await f.PagesAs("county.admin");
        if ((await DraftsAsync()).Count > 0) (await CunzhiFactory.PostFormAsync(county, Url, [], "handler=Discard")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        return county;
    }

    [Fact]
    public async Task Saving_a_draft_keeps_the_days_entered()
    {
        var county = await CountyWithoutDraftAsync();
        (await FollowedMessage(county, await CunzhiFactory.PostFormAsync(county, Url, await Draft(7), "handler=Save"))).ShouldContain("办理时限草稿已保存");
        var draft = (await DraftsAsync()).ShouldHaveSingleItem();
        (draft.ProblemTownDays, draft.PlanCountyDays).ShouldBe((7, 7));
    }

    [Fact]
    public async Task A_draft_with_zero_days_is_refused_in_chinese_with_nothing_written()
    {
        var county = await CountyWithoutDraftAsync();
        var fields = await Draft(7);
        fields[$"Days[{MatterKind.MicroMatter}-{MatterLevel.Town}]"] = "0";
        (await Errors(await CunzhiFactory.PostFormAsync(county, Url, fields, "handler=Save"))).ShouldContain("微实事（乡镇）的办理时限须为 1 至 365 个工作日");
        (await DraftsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_stale_draft_version_gives_the_conflict_message()
    {
        var county = await CountyWithoutDraftAsync();
        var fields = await Draft(8);
        (await CunzhiFactory.PostFormAsync(county, Url, fields, "handler=Save")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        fields["DueSoonDays"] = "5";
        fields["RowVersion"] = "0";
        (await Errors(await CunzhiFactory.PostFormAsync(county, Url, fields, "handler=Save"))).ShouldContain(ConcurrencyVersions.StaleMessage);
        (await DraftsAsync()).ShouldHaveSingleItem().DueSoonDays.ShouldBe(2);
    }

    [Fact]
    public async Task Publishing_the_draft_puts_it_in_force()
    {
        var county = await CountyWithoutDraftAsync();
        (await CunzhiFactory.PostFormAsync(county, Url, await Draft(9), "handler=Save")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = (await DraftsAsync()).Single().Id;
        (await FollowedMessage(county, await CunzhiFactory.PostFormAsync(county, Url, [], "handler=Publish"))).ShouldContain("办理时限已发布");
        (await f.WithSystemDb(db => db.Set<SlaPolicy>().Where(p => p.Id == id).Select(p => p.IsPublished).FirstAsync())).ShouldBeTrue();
    }

    [Fact]
    public async Task Discarding_the_draft_removes_it()
    {
        var county = await CountyWithoutDraftAsync();
        (await CunzhiFactory.PostFormAsync(county, Url, await Draft(6), "handler=Save")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FollowedMessage(county, await CunzhiFactory.PostFormAsync(county, Url, [], "handler=Discard"))).ShouldContain("草稿已放弃");
        (await DraftsAsync()).ShouldBeEmpty();
    }

    [Fact]
    public async Task Saving_the_reopen_window_keeps_the_days()
    {
        var county = await f.PagesAs("county.admin");
        var days = await ReopenDaysAsync() == 45 ? 46 : 45;
        (await FollowedMessage(county, await CunzhiFactory.PostFormAsync(county, Url, new() { ["ReopenDays"] = days.ToString() }, "handler=Reopen")))
            .ShouldContain($"群众确认后 {days} 天内可要求重新办理");
        (await ReopenDaysAsync()).ShouldBe(days);
    }

    [Fact]
    public async Task A_reopen_window_of_zero_days_is_refused_in_chinese_with_nothing_written()
    {
        var county = await f.PagesAs("county.admin");
        var before = await ReopenDaysAsync();
        (await Errors(await CunzhiFactory.PostFormAsync(county, Url, new() { ["ReopenDays"] = "0" }, "handler=Reopen")))
            .ShouldContain("确认后可要求重新办理的天数应为 1 至 365");
        (await ReopenDaysAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_village_account_may_not_post_the_settings()
    {
        var village = await f.PagesAs("village.naoping");
        var page = await CunzhiFactory.Html(await village.GetAsync(Url));
        page.QuerySelector("main form[action*='handler=Reopen']").ShouldBeNull();
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var before = await ReopenDaysAsync();
        var res = await village.PostAsync($"{Url}?handler=Reopen", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["ReopenDays"] = "99", ["ReopenVersion"] = "0", ["__RequestVerificationToken"] = token,
        }));
        (res.StatusCode == HttpStatusCode.Forbidden || res.Headers.Location?.ToString().Contains("AccessDenied") == true).ShouldBeTrue(res.StatusCode.ToString());
        (await ReopenDaysAsync()).ShouldBe(before);
    }
}

public sealed class MatterSettingsPageTests_Sqlite(SqliteFactory f) : MatterSettingsPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterSettingsPageTests_Postgres(PostgresFactory f) : MatterSettingsPageTests<PostgresFactory>(f);
