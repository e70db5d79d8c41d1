using System.Text.Json;
using Cunzhi.Data;
using Cunzhi.Data.Auditing;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Infrastructure.Seed;

/// <summary>
/// Demo assessment data for the demo county, so the 考核 pages are not empty: the default monthly and quarterly
/// templates (published), approved annual ratings of the two previous years for every in-office cadre (within each
/// town's 优秀 cap; a few cadres 不称职 twice, so the half-year analysis has removals to show) and monthly scores for
/// the three months before <c>today</c>. Deterministic (scores derive from cadre id and period), bulk-written, with one
/// summary audit entry. Does nothing when the county already has templates.
/// </summary>
public sealed class AssessmentDemo(AppDbContext db)
{
    public async Task SeedAsync(string county, DateOnly today, CancellationToken ct = default)
    {
        db.User.AsSystem();
        if (await db.Set<IndicatorTemplate>().AnyAsync(t => t.CountyCode == county, ct) || !await db.Regions.AnyAsync(r => r.Code == county, ct)) return;
        var at = DateTime.SpecifyKind(today.ToDateTime(TimeOnly.MinValue), DateTimeKind.Utc);
        var monthly = IndicatorTemplate.Initial(county, ReviewKind.Monthly, "月度考评指标", IndicatorTemplate.DefaultSpecs, at);
        var quarterly = IndicatorTemplate.Initial(county, ReviewKind.Quarterly, "季度实绩考核指标", IndicatorTemplate.DefaultSpecs, at);
        db.AddRange(monthly, quarterly);
        await db.SaveChangesAsync(ct);

        var prefix = RegionCodes.ScopePrefix(county);
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix))
            .OrderBy(c => c.Id).Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct);
        var settings = AssessmentSettings.DefaultFor(county);
        var bulk = new BulkWriter(db);

        var reviews = new List<(long BatchId, long CadreId, string Village, int Year, string Name, decimal Score, Rating Rating)>();
        foreach (var year in new[] { today.Year - 2, today.Year - 1 })
            foreach (var town in cadres.GroupBy(c => RegionCodes.ParentOf(c.RegionCode)!).OrderBy(g => g.Key))
            {
                var batch = AnnualBatch.Open(town.Key, year);
                db.Add(batch);
                var scored = town.Select(c => (c, Score: DemoScore(c.Id, year))).ToList();
                var suggestion = AnnualRules.Suggest(scored.Select(x => new ProposedRating(x.c.Id, x.c.Name, x.Score, null)).ToList(),
                    AnnualRules.ExcellentCap(scored.Count, settings.ExcellentCapPercent), settings);
                foreach (var (c, score) in scored) reviews.Add((0, c.Id, c.RegionCode, year, c.Name, score, suggestion.Ratings[c.Id]!.Value));
            }
        await db.SaveChangesAsync(ct);
        var batches = db.ChangeTracker.Entries<AnnualBatch>().Select(e => e.Entity).ToList();
        var batchIds = batches.ToDictionary(b => (b.RegionCode, b.Year), b => b.Id);
        // Batches approved in bulk below, and their state set in one statement (the domain path is for real towns).
        await db.Set<AnnualBatch>().Where(b => batchIds.Values.Contains(b.Id))
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.State, AnnualState.Approved).SetProperty(b => b.ProposedBy, "demo").SetProperty(b => b.DecidedBy, "demo")
                .SetProperty(b => b.ProposedAtUtc, at).SetProperty(b => b.DecidedAtUtc, at), ct);

        var h = (decimal d) => (long)(d * 100);
        var annual = await bulk.WriteAsync(typeof(AnnualReview), reviews,
            [nameof(AnnualReview.BatchId), nameof(AnnualReview.CadreId), nameof(AnnualReview.RegionCode), nameof(AnnualReview.Year), nameof(AnnualReview.CadreName),
             nameof(AnnualReview.MonthlyAverage), nameof(AnnualReview.QuarterlyAverage), nameof(AnnualReview.Score), nameof(AnnualReview.CandidateRating),
             nameof(AnnualReview.Rating), nameof(AnnualReview.State), nameof(AnnualReview.Warnings)],
            r => [batchIds[(RegionCodes.ParentOf(r.Village)!, r.Year)], r.CadreId, r.Village, r.Year, r.Name, h(r.Score), h(r.Score), h(r.Score),
                  (int)AnnualRules.CandidateRating(r.Score, settings), (int)r.Rating, (int)AnnualState.Approved, "缺少双述双评满意率，按其余项目的权重（月度考评 40 : 季度实绩考核 40）折算"], ct);

        var specs = monthly.Specs;
        var months = Enumerable.Range(1, 3).Select(i => today.AddMonths(-i)).Select(d => (d.Year, d.Month)).ToList();
        var scores = months.SelectMany(m => cadres.Select(c =>
        {
            var values = specs.ToDictionary(s => s.Code, s => (decimal?)decimal.Round(s.MaxScore * (DemoScore(c.Id * 31 + s.Code[0], m.Year * 12 + m.Month) / 100m), 0));
            return (c.Id, c.RegionCode, m.Year, m.Month, Scores: ReviewScoring.Format(specs, values), Total: ReviewScoring.Total(specs, values));
        })).ToList();
        var periods = await bulk.WriteAsync(typeof(PeriodReview), scores,
            [nameof(PeriodReview.CadreId), nameof(PeriodReview.RegionCode), nameof(PeriodReview.Kind), nameof(PeriodReview.Year), nameof(PeriodReview.Period),
             nameof(PeriodReview.TemplateId), nameof(PeriodReview.TemplateVersion), nameof(PeriodReview.Scores), nameof(PeriodReview.Total),
             nameof(PeriodReview.ScoredBy), nameof(PeriodReview.ScoredAtUtc)],
            s => [s.Id, s.RegionCode, (int)ReviewKind.Monthly, s.Year, s.Month, monthly.Id, monthly.Version, s.Scores, h(s.Total), "demo", at], ct);

        db.RecordEvent(AuditActions.Seed, "AssessmentDemo", county, county, JsonSerializer.Serialize(new { annual, periods }, AuditCapture.Json));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A score 50–99 from an id and a period: most cadres 70–95, a few below 60 (about 1 in 12).</summary>
    private static decimal DemoScore(long id, int period)
    {
        var x = (ulong)(id * 2654435761L + period * 40503L) % 1000;
        return x < 80 ? 50 + x % 10 : 70 + x % 29;
    }
}
