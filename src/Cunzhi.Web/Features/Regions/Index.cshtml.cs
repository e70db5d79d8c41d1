using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Regions;

/// <summary>Drill-down county → town → village → groups and grids, with search and paging.</summary>
public sealed class IndexModel(RegionHandlers regions) : PageModel
{
    public RegionView Region { get; private set; } = null!;
    public IReadOnlyList<RegionView> Trail { get; private set; } = [];
    public Paged<RegionView> Children { get; private set; } = null!;
    public RegionStats Stats { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public bool CanEdit => User.Can(Permissions.RegionsEdit);
    public bool CanReadHouseholds => User.Can(Permissions.HouseholdsRead);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var region = string.IsNullOrEmpty(Code) ? await regions.RootAsync(ct) : await regions.GetAsync(Code, ct);
        if (region is null) return NotFound();
        Region = region;
        Trail = await regions.TrailAsync(region.Code, ct);
        Children = await regions.ChildrenAsync(region.Code, Q, new PageRequest(PageNumber, 20), ct);
        Stats = await regions.StatsAsync(region.Code, ct);
        return Page();
    }
}
