using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>库存台账: every stock line in scope (入库、报损、兑换), newest first, an item's when chosen; paged.</summary>
[Authorize(Policy = Permissions.PointsStoreRead)]
public sealed class StockMovementsModel(StoreItems h) : PageModel
{
    [BindProperty(SupportsGet = true)] public long? ItemId { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public Paged<StockMovementView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    public async Task OnGetAsync(CancellationToken ct) => Rows = await h.MovementsAsync(ItemId, new PageRequest(PageNumber, null), ct);
}
