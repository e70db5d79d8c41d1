using Cunzhi.Data;
using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Disclosure;
using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Duty;
using Cunzhi.Web.Infrastructure.Security;
using Cunzhi.Web.Infrastructure.Time;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Disclosure;

/// <summary>
/// 随时公开事项 (/Disclosure/Occurrences?village=): a village's recorded matters to be made public at once (paged, the posted
/// ones with their day), and for the village or its town the form to record one (item, day, short title) and to delete
/// one recorded by mistake and not yet posted. An unposted one links to the posting form filled with its day and title.
/// </summary>
[Authorize(Policy = Permissions.DisclosureRead)]
public sealed class OccurrencesModel(Occurrences h, DisclosurePolicyHandlers policies, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? ItemCode { get; set; }
    [BindProperty] public DateOnly? On { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public long Id { get; set; }
    [TempData] public string? Message { get; set; }

    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    public Paged<OccurrenceView>? List { get; private set; }
    public IReadOnlyList<DisclosureItem> Items { get; private set; } = [];
    public bool CanRecord => User.Can(Permissions.DisclosureOccurrencesRecord);
    public bool CanPost => User.Can(Permissions.DisclosurePost);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = DutyPageVillages.Own(db) ?? (string.IsNullOrWhiteSpace(Village) ? null : Village.Trim());
        Villages = await DutyPageVillages.ListAsync(db, ct);
        On ??= clock.Today();
        if (Village is null) return Page();
        if (RegionCodes.LevelOf(Village) != RegionLevel.Village) return NotFound();
        List = await h.ListAsync(Village, false, new PageRequest(PageNumber, 20), ct);
        if (List is null) return NotFound();
        Items = [.. (DisclosurePolicy.InForce(await policies.RulesOfAsync(RegionCodes.CountyOf(Village)!, ct), clock.Today())?.Items ?? [])
            .Where(i => i.Frequency == DisclosureFrequency.Immediate)];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanRecord) return Forbid();
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        OccurrenceView? made = null;
        if (await this.RunRuleAsync(async () => made = await h.RecordAsync(new RecordOccurrence(Village, ItemCode, On, Title), ct)) && made is null) return NotFound();
        if (made is null) return await OnGetAsync(ct);
        Message = $"已登记「{made.Title}」（{made.ItemName}，{made.On:yyyy-MM-dd}），请在期限内公开";
        return Redirect($"/Disclosure/Occurrences?village={made.Village}");
    }

    public async Task<IActionResult> OnPostDeleteAsync(CancellationToken ct)
    {
        if (!CanRecord) return Forbid();
        var deleted = false;
        if (!await this.RunRuleAsync(async () => deleted = await h.RemoveAsync(Id, ct))) return await OnGetAsync(ct);
        if (!deleted) return NotFound();
        Message = "已删除";
        return Redirect($"/Disclosure/Occurrences?village={Village}");
    }
}
