using Cunzhi.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Grid;

/// <summary>/Grid/Export?region=: the current links of a village or town as .xlsx in the import template's columns.</summary>
[Authorize(Policy = Permissions.GridManage)]
public sealed class ExportModel(NetLinkExport export) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await export.ExportAsync(Region, ct) is { } file ? file : NotFound();
}
