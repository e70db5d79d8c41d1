using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Assessment;

/// <summary>A ledger attachment for the signed-in page user (the API has its own endpoint for bearer tokens).</summary>
[Authorize(Policy = Permissions.AssessmentLedgerRead)]
public sealed class AttachmentModel(LedgerHandlers h) : PageModel
{
    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) =>
        await h.AttachmentAsync(id, ct) is { } f ? File(f.Content, f.Type, f.Name) : NotFound();
}
