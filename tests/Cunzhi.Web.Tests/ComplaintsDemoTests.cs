using Cunzhi.Domain.Complaints;
using Cunzhi.Domain.Ranks;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The demo's 信访举报 (<see cref="ComplaintsDemo"/>, with the activity): every state, and one 查实 against a 三兴镇 cadre with its conduct record.</summary>
public abstract class ComplaintsDemoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory, IActivityFactory, new()
{
    private static readonly string Town = Demo.Sanxing[..9];

    [Fact]
    public async Task The_demo_has_complaints_in_every_state()
    {
        var states = await f.WithSystemDb(db => db.Set<Complaint>().Where(c => c.RegionCode.StartsWith(Town)).Select(c => c.State).Distinct().ToListAsync());
        states.Order().ShouldBe(Enum.GetValues<ComplaintState>());
    }

    [Fact]
    public async Task The_demos_verified_complaint_carries_a_conduct_record_against_a_town_cadre()
    {
        var verified = await f.WithSystemDb(db => db.Set<Complaint>().Where(c => c.RegionCode.StartsWith(Town) && c.Outcome == ComplaintOutcome.Verified)
            .Select(c => new { c.CadreId, Record = db.Set<ConductRecord>().Where(r => r.Id == c.ConductRecordId).Select(r => new { r.CadreId, r.Kind }).FirstOrDefault() })
            .SingleAsync());
        verified.Record.ShouldNotBeNull();
        verified.Record.Kind.ShouldBe(ConductKind.Complaint);
        verified.Record.CadreId.ShouldBe(verified.CadreId!.Value);
    }
}

public sealed class ComplaintsDemoTests_Sqlite(ActivitySqliteFactory f) : ComplaintsDemoTests<ActivitySqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class ComplaintsDemoTests_Postgres(ActivityPostgresFactory f) : ComplaintsDemoTests<ActivityPostgresFactory>(f);
