using Cunzhi.Domain.Points;
using Cunzhi.Web.Features.Evaluations;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// 我有异议 — a villager objects to one entry of the public board, no account: a short reason and an optional contact
/// name, with the antiforgery token of the form, and at most <see cref="BoardObjectionGuard.Limit"/> submissions per IP
/// and window (429 beyond). Once the entry's 公示 has ended the page says so and nothing is written.
/// </summary>
[AllowAnonymous]
public sealed class BoardObjectionModel(PointsBoardQuery boards, PointsBoardObjections objections, BoardObjectionGuard guard,
    IValidator<BoardObjection> validator) : PageModel
{
    public const string TooManyMessage = "提交异议过于频繁，请稍后再试";

    [FromRoute] public string? Village { get; set; }
    [FromRoute] public long Id { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [BindProperty] public string? ContactName { get; set; }

    public BoardVillage Board { get; private set; } = null!;
    /// <summary>The entry as the board shows it; null when it is no longer on the board.</summary>
    public BoardEntry? Entry { get; private set; }
    public bool Filed { get; private set; }

    private async Task<IActionResult?> LoadAsync(CancellationToken ct)
    {
        if (await boards.GetAsync(Village, ct) is not { } board) return NotFound();
        Board = board;
        Entry = board.Entries.FirstOrDefault(e => e.Id == Id);
        if (Entry is null && await objections.EntryAsync(board.Code, Id, ct) is null) return NotFound();
        return null;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ?? Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await LoadAsync(ct) is { } missing) return missing;
        if (!guard.TryAcquire(BallotGuard.ClientOf(HttpContext)))
        {
            ModelState.AddModelError("", TooManyMessage);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return Page();
        }
        var filed = await this.RunCommandAsync(validator, new BoardObjection(Reason, ContactName),
            async c => await objections.FileAsync(Board.Code, Id, c, ct) ? "ok" : null, ct);
        if (filed is not null)
        {
            Filed = true;
            (Reason, ContactName) = (null, null);
        }
        else if (ModelState.IsValid)
        {
            return NotFound();
        }
        return Page();
    }
}
