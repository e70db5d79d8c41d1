using Cunzhi.Web.Features.Disclosure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Powers;

/// <summary>
/// 权力运行公开 — /Gongkai/{village code}/Quanli, no account: the village's exercises of the small and micro power list and
/// their steps, newest first, paged; numbers and names masked (<see cref="PublicPowersQuery"/>). No form. Output-cached
/// for anonymous visitors like the rest of the portal (<see cref="PublicDisclosureCache"/>, tagged with the village), evicted
/// when the village starts an exercise or a step is recorded or gets a file (<see cref="PowerExerciseHandlers"/>).
/// </summary>
[AllowAnonymous, OutputCache(PolicyName = PublicDisclosureCache.Policy)]
public sealed class QuanliModel(PublicPowersQuery query) : PageModel
{
    [FromRoute] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public PublicPowerPage Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await query.GetAsync(Village, PageNumber, ct) is not { } board) return NotFound();
        Board = board;
        return Page();
    }
}
