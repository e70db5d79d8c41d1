using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>One cadre's row of the scoring grid: the saved scores (null: not scored) and the ledger count of the period.</summary>
public sealed record GridRow(long CadreId, string Name, string PostName, string VillageCode, string VillageName,
    IReadOnlyDictionary<string, decimal>? Scores, decimal? Total, int? TemplateVersion, string? ScoredBy, int LedgerRecords);

/// <summary>The scoring grid of a village or town for one month or quarter.</summary>
public sealed record ScoreGrid(ReviewKind Kind, int Year, int Period, string? Region, TemplateView? Template, bool Locked, string? Closed, Paged<GridRow> Rows);

public sealed record CadreScores(long CadreId, Dictionary<string, decimal?> Scores);

/// <summary>Scores for several cadres of one period, saved together (all or none).</summary>
public sealed record SaveScores(ReviewKind Kind, int Year, int Period, List<CadreScores> Rows);

/// <summary>A cadre's total for one month or quarter, what performance pay reads.</summary>
public sealed record PeriodScore(long CadreId, ReviewKind Kind, int Year, int Period, decimal Total, int TemplateVersion, DateTime ScoredAtUtc);

public sealed class SaveScoresValidator : AbstractValidator<SaveScores>
{
    public SaveScoresValidator()
    {
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择考核类型");
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份无效");
        RuleFor(c => c.Period).Must((c, p) => p >= 1 && p <= PeriodReview.PeriodsIn(c.Kind)).WithMessage(c => c.Kind == ReviewKind.Quarterly ? "季度须为 1–4" : "月份须为 1–12");
        RuleFor(c => c.Rows).NotEmpty().WithMessage("没有要保存的评分");
        RuleFor(c => c.Rows).Must(r => r is null || r.Select(x => x.CadreId).Distinct().Count() == r.Count).WithMessage("同一名干部出现了多次");
    }
}

/// <summary>
/// 月考评 and 季度实绩考核: the grid a town fills in for a village or the whole town, and the read performance pay uses.
/// Region scope is the data context's; only town admins score (their own town's cadres, by scope).
/// </summary>
public sealed class ReviewHandlers(AppDbContext db, UserContext user, TemplateHandlers templates, TimeProvider clock)
{

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>First and last day of a month or quarter.</summary>
    public static (DateOnly From, DateOnly To) Dates(ReviewKind kind, int year, int period)
    {
        InputRange.Year(year);
        InputRange.Period(period, kind == ReviewKind.Monthly ? 12 : 4);
        var from = new DateOnly(year, kind == ReviewKind.Monthly ? period : period * 3 - 2, 1);
        return (from, from.AddMonths(kind == ReviewKind.Monthly ? 1 : 3).AddDays(-1));
    }

    /// <summary>In-office cadres of a village or town (all in scope when <paramref name="region"/> is empty).</summary>
    internal IQueryable<Cadre> CadresIn(string? region)
    {
        var q = db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice);
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(c => c.RegionCode.StartsWith(prefix));
        }
        return q;
    }

    /// <summary>True when the annual result of the year is approved for the town of <paramref name="village"/>: its scores are locked.</summary>
    private async Task<HashSet<string>> LockedTownsAsync(int year, IEnumerable<string> villages, CancellationToken ct)
    {
        var towns = villages.Select(v => RegionCodes.ParentOf(v)!).Distinct().ToList();
        var locked = await ScopeGateway.TownsWithApprovedAnnualResultAsync(db, year, towns, ct);
        return locked.ToHashSet();
    }

    public async Task<ScoreGrid> GridAsync(ReviewKind kind, int year, int period, string? region, PageRequest page, CancellationToken ct = default)
    {
        var template = await templates.CurrentViewAsync(kind, ct);
        var (from, to) = Dates(kind, year, period);
        var rows = await CadresIn(region).OrderBy(c => c.RegionCode).ThenBy(c => c.PostCode).ThenBy(c => c.Id)
            .Select(c => new { c.Id, c.Name, c.PostCode, c.RegionCode, Village = db.Regions.Where(r => r.Code == c.RegionCode).Select(r => r.Name).FirstOrDefault() })
            .ToPagedAsync(page, ct);
        var ids = rows.Items.Select(r => r.Id).ToList();
        var reviews = await db.Set<PeriodReview>().AsNoTracking().Where(r => ids.Contains(r.CadreId) && r.Kind == kind && r.Year == year && r.Period == period)
            .ToDictionaryAsync(r => r.CadreId, ct);
        var ledger = await db.Set<LedgerRecord>().AsNoTracking().Where(l => ids.Contains(l.CadreId) && l.Date >= from && l.Date <= to)
            .GroupBy(l => l.CadreId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var locked = await LockedTownsAsync(year, rows.Items.Select(r => r.RegionCode), ct);
        var items = rows.Items.Select(r =>
        {
            reviews.TryGetValue(r.Id, out var rv);
            return new GridRow(r.Id, r.Name, CadreNames.Post(r.PostCode), r.RegionCode, r.Village ?? r.RegionCode,
                rv is null ? null : ReviewScoring.Parse(rv.Scores), rv?.Total, rv?.TemplateVersion, rv?.ScoredBy, ledger.GetValueOrDefault(r.Id));
        }).ToList();
        var closed = template is null
            ? $"县委组织部尚未发布{KindName(kind)}指标"
            : PeriodReview.PeriodProblem(kind, year, period, Today);
        return new(kind, year, period, region, template, locked.Count > 0, closed, new Paged<GridRow>(items, rows.Total, rows.Page, rows.PageSize));
    }

    /// <summary>
    /// Saves every row or none. Returns the per-row problems (out of range, missing) as field errors, or null with the
    /// saved rows; a cadre not in scope or not in office makes the whole call not found (<c>Missing</c>).
    /// </summary>
    public async Task<(Dictionary<string, string[]>? Errors, bool Missing)> SaveAsync(SaveScores c, CancellationToken ct = default)
    {
        var template = await templates.CurrentAsync(c.Kind, ct) ?? throw new RuleException($"县委组织部尚未发布{KindName(c.Kind)}指标，暂不能评分");
        if (PeriodReview.PeriodProblem(c.Kind, c.Year, c.Period, Today) is { } closed) throw new RuleException(closed);
        var ids = c.Rows.Select(r => r.CadreId).ToList();
        var cadres = await CadresIn(null).Where(x => ids.Contains(x.Id)).Select(x => new { x.Id, x.Name, x.RegionCode }).ToDictionaryAsync(x => x.Id, ct);
        if (cadres.Count != ids.Count) return (null, true);
        var locked = await LockedTownsAsync(c.Year, cadres.Values.Select(x => x.RegionCode), ct);
        if (locked.Count > 0) throw new RuleException($"{c.Year} 年度考核结果已审定，该年的月度和季度得分已锁定，不能修改");

        var specs = template.Specs;
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < c.Rows.Count; i++)
            if (ReviewScoring.Problems(specs, c.Rows[i].Scores ?? []) is { Count: > 0 } p)
                errors[$"Rows[{i}]"] = p.Select(m => $"{cadres[c.Rows[i].CadreId].Name}：{m}").ToArray();
        if (errors.Count > 0) return (errors, false);

        var existing = await db.Set<PeriodReview>().Where(r => ids.Contains(r.CadreId) && r.Kind == c.Kind && r.Year == c.Year && r.Period == c.Period)
            .ToDictionaryAsync(r => r.CadreId, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var row in c.Rows)
        {
            if (existing.TryGetValue(row.CadreId, out var r)) r.Change(template, row.Scores, user.UserName, now, Today, locked: false);
            else db.Add(PeriodReview.Give(row.CadreId, cadres[row.CadreId].RegionCode, c.Kind, c.Year, c.Period, template, row.Scores, user.UserName, now, Today));
        }
        await db.SaveChangesAsync(ct);
        return (null, false);
    }

    /// <summary>
    /// The monthly total of a cadre (0–100, see <see cref="ReviewScoring"/>), or null when the town has not scored that
    /// month or the cadre is out of scope. This is the read performance pay uses.
    /// </summary>
    public Task<decimal?> MonthlyScoreAsync(long cadreId, int year, int month, CancellationToken ct = default) =>
        db.Set<PeriodReview>().AsNoTracking().Where(r => r.CadreId == cadreId && r.Kind == ReviewKind.Monthly && r.Year == year && r.Period == month)
            .Select(r => (decimal?)r.Total).FirstOrDefaultAsync(ct);

    /// <summary>A cadre's scores of one kind in a year, by period.</summary>
    public async Task<IReadOnlyList<PeriodScore>> ScoresOfAsync(long cadreId, ReviewKind kind, int year, CancellationToken ct = default) =>
        await db.Set<PeriodReview>().AsNoTracking().Where(r => r.CadreId == cadreId && r.Kind == kind && r.Year == year).OrderBy(r => r.Period)
            .Select(r => new PeriodScore(r.CadreId, r.Kind, r.Year, r.Period, r.Total, r.TemplateVersion, r.ScoredAtUtc)).ToListAsync(ct);

    public static string KindName(ReviewKind k) => k == ReviewKind.Monthly ? "月度考评" : "季度实绩考核";
    public static string PeriodName(ReviewKind k, int year, int period) => k == ReviewKind.Monthly ? $"{year} 年 {period} 月" : $"{year} 年第 {period} 季度";
}
