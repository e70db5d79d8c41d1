using Cunzhi.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features;

/// <summary>Home dashboard: counts for the account's region.</summary>
public sealed class IndexModel(RegionHandlers regions) : PageModel
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
