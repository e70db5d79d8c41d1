using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Assessment;

public sealed record HalfYearRow(long CadreId, string Name, string PostName, string VillageCode, string VillageName, decimal? MonthlyAverage, int MonthsScored,
    Rating? LastYear, Rating? YearBefore, decimal? Satisfaction, IReadOnlyList<AttentionReason> Reasons);

/// <summary>每半年研判: the cadres of a region who need attention, with every reason.</summary>
public sealed record HalfYearReport(int Year, int Half, string? Region, int CadresAnalysed, int Flagged, int RemovalSuggested, Paged<HalfYearRow> Rows);

/// <summary>Runs <see cref="HalfYearAnalysis.Reasons"/> over the in-office cadres in scope (a town, or the county with a town filter).</summary>
public sealed class HalfYearHandlers(AppDbContext db, TemplateHandlers templates)
{

    public async Task<HalfYearReport> AnalyseAsync(int year, int half, string? region, AttentionKind? kind, PageRequest page, CancellationToken ct = default)
    {
        var (fromMonth, toMonth) = HalfYearAnalysis.Months(half);
        var settings = await templates.SettingsAsync(ct);
        var prefix = !string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null ? RegionCodes.ScopePrefix(region.Trim()) : "";
        var cadres = await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix))
            .OrderBy(c => c.RegionCode).ThenBy(c => c.PostCode).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name, c.PostCode, c.RegionCode }).ToListAsync(ct);
        var monthly = (await db.Set<PeriodReview>().AsNoTracking()
                .Where(r => r.RegionCode.StartsWith(prefix) && r.Kind == ReviewKind.Monthly && r.Year == year && r.Period >= fromMonth && r.Period <= toMonth)
                .Select(r => new { r.CadreId, r.Total }).ToListAsync(ct))
            .ToLookup(r => r.CadreId, r => r.Total);
        var ratings = (await db.Set<AnnualReview>().AsNoTracking()
                .Where(r => r.RegionCode.StartsWith(prefix) && r.State == AnnualState.Approved && (r.Year == year - 1 || r.Year == year - 2))
                .Select(r => new { r.CadreId, r.Year, r.Rating }).ToListAsync(ct))
            .ToDictionary(r => (r.CadreId, r.Year), r => r.Rating);
        var evaluations = (await db.Set<PublicEvaluationResult>().AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.Year <= year)
                .Select(r => new { r.CadreId, r.Year, r.Satisfied, r.BasicallySatisfied, r.Dissatisfied }).ToListAsync(ct))
            .GroupBy(r => r.CadreId)
            .ToDictionary(g => g.Key, g =>
            {
                var latest = g.Max(r => r.Year);
                var rows = g.Where(r => r.Year == latest).ToList();
                return (Year: latest, Rate: PublicEvaluationResult.Rate(rows.Sum(r => r.Satisfied), rows.Sum(r => r.BasicallySatisfied), rows.Sum(r => r.Dissatisfied)));
            });
        var villages = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);

        var flagged = new List<HalfYearRow>();
        foreach (var c in cadres)
        {
            var totals = monthly[c.Id].ToList();
            var eval = evaluations.TryGetValue(c.Id, out var e) ? e : ((int Year, decimal? Rate)?)null;
            var input = new HalfYearInput(ReviewScoring.Average(totals), totals.Count, ratings.GetValueOrDefault((c.Id, year - 1)), ratings.GetValueOrDefault((c.Id, year - 2)),
                eval?.Rate, eval?.Year);
            var reasons = HalfYearAnalysis.Reasons(input, year, settings);
            if (reasons.Count == 0) continue;
            flagged.Add(new(c.Id, c.Name, CadreNames.Post(c.PostCode), c.RegionCode, villages.GetValueOrDefault(c.RegionCode, c.RegionCode), input.MonthlyAverage, input.MonthsScored,
                input.LastYear, input.YearBefore, input.SatisfactionRate is { } r ? decimal.Round(r * 100, 1) : null, reasons));
        }
        var shown = kind is { } k ? flagged.Where(f => f.Reasons.Any(r => r.Kind == k)).ToList() : flagged;
        // Removal suggestions first: they are what the half-year analysis exists for.
        shown = shown.OrderByDescending(f => f.Reasons.Any(r => r.Kind == AttentionKind.ConsecutiveIncompetent)).ThenByDescending(f => f.Reasons.Count)
            .ThenBy(f => f.VillageCode).ThenBy(f => f.CadreId).ToList();
        return new(year, half, region, cadres.Count, flagged.Count, flagged.Count(f => f.Reasons.Any(r => r.Kind == AttentionKind.ConsecutiveIncompetent)),
            new Paged<HalfYearRow>(shown.Skip(page.Skip).Take(page.Size).ToList(), shown.Count, page.Page, page.Size));
    }
}
