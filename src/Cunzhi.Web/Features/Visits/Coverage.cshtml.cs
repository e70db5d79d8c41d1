using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Visits;

/// <summary>走访覆盖 (/Visits/Coverage?region=&amp;year=): county → town → round → village and official drill-down of households visited ÷ planned.</summary>
[Authorize(Policy = Permissions.VisitsRead)]
public sealed class CoverageModel(VisitCoverageReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public RegionCoverage Report { get; private set; } = null!;
    public string? Up { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year : null;
        if (await reports.RegionAsync(Region, year, new PageRequest(PageNumber, 50), ct) is not { } report) return NotFound();
        Report = report;
        var own = User.FindFirstValue(CunzhiClaims.Region);
        if (report.ParentCode is { } parent && own is not null && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)) Up = parent;
        return Page();
    }
}
