using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Households;

/// <summary>/Households/Export?code=: a village's households as .xlsx, for whoever may see the household list.</summary>
[Authorize(Policy = Permissions.HouseholdsRead)]
public sealed class ExportModel(HouseholdExport export) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await export.ExportAsync(Code, ct) is { } file ? file : NotFound();
}
