using Cunzhi.Data;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Pay;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A cadre's care at a glance (the cadre page): the latest end of cover in force today, and this year's health check.</summary>
public sealed record CadreCareSummary(DateOnly? InsuredUntil, int Year, DateOnly? CheckedOn, string? CheckOrganiser);

/// <summary>A retired cadre's living allowance as the latest payroll run in scope has it (read-only; the payroll is where it is paid).</summary>
public sealed record RetiredAllowanceView(long CadreId, string CadreName, string VillageCode, long RunId, int Year, int Month, PayrollState State, long RetirementFen);

/// <summary>
/// 关爱 reads for other pages: a cadre's cover and check (the cadre page's 保险/体检 section), and the retired cadres'
/// living allowance (正常离任村干部生活补贴) as payroll computed it — linked here, never recomputed.
/// </summary>
public sealed class CadreCareSummaries(AppDbContext db, TimeProvider clock)
{
    /// <summary>The cadre's cover and check (rows in scope only).</summary>
    public async Task<CadreCareSummary> ForCadreAsync(long cadreId, CancellationToken ct = default)
    {
        var today = clock.Today();
        var until = await db.Set<InsuredCadre>().AsNoTracking().Where(i => i.CadreId == cadreId && i.FromDate <= today && i.ToDate >= today)
            .MaxAsync(i => (DateOnly?)i.ToDate, ct);
        var check = await db.Set<HealthCheck>().AsNoTracking().Where(h => h.CadreId == cadreId && h.Year == today.Year)
            .Select(h => new { h.Date, h.Organiser }).FirstOrDefaultAsync(ct);
        return new(until, today.Year, check?.Date, check?.Organiser);
    }

    /// <summary>Each cadre's retirement line of the latest run in scope that pays them one (by village and name; paged).</summary>
    public Task<Paged<RetiredAllowanceView>> RetiredAsync(PageRequest page, CancellationToken ct = default)
    {
        var lines = db.Set<PayLine>().AsNoTracking().Where(l => l.Kind == PayLineKind.Retirement);
        return lines
            .Where(l => !lines.Any(o => o.CadreId == l.CadreId && o.RunId > l.RunId))
            .Join(db.Set<PayrollRun>().AsNoTracking(), l => l.RunId, r => r.Id, (l, r) => new { l, r })
            .OrderBy(x => x.l.RegionCode).ThenBy(x => x.l.CadreName).ThenBy(x => x.l.CadreId)
            .Select(x => new RetiredAllowanceView(x.l.CadreId, x.l.CadreName, x.l.RegionCode, x.r.Id, x.r.Year, x.r.Month, x.r.State, x.l.RetirementFen))
            .ToPagedAsync(page, ct);
    }
}
