using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// The rank ladder for the demo county: the default 晋升办法 published as version 1 in force from 2024-01-01
/// (<see cref="RankPolicy"/> documents its numbers), and an initial grading (定级) of every in-office cadre at the rank the
/// registry holds, effective 2024-01-01 or, for cadres who took office later, the first of the month after they did (a
/// rank always takes effect on the first of a month). Bulk-written with one summary audit entry. Does nothing when the
/// county already has a policy.
/// </summary>
public sealed class RankDemo(AppDbContext db)
{
    public static readonly DateOnly LadderStart = new(2024, 1, 1);

    public async Task SeedAsync(string county, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<RankPolicy>().AnyAsync(p => p.CountyCode == county, ct) || !await db.Regions.AnyAsync(r => r.Code == county, ct)) return;
        var at = DateTime.SpecifyKind(LadderStart.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        db.Add(RankPolicy.Default(county, LadderStart, "demo", at));
        await db.SaveChangesAsync(ct);

        var prefix = RegionCodes.ScopePrefix(county);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.RegionCode, c.Rank, c.StartDate }).ToListAsync(ct);
        var initial = await new BulkWriter(db).WriteAsync(typeof(RankChange), cadres,
            [nameof(RankChange.CadreId), nameof(RankChange.RegionCode), nameof(RankChange.FromRank), nameof(RankChange.ToRank), nameof(RankChange.EffectiveFrom),
             nameof(RankChange.Kind), nameof(RankChange.Reason), nameof(RankChange.DecidedBy), nameof(RankChange.DecidedAtUtc)],
            c => [c.Id, c.RegionCode, c.Rank, c.Rank, Start(c.StartDate), (int)RankChangeKind.Initial, "职级管理试点定级", "demo", at], ct);
        db.RecordEvent(AuditActions.Seed, "RankDemo", county, county, JsonSerializer.Serialize(new { policyVersion = 1, initial }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Activity demo: a town proposes demoting one serving cadre (rank above 13) whose approved rating of last year was
    /// 不称职 — the ground <c>PromotionHandlers.ProposeDemotionAsync</c> checks — filed last week, waiting for the county.
    /// Returns how many proposals it made (0 or 1).
    /// </summary>
    public async Task<int> SeedProposalAsync(string county, DateOnly today, TimeProvider clock, CancellationToken ct = default)
    {
        db.User.AsSystem();
        var prefix = RegionCodes.ScopePrefix(county);
        var year = today.Year - 1;
        var incompetent = db.Set<Domain.Assessment.AnnualReview>()
            .Where(r => r.Year == year && r.State == Domain.Assessment.AnnualState.Approved && r.Rating == Domain.Assessment.Rating.Incompetent).Select(r => r.CadreId);
        var cadre = await db.Cadres.AsNoTracking()
            .Where(c => c.Status == CadreStatus.InOffice && c.Rank < RankHistory.EntryRank && c.RegionCode.StartsWith(prefix) && incompetent.Contains(c.Id))
            .OrderBy(c => c.RegionCode.StartsWith(RegionCodes.ScopePrefix(PayDemo.DemoTown)) ? 0 : 1).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.RegionCode, c.Name, c.Rank }).FirstOrDefaultAsync(ct);
        if (cadre is null || await db.Set<RankProposal>().AnyAsync(p => p.CadreId == cadre.Id && p.State == ProposalState.Pending, ct)) return 0;
        var at = Time.ChinaTime.ToUtc(clock, today.AddDays(-5).ToDateTime(new TimeOnly(10, 0)));
        db.Add(RankProposal.Demotion(cadre.Id, cadre.RegionCode, cadre.Name, cadre.Rank, DemotionGround.AnnualIncompetent, year, null,
            $"{year} 年度考核不称职", "经镇党委研究，提请降低一级", "demo", at));
        await db.SaveChangesAsync(ct);
        return 1;
    }

    private static DateOnly Start(DateOnly took) => took <= LadderStart ? LadderStart : RankGrading.FirstEffectiveDate(took);
}
