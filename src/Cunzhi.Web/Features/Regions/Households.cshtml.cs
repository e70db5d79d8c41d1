using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Regions;

[Authorize(Policy = Permissions.HouseholdsRead)]
public sealed class HouseholdsModel(RegionHandlers regions, HouseholdHandlers households) : PageModel
{
    public RegionView Village { get; private set; } = null!;
    public IReadOnlyList<RegionView> Trail { get; private set; } = [];
    public Paged<HouseholdRow> Rows { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Code, ct) is not { Level: RegionLevel.Village } v) return NotFound();
        Village = v;
        Trail = await regions.TrailAsync(v.Code, ct);
        Rows = await households.ListAsync(v.Code, Q, new PageRequest(PageNumber, 20), ct);
        return Page();
    }
}
