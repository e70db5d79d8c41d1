using System.Net;
using System.Net.Http.Json;
using Cunzhi.Domain.Matters;
using Cunzhi.Web.Features.Matters;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>
/// 到期提醒 (/Matters/Reminders): only the reminders addressed to the account's own region, newest first, paged, filtered by
/// 临期/逾期, each row opening its matter, and the link in the 诉求 menu.
/// </summary>
public abstract class MatterRemindersPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private async Task<long> RegisterAsync(string title)
    {
        var r = await (await f.ApiAs("village.naoping")).PostAsJsonAsync("/api/v1/matters", new { kind = "MicroMatter", source = "Phone", title });
        r.StatusCode.ShouldBe(HttpStatusCode.Created, await r.Content.ReadAsStringAsync());
        return (await r.Content.ReadFromJsonAsync<MatterRegistered>(CunzhiFactory.Json))!.Matter.Id;
    }

    /// <summary>Adds a reminder about <paramref name="matter"/> to <paramref name="region"/> for the day <paramref name="daysAgo"/> days back; returns its id.</summary>
    private Task<long> RemindAsync(long matter, string region, MatterReminderKind kind, int daysAgo = 0) => f.WithSystemDb(async db =>
    {
        var r = new MatterReminder
        {
            MatterId = matter, RegionCode = region, Kind = kind, On = China.Today.AddDays(-daysAgo), DueOn = China.Today.AddDays(-daysAgo),
            Title = $"提醒 {matter}-{region}-{daysAgo}", Body = "请及时办理", CreatedAtUtc = DateTime.UtcNow,
        };
        db.Add(r);
        await db.SaveChangesAsync();
        return r.Id;
    });

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> PageAsync(string user, string query = "")
    {
        var res = await (await f.PagesAs(user)).GetAsync("/Matters/Reminders" + query);
        res.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await CunzhiFactory.Html(res);
    }

    private static List<long> Shown(AngleSharp.Html.Dom.IHtmlDocument page) =>
        page.QuerySelectorAll("[data-reminder]").Select(a => long.Parse(a.GetAttribute("data-reminder")!)).ToList();

    [Fact]
    public async Task A_town_sees_the_reminders_addressed_to_it()
    {
        var m = await RegisterAsync("村道塌方");
        var own = await RemindAsync(m, Demo.Sanxing, MatterReminderKind.Overdue, 1);
        Shown(await PageAsync("town.sanxing", "")).ShouldContain(own);
    }

    [Fact]
    public async Task Another_towns_reminders_are_not_shown()
    {
        var m = await RegisterAsync("水井污染");
        var other = await RemindAsync(m, Demo.Efeng, MatterReminderKind.Overdue, 2);
        var shown = Shown(await PageAsync("town.sanxing"));
        shown.ShouldNotContain(other);
        Shown(await PageAsync("town.efeng")).ShouldContain(other);
    }

    [Fact]
    public async Task A_village_reminder_is_not_shown_to_its_town()
    {
        var m = await RegisterAsync("垃圾清运");
        var village = await RemindAsync(m, Demo.Naoping, MatterReminderKind.DueSoon, 3);
        Shown(await PageAsync("town.sanxing")).ShouldNotContain(village);
        Shown(await PageAsync("village.naoping")).ShouldContain(village);
    }

    [Fact]
    public async Task The_list_is_paged_newest_first()
    {
        var m = await RegisterAsync("路灯维修");
        for (var i = 0; i < 25; i++) await RemindAsync(m, Demo.Sanxing, MatterReminderKind.DueSoon, 200 + i);
        var expected = await f.WithSystemDb(db => db.Set<MatterReminder>().Where(r => r.RegionCode == Demo.Sanxing)
            .OrderByDescending(r => r.On).ThenByDescending(r => r.Id).Select(r => r.Id).Take(40).ToListAsync());
        Shown(await PageAsync("town.sanxing")).ShouldBe(expected.Take(20).ToList());
        Shown(await PageAsync("town.sanxing", "?page=2")).ShouldBe(expected.Skip(20).ToList());
    }

    [Fact]
    public async Task The_overdue_filter_shows_only_overdue_reminders()
    {
        var m = await RegisterAsync("河堤加固");
        var soon = await RemindAsync(m, Demo.Sanxing, MatterReminderKind.DueSoon, 4);
        var late = await RemindAsync(m, Demo.Sanxing, MatterReminderKind.Overdue, 5);
        var shown = Shown(await PageAsync("town.sanxing", "?kind=Overdue"));
        shown.ShouldContain(late);
        shown.ShouldNotContain(soon);
    }

    [Fact]
    public async Task Each_row_links_to_its_matter()
    {
        var m = await RegisterAsync("桥梁护栏");
        var id = await RemindAsync(m, Demo.Sanxing, MatterReminderKind.Overdue, 0);
        var client = await f.PagesAs("town.sanxing");
        var page = await CunzhiFactory.Html(await client.GetAsync("/Matters/Reminders"));
        var href = page.QuerySelector($"[data-reminder='{id}']")!.GetAttribute("href")!;
        href.ShouldBe($"/Matters/{m}");
        var matter = await client.GetAsync(href);
        matter.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await matter.Content.ReadAsStringAsync()).ShouldContain("桥梁护栏");
    }

    [Fact]
    public async Task The_matters_menu_links_to_the_reminders()
    {
        var home = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/"));
        home.QuerySelectorAll("nav a[href='/Matters/Reminders']").Length.ShouldBe(1);
    }
}

public sealed class MatterRemindersPageTests_Sqlite(SqliteFactory f) : MatterRemindersPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MatterRemindersPageTests_Postgres(PostgresFactory f) : MatterRemindersPageTests<PostgresFactory>(f);
