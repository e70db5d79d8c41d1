using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Regions;

[Authorize(Policy = Permissions.RegionsEdit)]
public sealed class EditModel(RegionHandlers regions, IValidator<RenameRegion> validator) : PageModel
{
    public RegionView Region { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";
    /// <summary>The version the form was filled from: a save over someone else's later change is refused, the input kept.</summary>
    [BindProperty] public int Version { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Code, ct) is not { } r) return NotFound();
        Region = r;
        (Name, Version) = (r.Name, r.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Code, ct) is not { } r) return NotFound();
        Region = r;
        var renamed = await this.RunCommandAsync(validator, new RenameRegion(Name ?? "") { Version = Version }, c => regions.RenameAsync(Code, c, ct), ct);
        return renamed is null ? Page() : Redirect($"/Regions?code={Code}");
    }
}
