using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>An audit as listed and shown: the cadre, reason, period, auditor, dates, state, and its findings' counts.</summary>
public sealed record AuditView(long Id, long CadreId, string CadreName, string VillageCode, string VillageName, AuditReason Reason, string ReasonName,
    DateOnly PeriodFrom, DateOnly PeriodTo, string AuditorUnit, DateOnly PlannedStart, DateOnly? StartedOn, DateOnly? ReportedOn, string? ReportSummary,
    AuditState State, string StateName, int Findings, int OpenFindings, string RecordedBy, int Version) : IVersionedView;

/// <summary>Plans an audit of a cadre.</summary>
public sealed record PlanAudit(long CadreId, AuditReason Reason, DateOnly? PeriodFrom, DateOnly? PeriodTo, string? AuditorUnit, DateOnly? PlannedStart);

/// <summary>Moves an audit on: <c>Begin</c> (实施) on a date, or <c>Report</c> (出具报告) on a date with the summary.</summary>
public sealed record AdvanceAudit(DateOnly? Date, string? Summary) : IVersionedCommand
{
    /// <summary>The audit's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Input checks shared by the supervision commands.</summary>
public static class SupervisionInput
{
    /// <summary>The message for a date outside 2000–2100.</summary>
    public static readonly string DateMessage = $"日期须在 {InputRange.MinYear} 至 {InputRange.MaxYear} 年之间";

    /// <summary>No date, or one within 2000–2100.</summary>
    public static bool InRange(DateOnly? d) => d is not { } x || x.Year is >= InputRange.MinYear and <= InputRange.MaxYear;
}

public sealed class PlanAuditValidator : AbstractValidator<PlanAudit>
{
    public PlanAuditValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择被审计的干部");
        RuleFor(c => c.Reason).IsInEnum().WithMessage("请选择审计类型（离任、任期届满、专项）");
        RuleFor(c => c.PeriodFrom).NotNull().WithMessage("请填写审计期间起始日期").Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
        RuleFor(c => c.PeriodTo).NotNull().WithMessage("请填写审计期间截止日期").Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
        RuleFor(c => c.PlannedStart).NotNull().WithMessage("请填写计划开始日期").Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
        RuleFor(c => c.AuditorUnit).NotEmpty().WithMessage("请填写审计单位").MaximumLength(EconomicAudit.MaxAuditor).WithMessage($"审计单位不能超过 {EconomicAudit.MaxAuditor} 个字");
    }
}

public sealed class AdvanceAuditValidator : AbstractValidator<AdvanceAudit>
{
    public AdvanceAuditValidator() => RuleFor(c => c.Date).Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
}

/// <summary>
/// 经济责任审计: the county or discipline inspection plans an audit of a committee member (a cadre in office during the
/// audited period), begins it and records its report; the town reads its villages' audits. Scope and audit log are the
/// data context's; every change checks the audit's version.
/// </summary>
public sealed class EconomicAudits(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该审计或干部（或不在您的管辖范围内）";

    private IQueryable<AuditView> Views(IQueryable<EconomicAudit> q) => q.Select(a => new AuditView(a.Id, a.CadreId,
        db.Cadres.Where(c => c.Id == a.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", a.RegionCode,
        db.Regions.Where(r => r.Code == a.RegionCode).Select(r => r.Name).FirstOrDefault() ?? a.RegionCode, a.Reason, "", a.PeriodFrom, a.PeriodTo, a.AuditorUnit,
        a.PlannedStart, a.StartedOn, a.ReportedOn, a.ReportSummary, a.State, "",
        db.Set<SupervisionFinding>().Count(f => f.AuditId == a.Id), db.Set<SupervisionFinding>().Count(f => f.AuditId == a.Id && f.State != FindingState.Closed),
        a.RecordedBy, a.RowVersion));

    private static AuditView Named(AuditView v) => v with { ReasonName = SupervisionNames.Reason(v.Reason), StateName = SupervisionNames.State(v.State) };

    /// <summary>The audits in scope (region, state), latest planned first (paged).</summary>
    public async Task<Paged<AuditView>> ListAsync(string? region, AuditState? state, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<EconomicAudit>().AsNoTracking();
        if (state is { } s) q = q.Where(a => a.State == s);
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(a => a.RegionCode.StartsWith(prefix));
        }
        var paged = await Views(q.OrderByDescending(a => a.PlannedStart).ThenByDescending(a => a.Id)).ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(Named).ToList() };
    }

    /// <summary>One audit in scope, or null.</summary>
    public async Task<AuditView?> GetAsync(long id, CancellationToken ct = default) =>
        await Views(db.Set<EconomicAudit>().AsNoTracking().Where(a => a.Id == id)).FirstOrDefaultAsync(ct) is { } v ? Named(v) : null;

    /// <summary>Plans an audit of a cadre in scope (null when the cadre is not found); refused when the cadre held no office in the period.</summary>
    public async Task<AuditView?> PlanAsync(PlanAudit c, CancellationToken ct = default)
    {
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId)
            .Select(x => new { x.Id, x.RegionCode, x.StartDate, x.DepartureDate, x.Status }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        var posts = await db.Set<CadrePost>().AsNoTracking().Where(p => p.CadreId == cadre.Id).OrderBy(p => p.StartDate)
            .Select(p => new OfficeTerm(p.StartDate, p.EndDate)).ToListAsync(ct);
        if (posts.Count == 0) posts.Add(new(cadre.StartDate, cadre.Status == CadreStatus.InOffice ? null : cadre.DepartureDate ?? cadre.StartDate));
        var today = clock.Today();
        RuleException.ThrowIfAny(SupervisionRules.AuditProblems(c.Reason, c.PeriodFrom!.Value, c.PeriodTo!.Value, c.AuditorUnit, c.PlannedStart!.Value, posts, today));
        var audit = new EconomicAudit
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, Reason = c.Reason, PeriodFrom = c.PeriodFrom.Value, PeriodTo = c.PeriodTo.Value,
            AuditorUnit = c.AuditorUnit!.Trim(), PlannedStart = c.PlannedStart.Value, RecordedBy = db.User.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(audit);
        await db.SaveChangesAsync(ct);
        return await GetAsync(audit.Id, ct);
    }

    /// <summary>计划 → 实施中 (null when not found); a stale version is refused (409).</summary>
    public Task<AuditView?> BeginAsync(long id, AdvanceAudit c, CancellationToken ct = default) =>
        ChangeAsync(id, c.Version, a => a.Begin(c.Date ?? clock.Today(), clock.Today()), ct);

    /// <summary>实施中 → 已出报告 (null when not found); a stale version is refused (409).</summary>
    public Task<AuditView?> ReportAsync(long id, AdvanceAudit c, CancellationToken ct = default) =>
        ChangeAsync(id, c.Version, a => a.Report(c.Date ?? clock.Today(), c.Summary, clock.Today()), ct);

    private async Task<AuditView?> ChangeAsync(long id, int? version, Action<EconomicAudit> change, CancellationToken ct)
    {
        if (await db.Set<EconomicAudit>().FirstOrDefaultAsync(a => a.Id == id, ct) is not { } audit) return null;
        db.ExpectVersion(audit, version);
        change(audit);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }
}
