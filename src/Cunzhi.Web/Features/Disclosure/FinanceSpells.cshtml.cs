using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Web.Features.Duty;
using Cunzhi.Web.Infrastructure.Security;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// 财务往来较多时段 (/Disclosure/FinanceSpells): the spells of the villages in scope (paged), and for the town or county the
/// form to declare one (village, from a quarter's first day, until a quarter's last day or open), to end an open one and
/// to delete one declared by mistake — each with the version it was read at.
/// </summary>
[Authorize(Policy = Permissions.DisclosureRead)]
public sealed class FinanceSpellsModel(FinanceSpells h, AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? Until { get; set; }
    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    public Paged<FinanceSpellView> Rows { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.DisclosureSpellsEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Villages = await DutyPageVillages.ListAsync(db, ct);
        Rows = await h.ListAsync(string.IsNullOrWhiteSpace(Village) ? null : Village, new PageRequest(PageNumber, 20), ct);
    }

    private async Task<IActionResult> AgainAsync(CancellationToken ct)
    {
        await OnGetAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        FinanceSpellView? made = null;
        if (!await this.RunRuleAsync(async () => made = await h.DeclareAsync(new DeclareFinanceSpell(Village, From, Until), ct))) return await AgainAsync(ct);
        if (made is null) return NotFound();
        Message = $"已认定{made.VillageName}自 {made.From:yyyy-MM-dd} 起{(made.Until is { } u ? $"至 {u:yyyy-MM-dd}" : "")}集体财务往来较多，其间财务事项每月公开";
        return Redirect($"/Disclosure/FinanceSpells?village={made.Village}");
    }

    public async Task<IActionResult> OnPostEndAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (await h.GetAsync(Id, ct) is not { } spell) return NotFound();
        FinanceSpellView? changed = null;
        try
        {
            if (!await this.RunRuleAsync(async () => changed = await h.ChangeAsync(Id, new ChangeFinanceSpell(spell.From, Until) { Version = Version }, ct)))
                return await AgainAsync(ct);
        }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyVersions.StaleMessage);
            return await AgainAsync(ct);
        }
        if (changed is null) return NotFound();
        Message = $"{changed.VillageName}的时段改为 {changed.From:yyyy-MM-dd} 至 {(changed.Until is { } u ? u.ToString("yyyy-MM-dd") : "今后")}";
        return Redirect($"/Disclosure/FinanceSpells?village={changed.Village}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var deleted = false;
        try { deleted = await h.RemoveAsync(Id, Version, ct); }
        catch (Microsoft.EntityFrameworkCore.DbUpdateConcurrencyException)
        {
            ModelState.AddModelError("", ConcurrencyVersions.StaleMessage);
            return await AgainAsync(ct);
        }
        if (!deleted) return NotFound();
        Message = "已删除该时段";
        return Redirect("/Disclosure/FinanceSpells");
    }
}
