using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Visits;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The demo's 诉求 (<see cref="MattersDemo"/>, with the activity): every state and level, a 下沉议事 decision, and visits whose count is their linked matters.</summary>
public abstract class MattersDemoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory, IActivityFactory, new()
{
    [Fact]
    public async Task The_demo_has_matters_in_every_state()
    {
        var states = await f.WithSystemDb(db => db.Set<Matter>().Where(m => m.RegionCode.StartsWith(Demo.Sanxing.Substring(0, 9))).Select(m => m.State).Distinct().ToListAsync());
        states.Order().ShouldBe(Enum.GetValues<MatterState>());
    }

    [Fact]
    public async Task The_demo_has_matters_escalated_to_the_town_and_to_the_county()
    {
        var levels = await f.WithSystemDb(db => db.Set<Matter>().Where(m => m.RegionCode.StartsWith(Demo.Sanxing.Substring(0, 9))).Select(m => m.Level).Distinct().ToListAsync());
        levels.Order().ShouldBe([MatterLevel.Village, MatterLevel.Town, MatterLevel.County]);
    }

    [Fact]
    public async Task The_demo_has_a_reopened_matter()
    {
        (await f.WithSystemDb(db => db.Set<MatterEvent>().CountAsync(e => e.Kind == MatterEventKind.Reopened && e.RegionCode.StartsWith(Demo.Sanxing.Substring(0, 9)))))
            .ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_demo_has_a_matter_decided_in_a_meeting()
    {
        var decided = await f.WithSystemDb(db => db.Set<MatterMeetingItem>().Where(i => i.Decision != null)
            .Select(i => db.Set<MatterEvent>().Any(e => e.MatterId == i.MatterId && e.MeetingId == i.MeetingId && e.Kind == MatterEventKind.MeetingDecision)).ToListAsync());
        decided.ShouldNotBeEmpty();
        decided.ShouldAllBe(linked => linked);
    }

    [Fact]
    public async Task Each_demo_visit_counts_its_linked_matters()
    {
        var visits = await f.WithSystemDb(db => db.Set<VisitRecord>()
            .Select(v => new { v.MattersRaised, Linked = db.Set<Matter>().Count(m => m.VisitId == v.Id) }).ToListAsync());
        visits.ShouldContain(v => v.Linked > 0);
        visits.ShouldAllBe(v => v.MattersRaised == v.Linked);
    }
}

public sealed class MattersDemoTests_Sqlite(ActivitySqliteFactory f) : MattersDemoTests<ActivitySqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class MattersDemoTests_Postgres(ActivityPostgresFactory f) : MattersDemoTests<ActivityPostgresFactory>(f);
