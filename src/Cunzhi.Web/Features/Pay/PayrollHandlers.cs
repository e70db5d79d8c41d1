using System.Security.Cryptography;
using System.Text;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

public sealed record RunSummary(long Id, string Town, string TownName, int Year, int Month, PayrollState State, int LineCount, long TotalFen, int MissingScores,
    string ComputedBy, DateTime ComputedAtUtc);

public sealed record PayLineView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, string PostCode, string PostName, PayLineKind Kind,
    int? Rank, int Days, int DaysInMonth, decimal? Score, decimal? Coefficient, long BaseFen, long AllowanceFen, long PerformanceFen, long RewardFen,
    long RetirementFen, long AdjustmentFen, long TotalFen, string Explanation, string? Warning, long? AdjustsLineId, long? AdjustsRunId, string? Reason);

/// <summary>Sum of each part over the whole run.</summary>
public sealed record RunTotals(long BaseFen, long AllowanceFen, long PerformanceFen, long RewardFen, long RetirementFen, long AdjustmentFen, long TotalFen);

public sealed record RunView(long Id, string Town, string TownName, int Year, int Month, PayrollState State, int SettingsVersion, int? RankPolicyVersion,
    long AllowanceStepFen, int LineCount, long TotalFen, int MissingScores, IReadOnlyList<string> Warnings, string? ReturnReason,
    string ComputedBy, DateTime ComputedAtUtc, string? ReviewedBy, DateTime? ReviewedAtUtc, string? ApprovedBy, DateTime? ApprovedAtUtc,
    string? LockedBy, DateTime? LockedAtUtc, RunTotals Totals, Paged<PayLineView> Lines);

/// <summary>Compute (or recompute) the acting town's run of a month; for a county admin, every town's.</summary>
public sealed record ComputeRun(int Year, int Month);
/// <summary>A town left out of a county-wide computation, and why.</summary>
public sealed record TownSkip(string Town, string TownName, string Reason);
/// <summary>What a county-wide computation did: towns under the county, runs computed, their lines and totals, towns skipped.</summary>
public sealed record ComputeAllResult(int Year, int Month, int Towns, int Computed, long Lines, long TotalFen, int MissingScores, IReadOnlyList<TownSkip> Skipped);
public sealed record ReturnRun(string Reason);
/// <summary>An adjustment line on a draft run correcting a line of a locked run (amount in fen, may be negative).</summary>
public sealed record AddAdjustment(long LineId, long AmountFen, string Reason);

public sealed class ComputeRunValidator : AbstractValidator<ComputeRun>
{
    public ComputeRunValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份无效");
        RuleFor(c => c.Month).InclusiveBetween(1, 12).WithMessage("月份须为 1–12");
    }
}

public sealed class ReturnRunValidator : AbstractValidator<ReturnRun>
{
    public ReturnRunValidator() => RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写退回理由").MaximumLength(500).WithMessage("退回理由不超过 500 字");
}

public sealed class AddAdjustmentValidator : AbstractValidator<AddAdjustment>
{
    public AddAdjustmentValidator()
    {
        RuleFor(c => c.LineId).GreaterThan(0).WithMessage("请选择要更正的明细");
        RuleFor(c => c.AmountFen).NotEqual(0).WithMessage("调整金额不能为 0").InclusiveBetween(-10_000_000_00, 10_000_000_00).WithMessage("调整金额超出范围");
        RuleFor(c => c.Reason).NotEmpty().WithMessage("请填写调整原因").MaximumLength(500).WithMessage("调整原因不超过 500 字");
    }
}

/// <summary>
/// 工资发放批次: compute per town and month (set-based: cadres, posts, rank changes, scores and rewards of the town in a
/// few queries, <see cref="PayrollCalculator"/> in memory, lines inserted in one save), state changes, adjustments.
/// Who: the town admin computes, recomputes, adds adjustments and marks reviewed (its own town, by scope); the county
/// admin approves, returns and locks; the discipline inspector reads. Village cadres get 403 (their pay is on the town's
/// sheet; the income-increment reward they enter is theirs to read).
/// </summary>
public sealed class PayrollHandlers(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该工资批次，或不在您的管辖范围内";

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private IQueryable<RunSummary> Summaries(IQueryable<PayrollRun> q) => q.Select(r => new RunSummary(r.Id, r.RegionCode,
        db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.Name).FirstOrDefault() ?? r.RegionCode,
        r.Year, r.Month, r.State, r.LineCount, r.TotalFen, r.MissingScores, r.ComputedBy, r.ComputedAtUtc));

    public Task<Paged<RunSummary>> ListAsync(string? town, int? year, int? month, PayrollState? state, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<PayrollRun>().AsNoTracking();
        if (!string.IsNullOrWhiteSpace(town)) q = q.Where(r => r.RegionCode == town.Trim());
        if (year is { } y) q = q.Where(r => r.Year == y);
        if (month is { } m) q = q.Where(r => r.Month == m);
        if (state is { } s) q = q.Where(r => r.State == s);
        return Summaries(q.OrderByDescending(r => r.Year).ThenByDescending(r => r.Month).ThenBy(r => r.RegionCode)).ToPagedAsync(page, ct);
    }

    public async Task<RunView?> GetAsync(long id, string? village, PageRequest page, CancellationToken ct = default)
    {
        var r = await db.Set<PayrollRun>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (r is null) return null;
        var lines = db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == id);
        var totals = await lines.GroupBy(l => 1).Select(g => new RunTotals(g.Sum(l => l.BaseFen), g.Sum(l => l.AllowanceFen), g.Sum(l => l.PerformanceFen),
            g.Sum(l => l.RewardFen), g.Sum(l => l.RetirementFen), g.Sum(l => l.AdjustmentFen), g.Sum(l => l.TotalFen))).FirstOrDefaultAsync(ct) ?? new RunTotals(0, 0, 0, 0, 0, 0, 0);
        if (!string.IsNullOrWhiteSpace(village)) lines = lines.Where(l => l.RegionCode == village.Trim());
        var paged = await LineViews(lines.OrderBy(l => l.RegionCode).ThenBy(l => l.Kind).ThenBy(l => l.CadreId).ThenBy(l => l.Id)).ToPagedAsync(page, ct);
        var townName = await db.Regions.Where(x => x.Code == r.RegionCode).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? r.RegionCode;
        return new(r.Id, r.RegionCode, townName, r.Year, r.Month, r.State, r.SettingsVersion, r.RankPolicyVersion, r.AllowanceStepFen, r.LineCount, r.TotalFen,
            r.MissingScores, r.Warnings.Split('\n', StringSplitOptions.RemoveEmptyEntries), r.ReturnReason, r.ComputedBy, r.ComputedAtUtc, r.ReviewedBy, r.ReviewedAtUtc,
            r.ApprovedBy, r.ApprovedAtUtc, r.LockedBy, r.LockedAtUtc, totals, paged);
    }

    /// <summary>The villages that have lines in a run, in sheet order (the run page's village filter).</summary>
    public async Task<IReadOnlyList<(string Code, string Name)>> VillagesAsync(long runId, CancellationToken ct = default)
    {
        var codes = await db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == runId).Select(l => l.RegionCode).Distinct().OrderBy(c => c).ToListAsync(ct);
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return codes.Select(c => (c, names.GetValueOrDefault(c, c))).ToList();
    }

    private IQueryable<PayLineView> LineViews(IQueryable<PayLine> q) => q.Select(l => new PayLineView(l.Id, l.CadreId, l.CadreName, l.RegionCode,
        db.Regions.Where(x => x.Code == l.RegionCode).Select(x => x.Name).FirstOrDefault() ?? l.RegionCode, l.PostCode, l.PostCode, l.Kind,
        l.Rank, l.Days, l.DaysInMonth, l.Score, l.CoefficientPermille == null ? null : l.CoefficientPermille / 1000m, l.BaseFen, l.AllowanceFen, l.PerformanceFen,
        l.RewardFen, l.RetirementFen, l.AdjustmentFen, l.TotalFen, l.Explanation, l.Warning, l.AdjustsLineId, l.AdjustsRunId, l.Reason));

    /// <summary>Every line of a run in sheet order, for the export and the print sheet.</summary>
    public async Task<(RunView Run, IReadOnlyList<PayLineView> Lines)?> AllLinesAsync(long id, CancellationToken ct = default)
    {
        if (await GetAsync(id, null, new PageRequest(1, 1), ct) is not { } run) return null;
        var lines = await LineViews(db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == id)
            .OrderBy(l => l.RegionCode).ThenBy(l => l.Kind).ThenBy(l => l.CadreId).ThenBy(l => l.Id)).ToListAsync(ct);
        return (run, lines.Select(l => l with { PostName = PayNames.Post(l.PostCode) }).ToList());
    }

    /// <summary>The acting town admin's town.</summary>
    private string OwnTown => RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town ? user.RegionCode : throw new RuleException("只有乡镇账号可以计算本乡镇的工资");

    public Task<RunView> ComputeAsync(ComputeRun c, CancellationToken ct = default) => ComputeForTownAsync(OwnTown, c.Year, c.Month, ct);

    /// <summary>
    /// Computes or recomputes <paramref name="town"/>'s run of a month: refused unless the run is new or a draft; the
    /// computed lines are replaced (adjustment lines stay) in one transaction with one summary audit entry carrying the
    /// count, the total and a SHA-256 over the lines.
    /// </summary>
    public async Task<RunView> ComputeForTownAsync(string town, int year, int month, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(town) != RegionLevel.Town) throw new RuleException("请指定乡镇");
        var outcome = await ComputeTownsAsync(town, year, month, single: true, ct);
        return (await GetAsync(outcome.RunIds.Single(), null, new PageRequest(1, PageRequest.DefaultSize), ct))!;
    }

    /// <summary>
    /// 全县计算: the county admin computes the month's draft runs of every town of the county at once (the towns still
    /// review them). Towns whose run is past draft, or whose county has no pay settings in force, are skipped and listed.
    /// </summary>
    public Task<ComputeAllResult> ComputeCountyAsync(ComputeRun c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.County) throw new RuleException("只有县级账号可以计算全县各乡镇的工资");
        return ComputeAllAsync(user.RegionCode, c.Year, c.Month, ct);
    }

    /// <summary>
    /// Every town's run of a month under <paramref name="region"/> (a county, a province; null: every town the account's
    /// scope holds), computed together: the same reads, calculator and writes as one town, done once for all of them.
    /// The bench calls this for a whole province.
    /// </summary>
    public async Task<ComputeAllResult> ComputeAllAsync(string? region, int year, int month, CancellationToken ct = default)
    {
        var outcome = await ComputeTownsAsync(region, year, month, single: false, ct);
        return new ComputeAllResult(year, month, outcome.Towns, outcome.RunIds.Count, outcome.Lines, outcome.TotalFen, outcome.MissingScores, outcome.Skipped);
    }

    private sealed record Outcome(int Towns, List<long> RunIds, long Lines, long TotalFen, int MissingScores, List<TownSkip> Skipped);

    /// <summary>
    /// The one computation path, for one town or every town under a region: the pay settings and rank policies of
    /// their counties, the month's existing runs, then cadres, posts, rank changes, scores and rewards of the whole
    /// region in six queries (<see cref="LoadInputsAsync"/>), the pure <see cref="PayrollCalculator"/> per town, and one
    /// transaction: the draft runs' computed lines deleted (adjustment lines stay), the runs inserted or updated with one
    /// summary audit entry per town (count, total, SHA-256 over its lines) in one save, and the lines written in bulk
    /// (<see cref="ScopeGateway.InsertInRegionAsync{T}"/>: COPY on PostgreSQL, prepared INSERTs on SQLite). Bulk rows skip the
    /// context's scope check, so the gateway checks every line's village against the region, and the region against the
    /// account's scope, before anything is written; the delete of the old lines carries the region in its WHERE too.
    /// With <paramref name="single"/>, a refusal throws instead of skipping the town.
    /// </summary>
    private async Task<Outcome> ComputeTownsAsync(string? region, int year, int month, bool single, CancellationToken ct)
    {
        var monthStart = new DateOnly(year, month, 1);
        var prefix = region is null ? "" : RegionCodes.ScopePrefix(region);
        var towns = await db.Regions.AsNoTracking().Towns(region).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        if (single && towns.Count == 0) throw new RuleException("乡镇不存在或不在您的管辖范围内");
        var counties = towns.Select(t => RegionCodes.CountyOf(t.Code)!).Distinct().ToList();
        var settingsOf = (await db.Set<PaySettings>().AsNoTracking().Where(s => counties.Contains(s.CountyCode)).ToListAsync(ct))
            .GroupBy(s => s.CountyCode).ToDictionary(g => g.Key, g => PaySettings.InForce(g.ToList(), monthStart));
        var policyOf = (await db.Set<RankPolicy>().AsNoTracking().Where(p => counties.Contains(p.CountyCode)).ToListAsync(ct))
            .GroupBy(p => p.CountyCode).ToDictionary(g => g.Key, g => RankPolicy.InForce(g.ToList(), monthStart));
        var runs = await db.Set<PayrollRun>().Where(r => r.RegionCode.StartsWith(prefix) && r.Year == year && r.Month == month)
            .ToDictionaryAsync(r => r.RegionCode, ct);

        var skipped = new List<TownSkip>();
        var work = new List<(string Town, PaySettings Settings, RankPolicy? Policy, PayrollRun? Run)>();
        foreach (var t in towns)
        {
            var county = RegionCodes.CountyOf(t.Code)!;
            var run = runs.GetValueOrDefault(t.Code);
            var s = settingsOf.GetValueOrDefault(county);
            var refusal = s is null ? $"县委组织部尚未发布 {year} 年 {month} 月适用的报酬标准，暂不能计算工资" : NotDraft(run);
            if (refusal is null) work.Add((t.Code, s!, policyOf.GetValueOrDefault(county), run));
            else if (single) throw new RuleException(refusal);
            else skipped.Add(new TownSkip(t.Code, t.Name, refusal));
        }
        if (work.Count == 0) return new Outcome(towns.Count, [], 0, 0, 0, skipped);

        var inputs = await LoadInputsAsync(prefix, monthStart, ct);
        var results = work.Select(w =>
        {
            var input = inputs.For(w.Town, monthStart, w.Settings, w.Policy);
            var result = PayrollCalculator.Compute(input);
            return (w.Town, w.Settings, w.Policy, w.Run, input.AllowanceStepFen, Result: result, Sha256: Hash(result.Lines));
        }).ToList();
        // The region the bulk writes stay in: the towns' prefix, or the account's scope when computing every town it has.
        var within = prefix.StartsWith(user.ScopePrefix, StringComparison.Ordinal) ? prefix : user.ScopePrefix;

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var redo = results.Where(r => r.Run is not null).Select(r => r.Run!.Id).ToList();
        var kept = new Dictionary<long, (int Count, long TotalFen)>();
        if (redo.Count > 0)
        {
            await ScopeGateway.DeleteInRegionAsync<PayLine>(db, within, l => redo.Contains(l.RunId) && l.Kind != PayLineKind.Adjustment, ct);
            kept = (await db.Set<PayLine>().AsNoTracking().Where(l => redo.Contains(l.RunId) && l.Kind == PayLineKind.Adjustment)
                    .GroupBy(l => l.RunId).Select(g => new { g.Key, Count = g.Count(), Total = g.Sum(l => l.TotalFen) }).ToListAsync(ct))
                .ToDictionary(x => x.Key, x => (x.Count, x.Total));
        }
        var computed = new List<(PayrollRun Run, IReadOnlyList<PayLine> Lines)>();
        foreach (var r in results)
        {
            var run = r.Run;
            if (run is null) db.Add(run = new PayrollRun { RegionCode = r.Town, Year = year, Month = month });
            var adjustments = run.Id == 0 ? (0, 0L) : kept.GetValueOrDefault(run.Id);
            run.SettingsVersion = r.Settings.Version;
            run.RankPolicyVersion = r.Policy?.Version;
            run.AllowanceStepFen = r.AllowanceStepFen;
            run.LineCount = r.Result.Lines.Count + adjustments.Item1;
            run.TotalFen = r.Result.TotalFen + adjustments.Item2;
            run.MissingScores = r.Result.MissingScores;
            run.Warnings = string.Join('\n', r.Result.Warnings);
            run.ComputedBy = user.UserName;
            run.ComputedAtUtc = Now;
            db.RecordEvent("PayrollComputed", nameof(PayLine), $"{r.Town}/{year}-{month:00}", r.Town,
                System.Text.Json.JsonSerializer.Serialize(new { lines = r.Result.Lines.Count, totalFen = r.Result.TotalFen, settingsVersion = r.Settings.Version, rankPolicyVersion = r.Policy?.Version, sha256 = r.Sha256 }));
            computed.Add((run, r.Result.Lines));
        }
        await db.SaveChangesAsync(ct);
        foreach (var (run, lines) in computed)
            foreach (var l in lines) l.RunId = run.Id;
        var written = await ScopeGateway.InsertInRegionAsync(db, within, computed.SelectMany(c => c.Lines).ToList(), LineColumns, LineValues, ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome(towns.Count, computed.Select(c => c.Run.Id).ToList(), written, computed.Sum(c => c.Run.TotalFen),
            computed.Sum(c => c.Run.MissingScores), skipped);
    }

    private static string? NotDraft(PayrollRun? run) => run?.NotDraftReason();

    private static readonly string[] LineColumns =
    [
        nameof(PayLine.RunId), nameof(PayLine.RegionCode), nameof(PayLine.CadreId), nameof(PayLine.CadreName), nameof(PayLine.PostCode), nameof(PayLine.Kind),
        nameof(PayLine.Rank), nameof(PayLine.Days), nameof(PayLine.DaysInMonth), nameof(PayLine.Score), nameof(PayLine.CoefficientPermille),
        nameof(PayLine.BaseFen), nameof(PayLine.AllowanceFen), nameof(PayLine.PerformanceFen), nameof(PayLine.RewardFen), nameof(PayLine.RetirementFen),
        nameof(PayLine.AdjustmentFen), nameof(PayLine.TotalFen), nameof(PayLine.Explanation), nameof(PayLine.Warning), nameof(PayLine.AdjustsLineId),
        nameof(PayLine.AdjustsRunId), nameof(PayLine.Reason),
    ];

    private static object?[] LineValues(PayLine l) =>
    [
        l.RunId, l.RegionCode, l.CadreId, l.CadreName, l.PostCode, (int)l.Kind, l.Rank, l.Days, l.DaysInMonth, l.Score, l.CoefficientPermille,
        l.BaseFen, l.AllowanceFen, l.PerformanceFen, l.RewardFen, l.RetirementFen, l.AdjustmentFen, l.TotalFen, l.Explanation, l.Warning,
        l.AdjustsLineId, l.AdjustsRunId, l.Reason,
    ];

    private static string Hash(IEnumerable<PayLine> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => l.Fingerprint())))));

    /// <summary>What the month needs under a region, read once and handed out per town (<see cref="For"/>).</summary>
    private sealed class RegionInputs
    {
        public required ILookup<string, PayCadre> Cadres { get; init; }
        public required Dictionary<long, IReadOnlyList<RankChange>> Changes { get; init; }
        public required Dictionary<long, decimal> Scores { get; init; }
        public required ILookup<string, DueReward> Rewards { get; init; }

        /// <summary>The six digits of county and three of town: a town's scope prefix, and the start of its villages' codes.</summary>
        public static string TownKey(string code) => RegionCodes.TownPrefix(code);

        public PayrollInput For(string town, DateOnly monthStart, PaySettings s, RankPolicy? policy)
        {
            var key = TownKey(town);
            return new PayrollInput(monthStart, s, policy?.AllowanceStepFen ?? RankPolicy.DefaultAllowanceStepFen, policy?.Version,
                Cadres[key].ToList(), Changes, Scores, Rewards[key].ToList());
        }
    }

    /// <summary>Everything the month needs under a region prefix, in six queries.</summary>
    private async Task<RegionInputs> LoadInputsAsync(string prefix, DateOnly monthStart, CancellationToken ct)
    {
        var (year, month) = (monthStart.Year, monthStart.Month);
        var awards = await db.Set<GoodSecretaryAward>().AsNoTracking()
            .Where(a => a.RegionCode.StartsWith(prefix) && a.PayYear == year && a.PayMonth == month)
            .Select(a => new { a.RegionCode, Reward = new DueReward(a.CadreId, a.AmountFen, a.Year + " 年度担当作为好支书奖励") }).ToListAsync(ct);
        var shares = await db.Set<IncomeRewardShare>().AsNoTracking()
            .Join(db.Set<IncomeReward>().AsNoTracking(), sh => sh.IncomeRewardId, r => r.Id, (sh, r) => new { sh, r })
            .Where(x => x.r.RegionCode.StartsWith(prefix) && x.r.State == IncomeRewardState.Approved && x.r.PayYear == year && x.r.PayMonth == month && x.sh.AmountFen > 0)
            .Select(x => new { x.r.RegionCode, Reward = new DueReward(x.sh.CadreId, x.sh.AmountFen, x.r.Year + " 年度村集体经济收益增量奖励") }).ToListAsync(ct);
        var rewards = awards.Concat(shares).OrderBy(r => r.Reward.CadreId).ThenBy(r => r.Reward.Label, StringComparer.Ordinal).ToList();
        var rewarded = rewards.Select(r => r.Reward.CadreId).Distinct().ToList();

        var cadres = await db.Cadres.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(prefix)
                        && (c.Status == CadreStatus.InOffice || c.Status == CadreStatus.DepartedNormally || c.DepartureDate >= monthStart || rewarded.Contains(c.Id)))
            .Select(c => new { c.Id, c.RegionCode, c.Name, c.PostCode, c.Rank, c.Status, c.BirthDate, c.StartDate, c.DepartureDate })
            .ToListAsync(ct);
        var posts = (await db.CadrePosts.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix))
                .Select(p => new { p.CadreId, p.PostCode, p.StartDate, p.EndDate }).ToListAsync(ct))
            .GroupBy(p => p.CadreId).ToDictionary(g => g.Key, g => g.Select(p => new PostSpan(p.PostCode, p.StartDate, p.EndDate)).ToList());
        var changes = (await db.Set<RankChange>().AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix)).ToListAsync(ct))
            .GroupBy(c => c.CadreId).ToDictionary(g => g.Key, g => (IReadOnlyList<RankChange>)g.ToList());
        var scores = await db.Set<PeriodReview>().AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(prefix) && r.Kind == ReviewKind.Monthly && r.Year == year && r.Period == month)
            .ToDictionaryAsync(r => r.CadreId, r => r.Total, ct);

        return new RegionInputs
        {
            Cadres = cadres.Select(c => new PayCadre(c.Id, c.RegionCode, c.Name, c.PostCode, c.Rank, c.Status, c.BirthDate, c.StartDate, c.DepartureDate,
                posts.GetValueOrDefault(c.Id) ?? [])).ToLookup(c => RegionInputs.TownKey(c.RegionCode)),
            Changes = changes,
            Scores = scores,
            Rewards = rewards.ToLookup(r => RegionInputs.TownKey(r.RegionCode), r => r.Reward),
        };
    }

    private async Task<RunView?> ChangeAsync(long id, Action<PayrollRun> change, CancellationToken ct)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        change(run);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, null, new PageRequest(1, PageRequest.DefaultSize), ct);
    }

    public Task<RunView?> MarkReviewedAsync(long id, CancellationToken ct = default) => ChangeAsync(id, r => r.MarkReviewed(user.UserName, Now), ct);
    public Task<RunView?> ReturnAsync(long id, ReturnRun c, CancellationToken ct = default) => ChangeAsync(id, r => r.Return(c.Reason.Trim()), ct);
    public Task<RunView?> ApproveAsync(long id, CancellationToken ct = default) => ChangeAsync(id, r => r.Approve(user.UserName, Now), ct);
    public Task<RunView?> LockAsync(long id, CancellationToken ct = default) => ChangeAsync(id, r => r.Lock(user.UserName, Now), ct);

    /// <summary>
    /// Adds an adjustment to the draft run <paramref name="runId"/> correcting a line of an earlier locked run of the same
    /// town. Null when either is not found in scope.
    /// </summary>
    public async Task<RunView?> AddAdjustmentAsync(long runId, AddAdjustment c, CancellationToken ct = default)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var original = await db.Set<PayLine>().AsNoTracking().FirstOrDefaultAsync(l => l.Id == c.LineId, ct);
        if (run is null || original is null) return null;
        var source = await db.Set<PayrollRun>().AsNoTracking().FirstAsync(r => r.Id == original.RunId, ct);
        run.EnsureDraft();
        if (source.State != PayrollState.Locked) throw new RuleException($"{source.Label}的批次尚未锁定：请直接重新计算该批次，不需要调整项");
        if (source.RegionCode != run.RegionCode) throw new RuleException("只能更正本乡镇的工资明细");
        if ((source.Year, source.Month).CompareTo((run.Year, run.Month)) >= 0) throw new RuleException("调整项只能加在被更正月份以后的批次中");
        var line = new PayLine
        {
            RunId = run.Id, RegionCode = original.RegionCode, CadreId = original.CadreId, CadreName = original.CadreName, PostCode = original.PostCode,
            Kind = PayLineKind.Adjustment, DaysInMonth = PayRules.DaysInMonth(run.MonthStart), AdjustmentFen = c.AmountFen,
            AdjustsLineId = original.Id, AdjustsRunId = source.Id, Reason = c.Reason.Trim(),
            Explanation = $"更正 {source.Label}工资明细（编号 {original.Id}，原实发 {PayRules.Yuan(original.TotalFen)} 元）：{(c.AmountFen > 0 ? "补发" : "扣回")} {PayRules.Yuan(Math.Abs(c.AmountFen))} 元",
        };
        line.Total();
        db.Add(line);
        run.LineCount++;
        run.TotalFen += line.TotalFen;
        db.RecordEvent("PayAdjustmentAdded", nameof(PayLine), $"{run.Id}/{original.Id}", line.RegionCode,
            System.Text.Json.JsonSerializer.Serialize(new { runId = run.Id, adjustsRunId = source.Id, adjustsLineId = original.Id, amountFen = c.AmountFen, reason = line.Reason }));
        await db.SaveChangesAsync(ct);
        return await GetAsync(run.Id, null, new PageRequest(1, PageRequest.DefaultSize), ct);
    }

    /// <summary>
    /// Removes an adjustment line from a draft run. Null (404) only when the run or the line is not there; a line of a run
    /// past draft is refused with the run's state (a locked run says it is locked), and a computed line with how it changes.
    /// </summary>
    public async Task<RunView?> RemoveAdjustmentAsync(long runId, long lineId, CancellationToken ct = default)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var line = await db.Set<PayLine>().FirstOrDefaultAsync(l => l.Id == lineId && l.RunId == runId, ct);
        if (run is null || line is null) return null;
        run.EnsureDraft();
        if (line.Kind != PayLineKind.Adjustment)
            throw new RuleException("只能删除调整项；计算所得的工资明细随重新计算更新");
        db.Remove(line);
        run.LineCount--;
        run.TotalFen -= line.TotalFen;
        db.RecordEvent("PayAdjustmentRemoved", nameof(PayLine), $"{run.Id}/{line.Id}", line.RegionCode,
            System.Text.Json.JsonSerializer.Serialize(new { runId = run.Id, lineId = line.Id, amountFen = line.AdjustmentFen, reason = line.Reason }));
        await db.SaveChangesAsync(ct);
        return await GetAsync(run.Id, null, new PageRequest(1, PageRequest.DefaultSize), ct);
    }

    /// <summary>Refuses a reward for a month whose run in that town is past draft.</summary>
    internal async Task EnsureMonthOpenAsync(string village, int year, int month, CancellationToken ct)
    {
        var town = RegionCodes.ParentOf(village);
        var state = await ScopeGateway.TownPayrollStateAsync(db, town, year, month, ct);
        if (state is { } st && st != PayrollState.Draft)
            throw new RuleException($"{year} 年 {month} 月的工资批次已{PayNames.State(st)[1..]}，不能再加入奖励；请选择以后的月份");
    }
}
