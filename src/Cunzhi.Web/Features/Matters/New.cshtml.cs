using Cunzhi.Domain.Accounts;
using Cunzhi.Domain.Common;
using Cunzhi.Domain.Matters;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Matters;

/// <summary>
/// 登记诉求 on one phone screen, with the household picker (the village's households by 户号 or head's name, names
/// masked) and, from a points entry's 登记诉求 (?entry=), the form pre-filled and linked to that entry. The answer shows
/// the resident's receipt code once, as a slip to print or copy by hand: it is never stored (only its keyed hash) and
/// the page never redirects with it, so it is in no URL, log or TempData.
/// </summary>
[Authorize(Policy = Permissions.MattersRegister)]
public sealed class NewModel(MatterDesk desk, MatterLinks links, IValidator<RegisterMatter> validator) : PageModel
{
    [BindProperty] public MatterForm Form { get; set; } = new();
    /// <summary>The village whose households the picker searches (a town or county account chooses it).</summary>
    [BindProperty(SupportsGet = true)] public string? Village { get; set; }
    /// <summary>The picker's search: 户号 or part of the head's name.</summary>
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    /// <summary>The points entry to register a matter from.</summary>
    [BindProperty(SupportsGet = true)] public long? Entry { get; set; }
    [FromQuery(Name = "page")] public int? PageNumber { get; set; }

    public sealed class MatterForm
    {
        public string? Village { get; set; }
        public long? HouseholdId { get; set; }
        public long? PointsEntryId { get; set; }
        public MatterKind Kind { get; set; } = MatterKind.MicroMatter;
        public MatterSource Source { get; set; } = MatterSource.Visit;
        public string? Title { get; set; }
        public string? Description { get; set; }
        public string? ResidentName { get; set; }
    }

    public IReadOnlyList<VillageOption> Villages { get; private set; } = [];
    public bool ChoosesVillage { get; private set; }
    public MatterRegistered? Registered { get; private set; }
    /// <summary>The village the picker lists (the account's own for a village account).</summary>
    public string? PickerVillage { get; private set; }
    public Paged<HouseholdOption> Households { get; private set; } = new([], 0, 1, MatterLinks.PickerPage);
    /// <summary>The household chosen (kept when it is not on the page listed).</summary>
    public HouseholdOption? Chosen { get; private set; }
    public PointsPrefill? FromEntry { get; private set; }

    private async Task LoadAsync(CancellationToken ct)
    {
        var region = User.FindFirst(Cunzhi.Data.Security.CunzhiClaims.Region)?.Value;
        ChoosesVillage = RegionCodes.LevelOf(region) != RegionLevel.Village;
        if (ChoosesVillage) Villages = await desk.VillagesAsync(ct);
        var village = ChoosesVillage ? Form.Village ?? Village : region;
        PickerVillage = village is { Length: <= 12 } ? village.Trim() : null;
        if (PickerVillage is not null) Households = await links.HouseholdsAsync(PickerVillage, Q, new PageRequest(PageNumber, MatterLinks.PickerPage), ct);
        if (Form.HouseholdId is { } hid) Chosen = Households.Items.FirstOrDefault(h => h.Id == hid) ?? await links.HouseholdAsync(hid, ct);
        if (Form.PointsEntryId is { } eid) FromEntry = await links.FromEntryAsync(eid, ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Entry is { } entry)
        {
            if (await links.FromEntryAsync(entry, ct) is not { } p) return NotFound();
            Form = new MatterForm
            {
                Village = p.Village, HouseholdId = p.HouseholdId, PointsEntryId = p.EntryId, Source = MatterSource.Other, Title = p.Title, Description = p.Description,
            };
        }
        else if (Village is { Length: <= 12 }) Form.Village = Village.Trim();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var f = Form;
        var notFound = false;
        Registered = await this.RunCommandAsync(validator,
            new RegisterMatter(ChoosesVillage ? f.Village : null, f.HouseholdId, f.Kind, f.Source, f.Title, f.Description, f.ResidentName, f.PointsEntryId),
            async c =>
            {
                var r = await desk.RegisterAsync(c, ct);
                notFound = r is null;
                return r;
            }, ct);
        if (notFound) ModelState.AddModelError("Form.Village", "未找到该村或积分记录（或不在您的管辖范围内）");
        return Page();
    }
}
