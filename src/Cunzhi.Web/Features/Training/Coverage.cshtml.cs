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

namespace Cunzhi.Web.Features.Training;

/// <summary>培训覆盖 (/Training/Coverage?region=&amp;year=): county → town → village shares of cadres meeting their hours and of 书记/主任 with a rotation class; Excel export.</summary>
[Authorize(Policy = Permissions.TrainingRead)]
public sealed class CoverageModel(TrainingRecords records, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public TrainingCoverage Report { get; private set; } = null!;
    public string? Up { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var year = Year is >= InputRange.MinYear and <= InputRange.MaxYear ? Year.Value : clock.Today().Year;
        if (await records.CoverageAsync(Region, year, new PageRequest(PageNumber, 50), ct) is not { } report) return NotFound();
        Report = report;
        var own = User.FindFirstValue(CunzhiClaims.Region);
        if (report.ParentCode is { } parent && own is not null && RegionCodes.LevelOf(own) is not null && RegionCodes.IsWithin(parent, own)) Up = parent;
        return Page();
    }
}
