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

/// <summary>Compute (or recompute) the acting town's run of a month.</summary>
public sealed record ComputeRun(int Year, int Month);
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
public sealed class PayrollHandlers(AppDbContext db, UserContext user, PaySettingsHandlers settings, TimeProvider clock)
{
    public const string Readers = Roles.CountyAdmin + "," + Roles.TownAdmin + "," + Roles.DisciplineInspector;
    public const string Computers = Roles.TownAdmin;
    public const string Approvers = Roles.CountyAdmin;
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
    private string OwnTown => RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town ? user.RegionCode : throw new DomainRuleException("只有乡镇账号可以计算本乡镇的工资");

    public Task<RunView> ComputeAsync(ComputeRun c, CancellationToken ct = default) => ComputeForTownAsync(OwnTown, c.Year, c.Month, ct);

    /// <summary>
    /// Computes or recomputes <paramref name="town"/>'s run of a month: refused unless the run is new or a draft; the
    /// computed lines are replaced (adjustment lines stay) in one transaction with one summary audit entry carrying the
    /// count, the total and a SHA-256 over the lines. The bench calls this for every town.
    /// </summary>
    public async Task<RunView> ComputeForTownAsync(string town, int year, int month, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(town) != RegionLevel.Town) throw new DomainRuleException("请指定乡镇");
        var monthStart = new DateOnly(year, month, 1);
        var county = PaySettingsHandlers.CountyOf(town)!;
        var s = await settings.InForceAsync(county, monthStart, ct)
                ?? throw new DomainRuleException($"县委组织部尚未发布 {year} 年 {month} 月适用的报酬标准，暂不能计算工资");
        var policy = RankPolicy.InForce(await db.Set<RankPolicy>().AsNoTracking().Where(p => p.CountyCode == county).ToListAsync(ct), monthStart);

        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.RegionCode == town && r.Year == year && r.Month == month, ct);
        if (run is null && await db.Regions.AnyAsync(r => r.Code == town, ct) == false) throw new DomainRuleException("乡镇不存在或不在您的管辖范围内");
        try { run?.EnsureDraft(); } catch (PayRuleException e) { throw new DomainRuleException(e.Message); }

        var input = await LoadInputAsync(town, monthStart, s, policy, ct);
        var result = PayrollCalculator.Compute(input);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var adjustments = new List<PayLine>();
        if (run is null)
        {
            run = new PayrollRun { RegionCode = town, Year = year, Month = month };
            db.Add(run);
            run.Lines.AddRange(result.Lines);
        }
        else
        {
            await db.Set<PayLine>().Where(l => l.RunId == run.Id && l.Kind != PayLineKind.Adjustment).ExecuteDeleteAsync(ct);
            adjustments = await db.Set<PayLine>().AsNoTracking().Where(l => l.RunId == run.Id && l.Kind == PayLineKind.Adjustment).ToListAsync(ct);
            foreach (var l in result.Lines) l.RunId = run.Id;
            db.AddRange(result.Lines);
        }
        run.SettingsVersion = s.Version;
        run.RankPolicyVersion = policy?.Version;
        run.AllowanceStepFen = input.AllowanceStepFen;
        run.LineCount = result.Lines.Count + adjustments.Count;
        run.TotalFen = result.TotalFen + adjustments.Sum(a => a.TotalFen);
        run.MissingScores = result.MissingScores;
        run.Warnings = string.Join('\n', result.Warnings);
        run.ComputedBy = user.UserName;
        run.ComputedAtUtc = Now;
        db.RecordEvent("PayrollComputed", nameof(PayLine), $"{town}/{year}-{month:00}", town,
            System.Text.Json.JsonSerializer.Serialize(new { lines = result.Lines.Count, totalFen = result.TotalFen, settingsVersion = s.Version, rankPolicyVersion = policy?.Version, sha256 = Hash(result.Lines) }));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return (await GetAsync(run.Id, null, new PageRequest(1, PageRequest.DefaultSize), ct))!;
    }

    private static string Hash(IEnumerable<PayLine> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines.Select(l => l.Fingerprint())))));

    /// <summary>Everything the month needs, in six queries over the town's prefix.</summary>
    private async Task<PayrollInput> LoadInputAsync(string town, DateOnly monthStart, PaySettings s, RankPolicy? policy, CancellationToken ct)
    {
        var prefix = RegionCodes.ScopePrefix(town);
        var (year, month) = (monthStart.Year, monthStart.Month);
        var awards = await db.Set<GoodSecretaryAward>().AsNoTracking()
            .Where(a => a.RegionCode.StartsWith(prefix) && a.PayYear == year && a.PayMonth == month)
            .Select(a => new DueReward(a.CadreId, a.AmountFen, a.Year + " 年度担当作为好支书奖励")).ToListAsync(ct);
        var shares = await db.Set<IncomeRewardShare>().AsNoTracking()
            .Join(db.Set<IncomeReward>().AsNoTracking(), sh => sh.IncomeRewardId, r => r.Id, (sh, r) => new { sh, r })
            .Where(x => x.r.RegionCode.StartsWith(prefix) && x.r.State == IncomeRewardState.Approved && x.r.PayYear == year && x.r.PayMonth == month && x.sh.AmountFen > 0)
            .Select(x => new DueReward(x.sh.CadreId, x.sh.AmountFen, x.r.Year + " 年度村集体经济收益增量奖励")).ToListAsync(ct);
        var rewards = awards.Concat(shares).OrderBy(r => r.CadreId).ThenBy(r => r.Label, StringComparer.Ordinal).ToList();
        var rewarded = rewards.Select(r => r.CadreId).Distinct().ToList();

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

        var payCadres = cadres.Select(c => new PayCadre(c.Id, c.RegionCode, c.Name, c.PostCode, c.Rank, c.Status, c.BirthDate, c.StartDate, c.DepartureDate,
            posts.GetValueOrDefault(c.Id) ?? [])).ToList();
        return new PayrollInput(monthStart, s, policy?.AllowanceStepFen ?? RankPolicy.DefaultAllowanceStepFen, policy?.Version, payCadres, changes, scores, rewards);
    }

    private async Task<RunView?> ChangeAsync(long id, Action<PayrollRun> change, CancellationToken ct)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (run is null) return null;
        try { change(run); } catch (PayRuleException e) { throw new DomainRuleException(e.Message); }
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
        try { run.EnsureDraft(); } catch (PayRuleException e) { throw new DomainRuleException(e.Message); }
        if (source.State != PayrollState.Locked) throw new DomainRuleException($"{source.Label}的批次尚未锁定：请直接重新计算该批次，不需要调整项");
        if (source.RegionCode != run.RegionCode) throw new DomainRuleException("只能更正本乡镇的工资明细");
        if ((source.Year, source.Month).CompareTo((run.Year, run.Month)) >= 0) throw new DomainRuleException("调整项只能加在被更正月份以后的批次中");
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

    /// <summary>Removes an adjustment line from a draft run.</summary>
    public async Task<RunView?> RemoveAdjustmentAsync(long runId, long lineId, CancellationToken ct = default)
    {
        var run = await db.Set<PayrollRun>().FirstOrDefaultAsync(r => r.Id == runId, ct);
        var line = await db.Set<PayLine>().FirstOrDefaultAsync(l => l.Id == lineId && l.RunId == runId && l.Kind == PayLineKind.Adjustment, ct);
        if (run is null || line is null) return null;
        try { run.EnsureDraft(); } catch (PayRuleException e) { throw new DomainRuleException(e.Message); }
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
        var state = await db.Set<PayrollRun>().AsNoTracking().IgnoreQueryFilters().Where(r => r.RegionCode == town && r.Year == year && r.Month == month)
            .Select(r => (PayrollState?)r.State).FirstOrDefaultAsync(ct);
        if (state is { } st && st != PayrollState.Draft)
            throw new DomainRuleException($"{year} 年 {month} 月的工资批次已{PayNames.State(st)[1..]}，不能再加入奖励；请选择以后的月份");
    }
}
