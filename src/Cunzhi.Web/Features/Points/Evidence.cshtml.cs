using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// 积分情况: a cadre's linked groups' households and linked Party members with their points of a year, read-only evidence
/// opened from the annual review (年度考核) and the 好支书 awards (报酬 → 奖励); no money and no score is moved here.
/// </summary>
[Authorize(Policy = Permissions.PointsLedgerRead)]
public sealed class EvidenceModel(PointsEvidence evidence) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? CadreId { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public CadrePointsEvidence? Evidence { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CadreId is not { } id || Year is not { } y || y is < InputRange.MinYear or > InputRange.MaxYear)
            return BadRequest("请指定村干部和年度（2000 至 2100 年）");
        Evidence = await evidence.ForCadreAsync(id, y, new PageRequest(PageNumber, null), ct);
        return Evidence is null ? NotFound() : Page();
    }
}
