using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Regions;
using Cunzhi.Domain.Supervision;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Cunzhi.Web.Features.Supervision;

/// <summary>发现问题 (/Supervision/Findings): findings in scope, not yet 销号 unless a state is chosen, overdue first, by town or village and state (paged).</summary>
[Authorize(Policy = Permissions.SupervisionRead)]
public sealed class FindingsModel(SupervisionFindings findings, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public FindingState? State { get; set; }
    [BindProperty(SupportsGet = true)] public bool Overdue { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }

    public Paged<FindingView> List { get; private set; } = null!;
    public IReadOnlyList<(string Code, string Name)> Regions { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var prefix = RegionCodes.ScopePrefix(db.User.RegionCode is { Length: > 0 } own ? own : "000000000000");
        Regions = (await db.Regions.AsNoTracking().Where(r => (r.Level == RegionLevel.Town || r.Level == RegionLevel.Village) && r.Code.StartsWith(prefix))
            .OrderBy(r => r.Code).Take(1000).Select(r => new { r.Code, r.Name, r.Level }).ToListAsync(ct))
            .Select(r => (r.Code, r.Level == RegionLevel.Town ? r.Name : "　" + r.Name)).ToList();
        var state = State is { } s && Enum.IsDefined(s) ? s : (FindingState?)null;
        List = await findings.ListAsync(new FindingFilter(Region, state, Overdue, OpenOnly: state is null && !All), new PageRequest(PageNumber, 50), ct);
    }
}
