using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Infrastructure.Time;
using Cunzhi.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Duty;

/// <summary>值班覆盖 (/Duty/Coverage?region=&amp;year=&amp;month=): county → town → village drill-down of a month's working days, covered days, gaps and leave days.</summary>
[Authorize(Policy = Permissions.DutyRead)]
public sealed class CoverageModel(DutyCoverageReports reports, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Month { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public DutyCoverageReport Report { get; private set; } = null!;
    public string? Up { get; private set; }
    public int ShownYear => Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year.Value : clock.Today().Year;
    public int ShownMonth => Month is >= 1 and <= 12 ? Month.Value : clock.Today().Month;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await reports.RegionAsync(Region, ShownYear, ShownMonth, new PageRequest(PageNumber, 50), ct) is not { } report) return NotFound();
        Report = report;
        var own = User.FindFirstValue(CunzhiClaims.Region);
        if (report.ParentCode is { } parent && own is not null && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)) Up = parent;
        return Page();
    }

    /// <summary>The report as .xlsx.</summary>
    public async Task<IActionResult> OnGetExportAsync(CancellationToken ct) =>
        await reports.ExportAsync(Region, ShownYear, ShownMonth, ct) is { } file ? file : NotFound();
}
