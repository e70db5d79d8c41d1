using System.Net;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>积分 pages: proposing on the ledger (one form), review by another member, the catalogue for the county and for a town.</summary>
public abstract class PointsPageTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Second = "village.naoping.c";

    private async Task<HttpClient> SecondAsync()
    {
        await using (var scope = f.SystemScope(out var db))
        {
            if (!await db.Users.AnyAsync(u => u.UserName == Second))
                await scope.ServiceProvider.GetRequiredService<DemoSeeder>().CreateAccountAsync(Second, CunzhiFactory.Password, Roles.VillageCadre, Demo.Naoping, "闹坪村委员");
        }
        return await f.PagesAs(Second);
    }

    private async Task<(long Id, string Name)> ProposeOnPageAsync(HttpClient village)
    {
        var household = await f.WithSystemDb(db => db.Households.Where(h => h.RegionCode == Demo.Naoping).OrderBy(h => h.Id).Select(h => new { h.Id, h.HeadName }).FirstAsync());
        var response = await CunzhiFactory.PostFormAsync(village, "/Points/Ledger", new()
        {
            ["Form.Holder"] = $"Household:{household.Id}", ["Form.ItemCode"] = "A02", ["Form.Note"] = "门前三包达标",
        }, "handler=Propose");
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        var id = await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.HolderId == household.Id && e.Note == "门前三包达标").OrderByDescending(e => e.Id).Select(e => e.Id).FirstAsync());
        return (id, household.HeadName);
    }

    [Fact]
    public async Task A_proposal_on_the_ledger_page_waits_in_the_review_list()
    {
        var village = await f.PagesAs("village.naoping");
        var (id, name) = await ProposeOnPageAsync(village);
        var doc = await CunzhiFactory.Html(await village.GetAsync("/Points/Ledger?tab=pending"));
        var row = doc.QuerySelector($"[data-entry='{id}']");
        row.ShouldNotBeNull();
        row.TextContent.ShouldContain(name);
        row.TextContent.ShouldContain("本人提出，须由村两委其他成员审核");
        row.QuerySelector("[data-testid=approve]").ShouldBeNull();
    }

    [Fact]
    public async Task Another_member_approves_on_the_ledger_page()
    {
        var (id, _) = await ProposeOnPageAsync(await f.PagesAs("village.naoping"));
        var second = await SecondAsync();
        var list = await CunzhiFactory.Html(await second.GetAsync("/Points/Ledger?tab=pending"));
        var action = list.QuerySelector($"[data-testid=approve][data-entry='{id}']")!.Closest("form")!.GetAttribute("action")!;
        var response = await CunzhiFactory.PostFormAsync(second, "/Points/Ledger?tab=pending", [], action);
        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        (await f.WithSystemDb(db => db.Set<PointsEntry>().Where(e => e.Id == id).Select(e => e.State).SingleAsync())).ShouldBe(PointsEntryState.Publicity);
        var doc = await CunzhiFactory.Html(await second.GetAsync("/Points/Ledger?tab=publicity"));
        doc.QuerySelector($"[data-entry='{id}']")!.TextContent.ShouldContain($"公示至 {China.Today.AddDays(PointsPolicy.DefaultPublicityDays - 1):yyyy-MM-dd}");
    }

    [Fact]
    public async Task The_county_edits_the_catalogue_a_town_reads()
    {
        var county = await CunzhiFactory.Html(await (await f.PagesAs("county.admin")).GetAsync("/Points/Rules"));
        county.QuerySelector("[data-testid=items]")!.TextContent.ShouldContain("参加村集体义务劳动");
        county.QuerySelector("[data-testid=rules-form]").ShouldNotBeNull();
        var town = await CunzhiFactory.Html(await (await f.PagesAs("town.sanxing")).GetAsync("/Points/Rules"));
        town.QuerySelector("[data-testid=items]")!.TextContent.ShouldContain("参加村集体义务劳动");
        town.QuerySelector("[data-testid=rules-form]").ShouldBeNull();
    }
}

public sealed class PointsPageTests_Sqlite(SqliteFactory f) : PointsPageTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PointsPageTests_Postgres(PostgresFactory f) : PointsPageTests<PostgresFactory>(f);
