using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Cunzhi.Web.Features.Assessment;
using Cunzhi.Web.Features.Visits;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>A finding as listed and shown, with its rectification and whether it is overdue or due soon today.</summary>
public sealed record FindingView(long Id, string VillageCode, string VillageName, string Source, long? AuditId, long? TourId, long? CadreId, string? CadreName,
    string Text, FindingCategory Category, string CategoryName, FindingSeverity Severity, string SeverityName, string Remedy, DateOnly Deadline,
    FindingState State, string StateName, bool Overdue, bool DueSoon, string? EvidenceText, string? EvidenceName, string? EvidenceType, int? EvidenceSize,
    string? RectifiedBy, DateOnly? RectifiedOn, string? ClosedBy, DateOnly? ClosedOn, string? ReturnReason, long? ConductRecordId, string RecordedBy,
    DateTime RecordedAtUtc, int Version) : IVersionedView;

/// <summary>Filter of the findings list: region (county, town or village), state, only overdue, the audit or tour it came from.</summary>
public sealed record FindingFilter(string? Region, FindingState? State, bool OverdueOnly = false, long? AuditId = null, long? TourId = null, bool OpenOnly = false);

/// <summary>
/// Records a finding on an audit (<see cref="AuditId"/>) or a tour (<see cref="TourId"/>, with the <see cref="Village"/> it
/// concerns); <see cref="CadreId"/> when it is against a cadre of that village, and <see cref="CreateConductRecord"/> to
/// write the 审计发现问题 conduct record in the same save.
/// </summary>
public sealed record RecordFinding(long? AuditId, long? TourId, string? Village, long? CadreId, string? Text, FindingCategory Category, FindingSeverity Severity,
    string? Remedy, DateOnly? Deadline, bool CreateConductRecord = false);

/// <summary>A step of rectification carrying the finding's version: a note (start), the evidence (rectified) or a reason (return).</summary>
public sealed record FindingStep(string? Text) : IVersionedCommand
{
    /// <summary>The finding's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Reports a finding rectified with its evidence text and, optionally, a file (JPG, PNG or PDF, stored like the ledger's attachments).</summary>
public sealed record RectifyFinding(string? Evidence, string? FileName = null, byte[]? File = null) : IVersionedCommand
{
    /// <summary>The finding's version as read.</summary>
    public int? Version { get; set; }
}

public sealed class RecordFindingValidator : AbstractValidator<RecordFinding>
{
    public RecordFindingValidator()
    {
        RuleFor(c => c).Must(c => c.AuditId is null != c.TourId is null).WithMessage("请指明发现问题来自哪次审计或巡察（auditId 或 tourId，只填一个）").WithName("AuditId");
        RuleFor(c => c.Village).Must(v => RegionCodes.LevelOf(v?.Trim()) == RegionLevel.Village).When(c => c.TourId is not null).WithMessage("请选择问题所在的村");
        RuleFor(c => c.Text).NotEmpty().WithMessage("请填写问题描述").MaximumLength(SupervisionFinding.MaxText).WithMessage($"问题描述不能超过 {SupervisionFinding.MaxText} 个字");
        RuleFor(c => c.Category).IsInEnum().WithMessage("请选择问题类别");
        RuleFor(c => c.Severity).IsInEnum().WithMessage("请选择严重程度（一般、较重、严重）");
        RuleFor(c => c.Remedy).NotEmpty().WithMessage("请填写整改要求").MaximumLength(SupervisionFinding.MaxRemedy).WithMessage($"整改要求不能超过 {SupervisionFinding.MaxRemedy} 个字");
        RuleFor(c => c.Deadline).NotNull().WithMessage("请填写整改期限").Must(SupervisionInput.InRange).WithMessage(SupervisionInput.DateMessage);
        RuleFor(c => c.CadreId).NotNull().When(c => c.CreateConductRecord).WithMessage("只有针对干部个人的问题才能生成审计发现问题履职记录，请选择责任干部");
    }
}

public sealed class FindingStepValidator : AbstractValidator<FindingStep>
{
    public FindingStepValidator() => RuleFor(c => c.Text).MaximumLength(SupervisionFinding.MaxEvidence).WithMessage($"说明不能超过 {SupervisionFinding.MaxEvidence} 个字");
}

public sealed class RectifyFindingValidator : AbstractValidator<RectifyFinding>
{
    public RectifyFindingValidator()
    {
        RuleFor(c => c.Evidence).NotEmpty().WithMessage("请填写整改佐证（整改了什么、怎样整改的），没有佐证不能报整改完成")
            .MaximumLength(SupervisionFinding.MaxEvidence).WithMessage($"整改佐证不能超过 {SupervisionFinding.MaxEvidence} 个字");
        RuleFor(c => c.File).Must((c, f) => f is null || LedgerFiles.Check(c.FileName, f).Problem is null)
            .WithMessage((c, f) => LedgerFiles.Check(c.FileName, f).Problem ?? "").WithName("File");
    }
}

/// <summary>
/// 发现问题与整改: the inspecting side (county, discipline) records findings on its audits and tours, with a deadline on a
/// working day of the county's calendar, sends evidence back or accepts it (销号); the owner village (or its town) starts
/// rectifying and reports it rectified with evidence. A finding against a cadre may carry the 审计发现问题 conduct record
/// (discipline only), which closes in the same save as the finding's 销号. Scope and audit log are the data context's.
/// </summary>
public sealed class SupervisionFindings(AppDbContext db, WorkingCalendars calendars, AttachmentStore files, IHttpContextAccessor http, TimeProvider clock)
{
    public const string NotFound = "未找到该问题、审计或巡察（或不在您的管辖范围内）";

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();

    private IQueryable<FindingView> Views(IQueryable<SupervisionFinding> q, DateOnly today) => q.Select(f => new FindingView(f.Id, f.RegionCode,
        db.Regions.Where(r => r.Code == f.RegionCode).Select(r => r.Name).FirstOrDefault() ?? f.RegionCode, f.Source, f.AuditId, f.TourId, f.CadreId,
        db.Cadres.Where(c => c.Id == f.CadreId).Select(c => c.Name).FirstOrDefault(), f.Text, f.Category, "", f.Severity, "", f.Remedy, f.Deadline, f.State, "",
        (f.State == FindingState.Open || f.State == FindingState.Rectifying) && f.Deadline < today, false, f.EvidenceText, f.EvidenceName, f.EvidenceType, f.EvidenceSize,
        f.RectifiedBy, f.RectifiedOn, f.ClosedBy, f.ClosedOn, f.ReturnReason, f.ConductRecordId, f.RecordedBy, f.RecordedAtUtc, f.RowVersion));

    private static FindingView Named(FindingView v, DateOnly today) => v with
    {
        CategoryName = SupervisionNames.Category(v.Category), SeverityName = SupervisionNames.Severity(v.Severity), StateName = SupervisionNames.State(v.State),
        DueSoon = SupervisionRules.DueSoon(v.State, v.Deadline, today),
    };

    /// <summary>The findings in scope: overdue first, then open ones by deadline, then the rest (paged).</summary>
    public async Task<Paged<FindingView>> ListAsync(FindingFilter f, PageRequest page, CancellationToken ct = default)
    {
        var today = clock.Today();
        var q = db.Set<SupervisionFinding>().AsNoTracking();
        if (f.State is { } s) q = q.Where(x => x.State == s);
        if (f.OpenOnly) q = q.Where(x => x.State != FindingState.Closed);
        if (f.OverdueOnly) q = q.Where(x => (x.State == FindingState.Open || x.State == FindingState.Rectifying) && x.Deadline < today);
        if (f.AuditId is { } a) q = q.Where(x => x.AuditId == a);
        if (f.TourId is { } t) q = q.Where(x => x.TourId == t);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(x => x.RegionCode.StartsWith(prefix));
        }
        var ordered = q.OrderBy(x => (x.State == FindingState.Open || x.State == FindingState.Rectifying) && x.Deadline < today ? 0 : x.State == FindingState.Closed ? 2 : 1)
            .ThenBy(x => x.Deadline).ThenBy(x => x.Id);
        var paged = await Views(ordered, today).ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(v => Named(v, today)).ToList() };
    }

    /// <summary>One finding in scope, or null.</summary>
    public async Task<FindingView?> GetAsync(long id, CancellationToken ct = default)
    {
        var today = clock.Today();
        return await Views(db.Set<SupervisionFinding>().AsNoTracking().Where(f => f.Id == id), today).FirstOrDefaultAsync(ct) is { } v ? Named(v, today) : null;
    }

    /// <summary>
    /// Records a finding on an audit or tour in scope (null when it is not found): an audit must have begun; a tour's village
    /// must be one it covers; a cadre must be of the owner village; a conduct record only by discipline inspection.
    /// </summary>
    public async Task<FindingView?> RecordAsync(RecordFinding c, CancellationToken ct = default)
    {
        string village, source;
        if (c.AuditId is { } auditId)
        {
            var audit = await db.Set<EconomicAudit>().AsNoTracking().FirstOrDefaultAsync(a => a.Id == auditId, ct);
            if (audit is null) return null;
            if (audit.State == AuditState.Planned) throw new RuleException("supervision.audit_not_begun", "AuditId", "该审计尚未开始实施，不能登记发现问题");
            var name = await db.Cadres.AsNoTracking().Where(x => x.Id == audit.CadreId).Select(x => x.Name).FirstOrDefaultAsync(ct) ?? "";
            (village, source) = (audit.RegionCode, $"{SupervisionNames.Reason(audit.Reason)}：{name}（{audit.AuditorUnit}）");
        }
        else
        {
            var tour = await db.Set<InspectionTour>().AsNoTracking().FirstOrDefaultAsync(t => t.Id == c.TourId, ct);
            if (tour is null) return null;
            village = c.Village!.Trim();
            if (!tour.Covers(village)) throw new RuleException("supervision.village_not_toured", "Village", $"{village} 不在「{tour.Name}」巡察的村中");
            source = $"巡察：{tour.Name}";
        }
        var cadreName = (string?)null;
        if (c.CadreId is { } cadreId)
        {
            var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == cadreId).Select(x => new { x.Name, x.RegionCode }).FirstOrDefaultAsync(ct);
            if (cadre is null) return null;
            if (cadre.RegionCode != village) throw new RuleException("supervision.cadre_village", "CadreId", $"{cadre.Name}不是该村的干部，责任干部须是问题所在村的干部");
            cadreName = cadre.Name;
        }
        if (c.CreateConductRecord && !Principal.Can(Permissions.ConductRecordDiscipline))
            throw new RuleException("supervision.conduct_role", "CreateConductRecord", "审计发现问题履职记录由纪检监察登记，请不要勾选生成履职记录，或由纪检监察账号登记该问题");
        var today = clock.Today();
        RuleException.ThrowIfAny(SupervisionRules.FindingProblems(c.Text, c.Category, c.Severity, c.Remedy, c.Deadline!.Value, await calendars.ForCountyAsync(ct), today));
        var now = clock.GetUtcNow().UtcDateTime;
        var finding = new SupervisionFinding
        {
            RegionCode = village, AuditId = c.AuditId, TourId = c.TourId, Source = source.Length > SupervisionFinding.MaxSource ? source[..SupervisionFinding.MaxSource] : source,
            CadreId = c.CadreId, Text = c.Text!.Trim(), Category = c.Category, Severity = c.Severity, Remedy = c.Remedy!.Trim(), Deadline = c.Deadline.Value,
            RecordedBy = db.User.UserName, RecordedAtUtc = now,
        };
        if (c.CreateConductRecord)
            finding.Conduct = ConductRecord.Create(c.CadreId!.Value, village, ConductKind.AuditFinding, today, null, null, null, null,
                SupervisionRules.ConductText(finding.Source, finding.Text), [], today, db.User.UserName, now);
        db.Add(finding);
        await db.SaveChangesAsync(ct);
        return await GetAsync(finding.Id, ct);
    }

    /// <summary>待整改 → 整改中 (null when not found).</summary>
    public Task<FindingView?> StartAsync(long id, FindingStep c, CancellationToken ct = default) => ChangeAsync(id, c.Version, f => f.StartRectifying(c.Text), ct);

    /// <summary>已整改 → 整改中 with a reason (null when not found).</summary>
    public Task<FindingView?> ReturnAsync(long id, FindingStep c, CancellationToken ct = default) => ChangeAsync(id, c.Version, f => f.ReturnEvidence(c.Text), ct);

    /// <summary>已整改 → 已销号 (null when not found); the finding's 审计发现问题 conduct record, if any and still open, closes today in the same save.</summary>
    public Task<FindingView?> CloseAsync(long id, FindingStep c, CancellationToken ct = default) => ChangeAsync(id, c.Version, f =>
    {
        var today = clock.Today();
        f.Close(db.User.UserName, today);
        if (f.Conduct is { Withdrawn: false, EndDate: null } record) record.Close(today, today);
    }, ct);

    /// <summary>Reports a finding rectified with its evidence and optional file (null when not found).</summary>
    public async Task<FindingView?> RectifyAsync(long id, RectifyFinding c, CancellationToken ct = default)
    {
        if (await db.Set<SupervisionFinding>().FirstOrDefaultAsync(f => f.Id == id, ct) is not { } finding) return null;
        db.ExpectVersion(finding, c.Version);
        (string, string, int, string)? file = null;
        if (c.File is { } bytes)
        {
            var (type, problem) = LedgerFiles.Check(c.FileName, bytes);
            if (problem is not null) throw new RuleException("supervision.evidence_file", "File", problem);
            file = (c.FileName!.Trim(), type!, bytes.Length, await files.SaveAsync(bytes, ct));
        }
        finding.ReportRectified(c.Evidence, file, db.User.UserName, clock.Today());
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    /// <summary>Findings in scope past their deadline and not yet reported rectified (home to-do).</summary>
    public Task<int> OverdueCountAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        return db.Set<SupervisionFinding>().CountAsync(f => (f.State == FindingState.Open || f.State == FindingState.Rectifying) && f.Deadline < today, ct);
    }

    /// <summary>Findings in scope due within <see cref="SupervisionRules.DueSoonDays"/> days and not yet reported rectified (home to-do).</summary>
    public Task<int> DueSoonCountAsync(CancellationToken ct = default)
    {
        var today = clock.Today();
        var until = today.AddDays(SupervisionRules.DueSoonDays);
        return db.Set<SupervisionFinding>().CountAsync(f => (f.State == FindingState.Open || f.State == FindingState.Rectifying) && f.Deadline >= today && f.Deadline <= until, ct);
    }

    /// <summary>Findings in scope reported rectified and waiting for 销号 (home to-do of the inspecting side).</summary>
    public Task<int> AwaitingCloseCountAsync(CancellationToken ct = default) => db.Set<SupervisionFinding>().CountAsync(f => f.State == FindingState.Rectified, ct);

    /// <summary>The evidence file of a finding in scope, or null.</summary>
    public async Task<(Stream Content, string Type, string Name)?> EvidenceAsync(long id, CancellationToken ct = default)
    {
        var f = await db.Set<SupervisionFinding>().AsNoTracking().Where(x => x.Id == id && x.EvidenceSha256 != null)
            .Select(x => new { x.EvidenceSha256, x.EvidenceType, x.EvidenceName }).FirstOrDefaultAsync(ct);
        if (f is null || files.Open(f.EvidenceSha256!) is not { } stream) return null;
        return (stream, f.EvidenceType!, f.EvidenceName!);
    }

    private async Task<FindingView?> ChangeAsync(long id, int? version, Action<SupervisionFinding> change, CancellationToken ct)
    {
        if (await db.Set<SupervisionFinding>().Include(f => f.Conduct).FirstOrDefaultAsync(f => f.Id == id, ct) is not { } finding) return null;
        db.ExpectVersion(finding, version);
        change(finding);
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }
}
