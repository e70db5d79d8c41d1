using Cunzhi.Domain.Cadres;
using Cunzhi.Web.Features.Regions;
using Cunzhi.Web.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres.Import;

/// <summary>/Cadres/Export: the list page's filtered registry as .xlsx; the same parameters and defaults as /Cadres.</summary>
[Authorize(Policy = Permissions.CadresRead)]
public sealed class ExportModel(CadreExport export, RegionHandlers regions, IAuthorizationService authorization) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public CadreStatus? Status { get; set; } = CadreStatus.InOffice;
    [BindProperty(SupportsGet = true)] public string? Post { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>包含完整证件号: refused, not quietly ignored, without the reveal permission.</summary>
    [BindProperty(SupportsGet = true)] public bool Full { get; set; }

    /// <summary>A GET with an ID number in the URL is refused (400); the list page's export form posts.</summary>
    public Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        CadreSearch.LooksLikeNationalId(Q) ? Task.FromResult<IActionResult>(BadRequest()) : ExportAsync(ct);

    public Task<IActionResult> OnPostAsync(CancellationToken ct) => ExportAsync(ct);

    private async Task<IActionResult> ExportAsync(CancellationToken ct)
    {
        if (Full && !(await authorization.AuthorizeAsync(User, PersonalDataGrant.RevealPolicy)).Succeeded) return Forbid();
        var scope = string.IsNullOrEmpty(Region) ? await regions.RootAsync(ct) : await regions.GetAsync(Region, ct);
        if (scope is null) return NotFound();
        return await export.ExportAsync(new CadreFilter(scope.Code, Status, Post, Q), scope, Full, ct);
    }
}
