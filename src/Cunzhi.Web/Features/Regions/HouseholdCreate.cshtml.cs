using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Regions;

[Authorize(Policy = Permissions.RegionsEdit)]
public sealed class HouseholdCreateModel(HouseholdHandlers households, RegionHandlers regions, IValidator<CreateHousehold> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string Number { get; set; } = "";
    [BindProperty] public string HeadName { get; set; } = "";
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? GroupCode { get; set; }
    [BindProperty] public string? GridCode { get; set; }

    public RegionView Village { get; private set; } = null!;
    public IReadOnlyList<RegionView> SubRegions { get; private set; } = [];

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Code, ct) is not { Level: RegionLevel.Village } v) return false;
        Village = v;
        SubRegions = (await regions.ChildrenAsync(v.Code, null, new Domain.Common.PageRequest(1, Domain.Common.PageRequest.MaxSize), ct)).Items;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var created = await this.RunCommandAsync(validator, new CreateHousehold(Number ?? "", HeadName ?? "", Address, GroupCode, GridCode), c => households.CreateAsync(Code, c, ct), ct);
        return created is null ? Page() : Redirect($"/Regions/Household?id={created.Household.Id}");
    }
}
