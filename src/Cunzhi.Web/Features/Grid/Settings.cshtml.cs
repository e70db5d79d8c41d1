using Cunzhi.Domain.Accounts;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Web.Infrastructure.Security;

namespace Cunzhi.Web.Features.Grid;

/// <summary>一网三联设置: the county's range of households per Party member (default 5–15); towns and villages read it.</summary>
[Authorize(Policy = Permissions.GridRead)]
public sealed class SettingsModel(GridSettings settings, IValidator<SaveGridPolicy> validator) : PageModel
{
    [BindProperty] public int MinHouseholds { get; set; }
    [BindProperty] public int MaxHouseholds { get; set; }
    [BindProperty] public int Version { get; set; }
    [TempData] public string? Message { get; set; }

    public GridPolicyView Policy { get; private set; } = null!;
    public bool CanEdit => User.Can(Permissions.GridSettingsEdit);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Policy = await settings.GetAsync(ct);
        if (ModelState.IsValid) (MinHouseholds, MaxHouseholds, Version) = (Policy.MinHouseholds, Policy.MaxHouseholds, Policy.Version);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!CanEdit) return Forbid();
        var saved = await this.RunCommandAsync(validator, new SaveGridPolicy(MinHouseholds, MaxHouseholds) { Version = Version },
            async c => (GridPolicyView?)await settings.SaveAsync(c, ct), ct);
        if (saved is not null)
        {
            Message = "已保存";
            return Redirect("/Grid/Settings");
        }
        await OnGetAsync(ct);
        return Page();
    }
}
