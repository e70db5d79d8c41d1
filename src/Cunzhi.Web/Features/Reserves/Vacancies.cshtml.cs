using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>
/// 动态补缺: villages with a vacant secretary or director under a region; for a village, the vacant posts
/// and the candidates of its pool and its town's, each with an appointment form.
/// </summary>
[Authorize(Policy = Permissions.ReservesRead)]
public sealed class VacanciesModel(ReserveHandlers reserves, RegionHandlers regions, IValidator<AppointReserve> validator, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public long? Appointed { get; set; }
    [BindProperty] public long ReserveId { get; set; }
    [BindProperty] public AppointForm Appoint { get; set; } = new();

    public RegionView Region { get; private set; } = null!;
    public IReadOnlyList<RegionView> Trail { get; private set; } = [];
    public VacancyReport Report { get; private set; } = null!;
    public ReserveDetail? AppointedDetail { get; private set; }
    public bool CanEdit => User.Can(Permissions.ReservesEdit);
    public DateOnly Today => DateOnly.FromDateTime(clock.GetLocalNow().DateTime);

    /// <summary>The posts a candidate may be appointed to here: each vacant one, and 一肩挑 when both are.</summary>
    public IReadOnlyList<(string Code, string Name)> VacantPostChoices { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var region = string.IsNullOrEmpty(Code) ? await regions.RootAsync(ct) : await regions.GetAsync(Code, ct);
        if (region is null || await reserves.VacanciesAsync(region.Code, ct) is not { } report) return false;
        (Region, Report) = (region, report);
        Trail = await regions.TrailAsync(region.Code, ct);
        var vacant = report.Villages.FirstOrDefault(v => v.VillageCode == region.Code)?.Posts ?? [];
        VacantPostChoices = Domain.Common.ReferenceData.Posts
            .Where(p => VillageVacancies.Fills(p.Code) is { Count: > 0 } fills && fills.All(vacant.Contains))
            .Select(p => (p.Code, p.Name)).ToList();
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        if (Appointed is { } id) AppointedDetail = await reserves.GetAsync(id, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAppointAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(ct) || Region.Level != RegionLevel.Village) return NotFound();
        var done = await this.RunCommandAsync(validator, new AppointReserve(Region.Code, Appoint.PostCode ?? "", Appoint.Date ?? DateOnly.MinValue, Appoint.Term, Appoint.NationalId),
            c => reserves.AppointAsync(ReserveId, c, ct), ct);
        if (done is not null) return Redirect($"/Reserves/Vacancies?code={Region.Code}&appointed={done.Reserve.Id}");
        // Valid, not refused, yet nothing done: the candidate is not one this account can see.
        return ModelState.IsValid ? NotFound() : Page();
    }
}
