using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Care;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Care;

/// <summary>A cadre in office of the village with this year's check, if any.</summary>
public sealed record CadreCheckRow(long CadreId, string Name, DateOnly? Date, string? Organiser);

/// <summary>年度体检 (/Care/HealthChecks?village=): a village's cadres in office, done or not this year; a county or town records a check (date and organiser only).</summary>
[Authorize(Policy = Permissions.CareRead)]
public sealed class HealthChecksModel(HealthChecks checks, AppDbContext db, TimeProvider clock, IValidator<RecordHealthCheck> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long CadreId { get; set; }
    [BindProperty] public DateOnly? Date { get; set; }
    [BindProperty] public string? Organiser { get; set; }
    [TempData] public string? Message { get; set; }

    public string? VillageName { get; private set; }
    public Paged<CadreCheckRow>? Rows { get; private set; }
    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];
    public bool CanEdit => User.Can(Permissions.CareEdit) && RegionCodes.LevelOf(db.User.RegionCode) is RegionLevel.County or RegionLevel.Town;
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var year = Today.Year;
        var own = db.User.RegionCode;
        var prefix = RegionCodes.ScopePrefix(own is { Length: > 0 } ? own : "000000000000");
        Villages = (await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Village && r.Code.StartsWith(prefix)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name }).Take(1000).ToListAsync(ct)).Select(r => (r.Code, r.Name)).ToList();
        if (string.IsNullOrWhiteSpace(Village)) return;
        var code = Village.Trim();
        VillageName = await db.Regions.AsNoTracking().Where(r => r.Code == code && r.Level == RegionLevel.Village).Select(r => r.Name).FirstOrDefaultAsync(ct);
        if (VillageName is null) return;
        Rows = await db.Cadres.AsNoTracking().Where(c => c.RegionCode == code && c.Status == CadreStatus.InOffice).OrderBy(c => c.Id)
            .Select(c => new CadreCheckRow(c.Id, c.Name,
                db.Set<HealthCheck>().Where(h => h.CadreId == c.Id && h.Year == year).Select(h => (DateOnly?)h.Date).FirstOrDefault(),
                db.Set<HealthCheck>().Where(h => h.CadreId == c.Id && h.Year == year).Select(h => h.Organiser).FirstOrDefault()))
            .ToPagedAsync(new PageRequest(PageNumber, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var check = await this.RunCommandAsync(validator, new RecordHealthCheck(CadreId, Date ?? default, Organiser),
            async c => (HealthCheckView?)await checks.RecordAsync(c, ct), ct);
        if (check is not null)
        {
            Message = $"已登记 {check.CadreName} {check.Year} 年体检";
            return Redirect($"/Care/HealthChecks?village={check.VillageCode}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
