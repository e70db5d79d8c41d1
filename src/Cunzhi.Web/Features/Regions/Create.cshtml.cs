using Cunzhi.Domain.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Regions;

[Authorize(Policy = Permissions.RegionsEdit)]
public sealed class CreateModel(RegionHandlers regions, IValidator<CreateChildRegion> validator) : PageModel
{
    public RegionView Parent { get; private set; } = null!;
    public IReadOnlyList<RegionLevel> Levels => RegionCodes.ChildLevels(Parent.Level);

    [BindProperty(SupportsGet = true, Name = "parent")] public string ParentCode { get; set; } = "";
    [BindProperty] public RegionLevel Level { get; set; }
    [BindProperty] public string Name { get; set; } = "";
    [BindProperty] public string? Code { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(ParentCode, ct) is not { } p) return NotFound();
        Parent = p;
        Level = Levels.FirstOrDefault();
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(ParentCode, ct) is not { } p) return NotFound();
        Parent = p;
        var created = await this.RunCommandAsync(validator, new CreateChildRegion(Level, Name ?? "", Code), c => regions.CreateChildAsync(ParentCode, c, ct), ct);
        return created is null ? Page() : Redirect($"/Regions?code={created.Code}");
    }
}
