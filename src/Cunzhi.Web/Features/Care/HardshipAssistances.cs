using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A hardship assistance application as listed.</summary>
public sealed record AssistanceView(long Id, long CadreId, string CadreName, string VillageCode, AssistanceReason Reason, string Description,
    long RequestedFen, long? GrantedFen, AssistanceStatus Status, string? RejectReason, string RecommendedBy, DateTime RecommendedAtUtc, string? DecidedBy, int Version) : IVersionedView
{
    /// <summary>困难类别 (shown).</summary>
    public string ReasonName => DegreeRules.ReasonName(Reason);
    /// <summary>状态 (shown).</summary>
    public string StatusName => DegreeRules.AssistanceStatusName(Status);
}

/// <summary>The town recommends assistance for a cadre in office: reason category, a short description (no ID numbers, no medical detail), amount requested (fen).</summary>
public sealed record RecommendAssistance(long CadreId, AssistanceReason Reason, string? Description, long RequestedFen);

/// <summary>The county's decision: approve with the amount granted (fen), or reject with a reason; made from <see cref="Version"/>.</summary>
public sealed record DecideAssistance(bool Approve, long? GrantedFen, string? Reason) : IVersionedCommand
{
    /// <summary>The application's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class RecommendAssistanceValidator : AbstractValidator<RecommendAssistance>
{
    public RecommendAssistanceValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Reason).IsInEnum().WithMessage("请选择困难类别");
        RuleFor(c => c.Description).NotEmpty().WithMessage("请简要说明困难情况")
            .MaximumLength(HardshipAssistance.MaxDescription).WithMessage($"简要说明不能超过 {HardshipAssistance.MaxDescription} 个字");
        RuleFor(c => c.RequestedFen).Must(DegreeInput.IsAmount).WithMessage("申请" + DegreeInput.AmountMessage);
    }
}

public sealed class DecideAssistanceValidator : AbstractValidator<DecideAssistance>
{
    public DecideAssistanceValidator()
    {
        RuleFor(c => c.GrantedFen).Must(g => g is null || DegreeInput.IsAmount(g.Value)).WithMessage("批准" + DegreeInput.AmountMessage);
        RuleFor(c => c.Reason).MaximumLength(HardshipAssistance.MaxReason).WithMessage($"理由不能超过 {HardshipAssistance.MaxReason} 个字");
    }
}

/// <summary>
/// 困难帮扶: the cadre's town recommends (the application goes straight to the county as 待县审批), the county approves with
/// the amount granted (0 &lt; granted ≤ requested) or rejects with a reason. Only a category and a short description are
/// kept — no ID numbers, no medical or family detail.
/// </summary>
public sealed class HardshipAssistances(AppDbContext db, UserContext user, TimeProvider clock)
{
    public const string NotFound = "未找到该困难帮扶申请（或不在您的管辖范围内）";

    /// <summary>Applications in scope, newest first (status and village filters; paged).</summary>
    public Task<Paged<AssistanceView>> ListAsync(AssistanceStatus? status, string? village, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<HardshipAssistance>().AsNoTracking();
        if (status is { } s) q = q.Where(a => a.Status == s);
        if (!string.IsNullOrWhiteSpace(village)) q = q.Where(a => a.RegionCode == village.Trim());
        return Project(q.OrderByDescending(a => a.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>One application in scope, or null.</summary>
    public Task<AssistanceView?> GetAsync(long id, CancellationToken ct = default) =>
        Project(db.Set<HardshipAssistance>().AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<AssistanceView> Project(IQueryable<HardshipAssistance> q) => q.Select(a => new AssistanceView(a.Id, a.CadreId,
        db.Cadres.Where(c => c.Id == a.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", a.RegionCode, a.Reason, a.Description,
        a.RequestedFen, a.GrantedFen, a.Status, a.RejectReason, a.RecommendedBy, a.RecommendedAtUtc, a.DecidedBy, a.RowVersion));

    /// <summary>The town recommends (a town account; the cadre in scope and in office; description and amount valid).</summary>
    public async Task<AssistanceView> RecommendAsync(RecommendAssistance c, CancellationToken ct = default)
    {
        if (RegionCodes.LevelOf(user.RegionCode) is not RegionLevel.Town) throw new RuleException("困难帮扶由干部所在乡镇推荐，请使用乡镇账号");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode, x.Status }).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("assist.cadre", "CadreId", "未找到该干部（或不在您的管辖范围内）");
        var problems = DegreeRules.AssistanceProblems(c.Description, c.RequestedFen).ToList();
        if (cadre.Status != CadreStatus.InOffice) problems.Add(new("assist.cadre_left", "CadreId", $"{cadre.Name} 已不在任"));
        RuleException.ThrowIfAny(problems);
        var a = new HardshipAssistance
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, Reason = c.Reason, Description = c.Description!.Trim(), RequestedFen = c.RequestedFen,
            Status = AssistanceStatus.Recommended, RecommendedBy = user.UserName, RecommendedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(a);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(a.Id, ct))!;
    }

    /// <summary>The county decides a recommended application; null when it is not in scope.</summary>
    public async Task<AssistanceView?> DecideAsync(long id, DecideAssistance c, CancellationToken ct = default)
    {
        var a = await db.Set<HardshipAssistance>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (a is null) return null;
        db.ExpectVersion(a, c.Version);
        DegreeRules.Decide(a, c.Approve, c.GrantedFen, c.Reason, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>A cadre's applications at a glance (the cadre page): how many, and the total granted.</summary>
    public async Task<(int Count, long GrantedFen)> ForCadreAsync(long cadreId, CancellationToken ct = default)
    {
        var rows = await db.Set<HardshipAssistance>().AsNoTracking().Where(a => a.CadreId == cadreId).Select(a => a.GrantedFen).ToListAsync(ct);
        return (rows.Count, rows.Sum(g => g ?? 0));
    }
}
