using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>后备干部库: the pool under a region, drilled down county → town → village, filtered and searched.</summary>
[Authorize(Policy = Permissions.ReservesRead)]
public sealed class IndexModel(ReserveHandlers reserves, RegionHandlers regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public ReserveStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ReserveSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public RegionView Region { get; private set; } = null!;
    public IReadOnlyList<RegionView> Trail { get; private set; } = [];
    public IReadOnlyList<RegionView> Children { get; private set; } = [];
    public Paged<ReserveRow> Rows { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.ReservesEdit);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var region = string.IsNullOrEmpty(Code) ? await regions.RootAsync(ct) : await regions.GetAsync(Code, ct);
        if (region is null) return NotFound();
        Region = region;
        Trail = await regions.TrailAsync(region.Code, ct);
        // Pools are kept by towns and villages: drill no further than villages.
        if (region.Level < RegionLevel.Village)
            Children = (await regions.ChildrenAsync(region.Code, null, new PageRequest(1, PageRequest.MaxSize), ct)).Items;
        Rows = await reserves.ListAsync(new ReserveFilter(region.Code, Status, Source, Q), new PageRequest(PageNumber, 20), ct);
        return Page();
    }
}
