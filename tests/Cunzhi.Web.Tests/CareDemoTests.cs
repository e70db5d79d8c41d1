using System.Net.Http.Json;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Web.Features.Ranks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Cunzhi.Web.Tests;

/// <summary>The demo's 关爱 (<see cref="CareDemo"/>, with the activity): an expiring policy on the home, health checks, honours, a nomination and a career move.</summary>
public abstract class CareDemoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory, IActivityFactory, new()
{
    private static readonly string Sanxing = Demo.Sanxing[..9];

    [Theory]
    [InlineData("county.admin")]
    [InlineData("town.sanxing")]
    public async Task The_demo_home_counts_a_policy_ending_within_30_days(string account)
    {
        var response = await (await f.PagesAs(account)).GetAsync("/");
        response.StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        var html = await CunzhiFactory.Html(response);
        var count = html.QuerySelector("a[data-todo='insurance-expiring'] [data-count]");
        count.ShouldNotBeNull($"首页应列出「保险 30 天内到期」，实际页面：{html.Title} {response.RequestMessage?.RequestUri}");
        long.Parse(count.TextContent.Trim()).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Most_cadres_in_office_of_the_demo_town_had_this_years_health_check()
    {
        var year = f.Services.GetRequiredService<TimeProvider>().Today().Year;
        var counts = await f.WithSystemDb(async db => new
        {
            InOffice = await db.Cadres.CountAsync(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(Sanxing)),
            Checked = await db.Set<HealthCheck>().CountAsync(h => h.Year == year && h.RegionCode.StartsWith(Sanxing)),
        });
        counts.Checked.ShouldBeGreaterThan(counts.InOffice / 2);
    }

    [Fact]
    public async Task The_demo_village_secretary_has_two_honours()
    {
        var honours = await f.WithSystemDb(db => db.Set<Honour>().Where(h => h.RegionCode == Demo.Naoping).ToListAsync());
        honours.Count.ShouldBe(2);
    }

    [Fact]
    public async Task The_demo_honour_of_this_year_gives_eligibility_points()
    {
        var cadre = await f.WithSystemDb(db => db.Set<Honour>().Where(h => h.RegionCode == Demo.Naoping && h.ConductRecordId != null)
            .OrderByDescending(h => h.Date).Select(h => h.CadreId).FirstAsync());
        var row = (await (await f.ApiAs("county.admin")).GetFromJsonAsync<EligibilityRow>($"/api/v1/ranks/eligibility/{cadre}", CunzhiFactory.Json))!;
        row.Result.Points.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_demo_has_one_nomination()
    {
        (await f.WithSystemDb(db => db.Set<Nomination>().CountAsync(n => n.RegionCode.StartsWith(Sanxing)))).ShouldBe(1);
    }

    [Fact]
    public async Task The_demo_career_move_made_a_professional_secretary()
    {
        var moved = await f.WithSystemDb(db => db.Set<CareerMove>().Where(m => m.RegionCode.StartsWith(Sanxing))
            .Select(m => db.Cadres.Where(c => c.Id == m.CadreId).Select(c => c.IsProfessionalSecretary).First()).ToListAsync());
        moved.ShouldBe([true]);
    }
}

public sealed class CareDemoTests_Sqlite(ActivitySqliteFactory f) : CareDemoTests<ActivitySqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class CareDemoTests_Postgres(ActivityPostgresFactory f) : CareDemoTests<ActivityPostgresFactory>(f);
