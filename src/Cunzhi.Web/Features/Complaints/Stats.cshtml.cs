using Cunzhi.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Complaints;

/// <summary>信访举报统计 (/Complaints/Stats): open complaints by age and concluded ones by outcome, for the account's region.</summary>
[Authorize(Policy = Permissions.ComplaintsRead)]
public sealed class StatsModel(ComplaintStats stats) : PageModel
{
    public ComplaintStatistics Figures { get; private set; } = new([], [], 0, 0, 0);

    public async Task OnGetAsync(CancellationToken ct) => Figures = await stats.ComputeAsync(ct);

    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) => await stats.ExportAsync(ct);
}
