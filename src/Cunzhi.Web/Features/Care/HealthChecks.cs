using Cunzhi.Data;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A health check as listed: the cadre, the village, the date and the organiser (nothing medical).</summary>
public sealed record HealthCheckView(long Id, long CadreId, string CadreName, string VillageCode, int Year, DateOnly Date, string Organiser, string RecordedBy);

/// <summary>Records that a cadre had the year's health check: the date (not after today) and the organiser.</summary>
public sealed record RecordHealthCheck(long CadreId, DateOnly Date, string? Organiser);

public sealed class RecordHealthCheckValidator : AbstractValidator<RecordHealthCheck>
{
    public RecordHealthCheckValidator()
    {
        RuleFor(c => c.CadreId).GreaterThan(0).WithMessage("请选择干部");
        RuleFor(c => c.Date).Must(d => d.Year is >= InputRange.MinYear and <= InputRange.MaxYear).WithMessage($"请填写体检日期（{InputRange.MinYear}–{InputRange.MaxYear} 年）");
    }
}

/// <summary>年度体检: a county or town records that its cadres had the year's check (done / not — no medical details); reads in scope.</summary>
public sealed class HealthChecks(AppDbContext db, TimeProvider clock)
{
    /// <summary>The checks of a year in scope, by village and cadre (optionally one village; paged).</summary>
    public Task<Paged<HealthCheckView>> ListAsync(int year, string? village, PageRequest page, CancellationToken ct = default)
    {
        var q = db.Set<HealthCheck>().AsNoTracking().Where(h => h.Year == year);
        if (!string.IsNullOrWhiteSpace(village)) q = q.Where(h => h.RegionCode == village.Trim());
        return q.OrderBy(h => h.RegionCode).ThenBy(h => h.CadreId)
            .Select(h => new HealthCheckView(h.Id, h.CadreId, db.Cadres.Where(c => c.Id == h.CadreId).Select(c => c.Name).FirstOrDefault() ?? "", h.RegionCode, h.Year, h.Date, h.Organiser, h.RecordedBy))
            .ToPagedAsync(page, ct);
    }

    /// <summary>
    /// Records a cadre's check of the date's year: the cadre must be in scope and in office, the date not after today,
    /// the organiser named; a second check of the same cadre and year is refused (also by the unique index, so of two
    /// simultaneous requests one wins). Audited row by row.
    /// </summary>
    public async Task<HealthCheckView> RecordAsync(RecordHealthCheck c, CancellationToken ct = default)
    {
        if (db.User.RegionCode is var r && Domain.Regions.RegionCodes.LevelOf(r) is not (Domain.Regions.RegionLevel.County or Domain.Regions.RegionLevel.Town))
            throw new RuleException("体检情况由县或乡镇登记，请使用县级或乡镇账号");
        var cadre = await db.Cadres.AsNoTracking().Where(x => x.Id == c.CadreId).Select(x => new { x.Id, x.Name, x.RegionCode, x.Status }).FirstOrDefaultAsync(ct)
            ?? throw new RuleException("care.cadre", "CadreId", "未找到该干部（或不在您的管辖范围内）");
        var problems = CareRules.HealthCheckProblems(c.Date, c.Organiser, clock.Today()).ToList();
        if (cadre.Status != CadreStatus.InOffice) problems.Add(new("care.cadre_left", "CadreId", $"{cadre.Name} 已不在任"));
        RuleException.ThrowIfAny(problems);
        if (await db.Set<HealthCheck>().AnyAsync(h => h.CadreId == cadre.Id && h.Year == c.Date.Year, ct))
            throw new RuleException("care.check_taken", "Date", Taken(cadre.Name, c.Date.Year));
        var check = new HealthCheck
        {
            RegionCode = cadre.RegionCode, CadreId = cadre.Id, Year = c.Date.Year, Date = c.Date, Organiser = c.Organiser!.Trim(),
            RecordedBy = db.User.UserName, RecordedAtUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.Add(check);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException e) when (e is not DbUpdateConcurrencyException && e.IsUniqueViolation())
        {
            throw new RuleException("care.check_taken", "Date", Taken(cadre.Name, c.Date.Year));
        }
        return new(check.Id, cadre.Id, cadre.Name, cadre.RegionCode, check.Year, check.Date, check.Organiser, check.RecordedBy);
    }

    private static string Taken(string name, int year) => $"{name} {year} 年的体检已登记过";
}
