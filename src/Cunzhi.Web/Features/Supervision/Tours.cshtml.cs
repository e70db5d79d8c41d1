using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>巡察 (/Supervision/Tours): the tours in scope (paged); the county or discipline plans one of a town's villages.</summary>
[Authorize(Policy = Permissions.SupervisionRead)]
public sealed class ToursModel(InspectionTours tours, TimeProvider clock, IValidator<PlanTour> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public List<string> Villages { get; set; } = [];
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public string? Team { get; set; }
    [TempData] public string? Message { get; set; }

    public Paged<TourView> List { get; private set; } = null!;
    public IReadOnlyList<TourVillage> Towns { get; private set; } = [];
    public IReadOnlyList<TourVillage> TownVillages { get; private set; } = [];
    public bool CanPlan => User.Can(Permissions.SupervisionManage);
    public DateOnly Today => clock.Today();

    public async Task OnGetAsync(CancellationToken ct)
    {
        Towns = await tours.TownsAsync(ct);
        TownVillages = CanPlan ? await tours.VillagesAsync(Town, ct) : [];
        List = await tours.ListAsync(Town, new PageRequest(PageNumber, 50), ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanPlan) return Forbid();
        if (await this.RunCommandAsync(validator, new PlanTour(Town, Name, Villages, From, To, Team),
                async c => await tours.PlanAsync(c, ct) ?? throw new RuleException("supervision.town", "Town", InspectionTours.NotFound), ct) is { } t)
        {
            Message = $"已安排巡察：{t.Name}（{t.TownName}，{t.Villages.Count} 个村）";
            return Redirect($"/Supervision/Tour/{t.Id}");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
