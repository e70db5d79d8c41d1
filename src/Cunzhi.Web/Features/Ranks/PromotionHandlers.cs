using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Assessment;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Ranks;

public sealed record EligibilityRow(long CadreId, string Name, string VillageCode, string VillageName, string PostCode, RankEligibility Result,
    long? PendingProposalId, ProposalKind? PendingKind);

public sealed record TownOption(string Code, string Name);

/// <summary>One town's cadres on <see cref="AsOf"/>; <see cref="Notice"/> says why there are no answers (no policy yet).</summary>
public sealed record TownEligibility(string Town, string TownName, DateOnly AsOf, int? PolicyVersion, string? Notice, int Cadres, int EligibleCount, Paged<EligibilityRow> Rows);

public sealed record ProposalView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, ProposalKind Kind, int FromRank, int ToRank,
    DemotionGround? Ground, int? GroundYear, long? ConductRecordId, string Grounds, ProposalState State, string StateName, string ProposedBy,
    DateTime ProposedAtUtc, string? DecidedBy, DateTime? DecidedAtUtc, string? DecisionReason, DateOnly? EffectiveFrom);

public sealed record ProposalFilter(ProposalState? State, string? Region, long? CadreId);

public sealed record RankChangeView(long Id, RankChangeKind Kind, string KindName, int FromRank, int ToRank, DateOnly EffectiveFrom, string Reason,
    string DecidedBy, DateTime DecidedAtUtc, bool InForce);

public sealed record RankHistoryView(long CadreId, string Name, int Rank, int RankInForceToday, DateOnly Today, IReadOnlyList<RankChangeView> Changes);

/// <summary>The town proposes promotion of one or more cadres; all or none (every ineligible cadre is named with its reasons).</summary>
public sealed record ProposePromotions(List<long>? CadreIds, string? Note);

/// <summary>A demotion for an approved 不称职 (<see cref="Year"/>) or a veto (<see cref="ConductRecordId"/>).</summary>
public sealed record ProposeDemotion(long CadreId, DemotionGround Ground, int? Year, long? ConductRecordId, string? Note);

public sealed record RejectProposal(string? Reason);

public sealed class ProposePromotionsValidator : AbstractValidator<ProposePromotions>
{
    public ProposePromotionsValidator()
    {
        RuleFor(c => c.CadreIds).NotEmpty().WithMessage("请选择要申请晋升的干部");
        RuleFor(c => c.CadreIds).Must(l => l!.Count <= 200).When(c => c.CadreIds is not null).WithMessage("一次最多申请 200 人");
        RuleFor(c => c.Note).MaximumLength(300).WithMessage("说明不能超过 300 个字");
    }
}

public sealed class ProposeDemotionValidator : AbstractValidator<ProposeDemotion>
{
    public ProposeDemotionValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Ground).IsInEnum().WithMessage("请选择降级情形");
        RuleFor(c => c.Year).NotNull().When(c => c.Ground == DemotionGround.AnnualIncompetent).WithMessage("请填写不称职的考核年度");
        RuleFor(c => c.ConductRecordId).NotNull().When(c => c.Ground == DemotionGround.Veto).WithMessage("请选择一票否决记录");
        RuleFor(c => c.Note).MaximumLength(300).WithMessage("说明不能超过 300 个字");
    }
}

public sealed class RejectProposalValidator : AbstractValidator<RejectProposal>
{
    public RejectProposalValidator() =>
        RuleFor(c => c.Reason).NotEmpty().WithMessage("不予批准须填写理由").MaximumLength(500).WithMessage("理由不能超过 500 个字");
}

/// <summary>
/// Eligibility (computed by <see cref="PromotionRules.Check"/> under the policy in force on the date), proposals and the
/// county's decisions, and rank history. Approval writes a <see cref="RankChange"/> effective the first day of the next
/// month and sets <c>Cadre.Rank</c>, in one save. "Today" is the injected <see cref="TimeProvider"/>'s local date.
/// </summary>
public sealed class PromotionHandlers(AppDbContext db, UserContext user, IHttpContextAccessor http, PolicyHandlers policies, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该干部或申请（或不在您的管辖范围内）";

    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    private sealed record CadreInfo(long Id, string Name, string RegionCode, string PostCode, int Rank, CadreStatus Status, DateOnly StartDate);

    /// <summary>What the rules read for each cadre, in a handful of queries.</summary>
    private async Task<Dictionary<long, RankCandidate>> CandidatesAsync(IReadOnlyCollection<CadreInfo> cadres, CancellationToken ct)
    {
        var ids = cadres.Select(c => c.Id).ToList();
        var changes = await db.Set<RankChange>().AsNoTracking().Where(x => ids.Contains(x.CadreId)).ToListAsync(ct);
        var ratings = await db.Set<AnnualReview>().AsNoTracking().Where(r => ids.Contains(r.CadreId) && r.State == AnnualState.Approved && r.Rating != null)
            .Select(r => new { r.CadreId, r.Year, Rating = r.Rating!.Value }).ToListAsync(ct);
        var ballots = await db.Set<PublicEvaluationResult>().AsNoTracking().Where(r => ids.Contains(r.CadreId))
            .Select(r => new { r.CadreId, r.Year, r.Satisfied, r.BasicallySatisfied, r.Dissatisfied }).ToListAsync(ct);
        var conduct = await db.Set<ConductRecord>().AsNoTracking().Where(r => ids.Contains(r.CadreId)).ToListAsync(ct);
        return cadres.ToDictionary(c => c.Id, c => new RankCandidate(c.Id, c.Rank, c.Status == CadreStatus.InOffice, c.StartDate,
            changes.Where(x => x.CadreId == c.Id).ToList(),
            ratings.Where(r => r.CadreId == c.Id).Select(r => new YearRating(r.Year, r.Rating)).ToList(),
            ballots.Where(b => b.CadreId == c.Id).GroupBy(b => b.Year)
                .Select(g => (g.Key, Rate: PublicEvaluationResult.Rate(g.Sum(b => b.Satisfied), g.Sum(b => b.BasicallySatisfied), g.Sum(b => b.Dissatisfied))))
                .Where(x => x.Rate is not null).Select(x => new YearSatisfaction(x.Key, x.Rate!.Value)).ToList(),
            conduct.Where(r => r.CadreId == c.Id).ToList()));
    }

    private IQueryable<CadreInfo> CadreInfos(System.Linq.Expressions.Expression<Func<Cadre, bool>> where) =>
        db.Cadres.AsNoTracking().Where(where).Select(c => new CadreInfo(c.Id, c.Name, c.RegionCode, c.PostCode, c.Rank, c.Status, c.StartDate));

    private async Task<RankPolicy> PolicyAsync(DateOnly date, CancellationToken ct)
    {
        var versions = await policies.VersionsOfAsync(policies.County, ct);
        return RankPolicy.InForce(versions, date) ?? throw new RuleException(PolicyHandlers.Missing(versions, date)!);
    }

    /// <summary>Towns in scope (the county's choice list).</summary>
    public async Task<IReadOnlyList<TownOption>> TownsAsync(CancellationToken ct = default) =>
        await db.Regions.AsNoTracking().Towns().Select(r => new TownOption(r.Code, r.Name)).ToListAsync(ct);

    /// <summary>
    /// Every in-office cadre of a town (the acting town, or <paramref name="town"/> for county accounts) with the answer on
    /// <paramref name="asOf"/> (default today); null when the town is not in scope.
    /// </summary>
    public async Task<TownEligibility?> TownAsync(string? town, DateOnly? asOf, bool eligibleOnly, PageRequest page, CancellationToken ct = default)
    {
        town = RegionCodes.LevelOf(user.RegionCode) == RegionLevel.Town ? user.RegionCode : town?.Trim();
        if (town is null || RegionCodes.LevelOf(town) != RegionLevel.Town) return null;
        var townName = await db.Regions.AsNoTracking().Where(r => r.Code == town).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (townName is null) return null;
        var date = asOf ?? Today;
        var versions = await policies.VersionsOfAsync(policies.County, ct);
        var policy = RankPolicy.InForce(versions, date);
        if (policy is null) return new(town, townName, date, null, PolicyHandlers.Missing(versions, date), 0, 0, new([], 0, page.Page, page.Size));
        var prefix = RegionCodes.ScopePrefix(town);
        var cadres = (await CadreInfos(c => c.Status == CadreStatus.InOffice && c.RegionCode.StartsWith(prefix)).ToListAsync(ct))
            .OrderBy(c => c.RegionCode).ThenBy(c => c.Rank).ThenBy(c => c.Id).ToList();
        var candidates = await CandidatesAsync(cadres, ct);
        var pending = await db.Set<RankProposal>().AsNoTracking().Where(p => p.State == ProposalState.Pending && p.RegionCode.StartsWith(prefix))
            .Select(p => new { p.CadreId, p.Id, p.Kind }).ToDictionaryAsync(p => p.CadreId, ct);
        var villages = await db.Regions.AsNoTracking().Where(r => r.Code.StartsWith(prefix) && r.Level == RegionLevel.Village).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        var rows = cadres.Select(c => new EligibilityRow(c.Id, c.Name, c.RegionCode, villages.GetValueOrDefault(c.RegionCode, c.RegionCode), c.PostCode,
                PromotionRules.Check(candidates[c.Id], policy, date), pending.TryGetValue(c.Id, out var p) ? p.Id : null, pending.TryGetValue(c.Id, out var q) ? q.Kind : null))
            .ToList();
        var eligible = rows.Count(r => r.Result.Eligible);
        if (eligibleOnly) rows = rows.Where(r => r.Result.Eligible).ToList();
        return new(town, townName, date, policy.Version, null, cadres.Count, eligible,
            new(rows.Skip(page.Skip).Take(page.Size).ToList(), rows.Count, page.Page, page.Size));
    }

    /// <summary>One cadre's answer on <paramref name="asOf"/> (default today); null when the cadre is not in scope.</summary>
    public async Task<EligibilityRow?> CadreAsync(long cadreId, DateOnly? asOf, CancellationToken ct = default)
    {
        var cadre = await CadreInfos(c => c.Id == cadreId).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        var date = asOf ?? Today;
        var policy = await PolicyAsync(date, ct);
        var candidate = (await CandidatesAsync([cadre], ct))[cadre.Id];
        var pending = await db.Set<RankProposal>().AsNoTracking().Where(p => p.CadreId == cadreId && p.State == ProposalState.Pending)
            .Select(p => new { p.Id, p.Kind }).FirstOrDefaultAsync(ct);
        var village = await db.Regions.AsNoTracking().Where(r => r.Code == cadre.RegionCode).Select(r => r.Name).FirstOrDefaultAsync(ct);
        return new(cadre.Id, cadre.Name, cadre.RegionCode, village ?? cadre.RegionCode, cadre.PostCode, PromotionRules.Check(candidate, policy, date), pending?.Id, pending?.Kind);
    }

    private async Task EnsureNoPendingAsync(IReadOnlyCollection<long> ids, CancellationToken ct)
    {
        var names = await db.Set<RankProposal>().AsNoTracking().Where(p => ids.Contains(p.CadreId) && p.State == ProposalState.Pending)
            .Select(p => p.CadreName).ToListAsync(ct);
        if (names.Count > 0) throw new RuleException($"{string.Join("、", names)} 已有待批复的职级申请，每人同时只能有一项");
    }

    /// <summary>
    /// Saves new proposals. The check before (<see cref="EnsureNoPendingAsync"/>) and the insert are not one atomic step:
    /// of two requests for the same cadre at once, the unique index on pending proposals lets one in, and the other is
    /// refused (409) naming the cadre, as if it had arrived second.
    /// </summary>
    private async Task SaveProposalsAsync(IReadOnlyCollection<RankProposal> proposals, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e.IsUniqueViolation())
        {
            foreach (var p in proposals) db.Entry(p).State = EntityState.Detached;
            await EnsureNoPendingAsync(proposals.Select(p => p.CadreId).ToList(), ct);
            // The winner was decided in the meantime; the only unique index this insert can break is still the pending one.
            throw new RuleException("该干部已有待批复的职级申请，每人同时只能有一项，请刷新后查看");
        }
    }

    /// <summary>
    /// 申请晋升: all or none. Null when a cadre is not found in scope; refused (409) naming each ineligible cadre with every
    /// reason, or a cadre who already has a pending proposal.
    /// </summary>
    public async Task<IReadOnlyList<ProposalView>?> ProposePromotionsAsync(ProposePromotions c, CancellationToken ct = default)
    {
        var ids = c.CadreIds!.Distinct().ToList();
        var cadres = await CadreInfos(x => ids.Contains(x.Id)).ToListAsync(ct);
        if (cadres.Count != ids.Count) return null;
        await EnsureNoPendingAsync(ids, ct);
        var policy = await PolicyAsync(Today, ct);
        var candidates = await CandidatesAsync(cadres, ct);
        var refused = new List<RuleProblem>();
        var proposals = new List<RankProposal>();
        foreach (var cadre in cadres.OrderBy(x => ids.IndexOf(x.Id)))
        {
            var eligibility = PromotionRules.Check(candidates[cadre.Id], policy, Today);
            if (RankProposal.PromotionProblem(cadre.Name, eligibility) is { } problem) refused.Add(new(RankProposal.NotEligible, null, problem));
            else proposals.Add(RankProposal.Promotion(cadre.Id, cadre.RegionCode, cadre.Name, eligibility, c.Note, user.UserName, Now));
        }
        RuleException.ThrowIfAny(refused, separator: "\n");
        db.AddRange(proposals);
        await SaveProposalsAsync(proposals, ct);
        return await ViewsAsync(proposals, ct);
    }

    /// <summary>
    /// 申请降级 for an approved 不称职 or a veto set by discipline; null when the cadre or the veto record is not found in scope.
    /// Discipline may propose only for a veto. Refused at rank 13 (13 stays 13) and for a ground already acted on.
    /// </summary>
    public async Task<ProposalView?> ProposeDemotionAsync(ProposeDemotion c, CancellationToken ct = default)
    {
        var cadre = await CadreInfos(x => x.Id == c.CadreId).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        if (cadre.Status != CadreStatus.InOffice) throw new RuleException($"{cadre.Name} 已离任，不能申请降级");
        if (c.Ground == DemotionGround.AnnualIncompetent && !Principal.Can(Permissions.RanksDemoteIncompetent))
            throw new RuleException("因年度考核不称职申请降级由乡镇提出；纪检监察以一票否决情形申请降级");
        string text;
        if (c.Ground == DemotionGround.AnnualIncompetent)
        {
            var incompetent = await db.Set<AnnualReview>().AsNoTracking().AnyAsync(r => r.CadreId == cadre.Id && r.Year == c.Year && r.State == AnnualState.Approved
                && r.Rating == Rating.Incompetent, ct);
            if (!incompetent) throw new RuleException($"{cadre.Name} 的 {c.Year} 年度考核未审定为不称职，不能据此降级");
            if (await db.Set<RankProposal>().AnyAsync(p => p.CadreId == cadre.Id && p.Ground == DemotionGround.AnnualIncompetent && p.GroundYear == c.Year
                    && p.State == ProposalState.Approved, ct))
                throw new RuleException($"{cadre.Name} 已因 {c.Year} 年度考核不称职降级");
            text = $"{c.Year} 年度考核不称职";
        }
        else
        {
            var veto = await db.Set<ConductRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == c.ConductRecordId && r.CadreId == cadre.Id && r.Kind == ConductKind.Veto, ct);
            if (veto is null) return null;
            veto.EnsureDemotionGround();
            if (await db.Set<RankProposal>().AnyAsync(p => p.ConductRecordId == veto.Id && p.State == ProposalState.Approved, ct))
                throw new RuleException($"{cadre.Name} 已因该一票否决情形降级");
            text = $"一票否决：{veto.VetoReason}（{veto.Date:yyyy-MM-dd} {veto.Description}）";
        }
        await EnsureNoPendingAsync([cadre.Id], ct);
        var proposal = RankProposal.Demotion(cadre.Id, cadre.RegionCode, cadre.Name, cadre.Rank, c.Ground, c.Year, c.ConductRecordId, text, c.Note, user.UserName, Now);
        db.Add(proposal);
        await SaveProposalsAsync([proposal], ct);
        return (await ViewsAsync([proposal], ct))[0];
    }

    /// <summary>
    /// 批复 today: a promotion is checked again under the policy in force today (refused with the reasons if the cadre no
    /// longer qualifies), a demotion for a veto again for the veto still standing (not withdrawn); writes the rank change effective the first of next month and sets the cadre's rank. Null when not found.
    /// </summary>
    public async Task<ProposalView?> ApproveAsync(long id, CancellationToken ct = default)
    {
        var proposal = await db.Set<RankProposal>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return null;
        var cadre = await db.Cadres.FirstAsync(c => c.Id == proposal.CadreId, ct);
        if (proposal.State == ProposalState.Pending && proposal.Kind == ProposalKind.Promotion)
        {
            var info = new CadreInfo(cadre.Id, cadre.Name, cadre.RegionCode, cadre.PostCode, cadre.Rank, cadre.Status, cadre.StartDate);
            var now = PromotionRules.Check((await CandidatesAsync([info], ct))[cadre.Id], await PolicyAsync(Today, ct), Today);
            if (!now.Eligible) throw new RuleException($"{cadre.Name} 现已不符合晋升条件，请不予批准：{string.Join("；", now.Reasons)}");
        }
        // A veto withdrawn after the demotion was proposed is no longer a ground: the county rejects it instead.
        if (proposal.State == ProposalState.Pending && proposal.ConductRecordId is { } vetoId
            && await db.Set<ConductRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == vetoId, ct) is { } veto)
        {
            if (veto.DemotionGroundProblem() is { } problem) throw new RuleException($"{cadre.Name}：{problem}，请不予批准");
        }
        var change = proposal.Approve(cadre.Rank, Today, user.UserName, Now);
        db.Add(change);
        cadre.Rank = change.ToRank;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([proposal], ct))[0];
    }

    /// <summary>不予批准 with a reason; null when not found.</summary>
    public async Task<ProposalView?> RejectAsync(long id, RejectProposal c, CancellationToken ct = default)
    {
        var proposal = await db.Set<RankProposal>().FirstOrDefaultAsync(p => p.Id == id, ct);
        if (proposal is null) return null;
        proposal.Reject(c.Reason ?? "", user.UserName, Now);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync([proposal], ct))[0];
    }

    public async Task<Paged<ProposalView>> ProposalsAsync(ProposalFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<RankProposal>().AsNoTracking();
        if (f.State is { } s) q = q.Where(p => p.State == s);
        if (f.CadreId is { } cid) q = q.Where(p => p.CadreId == cid);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(p => p.RegionCode.StartsWith(prefix));
        }
        // Pending first (State 1), then newest.
        var paged = await q.OrderBy(p => p.State).ThenByDescending(p => p.Id).ToPagedAsync(page, ct);
        return new(await ViewsAsync(paged.Items, ct), paged.Total, paged.Page, paged.PageSize);
    }

    public async Task<ProposalView?> ProposalAsync(long id, CancellationToken ct = default) =>
        await db.Set<RankProposal>().AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) is { } p ? (await ViewsAsync([p], ct))[0] : null;

    private async Task<IReadOnlyList<ProposalView>> ViewsAsync(IReadOnlyList<RankProposal> proposals, CancellationToken ct)
    {
        var codes = proposals.Select(p => p.RegionCode).Distinct().ToList();
        var names = await db.Regions.AsNoTracking().Where(r => codes.Contains(r.Code)).ToDictionaryAsync(r => r.Code, r => r.Name, ct);
        return proposals.Select(p => new ProposalView(p.Id, p.CadreId, p.CadreName, p.RegionCode, names.GetValueOrDefault(p.RegionCode, p.RegionCode), p.Kind,
            p.FromRank, p.ToRank, p.Ground, p.GroundYear, p.ConductRecordId, p.Grounds, p.State, RankProposal.StateName(p.State), p.ProposedBy, p.ProposedAtUtc,
            p.DecidedBy, p.DecidedAtUtc, p.DecisionReason, p.EffectiveFrom)).ToList();
    }

    /// <summary>A cadre's rank history, newest first; null when the cadre is not in scope.</summary>
    public async Task<RankHistoryView?> HistoryAsync(long cadreId, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.AsNoTracking().Where(c => c.Id == cadreId).Select(c => new { c.Id, c.Name, c.Rank }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        var changes = await db.Set<RankChange>().AsNoTracking().Where(x => x.CadreId == cadreId).ToListAsync(ct);
        var today = Today;
        return new(cadre.Id, cadre.Name, cadre.Rank, RankHistory.RankInForce(changes, cadre.Rank, today), today,
            changes.OrderByDescending(x => x.EffectiveFrom).ThenByDescending(x => x.Id)
                .Select(x => new RankChangeView(x.Id, x.Kind, KindName(x.Kind), x.FromRank, x.ToRank, x.EffectiveFrom, x.Reason, x.DecidedBy, x.DecidedAtUtc,
                    x.EffectiveFrom <= today)).ToList());
    }

    public static string KindName(RankChangeKind k) => k switch { RankChangeKind.Initial => "定级", RankChangeKind.Promotion => "晋升", _ => "降级" };
    public static string KindName(ProposalKind k) => k == ProposalKind.Promotion ? "晋升" : "降级";
}
