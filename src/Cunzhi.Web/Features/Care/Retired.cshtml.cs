using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Care;

/// <summary>离任干部生活补贴 (/Care/Retired): the retired cadres' living allowance as the latest payroll run has it, read-only, each linked to its run.</summary>
[Authorize(Policy = Permissions.CareRead)]
[Authorize(Policy = Permissions.PayrollRead)]
public sealed class RetiredModel(CadreCareSummaries summaries) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<RetiredAllowanceView> List { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) => List = await summaries.RetiredAsync(new PageRequest(PageNumber, 50), ct);
}
