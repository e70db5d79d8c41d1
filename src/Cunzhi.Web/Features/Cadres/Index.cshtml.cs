using System.Security.Claims;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Cadres;

[Authorize(Roles = CadreHandlers.Readers)]
public sealed class IndexModel(CadreHandlers cadres, RegionHandlers regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public CadreStatus? Status { get; set; } = CadreStatus.InOffice;
    [BindProperty(SupportsGet = true)] public string? Post { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<CadreRow> Rows { get; private set; } = null!;
    public RegionView? Scope { get; private set; }
    public IReadOnlyList<RegionView> Children { get; private set; } = [];
    public DateOnly Today => cadres.Today;
    public bool CanEdit => CadreHandlers.Editors.Split(',').Any(User.IsInRole);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        // Only the code, name and level of the scope and its children are shown: no child counts, no total.
        var scope = await regions.BriefWithChildOptionsAsync(string.IsNullOrEmpty(Region) ? User.FindFirstValue(CunzhiClaims.Region) : Region, PageRequest.MaxSize, ct);
        if (scope is null) return NotFound();
        Scope = scope.Value.Region;
        Children = scope.Value.Children.Where(r => r.Level <= Domain.Regions.RegionLevel.Village).ToList();
        Rows = await cadres.ListAsync(new CadreFilter(Scope.Code, Status, Post, Q), new PageRequest(PageNumber, 20), ct);
        return Page();
    }
}
