using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Reserves;
using Cunzhi.Web.Features.Regions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>/Reserves/Export?code=: the pool under a region as .xlsx, filtered as the list, for whoever may see the list.</summary>
[Authorize(Policy = Permissions.ReservesRead)]
public sealed class ExportModel(ReserveExport export, RegionHandlers regions) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty(SupportsGet = true)] public ReserveStatus? Status { get; set; }
    [BindProperty(SupportsGet = true)] public ReserveSource? Source { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var scope = string.IsNullOrEmpty(Code) ? await regions.RootAsync(ct) : await regions.GetAsync(Code, ct);
        return scope is null ? NotFound() : await export.ExportAsync(new ReserveFilter(scope.Code, Status, Source, Q), scope, ct);
    }
}
