using System.Net;
using Cunzhi.Web.Tests.Infrastructure;

namespace Cunzhi.Web.Tests;

/// <summary>
/// The reserve pool (names, birth dates) and household rosters (names, addresses, members' birth dates) beyond who may
/// call what (PermissionTests): a village cadre reads its own village only (region scope), and departments and the
/// coordination office are not shown the links (SPEC §1: a department sees its own task requests and what a task needs).
/// </summary>
public abstract class PersonalDataAccessTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory
{
    private const string Coord = "coord.office", Dept = "dept.agri", Town = "town.sanxing", Village = "village.naoping";
    private const string V = Demo.Naoping;

    [Fact]
    public async Task A_village_cadre_reads_personal_data_of_its_own_village_only()
    {
        var village = await f.ApiAs(Village);
        (await village.GetAsync($"/api/v1/regions/{Demo.Naoping}/households")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await village.GetAsync($"/api/v1/regions/{Demo.Dongxi}/households")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/households/{await f.FirstHouseholdAsync(Demo.Dongxi)}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/regions/{Demo.Dongxi}/households/export")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/reserves?code={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await village.GetAsync($"/api/v1/reserves/export?code={Demo.Dongxi}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Departments_and_the_coordination_office_see_no_household_or_reserve_links()
    {
        foreach (var who in new[] { Dept, Coord })
        {
            var client = await f.PagesAs(who);
            var home = await CunzhiFactory.Html(await client.GetAsync("/"));
            home.QuerySelector("a[href='/Reserves']").ShouldBeNull(who);
            var region = await CunzhiFactory.Html(await client.GetAsync($"/Regions?code={V}"));
            region.QuerySelector("a[href^='/Regions/Households']").ShouldBeNull(who);
        }
        var town = await CunzhiFactory.Html(await (await f.PagesAs(Town)).GetAsync($"/Regions?code={V}"));
        town.QuerySelector("a[href^='/Regions/Households']").ShouldNotBeNull();
    }
}

public sealed class PersonalDataAccessTests_Sqlite(SqliteFactory f) : PersonalDataAccessTests<SqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class PersonalDataAccessTests_Postgres(PostgresFactory f) : PersonalDataAccessTests<PostgresFactory>(f);
