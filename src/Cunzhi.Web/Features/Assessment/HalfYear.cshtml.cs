using Cunzhi.Domain.Assessment;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>半年研判: the cadres of the town (or the county, filtered by town) who need attention, with every reason.</summary>
[Authorize(Policy = Permissions.AssessmentHalfYearRead)]
public sealed class HalfYearModel(HalfYearHandlers h, Cunzhi.Data.AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? Year { get; set; }
    [BindProperty(SupportsGet = true)] public int? Half { get; set; }
    [BindProperty(SupportsGet = true)] public string? Town { get; set; }
    [BindProperty(SupportsGet = true)] public AttentionKind? Kind { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public HalfYearReport Report { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Towns { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetLocalNow().DateTime);
        Year ??= today.Year;
        Half = Half is 1 or 2 ? Half : today.Month <= 6 ? 1 : 2;
        Towns = (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            db.Regions.Towns().Select(r => new { r.Code, r.Name }), ct)).Select(t => (t.Code, t.Name)).ToList();
        Report = await h.AnalyseAsync(Year.Value, Half.Value, Town, Kind, new PageRequest(PageNumber, 20), ct);
    }
}
