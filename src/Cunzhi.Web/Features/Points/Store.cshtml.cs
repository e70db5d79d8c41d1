using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>积分超市: the items the account sees (on the shelf first), and for the owner: put on the shelf, price, restock, write off, retire.</summary>
[Authorize(Policy = Permissions.PointsStoreRead)]
public sealed class StoreModel(StoreItems h, Cunzhi.Data.Security.UserContext account, IValidator<AddStoreItem> addValidator, IValidator<MoveStock> moveValidator, IValidator<RepriceStoreItem> priceValidator) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public bool All { get; set; }
    [BindProperty] public AddForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public sealed class AddForm
    {
        public string? Name { get; set; }
        public int Points { get; set; }
        public int Stock { get; set; }
    }

    public Paged<StoreItemView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public bool CanManage => User.Can(Permissions.PointsStoreManage);
    public bool CanRedeem => User.Can(Permissions.PointsRedeem);

    /// <summary>Whether the account may change this item (its own village's or town's).</summary>
    public bool Owns(StoreItemView i) => CanManage && i.RegionCode == account.RegionCode;

    private async Task LoadAsync(CancellationToken ct) => Rows = await h.ListAsync(All, new PageRequest(PageNumber, null), ct);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    private async Task<IActionResult> AfterAsync(object? result, string done, CancellationToken ct)
    {
        if (result is null && ModelState.IsValid) return NotFound();
        if (result is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = done;
        return Redirect("/Points/Store");
    }

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var r = await this.RunCommandAsync(addValidator, new AddStoreItem(Form.Name, Form.Points, Form.Stock), async c => (StoreItemView?)await h.AddAsync(c, ct), ct);
        return await AfterAsync(r, $"已上架：{r?.Name}", ct);
    }

    public async Task<IActionResult> OnPostPriceAsync(long id, int points, int version, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        var r = await this.RunCommandAsync(priceValidator, new RepriceStoreItem(points, version), c => h.RepriceAsync(id, c, ct), ct);
        return await AfterAsync(r, $"已调整兑换积分：{r?.Name} 每件 {r?.Points} 分（已兑换的不变）", ct);
    }

    public async Task<IActionResult> OnPostMoveAsync(long id, StockMovementKind kind, int quantity, string? reason, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        if (kind is not (StockMovementKind.Restock or StockMovementKind.WriteOff)) return BadRequest();
        var r = await this.RunCommandAsync(moveValidator, new MoveStock(quantity, reason), c => h.MoveAsync(id, kind, c, ct), ct);
        return await AfterAsync(r, $"已{PointsNames.Movement(kind)}：{r?.ItemName} {Math.Abs(r?.Quantity ?? 0)} 件，现有库存 {r?.StockAfter} 件", ct);
    }

    public async Task<IActionResult> OnPostRetireAsync(long id, CancellationToken ct)
    {
        if (!CanManage) return Forbid();
        StoreItemView? r = null;
        if (!await this.RunRuleAsync(async () => r = await h.RetireAsync(id, ct)))
        {
            await LoadAsync(ct);
            return Page();
        }
        if (r is null) return NotFound();
        Message = $"已下架：{r.Name}";
        return Redirect("/Points/Store");
    }
}
