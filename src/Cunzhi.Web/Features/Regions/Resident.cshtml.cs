using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Regions;

/// <summary>Edit or remove one member of a household (county and town admins).</summary>
[Authorize(Policy = Permissions.RegionsEdit)]
public sealed class ResidentModel(HouseholdHandlers households, IValidator<SaveResident> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    [BindProperty] public SaveResidentForm Member { get; set; } = new();
    public HouseholdDetail Household { get; private set; } = null!;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await households.HouseholdOfResidentAsync(Id, ct) is not { } h) return false;
        Household = h;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        Member = SaveResidentForm.From(Household.Residents.Single(r => r.Id == Id));
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var saved = await this.RunCommandAsync(validator, Member.ToCommand(), c => households.UpdateResidentAsync(Id, c, ct), ct);
        return saved is null ? Page() : Redirect($"/Regions/Household?id={Household.Household.Id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        await households.RemoveResidentAsync(Id, ct);
        return Redirect($"/Regions/Household?id={Household.Household.Id}");
    }
}
