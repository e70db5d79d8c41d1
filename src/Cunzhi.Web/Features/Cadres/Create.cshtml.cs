using Cunzhi.Domain.Regions;
using Cunzhi.Web.Features.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Cadres;

[Authorize(Policy = Permissions.CadresEdit)]
public sealed class CreateModel(CadreHandlers cadres, RegionHandlers regions, IValidator<CreateCadre> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string Village { get; set; } = "";
    [BindProperty] public CadreForm Form { get; set; } = new();
    public RegionView Region { get; private set; } = null!;

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        if (await regions.GetAsync(Village, ct) is not { Level: RegionLevel.Village } v) return false;
        Region = v;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await LoadAsync(ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct)) return NotFound();
        var created = await this.RunCommandAsync(validator, Form.ToCreate(Village), c => cadres.CreateAsync(c, ct), ct);
        return created is null ? Page() : Redirect($"/Cadres/Detail?id={created.Cadre.Id}");
    }
}
