using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>发现问题统计 (/Supervision/Dashboard?region=): open findings per town (county) or village (town) by state and overdue, drill-down, Excel.</summary>
[Authorize(Policy = Permissions.SupervisionDashboard)]
public sealed class DashboardModel(FindingDashboard dashboard) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public FindingReport Report { get; private set; } = null!;
    public string? Up { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await dashboard.RegionAsync(Region, new PageRequest(PageNumber, 50), ct) is not { } report) return NotFound();
        Report = report;
        var own = User.FindFirstValue(CunzhiClaims.Region);
        if (report.ParentCode is { } parent && own is not null && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)) Up = parent;
        return Page();
    }

    /// <summary>The report as .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await dashboard.ExportAsync(Region, ct) is { } file ? file : NotFound();
}
