using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.OutputCaching;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>/Gongkai/{village}/Print — the village's notice board as an A3 sheet: each item's latest public disclosure by column, no account.</summary>
[AllowAnonymous, OutputCache(PolicyName = PublicDisclosureCache.Policy)]
public sealed class GongkaiPrintModel(PublicDisclosureQuery portal) : PageModel
{
    [FromRoute] public string? Village { get; set; }

    public PublicVillage Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Domain.Regions.RegionCodes.LevelOf(Village) != Domain.Regions.RegionLevel.Village || await portal.BoardAsync(Village!, ct) is not { } b) return NotFound();
        Board = b;
        return Page();
    }
}
