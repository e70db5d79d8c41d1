using System.Net;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The demo's 小微权力 (<see cref="PowersDemo"/>, with the activity): the default list published, 闹坪村's three exercises, the home's overdue count and the public page.</summary>
public abstract class PowersDemoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory, IActivityFactory, new()
{
    [Fact]
    public async Task The_demo_county_has_the_default_list_published()
    {
        var items = await f.WithSystemDb(db => db.Set<PowerListPolicy>().Where(p => p.CountyCode == Demo.County && p.IsPublished).Select(p => p.Items).SingleAsync());
        items.Count.ShouldBe(PowerCatalogue.Default().Count);
    }

    [Theory]
    [InlineData(PowerExerciseState.Done, 1)]
    [InlineData(PowerExerciseState.InProgress, 2)]
    public async Task The_demo_village_has_its_exercises(PowerExerciseState state, int count) =>
        (await f.WithSystemDb(db => db.Set<PowerExercise>().CountAsync(e => e.RegionCode == Demo.Naoping && e.State == state))).ShouldBe(count);

    [Theory]
    [InlineData("village.naoping")]
    [InlineData("town.sanxing")]
    public async Task The_demo_home_counts_an_overdue_exercise(string account)
    {
        var response = await (await f.PagesAs(account)).GetAsync("/");
        var html = await CunzhiFactory.Html(response);
        var count = html.QuerySelector("a[data-todo='powers-overdue'] [data-count]");
        count.ShouldNotBeNull($"首页应列出权力运行逾期，实际页面：{html.Title}");
        long.Parse(count.TextContent.Trim(), System.Globalization.CultureInfo.InvariantCulture).ShouldBe(1);
    }

    [Fact]
    public async Task The_demo_public_page_masks_the_mobile_number_in_a_decision()
    {
        var response = await f.Anonymous().GetAsync($"/Gongkai/{Demo.Naoping}/Quanli");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        var html = await response.Content.ReadAsStringAsync();
        html.ShouldNotContain("13807951234");
        html.ShouldContain("138****1234");
    }
}

public sealed class PowersDemoTests_Sqlite(ActivitySqliteFactory f) : PowersDemoTests<ActivitySqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PowersDemoTests_Postgres(ActivityPostgresFactory f) : PowersDemoTests<ActivityPostgresFactory>(f);
