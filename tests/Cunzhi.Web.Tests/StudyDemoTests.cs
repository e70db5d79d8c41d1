using Cunzhi.Domain.Care;
using Cunzhi.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Tests;

/// <summary>The activity demo's 学历提升 and 困难帮扶 (<c>StudyDemo</c>): every programme state, a claim within the cap, both assistance outcomes.</summary>
public abstract class StudyDemoTests<TFactory>(TFactory f) : IClassFixture<TFactory> where TFactory : CunzhiFactory, IActivityFactory, new()
{
    private static readonly string Town = Demo.Sanxing[..9];

    [Fact]
    public async Task The_demo_has_programmes_in_every_state()
    {
        var states = await f.WithSystemDb(db => db.Set<DegreeProgramme>().Where(p => p.RegionCode.StartsWith(Town)).Select(p => p.Status).Distinct().ToListAsync());
        states.Order().ShouldBe(Enum.GetValues<DegreeStatus>());
    }

    [Fact]
    public async Task The_demo_graduate_has_at_least_the_level_graduated_at()
    {
        var rows = await f.WithSystemDb(db => db.Set<DegreeProgramme>().Where(p => p.RegionCode.StartsWith(Town) && p.Status == DegreeStatus.Graduated)
            .Select(p => new { p.LevelCode, Education = db.Cadres.Where(c => c.Id == p.CadreId).Select(c => c.EducationCode).First() }).ToListAsync());
        rows.ShouldNotBeEmpty();
        rows.ShouldAllBe(r => DegreeRules.Rank(r.Education) >= DegreeRules.Rank(r.LevelCode));
    }

    [Fact]
    public async Task The_demo_yearly_totals_equal_the_approved_claims()
    {
        var totals = await f.WithSystemDb(db => db.Set<DegreeAllowance>().Where(a => a.RegionCode.StartsWith(Town))
            .Select(a => new { a.ReimbursedFen, Claims = db.Set<TuitionClaim>().Where(c => c.CadreId == a.CadreId && c.Year == a.Year && c.Status == ClaimStatus.Approved).Sum(c => c.ReimbursedFen ?? 0) })
            .ToListAsync());
        totals.ShouldNotBeEmpty();
        totals.ShouldAllBe(t => t.ReimbursedFen == t.Claims && t.ReimbursedFen > 0);
    }

    [Fact]
    public async Task The_demo_has_assistance_waiting_and_approved()
    {
        var states = await f.WithSystemDb(db => db.Set<HardshipAssistance>().Where(a => a.RegionCode.StartsWith(Town)).Select(a => a.Status).Distinct().ToListAsync());
        states.Order().ShouldBe([AssistanceStatus.Recommended, AssistanceStatus.Approved]);
    }
}

public sealed class StudyDemoTests_Sqlite(ActivitySqliteFactory f) : StudyDemoTests<ActivitySqliteFactory>(f);

[Trait("Category", "Postgres")]
public sealed class StudyDemoTests_Postgres(ActivityPostgresFactory f) : StudyDemoTests<ActivityPostgresFactory>(f);
