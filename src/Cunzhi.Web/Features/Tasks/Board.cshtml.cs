using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Tasks;

/// <summary>周报看板: village × item grid of a week for a town (the county picks the town), paged over villages.</summary>
[Authorize(Policy = Permissions.WeeklyBoardRead)]
public sealed class BoardModel(WeeklyHandlers weekly) : PageModel
{
    public const int PageSize = 30;

    [BindProperty(SupportsGet = true)] public DateOnly? Week { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public BoardShow Show { get; set; }
    // From the query only: on a post the route value "page" (the page path) would be bound and fail.
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public WeeklyBoard Board { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Towns { get; private set; } = [];
    public bool PicksTown => User.Can(Permissions.WeeklyBoardPickTown);

    public async Task OnGetAsync(CancellationToken ct)
    {
        await PickTownAsync(ct);
        Board = await weekly.BoardAsync(Town, Week, new PageRequest(PageNumber, PageSize), ct, Q, Show);
    }

    /// <summary>The board's villages and items as a workbook with the notes, same filters, all pages.</summary>
    public async Task<IActionResult> OnGetExportAsync([FromServices] BoardExport export, CancellationToken ct)
    {
        await PickTownAsync(ct);
        return await export.ExportAsync(Town, Week, Q, Show, ct);
    }

    private async Task PickTownAsync(CancellationToken ct)
    {
        if (PicksTown)
        {
            Towns = await weekly.TownsAsync(ct);
            // The county reads the board town by town: a county-wide grid of every village and item would not fit a screen.
            if (string.IsNullOrWhiteSpace(Town) || Towns.All(t => t.Code != Town)) Town = Towns.FirstOrDefault().Code;
        }
        else Town = null;
    }
}
