using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Grid;

/// <summary>覆盖情况 (/Grid/Coverage?region=): county → town → village drill-down; a village shows its uncovered groups and members outside the range.</summary>
[Authorize(Policy = Permissions.GridCoverageRead)]
public sealed class CoverageModel(CoverageQueries coverage) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public CoverageReport Report { get; private set; } = null!;

    /// <summary>The parent's code when the account may look there (drilling back up), else null.</summary>
    public string? Up { get; private set; }

    public bool CanExport => User.Can(Permissions.GridManage) && Report.Level is RegionLevel.Town or RegionLevel.Village;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var report = await coverage.ReportAsync(Region, new PageRequest(PageNumber, 50), ct);
        if (report is null) return NotFound();
        Report = report;
        var own = User.FindFirstValue(CunzhiClaims.Region);
        if (report.ParentCode is { } parent && own is not null && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)) Up = parent;
        return Page();
    }
}
