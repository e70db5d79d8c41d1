using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Regions;

/// <summary>区划统计: counts for the account's region (towns, villages, groups, grids, households, residents, cadres) and its child regions; formerly the home page.</summary>
public sealed class StatsModel(RegionHandlers regions) : PageModel
{
    public RegionView? Root { get; private set; }
    public RegionStats Stats { get; private set; } = new(0, 0, 0, 0, 0, 0, 0);
    public Paged<RegionView>? Children { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Root = await regions.RootAsync(ct);
        if (Root is null) return;
        Stats = await regions.StatsAsync(Root.Code, ct);
        Children = await regions.ChildrenAsync(Root.Code, null, new Domain.Common.PageRequest(1, 50), ct);
    }
}
