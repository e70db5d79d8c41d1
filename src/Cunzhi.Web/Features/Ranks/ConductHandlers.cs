using System.Security.Claims;
using Cunzhi.Data;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Ranks;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Ranks;

public sealed record ConductView(long Id, long CadreId, string CadreName, string VillageCode, ConductKind Kind, string KindName, DateOnly Date, DateOnly? EndDate,
    int? Days, CommendationLevel? Level, string? VetoReason, string Description, string RecordedBy, DateTime RecordedAtUtc,
    DateTime? WithdrawnAtUtc, string? WithdrawnBy, string? WithdrawReason);

/// <summary>
/// Filter of the conduct list; <see cref="Withdrawn"/>: null every record, false only those standing, true only withdrawn ones;
/// <see cref="RecordedSinceUtc"/>: only records entered from then on (the home's 近期变化).
/// </summary>
public sealed record ConductFilter(long? CadreId, string? Region, ConductKind? Kind, bool? Withdrawn = null, DateTime? RecordedSinceUtc = null);

public sealed record RecordConduct(long CadreId, ConductKind Kind, DateOnly? Date, DateOnly? EndDate, int? Days, CommendationLevel? Level, string? VetoReason, string? Description);

public sealed record CloseConduct(DateOnly? EndDate);

/// <summary>撤销 a record entered in error, with the reason.</summary>
public sealed record WithdrawConduct(string? Reason);

public sealed class RecordConductValidator : AbstractValidator<RecordConduct>
{
    public RecordConductValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Kind).IsInEnum().WithMessage("请选择记录类型");
        RuleFor(c => c.Date).NotNull().WithMessage("请填写日期");
        RuleFor(c => c.Days).NotNull().When(c => c.Kind == ConductKind.Absence).WithMessage("请填写缺勤天数");
        RuleFor(c => c.Days).InclusiveBetween(1, 366).When(c => c.Days is not null).WithMessage("缺勤天数应在 1 至 366 之间");
        RuleFor(c => c.Level).NotNull().When(c => c.Kind == ConductKind.Commendation).WithMessage("请选择表彰级别");
        RuleFor(c => c.Level).IsInEnum().When(c => c.Level is not null).WithMessage("表彰级别无效");
        RuleFor(c => c.VetoReason).NotEmpty().When(c => c.Kind == ConductKind.Veto).WithMessage("请选择一票否决理由");
        RuleFor(c => c.Description).NotEmpty().WithMessage("请填写事由").MaximumLength(500).WithMessage("事由不能超过 500 个字");
    }
}

public sealed class CloseConductValidator : AbstractValidator<CloseConduct>
{
    public CloseConductValidator() => RuleFor(c => c.EndDate).NotNull().WithMessage("请填写办结（整改完成）日期");
}

public sealed class WithdrawConductValidator : AbstractValidator<WithdrawConduct>
{
    public WithdrawConductValidator() =>
        RuleFor(c => c.Reason).Must(r => !string.IsNullOrWhiteSpace(r)).WithMessage("请填写撤销理由")
            .MaximumLength(ConductRecord.MaxWithdrawReasonLength).WithMessage($"撤销理由不能超过 {ConductRecord.MaxWithdrawReasonLength} 个字");
}

/// <summary>
/// 履职记录: the evidence the promotion conditions read that the platform did not hold — discipline enters sanctions,
/// investigations, verified complaints, audit findings and vetoes; the town enters unexcused absence and commendations.
/// The role that enters a kind also withdraws (撤销) its records entered in error. Region scope and audit are the data context's.
/// </summary>
public sealed class ConductHandlers(AppDbContext db, UserContext user, IHttpContextAccessor http, PolicyHandlers policies, TimeProvider clock)
{
    public const string NotFoundMessage = "未找到该干部或记录（或不在您的管辖范围内）";

    private ClaimsPrincipal Principal => http.HttpContext?.User ?? new ClaimsPrincipal();
    private DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The kinds <paramref name="principal"/> may enter.</summary>
    public static IReadOnlyList<ConductKind> KindsFor(ClaimsPrincipal principal) =>
        principal.Can(Permissions.ConductRecordDiscipline) ? ConductRecord.DisciplineKinds : principal.Can(Permissions.ConductRecordTown) ? ConductRecord.TownKinds : [];

    public async Task<Paged<ConductView>> ListAsync(ConductFilter f, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<ConductRecord>().AsNoTracking();
        if (f.CadreId is { } id) q = q.Where(r => r.CadreId == id);
        if (f.Kind is { } k) q = q.Where(r => r.Kind == k);
        if (f.Withdrawn is { } w) q = w ? q.Where(r => r.WithdrawnAtUtc != null) : q.Where(r => r.WithdrawnAtUtc == null);
        if (f.RecordedSinceUtc is { } since) q = q.Where(r => r.RecordedAtUtc >= since);
        if (!string.IsNullOrWhiteSpace(f.Region) && RegionCodes.LevelOf(f.Region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(f.Region.Trim());
            q = q.Where(r => r.RegionCode.StartsWith(prefix));
        }
        var paged = await q.OrderByDescending(r => r.Date).ThenByDescending(r => r.Id)
            .Join(db.Cadres, r => r.CadreId, c => c.Id, (r, c) => new ConductView(r.Id, r.CadreId, c.Name, r.RegionCode, r.Kind, "", r.Date, r.EndDate, r.Days,
                r.Level, r.VetoReason, r.Description, r.RecordedBy, r.RecordedAtUtc, r.WithdrawnAtUtc, r.WithdrawnBy, r.WithdrawReason))
            .ToPagedAsync(page, ct);
        return paged with { Items = paged.Items.Select(v => v with { KindName = ConductNames.Kind(v.Kind) }).ToList() };
    }

    /// <summary>Enters a record for a cadre in scope; null when the cadre is not found. Refused (409) for a kind the role does not enter.</summary>
    public async Task<ConductView?> RecordAsync(RecordConduct c, CancellationToken ct = default)
    {
        if (!KindsFor(Principal).Contains(c.Kind))
            throw new RuleException(Principal.Can(Permissions.ConductRecordTown)
                ? "乡镇只登记无故缺勤和表彰；处分、立案审查、信访举报查实、审计发现问题和一票否决由纪检监察登记"
                : "纪检监察登记处分、立案审查、信访举报查实、审计发现问题和一票否决；无故缺勤和表彰由乡镇登记");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode }).FirstOrDefaultAsync(ct);
        if (cadre is null) return null;
        IReadOnlyCollection<string> reasons = [];
        if (c.Kind == ConductKind.Veto)
            reasons = (await policies.InForceAsync(policies.County, Today, ct) ?? throw new RuleException(await policies.MissingAsync(Today, ct) ?? PolicyHandlers.NoPolicy)).VetoReasons;
        ConductRecord record;
        record = ConductRecord.Create(cadre.Id, cadre.RegionCode, c.Kind, c.Date!.Value, c.EndDate, c.Days, c.Level, c.VetoReason, c.Description ?? "",
            reasons, Today, user.UserName, clock.GetUtcNow().UtcDateTime);
        db.Add(record);
        await db.SaveChangesAsync(ct);
        return View(record, cadre.Name);
    }

    /// <summary>Closes an investigation or marks an audit finding remedied; null when not found.</summary>
    public async Task<ConductView?> CloseAsync(long id, CloseConduct c, CancellationToken ct = default)
    {
        var record = await db.Set<ConductRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return null;
        record.Close(c.EndDate!.Value, Today);
        await db.SaveChangesAsync(ct);
        var name = await db.Cadres.Where(x => x.Id == record.CadreId).Select(x => x.Name).FirstAsync(ct);
        return View(record, name);
    }

    /// <summary>The kind of a record in scope, for the caller's role check (403 before anything is loaded for change); null when not found.</summary>
    public async Task<ConductKind?> KindOfAsync(long id, CancellationToken ct = default) =>
        await db.Set<ConductRecord>().AsNoTracking().Where(r => r.Id == id).Select(r => (ConductKind?)r.Kind).FirstOrDefaultAsync(ct);

    /// <summary>
    /// 撤销: withdraws a record entered in error, keeping the row with who, when and why; null when not found in scope.
    /// Refused (409) for a kind the role does not enter and for a record already withdrawn.
    /// </summary>
    public async Task<ConductView?> WithdrawAsync(long id, WithdrawConduct c, CancellationToken ct = default)
    {
        var record = await db.Set<ConductRecord>().FirstOrDefaultAsync(r => r.Id == id, ct);
        if (record is null) return null;
        if (!KindsFor(Principal).Contains(record.Kind))
            throw new RuleException($"{ConductNames.Kind(record.Kind)}记录由登记该类记录的{(ConductRecord.TownKinds.Contains(record.Kind) ? "乡镇" : "纪检监察")}撤销");
        // A commendation an honour created goes with its honour (荣誉表彰 → 撤销), so the two never disagree.
        if (record.Kind == ConductKind.Commendation && await db.Set<Domain.Care.Honour>().AnyAsync(h => h.ConductRecordId == record.Id, ct))
            throw new RuleException("该表彰记录由荣誉表彰登记生成，请在「荣誉表彰」中撤销该荣誉，表彰记录随之撤销");
        record.Withdraw(c.Reason, user.UserName, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(ct);
        var name = await db.Cadres.Where(x => x.Id == record.CadreId).Select(x => x.Name).FirstAsync(ct);
        return View(record, name);
    }

    private static ConductView View(ConductRecord r, string name) => new(r.Id, r.CadreId, name, r.RegionCode, r.Kind, ConductNames.Kind(r.Kind), r.Date, r.EndDate,
        r.Days, r.Level, r.VetoReason, r.Description, r.RecordedBy, r.RecordedAtUtc, r.WithdrawnAtUtc, r.WithdrawnBy, r.WithdrawReason);

    /// <summary>In-office cadres in scope, optionally of one region, for the record form (at most 500).</summary>
    public async Task<IReadOnlyList<(long Id, string Name, string Village)>> CadresAsync(string? region, CancellationToken ct = default)
    {
        var q = db.Cadres.AsNoTracking().Where(c => c.Status == CadreStatus.InOffice);
        if (!string.IsNullOrWhiteSpace(region) && RegionCodes.LevelOf(region.Trim()) is not null)
        {
            var prefix = RegionCodes.ScopePrefix(region.Trim());
            q = q.Where(c => c.RegionCode.StartsWith(prefix));
        }
        return (await q.OrderBy(c => c.RegionCode).ThenBy(c => c.Id).Take(500).Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct))
            .Select(c => (c.Id, c.Name, c.RegionCode)).ToList();
    }
}
