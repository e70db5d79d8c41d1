using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Care;

/// <summary>保险与体检覆盖 (/Care/Coverage?region=): county → town → village drill-down of cadres in office insured today and checked this year.</summary>
[Authorize(Policy = Permissions.CareRead)]
public sealed class CoverageModel(CareCoverageReports reports) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public CareReport Report { get; private set; } = null!;
    public string? Up { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reports.RegionAsync(Region, new PageRequest(PageNumber, 50), ct) is not { } report) return NotFound();
        Report = report;
        var own = User.FindFirstValue(CunzhiClaims.Region);
        if (report.ParentCode is { } parent && own is not null && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)) Up = parent;
        return Page();
    }

    /// <summary>The report as .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await reports.ExportAsync(Region, ct) is { } file ? file : NotFound();
}
