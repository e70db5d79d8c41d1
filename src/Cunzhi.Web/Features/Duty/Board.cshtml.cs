using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Duty;

/// <summary>
/// 值班公示 — the public duty board of one village at /Zhiban/{village code}, no account: this week's and next week's
/// working days with who is on duty (names masked, post shown) and the village office's phone. Cached
/// (<see cref="DutyBoardCache"/>); no form, no token.
/// </summary>
[AllowAnonymous]
public sealed class BoardModel(DutyBoardQuery boards) : PageModel
{
    [FromRoute] public string? Village { get; set; }

    public DutyBoard Board { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await boards.GetAsync(Village, ct) is not { } board) return NotFound();
        Board = board;
        return Page();
    }
}
