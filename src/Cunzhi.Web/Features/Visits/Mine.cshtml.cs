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
        Rounds = await visits.MyRoundsAsync(ct, chooser: true); // names and dates for the chooser: no counts, no town names
        var page = new PageRequest(PageNumber, 30);
        // The round under way by default, or the one asked for: already read with the account's rounds, not read again
        // (a round in scope without the account's households is read by id, and lists none).
        var chosen = Round is { } id ? Rounds.FirstOrDefault(r => r.Id == id) : Rounds.FirstOrDefault();
        if (chosen is not null) List = await visits.ListAsync(chosen, null, Village, Group, page, ct);
        else if (Round is { } round) List = await visits.ListAsync(round, null, Village, Group, page, ct);
        else return Page();
        return List is null ? NotFound() : Page();
    }
}
