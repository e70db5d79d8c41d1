using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// /Gongkai/{code}, no account: a town's villages (how many disclosures each made public, the latest date), or a village's
/// public disclosures newest first (paged; <c>?item=</c> gives one item's past ones). Cached per village and town
/// (<see cref="PublicDisclosureCache"/>), evicted when the village posts or withdraws.
/// </summary>
[AllowAnonymous, OutputCache(PolicyName = PublicDisclosureCache.Policy)]
public sealed class GongkaiRegionModel(PublicDisclosureQuery portal) : PageModel
{
    [FromRoute] public string? Code { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [FromQuery(Name = "item")] public string? Item { get; set; }

    public string? TownName { get; private set; }
    public IReadOnlyList<PublicPlace> Villages { get; private set; } = [];
    public PublicVillage? Village { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        switch (RegionCodes.LevelOf(Code))
        {
            case RegionLevel.Town when await portal.TownAsync(Code!, ct) is { } town:
                (TownName, Villages) = town;
                return Page();
            case RegionLevel.Village:
                var item = string.IsNullOrWhiteSpace(Item) || Item.Length > DisclosureItem.MaxCode ? null : Item.Trim();
                if (await portal.VillageAsync(Code!, item, new PageRequest(PageNumber, 10), ct) is not { } v) return NotFound();
                Village = v;
                return Page();
            default:
                return NotFound();
        }
    }
}
