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
/// 村务公开 (/Disclosure?village=): a village's disclosures (paged, withdrawn ones marked) and, for those who may post, the
/// posting form — item, period (or the occurrence's day and name), title, body, a table typed one row a line, files, and
/// the 「不含个人信息」 confirmation for images. A refusal (a personal number, a period not owed, a duplicate) is shown on
/// the form and nothing is written. Withdrawing needs a reason and the posting's version.
/// </summary>
[Authorize(Policy = Permissions.DisclosureRead)]
public sealed class IndexModel(DisclosurePostings postings, DisclosurePolicyHandlers policies, Occurrences occurrences, AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    [BindProperty(SupportsGet = true, Name = "page")] public int? PageNumber { get; set; }
    [BindProperty] public string? ItemCode { get; set; }
    [BindProperty] public DateOnly? PeriodStart { get; set; }
    [BindProperty] public string? OccurrenceKey { get; set; }
    [BindProperty] public string? Title { get; set; }
    [BindProperty] public string? Body { get; set; }
    [BindProperty] public string? TableText { get; set; }
    [BindProperty] public bool ImagesHaveNoPersonalData { get; set; }
    [BindProperty] public long Id { get; set; }
    [BindProperty] public int Version { get; set; }
    [BindProperty] public string? Reason { get; set; }
    [TempData] public string? Message { get; set; }
    /// <summary>From a recorded occurrence's 去公开 link: the item, day and key to fill the form with.</summary>
    [FromQuery(Name = "item")] public string? FillItem { get; set; }
    [FromQuery(Name = "on")] public DateOnly? FillOn { get; set; }
    [FromQuery(Name = "key")] public string? FillKey { get; set; }

    public IReadOnlyList<DutyVillageChoice> Villages { get; private set; } = [];
    public Paged<DisclosureView>? List { get; private set; }
    public IReadOnlyList<DisclosureItem> Items { get; private set; } = [];
    /// <summary>The village's recorded occurrences not yet posted (the latest 50), each with a link that fills the form.</summary>
    public IReadOnlyList<OccurrenceView> Open { get; private set; } = [];
    public bool CanPost => User.Can(Permissions.DisclosurePost);
    public DateOnly Today => clock.Today();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Village = DutyPageVillages.Own(db) ?? (string.IsNullOrWhiteSpace(Village) ? null : Village.Trim());
        Villages = await DutyPageVillages.ListAsync(db, ct);
        if (Village is not null)
        {
            if (RegionCodes.LevelOf(Village) != RegionLevel.Village) return NotFound();
            List = await postings.ListAsync(Village, null, true, new PageRequest(PageNumber, 20), ct);
            if (List is null) return NotFound();
            Items = DisclosurePolicy.InForce(await policies.RulesOfAsync(RegionCodes.CountyOf(Village)!, ct), Today)?.Items ?? [];
            Open = (await occurrences.ListAsync(Village, unpostedOnly: true, new PageRequest(1, 50), ct))?.Items ?? [];
            if (ItemCode is null && FillKey is not null)
                (ItemCode, PeriodStart, OccurrenceKey, Title) = (FillItem, FillOn, FillKey, FillKey);
        }
        return Page();
    }

    public async Task<IActionResult> OnPostPostAsync(CancellationToken ct)
    {
        if (!CanPost) return Forbid();
        Village = DutyPageVillages.Own(db) ?? Village?.Trim();
        if (Village is null || RegionCodes.LevelOf(Village) != RegionLevel.Village) return NotFound();
        var command = new PostDisclosure(ItemCode, PeriodStart, OccurrenceKey, Title, Body, DisclosureTable.FromLines(TableText), ImagesHaveNoPersonalData, [.. Request.Form.Files]);
        DisclosureView? posted = null;
        if (await this.RunRuleAsync(async () => posted = await postings.PostAsync(Village, command, ct)) && posted is null) return NotFound();
        if (posted is not null)
        {
            Message = $"已公开「{posted.ItemName}」{posted.PeriodLabel}：{posted.Title}";
            return Redirect($"/Disclosure?village={Village}");
        }
        return await OnGetAsync(ct);
    }

    public async Task<IActionResult> OnPostWithdrawAsync(CancellationToken ct)
    {
        if (!CanPost) return Forbid();
        DisclosureView? withdrawn = null;
        if (await this.RunRuleAsync(async () => withdrawn = await postings.WithdrawAsync(Id, new WithdrawDisclosure(Reason) { Version = Version }, ct)) && withdrawn is null)
            return NotFound();
        if (withdrawn is not null)
        {
            Message = $"已撤回「{withdrawn.ItemName}」{withdrawn.PeriodLabel}的公开";
            return Redirect($"/Disclosure?village={withdrawn.Village}");
        }
        return await OnGetAsync(ct);
    }
}
