using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A degree programme as listed.</summary>
public sealed record DegreeView(long Id, long CadreId, string CadreName, string VillageCode, string School, string LevelCode, string Major,
    DateOnly StartDate, DateOnly EndDate, DegreeStatus Status, DateOnly? FinishedOn, long ReimbursedFen, int Version) : IVersionedView
{
    /// <summary>层次 (shown).</summary>
    public string LevelName => DegreeRules.LevelName(LevelCode);
    /// <summary>状态 (shown).</summary>
    public string StatusName => DegreeRules.StatusName(Status);
}

/// <summary>Enrols a cadre in office in a degree programme.</summary>
public sealed record EnrolDegree(long CadreId, string? School, string? LevelCode, string? Major, DateOnly StartDate, DateOnly EndDate);

/// <summary>Finishes a programme: 毕业 (raising the cadre's education when higher) or 退学, on a day; made from <see cref="Version"/>.</summary>
public sealed record FinishDegree(DegreeStatus Status, DateOnly On) : IVersionedCommand
{
    /// <summary>The programme's version as read.</summary>
    public int? Version { get; set; }
}

/// <summary>Shared input checks of 学历提升 and 困难帮扶.</summary>
public static class DegreeInput
{
    /// <summary>A date within the years input may name.</summary>
    public static bool IsDate(DateOnly d) => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear;

    /// <summary>An amount of money taken from input (fen): more than 0, at most 1,000,000 yuan.</summary>
    public static bool IsAmount(long fen) => fen is > 0 and <= DegreeRules.MaxAmountFen;

    /// <summary>What an amount out of range is told.</summary>
    public const string AmountMessage = "金额须大于 0 且不超过 1,000,000.00 元";
}

public sealed class EnrolDegreeValidator : AbstractValidator<EnrolDegree>
{
    public EnrolDegreeValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.StartDate).Must(DegreeInput.IsDate).WithMessage($"请填写入学日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        RuleFor(c => c.EndDate).Must(DegreeInput.IsDate).WithMessage($"请填写预计毕业日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
        RuleFor(c => c.EndDate).GreaterThan(c => c.StartDate).WithMessage("预计毕业日期须晚于入学日期");
    }
}

public sealed class FinishDegreeValidator : AbstractValidator<FinishDegree>
{
    public FinishDegreeValidator()
    {
        RuleFor(c => c.Status).IsInEnum().NotEqual(DegreeStatus.Studying).WithMessage("请选择毕业或退学");
        RuleFor(c => c.On).Must(DegreeInput.IsDate).WithMessage($"请填写日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
    }
}

/// <summary>
/// 学历提升: the cadre's town or the county enrols a cadre in office in a programme and records its end. Graduating raises
/// the cadre's registry education (<c>Cadre.EducationCode</c>) in the same save when the level is higher — audited like
/// the cadre edit, so the structure analytics and 一表通 figures follow it.
/// </summary>
public sealed class DegreeProgrammes(AppDbContext db, TimeProvider clock)
{
    public const string NotFound = "未找到该学历提升项目（或不在您的管辖范围内）";

    /// <summary>Programmes in scope, newest start first (status and village filters; paged).</summary>
    public Task<Paged<DegreeView>> ListAsync(DegreeStatus? status, string? village, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<DegreeProgramme>().AsNoTracking();
        if (status is { } s) q = q.Where(p => p.Status == s);
        if (!string.IsNullOrWhiteSpace(village)) q = q.Where(p => p.RegionCode == village.Trim());
        return Project(q.OrderByDescending(p => p.StartDate).ThenByDescending(p => p.Id)).ToPagedAsync(page, ct);
    }

    /// <summary>One programme in scope, or null.</summary>
    public Task<DegreeView?> GetAsync(long id, CancellationToken ct = default) =>
        Project(db.Set<DegreeProgramme>().AsNoTracking().Where(p => p.Id == id)).FirstOrDefaultAsync(ct);

    private IQueryable<DegreeView> Project(IQueryable<DegreeProgramme> q) => q.Select(p => new DegreeView(p.Id, p.CadreId,
        db.Cadres.Where(c => c.Id == p.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", p.RegionCode, p.School, p.LevelCode, p.Major,
        p.StartDate, p.EndDate, p.Status, p.FinishedOn, p.ReimbursedFen, p.RowVersion));

    /// <summary>Enrols: a county or town account, a cadre in scope and in office, a valid school, level, major and dates.</summary>
    public async Task<DegreeView> EnrolAsync(EnrolDegree c, CancellationToken ct = default)
    {
        EnsureCountyOrTown("学历提升由县或乡镇登记，请使用县级或乡镇账号");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode, x.Status }).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("degree.cadre", "CadreId", "未找到该干部（或不在您的管辖范围内）");
        var problems = DegreeRules.ProgrammeProblems(c.School, c.LevelCode, c.Major, c.StartDate, c.EndDate).ToList();
        if (cadre.Status != CadreStatus.InOffice) problems.Add(new("degree.cadre_left", "CadreId", $"{cadre.Name} 已不在任"));
        RuleException.ThrowIfAny(problems);
        var p = new DegreeProgramme
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, School = c.School!.Trim(), LevelCode = c.LevelCode!, Major = c.Major!.Trim(),
            StartDate = c.StartDate, EndDate = c.EndDate, Status = DegreeStatus.Studying, CreatedBy = db.User.UserName, CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(p);
        await db.SaveChangesAsync(ct);
        return (await GetAsync(p.Id, ct))!;
    }

    /// <summary>
    /// Records 毕业 or 退学 (once, between the start and today). On 毕业 at a level above the cadre's registry education, the
    /// cadre's <c>EducationCode</c> is raised in the same save (the audit log shows 学历 old → new); never lowered.
    /// </summary>
    public async Task<DegreeView?> FinishAsync(long id, FinishDegree c, CancellationToken ct = default)
    {
        EnsureCountyOrTown("学历提升由县或乡镇登记，请使用县级或乡镇账号");
        var p = await db.Set<DegreeProgramme>().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        db.ExpectVersion(p, c.Version);
        DegreeRules.EnsureCanFinish(p, c.Status, c.On, clock.Today());
        (p.Status, p.FinishedOn) = (c.Status, c.On);
        if (c.Status == DegreeStatus.Graduated)
        {
            var cadre = await db.Cadres.FirstOrDefaultAsync(x => x.Id == p.CadreId, ct);
            if (cadre is not null && DegreeRules.Raises(cadre.EducationCode, p.LevelCode)) cadre.EducationCode = p.LevelCode;
        }
        await db.SaveChangesAsync(ct);
        return await GetAsync(id, ct);
    }

    private void EnsureCountyOrTown(string message)
    {
        if (RegionCodes.LevelOf(db.User.RegionCode) is not (RegionLevel.County or RegionLevel.Town)) throw new RuleException(message);
    }
}
