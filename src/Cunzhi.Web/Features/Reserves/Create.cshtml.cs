using Cunzhi.Web.Features.Regions;
using FluentValidation;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Cunzhi.Domain.Accounts;

namespace Cunzhi.Web.Features.Reserves;

/// <summary>Enter a candidate into a village's pool or a town-level pool in scope.</summary>
[Authorize(Policy = Permissions.ReservesEdit)]
public sealed class CreateModel(ReserveHandlers reserves, IValidator<CreateReserve> validator) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Code { get; set; }
    [BindProperty] public ReserveForm Form { get; set; } = new();

    public IReadOnlyList<RegionView> Regions { get; private set; } = [];
    public IReadOnlyList<TrainerOption> Trainers { get; private set; } = [];

    private async Task LoadAsync(CancellationToken ct)
    {
        Regions = await reserves.PoolRegionsAsync(ct);
        // Trainers are offered once the pool is known; otherwise a name is typed.
        if (Regions.Any(r => r.Code == Code)) Trainers = await reserves.TrainerOptionsAsync(Code!, ct);
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        // A pool named in the link must be one the account can see.
        return !string.IsNullOrEmpty(Code) && Regions.All(r => r.Code != Code) ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var created = await this.RunCommandAsync(validator, Form.ToCreate(Code ?? ""), c => reserves.CreateAsync(c, ct), ct);
        if (created is not null) return Redirect($"/Reserves/Detail?id={created.Reserve.Id}");
        // A valid code the handler could not find is a region out of scope: the same answer as a read.
        return ModelState.IsValid ? NotFound() : Page();
    }
}
