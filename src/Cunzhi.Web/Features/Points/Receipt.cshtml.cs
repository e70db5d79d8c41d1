using Cunzhi.Domain.Accounts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>兑换单: a printable receipt of one redemption (number, item, points, balance left, China time, masked name).</summary>
[Authorize(Policy = Permissions.PointsStoreRead)]
public sealed class ReceiptModel(StoreRedemptions h) : PageModel
{
    public StoreReceipt? Receipt { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct)
    {
        Receipt = await h.ReceiptAsync(id, ct);
        return Receipt is null ? NotFound() : Page();
    }
}
