using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>One tour (/Supervision/Tour/{id}): its villages and team, its findings, and the form to record one for a village it covers.</summary>
[Authorize(Policy = Permissions.SupervisionRead)]
public sealed class TourModel(InspectionTours tours, SupervisionFindings findings, AppDbContext db, IValidator<RecordFinding> findingValidator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public FindingFormInput Input { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public TourView Tour { get; private set; } = null!;
    public Paged<FindingView> Findings { get; private set; } = null!;
    public FindingFormModel Form { get; private set; } = null!;
    public bool CanManage => User.Can(Permissions.SupervisionManage);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await tours.GetAsync(Id, ct) is not { } tour) return false;
        Tour = tour;
        Findings = await findings.ListAsync(new FindingFilter(null, null, TourId: Id), new PageRequest(PageNumber, 50), ct);
        if (CanManage)
        {
            var codes = tour.Villages.Select(v => v.Code).ToList();
            var names = tour.Villages.ToDictionary(v => v.Code, v => v.Name);
            var cadres = await db.Cadres.AsNoTracking().Where(c => codes.Contains(c.RegionCode) && c.Status == Domain.Cadres.CadreStatus.InOffice)
                .OrderBy(c => c.RegionCode).ThenBy(c => c.Id).Take(500).Select(c => new { c.Id, c.Name, c.RegionCode }).ToListAsync(ct);
            Form = new(tour.Villages, cadres.Select(c => (c.Id, $"{names.GetValueOrDefault(c.RegionCode)} · {c.Name}")).ToList(),
                User.Can(Permissions.ConductRecordDiscipline));
        }
        return true;
    }

    public async Task<IActionResult> OnPostFindingAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (await this.RunCommandAsync(findingValidator, Input.Command(null, Id),
                async c => await findings.RecordAsync(c, ct) ?? throw new RuleException("supervision.tour", null, SupervisionFindings.NotFound), ct) is { } f)
        {
            Message = f.ConductRecordId is null ? $"已登记{f.VillageName}的发现问题" : $"已登记{f.VillageName}的发现问题，并生成审计发现问题履职记录";
            return Redirect($"/Supervision/Tour/{Id}");
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }
}
