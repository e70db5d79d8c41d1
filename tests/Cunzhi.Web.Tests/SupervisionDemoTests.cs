using System.Net.Http.Json;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features;
using Cunzhi.Web.Features.Home;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The activity demo's 审计 and 巡察 (<c>SupervisionDemo</c>): a departure audit with a finding, a tour of 三兴镇 with every state, one overdue.</summary>
public abstract class SupervisionDemoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory, IActivityFactory, new()
{
    private static readonly string Town = Demo.Sanxing[..9];

    [Fact]
    public async Task The_demo_tour_has_findings_in_every_state()
    {
        var states = await f.WithSystemDb(db => db.Set<SupervisionFinding>().Where(x => x.TourId != null && x.RegionCode.StartsWith(Town)).Select(x => x.State).Distinct().ToListAsync());
        states.Order().ShouldBe(Enum.GetValues<FindingState>());
    }

    [Fact]
    public async Task The_demo_audit_has_a_finding_against_the_audited_cadre()
    {
        var rows = await f.WithSystemDb(db => db.Set<EconomicAudit>().Where(a => a.RegionCode.StartsWith(Town))
            .Select(a => db.Set<SupervisionFinding>().Count(x => x.AuditId == a.Id && x.CadreId == a.CadreId)).ToListAsync());
        rows.ShouldBe([1]);
    }

    [Fact]
    public async Task The_demo_village_home_shows_its_overdue_finding()
    {
        var todos = await (await f.ApiAs("village.naoping")).GetFromJsonAsync<TodoList>("/api/v1/me/todos", CunzhiFactory.Json);
        todos!.Items.Single(i => i.Key == "findings-overdue").Count.ShouldBe(1);
    }
}

public sealed class SupervisionDemoTests_Sqlite(ActivitySqliteFactory f) : SupervisionDemoTests<ActivitySqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class SupervisionDemoTests_Postgres(ActivityPostgresFactory f) : SupervisionDemoTests<ActivityPostgresFactory>(f);
