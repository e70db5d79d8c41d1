using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Points;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Points;

/// <summary>村级积分条目: the villages' own items (in use first); a village adds items within the county's limits and retires them.</summary>
[Authorize(Policy = Permissions.PointsRulesRead)]
public sealed class VillageItemsModel(VillagePointsItems h, PointsLedger ledger, IValidator<AddVillageItem> validator) : PageModel
{
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public ItemForm Form { get; set; } = new();
    [TempData] public string? Message { get; set; }

    public sealed class ItemForm
    {
        public string? Code { get; set; }
        public string? Name { get; set; }
        public PointsSign Sign { get; set; } = PointsSign.Earn;
        public int Points { get; set; }
        public PointsHolderKind For { get; set; } = PointsHolderKind.Household;
        public bool EvidenceRequired { get; set; }
        public int? YearCap { get; set; }
    }

    public Paged<VillageItemView> Rows { get; private set; } = new([], 0, 1, PageRequest.DefaultSize);
    public PointsPolicy? County { get; private set; }
    public bool CanEdit => User.Can(Permissions.PointsVillageItemsEdit);

    private async Task LoadAsync(CancellationToken ct)
    {
        Rows = await h.ListAsync(new PageRequest(PageNumber, null), ct);
        County = (await ledger.ItemsAsync(ct)).County;
    }

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public async Task<IActionResult> OnPostAddAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var f = Form;
        var r = await this.RunCommandAsync(validator, new AddVillageItem(f.Code, f.Name, f.Sign, f.Points, f.For, f.EvidenceRequired, f.YearCap),
            async c => (VillageItemView?)await h.AddAsync(c, ct), ct);
        if (r is null)
        {
            await LoadAsync(ct);
            return Page();
        }
        Message = $"已增加本村条目：{r.Code} {r.Name}";
        return Redirect("/Points/VillageItems");
    }

    public async Task<IActionResult> OnPostRetireAsync(long id, CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        VillageItemView? r = null;
        if (!await this.RunRuleAsync(async () => r = await h.RetireAsync(id, ct)))
        {
            await LoadAsync(ct);
            return Page();
        }
        if (r is null) return NotFound();
        Message = $"已停用：{r.Code} {r.Name}（已记录的积分不变）";
        return Redirect("/Points/VillageItems");
    }
}
