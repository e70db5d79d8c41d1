using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>积分明细: find a household or Party member by name, then their balance by year (with carry-over) and their entries.</summary>
[Authorize(Policy = Permissions.PointsLedgerRead)]
public sealed class StatementModel(PointsLedger ledger) : PageModel
{
    [BindProperty(SupportsGet = true)] public PointsHolderKind? Kind { get; set; }
    [BindProperty(SupportsGet = true)] public long? Id { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public PointsStatement? Statement { get; private set; }
    public Paged<PointsHolder>? Found { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Kind is { } k && Enum.IsDefined(k) && Id is { } id)
        {
            Statement = await ledger.StatementAsync(k, id, new PageRequest(PageNumber, null), ct);
            return Statement is null ? NotFound() : Page();
        }
        if ((Q ?? "").Length > 50) Q = Q![..50];
        Found = await ledger.HoldersAsync(Q, new PageRequest(PageNumber, null), ct);
        return Page();
    }
}
