using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Cunzhi.Web.Features.Regions;

[Authorize(Roles = CunzhiApi.RegionEditors)]
public sealed class EditModel(RegionHandlers regions, IValidator<RenameRegion> validator) : PageModel
{
    public RegionView Region { get; private set; } = null!;

    [BindProperty(SupportsGet = true)] public string Code { get; set; } = "";
    [BindProperty] public string Name { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Code, ct) is not { } r) return NotFound();
        Region = r;
        Name = r.Name;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Code, ct) is not { } r) return NotFound();
        Region = r;
        var command = new RenameRegion(Name ?? "");
        if (await validator.ErrorsAsync(command, ct) is { } errors)
        {
            foreach (var (k, v) in errors) foreach (var m in v) ModelState.AddModelError(k, m);
            return Page();
        }
        await regions.RenameAsync(Code, command, ct);
        return Redirect($"/Regions?code={Code}");
    }
}
