using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Cadres;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Assessment;

public sealed record AnnualRow(long CadreId, string Name, string VillageCode, string VillageName, decimal? MonthlyAverage, decimal? QuarterlyAverage,
    decimal? Satisfaction, decimal? Score, Rating? CandidateRating, Rating? Rating, string? Warnings, string? Note);

/// <summary>A town's annual results for a year: the saved batch, or (State null) a preview computed from the data.</summary>
public sealed record AnnualView(string Town, string TownName, int Year, AnnualState? State, string? ReturnReason, string? ProposedBy, DateTime? ProposedAtUtc,
    string? DecidedBy, DateTime? DecidedAtUtc, ExcellentQuota Quota, int ExcellentProposed, IReadOnlyList<string> Notices, Paged<AnnualRow> Rows);

public sealed record BatchSummary(string Town, string TownName, AnnualState? State, int Cadres, int Excellent, DateTime? ProposedAtUtc, string? ReturnReason);

/// <summary>An approved rating: what promotion and pay rules read.</summary>
public sealed record ApprovedRating(long CadreId, string Name, string VillageCode, int Year, decimal? Score, Rating Rating);

public sealed record RatingChoice(long CadreId, Rating? Rating, string? Note);

public sealed record SetRatings(List<RatingChoice> Items);

public sealed record ReturnBatch(string Reason);

public sealed class SetRatingsValidator : AbstractValidator<SetRatings>
{
    public SetRatingsValidator()
    {
        RuleFor(c => c.Items).NotEmpty().WithMessage("没有要保存的等次");
        RuleForEach(c => c.Items).ChildRules(i =>
        {
            i.RuleFor(x => x.Rating).IsInEnum().When(x => x.Rating is not null).WithMessage("等次无效");
            i.RuleFor(x => x.Note).MaximumLength(200).WithMessage("说明不能超过 200 个字");
        });
    }
}

public sealed class ReturnBatchValidator : AbstractValidator<ReturnBatch>
{
    public ReturnBatchValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("退回须填写理由").MaximumLength(500).WithMessage("理由不能超过 500 个字");
}

/// <summary>
/// 年终综合考核: the town prepares its batch (scores computed from the year's monthly and quarterly totals and the 双述双评
/// result, ratings suggested under the 优秀 cap), adjusts ratings, proposes; the county approves or returns it. An approved
/// batch is locked by the domain (409). Village cadres read only approved results, of their own village (scope).
/// </summary>
public sealed class AnnualHandlers(AppDbContext db, UserContext user, TemplateHandlers templates, TimeProvider clock)
{
    public const string NotPrepared = "本年度考核尚未生成，请先生成考核结果";

    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private string OwnTown => RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town ? user.RegionCode : throw new RuleException("只有乡镇账号可以办理本乡镇的年度考核");

    private static string Prefix(string code) => RegionCodes.ScopePrefix(code);

    /// <summary>The year's components for every in-office cadre of a region: monthly and quarterly averages and the satisfaction rate.</summary>
    internal async Task<Dictionary<long, (decimal? Monthly, decimal? Quarterly, decimal? Rate)>> ComponentsAsync(string region, int year, IReadOnlyCollection<long> cadres, CancellationToken ct)
    {
        var prefix = Prefix(region);
        var totals = await db.Set<PeriodReview>().AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.Year == year)
            .Select(r => new { r.CadreId, r.Kind, r.Total }).ToListAsync(ct);
        var ballots = await db.Set<PublicEvaluationResult>().AsNoTracking().Where(r => r.RegionCode.StartsWith(prefix) && r.Year == year)
            .Select(r => new { r.CadreId, r.Satisfied, r.BasicallySatisfied, r.Dissatisfied }).ToListAsync(ct);
        return cadres.ToDictionary(id => id, id =>
        {
            var mine = ballots.Where(b => b.CadreId == id).ToList();
            return (ReviewScoring.Average(totals.Where(t => t.CadreId == id && t.Kind == ReviewKind.Monthly).Select(t => t.Total)),
                    ReviewScoring.Average(totals.Where(t => t.CadreId == id && t.Kind == ReviewKind.Quarterly).Select(t => t.Total)),
                    PublicEvaluationResult.Rate(mine.Sum(b => b.Satisfied), mine.Sum(b => b.BasicallySatisfied), mine.Sum(b => b.Dissatisfied)));
        });
    }

    private async Task<List<(long Id, string Name, string Village)>> TownCadresAsync(string town, CancellationToken ct)
    {
        var prefix = Prefix(town);
        return (await db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix))
            .OrderBy(c => c.RegionCode).ThenBy(c => c.PostCode).ThenBy(c => c.Id).Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name, c.RegionCode)).ToList();
    }

    private Task<AnnualBatch?> BatchAsync(string town, int year, CancellationToken ct) =>
        db.Set<AnnualBatch>().Include(b => b.Reviews).FirstOrDefaultAsync(b => b.RegionCode == town && b.Year == year, ct);

    /// <summary>A town's results (the acting town, or <paramref name="town"/> for county accounts); null when the town is not in scope.</summary>
    public async Task<AnnualView?> GetAsync(string? town, int year, PageRequest page, CancellationToken ct = default)
    {
        town = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town ? user.RegionCode : town?.Trim();
        if (town is null || RegionCodes.LevelOf(town) != RegionLevel.Town) return null;
        var townName = await db.Regions.AsNoTracking().Where(r => r.Code == town).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (townName is null) return null;
        var settings = await templates.SettingsAsync(ct);
        var batch = await db.Set<AnnualBatch>().AsNoTracking().Include(b => b.Reviews).FirstOrDefaultAsync(b => b.RegionCode == town && b.Year == year, ct);
        List<AnnualRow> rows;
        IReadOnlyList<string> notices;
        if (batch is null)
        {
            var preview = await ComputeAsync(town, year, settings, ct);
            rows = preview.Rows;
            notices = preview.Notices;
        }
        else
        {
            rows = batch.Reviews.OrderBy(r => r.RegionCode).ThenBy(r => r.Id).Select(r => new AnnualRow(r.CadreId, r.CadreName, r.RegionCode, "", r.MonthlyAverage,
                r.QuarterlyAverage, r.Satisfaction, r.Score, r.CandidateRating, r.Rating, r.Warnings, r.Note)).ToList();
            notices = batch.Editable ? AnnualRules.Suggest(batch.Reviews.Select(r => r.AsProposed()).ToList(), Quota(rows.Count, settings), settings).Notices : [];
        }
        var villages = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(Prefix(town)) && r.Level == RegionLevel.Village)
            .ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var quota = Quota(rows.Count, settings);
        var paged = rows.Skip(page.Skip).Take(page.Size).Select(r => r with { VillageName = villages.GetValueOrDefault(r.VillageCode, r.VillageCode) }).ToList();
        return new(town, townName, year, batch?.State, batch?.ReturnReason, batch?.ProposedBy, batch?.ProposedAtUtc, batch?.DecidedBy, batch?.DecidedAtUtc,
            quota, rows.Count(r => r.Rating == Rating.Excellent), notices, new Paged<AnnualRow>(paged, rows.Count, page.Page, page.Size));
    }

    private static ExcellentQuota Quota(int cadres, AssessmentSettings s) => AnnualRules.ExcellentCap(cadres, s.ExcellentCapPercent);

    private async Task<(List<AnnualRow> Rows, IReadOnlyList<string> Notices)> ComputeAsync(string town, int year, AssessmentSettings s, CancellationToken ct)
    {
        var cadres = await TownCadresAsync(town, ct);
        var parts = await ComponentsAsync(town, year, cadres.Select(c => c.Id).ToList(), ct);
        var computed = cadres.Select(c =>
        {
            var (m, q, rate) = parts[c.Id];
            var a = AnnualRules.Compute(m, q, rate, s);
            return (c, m, q, rate, a);
        }).ToList();
        var suggestion = AnnualRules.Suggest(computed.Select(x => new ProposedRating(x.c.Id, x.c.Name, x.a.Score, null)).ToList(), Quota(cadres.Count, s), s);
        var rows = computed.Select(x => new AnnualRow(x.c.Id, x.c.Name, x.c.Village, "", x.m, x.q, x.rate is { } r ? decimal.Round(r * 100, 2) : null, x.a.Score,
            x.a.Score is { } sc ? AnnualRules.CandidateRating(sc, s) : null, suggestion.Ratings[x.c.Id], x.a.Warnings.Count == 0 ? null : string.Join("；", x.a.Warnings), null)).ToList();
        return (rows, suggestion.Notices);
    }

    /// <summary>
    /// 生成/重新计算: the town (re)builds its batch for the year from the current data — every in-office cadre, scores
    /// recomputed, ratings reset to the system's suggestion. Refused once proposed or approved.
    /// </summary>
    public async Task<AnnualView?> PrepareAsync(int year, CancellationToken ct = default)
    {
        var town = OwnTown;
        if (AnnualRules.YearProblem(year, Today) is { } problem) throw new RuleException(problem);
        var settings = await templates.SettingsAsync(ct);
        var batch = await BatchAsync(town, year, ct);
        if (batch is null) db.Add(batch = AnnualBatch.Open(town, year));
        batch.EnsureEditable();
        var cadres = await TownCadresAsync(town, ct);
        var parts = await ComponentsAsync(town, year, cadres.Select(c => c.Id).ToList(), ct);
        foreach (var gone in batch.Reviews.Where(r => cadres.All(c => c.Id != r.CadreId)).ToList())
        {
            batch.Reviews.Remove(gone);
            db.Remove(gone);
        }
        foreach (var c in cadres)
        {
            var review = batch.Reviews.FirstOrDefault(r => r.CadreId == c.Id) ?? AnnualReview.For(batch, c.Id, c.Village, c.Name);
            var (m, q, rate) = parts[c.Id];
            review.Compute(batch, m, q, rate, settings);
        }
        var suggestion = AnnualRules.Suggest(batch.Reviews.Select(r => r.AsProposed() with { Rating = null }).ToList(), Quota(batch.Reviews.Count, settings), settings);
        foreach (var r in batch.Reviews) r.Propose(batch, suggestion.Ratings[r.CadreId], null);
        await db.SaveChangesAsync(ct);
        return await GetAsync(town, year, new PageRequest(1, PageRequest.MaxSize), ct);
    }

    /// <summary>The town sets ratings (and notes) of cadres in its batch; null when the batch or a cadre is not found.</summary>
    public async Task<AnnualView?> SetRatingsAsync(int year, SetRatings c, CancellationToken ct = default)
    {
        var town = OwnTown;
        var batch = await BatchAsync(town, year, ct) ?? throw new RuleException(NotPrepared);
        foreach (var item in c.Items)
        {
            var review = batch.Reviews.FirstOrDefault(r => r.CadreId == item.CadreId);
            if (review is null) return null;
            review.Propose(batch, item.Rating, item.Note);
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(town, year, new PageRequest(1, PageRequest.MaxSize), ct);
    }

    /// <summary>上报: refused (409) with every problem — ratings missing or above the score, 优秀 over the cap.</summary>
    public async Task<AnnualView?> ProposeAsync(int year, CancellationToken ct = default)
    {
        var town = OwnTown;
        var batch = await BatchAsync(town, year, ct) ?? throw new RuleException(NotPrepared);
        var settings = await templates.SettingsAsync(ct);
        batch.Propose(Quota(batch.Reviews.Count, settings), settings, user.UserName, Now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(town, year, new PageRequest(1, PageRequest.MaxSize), ct);
    }

    /// <summary>审定 by the county; null when the town has no batch for the year.</summary>
    public async Task<AnnualView?> ApproveAsync(string town, int year, CancellationToken ct = default)
    {
        var batch = await BatchAsync(town, year, ct);
        if (batch is null) return null;
        batch.Approve(user.UserName, Now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(town, year, new PageRequest(1, PageRequest.MaxSize), ct);
    }

    /// <summary>退回 with a reason; null when the town has no batch for the year.</summary>
    public async Task<AnnualView?> ReturnAsync(string town, int year, ReturnBatch c, CancellationToken ct = default)
    {
        var batch = await BatchAsync(town, year, ct);
        if (batch is null) return null;
        batch.Return(c.Reason, user.UserName, Now);
        await db.SaveChangesAsync(ct);
        return await GetAsync(town, year, new PageRequest(1, PageRequest.MaxSize), ct);
    }

    /// <summary>Every town in scope with its batch state for the year (the county's approval list).</summary>
    public async Task<IReadOnlyList<BatchSummary>> BatchesAsync(int year, CancellationToken ct = default)
    {
        var towns = await db.Regions.AsNoTracking().Towns().Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        var batches = await db.Set<AnnualBatch>().AsNoTracking().Where(b => b.Year == year)
            .Select(b => new { b.RegionCode, b.State, b.ProposedAtUtc, b.ReturnReason, Cadres = b.Reviews.Count, Excellent = b.Reviews.Count(r => r.Rating == Rating.Excellent) })
            .ToDictionaryAsync(b => b.RegionCode, ct);
        return towns.Select(t => batches.TryGetValue(t.Code, out var b)
            ? new BatchSummary(t.Code, t.Name, b.State, b.Cadres, b.Excellent, b.ProposedAtUtc, b.ReturnReason)
            : new BatchSummary(t.Code, t.Name, null, 0, 0, null, null)).ToList();
    }

    /// <summary>Approved ratings of a year in scope (optionally of one village or town), paged.</summary>
    public Task<Paged<ApprovedRating>> ApprovedAsync(int year, string? region, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<AnnualReview>().AsNoTracking().Where(r => r.Year == year && r.State == AnnualState.Approved && r.Rating != null);
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = Prefix(region.Trim());
            q = q.Where(r => r.RegionCode.StartsWith(prefix));
        }
        return q.OrderBy(r => r.RegionCode).ThenBy(r => r.CadreId)
            .Select(r => new ApprovedRating(r.CadreId, r.CadreName, r.RegionCode, r.Year, r.Score, r.Rating!.Value)).ToPagedAsync(page, ct);
    }

    /// <summary>The approved rating of a cadre for a year, or null (not approved, or out of scope): what promotion and pay read.</summary>
    public Task<Rating?> ApprovedRatingAsync(long cadreId, int year, CancellationToken ct = default) =>
        db.Set<AnnualReview>().AsNoTracking().Where(r => r.CadreId == cadreId && r.Year == year && r.State == AnnualState.Approved)
            .Select(r => r.Rating).FirstOrDefaultAsync(ct);

    public static string StateName(AnnualState? s) => s switch
    {
        AnnualState.Draft => "拟定中",
        AnnualState.Proposed => "已上报",
        AnnualState.Approved => "已审定",
        AnnualState.Returned => "已退回",
        _ => "未生成",
    };
}
