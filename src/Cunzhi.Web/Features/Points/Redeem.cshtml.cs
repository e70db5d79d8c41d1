using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>
/// 积分兑换 on one phone screen: find the household by head name or number, pick the item and quantity, confirm → the
/// receipt; below, the village's redemptions (paged), each linking its receipt.
/// </summary>
[Authorize(Policy = Permissions.PointsRedeem)]
public sealed class RedeemModel(StoreRedemptions h, StoreItems items, IValidator<RedeemItem> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public long? Household { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public long ItemId { get; set; }
    [BindProperty] public int Quantity { get; set; } = 1;

    public Paged<StoreHousehold>? Found { get; private set; }
    public StoreHousehold? Chosen { get; private set; }
    public IReadOnlyList<StoreItemView> Items { get; private set; } = [];
    public Paged<StoreReceipt> Recent { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);

    private async Task LoadAsync(CancellationToken ct)
    {
        if ((Q ?? "").Length > 50) Q = Q![..50];
        if (Household is { } id)
        {
            Chosen = await h.HouseholdAsync(id, ct);
            Items = (await items.ListAsync(false, new PageRequest(1, PageRequest.MaxSize), ct)).Items.Where(i => i.Stock > 0).ToList();
        }
        else if (!string.IsNullOrWhiteSpace(Q)) Found = await h.HouseholdsAsync(Q, new PageRequest(PageNumber, null), ct);
        Recent = await h.ListAsync(null, new PageRequest(Household is null && string.IsNullOrWhiteSpace(Q) ? PageNumber : 1, null), ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return Household is not null && Chosen is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Household is not { } household) return BadRequest();
        var r = await this.RunCommandAsync(validator, new RedeemItem(household, ItemId, Quantity), c => h.RedeemAsync(c, ct), ct);
        if (r is null && ModelState.IsValid) return NotFound();
        if (r is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        return Redirect($"/Points/Receipt/{r.Id}");
    }
}
