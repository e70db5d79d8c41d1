using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Visits;

/// <summary>我的走访名单 (/Visits/Mine?round=&amp;village=&amp;group=): an official's households of a round (the one under way by default), by village and group, visited ones marked; phone-first.</summary>
[Authorize(Policy = Permissions.VisitsRecord)]
public sealed class MineModel(VisitRecording visits) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? Round { get; set; }
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true)] public string? Group { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<RoundView> Rounds { get; private set; } = [];
    public VisitList? List { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Rounds = await visits.MyRoundsAsync(ct);
        var round = Round ?? Rounds.FirstOrDefault()?.Id;
        if (round is null) return Page();
        List = await visits.ListAsync(round.Value, null, Village, Group, new PageRequest(PageNumber, 30), ct);
        return List is null ? NotFound() : Page();
    }
}
