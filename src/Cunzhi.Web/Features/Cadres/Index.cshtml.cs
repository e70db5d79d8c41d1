using System.Security.Claims;
using Cunzhi.Data.Security;
using Cunzhi.Domain.Cadres;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres;

[Authorize(Policy = Permissions.CadresRead)]
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
    public bool CanEdit => User.Can(Permissions.CadresEdit);

    /// <summary>Set when a GET carried an ID number in the URL: refused (400), not searched.</summary>
    public string? Refused { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (CadreSearch.LooksLikeNationalId(Q))
        {
            // The number is already in this request's URL; searching would only invite more such links. Say how instead.
            Q = null;
            Refused = CadreSearch.UsePostMessage;
            Response.StatusCode = StatusCodes.Status400BadRequest;
        }
        return await ListAsync(ct);
    }

    /// <summary>
    /// The search form posts: a full ID number is searched and answered right here (the URL stays /Cadres); a name goes
    /// back to the GET list (post-redirect-get), so paging and bookmarks keep working for names.
    /// </summary>
    public async Task<IActionResult> OnPostSearchAsync(CancellationToken ct)
    {
        if (!CadreSearch.LooksLikeNationalId(Q))
            return RedirectToPage(new { region = Region, status = Status?.ToString() ?? "", post = Post, q = string.IsNullOrWhiteSpace(Q) ? null : Q.Trim() });
        return await ListAsync(ct);
    }

    private async Task<IActionResult> ListAsync(CancellationToken ct)
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
