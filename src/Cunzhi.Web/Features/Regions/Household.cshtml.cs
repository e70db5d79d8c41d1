using Microsoft.AspNetCore.Authorization;
using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Regions;

/// <summary>A household, its members, and (for county and town admins) its editable fields.</summary>
[Authorize(Policy = Permissions.HouseholdsRead)]
public sealed class HouseholdModel(HouseholdHandlers households, RegionHandlers regions, IValidator<UpdateHousehold> validator, IValidator<SaveResident> residentValidator) : PageModel
{
    public HouseholdDetail Detail { get; private set; } = null!;
    public RegionView Village { get; private set; } = null!;
    public IReadOnlyList<RegionView> SubRegions { get; private set; } = [];
    public bool Saved { get; private set; }
    public bool CanEdit => User.Can(Permissions.RegionsEdit);

    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public string HeadName { get; set; } = "";
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public string? GroupCode { get; set; }
    [BindProperty] public string? GridCode { get; set; }
    /// <summary>The household's version the form was filled from: a save over someone else's later change is refused, the input kept.</summary>
    [BindProperty] public int Version { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await households.GetAsync(Id, ct) is not { } d) return false;
        Detail = d;
        Village = (await regions.GetAsync(d.Household.RegionCode, ct))!;
        SubRegions = (await regions.ChildrenAsync(Village.Code, null, new Domain.Common.PageRequest(1, Domain.Common.PageRequest.MaxSize), ct)).Items;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        (HeadName, Address, GroupCode, GridCode, Version) = (Detail.Household.HeadName, Detail.Household.Address, Detail.GroupCode, Detail.GridCode, Detail.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        if (await this.RunCommandAsync(validator, new UpdateHousehold(HeadName ?? "", Address, GroupCode, GridCode) { Version = Version }, c => households.UpdateAsync(Id, c, ct), ct) is { } updated)
        {
            (Detail, Saved, Version) = (updated, true, updated.Version);
            // The form shows the saved version now: a second save from this page edits it, not the one it started from.
            ModelState.Remove(nameof(Version));
        }
        return Page();
    }

    [BindProperty] public SaveResidentForm NewMember { get; set; } = new();

    public async Task<IActionResult> OnPostAddResidentAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        if (!await LoadAsync(ct)) return NotFound();
        (HeadName, Address, GroupCode, GridCode, Version) = (Detail.Household.HeadName, Detail.Household.Address, Detail.GroupCode, Detail.GridCode, Detail.Version);
        if (await this.RunCommandAsync(residentValidator, NewMember.ToCommand(), c => households.AddResidentAsync(Id, c, ct), ct) is { } updated)
            (Detail, Saved, NewMember) = (updated, true, new());
        return Page();
    }

    public IEnumerable<RegionView> Of(RegionLevel level) => SubRegions.Where(r => r.Level == level);
}

/// <summary>A member as typed into a form (dates and gender may be missing until validated).</summary>
public sealed class SaveResidentForm
{
    public string? Name { get; set; }
    public Domain.People.Gender Gender { get; set; } = Domain.People.Gender.Male;
    public DateOnly? BirthDate { get; set; }
    public string? Relation { get; set; }
    public bool IsPartyMember { get; set; }
    /// <summary>The member's version the edit form was filled from (not used when adding a member).</summary>
    public int Version { get; set; }

    public SaveResident ToCommand() => new(Name ?? "", Gender, BirthDate ?? DateOnly.MinValue, Relation, IsPartyMember) { Version = Version };

    public static SaveResidentForm From(ResidentView r) => new()
    {
        Name = r.Name, Gender = r.Gender, BirthDate = r.BirthDate, Relation = r.Relation, IsPartyMember = r.IsPartyMember, Version = r.Version,
    };
}
