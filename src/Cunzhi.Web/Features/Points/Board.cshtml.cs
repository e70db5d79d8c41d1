using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// 积分公示栏 — the public board of one village at /Gongshi/{village code}, no account: the entries in 公示 (holders
/// masked with their group), the rule, the points, the last day, and the store's items. Read from a short-lived cache
/// (<see cref="PointsBoardCache"/>); the page holds no form and no token, so it costs one cache hit to render. Each entry
/// links to its objection form (<see cref="BoardObjectionModel"/>).
/// </summary>
[AllowAnonymous]
public sealed class BoardModel(PointsBoardQuery boards) : PageModel
{
    [FromRoute] public string? Village { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public BoardVillage Board { get; private set; } = null!;
    public Paged<BoardEntry> Rows { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await boards.GetAsync(Village, ct) is not { } board) return NotFound();
        Board = board;
        Rows = board.Page(new PageRequest(PageNumber, null));
        return Page();
    }
}
