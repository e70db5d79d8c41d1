using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Tasks;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A tuition claim as listed (with its programme's school and its receipts' count).</summary>
public sealed record ClaimView(long Id, long ProgrammeId, long CadreId, string CadreName, string VillageCode, string School, int Year, string Term,
    long TuitionFen, long? ReimbursedFen, ClaimStatus Status, string? RejectReason, string CreatedBy, string? DecidedBy, int Receipts, int Version) : IVersionedView
{
    /// <summary>状态 (shown).</summary>
    public string StatusName => DegreeRules.ClaimStatusName(Status);
}

/// <summary>A receipt file of a claim.</summary>
public sealed record ReceiptView(long Id, long ClaimId, string FileName, string ContentType, long Size, string Sha256, string UploadedBy, DateTime UploadedAtUtc);

/// <summary>Files a tuition claim on a programme: the year the tuition counts in, the term, the tuition paid (fen).</summary>
public sealed record FileTuitionClaim(long ProgrammeId, int Year, string? Term, long TuitionFen);

/// <summary>The county's decision on a claim: approve (for the policy's share within the caps) or reject with a reason; made from <see cref="Version"/>.</summary>
public sealed record DecideTuitionClaim(bool Approve, string? Reason) : IVersionedCommand
{
    /// <summary>The claim's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class FileTuitionClaimValidator : AbstractValidator<FileTuitionClaim>
{
    public FileTuitionClaimValidator()
    {
        RuleFor(c => c.ProgrammeId).GreaterThan(0).WithMessage("请选择学历提升项目");
        RuleFor(c => c.Year).InclusiveBetween(InputRange.MinYear, InputRange.MaxYear).WithMessage(InputRange.YearMessage);
        RuleFor(c => c.TuitionFen).Must(DegreeInput.IsAmount).WithMessage("学费" + DegreeInput.AmountMessage);
    }
}

public sealed class DecideTuitionClaimValidator : AbstractValidator<DecideTuitionClaim>
{
    public DecideTuitionClaimValidator() =>
        RuleFor(c => c.Reason).MaximumLength(TuitionClaim.MaxReason).WithMessage($"理由不能超过 {TuitionClaim.MaxReason} 个字");
}

/// <summary>
/// 学费报销: the town or county files a claim on a programme that is not 退学, uploads its receipts, and the county approves
/// it under the policy in force that day (<see cref="DegreeRules.Reimbursement"/>) or rejects it. Approving adds the amount
/// to the cadre's <see cref="DegreeAllowance"/> of the year and to the programme, both versioned rows, in the claim's save:
/// two approvals at once cannot together pass a cap — the later save is stale (409) and nothing of it is written.
/// </summary>
public sealed class TuitionClaims(AppDbContext db, UserContext user, TimeProvider clock, DegreeSupportPolicyHandlers policies, EvidenceStore files)
{
    public const string NotFound = "未找到该报销申请（或不在您的管辖范围内）";

    /// <summary>Claims in scope, newest first (status, programme filters; paged).</summary>
    public Task<Paged<ClaimView>> ListAsync(ClaimStatus? status, long? programme, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<TuitionClaim>().AsNoTracking();
        if (status is { } s) q = q.Where(c => c.Status == s);
        if (programme is { } p) q = q.Where(c => c.ProgrammeId == p);
        return Project(q.OrderByDescending(c => c.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>One claim in scope, or null.</summary>
    public Task<ClaimView?> GetAsync(long id, CancellationToken ct = default) =>
        Project(db.Set<TuitionClaim>().AsNoTracking().Where(c => c.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<ClaimView> Project(IQueryable<TuitionClaim> q) => q.Select(c => new ClaimView(c.Id, c.ProgrammeId, c.CadreId,
        db.Cadres.Where(x => x.Id == c.CadreId).Select(x => x.Name).FirstOrDefault() ?? "", c.RegionCode,
        db.Set<DegreeProgramme>().Where(p => p.Id == c.ProgrammeId).Select(p => p.School).FirstOrDefault() ?? "",
        c.Year, c.Term, c.TuitionFen, c.ReimbursedFen, c.Status, c.RejectReason, c.CreatedBy, c.DecidedBy,
        db.Set<TuitionReceipt>().Count(r => r.ClaimId == c.Id), c.RowVersion));

    /// <summary>Files a claim (county or town account; the programme in scope and not 退学; term, year and tuition valid).</summary>
    public async Task<ClaimView> FileAsync(FileTuitionClaim c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) is not (RegionLevel.County or RegionLevel.Town)) throw new RuleException("学费报销由县或乡镇申请，请使用县级或乡镇账号");
        var p = await db.Set<DegreeProgramme>().AsNoTracking().FirstOrDefaultAsync(x => x.Id == c.ProgrammeId, ct)
            ?? throw new RuleException("degree.programme", "ProgrammeId", DegreeProgrammes.NotFound);
        DegreeRules.EnsureClaimable(p);
        RuleException.ThrowIfAny(DegreeRules.ClaimProblems(p, c.Year, c.Term, c.TuitionFen));
        var claim = new TuitionClaim
        {
            RegionCode = p.RegionCode, ProgrammeId = p.Id, CadreId = p.CadreId, Year = c.Year, Term = c.Term!.Trim(), TuitionFen = c.TuitionFen,
            Status = ClaimStatus.Pending, CreatedBy = user.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(claim);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(claim.Id, ct))!;
    }

    /// <summary>
    /// Approves (the policy's share, refused naming what remains when a cap would be passed) or rejects (with a reason) a
    /// pending claim; null when the claim is not in scope. One save: the claim, the programme's and the year's totals.
    /// </summary>
    public async Task<ClaimView?> DecideAsync(long id, DecideTuitionClaim c, CancellationToken ct = default)
    {
        var claim = await db.Set<TuitionClaim>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (claim is null) return null;
        db.ExpectVersion(claim, c.Version);
        if (claim.Status != ClaimStatus.Pending) throw new RuleException("degree.claim_decided", null, $"该报销申请已{DegreeRules.ClaimStatusName(claim.Status)}，不能再审批");
        var now = clock.GetUtcNow().UtcDateTime;
        if (c.Approve)
        {
            var programme = await db.Set<DegreeProgramme>().FirstAsync(p => p.Id == claim.ProgrammeId, ct);
            DegreeRules.EnsureClaimable(programme);
            var county = RegionCodes.CountyOf(claim.RegionCode) ?? throw new RuleException("区划有误");
            var policy = await policies.InForceOrDefaultAsync(county, clock.Today(), ct);
            var allowance = await db.Set<DegreeAllowance>().FirstOrDefaultAsync(a => a.CadreId == claim.CadreId && a.Year == claim.Year, ct);
            var amount = DegreeRules.Reimbursement(policy, claim.TuitionFen, allowance?.ReimbursedFen ?? 0, programme.ReimbursedFen);
            if (allowance is null) db.Add(new DegreeAllowance { RegionCode = claim.RegionCode, CadreId = claim.CadreId, Year = claim.Year, ReimbursedFen = amount });
            else allowance.ReimbursedFen += amount;
            programme.ReimbursedFen += amount;
            (claim.Status, claim.ReimbursedFen) = (ClaimStatus.Approved, amount);
        }
        else
        {
            if (string.IsNullOrWhiteSpace(c.Reason)) throw new RuleException("degree.reason", "Reason", "请填写不予报销的理由");
            if (c.Reason.Trim().Length > TuitionClaim.MaxReason) throw new RuleException("degree.reason", "Reason", $"理由不能超过 {TuitionClaim.MaxReason} 个字");
            (claim.Status, claim.RejectReason) = (ClaimStatus.Rejected, c.Reason.Trim());
        }
        (claim.DecidedBy, claim.DecidedAtUtc) = (user.UserName, now);
        // The year's first approval inserts its allowance row: of two at once the unique index refuses one (409).
        await db.SaveCreatedAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Receipts of a claim in scope (null when the claim is not).</summary>
    public async Task<IReadOnlyList<ReceiptView>?> ReceiptsAsync(long claimId, CancellationToken ct = default)
    {
        if (!await db.Set<TuitionClaim>().AnyAsync(c => c.Id == claimId, ct)) return null;
        return await db.Set<TuitionReceipt>().AsNoTracking().Where(r => r.ClaimId == claimId).OrderBy(r => r.Id)
            .Select(r => new ReceiptView(r.Id, r.ClaimId, r.FileName, r.ContentType, r.Size, r.Sha256, r.UploadedBy, r.UploadedAtUtc)).ToListAsync(ct);
    }

    /// <summary>Uploads a receipt (jpg/png/pdf by content, at most 5 MB, stored like task evidence) to a pending claim in scope; null when the claim is not in scope.</summary>
    public async Task<ReceiptView?> UploadReceiptAsync(long claimId, IFormFile file, CancellationToken ct = default)
    {
        var claim = await db.Set<TuitionClaim>().AsNoTracking().Where(c => c.Id == claimId).Select(c => new { c.Id, c.RegionCode, c.Status }).FirstOrDefaultAsync(ct);
        if (claim is null) return null;
        if (claim.Status != ClaimStatus.Pending) throw new RuleException("degree.claim_decided", null, "报销申请已审批，不能再上传票据");
        if (await db.Set<TuitionReceipt>().CountAsync(r => r.ClaimId == claimId, ct) >= MaxReceipts) throw new RuleException("degree.receipts", null, $"每份报销申请最多上传 {MaxReceipts} 张票据");
        RuleException.ThrowIfAny(await EvidenceStore.CheckAsync(file, ct));
        var stored = await files.StoreAsync(file, ct);
        var r = new TuitionReceipt
        {
            RegionCode = claim.RegionCode, ClaimId = claim.Id, FileName = stored.FileName, ContentType = stored.ContentType, Size = stored.Size,
            Sha256 = stored.Sha256, StoredName = stored.StoredName, UploadedBy = user.UserName, UploadedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(r);
        try { await db.SaveChangesAsync(ct); }
        catch { files.Delete(stored.StoredName); throw; }
        return new(r.Id, r.ClaimId, r.FileName, r.ContentType, r.Size, r.Sha256, r.UploadedBy, r.UploadedAtUtc);
    }

    /// <summary>A receipt's row in scope, or null.</summary>
    public Task<TuitionReceipt?> ReceiptAsync(long claimId, long id, CancellationToken ct = default) =>
        db.Set<TuitionReceipt>().AsNoTracking().FirstOrDefaultAsync(r => r.Id == id && r.ClaimId == claimId, ct);

    /// <summary>Most receipts on one claim.</summary>
    public const int MaxReceipts = 10;
}
