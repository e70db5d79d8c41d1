using System.Security.Cryptography;
using System.Text;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Data;
using Cunzhi.Web.Infrastructure.Seed;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Pay;

/// <summary>Compute (or recompute) the acting town's run of a month; for a county admin, every town's.</summary>
public sealed record ComputeRun(int Year, int Month);

/// <summary>A town left out of a county-wide computation, and why.</summary>
public sealed record TownSkip(string Town, string TownName, string Reason);

/// <summary>What a county-wide computation did: towns under the county, runs computed, their lines and totals, towns skipped.</summary>
public sealed record ComputeAllResult(int Year, int Month, int Towns, int Computed, long Lines, long TotalFen, int MissingScores, IReadOnlyList<TownSkip> Skipped);

public sealed class ComputeRunValidator : AbstractValidator<ComputeRun>
{
    public ComputeRunValidator()
    {
        RuleFor(c => c.Year).InclusiveBetween(2000, 2100).WithMessage("年份无效");
        RuleFor(c => c.Month).InclusiveBetween(1, 12).WithMessage("月份须为 1–12");
    }
}

/// <summary>
/// Computes 工资发放批次 per town and month (set-based: cadres, posts, rank changes, scores and rewards of the town in a
/// few queries, <see cref="PayrollCalculator"/> in memory, lines inserted in one save), for one town or a whole county.
/// </summary>
public sealed class PayrollCompute(AppDbContext db, UserContext user, TimeProvider clock, PayRunViews views)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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
        var outcome = await ComputeTownsAsync(town, year, month, single: true, DefaultTownsPerSlice, null, ct);
        return (await views.GetAsync(outcome.RunIds.Single(), null, new PageRequest(1, PageRequest.DefaultSize), ct))!;
    }

    /// <summary>
    /// 全县计算: the county admin computes the month's draft runs of every town of the county at once (the towns still
    /// review them). Towns whose run is past draft, or whose county has no pay settings in force, are skipped and listed.
    /// </summary>
    public Task<ComputeAllResult> ComputeCountyAsync(ComputeRun c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) != RegionLevel.County) throw new RuleException("只有县级账号可以计算全县各乡镇的工资");
        return ComputeAllAsync(user.RegionCode, c.Year, c.Month, ct: ct);
    }

    /// <summary>Towns read, computed and written together (one slice): a few hundred towns, some 40,000 cadres.</summary>
    public const int DefaultTownsPerSlice = 300;

    /// <summary>
    /// Every town's run of a month under <paramref name="region"/> (a county, a province; null: every town the account's
    /// scope holds), computed in slices of towns in code order (<paramref name="townsPerSlice"/>) inside one transaction.
    /// The bench calls this for a whole province; <paramref name="phases"/>, when given, collects where the time went.
    /// </summary>
    public async Task<ComputeAllResult> ComputeAllAsync(string? region, int year, int month, int townsPerSlice = DefaultTownsPerSlice,
        PayrollPhases? phases = null, CancellationToken ct = default)
    {
        var outcome = await ComputeTownsAsync(region, year, month, single: false, townsPerSlice, phases, ct);
        return new ComputeAllResult(year, month, outcome.Towns, outcome.RunIds.Count, outcome.Lines, outcome.TotalFen, outcome.MissingScores, outcome.Skipped);
    }

    private sealed record Outcome(int Towns, List<long> RunIds, long Lines, long TotalFen, int MissingScores, List<TownSkip> Skipped);

    /// <summary>A town to compute: its settings, rank policy and existing draft run (read untracked), if any.</summary>
    private sealed record TownWork(string Town, PaySettings Settings, RankPolicy? Policy, PayrollRun? Run);

    /// <summary>A town's computed month: the calculator's result and the SHA-256 over its lines.</summary>
    private sealed record TownResult(TownWork Work, long AllowanceStepFen, PayrollComputation Result, string Sha256);

    /// <summary>
    /// The one computation path, for one town or every town under a region. Up front: the towns in code order, the pay
    /// settings and rank policies of their counties, and the month's rewards under the region (few; a rewarded cadre is
    /// read wherever the reward is). Then, in one transaction, slice by slice (towns in code order,
    /// <paramref name="townsPerSlice"/> at a time): the slice's runs, its cadres (a range of region codes on the cadre
    /// index) with their posts, rank changes and scores under the region (<see cref="LoadInputsAsync"/>, untracked), the
    /// pure <see cref="PayrollCalculator"/> per town — on a worker thread, while the previous slice is written — and the
    /// slice's writes: its draft runs' computed lines deleted (adjustment lines stay), its runs inserted or updated with one
    /// summary audit entry per town (count, total, SHA-256 over its lines) in one save, and its lines written in bulk
    /// (<see cref="ScopeGateway.InsertInRegionAsync{T}"/>: COPY on PostgreSQL, prepared INSERTs on SQLite); then the change
    /// tracker is cleared, so memory holds two slices at most, never the country. The lines, runs and audit entries are
    /// those of a computation in one slice, which a test checks; a failure anywhere rolls every slice back. Bulk rows skip
    /// the context's scope check, so the gateway checks every line's village against the region, and the region against
    /// the account's scope, before anything is written; the delete of the old lines carries the region in its WHERE too.
    /// With <paramref name="single"/>, a refusal throws instead of skipping the town.
    /// </summary>
    private async Task<Outcome> ComputeTownsAsync(string? region, int year, int month, bool single, int townsPerSlice, PayrollPhases? phases, CancellationToken ct)
    {
        if (townsPerSlice < 1) throw new ArgumentOutOfRangeException(nameof(townsPerSlice));
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var monthStart = new DateOnly(year, month, 1);
        var prefix = region is null ? "" : RegionCodes.ScopePrefix(region);
        var towns = await db.Regions.AsNoTracking().Towns(region).Select(r => new { r.Code, r.Name }).ToListAsync(ct);
        if (single && towns.Count == 0) throw new RuleException("乡镇不存在或不在您的管辖范围内");
        var counties = towns.Select(t => RegionCodes.CountyOf(t.Code)!).Distinct().ToList();
        var settingsOf = (await db.Set<PaySettings>().AsNoTracking().Where(s => counties.Contains(s.CountyCode)).ToListAsync(ct))
            .GroupBy(s => s.CountyCode).ToDictionary(g => g.Key, g => PaySettings.InForce(g.ToList(), monthStart));
        var policyOf = (await db.Set<RankPolicy>().AsNoTracking().Where(p => counties.Contains(p.CountyCode)).ToListAsync(ct))
            .GroupBy(p => p.CountyCode).ToDictionary(g => g.Key, g => RankPolicy.InForce(g.ToList(), monthStart));
        var rewards = await LoadRewardsAsync(prefix, year, month, ct);
        // The region the bulk writes stay in: the towns' prefix, or the account's scope when computing every town it has.
        var within = prefix.StartsWith(user.ScopePrefix, StringComparison.Ordinal) ? prefix : user.ScopePrefix;
        phases?.Add(PayrollPhase.Read, watch);

        var skipped = new List<TownSkip>();
        var runIds = new List<long>();
        long written = 0, total = 0;
        var missing = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        Task<List<TownResult>>? pending = null;
        foreach (var slice in towns.Chunk(townsPerSlice))
        {
            // The slice's runs, untracked until the slice is written (the previous slice's write clears the tracker): a
            // draft is then attached and updated in place (its version checked), a new one inserted.
            var (lo, hi) = (RegionCodes.TownPrefix(slice[0].Code), RegionScopeRange.UpperBound(RegionCodes.TownPrefix(slice[^1].Code)));
            var runs = await db.Set<PayrollRun>().AsNoTracking()
                .Where(r => r.RegionCode.StartsWith(prefix) && string.Compare(r.RegionCode, lo) >= 0 && string.Compare(r.RegionCode, hi) < 0 && r.Year == year && r.Month == month)
                .ToDictionaryAsync(r => r.RegionCode, ct);
            var work = new List<TownWork>();
            foreach (var t in slice)
            {
                var county = RegionCodes.CountyOf(t.Code)!;
                var run = runs.GetValueOrDefault(t.Code);
                var s = settingsOf.GetValueOrDefault(county);
                var refusal = s is null ? $"县委组织部尚未发布 {year} 年 {month} 月适用的报酬标准，暂不能计算工资" : NotDraft(run);
                if (refusal is null) work.Add(new TownWork(t.Code, s!, policyOf.GetValueOrDefault(county), run));
                else if (single) throw new RuleException(refusal);
                else skipped.Add(new TownSkip(t.Code, t.Name, refusal));
            }
            if (work.Count == 0) continue;
            var inputs = await LoadInputsAsync(prefix, lo, hi, monthStart, rewards, ct);
            phases?.Add(PayrollPhase.Read, watch);
            // The calculation of this slice runs beside the writes of the previous one (the context stays on this thread).
            var computing = Task.Run(() => ComputeSlice(work, inputs, monthStart, phases), ct);
            if (pending is not null) await WriteSliceAsync(await WaitAsync(pending));
            pending = computing;
        }
        if (pending is not null) await WriteSliceAsync(await WaitAsync(pending));
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new Outcome(towns.Count, runIds, written, total, missing, skipped);

        async Task<List<TownResult>> WaitAsync(Task<List<TownResult>> calculation)
        {
            var results = await calculation;
            phases?.Add(PayrollPhase.Wait, watch);
            return results;
        }

        async Task WriteSliceAsync(List<TownResult> results)
        {
            var redo = results.Where(r => r.Work.Run is not null).Select(r => r.Work.Run!.Id).ToList();
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
                var run = r.Work.Run;
                if (run is null) db.Add(run = new PayrollRun { RegionCode = r.Work.Town, Year = year, Month = month });
                else db.Attach(run);
                var adjustments = run.Id == 0 ? (0, 0L) : kept.GetValueOrDefault(run.Id);
                run.SettingsVersion = r.Work.Settings.Version;
                run.RankPolicyVersion = r.Work.Policy?.Version;
                run.AllowanceStepFen = r.AllowanceStepFen;
                run.LineCount = r.Result.Lines.Count + adjustments.Item1;
                run.TotalFen = r.Result.TotalFen + adjustments.Item2;
                run.MissingScores = r.Result.MissingScores;
                run.Warnings = string.Join('\n', r.Result.Warnings);
                run.ComputedBy = user.UserName;
                run.ComputedAtUtc = Now;
                db.RecordEvent("PayrollComputed", nameof(PayLine), $"{r.Work.Town}/{year}-{month:00}", r.Work.Town,
                    System.Text.Json.JsonSerializer.Serialize(new { lines = r.Result.Lines.Count, totalFen = r.Result.TotalFen, settingsVersion = r.Work.Settings.Version, rankPolicyVersion = r.Work.Policy?.Version, sha256 = r.Sha256 }));
                computed.Add((run, r.Result.Lines));
            }
            await db.SaveChangesAsync(ct);
            phases?.Add(PayrollPhase.Save, watch);
            foreach (var (run, lines) in computed)
                foreach (var l in lines) l.RunId = run.Id;
            written += await ScopeGateway.InsertInRegionAsync(db, within, computed.SelectMany(c => c.Lines).ToList(), LineColumns, LineValues, ct);
            phases?.Add(PayrollPhase.Write, watch);
            runIds.AddRange(computed.Select(c => c.Run.Id));
            total += computed.Sum(c => c.Run.TotalFen);
            missing += computed.Sum(c => c.Run.MissingScores);
            // Nothing of this slice is needed again: the tracker must not grow with the country.
            db.ChangeTracker.Clear();
        }
    }

    /// <summary>The calculator and the hash of every town of a slice (pure: no context, safe on a worker thread).</summary>
    private static List<TownResult> ComputeSlice(List<TownWork> work, RegionInputs inputs, DateOnly monthStart, PayrollPhases? phases)
    {
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var results = work.Select(w =>
        {
            var input = inputs.For(w.Town, monthStart, w.Settings, w.Policy);
            var result = PayrollCalculator.Compute(input);
            return new TownResult(w, input.AllowanceStepFen, result, Hash(result.Lines));
        }).ToList();
        phases?.Add(PayrollPhase.Calculate, watch);
        return results;
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

    /// <summary>What a slice of towns needs for the month, handed out per town (<see cref="For"/>).</summary>
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

    /// <summary>The month's rewards under the region (好支书 awards and income-increment shares), by the town of the reward.</summary>
    private sealed record RegionRewards(ILookup<string, DueReward> ByTown, List<long> Rewarded);

    /// <summary>Rewards due in the month under a region prefix, in two queries: few rows, read once for every slice.</summary>
    private async Task<RegionRewards> LoadRewardsAsync(string prefix, int year, int month, CancellationToken ct)
    {
        var awards = await db.Set<GoodSecretaryAward>().AsNoTracking()
            .Where(a => a.RegionCode.StartsWith(prefix) && a.PayYear == year && a.PayMonth == month)
            .Select(a => new { a.RegionCode, Reward = new DueReward(a.CadreId, a.AmountFen, a.Year + " 年度担当作为好支书奖励") }).ToListAsync(ct);
        var shares = await db.Set<IncomeRewardShare>().AsNoTracking()
            .Join(db.Set<IncomeReward>().AsNoTracking(), sh => sh.IncomeRewardId, r => r.Id, (sh, r) => new { sh, r })
            .Where(x => x.r.RegionCode.StartsWith(prefix) && x.r.State == IncomeRewardState.Approved && x.r.PayYear == year && x.r.PayMonth == month && x.sh.AmountFen > 0)
            .Select(x => new { x.r.RegionCode, Reward = new DueReward(x.sh.CadreId, x.sh.AmountFen, x.r.Year + " 年度村集体经济收益增量奖励") }).ToListAsync(ct);
        var rewards = awards.Concat(shares).OrderBy(r => r.Reward.CadreId).ThenBy(r => r.Reward.Label, StringComparer.Ordinal).ToList();
        return new RegionRewards(rewards.ToLookup(r => RegionInputs.TownKey(r.RegionCode), r => r.Reward), rewards.Select(r => r.Reward.CadreId).Distinct().ToList());
    }

    /// <summary>
    /// What a slice needs: its cadres (codes in [<paramref name="lo"/>, <paramref name="hi"/>) under the region prefix — a
    /// range the cadre index serves — in office, departed normally, departed this month or later, or rewarded this month),
    /// and, for exactly those cadres, their posts, rank changes and monthly score under the region (by cadre, so a cadre
    /// whose post lies in another slice's town gets it as in one slice). Untracked projections of the columns used.
    /// </summary>
    private async Task<RegionInputs> LoadInputsAsync(string prefix, string lo, string hi, DateOnly monthStart, RegionRewards rewards, CancellationToken ct)
    {
        var (year, month) = (monthStart.Year, monthStart.Month);
        var rewarded = rewards.Rewarded;
        var sliceCadres = db.Cadres.AsNoTracking()
            .Where(c => c.RegionCode.StartsWith(prefix) && string.Compare(c.RegionCode, lo) >= 0 && string.Compare(c.RegionCode, hi) < 0
                        && (c.Status == CadreStatus.InOffice || c.Status == CadreStatus.DepartedNormally || c.DepartureDate >= monthStart || rewarded.Contains(c.Id)));
        var ids = sliceCadres.Select(c => c.Id);
        var cadres = await sliceCadres
            .Select(c => new { c.Id, c.RegionCode, c.Name, c.PostCode, c.Rank, c.Status, c.BirthDate, c.StartDate, c.DepartureDate })
            .ToListAsync(ct);
        var posts = (await db.CadrePosts.AsNoTracking().Where(p => p.RegionCode.StartsWith(prefix) && ids.Contains(p.CadreId))
                .Select(p => new { p.Id, p.CadreId, p.PostCode, p.StartDate, p.EndDate }).ToListAsync(ct))
            .GroupBy(p => p.CadreId).ToDictionary(g => g.Key, g => g.OrderBy(p => p.Id).Select(p => new PostSpan(p.PostCode, p.StartDate, p.EndDate)).ToList());
        var changes = (await db.Set<RankChange>().AsNoTracking().Where(c => c.RegionCode.StartsWith(prefix) && ids.Contains(c.CadreId)).ToListAsync(ct))
            .GroupBy(c => c.CadreId).ToDictionary(g => g.Key, g => (IReadOnlyList<RankChange>)g.OrderBy(c => c.Id).ToList());
        var scores = await db.Set<PeriodReview>().AsNoTracking()
            .Where(r => r.RegionCode.StartsWith(prefix) && r.Kind == ReviewKind.Monthly && r.Year == year && r.Period == month && ids.Contains(r.CadreId))
            .Select(r => new { r.CadreId, r.Total })
            .ToDictionaryAsync(r => r.CadreId, r => r.Total, ct);

        return new RegionInputs
        {
            Cadres = cadres.Select(c => new PayCadre(c.Id, c.RegionCode, c.Name, c.PostCode, c.Rank, c.Status, c.BirthDate, c.StartDate, c.DepartureDate,
                posts.GetValueOrDefault(c.Id) ?? [])).ToLookup(c => RegionInputs.TownKey(c.RegionCode)),
            Changes = changes,
            Scores = scores,
            Rewards = rewards.ByTown,
        };
    }
}

/// <summary>The parts of a payroll computation <see cref="PayrollPhases"/> times (Wait: the writer waiting for a slice's calculation).</summary>
public enum PayrollPhase { Read, Calculate, Wait, Save, Write }

/// <summary>
/// Wall time per phase of one computation, for the bench (thread-safe: the calculation of a slice runs on a worker
/// thread beside the previous slice's writes, so the phases can add up to more than the whole).
/// </summary>
public sealed class PayrollPhases
{
    private readonly long[] _ticks = new long[Enum.GetValues<PayrollPhase>().Length];

    /// <summary>Adds the watch's time to the phase and restarts the watch for the next phase.</summary>
    public void Add(PayrollPhase phase, System.Diagnostics.Stopwatch watch)
    {
        Interlocked.Add(ref _ticks[(int)phase], watch.Elapsed.Ticks);
        watch.Restart();
    }

    public double Seconds(PayrollPhase phase) => TimeSpan.FromTicks(Interlocked.Read(ref _ticks[(int)phase])).TotalSeconds;
}
